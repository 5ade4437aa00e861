"""The communications lead answers for the site's personal data: they see the newsletter's
subscribers (and export them) and find, export and erase what is stored about one address
(Settings → Personal data). Editors get neither: the lead is the one person staff and
visitors write to about personal data (the privacy statement names them)."""

from django.db import migrations

# The names of site_core.editorial and of the models' permissions (a migration keeps its
# own copy: it must run the same way after the code changes).
LEAD = "Communications lead"
PERMISSIONS = [
    ("home", "newslettersubscription", "view_newslettersubscription",
     "Can view newsletter subscription"),
    ("site_core", "personaldataerasure", "manage_personal_data",
     "Can find, export and erase personal data"),
]  # fmt: skip


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    lead = Group.objects.get_or_create(name=LEAD)[0]
    for app_label, model, codename, name in PERMISSIONS:
        content_type = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
        permission = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        lead.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    lead = Group.objects.filter(name=LEAD).first()
    if lead:
        lead.permissions.remove(
            *lead.permissions.filter(codename__in=[codename for *_x, codename, _n in PERMISSIONS])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_article_contact_person"),
        ("site_core", "0009_personal_data_erasure"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
