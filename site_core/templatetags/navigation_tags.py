"""Header navigation and language links: menu, language switcher and hreflang tags."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from site_core.translations import LANGUAGE_ORDER, page_translations

register = template.Library()

# Open Graph wants territory-qualified locales.
OG_LOCALES = {"nb": "nb_NO", "en": "en_GB"}


def locale_homes(request):
    """{language_code: live home page} for this request's site, looked up once per request."""
    if not hasattr(request, "_locale_homes"):
        site = Site.find_for_request(request)
        homes = (
            Page.objects.live().filter(translation_key=site.root_page.translation_key)
            if site
            else Page.objects.none()
        )
        request._locale_homes = {
            page.locale.language_code: page for page in homes.select_related("locale")
        }
    return request._locale_homes


def locale_home(request, language_code):
    """The live home page of `language_code` for this request's site, or None."""
    return locale_homes(request).get(language_code)


@register.simple_tag(takes_context=True)
def home_url(context):
    """URL of the home page in the active language."""
    home = locale_home(context["request"], translation.get_language())
    return home.url if home else f"/{translation.get_language()}/"


@register.inclusion_tag("site_core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Live public pages below the home page marked "show in menus", in the active language."""
    home = locale_home(context["request"], translation.get_language())
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    return {"items": items, "current": context.get("page"), "request": context["request"]}


@register.inclusion_tag("site_core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: the same page when it is translated, else that language's home page
    with a note saying the page is not translated."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    # A restricted page's translations carry the same restriction, so they may be linked.
    translations = page_translations(page, public_only=False) if page else {}
    options = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        missing = page is not None and target is None
        if target is None:
            target = locale_home(request, code)
        options.append(
            {
                "code": code,
                "name": name,
                "url": target.url if target else f"/{code}/",
                "is_current": code == current,
                "untranslated": missing,
            }
        )
    return {"options": options}


@register.inclusion_tag("site_core/includes/alternates.html", takes_context=True)
def alternate_links(context):
    """hreflang links for each live public translation (itself included), x-default, og:locale."""
    page = context.get("page")
    if page is None or not getattr(page, "translation_key", None):
        return {}
    request = context["request"]
    translations = page_translations(page)
    links = [
        {"code": code, "url": translations[code].get_full_url(request)}
        for code in LANGUAGE_ORDER
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    language = page.locale.language_code
    return {
        "links": links,
        "x_default": default.get_full_url(request) if default else None,
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternates": [
            OG_LOCALES.get(link["code"]) for link in links if link["code"] != language
        ],
    }
