"""The admin's Translation status report (Reports → Translation status): every translatable
page and snippet × other locale with its status (site_core.translation_status), counts per
status, filters by status, section and type in a plain GET form, and per row the action
that fixes it (translate, sync, edit). Also the notice on an outdated translation's
editor (`warn_if_source_changed`) and the counts on the admin's dashboard
(`TranslationStatusPanel`)."""

from collections import Counter

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from site_core import translation_status, translation_visibility
from site_core.translation_status import STATUS_LABELS, STATUSES

ROWS_PER_PAGE = 50


def can_see_report(user):
    """Whether `user` may open the report: whoever may add, edit or publish pages
    (editors and administrators)."""
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


class TranslationStatusMenuItem(MenuItem):
    """The report's entry in the Reports menu, shown to those who may open it."""

    def is_shown(self, request):
        return can_see_report(request.user)


class TranslationStatusPanel(Component):
    """The dashboard panel: the number of rows of each status, each linking to the report
    filtered by it, counting the rows the user may see (`rows_for`). Added by the
    `construct_homepage_panels` hook for those who may open the report; its queries are
    those of `rows_for`."""

    name = "translation_status"
    template_name = "site_core/admin/translation_status_panel.html"
    order = 230  # after Wagtail's workflow panels (210, 220), before its recent edits (250)

    def get_context_data(self, parent_context):
        report = reverse("site_core_translation_status")
        return {
            "report_url": report,
            "counts": status_counts(
                rows_for(parent_context["request"].user),
                lambda status: f"{report}?{urlencode({'status': status})}",
            ),
        }


def rows_for(user):
    """The rows of `translation_status.statuses()` that `user` may see
    (`translation_visibility.visible_rows`: pages they may explore, snippet models they
    have a permission on). A constant number of queries, as `statuses()`."""
    return translation_visibility.visible_rows(translation_status.statuses(), user)


def status_counts(rows, url_for):
    """[{"status", "label", "count", "url"}] per status of STATUSES, in that order, for
    `rows` (translation_status.Row); `url_for(status)` gives the link to those rows."""
    counted = Counter(row.status for row in rows)
    return [
        {
            "status": status,
            "label": STATUS_LABELS[status],
            "count": counted[status],
            "url": url_for(status),
        }
        for status in STATUSES
    ]


class StatusFilters(forms.Form):
    """The report's GET filters; `rows` (translation_status.Row) give the section and type
    choices. An unknown value is ignored rather than refused (it is a link, not a form
    anyone means to get wrong)."""

    status = forms.ChoiceField(label=pgettext_lazy("translation status", "Status"), required=False)
    section = forms.ChoiceField(
        label=pgettext_lazy("translation status", "Section"), required=False
    )
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, data, rows):
        super().__init__(data)
        everything = ("", _("All"))
        self.fields["status"].choices = [everything, *STATUS_LABELS.items()]
        sections = {row.section.pk: row.section.title for row in rows if row.section}
        self.fields["section"].choices = [
            everything,
            *((str(pk), title) for pk, title in sorted(sections.items(), key=lambda s: s[1])),
        ]
        types = {row.type_key: capfirst(row.model._meta.verbose_name) for row in rows}
        self.fields["type"].choices = [
            everything,
            *sorted(types.items(), key=lambda item: str(item[1])),
        ]

    def chosen(self):
        """{"status", "section", "type": the valid value given, or ""}."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}


def translation_status_report(request):
    """GET: the report, of the rows the user may see (`rows_for`). Parameters `status`,
    `section` (a page id), `type` ("app_label.model") filter them; `p` is the page of 50
    rows. The counts at the top are those of the section and type chosen, whatever the
    status filter."""
    if not can_see_report(request.user):
        raise PermissionDenied
    rows = rows_for(request.user)
    form = StatusFilters(request.GET, rows)
    chosen = form.chosen()
    if chosen["section"]:
        rows = [row for row in rows if row.section and str(row.section.pk) == chosen["section"]]
    if chosen["type"]:
        rows = [row for row in rows if row.type_key == chosen["type"]]
    counts = status_counts(rows, lambda status: filtered_url(request, status))
    if chosen["status"]:
        rows = [row for row in rows if row.status == chosen["status"]]
    paginator = Paginator(rows, ROWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    translation_status.count_changed_segments(page.object_list)
    back = request.get_full_path()
    may_translate = request.user.has_perm("wagtail_localize.submit_translation")
    return render(
        request,
        "site_core/admin/translation_status.html",
        {
            "header_title": gettext("Translation status"),
            "form": form,
            "counts": counts,
            "total": len(rows),
            "items": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "lines": [
                {
                    "row": row,
                    "type": capfirst(row.model._meta.verbose_name),
                    "status": STATUS_LABELS[row.status],
                    "actions": actions(row, back, may_translate),
                }
                for row in page.object_list
            ],
        },
    )


def filtered_url(request, status):
    """This report's query string with the status filter `status` and the first page."""
    query = request.GET.copy()
    query["status"] = status
    query.pop("p", None)
    return f"?{query.urlencode()}"


def actions(row, back, may_translate):
    """[(label, url)] for a row: translate (missing), sync (its source changed since the
    last sync; an outdated row that only has untranslated segments is fixed in the
    translation editor), open the editor of the translation, or of the source when there
    is none. `back` is where wagtail-localize returns to; translating and syncing need its
    `submit_translation` permission."""
    found = []
    if row.status == translation_status.MISSING and may_translate:
        if row.is_page:
            url = reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
        else:
            meta = row.model._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(row.source.pk)],
            )
        found.append((pgettext("translation status", "Translate"), url))
    if row.behind and may_translate:
        url = reverse("wagtail_localize:update_translations", args=[row.translation_source_id])
        found.append((pgettext("translation status", "Sync"), f"{url}?{urlencode({'next': back})}"))
    if row.translation is not None:
        found.append(
            (pgettext("translation status", "Edit translation"), edit_url(row, row.translation))
        )
    else:
        found.append((pgettext("translation status", "Edit source"), edit_url(row, row.source)))
    return found


def edit_url(row, instance):
    """The admin edit view of a page or snippet of `row`."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(row.model.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def warn_if_source_changed(request, page):
    """Add a warning to the messages of `request` (the edit view of `page`) when `page` is
    a translation whose source was published after its last sync: since when, how many
    strings were added or changed, and for those who may translate a "Sync translated
    pages" button to wagtail-localize's update view, which comes back to this editor.
    Nothing for a page that is up to date, a draft, a source page or an alias. A server
    message, shown by wagtail-localize's translation editor and Wagtail's page editor
    alike, without JavaScript."""
    row = translation_status.page_row(page)
    if row is None or not row.behind:
        return
    text = ngettext(
        "The source page was published on %(date)s, after this translation was last "
        "synced: %(count)d segment added or changed.",
        "The source page was published on %(date)s, after this translation was last "
        "synced: %(count)d segments added or changed.",
        row.changed_segments,
    ) % {
        "date": formats.date_format(timezone.localtime(row.since), "DATETIME_FORMAT"),
        "count": row.changed_segments,
    }
    buttons = []
    if request.user.has_perm("wagtail_localize.submit_translation"):
        url = reverse("wagtail_localize:update_translations", args=[row.translation_source_id])
        back = urlencode({"next": request.get_full_path()})
        buttons.append(messages.button(f"{url}?{back}", gettext("Sync translated pages")))
    messages.warning(request, text, buttons=buttons)
