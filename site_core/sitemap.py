"""sitemap.xml: every live public page in both languages, with hreflang alternates.

Wagtail's own sitemap lists one locale's tree; ours lists every locale's tree
and links translations to each other with xhtml:link, x-default being the
Norwegian page. Restricted (intranet) pages, drafts and alias pages are left out.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from site_core.translations import LANGUAGE_ORDER, live_translations


class LocalizedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root, alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale__language_code", "path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = live_translations({p.translation_key for p in pages})
        urls = []
        for item in pages:
            siblings = translations[item.translation_key]
            alternates = [
                {"lang_code": code, "location": siblings[code].get_full_url(self.request)}
                for code in LANGUAGE_ORDER
                if code in siblings
            ]
            if settings.LANGUAGE_CODE in siblings:
                default = siblings[settings.LANGUAGE_CODE].get_full_url(self.request)
                alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        return urls
