"""sitemap.xml: every live public page in both languages, with hreflang alternates.

Wagtail's own sitemap lists one locale's tree; ours lists every locale's tree. Each page
describes itself through ``get_sitemap_urls`` (site_core.head.SeoMixin), which links its
translations with xhtml:link, x-default being the Norwegian page. Restricted (intranet)
pages, drafts and alias pages are left out.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from site_core.privacy import exclude_restricted


class LocalizedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        pages = Page.objects.live().filter(under_a_root, alias_of__isnull=True)
        return (
            exclude_restricted(pages)
            .select_related("locale")
            .order_by("locale__language_code", "path")
            .defer_streamfields()
            .specific()
        )
