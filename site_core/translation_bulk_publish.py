"""Wagtail's bulk Publish in the page explorer asks before it publishes a translation with
untranslated segments (issue 14), as the translation editor's Publish does
(site_core.translation_publishing.confirm_untranslated).

Wagtail's action publishes each selected page's latest revision and, with "Include
subpages", its draft subpages: a translation saved with untranslated segments (by a sync,
say) went live with the source text there, with nothing said. `PublishBulkAction` replaces
Wagtail's (registered with the same action type, after it: site_core.wagtail_hooks): its
confirmation names each such translation and its segments, and publishes only when the box
"Publish translations with untranslated segments" is ticked; else the form answers with
that error and nothing is published.
"""

import contextlib
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.admin.views.pages.bulk_actions.publish import (
    PublishBulkAction as WagtailPublishBulkAction,
)
from wagtail.models import Page

from site_core.translation_publishing import name_segments, save_draft, untranslated_in
from site_core.translations import synced_translations


@dataclass
class IncompleteTranslation:
    """A translation with untranslated segments: `page`, its `language` (display name) and
    its `segments` ([translation_publishing.NamedSegment])."""

    page: Page
    language: str
    segments: list


def incomplete_translations(pages):
    """[IncompleteTranslation] for each of `pages` that wagtail-localize keeps in step with
    a source and that has untranslated segments; a few queries per page."""
    found = []
    for page in pages:
        translation, segments = untranslated_in(page)
        if segments:
            found.append(
                IncompleteTranslation(
                    page,
                    translation.target_locale.get_display_name(),
                    name_segments(translation, segments),
                )
            )
    return found


def with_draft_descendants(pages, include_descendants):
    """`pages` (a list) followed, with `include_descendants`, by the draft pages below
    each: what Wagtail's bulk Publish publishes with "Include subpages"."""
    if not include_descendants:
        return list(pages)
    return [*pages, *(draft for page in pages for draft in page.get_descendants().not_live())]


def refresh_draft(page, user):
    """Save a draft revision of `page` with its current translations when wagtail-localize
    keeps it in step with a source (`translation_publishing.save_draft`); nothing for any
    other page. A draft that does not validate is left as it was (the translation editor
    shows the error)."""
    translation = synced_translations(page).select_related("source", "target_locale").first()
    if translation is not None:
        with contextlib.suppress(ValidationError):
            save_draft(translation, user)
            # Wagtail publishes `page.get_latest_revision()`, read from this object.
            page.refresh_from_db(fields=["latest_revision"])


class BulkPublishForm(DefaultPageForm):
    """Wagtail's bulk Publish form ("Include subpages") and the confirmation box."""

    publish_untranslated = forms.BooleanField(
        required=False,
        label=gettext_lazy("Publish translations with untranslated segments"),
        help_text=gettext_lazy(
            "The translations listed above go live with the source text in each "
            "untranslated segment. Leave unticked and translate them first."
        ),
    )


class PublishBulkAction(WagtailPublishBulkAction):
    """Wagtail's bulk Publish of pages, asking first for translations with untranslated
    segments (see the module's docstring)."""

    template_name = "site_core/admin/confirm_bulk_publish.html"
    form_class = BulkPublishForm

    def object_context(self, obj):
        context = super().object_context(obj)
        pages = with_draft_descendants([context["item"]], context["draft_descendant_count"])
        context["untranslated"] = incomplete_translations(pages)
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_untranslated"] = any(item["untranslated"] for item in context["items"])
        return context

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, **kwargs):
        """Wagtail's bulk publish, of a fresh draft of each page kept in step by
        wagtail-localize: Wagtail publishes a page's latest revision, and a translation's
        can be older than its translations (a sync held it back with the source text
        where a segment was untranslated; translating the segment since saved no
        revision). The fresh draft is what the translation editor would publish, and what
        the confirmation above checked."""
        for page in with_draft_descendants(objects, include_descendants):
            refresh_draft(page, user)
        return super().execute_action(
            objects, include_descendants=include_descendants, user=user, **kwargs
        )

    def form_valid(self, form):
        if not form.cleaned_data["publish_untranslated"]:
            selected, _no_access = self.get_actionable_objects()
            pages = with_draft_descendants(selected, form.cleaned_data["include_descendants"])
            if incomplete_translations(pages):
                form.add_error(
                    "publish_untranslated",
                    gettext(
                        "Some of these translations have untranslated segments. Tick the "
                        "box to publish them anyway, or translate them first."
                    ),
                )
                return self.form_invalid(form)
        return super().form_valid(form)
