"""Header navigation: the main menu and the language switcher, in the visitor's language."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def locale_home(request, language_code):
    """The live home page of `language_code` for this request's site, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return (
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .filter(locale__language_code=language_code)
        .live()
        .first()
    )


@register.simple_tag(takes_context=True)
def home_url(context):
    """URL of the home page in the active language."""
    home = locale_home(context["request"], translation.get_language())
    return home.url if home else f"/{translation.get_language()}/"


@register.inclusion_tag("site_core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Live pages below the home page marked "show in menus", in the active language."""
    home = locale_home(context["request"], translation.get_language())
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    return {"items": items, "current": context.get("page"), "request": context["request"]}


@register.inclusion_tag("site_core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: the same page when translated, else that language's home page."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    options = []
    for code, name in settings.LANGUAGES:
        url = None
        if page is not None:
            translated = (
                page.get_translations(inclusive=True)
                .filter(locale__language_code=code)
                .live()
                .first()
            )
            url = translated.url if translated else None
        if url is None:
            home = locale_home(request, code)
            url = home.url if home else f"/{code}/"
        options.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return {"options": options}
