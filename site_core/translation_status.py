"""What is missing or out of date in each language: one status per translatable page or
snippet of the default (source) locale and each other locale.

The statuses, tried in this order (the first that applies wins):

- `missing`: no object with the source's `translation_key` in that locale (an alias does
  not count: wagtail-localize offers *Translate* for it too);
- `draft`: the translation exists but is not live, or is live with changes not yet
  published (pages, and snippets with `DraftStateMixin`). A draft that is also behind its
  source is still a draft: nothing of it shows in that language until someone publishes
  it, which is the bigger gap;
- `outdated`: the translation is synced by wagtail-localize (an enabled `Translation`) and
  its source changed after the last sync, or it is live with untranslated segments, or
  both. The source changed: a page was published (`last_published_at`) after its
  `TranslationSource.last_updated_at`, which *Translate* and *Sync translated pages*
  set; a snippet is compared by content: the segments wagtail-localize would extract
  from its published version now differ from those stored at the last sync (its strings,
  its overridable values such as a chosen page or a link's address, its chosen
  translatable objects). Untranslated: segments of the last sync with nothing in that
  locale, as `translation_publishing.untranslated_segments` has them (a string without
  a `StringTranslation` there, a chosen translatable object not in that locale; a
  page's slug excepted). Either the live translation shows the source text there
  (wagtail-localize publishes them so: "Publish anyway", a draft made by a held-back
  sync and published later, by the approval workflow or from the page history), or the
  segments came with a sync and are not in the live translation at all;
- `machine`: up to date, but strings of the current source are still machine-translated
  in that locale (`StringTranslation.translation_type == "machine"`: nobody edited them
  since the machine translator wrote them);
- `up_to_date`: anything else, a translation edited apart from its source (no enabled
  `Translation`) included: there is nothing to sync it from.

`statuses()` takes a constant number of queries however many pages there are (see its
docstring); `count_changed_segments()` adds the changed-segment counts of outdated page
rows, to be called on the rows shown only. `page_rows()` judges the pages of one listing
(the page explorer's) and `snippet_rows()` one snippet by the same rules (`_Judge`), in a
constant number of queries too; `page_row()` one translated page, for its editor.
"""

import datetime
import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, ForeignKey, ManyToOneRel, Q
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

MISSING = "missing"
DRAFT = "draft"
OUTDATED = "outdated"
MACHINE = "machine"
UP_TO_DATE = "up_to_date"

STATUS_LABELS = {
    MISSING: pgettext_lazy("translation status", "Missing"),
    DRAFT: pgettext_lazy("translation status", "Draft"),
    OUTDATED: pgettext_lazy("translation status", "Outdated"),
    MACHINE: pgettext_lazy("translation status", "Unreviewed machine translation"),
    UP_TO_DATE: pgettext_lazy("translation status", "Up to date"),
}
STATUSES = tuple(STATUS_LABELS)


@dataclass
class Row:
    """One translatable object of the source locale in one target locale.

    `source` is the source-locale object (a base `Page` for pages, the snippet itself),
    `model` its specific model, `translation` the object in `locale` or None. For pages
    `section` is the top-level page under the home page (None for the home page itself).
    `translation_source_id` is wagtail-localize's `TranslationSource` of `source` (None if
    it was never translated through wagtail-localize), `synced_at` its `last_updated_at`.
    `since` is when an outdated page's source was published (None for snippets);
    `changed_segments` the number of segments added or changed since the last sync (an
    int for outdated rows once counted, else None; see `_changed`); `machine_segments`
    the number of machine-translated strings of a `machine` row. An outdated row is
    `behind` when its source changed since the last sync (a page's `since` is then set)
    and has `untranslated_segments` > 0 when segments of the last sync are not translated.
    """

    source: object
    model: type
    locale: Locale
    status: str = UP_TO_DATE
    translation: object = None
    section: Page = None
    translation_source_id: int = None
    synced_at: datetime.datetime = None
    since: datetime.datetime = None
    changed_segments: int = None
    machine_segments: int = 0
    behind: bool = False
    untranslated_segments: int = 0

    @property
    def is_page(self):
        return isinstance(self.source, Page)

    @property
    def type_key(self):
        """The model as "app_label.model_name", the value of the report's type filter."""
        return self.model._meta.label_lower


def statuses():
    """Every translatable page (but the root) and snippet of the default locale × every
    other locale, as a list of `Row`, pages in tree order first, then snippets by model.

    Queries: the locales (2), all pages of every locale (1), the TranslationSources of the
    default locale (1), the enabled Translations (1), the string segments counted per
    source (1) and their translated and machine-translated strings per source and
    locale (1), the chosen translatable objects (1) and per model of those their
    instances (1), one per page content type not cached yet, and per
    translatable snippet model its objects (1), its stored segments (3) and what extracting
    its segments asks for (the prefetches of `_prefetches`, and a StreamField's chosen
    objects once per snippet: the footer's links). None of these grows with the number of
    pages.
    """
    default, targets = _locales()
    judging = _Judge(default)

    rows = list(_page_rows(default, targets, Page.objects.filter(depth__gt=1).order_by("path")))
    sections = {row.source.path: row.source for row in rows if row.source.depth == 3}
    for row in rows:
        if row.source.depth >= 3:
            row.section = sections.get(row.source.path[: 3 * Page.steplen])
        judging.judge(row, True, _page_is_outdated)
    for model in translatable_snippet_models():
        model_rows = list(_snippet_rows(model, default, targets, model.objects.all()))
        _judge_snippets(model, model_rows, judging)
        rows.extend(model_rows)
    return rows


def page_rows(pages):
    """The rows of the pages `pages` (any iterable of pages, of any locale; one page of the
    admin's page explorer, say) as {page id: [Row]}: a page of the default locale gets
    its rows in every other locale (its translations' statuses), a translation its own row
    (its status against its source page). An alias, and a translation whose source page is
    gone, get no entry. `section` is left None and `changed_segments` uncounted (see
    `count_changed_segments`).

    Queries: the locales (2), the pages of every locale that share a translation key with
    `pages` (1), their TranslationSources, enabled Translations and what `_Judge` counts
    of their segments (4, and one per model of chosen translatable objects), and one per
    page content type not cached yet: none grows with the number of pages.
    """
    keys = {page.translation_key for page in pages}
    default, targets = _locales()
    judging = _Judge(default, translation_keys=keys)
    related = Page.objects.filter(translation_key__in=keys).order_by("path")
    rows = list(_page_rows(default, targets, related))
    for row in rows:
        judging.judge(row, True, _page_is_outdated)
    return _by_object(rows)


def snippet_rows(instance):
    """The rows of one translatable snippet, as a list of `Row`: in the default locale its
    rows in every other locale (its translations' statuses), in another locale its own row
    (its status against its source); empty for a translation whose source is gone.
    `changed_segments` is counted for outdated rows (snippets are judged by it).

    Queries: the locales (2), the snippets of that translation key with what extracting
    their strings reads (see `statuses()`), their TranslationSource, enabled Translations
    and segment counts (see `page_rows`), and the stored segments (3).
    """
    model = type(instance)
    default, targets = _locales()
    judging = _Judge(default, translation_keys={instance.translation_key})
    objects = model.objects.filter(translation_key=instance.translation_key)
    rows = list(_snippet_rows(model, default, targets, objects))
    _judge_snippets(model, rows, judging)
    return _by_object(rows).get(instance.pk, [])


def count_changed_segments(rows):
    """Fill in `changed_segments` of the page rows among `rows` whose source changed
    since the last sync (`behind`, in place).

    The count is the number of segments wagtail-localize would extract from the source page
    now (its live content) that its TranslationSource does not hold: segments added or
    changed since the last sync (`_changed`; a removed one is not counted). Meant for the
    rows shown: queries are one per page type present (`.specific` for those pages, with
    the prefetches of `_prefetches`) plus three for the stored segments, and a StreamField's
    chosen objects (images, pages) once per page that holds them.
    """
    outdated = [row for row in rows if row.is_page and row.behind]
    if not outdated:
        return
    stored = _stored_segments({row.translation_source_id for row in outdated})
    by_model = defaultdict(list)
    for row in outdated:
        by_model[row.model].append(row)
    for model, model_rows in by_model.items():
        pages = model.objects.filter(pk__in=[row.source.pk for row in model_rows])
        pages = pages.prefetch_related(*_prefetches(model)).in_bulk()
        for row in model_rows:
            row.changed_segments = _changed(pages[row.source.pk], stored[row.translation_source_id])


def page_row(page):
    """The `Row` of one translated page: its source page (default locale) in `page`'s
    locale, judged by the same rules as `statuses()`, with `changed_segments` counted when
    it is outdated (`section` is left None). None when `page` is in the default locale,
    is an alias, or has no source page there.

    Meant for one page's admin views: the few queries of `page_rows()` and, when outdated,
    the counting of `count_changed_segments`, however many pages exist.
    """
    own = [row for row in page_rows([page]).get(page.pk, []) if row.source.pk != page.pk]
    if not own:
        return None
    (row,) = own
    count_changed_segments([row])
    return row


class _Judge:
    """The rules of the module docstring, with what they read from wagtail-localize read
    once: the TranslationSources of the default locale (`sources`, by object id), the
    locales each is synced to (enabled Translations), its segments and what of them is
    translated or machine-translated in each locale (`_SegmentCounts`).
    `translation_keys` narrows them to those objects; without it they cover every object
    (a constant number of queries either way, whatever their number)."""

    def __init__(self, default, translation_keys=None):
        sources = TranslationSource.objects.filter(locale=default)
        if translation_keys is not None:
            sources = sources.filter(object_id__in=translation_keys)
        self.sources = {
            source["object_id"]: source
            for source in sources.values("id", "object_id", "last_updated_at")
        }
        self.synced_locales = defaultdict(set)
        synced = Translation.objects.filter(source__in=sources, enabled=True)
        for source_id, locale_id in synced.values_list("source_id", "target_locale_id"):
            self.synced_locales[source_id].add(locale_id)
        self.segments = _SegmentCounts(sources)

    def judge(self, row, has_draft_state, is_outdated):
        """Set `row.status` (and the fields that go with it). `has_draft_state`: whether
        the translation's `live` tells a draft; `is_outdated(row)`: whether a synced row
        is behind its source (it may fill in `since` or `changed_segments`)."""
        if row.translation is None:
            row.status = MISSING
            return
        if has_draft_state and (
            not row.translation.live or row.translation.has_unpublished_changes
        ):
            # Not live, or live with a newer draft waiting: a sync held back for its
            # untranslated segments (site_core.translation_publishing) or a translator's
            # saved draft. Either way the lead has something to publish.
            row.status = DRAFT
            return
        source = self.sources.get(row.source.translation_key)
        if source is None or row.locale.pk not in self.synced_locales[source["id"]]:
            row.status = UP_TO_DATE
            return
        row.translation_source_id = source["id"]
        row.synced_at = source["last_updated_at"]
        row.behind = is_outdated(row)
        row.untranslated_segments = self.segments.untranslated(source["id"], row.locale.pk)
        machine = self.segments.machine.get((source["id"], row.locale.pk))
        if row.behind or row.untranslated_segments:
            row.status = OUTDATED
        elif machine:
            row.status = MACHINE
            row.machine_segments = machine
        else:
            row.status = UP_TO_DATE


def translatable_snippet_models():
    """The snippet models that are translatable (`TranslatableMixin`), by label."""
    models = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    return sorted(models, key=lambda model: model._meta.label_lower)


def _locales():
    """(the default locale, the other locales by language code): two queries."""
    default = Locale.get_default()
    return default, list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))


def _by_object(rows):
    """{object id: [Row]}: each source's rows under its id, each translation's own row
    under its id (ids of one kind of object: pages, or one snippet model)."""
    found = defaultdict(list)
    for row in rows:
        found[row.source.pk].append(row)
        if row.translation is not None:
            found[row.translation.pk].append(row)
    return found


def _page_rows(default, targets, pages):
    """A `Row` per page of locale `default` among `pages` (in their order; aliases left
    out) and locale of `targets`, with its translation found among `pages`."""
    sources, by_key = _split_by_locale(
        (page for page in pages if page.alias_of_id is None), default
    )
    return _rows(
        sources,
        by_key,
        targets,
        lambda page: ContentType.objects.get_for_id(page.content_type_id).model_class(),
    )


def _rows(sources, by_key, targets, model_of):
    """A `Row` per object of `sources` and locale of `targets`, its translation looked up
    in `by_key` (as `_split_by_locale` gives); `model_of(source)` is the row's model."""
    for source in sources:
        model = model_of(source)
        for locale in targets:
            yield Row(
                source=source,
                model=model,
                locale=locale,
                translation=by_key[source.translation_key].get(locale.pk),
            )


def _split_by_locale(objects, default):
    """(the `objects` in locale `default`, in order; {translation_key: {locale id: object}}
    of the others)."""
    by_key = defaultdict(dict)
    sources = []
    for instance in objects:
        if instance.locale_id == default.pk:
            sources.append(instance)
        else:
            by_key[instance.translation_key][instance.locale_id] = instance
    return sources, by_key


def _page_is_outdated(row):
    published = row.source.last_published_at
    if published is not None and published > row.synced_at:
        row.since = published
        return True
    return False


def _snippet_rows(model, default, targets, objects):
    """A `Row` per snippet of locale `default` among `objects` (a queryset of `model`) and
    locale of `targets`, with its translation found among `objects`."""
    objects = objects.select_related("locale").prefetch_related(*_prefetches(model))
    sources, by_key = _split_by_locale(objects.order_by("pk"), default)
    return _rows(sources, by_key, targets, lambda _source: model)


def _judge_snippets(model, rows, judging):
    """Judge the `rows` of snippets of `model` (`judging`: a `_Judge`): outdated when the
    segments extracted from the source now differ from those stored at the last sync
    (`_changed`; three queries for the stored segments), with `changed_segments` kept for
    rows whose source changed only."""
    stored = _stored_segments(
        {
            judging.sources[row.source.translation_key]["id"]
            for row in rows
            if row.source.translation_key in judging.sources
        }
    )

    def is_outdated(row):
        row.changed_segments = _changed(row.source, stored[row.translation_source_id])
        return row.changed_segments > 0

    for row in rows:
        judging.judge(row, issubclass(model, DraftStateMixin), is_outdated)
        if not row.behind:
            row.changed_segments = None


def page_slug_segments():
    """A Q for StringSegments: the slugs of pages, never translated on their own here (the
    slug follows the translated title, site_core.slugs), so neither unreviewed when
    machine-translated nor missing when untranslated. A snippet's slug (a news tag's) is
    translated as written and stays a segment like any other."""
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return Q(context__path="slug", source__specific_content_type__in=page_types)


class _SegmentCounts:
    """What wagtail-localize holds of the segments of the TranslationSources of the
    queryset `sources`, counted per source and locale in the database (four queries,
    and one per model of chosen translatable objects, whatever the number of sources):

    - `machine`: {(source id, locale id): its strings machine-translated there};
    - `untranslated(source id, locale id)`: its segments with nothing in that locale, as
      `translation_publishing.untranslated_segments` lists them one translation at a
      time: a string without a `StringTranslation` there (one saved with an error counts
      as none, as wagtail-localize's `annotate_translation` has it), a chosen translatable
      object (a news tag) without an instance in that locale.

    A StringTranslation belongs to a source's segment when it translates that segment's
    string in that segment's context: strings the source no longer holds do not count,
    nor does a page's slug (`page_slug_segments`).
    """

    def __init__(self, sources):
        strings = StringSegment.objects.filter(source__in=sources).exclude(page_slug_segments())
        self.strings = dict(
            strings.values("source_id")
            .annotate(count=Count("pk"))
            .values_list("source_id", "count")
        )
        translated = (
            strings.filter(string__translations__context_id=F("context_id"))
            .values("source_id", "string__translations__locale_id")
            .annotate(
                translated=Count("pk", filter=Q(string__translations__has_error=False)),
                machine=Count(
                    "pk",
                    filter=Q(
                        string__translations__translation_type=(
                            StringTranslation.TRANSLATION_TYPE_MACHINE
                        )
                    ),
                ),
            )
        )
        self.translated, self.machine = {}, {}
        for count in translated:
            key = (count["source_id"], count["string__translations__locale_id"])
            self.translated[key] = count["translated"]
            if count["machine"]:
                self.machine[key] = count["machine"]
        self.related = defaultdict(list)
        keys_by_type = defaultdict(set)
        segments = RelatedObjectSegment.objects.filter(source__in=sources).values_list(
            "source_id", "object_id", "object__content_type_id"
        )
        for source_id, key, content_type_id in segments:
            self.related[source_id].append(key)
            keys_by_type[content_type_id].add(key)
        self.related_locales = defaultdict(set)
        for content_type_id, keys in keys_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            found = model._default_manager.filter(translation_key__in=keys)
            for key, locale_id in found.values_list("translation_key", "locale_id"):
                self.related_locales[key].add(locale_id)

    def untranslated(self, source_id, locale_id):
        """The number of segments of that source with nothing in that locale."""
        strings = self.strings.get(source_id, 0) - self.translated.get((source_id, locale_id), 0)
        related = sum(locale_id not in self.related_locales[key] for key in self.related[source_id])
        return strings + related


# The kinds of segment that `_changed` compares.
STRING, OVERRIDABLE, RELATED_OBJECT = "string", "overridable", "related object"


def _stored_segments(source_ids):
    """{TranslationSource id: Counter of its stored segments as `_segment_key`s}: its
    strings, overridable values and related objects, three queries."""
    stored = defaultdict(Counter)
    kinds = [
        (StringSegment, STRING, "string__data"),
        (OverridableSegment, OVERRIDABLE, "data_json"),
        (RelatedObjectSegment, RELATED_OBJECT, "object_id"),
    ]
    for model, kind, value in kinds:
        segments = model.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "context__path", value
        )
        for source_id, path, data in segments:
            stored[source_id][kind, path, str(data)] += 1
    return stored


def _segment_key(segment):
    """(kind, path, value as stored) of a segment wagtail-localize extracts, as
    `_stored_segments` reads it back; None for a template (a rich text's markup, which
    changes with its strings and links)."""
    if isinstance(segment, StringSegmentValue):
        return STRING, segment.path, segment.string.data
    if isinstance(segment, OverridableSegmentValue):
        # As wagtail-localize's OverridableSegment.from_value stores it.
        return OVERRIDABLE, segment.path, json.dumps(segment.data, cls=DjangoJSONEncoder)
    if isinstance(segment, RelatedObjectSegmentValue):
        return RELATED_OBJECT, segment.path, str(segment.translation_key)
    return None


def _changed(instance, stored):
    """How many segments extracted from `instance` now are not among `stored` (a Counter
    of `_segment_key`s): a changed or added string, a changed overridable value (a chosen
    page or image, a link's address, a synchronised field) or a chosen translatable object
    (a news item's tag) replaced by another. A rich text field's paragraphs share a path,
    hence counted as a bag."""
    current = Counter(
        key for segment in extract_segments(instance) if (key := _segment_key(segment))
    )
    return sum((current - stored).values())


def _prefetches(model, prefix=""):
    """The relations extracting `model`'s strings reads (its translatable or synchronised
    foreign keys, its translatable child objects and theirs), as prefetch_related lookups:
    read once per model instead of once per object."""
    lookups = []
    for translatable_field in get_translatable_fields(model):
        field = translatable_field.get_field(model)
        if isinstance(field, ForeignKey):
            lookups.append(prefix + field.name)
        elif (
            isinstance(field, ManyToOneRel)
            and isinstance(field.remote_field, ParentalKey)
            and issubclass(field.related_model, TranslatableMixin)
        ):
            lookups.append(prefix + field.name)
            lookups.extend(_prefetches(field.related_model, f"{prefix}{field.name}__"))
    return lookups
