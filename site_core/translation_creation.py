"""wagtail-localize's "Translate" action, with nothing new going live (issue 14).

wagtail-localize's `TranslationCreator` (its "Translate page" / "Translate" form, with or
without "Include subtree") makes a new translation of a page as a draft
(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False), but two of its ways put the
source's text live in the target language:

- a page whose parent has no translation there is created under an *alias* of the parent
  (`copy_for_translation(copy_parents=True)`), and an alias is live and shows the
  Norwegian text at its English address, in listings, the sitemap and the switcher;
- a translation that exists already (a child page under "Include subtree", a snippet the
  page chooses) is saved with `save_target(publish=False)`, which writes the Norwegian
  fallback text into the object's own row, the live version visitors are served, before
  it saves a "draft" revision.

`DraftTranslationCreator` translates the missing ancestors first, as drafts of their own
(top down, so none becomes an alias), and makes only the translations that are missing: one
that exists keeps its text, live and draft (its sync updates it, and holds back what is
untranslated: site_core.translation_publishing). Its views answer at wagtail-localize's
addresses (site_core.wagtail_hooks), so every "Translate" button leads here. An existing
*alias* is left to wagtail-localize, which converts it into a translation in place: it was
showing the source's text already, and keeps doing so until published.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext, ngettext
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)


def has_own_translation(instance, locale):
    """Whether `instance` (a page or translatable snippet) is in `locale` or has a
    translation there that is not an alias of another page."""
    if locale.pk == instance.locale_id:
        return True
    translation = instance.get_translation_or_none(locale)
    return translation is not None and getattr(translation, "alias_of_id", None) is None


class DraftTranslationCreator(TranslationCreator):
    """wagtail-localize's `TranslationCreator` for `target_locales` (a list of `Locale`),
    making drafts only: see the module's docstring.

    `translated_ancestors` lists the pages ([Page], top down) translated because a page
    being translated needed a parent in a target locale.
    """

    def __init__(self, user, target_locales):
        super().__init__(user, list(target_locales))
        self.all_locales = self.target_locales
        self.translated_ancestors = []

    def create_translations(self, instance, include_related_objects=True):
        """Translate `instance` (a page or translatable snippet) into each target locale
        where it has no translation yet (an alias counts as none: see the module's
        docstring); with `include_related_objects`, also the translatable snippets it
        chooses, as wagtail-localize does (one level). Translations that exist are left
        as they are: a sync updates them, as a draft where anything is untranslated."""
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        if isinstance(instance, Page):
            self.translate_missing_ancestors(instance)
        # Restored afterwards: a related object's call runs inside this one.
        outer_locales = self.target_locales
        self.target_locales = [
            locale for locale in self.all_locales if not has_own_translation(instance, locale)
        ]
        try:
            super().create_translations(instance, include_related_objects)
        finally:
            self.target_locales = outer_locales

    def translate_missing_ancestors(self, page):
        """Translate, top down, each ancestor of `page` (below the tree's root) that has no
        page in a target locale, into those locales only, without its related objects."""
        for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
            missing = [
                locale
                for locale in self.all_locales
                if locale.pk != ancestor.locale_id and not ancestor.has_translation(locale)
            ]
            if not missing or ancestor.translation_key in self.seen_objects:
                continue
            outer_locales = self.target_locales
            self.target_locales = missing
            try:
                TranslationCreator.create_translations(
                    self, ancestor, include_related_objects=False
                )
            finally:
                self.target_locales = outer_locales
            self.translated_ancestors.append(ancestor)

    def create_subtree_translations(self, page):
        """Translate every page below `page`, parents before their children (tree path
        order), as wagtail-localize's "Include subtree" does."""
        for descendant in page.get_descendants().order_by("path").specific():
            self.create_translations(descendant)


class DraftTranslationsMixin:
    """The "Translate" form's action with `DraftTranslationCreator`, in the request and its
    transaction (wagtail-localize queues "Include subtree" in its background runner, which
    without WAGTAILLOCALIZE_JOBS runs at once too); its success message and redirect as
    wagtail-localize has them, and a note naming the parent pages translated as drafts."""

    @transaction.atomic
    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        creator = DraftTranslationCreator(self.request.user, locales)
        creator.create_translations(self.object)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            creator.create_subtree_translations(self.object)
        self.components.save(creator, sources_and_translations=creator.mappings)

        translated = None
        if len(locales) == 1:
            languages = locales[0].get_display_name()
            translated = self.object.get_translation(locales[0])
        else:
            languages = gettext("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(languages))
        if creator.translated_ancestors:
            self.say_ancestors_translated(creator.translated_ancestors)
        return redirect(self.get_success_url() or self.get_default_success_url(translated))

    def say_ancestors_translated(self, ancestors):
        titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in ancestors)
        messages.info(
            self.request,
            ngettext(
                "Its parent page %(titles)s had no translation there; it was translated "
                "too, as a draft, so the new page has a parent in its language.",
                "Its parent pages %(titles)s had no translation there; they were "
                "translated too, as drafts, so the new page has parents in its language.",
                len(ancestors),
            )
            % {"titles": titles},
        )


class PageTranslationView(DraftTranslationsMixin, SubmitPageTranslationView):
    """wagtail-localize's "Translate page" (`DraftTranslationsMixin`)."""


class SnippetTranslationView(DraftTranslationsMixin, SubmitSnippetTranslationView):
    """wagtail-localize's "Translate" of a snippet (`DraftTranslationsMixin`)."""
