"""The translation status on a translatable snippet's edit screen (the footer's, a news
tag's): on a snippet of the source locale the status of its translation in each other
locale, on a translation its own status, each with the actions of the Translation status
report (site_core.translation_status_views.actions).

Shown as server-rendered admin messages from a `before_edit_snippet` hook
(site_core/wagtail_hooks.py), like the notice on an outdated page translation: a synced
translation's edit screen is wagtail-localize's translation editor, answered from its own
`before_edit_snippet` hook, so neither a panel of the snippet's edit handler nor the
context of a SnippetViewSet's edit view would reach it, while both editors show the
admin's messages, without JavaScript.
"""

from django.template.loader import render_to_string
from wagtail.admin import messages

from site_core import translation_status
from site_core.translation_status import STATUS_LABELS, UP_TO_DATE
from site_core.translation_status_views import actions, edit_url

TEMPLATE = "site_core/admin/translation_status_message.html"


def show_translation_status(request, instance):
    """Add a message to `request` (the edit view of the translatable snippet `instance`)
    per row of `translation_status.snippet_rows(instance)`: its status with what it means
    (since when an outdated one's source changed, how many segments) and the report's
    actions as buttons (translate, sync back to this screen, the other language's
    editor), less a link to this very screen. A warning when the status wants work, an
    information when up to date; nothing for a translation whose source is gone."""
    back = request.get_full_path()
    may_translate = request.user.has_perm("wagtail_localize.submit_translation")
    for row in translation_status.snippet_rows(instance):
        text = render_to_string(
            TEMPLATE,
            {
                "row": row,
                "status": STATUS_LABELS[row.status],
                "show_locale": row.source.pk == instance.pk,
            },
        )
        here = edit_url(row, instance)
        buttons = [
            messages.button(url, label)
            for label, url in actions(row, back, may_translate)
            if url != here
        ]
        notify = messages.info if row.status == UP_TO_DATE else messages.warning
        notify(request, text, buttons=buttons)
