"""Looking up a page's translations: one query serves a switcher, hreflang tags or a sitemap."""

from collections import defaultdict

from django.conf import settings
from wagtail.models import Page
from wagtail_localize.models import Translation

from site_core.privacy import exclude_restricted, page_restrictions

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


def live_translations(translation_keys, public_only=True):
    """{translation_key: {language_code: page}} for live, non-alias pages.

    With `public_only`, pages behind a view restriction are left out: that is
    what search engines may see. The language switcher of a restricted page
    passes False, since its translations carry the same restriction.
    """
    pages = Page.objects.live().filter(translation_key__in=translation_keys, alias_of__isnull=True)
    if public_only:
        pages = exclude_restricted(pages)
    found = defaultdict(dict)
    for page in pages.select_related("locale"):
        found[page.translation_key][page.locale.language_code] = page
    return found


def page_translations(page, public_only=True):
    """{language_code: page} for `page` and its live translations (one query per page object).

    A translation family shares its privacy (site_core.privacy), so the public set is
    either all of them or none: with `public_only`, none when the family is restricted.
    """
    if not hasattr(page, "_live_translations"):
        key = page.translation_key
        page._live_translations = live_translations([key], public_only=False)[key]
    if public_only and page_restrictions(page).exists():
        return {}
    return page._live_translations


def synced_translations(instance):
    """The enabled wagtail-localize `Translation`s (a queryset: one at most) that keep
    `instance`, a page or snippet in a target locale, in step with its source. Empty for an
    object of the source locale, or one edited on its own (translation disabled)."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    )
