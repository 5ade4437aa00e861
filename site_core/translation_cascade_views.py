"""Wagtail's unpublish, delete and move views of a page, acting on its translations as the
person chooses (issue 14).

- Unpublish and delete: the confirm page has the box "Also unpublish/delete the
  translations", ticked by default, saying how many translations there are and in which
  languages (site_core.translation_cascade); unticked, only the page itself is acted on.
  With the box ticked a delete also removes a translation that is not under a translation
  of the page's parent (Wagtail deletes only those that are, though its confirm page
  counted them all), and the confirm page names the pages under the translations whose
  version in another language would stay (stranded by an earlier move).
- Move: every translation moves under the new parent's version in its language
  (site_core.page_moves.MovePlan), or, when one cannot, the confirm page says why and
  nothing moves.

They are Wagtail's views (subclassed, no code copied), served through the admin's page
viewset (site_core.page_views): the addresses and URL names stay Wagtail's.
"""

from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.views.pages import delete, move, unpublish
from wagtail.models import Page

from site_core.page_moves import MovePlan
from site_core.translation_cascade import (
    TranslationsChoiceForm,
    in_language_order,
    split_by_permission,
    stranded_pages,
)


class UnpublishView(unpublish.UnpublishView):
    """Wagtail's unpublish view of a page, with the translations box."""

    template_name = "site_core/admin/confirm_unpublish.html"

    @cached_property
    def translations_choice(self):
        everything = super().get_objects_to_unpublish()
        translations = [page for page in everything if page.pk != self.object.pk]
        allowed, withheld = split_by_permission(
            in_language_order(translations), self.request.user, "unpublish"
        )
        return TranslationsChoiceForm.for_request(
            self.request, action="unpublish", translations=allowed, withheld=withheld
        )

    def get_objects_to_unpublish(self):
        # The page first: Wagtail's context counts the others as `[1:]`.
        if self.translations_choice.acts_on_translations():
            return [self.object, *self.translations_choice.translations]
        return [self.object]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["translations_form"] = self.translations_choice
        return context


class DeleteView(delete.DeleteView):
    """Wagtail's delete view of a page, with the translations box."""

    template_name = "site_core/admin/confirm_delete_page.html"

    @cached_property
    def translations_choice(self):
        translations = [page for page in self.pages_to_delete if page.pk != self.page.pk]
        allowed, withheld = split_by_permission(
            in_language_order(translations), self.request.user, "delete"
        )
        return TranslationsChoiceForm.for_request(
            self.request, action="delete", translations=allowed, withheld=withheld
        )

    def post(self, request, *args, **kwargs):
        translations = self.translations_choice.translations
        if not self.translations_choice.acts_on_translations():
            self.pages_to_delete = [self.page]
            return super().post(request, *args, **kwargs)
        # Wagtail deletes what is in this list (under a translation of the parent) without
        # asking whether the person may: only the translations they may delete.
        self.pages_to_delete = [self.page, *translations]
        response = super().post(request, *args, **kwargs)
        # Wagtail deleted the page (it may ask again instead, for the site's name) and the
        # translations under a translation of its parent; those elsewhere go too, as the
        # confirm page said. The whole view is one transaction (Wagtail's dispatch).
        if not Page.objects.filter(pk=self.page.pk).exists():
            left = Page.objects.filter(pk__in=[page.pk for page in translations]).specific()
            for page in left:
                DeletePageAction(page, user=request.user).execute(skip_permission_checks=True)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.translations_choice
        context["translations_form"] = form
        context["stranded"] = stranded_pages([self.page, *form.translations])
        return context


class MoveConfirmView(move.MoveConfirmView):
    """Wagtail's move confirmation of a page: every translation follows under the new
    parent's version in its language, or the page says why the move cannot be done."""

    template_name = "site_core/admin/confirm_move.html"
    refused_template_name = "site_core/admin/move_refused.html"

    @cached_property
    def plan(self):
        page = self.page_to_move
        return MovePlan(
            page,
            self.destination,
            self.request.user,
            translations=[other for other in self.pages_to_move if other.pk != page.pk],
            back_url=reverse(
                "wagtailadmin_pages:move_confirm", args=[page.pk, self.destination.pk]
            ),
        )

    def refuse(self):
        """The confirm page without its form: the reasons, and the way back to choosing
        another destination."""
        context = {
            "page_to_move": self.page_to_move,
            "destination": self.destination,
            "refusals": self.plan.refusals,
        }
        return TemplateResponse(self.request, self.refused_template_name, context)

    def get(self, request, *args, **kwargs):
        if self.plan.refusals:
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.plan.refusals:
            return self.refuse()
        with transaction.atomic():
            self.plan.move_translations()
            # Moved already; Wagtail's own loop would move only some of them.
            self.pages_to_move = [self.page_to_move]
            return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["translation_moves"] = self.plan.moves
        return context
