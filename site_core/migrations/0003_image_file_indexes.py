"""Index the file names of images and renditions.

The checked image view (site_core.media_views) finds an image by the file name in its
URL; without an index that is a scan of every rendition on each uncached request.
"""

from django.db import migrations

INDEXES = {
    "site_core_image_file_idx": "wagtailimages_image",
    "site_core_rendition_file_idx": "wagtailimages_rendition",
}


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0002_move_documents_to_private_storage"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} (file)",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table in INDEXES.items()
    ]
