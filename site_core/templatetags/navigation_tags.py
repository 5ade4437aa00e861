"""Header navigation and language links: menu, language switcher and footer."""

from django import template
from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page, Site

from site_core.head import PageHead
from site_core.privacy import exclude_restricted
from site_core.translations import page_translations

register = template.Library()


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
def site_footer(context):
    """The footer snippet of the active language, rendered with its model's template.

    The model is ``settings.SITE_FOOTER_MODEL`` ("app_label.Model"), so this shared layer
    names no app above it; the model provides ``cached_for_active_language()`` (plain data,
    None when there is no footer) and ``template``.
    """
    model = apps.get_model(settings.SITE_FOOTER_MODEL)
    return render_to_string(
        model.template,
        {"footer": model.cached_for_active_language()},
        request=context.get("request"),
    )


@register.simple_tag(takes_context=True)
def home_url(context):
    """URL of the home page in the active language."""
    home = locale_home(context["request"], translation.get_language())
    return home.url if home else f"/{translation.get_language()}/"


@register.inclusion_tag("site_core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Live public pages below the home page marked "show in menus", in the active language."""
    home = locale_home(context["request"], translation.get_language())
    items = (
        exclude_restricted(home.get_children().live().in_menu()) if home else Page.objects.none()
    )
    return {"items": items, "current": context.get("page"), "request": context["request"]}


@register.inclusion_tag("site_core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: the same page when it is translated, else that language's home page
    with a note saying the page is not translated.

    What "the same page" is comes from the PageHead a routable sub-view puts in the context
    as `head` (a member company's page links to that company in the other language), else
    from the page's translations."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    head = context.get("head")
    if isinstance(head, PageHead):
        urls = dict(head.alternates)
    else:
        # A restricted page's translations carry the same restriction, so they may be linked.
        translations = page_translations(page, public_only=False) if page else {}
        urls = {code: target.url for code, target in translations.items()}
    options = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        missing = page is not None and url is None
        if url is None:
            home = locale_home(request, code)
            url = home.url if home else f"/{code}/"
        options.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "untranslated": missing,
            }
        )
    return {"options": options}
