"""What the <head> of a response says, decided once, in Python: ``SeoMixin.get_head`` for a
page, ``ViewHead`` for a view without one (search, login, the error pages).

The template (site_core/includes/head.html, through ``{% page_head %}`` or
``{% view_head %}`` of site_core/templatetags/head_tags.py) prints each value once; page
types change a value by overriding one attribute or property here, never in a template.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html
from wagtail.models import Page

from site_core.brand import brand_name
from site_core.translations import LANGUAGE_ORDER, live_translations, page_translations

# Open Graph wants territory-qualified locales.
OG_LOCALES = {"nb": "nb_NO", "en": "en_GB"}
# Between a page's own title and the brand in <title>: an en dash, as in running text.
TITLE_SEPARATOR = " – "


def document_title(title, brand_first=False):
    """The text of <title>: "<title> – <brand mark>", or "<brand mark> – <title>" with
    `brand_first` (the home page: brand and tagline), the brand alone for an empty title.

    The brand is named once: a title that already names it (settings.SITE_BRAND, in any
    case) is used as it is. Returns an escaped SafeString, so a `title` that is already
    safe (a template's ``blocktranslate … asvar``) is not escaped twice.
    """
    brand = brand_name("mark")
    if not title:
        return format_html("{}", brand)
    if settings.SITE_BRAND.casefold() in str(title).casefold():
        return format_html("{}", title)
    first, last = (brand, title) if brand_first else (title, brand)
    return format_html("{}{}{}", first, TITLE_SEPARATOR, last)


@dataclass(frozen=True)
class ViewHead:
    """The head of a response without a page: its <title> (document_title), its meta
    description in the active language, and whether search engines should leave it out
    (`noindex`: login, password and access pages)."""

    document_title: str
    description: str
    noindex: bool = False


@dataclass(frozen=True)
class PageHead:
    """Everything the head of one page shows; URLs are absolute.

    `alternates` is ``[(hreflang, url), ...]`` for each live public translation (the page
    itself included) followed by ``("x-default", url of the Norwegian page)``;
    `og_locale_alternates` the Open Graph locales of the other languages; `title` is the
    page's own (og:title), `document_title` what <title> shows (``document_title()``).
    """

    title: str
    document_title: str
    description: str
    url: str
    og_type: str
    og_locale: str
    og_locale_alternates: list
    image: object
    alternates: list


def hreflang_alternates(translations, request):
    """[(hreflang, absolute URL), ...] for {language_code: page}, in LANGUAGES order, then
    ("x-default", the Norwegian page's URL) when there is one."""
    alternates = [
        (code, translations[code].get_full_url(request))
        for code in LANGUAGE_ORDER
        if code in translations
    ]
    if settings.LANGUAGE_CODE in translations:
        default = translations[settings.LANGUAGE_CODE].get_full_url(request)
        alternates.append(("x-default", default))
    return alternates


def sitemap_translations(request):
    """{translation_key: {language_code: page}} of every live public page, loaded once per
    request: the sitemap's pages look their translations up here (one query in all)."""
    if not hasattr(request, "_sitemap_translations"):
        keys = Page.objects.live().values("translation_key")
        request._sitemap_translations = live_translations(keys)
    return request._sitemap_translations


class SeoMixin:
    """Search and social-media metadata of a page type (Open Graph, Twitter card, hreflang)."""

    #: Open Graph type: "website", or "article" for dated items.
    og_type = "website"

    @property
    def meta_description(self):
        """The promote tab's search description, else the page's introduction."""
        return self.search_description or getattr(self, "intro", "")

    @property
    def social_image(self):
        """The image shared on social media, or None; page types with one override this."""
        return None

    def get_document_title(self):
        """What <title> shows: the promote tab's title tag, else the title, then the brand."""
        return document_title(self.seo_title or self.title)

    def get_head(self, request):
        """This page's PageHead for `request` (one query for the translations)."""
        language = self.locale.language_code
        alternates = hreflang_alternates(page_translations(self), request)
        return PageHead(
            title=self.seo_title or self.title,
            document_title=self.get_document_title(),
            description=self.meta_description or "",
            url=self.get_full_url(request),
            og_type=self.og_type,
            og_locale=OG_LOCALES.get(language, language),
            og_locale_alternates=[
                OG_LOCALES.get(code, code)
                for code, _url in alternates
                if code not in (language, "x-default")
            ],
            image=self.social_image,
            alternates=alternates,
        )

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry, with this page's translations as xhtml:link alternates."""
        if request is None:
            translations = page_translations(self)
        else:
            translations = sitemap_translations(request).get(self.translation_key, {})
        return [
            {
                "location": self.get_full_url(request),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
                "alternates": [
                    {"lang_code": code, "location": url}
                    for code, url in hreflang_alternates(translations, request)
                ],
            }
        ]
