"""Keep each stored search vector inline and uncompressed (PostgreSQL only).

Ranking a search (`ts_rank`) reads the vector of every match. Stored the default way, a
vector of a few hundred words (2–6 KB) was compressed with pglz and often moved into the
TOAST table, so each match cost a decompression and extra index look-ups. With storage
MAIN and a toast_tuple_target of a whole page, PostgreSQL keeps a row of up to 8160 bytes
as it is, in the table; a longer one is still compressed and, if it must, moved out of
line, so no page is too long to index. bench/search.py, 20,000 pages: a word on 4,800 pages
62 ms → 29–48 ms (docs/decisions.md, "Search matches stored per-language vectors").

Existing vectors are rewritten (`|| ''` makes a new value), so that they follow the new
storage at once rather than when their page is next indexed.
"""

from django.db import migrations

INLINE = """
    ALTER TABLE site_core_pagesearchvector
        ALTER COLUMN vector SET STORAGE MAIN, SET (toast_tuple_target = 8160);
    UPDATE site_core_pagesearchvector SET vector = vector || ''::tsvector;
"""
DEFAULT = """
    ALTER TABLE site_core_pagesearchvector
        ALTER COLUMN vector SET STORAGE EXTENDED, RESET (toast_tuple_target);
"""


def on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("site_core", "0005_page_search_vector")]

    operations = [migrations.RunPython(on_postgres(INLINE), on_postgres(DEFAULT))]
