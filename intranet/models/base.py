from django.apps import apps
from wagtail.contrib.routable_page.models import RoutablePageMixin

from site_core import http_caching
from site_core.page_mixins import ListingMixin
from site_core.pages import SitePage


class IntranetPage(ListingMixin, SitePage):
    """Shared behaviour of every page in the intranet subtree (abstract).

    Intranet pages are never cached by browsers or proxies, are kept out of
    menus and sitemaps by privacy, and know the dashboard they belong to.
    """

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        http_caching.mark_private(request)
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        # Privacy already keeps these out of Wagtail's sitemap; this is a second lock.
        return []

    def intranet_home(self):
        """The dashboard (IntranetHomePage) this page belongs to, itself included."""
        # Looked up by name: the dashboard's module imports this one.
        dashboard = apps.get_model("intranet", "IntranetHomePage")
        if isinstance(self, dashboard):
            return self
        return dashboard.objects.ancestor_of(self).first()


class IntranetRoutablePage(RoutablePageMixin, IntranetPage):
    """An intranet page with sub-views (forms, downloads) under its URL (abstract).

    Wagtail's privacy check runs before every sub-view, as before the page itself; the
    sub-views' responses are private like the page's.
    """

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        http_caching.mark_private(request)
        return super().serve(request, *args, **kwargs)
