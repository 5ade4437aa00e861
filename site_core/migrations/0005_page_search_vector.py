"""Stored search vectors for the public search (site_core.search_index).

Creates site_core.PageSearchVector, its GIN index (PostgreSQL only: SQLite has no such
index, and its search is Wagtail's) and, on PostgreSQL, the vector of every page Wagtail has
already indexed, from its index entry. From then on the search backend keeps them current.
The SQL is written out here rather than imported, so that this migration keeps doing what
it did when the code moves on; it matches site_core.search_index.store_page_vectors.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Frozen copy of site_core.search_index.TEXT_SEARCH_CONFIGS as of this migration.
CONFIG_OF_LANGUAGE = """
    CASE locale.language_code
        WHEN 'nb' THEN 'norwegian'::regconfig
        WHEN 'en' THEN 'english'::regconfig
        ELSE 'simple'::regconfig
    END
"""

BUILD_VECTORS = f"""
    INSERT INTO site_core_pagesearchvector (page_id, vector)
    SELECT page.id,
           setweight(to_tsvector(language.config, COALESCE(entry.title_text, '')), 'A')
           || setweight(to_tsvector(language.config, COALESCE(entry.body_text, '')), 'B')
    FROM wagtailcore_page AS page
    JOIN wagtailcore_locale AS locale ON locale.id = page.locale_id
    JOIN wagtailsearch_indexentry AS entry
      ON entry.content_type_id = page.content_type_id AND entry.object_id = page.id::text
    CROSS JOIN LATERAL (SELECT {CONFIG_OF_LANGUAGE} AS config) AS language
    ON CONFLICT (page_id) DO UPDATE SET vector = EXCLUDED.vector
"""


class AddIndexOnPostgres(migrations.AddIndex):
    """AddIndex whose index exists in the database on PostgreSQL only (and in the state always)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def build_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BUILD_VECTORS)


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0004_schedule_state"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageSearchVector",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_vector",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        AddIndexOnPostgres(
            model_name="pagesearchvector",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["vector"], name="site_core_page_vector_gin"
            ),
        ),
        migrations.RunPython(build_vectors, migrations.RunPython.noop, elidable=True),
    ]
