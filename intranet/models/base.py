from wagtail.models import Page

from intranet import access


class IntranetPage(Page):
    """Shared behaviour of every page in the intranet subtree (abstract).

    Intranet pages are never cached by browsers or proxies, are kept out of
    menus and sitemaps by privacy, and know the dashboard they belong to.
    """

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Checked by our privacy hook and again by Wagtail's: load them (and their
        # groups) once per page object, which lives for one request.
        if not hasattr(self, "_view_restrictions"):
            self._view_restrictions = super().get_view_restrictions().prefetch_related("groups")
            list(self._view_restrictions)  # fills the queryset's cache; .exists() uses it too
        return self._view_restrictions

    def serve(self, request, *args, **kwargs):
        access.mark_private(request)
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        # Privacy already keeps these out of Wagtail's sitemap; this is a second lock.
        return []

    def intranet_home(self):
        from .home import IntranetHomePage

        return (
            IntranetHomePage.objects.ancestor_of(self, inclusive=True)
            .filter(locale=self.locale)
            .first()
        )
