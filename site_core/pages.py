"""The page types' shared base: a queryset that knows privacy, used by every listing.

Every listing, feed, sitemap, search and digest narrows pages with one of two methods,
so the privacy rule lives in one place (site_core.privacy):

- ``.public()``: what anyone may open. Public pages list only these, for every visitor,
  since their responses are shared (by browsers' back button, by caches);
- ``.visible_to(user)``: what this user may open (the intranet's lists).
"""

from django.core.paginator import Paginator
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from site_core import privacy
from site_core.head import SeoMixin

PAGE_SIZE = 10


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset with privacy as a subquery and per user."""

    def public(self):
        """Pages under no view restriction; Wagtail's own ``public()`` as one query."""
        return privacy.exclude_restricted(self)

    def visible_to(self, user):
        """Pages `user` may open (anonymous users: ``public()``)."""
        return privacy.visible_pages(self, user)

    def live_public(self):
        """Live pages anyone may open: what a public listing, feed or sitemap shows."""
        return self.live().public()


SitePageManager = PageManager.from_queryset(SitePageQuerySet)


class SitePage(SeoMixin, Page):
    """Abstract base of every page type of the project: the privacy-aware manager and the
    head metadata (site_core.head)."""

    objects = SitePageManager()

    class Meta:
        abstract = True


def paginate(request, items, per_page=PAGE_SIZE):
    """The requested page (``?page=``) of `items`: a Django ``Page`` of at most `per_page`.

    A missing or non-numeric page number gives the first page, one past the end the last;
    never raises. The shared template ``site_core/includes/pagination.html`` renders it.
    """
    return Paginator(items, per_page).get_page(request.GET.get("page"))
