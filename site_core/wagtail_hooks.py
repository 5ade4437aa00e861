"""Admin hooks of the shared layer."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin

from site_core import (
    page_views,
    personal_data_views,
    translation_bulk_publish,
    translation_cascade_bulk,
    translation_creation,
    translation_publishing,
    translation_status_snippets,
    translation_status_views,
    translation_visibility,
)
from site_core.restrictions import give_restrictions


@hooks.register("after_copy_page")
def keep_copies_as_private_as_their_source(request, page, new_page):
    """A copy of a page that was private only through an ancestor stays private.

    Wagtail copies the restrictions set on the page itself, not those it inherits, so a
    members' page copied into a public section would be open to everyone. When the source
    was restricted and the copy is not, the source's restrictions (type and groups) are
    put on the copy; the editor can lift them there, knowingly.
    """
    source_restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    if source_restrictions and not new_page.get_view_restrictions().exists():
        give_restrictions(new_page, source_restrictions)


@hooks.register("construct_translated_pages_to_cascade_actions")
def act_on_every_language(pages, action):
    """Unpublishing, moving or deleting a page in the admin does the same to its
    translations: {page: the translations to act on too}.

    Wagtail's admin asks this hook (with WAGTAIL_I18N_ENABLED). The views that act
    (site_core.translation_cascade_views, and the explorer's bulk actions in
    site_core.translation_cascade_bulk) offer "Also unpublish/delete the translations",
    ticked by default, and move each translation under the matching translation of the new
    parent or refuse the move, saying why (site_core.page_moves). Without it an unpublished
    Norwegian page left its English translation live, and a moved one its translation
    behind. Aliases are not unpublished on their own (they follow their source).
    `action`: "unpublish", "move" or "delete"."""
    cascade = {}
    for page in pages:
        translations = Page.objects.translation_of(page, inclusive=False)
        if action == "unpublish":
            translations = translations.filter(alias_of__isnull=True)
        if action in ("unpublish", "move", "delete"):
            cascade[page] = translations
    return cascade


@hooks.register("before_edit_page", order=-1)
def say_when_the_source_changed(request, page):
    """The notice on an outdated translation's editor (translation_status_views), before
    wagtail-localize's own before_edit_page hook answers with its translation editor
    (which ends the hooks). On GET only: a POST saves and redirects."""
    if request.method == "GET":
        translation_status_views.warn_if_source_changed(request, page)


# Publishing a translation with untranslated segments from wagtail-localize's editor asks
# first (site_core.translation_publishing); before wagtail-localize's own hooks, which
# publish at once. The same function serves pages and snippets.
hooks.register("before_edit_page", translation_publishing.confirm_untranslated, order=-1)
hooks.register("before_edit_snippet", translation_publishing.confirm_untranslated, order=-1)
hooks.register("before_edit_page", translation_publishing.refuse_restart_in_moderation, order=-1)
hooks.register("before_edit_snippet", translation_publishing.refuse_restart_in_moderation, order=-1)
# The explorer's bulk Publish asks the same; after Wagtail's own, which it replaces.
hooks.register("register_bulk_action", translation_bulk_publish.PublishBulkAction, order=1)


@hooks.register("register_admin_urls", order=-1)
def sync_translations_url():
    """wagtail-localize's "Sync translated pages" address, answered by
    translation_publishing.SyncTranslationsView, which publishes no untranslated segment,
    its "Translate" addresses, answered by translation_creation's views, which put no
    alias live, and its "Convert to alias" address, answered by
    translation_publishing.convert_to_alias.
    Registered before wagtail-localize's URLs (order -1), so it resolves first, while the
    name `wagtail_localize:update_translations` (its links) still reverses to it."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            translation_publishing.SyncTranslationsView.as_view(),
            name="site_core_sync_translations",
        ),
        # "Translate": missing parents become drafts, not aliases (translation_creation).
        path(
            "localize/submit/page/<int:page_id>/",
            translation_creation.PageTranslationView.as_view(),
            name="site_core_translate_page",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translation_creation.SnippetTranslationView.as_view(),
            name="site_core_translate_snippet",
        ),
        # Converting a translation to an alias puts the source's text live: publishers only.
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_publishing.convert_to_alias,
            name="site_core_convert_to_alias",
        ),
    ]


@hooks.register("register_admin_urls")
def translation_status_urls():
    """The Translation status report (site_core.translation_status_views)."""
    return [
        path(
            "reports/translation-status/",
            translation_status_views.translation_status_report,
            name="site_core_translation_status",
        )
    ]


@hooks.register("construct_homepage_panels")
def translation_status_panel(request, panels):
    """The counts of the Translation status report on the dashboard, for those who may
    open the report."""
    if translation_status_views.can_see_report(request.user):
        panels.append(translation_status_views.TranslationStatusPanel())


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    """Reports → Translation status, for those who may edit pages."""
    return translation_status_views.TranslationStatusMenuItem(
        _("Translation status"),
        reverse("site_core_translation_status"),
        name="translation-status",
        icon_name="site",
        order=1250,
    )


@hooks.register("before_edit_snippet", order=-1)
def say_how_the_snippet_translations_are(request, instance):
    """The translation status on a translatable snippet's edit screen
    (site_core.translation_status_snippets), before wagtail-localize's own
    before_edit_snippet hook answers a synced translation with its translation editor
    (which ends the hooks). On GET only: a POST saves and redirects."""
    if request.method == "GET" and isinstance(instance, TranslatableMixin):
        translation_status_snippets.show_translation_status(request, instance)


@hooks.register("insert_global_admin_css")
def show_messages_without_javascript():
    """Wagtail's admin messages (the translation status on a snippet's edit screen, the
    notice on an outdated page translation) are hidden by its CSS until its JavaScript
    slides them in; without JavaScript they would never show. Inline, as the admin's
    Content-Security-Policy allows (site_core/csp.py)."""
    return mark_safe("<noscript><style>.messages > ul { opacity: 1; top: 0; }</style></noscript>")


@hooks.register("register_admin_viewset")
def admin_page_views():
    """The admin's page views (site_core.page_views): Wagtail's, with the Translation
    column, translations acted on with the page, comment notifications in the site's
    language. Replaces Wagtail's default viewset for `Page`, registered with order -1."""
    return page_views.PageViewSet()


# The explorer's bulk Unpublish, Delete and Move, acting on translations as the page's own
# actions do; after Wagtail's own, which they replace (same action types).
hooks.register("register_bulk_action", translation_cascade_bulk.UnpublishBulkAction, order=1)
hooks.register("register_bulk_action", translation_cascade_bulk.DeleteBulkAction, order=1)
hooks.register("register_bulk_action", translation_cascade_bulk.MoveBulkAction, order=1)


@hooks.register("register_admin_urls", order=-1)
def translation_visibility_urls():
    """wagtail-localize's Translations report and its snippet API, answered by
    site_core.translation_visibility's subclasses, which show only the pages the user may
    explore and the snippet models they have a permission on. Registered before
    wagtail-localize's URLs (order -1), so they resolve first; its URL names still reverse
    to the same addresses."""
    report = translation_visibility.TranslationsReportView
    snippets = translation_visibility.SnippetChooserAPI
    return [
        path(
            "localize/reports/translations/",
            report.as_view(),
            name="site_core_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            report.as_view(results_only=True),
            name="site_core_translations_report_results",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            snippets.as_view({"get": "list"}),
            name="site_core_snippets_api_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            snippets.as_view({"get": "retrieve"}),
            name="site_core_snippets_api_detail",
        ),
    ]


@hooks.register("register_admin_urls")
def personal_data_urls():
    """Settings → Personal data (site_core.personal_data_views)."""
    return [
        path("personal-data/", personal_data_views.search, name="site_core_personal_data"),
        path(
            "personal-data/export/<str:file_format>/",
            personal_data_views.export,
            name="site_core_personal_data_export",
        ),
        path(
            "personal-data/erase/", personal_data_views.erase, name="site_core_personal_data_erase"
        ),
    ]


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    """Settings → Personal data, for those with `site_core.manage_personal_data`."""
    return personal_data_views.PersonalDataMenuItem(
        _("Personal data"),
        reverse("site_core_personal_data"),
        name="personal-data",
        icon_name="user",
        order=900,
    )


@hooks.register("register_permissions")
def personal_data_permission():
    """The permission to find, export and erase personal data, in the groups editor."""
    return Permission.objects.filter(
        content_type__app_label="site_core", codename="manage_personal_data"
    )
