"""Attachments point at site_core.PrivateDocument; the old document rows go.

The last step of site_core 0002 (which copied every document with its id and moved
its file to the private storage): the old rows can only be deleted once this foreign
key no longer points at them.
"""

import django.db.models.deletion
from django.db import migrations, models


def delete_old_documents(apps, schema_editor):
    apps.get_model("wagtaildocs", "Document").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intranet", "0003_profile_company_source_rows"),
        ("site_core", "0002_move_documents_to_private_storage"),
    ]

    operations = [
        migrations.AlterField(
            model_name="membernewsattachment",
            name="document",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="member_news_attachments",
                to="site_core.privatedocument",
                verbose_name="document",
            ),
        ),
        migrations.RunPython(delete_old_documents, elidable=False),
    ]
