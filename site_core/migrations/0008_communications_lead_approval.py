from django.db import migrations

# The names site_core.workflow uses (a migration keeps its own copy: it must run the same
# way after the module changes).
EDITORS = "Editors"
LEAD = "Communications lead"
WORKFLOW = "Communications lead approval"
DEFAULT_WORKFLOW = "Moderators approval"


def page_permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )[0]


def set_up_approval(apps, schema_editor):
    """Editors draft and submit; the Communications lead group approves and publishes.

    The group Communications lead gets the publish permission on the whole tree and is the
    one task of the workflow that the root page (so every page, in both languages) now
    uses, in place of Wagtail's default "Moderators approval". The publish permission that
    earlier demo loads gave Editors is taken away: with it, Wagtail shows them a Publish
    button beside "Submit for moderation" and the workflow would be a suggestion."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root = Page.objects.get(depth=1)
    publish = page_permission(apps, "publish_page")
    lead = Group.objects.get_or_create(name=LEAD)[0]
    GroupPagePermission.objects.get_or_create(group=lead, page=root, permission=publish)
    GroupPagePermission.objects.filter(group__name=EDITORS, permission=publish).delete()

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW, content_type=task_type, active=True)
    task.groups.set([lead])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.filter(name=DEFAULT_WORKFLOW).exclude(workflow_pages__isnull=False).update(
        active=False
    )


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0007_editors_manage_redirects"),
        ("wagtailcore", "0090_remove_grouppagepermission_permission_type"),
    ]

    operations = [migrations.RunPython(set_up_approval, migrations.RunPython.noop)]
