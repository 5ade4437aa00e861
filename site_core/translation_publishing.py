"""Nothing half-translated goes live (issue 14).

wagtail-localize publishes a translation with `fallback=True`: a segment nobody has
translated yet goes live with the source text (Norwegian on the English page), and a
chosen snippet not yet translated stays the Norwegian one. Two ways led there, both closed
here:

- *Sync translated pages* with "Publish immediately" (`SyncTranslationsView`, registered
  at the address of wagtail-localize's update view, site_core.wagtail_hooks): after the
  update and the optional machine translation, a translation with untranslated segments
  is not published. A page (or a snippet with draft state) gets a draft revision and its
  live version keeps its text; a snippet without draft state is not saved at all. The
  message names them; complete translations are published as before.
- *Publish* in wagtail-localize's translation editor (`confirm_untranslated`, a
  `before_edit_page` and `before_edit_snippet` hook run before wagtail-localize's): the
  editor's Publish button is a plain form POST (`action=publish`) that the browser
  follows, so the answer is a confirmation page naming each untranslated segment, and
  only its "Publish anyway" (the same POST with `CONFIRM_FIELD`) publishes.
"""

import contextlib
from dataclasses import dataclass
from operator import attrgetter

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.permissions import ModelPermissionPolicy
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import RelatedObjectSegment, StringSegment
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.views import convert
from wagtail_localize.views.edit_translation import (
    FieldHasNoEditPanelError,
    TabHelper,
    get_segment_location_info,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from site_core.translation_status import page_slug_segments
from site_core.translations import synced_translations

CONFIRM_FIELD = "publish_untranslated"


def untranslated_segments(translation):
    """The segments of `translation`'s source (a wagtail-localize `Translation`) that have
    nothing in its target locale yet, as a list in source order: `StringSegment`s without
    a `StringTranslation` there (one saved with an error counts as missing, as
    wagtail-localize's `annotate_translation` has it) and `RelatedObjectSegment`s whose
    object (a chosen translatable snippet) has no instance in that locale.

    Published now, the former would show the source text and the latter keep pointing at
    the source-language object. A page's slug is not one of them: it follows the
    translated title unless someone types one (site_core.slugs). Two queries, and one per
    related object.
    """
    locale = translation.target_locale
    strings = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(page_slug_segments())
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .select_related("context", "string")
    )
    related = RelatedObjectSegment.objects.filter(source_id=translation.source_id).select_related(
        "context", "object"
    )
    missing = [*strings, *(seg for seg in related if not seg.object.has_translation(locale))]
    return sorted(missing, key=attrgetter("order"))


def untranslated_in(instance):
    """(Translation, [segment]) for `instance`, a page or snippet that wagtail-localize
    keeps in step with its source: the `Translation` and its `untranslated_segments`.
    (None, []) for a source, an alias or an object edited on its own."""
    translation = synced_translations(instance).select_related("source", "target_locale").first()
    if translation is None:
        return None, []
    return translation, untranslated_segments(translation)


@dataclass
class NamedSegment:
    """An untranslated segment as an editor knows it: `label`, the field as
    wagtail-localize's editor names it ("Body › Heading"), or the segment's path when the
    field has no panel there; `text`, the source text without markup, or for a related
    object its name."""

    label: str
    text: str


def name_segments(translation, segments):
    """[NamedSegment] for `segments` (from `untranslated_segments(translation)`), labelled
    by wagtail-localize's own `get_segment_location_info`, so the names match its editor."""
    source = translation.source.get_source_instance()
    tabs = TabHelper(source)
    named = []
    for segment in segments:
        try:
            location = get_segment_location_info(
                source, tabs, segment.context.path, segment.context.get_field_path(source)
            )
            parts = [str(part) for part in (location["field"], location["subField"]) if part]
            # Once where both are the same ("Tag › Tag": an inline child and its field).
            label = " › ".join(dict.fromkeys(parts))
        except FieldHasNoEditPanelError:
            label = segment.context.path
        if isinstance(segment, StringSegment):
            text = segment.string.as_value().render_text()
        else:
            text = str(segment.get_source_instance())
        named.append(NamedSegment(label, text))
    return named


def may_publish(user, instance):
    """Whether wagtail-localize's editor lets `user` publish `instance` (its rule in
    `edit_translation`): a page by its page permissions, a snippet with draft state by
    the model's publish permission, any other snippet by the edit permission the edit
    view has already checked."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return ModelPermissionPolicy(type(instance)).user_has_permission(user, "publish")
    return True


def confirm_untranslated(request, instance):
    """`before_edit_page` / `before_edit_snippet` hook: the confirmation page (an
    HttpResponse) when `request` is the translation editor's Publish (POST
    `action=publish`, without `CONFIRM_FIELD`) of `instance`, a translation kept in step
    by wagtail-localize with untranslated segments, by someone who may publish it.

    With nothing untranslated, the Publish itself (`publish_complete`). None otherwise, and
    wagtail-localize's hook answers as before: it publishes (the confirmed POST), or
    refuses one who may not publish (PermissionDenied, which the admin turns into its "no
    permission" message).
    """
    if (
        request.method != "POST"
        or request.POST.get("action") != "publish"
        or CONFIRM_FIELD in request.POST
        or not isinstance(instance, TranslatableMixin)
        or not may_publish(request.user, instance)
    ):
        return None
    translation, segments = untranslated_in(instance)
    if translation is None:
        return None
    if not segments:
        return publish_complete(request, instance, translation)
    return render(
        request,
        "site_core/admin/confirm_publish_untranslated.html",
        {
            "header_title": gettext("Publish with untranslated segments?"),
            "instance": instance,
            "language": translation.target_locale.get_display_name(),
            "segments": name_segments(translation, segments),
            "confirm_field": CONFIRM_FIELD,
            "editor_url": request.path,
        },
    )


def publish_complete(request, instance, translation):
    """Publish `instance`, whose `translation` has every segment translated, as
    wagtail-localize's editor does (`save_target`, its success message, back to the
    editor), but without its warning "Published … with missing translations", which
    counts a page's slug segment: never translated on its own here, as the slug follows
    the translated title (site_core.slugs). None when the content does not validate, and
    wagtail-localize's hook tries again and shows its error."""
    try:
        translation.save_target(user=request.user, publish=True)
    except ValidationError:
        return None
    instance.refresh_from_db()
    messages.success(
        request,
        gettext("Published '{object}' in {locale}.").format(
            object=str(instance), locale=translation.target_locale.get_display_name()
        ),
    )
    return redirect(request.path)


def refuse_restart_in_moderation(request, instance):
    """`before_edit_page` / `before_edit_snippet` hook, before wagtail-localize's: its
    "Start synced translation" (POST `localize-restart-translation`) is refused, with a
    message, while `instance` waits for approval in a workflow.

    Edited on its own (translation stopped) and submitted, the page's submitted revision
    is what the lead approves; restarted, it is a translation again, which approving would
    publish with whatever source text that revision holds, untranslated segments unasked.
    Cancel the workflow (or let the lead decide) first. None otherwise."""
    if (
        request.method != "POST"
        or "localize-restart-translation" not in request.POST
        or not getattr(instance, "workflow_in_progress", False)
    ):
        return None
    messages.error(
        request,
        gettext(
            "This translation is waiting for approval. Cancel the workflow, or wait for "
            "the decision, before starting the synced translation again."
        ),
    )
    return redirect(request.path)


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page only.

    An alias shows its source's live content: converting a live English page puts the
    Norwegian text live in English at once, and converting a draft makes it live. That is
    publishing, so under the approval workflow (site_core.editorial) an editor who may
    not publish is refused (the admin's "no permission" message), where wagtail-localize
    asks for the edit permission only. Registered at wagtail-localize's address
    (site_core.wagtail_hooks). Raises Http404 for no such page, PermissionDenied as said.
    """
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not may_publish(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class SyncTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" / "Sync translated snippets" view, its
    permission check, form and update kept, with "Publish immediately" publishing only
    the translations that have no untranslated segment left once updated (and machine
    translated, if asked). The others are kept as a draft revision when the model has
    draft state (pages), the live version untouched, or else not saved at all; a warning
    names them with their number of untranslated segments and links to their editors.
    Registered at wagtail-localize's address (site_core.wagtail_hooks), so
    `wagtail_localize:update_translations` leads here."""

    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].help_text = gettext(
            "Apply the updates and publish each translation that has every segment "
            'translated ("Use machine translation" counts). The others are not published: '
            "they are kept as drafts, and their live versions keep their text."
        )
        return form

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        # wagtail-localize's own form_valid updates the source, machine-translates when
        # asked and keeps view restrictions in step; told not to publish, it saves no
        # translation, which is done below, one by one.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            held_back, not_allowed = publish_complete_translations(self.object, self.request.user)
            if held_back:
                self.say_held_back(held_back)
            if not_allowed:
                self.say_not_allowed(not_allowed)
        return response

    def say_held_back(self, held_back):
        """A warning naming the translations not published, [(Translation, count)]."""
        listed = ", ".join(
            ngettext(
                "%(language)s (%(count)d untranslated segment)",
                "%(language)s (%(count)d untranslated segments)",
                count,
            )
            % {"language": translation.target_locale.get_display_name(), "count": count}
            for translation, count in held_back
        )
        if has_draft_state(self.object):
            text = gettext(
                "Kept as a draft, not published: %(translations)s. The live version keeps "
                "its text until the segments are translated and published in the "
                "translation editor."
            )
        else:
            text = gettext(
                "Not saved: %(translations)s. The translation keeps its text until the "
                "segments are translated and published in the translation editor."
            )
        self.warn(text % {"translations": listed}, [translation for translation, _ in held_back])

    def say_not_allowed(self, translations):
        """A warning naming the complete translations kept as drafts because the user may
        not publish them ([Translation])."""
        listed = ", ".join(t.target_locale.get_display_name() for t in translations)
        text = gettext(
            "Kept as a draft: %(translations)s. You may not publish it; whoever approves "
            "pages (the Communications lead) publishes it from the translation editor."
        )
        self.warn(text % {"translations": listed}, translations)

    def warn(self, text, translations):
        """A warning with a button to the translation editor of each of `translations`."""
        buttons = [
            messages.button(
                self.get_edit_url(translation.get_target_instance()),
                gettext("Translation editor: %(language)s")
                % {"language": translation.target_locale.get_display_name()},
            )
            for translation in translations
        ]
        messages.warning(self.request, text, buttons=buttons)


def publish_complete_translations(source, user):
    """Publish each enabled translation of `source` (a `TranslationSource`) that has no
    untranslated segment and that `user` may publish (`may_publish`: with the approval
    workflow, editors may not), as wagtail-localize's sync does (`save_target`); save the
    others as a draft (`save_draft`) when the model has draft state, else not at all.

    Returns ([(Translation, number of untranslated segments)] held back for their
    segments, [Translation] complete but held back because `user` may not publish them).
    A ValidationError is passed over, as wagtail-localize's sync does: `save_target` has
    noted it on the translated strings, which its editor shows.
    """
    held_back, not_allowed = [], []
    for translation in source.translations.filter(enabled=True).select_related(
        "source", "target_locale"
    ):
        missing = len(untranslated_segments(translation))
        allowed = may_publish(user, target_or_source(translation))
        with contextlib.suppress(ValidationError):
            if not missing and allowed:
                translation.save_target(user=user, publish=True)
            elif has_draft_state(source):
                save_draft(translation, user)
        if missing:
            held_back.append((translation, missing))
        elif not allowed:
            not_allowed.append(translation)
    return held_back, not_allowed


def target_or_source(translation):
    """`translation`'s target object, or its source object when the target is not made
    yet (a first sync): page permissions follow the tree, which both share."""
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return translation.source.get_source_instance()


def has_draft_state(source):
    """Whether the objects of `source` (a `TranslationSource`) have drafts: pages, and
    snippets with `DraftStateMixin`."""
    return issubclass(source.specific_content_type.model_class(), DraftStateMixin)


def save_draft(translation, user):
    """Save a draft revision of `translation`'s target (a page or a snippet with draft
    state) with its current translations, the source text where one is missing.

    wagtail-localize's `save_target(publish=False)` saves the object itself before its
    revision, and a page's own row is what visitors are served: the live English page
    showed the Norwegian text at once. Here the strings are put into the target as
    wagtail-localize's `create_or_update_translation` puts them (its synchronised fields,
    then `ingest_segments`), and only a revision is saved. The target keeps its own slug
    (and so its address when the revision is published later): the slug segment, never
    translated on its own here, would bring the source's. Raises ValidationError when the
    content does not validate.
    """
    source, locale = translation.source, translation.target_locale
    original = source.as_instance()
    target = source.get_translated_instance(locale)
    slug = getattr(target, "slug", None)
    copy_synchronised_fields(original, target)
    # wagtail-localize's own segment look-up (private, as its editor's preview uses it).
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, target, source.locale, locale, segments)
    if slug is not None:
        target.slug = slug
    target.save_revision(user=user)
