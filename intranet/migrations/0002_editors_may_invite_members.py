from django.db import migrations


def grant_invite_permission(apps, schema_editor):
    """Wagtail's Editors group may invite members (superusers may anyway)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="intranet", model="memberprofile")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="invite_member",
        defaults={"name": "Can invite members to the intranet"},
    )
    Group.objects.get_or_create(name="Editors")[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant_invite_permission, migrations.RunPython.noop)]
