"""Whether unpublishing or deleting a page in the admin acts on its translations too: the
box "Also unpublish the translations" / "Also delete the translations", ticked by default,
on Wagtail's confirm pages (issue 14).

Wagtail's admin asks the `construct_translated_pages_to_cascade_actions` hooks
(site_core.wagtail_hooks.act_on_every_language) which pages of other languages go with a
page. That hook gets no request, so the person's choice cannot reach it; the views that act
(site_core.translation_cascade_views, site_core.translation_cascade_bulk) read it from
`TranslationsChoiceForm` and leave the translations out themselves.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.models import Page

from site_core.translations import LANGUAGE_ORDER

LABELS = {
    "unpublish": gettext_lazy("Also unpublish the translations"),
    "delete": gettext_lazy("Also delete the translations"),
}


def cascaded_pages(pages, action):
    """{page.pk: [pages of other languages]}: what Wagtail's admin acts on with each of
    `pages` (Page instances) for `action` ("unpublish", "move" or "delete"), as the
    `construct_translated_pages_to_cascade_actions` hooks answer it (they return
    {page: iterable of pages}; Wagtail's single-page views merge the answers the same way).
    Each list is in the order of settings.LANGUAGES and leaves out the page itself."""
    found = {page.pk: {} for page in pages}
    for hook in hooks.get_hooks("construct_translated_pages_to_cascade_actions"):
        answer = hook(list(pages), action)
        if isinstance(answer, dict):
            for page, more in answer.items():
                more_of_page = found.setdefault(page.pk, {})
                more_of_page.update({other.pk: other for other in more if other.pk != page.pk})
    return {pk: in_language_order(more.values()) for pk, more in found.items()}


def may_act_on(page, user, action):
    """Whether `user` may `action` ("unpublish" or "delete") `page` in the admin, as
    Wagtail's own views check the page they are opened for. Wagtail acts on the
    translations of that page without asking (`skip_permission_checks`): an editor who
    may delete a Norwegian draft deleted its live English translation with it."""
    permissions = page.permissions_for_user(user)
    return permissions.can_unpublish() if action == "unpublish" else permissions.can_delete()


def split_by_permission(pages, user, action):
    """([pages `user` may `action`], [the others]), each in `pages`' order."""
    allowed, withheld = [], []
    for page in pages:
        (allowed if may_act_on(page, user, action) else withheld).append(page)
    return allowed, withheld


def in_language_order(pages):
    """`pages` sorted by their locale's place in settings.LANGUAGES (then by title)."""

    def place(page):
        code = page.locale.language_code
        rank = LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER)
        return rank, page.title

    return sorted(pages, key=place)


def language_names(pages):
    """The display names of the locales of `pages`, each once, comma-separated, in the order
    of settings.LANGUAGES ("English")."""
    names = [page.locale.get_display_name() for page in in_language_order(pages)]
    return ", ".join(dict.fromkeys(names))


def help_text(action, translations, bulk=False):
    """What the box of `action` says: how many `translations` (pages) there are, in which
    languages, and what unticking it does."""
    count, languages = len(translations), language_names(translations)
    if action == "unpublish" and bulk:
        text = ngettext(
            "The selected pages have %(count)d translation, in %(languages)s; it is "
            "unpublished too. Untick to unpublish the selected pages only.",
            "The selected pages have %(count)d translations, in %(languages)s; they are "
            "unpublished too. Untick to unpublish the selected pages only.",
            count,
        )
    elif action == "unpublish":
        text = ngettext(
            "This page has %(count)d translation, in %(languages)s; it is unpublished "
            "too. Untick to unpublish this page only.",
            "This page has %(count)d translations, in %(languages)s; they are unpublished "
            "too. Untick to unpublish this page only.",
            count,
        )
    elif bulk:
        text = ngettext(
            "The selected pages have %(count)d translation, in %(languages)s; it is "
            "deleted too, with its child pages. Untick to delete the selected pages only.",
            "The selected pages have %(count)d translations, in %(languages)s; they are "
            "deleted too, with their child pages. Untick to delete the selected pages only.",
            count,
        )
    else:
        text = ngettext(
            "This page has %(count)d translation, in %(languages)s; it is deleted too, "
            "with its child pages. Untick to delete this page only.",
            "This page has %(count)d translations, in %(languages)s; they are deleted "
            "too, with their child pages. Untick to delete this page only.",
            count,
        )
    return text % {"count": count, "languages": languages}


class TranslationsChoiceForm(forms.Form):
    """The box "Also unpublish/delete the translations" (`also_translations`, ticked by
    default) of a confirm page, for `action` ("unpublish" or "delete") and `translations`
    (the pages of other languages that would go too; `bulk` for the explorer's bulk
    actions, whose text speaks of the selected pages).

    With no translations the form has no fields. A confirm page that shows the box also
    sends `translations_asked`; a POST without it (from anywhere but that page) keeps
    Wagtail's behaviour of acting on every translation, so only unticking the box leaves
    them out (`acts_on_translations`).
    """

    also_translations = forms.BooleanField(required=False, initial=True)
    translations_asked = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)

    def __init__(self, *args, action, translations, withheld=(), bulk=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.translations = list(translations)
        # Translations the person may not act on: they stay, and the page says so.
        self.withheld = list(withheld)
        self.withheld_languages = language_names(self.withheld)
        if not self.translations:
            del self.fields["also_translations"], self.fields["translations_asked"]
            return
        box = self.fields["also_translations"]
        box.label = LABELS[action]
        box.help_text = help_text(action, self.translations, bulk)

    @classmethod
    def for_request(cls, request, **kwargs):
        """The form bound to `request`'s POST data, or unbound for any other method."""
        data = request.POST if request.method == "POST" else None
        return cls(data, **kwargs)

    def acts_on_translations(self):
        """Whether the action is to reach the translations: unless the box was shown and
        left unticked. True for an unbound form (a GET: the box's default)."""
        if not self.is_bound or not self.translations or not self.is_valid():
            return True
        data = self.cleaned_data
        return data["also_translations"] or not data["translations_asked"]


def stranded_pages(roots):
    """[(page, kept)]: pages that deleting `roots` (pages, with their subtrees) deletes
    while a version of them in another language (`kept`) stays, because that one lives
    elsewhere in its tree (its translation was moved without it, say). Aliases are left
    out: they follow their source. Two queries."""
    within = Q()
    for root in roots:
        within |= Q(path__startswith=root.path)
    deleted = Page.objects.filter(within, alias_of__isnull=True)
    kept = (
        Page.objects.filter(
            alias_of__isnull=True, translation_key__in=deleted.values("translation_key")
        )
        .exclude(within)
        .select_related("locale")
    )
    kept_by_key = {page.translation_key: page for page in kept}
    return [
        (page, kept_by_key[page.translation_key])
        for page in deleted.filter(translation_key__in=kept_by_key).select_related("locale")
    ]
