"""Which translations an admin user may see (issue 14): the Translation status report and
its dashboard counts, wagtail-localize's Translations report and its snippet API list
only what the user may see elsewhere in the admin.

The rules are Wagtail's own:

- a page, with its translations, is seen by whoever may explore one of those pages in
  the admin (`PagePermissionPolicy.explorable_instances`: the pages they have a
  permission on and their ancestors, as the page explorer shows them). An editor with
  rights under /nb/nyheter/ does not see the titles of the members' intranet pages;
- a snippet model is seen by whoever has any permission on it (add, change, delete or
  view: the rule of Wagtail's snippets index, `wagtail.snippets.views.snippets`).

Superusers see everything. wagtail-localize's views are answered at their own addresses
by the subclasses here (registered before wagtail-localize's URLs,
site_core/wagtail_hooks.py), so its menu entry and links lead to them.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.views import report, snippets_api

from site_core.translation_status import translatable_snippet_models

# Wagtail's snippets index lists a model for these (wagtail.snippets.views.snippets).
SNIPPET_ACTIONS = {"add", "change", "delete", "view"}


def may_see_snippets(user, model):
    """Whether `user` has any permission on the snippet model `model` (see SNIPPET_ACTIONS)."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, SNIPPET_ACTIONS)


def explorable_translation_keys(user):
    """The `translation_key`s of the pages `user` may explore, as a queryset of values (a
    subquery, or one query when evaluated)."""
    return (
        PagePermissionPolicy()
        .explorable_instances(user)
        .values_list("translation_key", flat=True)
        .distinct()
    )


def visible_rows(rows, user):
    """The rows among `rows` (site_core.translation_status.Row) that `user` may see: a
    page's when `user` may explore the page or a translation of it, a snippet's when they
    have any permission on its model. A constant number of queries (the explorable
    pages' keys, and Wagtail's permission look-ups, cached per user)."""
    keys = set(explorable_translation_keys(user))
    snippet_models = {row.model for row in rows if not row.is_page}
    seen_models = {model for model in snippet_models if may_see_snippets(user, model)}
    return [
        row
        for row in rows
        if (row.source.translation_key in keys if row.is_page else row.model in seen_models)
    ]


class TranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's Reports → Translations, listing only the translations of pages
    the user may explore and of snippet models they have a permission on (`visible_rows`'
    rule); it listed every page's and snippet's title to any admin user. Its filters,
    columns and spreadsheet export are wagtail-localize's, over these rows."""

    def get_queryset(self):
        user = self.request.user
        snippet_types = ContentType.objects.get_for_models(
            *(model for model in translatable_snippet_models() if may_see_snippets(user, model))
        ).values()
        return (
            super()
            .get_queryset()
            .filter(
                Q(source__object_id__in=explorable_translation_keys(user))
                | Q(source__specific_content_type__in=snippet_types)
            )
        )


class SnippetChooserAPI(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API (the translation editor's snippet chooser, names and
    edit links of a model's snippets), for those with a permission on that model only
    (`may_see_snippets`): it listed, say, every member's name to any admin user. Raises
    PermissionDenied (a 403 answer) otherwise, for the listing and for one snippet."""

    def get_queryset(self):
        if not may_see_snippets(self.request.user, self.get_model()):
            raise PermissionDenied
        return super().get_queryset()
