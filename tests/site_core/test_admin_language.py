"""An admin in English shows no Norwegian tab, panel heading or field label that the
project adds, and an admin in bokmål shows them in Norwegian (issue 15, point 7): the edit
view of every page type and snippet, for an editor whose admin language is each one."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import translation
from wagtail.admin.panels import Panel
from wagtail.models import Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile

from .test_editor_view import site_pages

pytestmark = pytest.mark.django_db

# Wagtail's own tab labels, which its catalogues translate.
WAGTAIL_TABS = ["Content", "Promote", "Settings"]


def panel_texts(panel, model):
    """Every heading and help text in the panel tree `panel` of `model` (lazy strings):
    the panels' own, and a field panel's label and help from the model field."""
    texts = [panel.heading] if getattr(panel, "heading", "") else []
    if getattr(panel, "help_text", ""):
        texts.append(panel.help_text)
    field_name = getattr(panel, "field_name", None)
    if field_name:
        try:
            field = model._meta.get_field(field_name)
        except FieldDoesNotExist:
            field = None
        if field is not None and not field.auto_created:
            texts += [text for text in (field.verbose_name, field.help_text) if text]
    for child in getattr(panel, "children", ()):
        texts.extend(panel_texts(child, model))
    return texts


def edit_handler(model):
    handler = model.get_edit_handler() if hasattr(model, "get_edit_handler") else None
    if handler is None:
        handler = model.snippet_viewset.get_edit_handler().bind_to_model(model)
    assert isinstance(handler, Panel)
    return handler


def in_both(texts):
    """[(English, Norwegian)] of `texts` that read differently in the two languages."""
    pairs = []
    for text in texts:
        with translation.override("en"):
            english = str(text)
        with translation.override("nb"):
            norwegian = str(text)
        if english.strip().lower() != norwegian.strip().lower():
            pairs.append((english.strip(), norwegian.strip()))
    return pairs


def admin_texts(response):
    """The texts of the admin's tabs, panel headings, labels and help texts."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    elements = soup.select(
        '[role="tab"], .w-panel__heading, label, .help, .w-field__help, [data-field-help]'
    )
    return {" ".join(element.get_text(" ").split()) for element in elements}


def label_text(text):
    """`text` as compared: lower case, without a required field's " *" or a tab's error
    count " ( )"."""
    text = text.lower()
    for suffix in (" *", " ( )"):
        text = text.removesuffix(suffix)
    return text


def edit_views(public_site):
    """(model, URL of its edit view) for every page type and every snippet model."""
    views = []
    for pages in site_pages(public_site).values():
        page = pages.nb.specific
        views.append((type(page), reverse("wagtailadmin_pages:edit", args=[page.pk])))
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        # A translation's edit view is wagtail-localize's editor: open the source.
        objects = model.objects.all()
        if issubclass(model, TranslatableMixin):
            objects = objects.filter(locale__language_code="nb")
        instance = objects.first()
        if instance is None:
            url = reverse(viewset.get_url_name("add"))
        else:
            url = reverse(viewset.get_url_name("edit"), args=[instance.pk])
        views.append((model, url))
    return views


@pytest.mark.parametrize(("language", "other"), [("en", "nb"), ("nb", "en")])
def test_the_admin_speaks_one_language_on_every_edit_view(
    client, public_site, log_in_as, language, other
):
    user = log_in_as("admin")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    views = edit_views(public_site)
    assert {model for model, _url in views} >= {m for m in get_page_models() if m is not Page}

    for model, url in views:
        shown = {label_text(text) for text in admin_texts(client.get(url))}
        pairs = in_both(panel_texts(edit_handler(model), model) + WAGTAIL_TABS)
        wanted = {(pair[0] if language == "en" else pair[1]).lower() for pair in pairs}
        unwanted = {(pair[1] if language == "en" else pair[0]).lower() for pair in pairs}
        assert not (unwanted - wanted) & shown, model.__name__
        # And each view shows its own texts in the admin's language.
        assert wanted & shown, model.__name__
