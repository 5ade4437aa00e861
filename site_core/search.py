"""Public site search: live, public pages of the visitor's language only.

On PostgreSQL the query is stemmed with the text-search configuration of the
visitor's language (Norwegian for nb, English for en), so "klynger" finds
"klyngen" and "clusters" finds "cluster". It is matched against each page's stored
vector (site_core.search_index), built with the configuration of the page's own
language from the text Wagtail indexes, through a GIN index: the cost follows the
number of matches, not the size of the site. On SQLite, Wagtail's own (unstemmed)
search does the work.
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from django.db.models.functions import Collate
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale, Page

from site_core.pages import paginate
from site_core.privacy import exclude_restricted
from site_core.search_index import text_search_config

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's words without control characters (PostgreSQL rejects NUL), trimmed."""
    printable = "".join(
        char if unicodedata.category(char)[0] != "C" else " "
        for char in raw[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def stemmed_search(pages, query, language):
    """`pages` (a page queryset) that match `query` in `language`, as a queryset, best
    first (PostgreSQL only).

    Ranked by ``ts_rank`` of the page's stored vector, ties by title in code-point order,
    then tree order. One query when evaluated (plus one per page type with ``.specific()``).
    """
    config = text_search_config(language)
    search_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        pages.filter(search_vector__vector=search_query)
        .annotate(rank=SearchRank(F("search_vector__vector"), search_query))
        .order_by("-rank", Collate("title", "C"), "path")
    )


def search_pages(query, language):
    """Live public pages in `language` (a language code with a Locale) matching `query`,
    best first: a lazy queryset on PostgreSQL, Wagtail search results on SQLite, both
    sliced by the paginator. Raises Locale.DoesNotExist for a language without a locale."""
    locale = Locale.objects.get(language_code=language)
    pages = exclude_restricted(Page.objects.live().filter(locale=locale))
    if settings.USING_POSTGRES:
        return stemmed_search(pages.specific(), query, language)
    # Wagtail's SQLite search takes plain field filters only, not the privacy subquery.
    pages = Page.objects.filter(pk__in=list(pages.values_list("pk", flat=True))).specific()
    # SQLite's FTS5 parses quotes and operators itself; plain words are all it needs.
    words = " ".join(re.findall(r"\w+", query))
    return pages.search(words) if words else pages.none()


def search_results(request, query, language):
    """The requested page (``?page=`` of `request`, as `paginate` reads it) of
    `search_pages(query, language)`: a Django ``Page`` of at most RESULTS_PER_PAGE specific
    pages, best first, its paginator counting every match.

    On PostgreSQL the search runs once: ranking needs every match anyway, so one narrow
    query returns all their ids in rank order, which also make the count (a paginator's
    COUNT would run the whole search again, about 40 % of a search's time on 20,000 pages:
    bench/search.py); then the page's own pages are loaded (two queries, ``.specific()``).
    """
    matches = search_pages(query, language)
    if not settings.USING_POSTGRES:
        return paginate(request, matches, RESULTS_PER_PAGE)
    results = paginate(request, list(matches.values_list("pk", flat=True)), RESULTS_PER_PAGE)
    loaded = Page.objects.filter(pk__in=results.object_list).specific().in_bulk()
    # A page deleted between the two queries is left out.
    results.object_list = [loaded[pk] for pk in results.object_list if pk in loaded]
    return results


def search_view(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        results = search_results(request, query, translation.get_language())
    return render(request, "site_core/search.html", {"query": query, "results": results})
