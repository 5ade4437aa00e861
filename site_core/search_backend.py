"""The search backend (``WAGTAILSEARCH_BACKENDS``): Wagtail's database backend, which on
PostgreSQL also stores the search vector of every page it indexes (site_core.search_index).

Hooked into the index's ``add_items``, the one method every write of a page's index entry
goes through (saving or publishing a page, and ``manage.py update_index``). A module of its
own because Wagtail's PostgreSQL backend can be imported only once the apps are loaded,
whereas site_core.search_index is imported while models load.
"""

from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)

from site_core.search_index import store_page_vectors


class PageVectorIndex(PostgresIndex):
    """Wagtail's PostgreSQL index; after writing pages' entries it stores their vectors."""

    def add_items(self, model, objs):
        objs = list(objs)  # read twice below
        super().add_items(model, objs)
        if issubclass(model, Page):
            store_page_vectors([obj.pk for obj in objs], using=self.write_connection.alias)


class PageVectorSearchBackend(PostgresSearchBackend):
    index_class = PageVectorIndex


def SearchBackend(params):
    """The backend for ``WAGTAILSEARCH_BACKENDS`` (Wagtail looks this name up in the module):
    Wagtail's database backend, storing page vectors on PostgreSQL."""
    if connection.vendor == "postgresql":
        return PageVectorSearchBackend(params)
    return database.SearchBackend(params)
