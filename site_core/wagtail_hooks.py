"""Admin hooks of the shared layer."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from site_core import translation_status_views
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

    Wagtail's admin asks this hook (with WAGTAIL_I18N_ENABLED) and says so on each confirm
    page ("This will also unpublish one translation of the page"); a translation is moved
    under the matching translation of the new parent (Wagtail's move view), and left where
    it is when that parent has no translation in its language. Without it an unpublished
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
