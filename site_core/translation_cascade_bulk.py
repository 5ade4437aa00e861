"""The page explorer's bulk Unpublish, Delete and Move, acting on translations as the
single-page views do (site_core.translation_cascade_views; issue 14).

Wagtail's bulk actions leave translations alone: a bulk unpublish left the English pages
live and a bulk delete left them standing, where the page's own Unpublish and Delete take
them too, and a bulk move left them under the old parent. These replace Wagtail's
(registered with the same action types, after them: site_core.wagtail_hooks):

- Unpublish and Delete have the box "Also unpublish/delete the translations", ticked by
  default, saying how many translations the selected pages have and in which languages;
  ticked, the translations (those the user may act on) go as well.
- Move moves each page's translations under the new parent's version in their language
  (site_core.page_moves.MovePlan); a page whose translations cannot follow is not moved,
  and the confirm page says why, as it does for Wagtail's own reasons (a slug taken).
"""

from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from wagtail.admin.views.pages.bulk_actions import delete, move, unpublish
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.models import Page

from site_core.page_moves import MovePlan
from site_core.translation_cascade import TranslationsChoiceForm, cascaded_pages, in_language_order

REFUSED = "pages_whose_translations_cannot_follow"


class BulkTranslationsChoiceForm(TranslationsChoiceForm, DefaultPageForm):
    """Wagtail's bulk form ("include_descendants") with the translations box."""


class TranslationsChoiceMixin:
    """The translations box of a bulk action whose `cascade_action` is "unpublish" or
    "delete": the form, and the translations handed to `execute_action`."""

    cascade_action = None
    form_class = BulkTranslationsChoiceForm

    @cached_property
    def selected_translations(self):
        """The pages of other languages that go with the selected pages the user may act
        on, less those selected themselves and those the user may not act on."""
        pages, _no_access = self.get_actionable_objects()
        selected = {page.pk for page in pages}
        found = {}
        for translations in cascaded_pages(pages, self.cascade_action).values():
            found.update({page.pk: page for page in translations if page.pk not in selected})
        return in_language_order(page for page in found.values() if self.check_perm(page))

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "action": self.cascade_action,
            "translations": self.selected_translations,
            "bulk": True,
        }

    def get_execution_context(self):
        form = self.cleaned_form
        return {
            **super().get_execution_context(),
            "translations": form.translations if form.acts_on_translations() else [],
        }


class UnpublishBulkAction(TranslationsChoiceMixin, unpublish.UnpublishBulkAction):
    """Wagtail's bulk Unpublish of pages, with their translations as the box says."""

    template_name = "site_core/admin/confirm_bulk_unpublish.html"
    cascade_action = "unpublish"

    @classmethod
    def execute_action(cls, objects, translations=(), **kwargs):
        # A translation is unpublished as a selected page is (with its subpages if asked).
        return super().execute_action([*objects, *translations], **kwargs)


class DeleteBulkAction(TranslationsChoiceMixin, delete.DeleteBulkAction):
    """Wagtail's bulk Delete of pages, with their translations as the box says."""

    template_name = "site_core/admin/confirm_bulk_delete.html"
    cascade_action = "delete"

    @classmethod
    def execute_action(cls, objects, translations=(), **kwargs):
        parents, children = super().execute_action(objects, **kwargs)
        for translation in translations:
            # Looked up again: one under a page deleted before it has gone with that page.
            left = Page.objects.filter(pk=translation.pk)
            more_parents, more_children = super().execute_action(list(left), **kwargs)
            parents, children = parents + more_parents, children + more_children
        return parents, children


class MoveBulkAction(move.MoveBulkAction):
    """Wagtail's bulk Move of pages, each with its translations (see the module's
    docstring)."""

    template_name = "site_core/admin/confirm_bulk_move.html"

    def get_actionable_objects(self):
        pages, without_access = super().get_actionable_objects()
        self.plans = {}
        if self.cleaned_form is None:
            return pages, without_access
        destination = self.cleaned_form.cleaned_data["chooser"]
        translations = cascaded_pages(pages, "move")
        movable, refused = [], []
        for page in pages:
            plan = MovePlan(
                page,
                destination,
                self.request.user,
                translations[page.pk],
                back_url=self.request.get_full_path(),
            )
            if plan.refusals:
                refused.append({"item": page, "refusals": plan.refusals})
            else:
                movable.append(page)
                self.plans[page.pk] = plan
        return movable, {**without_access, REFUSED: refused}

    def prepare_action(self, pages, pages_without_access):
        response = super().prepare_action(pages, pages_without_access)
        if response is None and pages_without_access[REFUSED]:
            # As Wagtail answers its own refusals: the confirm page again, listing them.
            self.destination = self.cleaned_form.cleaned_data["chooser"]
            context = {"destination": self.destination, **self.get_context_data()}
            response = TemplateResponse(self.request, self.template_name, context)
        return response

    def get_execution_context(self):
        return {**super().get_execution_context(), "plans": self.plans}

    @classmethod
    def execute_action(cls, objects, plans=None, **kwargs):
        for page in objects:
            plans[page.pk].move_translations()
        return super().execute_action(objects, **kwargs)
