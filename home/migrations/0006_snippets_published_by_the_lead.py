from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

# The names of site_core.editorial (a migration keeps its own copy: it must run the same way
# after the module changes).
EDITORS = "Editors"
LEAD = "Communications lead"
WORKFLOW = "Communications lead approval"

# The snippets visitors see (site_core.snippet_drafts.PublishableSnippet): model name,
# verbose name (Wagtail names its permissions so) and the field its revisions are named by.
SNIPPETS = [
    ("footer", "footer", "organisation"),
    ("membercompany", "member company", "name"),
    ("newstag", "news tag", "name"),
]


def permission(apps, content_type, action, verbose_name):
    """The permission Wagtail makes for a snippet with draft state or locking (made here
    first: Wagtail makes its own after every migration, and skips one that exists)."""
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{content_type.model}",
        defaults={"name": f"Can {action} {verbose_name}"},
    )[0]


def publish_through_the_lead(apps, schema_editor):
    """The Communications lead publishes snippets, as it publishes pages.

    Each public snippet model gets the workflow *Communications lead approval* (made by
    site_core 0008): an editor saves a draft and submits it, the lead approves it (it goes
    live) or asks for changes. The group Communications lead gets the publish permission of
    each; Editors, who keep adding, changing and deleting snippets, get lock and unlock
    (as for pages) and never publish. Every existing row stays live (the `live` field's
    default in 0005), and gets a first revision, published, so the admin and
    wagtail-localize's editor show it as live with its history starting here."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    lead = Group.objects.get_or_create(name=LEAD)[0]
    editors = Group.objects.filter(name=EDITORS).first()
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    for model_name, verbose_name, title_field in SNIPPETS:
        content_type = ContentType.objects.get_or_create(app_label="home", model=model_name)[0]
        publish = permission(apps, content_type, "publish", verbose_name)
        lead.permissions.add(publish)
        if editors is not None:
            editors.permissions.remove(publish)
            locking = [
                permission(apps, content_type, action, verbose_name) for action in ("lock", "unlock")
            ]
            editors.permissions.add(*locking)
        if workflow is not None:
            WorkflowContentType.objects.update_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
        publish_existing_rows(apps, content_type, model_name, title_field)


def publish_existing_rows(apps, content_type, model_name, title_field):
    """A published first revision of each row of `model_name` that has none."""
    Model = apps.get_model("home", model_name)
    Revision = apps.get_model("wagtailcore", "Revision")
    now = timezone.now()
    for instance in Model.objects.filter(latest_revision__isnull=True, live=True):
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(instance.pk),
            content=get_serializable_data_for_fields(instance),
            object_str=getattr(instance, title_field),
            created_at=now,
        )
        Model.objects.filter(pk=instance.pk).update(
            latest_revision=revision,
            live_revision=revision,
            first_published_at=now,
            last_published_at=now,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_snippet_draft_state"),
        ("site_core", "0008_communications_lead_approval"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(publish_through_the_lead, migrations.RunPython.noop)]
