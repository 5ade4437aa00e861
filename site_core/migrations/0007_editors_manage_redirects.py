from django.db import migrations

REDIRECT_PERMISSIONS = ("add_redirect", "change_redirect", "delete_redirect")


def grant_redirect_permissions(apps, schema_editor):
    """Wagtail's Editors group manages redirects (Settings → Redirects): moving content is
    communications staff's work, and until now only administrators could add one."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailredirects", model="redirect"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )[0]
        for codename in REDIRECT_PERMISSIONS
    ]
    Group.objects.get_or_create(name="Editors")[0].permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0006_search_vectors_inline"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(grant_redirect_permissions, migrations.RunPython.noop)]
