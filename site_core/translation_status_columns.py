"""The page explorer's Translation column: for each page listed, the status the Translation
status report gives (site_core.translation_status): on a page of the source locale the
status of its translation in each other locale, on a translation its own status, each a
link to the action that helps (translate, sync, or the editor), as in the report's rows.

Added to the explorer by the admin's page viewset (site_core.page_views); its search,
filters and ordering are Wagtail's own.
"""

from weakref import WeakKeyDictionary

from wagtail.admin.ui.tables import BaseColumn

from site_core import translation_status
from site_core.translation_status import STATUS_LABELS
from site_core.translation_status_views import actions


class TranslationStatusColumn(BaseColumn):
    """A column of page listings (`PageTable`): the translation status of each page.

    A cell lists `lines`, one per `Row` of the page ({"row", "status": its label,
    "show_locale": whether the row is of another locale than the page's own, "action":
    (label, url) of the first of `translation_status_views.actions()`}); a page without
    rows (an alias, a page whose source is gone) shows a dash.

    The cells of a table are rendered one by one; the statuses of all the table's pages
    are worked out at its first cell (`translation_status.page_rows`: a constant number
    of queries, however many pages are listed) and kept for that table only.
    """

    cell_template_name = "site_core/admin/translation_status_cell.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One column serves every request; each table (one a request) gets its own rows,
        # dropped with the table.
        self._rows_by_table = WeakKeyDictionary()

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table = parent_context["table"]
        if table not in self._rows_by_table:
            self._rows_by_table[table] = translation_status.page_rows(table.data)
        request = parent_context["request"]
        # Syncing comes back to the listing itself, not to its results-only fragment.
        back = parent_context.get("actions_next_url") or request.path
        may_translate = request.user.has_perm("wagtail_localize.submit_translation")
        context["lines"] = [
            {
                "row": row,
                "status": STATUS_LABELS[row.status],
                "show_locale": row.source.pk == instance.pk,
                "action": actions(row, back, may_translate)[0],
            }
            for row in self._rows_by_table[table].get(instance.pk, [])
        ]
        return context
