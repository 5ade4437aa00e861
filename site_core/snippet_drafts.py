"""Translatable snippets visitors see go live only when someone publishes them (issue 14).

The footer, the member companies and the news tags are snippets that visitors see. Without
draft state, wagtail-localize's *Translate* had to publish a new translation at once
(`TranslationCreator` publishes whatever cannot be a draft): a Norwegian member company
translated into English showed on /en/members/ with its Norwegian text before anyone had
translated a word. `PublishableSnippet` gives such a snippet Wagtail's draft state,
revisions, locking and workflow (the models' order is Wagtail's documented one), so that

- a new translation starts as a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is
  False) and shows nowhere public until someone publishes it in its language;
- an edit is saved as a draft, submitted to the approval workflow (site_core.editorial:
  the Communications lead publishes; migration home 0006 gives the snippets the workflow
  and the lead the publish permission) and goes live when published;
- public querysets read `live=True` rows only: the row holds the published version, a
  draft lives in a revision.

`changes_what_visitors_see` is the rule the handlers that react to a snippet's save use
(the front-cache purge, the fragment cache, the footer cache, the synchronised fields): a
publish or unpublish is a change for visitors, a draft's save is not.
"""

from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

# What Wagtail writes on the row when it saves a revision (DraftStateMixin's
# `_update_from_revision`) or locks and unlocks it: bookkeeping, the live content untouched.
BOOKKEEPING_FIELDS = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}
)


class PublishableSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """An abstract translatable snippet with drafts, revisions, locking and workflow.

    A subclass's Meta should extend `TranslatableMixin.Meta` (one row per translation key
    and locale), as a plain translatable model's does.
    """

    # A translation is copied from its source (wagtail-localize's `copy_for_translation`),
    # which would carry the source's publication over: its live revision, its dates and
    # its lock. The copy starts unpublished instead (wagtail-localize then saves it live or
    # as a draft).
    exclude_fields_in_copy = [
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
    ]

    class Meta:
        abstract = True


def changes_what_visitors_see(instance, update_fields=None):
    """Whether saving or deleting `instance` (a model instance; `update_fields` as a
    post_save signal gives them, None for every field) can change a public page.

    A model that says it never shows on a public page (`shown_on_public_pages = False`, e.g.
    a member's profile, a snippet only for the admin's sake) cannot. Any other save of a
    model without draft state can. With draft state (`DraftStateMixin`): not
    a save of revision or lock bookkeeping only (`BOOKKEEPING_FIELDS`, what saving a
    draft or locking writes), nor a save or delete of an object that was never published
    (a new draft, a new translation); a publish, an unpublish, the deletion of a published
    object and any other save of a published object can.
    """
    if not getattr(instance, "shown_on_public_pages", True):
        return False
    if not isinstance(instance, DraftStateMixin):
        return True
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    return instance.live or instance.last_published_at is not None
