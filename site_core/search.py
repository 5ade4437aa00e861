"""Public site search: live, public pages of the visitor's language only.

On PostgreSQL the query is stemmed with the text-search configuration of the
visitor's language (Norwegian for nb, English for en), so "klynger" finds
"klyngen" and "clusters" finds "cluster". Wagtail's index keeps the plain
text of every page beside its vectors; we match against that text with the
right configuration at query time, because one index serves both languages.
On SQLite, Wagtail's own (unstemmed) search does the work.
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Max
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.models import IndexEntry

from site_core.pages import paginate
from site_core.privacy import exclude_restricted

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
TEXT_SEARCH_CONFIGS = {"nb": "norwegian", "en": "english"}


def clean_query(raw):
    """The visitor's words without control characters (PostgreSQL rejects NUL), trimmed."""
    printable = "".join(
        char if unicodedata.category(char)[0] != "C" else " "
        for char in raw[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def stemmed_search(pages, query, language):
    """`pages` that match `query` in `language`, best first (PostgreSQL only)."""
    config = TEXT_SEARCH_CONFIGS.get(language, "simple")
    vector = SearchVector("title_text", weight="A", config=config) + SearchVector(
        "body_text", weight="B", config=config
    )
    search_query = SearchQuery(query, config=config, search_type="websearch")
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    ranked = (
        IndexEntry.objects.filter(content_type__in=page_types)
        .annotate(document=vector)
        .filter(document=search_query)
        .values("object_id")
        .annotate(rank=Max(SearchRank(vector, search_query)))
    )
    ranks = {int(row["object_id"]): row["rank"] for row in ranked}
    found = pages.filter(pk__in=ranks)
    return sorted(found, key=lambda page: (-ranks[page.pk], page.title))


def search_pages(query, language):
    """Live public pages in `language` matching `query`."""
    locale = Locale.objects.get(language_code=language)
    pages = exclude_restricted(Page.objects.live().filter(locale=locale))
    if settings.USING_POSTGRES:
        return stemmed_search(pages.specific(), query, language)
    # Wagtail's SQLite search takes plain field filters only, not the privacy subquery.
    pages = Page.objects.filter(pk__in=list(pages.values_list("pk", flat=True))).specific()
    # SQLite's FTS5 parses quotes and operators itself; plain words are all it needs.
    words = " ".join(re.findall(r"\w+", query))
    return pages.search(words) if words else pages.none()


def search_view(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        matches = search_pages(query, translation.get_language())
        results = paginate(request, matches, RESULTS_PER_PAGE)
    return render(request, "site_core/search.html", {"query": query, "results": results})
