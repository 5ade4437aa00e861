"""Helpers shared by the public listings: privacy filtering and pagination."""

from django.core.paginator import Paginator
from django.db.models import (
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    prefetch_related_objects,
)
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction

PAGE_SIZE = 10


def exclude_private(pages):
    """`pages` without those in a private section: what Wagtail's `.public()` returns.

    `.public()` first loads every view restriction in a query of its own and
    then filters; here the check is a subquery of the listing's own query, so
    each listing costs one query less however many restrictions exist.
    """
    page_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.filter(StartsWith(page_path, F("page__path")))
    return pages.exclude(Exists(restricted))


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


def prefetch_renditions(images):
    """Load the renditions of all `images` (None allowed) in one query, for srcset and og:image."""
    images = [image for image in images if image is not None]
    prefetch_related_objects(images, "renditions")
    return images
