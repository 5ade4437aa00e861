"""The admin's page views, in one place: a `PageViewSet` for `Page`, Wagtail's documented
way to customise the page explorer and replace a page view (since Wagtail 7.4), registered
with the `register_admin_viewset` hook (site_core/wagtail_hooks.py). Wagtail registers its
own default viewset with order -1, so this one, registered after it, serves the pages of
every type; the addresses and URL names stay Wagtail's.
"""

from django.utils.translation import pgettext_lazy
from wagtail.admin.viewsets.pages import PageViewSet as WagtailPageViewSet

from site_core import notification_language, translation_cascade_views
from site_core.translation_status_columns import TranslationStatusColumn


class PageViewSet(WagtailPageViewSet):
    """Wagtail's page views with:

    - the Translation column in the explorer and the flat listings per page type, before
      the column of links to child pages, which Wagtail adds last
      (site_core.translation_status_columns);
    - the edit view that sends comment notifications in the site's language to whoever
      chose none (site_core.notification_language);
    - the unpublish, delete and move views that act on translations as the person chooses
      (site_core.translation_cascade_views).
    """

    columns = [
        *WagtailPageViewSet.columns,
        TranslationStatusColumn(
            "translation_status",
            label=pgettext_lazy("translation status", "Translation"),
            width="16%",
        ),
    ]
    edit_view_class = notification_language.EditView
    unpublish_view_class = translation_cascade_views.UnpublishView
    delete_view_class = translation_cascade_views.DeleteView
    move_confirm_view_class = translation_cascade_views.MoveConfirmView
