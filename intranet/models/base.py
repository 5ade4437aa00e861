from wagtail.models import Page

from intranet import access


class IntranetPage(Page):
    """Shared behaviour of every page in the intranet subtree (abstract).

    Intranet pages are never cached by browsers or proxies, are kept out of
    menus and sitemaps by privacy, and know the dashboard they belong to.
    """

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        access.mark_private(request)
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        # Privacy already keeps these out of Wagtail's sitemap; this is a second lock.
        return []

    def intranet_home(self):
        from .home import IntranetHomePage  # home.py imports this module

        if isinstance(self, IntranetHomePage):
            return self
        return IntranetHomePage.objects.ancestor_of(self).first()
