"""Page slugs: numbered past their siblings', and a translation's made from its title."""

import re

from django.db.models import F
from django.db.models.signals import pre_save
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from site_core.text import ascii_slug
from site_core.translations import synced_translations


def numbered_slug(base, parent, page=None):
    """`base`, or the first of "base-2", "base-3" … that no other child of `parent` (a
    Page) has; `page` is the page the slug is for (None for a new one), never its own
    rival. Asks one query per candidate tried."""
    candidate, number = base, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def follow_translated_title(page):
    """Give `page` (a saved page about to be saved again) the slug of its title when it is
    a translation kept in step by wagtail-localize, unless a person chose that slug.

    wagtail-localize treats the slug as one more string to translate, so a machine
    translator (or nobody at all: untranslated strings fall back to the source) made the
    English slug out of the Norwegian one ("the-cluster-lanserer-nytt-kurs-in-…"), and it
    stayed when the title was put right. Here the slug is `ascii_slug(title)`, numbered
    past the siblings', whenever such a translation is saved, while its slug string has
    no translation or a machine one only. A slug a person typed for the translation
    (a manual translation of the slug string, as the demo's own) is kept, as the page
    form keeps a typed one.

    A page edited on its own (no enabled wagtail-localize `Translation` into its locale)
    keeps its slug: its editor sees and sets it. A live page whose slug changes here gets
    Wagtail's automatic redirect from its old address (WAGTAILREDIRECTS_AUTO_CREATE, on by
    default; site_core.redirects makes it answer under the language prefix).

    Queries: none when the slug already is the title's (numbered or not); else one to
    find the Translation and, for a synced page, one for the slug's translation and one
    for the parent plus one per slug candidate tried. Changes `page.slug` only.
    """
    if page.pk is None or page.alias_of_id is not None:
        # A new page (wagtail-localize's copy) still has the source's title.
        return
    base = ascii_slug(page.title)
    if not base or re.fullmatch(rf"{re.escape(base)}(-\d+)?", page.slug or ""):
        return
    source_id = synced_translations(page).values_list("source_id", flat=True).first()
    if source_id is None:
        return
    chosen = (
        StringTranslation.objects.filter(
            locale_id=page.locale_id,
            context__object_id=page.translation_key,
            context__path="slug",
            translation_of__segments__source_id=source_id,
            translation_of__segments__context_id=F("context_id"),
        )
        .exclude(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
        .exists()
    )
    if not chosen:
        page.slug = numbered_slug(base, page.get_parent(), page)


def transliterate_typed_slug(sender, instance, raw=False, **kwargs):
    """pre_save of a wagtail-localize StringTranslation: a slug a translator types
    ("frokost-på-ærø") is stored transliterated ("frokost-pa-aero").

    wagtail-localize makes the page's slug with Django's `slugify`, which drops æ, ø and å
    ("frokost-p-r"); transliterated first, nothing is lost, as with every other slug here
    (`ascii_slug`). Only non-ASCII text in a `slug` context is touched (one query for the
    context then)."""
    if raw or instance.data.isascii() or instance.context_id is None:
        return
    if instance.context.path == "slug":
        instance.data = ascii_slug(instance.data) or instance.data


def connect():
    """Connect the handler (from site_core's AppConfig.ready)."""
    pre_save.connect(
        transliterate_typed_slug, sender=StringTranslation, dispatch_uid="slugs.transliterate"
    )
