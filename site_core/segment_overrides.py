"""A translator's choice that followed its source follows it again when the source changes.

wagtail-localize keeps a chosen page, image or document and a link's address in a
translation (an *overridable segment*: the footer's links, a page chooser in a body) as the
source has it: on each sync the translation gets the source's value, so a footer link whose
Norwegian page changed points to the new page, which the English footer shows as its
English translation (`home.models.Footer.resolved_links`). Unless a translator overrode the
value in the translation editor (a `SegmentOverride` for that place and locale): wagtail-
localize keeps an override whatever the source does. A translator who had pointed the
English footer's link at the English translation of the linked page, as one does, kept
the old target after every sync once the Norwegian link moved to another page.

Here, when wagtail-localize takes a new version of a source (a `TranslationSource` saved
with new content: *Sync translated pages* / *Sync translated snippets*), each overridable
value that changed has its overrides looked at. One that only *followed* the old value
follows the new one:

- a chosen page (wagtail-localize's page chooser widget): an override that chose the old
  page or one of its translations now chooses the new page's translation in its locale,
  or, when there is none yet, goes (the translation takes the source's page, shown in its
  language once translated);
- anything else: an override equal to the old value goes (the new value applies).

An override that chose something else (an English-only page, another address) is the
translator's decision and stays, as a synchronised field a translator changed does
(site_core.snippet_sync). The translation itself changes when it is next saved from its
source: published from the sync or the translation editor.
"""

import json

from django.db.models.signals import pre_save
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.views.edit_translation import (
    FieldHasNoEditPanelError,
    TabHelper,
    get_segment_location_info,
)


def overridable_values(source):
    """{path: value} of the overridable segments of `source` (a `TranslationSource`), from
    its `content_json` as it is in memory (saved or not)."""
    return {
        segment.path: segment.data
        for segment in extract_segments(source.as_instance())
        if isinstance(segment, OverridableSegmentValue)
    }


def changed_values(before, after):
    """{path: (old value, new value)} of the overridable segments found in both versions of
    a source (`TranslationSource`s `before` and `after`) whose value differs."""
    old, new = overridable_values(before), overridable_values(after)
    return {
        path: (old[path], new[path]) for path in old.keys() & new.keys() if old[path] != new[path]
    }


def is_page_choice(instance, tabs, context):
    """Whether the overridable segment at `context` (a `TranslationContext`) of `instance`
    (the source object; `tabs` its wagtail-localize `TabHelper`) chooses a page, as
    wagtail-localize's translation editor decides which widget to show."""
    try:
        location = get_segment_location_info(
            instance, tabs, context.path, context.get_field_path(instance), widget=True
        )
    except FieldHasNoEditPanelError:
        return False
    return location["widget"]["type"] == "page_chooser"


def follow_page(override, old, new):
    """Point `override` (a page choice) at `new`'s translation in its locale, or delete it
    when there is none, if it chose `old` (page ids) or one of its translations; else
    leave it."""
    chosen = as_id(override.data)
    keys = dict(Page.objects.filter(pk__in=[old, chosen]).values_list("pk", "translation_key"))
    if old not in keys or keys.get(chosen) != keys[old]:
        return
    target = (
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=new).values("translation_key"),
            locale_id=override.locale_id,
        )
        .values_list("pk", flat=True)
        .first()
    )
    if target is None:
        override.delete()
    else:
        # As wagtail-localize's translation editor stores a chosen object: its id as text.
        override.data_json = json.dumps(str(target))
        override.save(update_fields=["data_json", "updated_at"])


def as_id(value):
    """An object id from an override's value (the translation editor stores it as text),
    or None when it is none."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def follow_source(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of a `TranslationSource` (`instance`): when its content changes, the
    overrides of its changed overridable values in other locales follow (module
    docstring). Nothing for a new source or a save that leaves the content as it was."""
    if raw or instance.pk is None or (update_fields and "content_json" not in update_fields):
        return
    before = TranslationSource.objects.filter(pk=instance.pk).first()
    if before is None or before.content_json == instance.content_json:
        return
    changes = changed_values(before, instance)
    if not changes:
        return
    overrides = (
        SegmentOverride.objects.filter(
            context__object_id=instance.object_id, context__path__in=changes
        )
        .exclude(locale_id=instance.locale_id)
        .select_related("context")
    )
    source_instance, tabs = None, None
    for override in overrides:
        old, new = changes[override.context.path]
        if source_instance is None:
            source_instance = instance.as_instance()
            tabs = TabHelper(source_instance)
        if is_page_choice(source_instance, tabs, override.context):
            follow_page(override, old, new)
        elif str(override.data) == str(old):
            # The same value (an id stored as text by the translation editor, or as is).
            override.delete()


def connect():
    """Connect the handler (from site_core's AppConfig.ready)."""
    pre_save.connect(follow_source, sender=TranslationSource, dispatch_uid="segment_overrides")
