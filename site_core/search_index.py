"""Each page's stored search vector: how it is built from Wagtail's index.

The public search (site_core.search) stems with the visitor's language. Computing vectors
from Wagtail's index text at query time costs a ``to_tsvector`` of every index row on every
search, growing with the site. Instead every indexed page keeps one stored vector
(``site_core.PageSearchVector``), built from the same text Wagtail indexes
(``IndexEntry.title_text`` and ``body_text``) with the text-search configuration of the
page's own language, title weighted A and body B: exactly the vector the query used to
compute for that page, since a page is searched only in its own language.

The vector is rewritten wherever Wagtail rewrites the page's index entry: the search backend
(site_core.search_backend) stores the vectors of the pages it has just indexed, in the same
transaction. Saving or publishing a page, wagtail-localize publishing a translation and
``manage.py update_index`` all pass through it; deleting a page deletes its vector (foreign
key cascade). Whether a page is live, in the visitor's language
and public is decided at query time, so unpublishing or a change of privacy needs no
rewrite. The vectors of pages that existed before were built by migration site_core 0005.

Nothing is stored on SQLite, where the search is Wagtail's.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from site_core.models import PageSearchVector

# PostgreSQL text-search configurations by language code; other languages are not stemmed.
TEXT_SEARCH_CONFIGS = {"nb": "norwegian", "en": "english"}
UNSTEMMED_CONFIG = "simple"


def text_search_config(language):
    """The PostgreSQL text-search configuration (a name) for a language code."""
    return TEXT_SEARCH_CONFIGS.get(language, UNSTEMMED_CONFIG)


def store_page_vectors(page_ids, using=DEFAULT_DB_ALIAS):
    """(Re)write the stored vector of every page in `page_ids` (page primary keys) from its
    Wagtail index entry, in the configuration of the page's locale. PostgreSQL only.

    One ``INSERT … ON CONFLICT`` statement, whatever the number of pages; a page without an
    index entry gets no vector.
    """
    quote = connections[using].ops.quote_name
    languages = " ".join("WHEN %s THEN %s::regconfig" for _ in TEXT_SEARCH_CONFIGS)
    params = [value for pair in TEXT_SEARCH_CONFIGS.items() for value in pair]
    # The table names come from the models, never from input.
    sql = f"""
        INSERT INTO {quote(PageSearchVector._meta.db_table)} (page_id, vector)
        SELECT page.id,
               setweight(to_tsvector(language.config, COALESCE(entry.title_text, '')), 'A')
               || setweight(to_tsvector(language.config, COALESCE(entry.body_text, '')), 'B')
        FROM {quote(Page._meta.db_table)} AS page
        JOIN {quote(Locale._meta.db_table)} AS locale ON locale.id = page.locale_id
        JOIN {quote(IndexEntry._meta.db_table)} AS entry
          ON entry.content_type_id = page.content_type_id AND entry.object_id = page.id::text
        CROSS JOIN LATERAL (
            SELECT CASE locale.language_code {languages}
                   ELSE %s::regconfig END AS config
        ) AS language
        WHERE page.id = ANY(%s)
        ON CONFLICT (page_id) DO UPDATE SET vector = EXCLUDED.vector
    """  # noqa: S608
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, UNSTEMMED_CONFIG, list(page_ids)])
