"""Moving a page moves every translation of it under the matching translation of the new
parent, or nothing moves (issue 14).

Wagtail's move view moves a translation only when it sits under a translation of the
page's old parent and the new parent has a translation in its language; any other
translation stays where it was, although the confirm page says it moves too. The page and
its translations then live in unrelated places, and deleting the old parent's translation
later took the translation with it. `MovePlan` decides, before anything moves, where each
translation goes (the new parent's version in its language, whatever parent it had, so a
translation already out of step comes back into step) and why the move cannot be done:
the new parent has no version in a language, a translation's slug is taken there, or the
person may not move it there. The views (site_core.translation_cascade_views,
site_core.translation_cascade_bulk) refuse with those reasons, or move per the plan.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page


@dataclass(frozen=True)
class TranslationMove:
    """A translation (`page`, or an alias in another language) and the `parent` it goes
    under; `old_parent` is where it is now, `in_step` whether that was the version of the
    moved page's parent in its language."""

    page: Page
    parent: Page
    old_parent: Page
    in_step: bool

    @property
    def language(self):
        return self.page.locale.get_display_name()


@dataclass(frozen=True)
class Refusal:
    """Why a move cannot be done: `text`, and a `link` ((label, url)) that helps, or None."""

    text: str
    link: tuple | None = None


class MovePlan:
    """Where the translations of `page` go when it moves under `destination`, for `user`.

    `translations`: the pages of other languages that move with it (Wagtail's
    `construct_translated_pages_to_cascade_actions` answer for "move"). `back_url`: where
    the link to translate a missing parent returns to (the confirm page).

    `moves` ([TranslationMove]) are the translations to move; one already under its new
    parent is left alone. `refusals` ([Refusal]) say why the move cannot be done; when there
    are any, nothing is to move. The checks read a few queries per translation.
    """

    def __init__(self, page, destination, user, translations, back_url):
        self.destination, self.user, self.back_url = destination, user, back_url
        self.moves, self.refusals = [], []
        if not translations:
            return
        versions = {
            version.locale_id: version
            for version in destination.get_translations(inclusive=True).select_related("locale")
        }
        source_parent = page.get_parent()
        for translation in translations:
            # The root is shared by every language's tree.
            parent = destination if destination.is_root() else versions.get(translation.locale_id)
            old_parent = translation.get_parent()
            if parent is None:
                self.refusals.append(self.missing_parent(translation))
            elif old_parent.pk == parent.pk:
                continue
            elif not Page._slug_is_available(translation.slug, parent, page=translation):
                self.refusals.append(self.slug_taken(translation, parent))
            elif not translation.permissions_for_user(user).can_move_to(parent):
                self.refusals.append(self.not_allowed(translation, parent))
            else:
                in_step = old_parent.translation_key == source_parent.translation_key
                self.moves.append(TranslationMove(translation, parent, old_parent, in_step))

    def missing_parent(self, translation):
        """The destination has no version in `translation`'s language."""
        values = {
            "destination": self.destination.get_admin_display_title(),
            "language": translation.locale.get_display_name(),
            "translation": translation.get_admin_display_title(),
        }
        text = gettext(
            "“%(destination)s” has no translation into %(language)s, so “%(translation)s”, "
            "the %(language)s version of this page, would have no place to go. Translate "
            "“%(destination)s” into %(language)s first, or choose another destination."
        )
        link = None
        if self.user.has_perm("wagtail_localize.submit_translation"):
            query = urlencode(
                {"select_locale": translation.locale.language_code, "next": self.back_url}
            )
            url = reverse("wagtail_localize:submit_page_translation", args=[self.destination.pk])
            label = gettext("Translate “%(destination)s” into %(language)s") % values
            link = (label, f"{url}?{query}")
        return Refusal(text % values, link)

    def slug_taken(self, translation, parent):
        """Another page under `parent` has `translation`'s slug."""
        text = gettext(
            "“%(translation)s” (%(language)s) cannot go under “%(parent)s”: a page there "
            "already has its address, “%(slug)s”. Change one of the two slugs first."
        )
        return Refusal(
            text
            % {
                "translation": translation.get_admin_display_title(),
                "language": translation.locale.get_display_name(),
                "parent": parent.get_admin_display_title(),
                "slug": translation.slug,
            }
        )

    def not_allowed(self, translation, parent):
        """Wagtail's page permissions (or the page types) do not let the user move
        `translation` under `parent`."""
        text = gettext(
            "“%(translation)s” (%(language)s) cannot be moved under “%(parent)s”: you may "
            "not move it there, or that page type does not allow it."
        )
        return Refusal(
            text
            % {
                "translation": translation.get_admin_display_title(),
                "language": translation.locale.get_display_name(),
                "parent": parent.get_admin_display_title(),
            }
        )

    def move_translations(self):
        """Move each translation of `moves` under its new parent, as `user` (Wagtail's
        MovePageAction, with its permission check: raises MovePagePermissionError when the
        plan's check no longer holds). Call it only for a plan without refusals, inside
        the transaction that moves the page itself."""
        for move in self.moves:
            MovePageAction(move.page, move.parent, pos="last-child", user=self.user).execute()
