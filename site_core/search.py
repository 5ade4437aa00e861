"""Public site search: live, public pages of the visitor's language only."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's query, trimmed to something a search backend can take."""
    return " ".join(raw.split())[:MAX_QUERY_LENGTH]


def search_view(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return render(request, "site_core/search.html", {"query": query, "results": results})
