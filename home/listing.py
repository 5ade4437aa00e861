"""Pagination for the public listings: nonsense in `?page=` never reaches the database."""

from django.core.paginator import Paginator

PAGE_SIZE = 10


def paginate(request, queryset, per_page=PAGE_SIZE):
    """The requested page of `queryset`: the first for a non-number, the last when out of range."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_string(request, **changes):
    """The current query string with `changes` applied, for pagination links that keep filters."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
