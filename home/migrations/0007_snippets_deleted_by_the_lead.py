"""Deleting a snippet visitors see is the Communications lead's, as publishing it is.

Deleting the live footer took it off every English page at once (they fell back to the
Norwegian one) and lost its translations: that is unpublishing, which under the approval
workflow (site_core.editorial) Editors never do. Wagtail's snippet permissions are per
model, not per object, so Editors lose the delete permission of the three public snippets
and the group Communications lead gets it.
"""

from django.db import migrations

# The names of site_core.editorial (a migration keeps its own copy).
EDITORS = "Editors"
LEAD = "Communications lead"
SNIPPETS = [("footer", "footer"), ("membercompany", "member company"), ("newstag", "news tag")]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    found = []
    for model_name, verbose_name in SNIPPETS:
        content_type = ContentType.objects.get_or_create(app_label="home", model=model_name)[0]
        found.append(
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"delete_{model_name}",
                defaults={"name": f"Can delete {verbose_name}"},
            )[0]
        )
    return found


def deleted_by_the_lead(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    delete = permissions(apps)
    Group.objects.get_or_create(name=LEAD)[0].permissions.add(*delete)
    for editors in Group.objects.filter(name=EDITORS):
        editors.permissions.remove(*delete)


def deleted_by_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    delete = permissions(apps)
    for editors in Group.objects.filter(name=EDITORS):
        editors.permissions.add(*delete)
    for lead in Group.objects.filter(name=LEAD):
        lead.permissions.remove(*delete)


class Migration(migrations.Migration):
    dependencies = [("home", "0006_snippets_published_by_the_lead")]

    operations = [migrations.RunPython(deleted_by_the_lead, deleted_by_editors)]
