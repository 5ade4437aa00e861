"""A Norwegian-admin lead and editor meet the screens of this project's editorial flows in
bokmål, an English-admin one in English (issue 14, tester finding 10): the explorer's bulk
Publish, Unpublish and Delete confirmations, the move confirmation's line on translations,
the usage line of a delete confirmation, a snippet's lock message, "Submit to <workflow>"
with the workflow's name (site_core.workflow_names), the date of a note in the translation
editor (site_core.localized_dates), and a message that once began with a lowercase verbose
name (locale_upstream, site_core.upstream_catalogues)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.utils import quote
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from tests.conftest import fresh
from tests.factories import (
    CommunicationsLeadFactory,
    EditorFactory,
    NewsIndexPageFactory,
    as_committed,
    bilingual_news_site,
    publish,
    translate,
)
from tests.home.factories import NewsTagFactory

from .helpers import admin_user, english, machine_translate_draft, translation_editor

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site_built(shared_db):
    """A bilingual site with a news item in both languages (`.news`, `.index`), built once
    for the module."""
    return bilingual_news_site("Klyngen flytter", "flytter", "The cluster moves")


@pytest.fixture
def site(site_built):
    """`site_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(site_built)


def text_of(response):
    """The text a reader sees on the page, whitespace collapsed."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ").split())


def bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


BULK = {
    "nb": {
        "publish": "Er du sikker på at du vil publisere disse sidene?",
        "unpublish": "Er du sikker på at du vil avpublisere disse sidene?",
        "delete": "Er du sikker på at du vil slette disse sidene?",
    },
    "en": {
        "publish": "Are you sure you want to publish these pages?",
        "unpublish": "Are you sure you want to unpublish these pages?",
        "delete": "Are you sure you want to delete these pages?",
    },
}
TITLES = {
    "nb": {
        "publish": "Publiser 1 side",
        "unpublish": "Avpubliser 1 side",
        "delete": "Slett 1 side",
    },
    "en": {"publish": "Publish 1 page", "unpublish": "Unpublish 1 page", "delete": "Delete 1 page"},
}


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete"])
@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_bulk_confirm_pages_speak_the_leads_language(client, site, language, action):
    client.force_login(admin_user(CommunicationsLeadFactory, language))
    shown = text_of(client.get(bulk_url(action, site.news)))
    assert BULK[language][action] in shown
    assert TITLES[language][action] in shown


MOVE_LINE = {
    "nb": "Dette flytter også én oversettelse av denne siden og undersidene dens",
    "en": "This will also move one translation of this page and its child pages",
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_move_confirm_page_speaks_the_leads_language(client, site, language):
    with as_committed():
        archive = publish(NewsIndexPageFactory(parent=site.nb, title="Arkiv", slug="arkiv"))
        translate(archive, {"Arkiv": "Archive"})
    client.force_login(admin_user(CommunicationsLeadFactory, language))
    url = reverse("wagtailadmin_pages:move_confirm", args=[site.news.pk, archive.pk])
    assert MOVE_LINE[language] in text_of(client.get(url))


USAGE = {
    "nb": re.compile(r"Elementet \([\w ]+\) er referert til 0 ganger\."),
    "en": re.compile(r"This [\w ]+ is referenced 0 times\."),
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_delete_confirm_usage_line_speaks_the_leads_language(client, site, language):
    client.force_login(admin_user(CommunicationsLeadFactory, language))
    shown = text_of(client.get(reverse("wagtailadmin_pages:delete", args=[site.news.pk])))
    assert USAGE[language].search(shown), shown


LOCKED = {
    "nb": "Elementet (nyhetsemne) kunne ikke lagres fordi det er låst",
    "en": "The news tag could not be saved as it is locked",
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_locked_snippets_save_is_refused_in_the_leads_language(client, language):
    tag = NewsTagFactory(locked=True, locked_by=EditorFactory(), locked_at=timezone.now())
    client.force_login(admin_user(CommunicationsLeadFactory, language))
    url = reverse(type(tag).snippet_viewset.get_url_name("edit"), args=[quote(tag.pk)])
    response = client.post(url, {"name": "Eksport", "slug": tag.slug, "action": "publish"})
    assert LOCKED[language] in text_of(response)


SUBMIT = {
    "nb": "Send inn til Godkjenning hos kommunikasjonsleder",
    "en": "Submit to Communications lead approval",
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_submit_names_the_workflow_in_the_editors_language(client, site, language):
    client.force_login(admin_user(EditorFactory, language))
    shown = text_of(client.get(reverse("wagtailadmin_pages:edit", args=[site.news.pk])))
    assert SUBMIT[language] in shown


MONTHS = {
    "nb": "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember",
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
}
NOTE = {
    "nb": r"Oversatt (manuelt|med .+) den \d{{1,2}}\. ({months}) \d{{4}}",
    "en": r"Translated (manually|with .+) on \d{{1,2}} ({months}) \d{{4}}",
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_translation_editors_dates_are_in_the_editors_language(client, site, language):
    """The note under each translated segment: 'Oversatt … den 30. november 2026'."""
    with as_committed():
        page = publish(NewsIndexPageFactory(parent=site.nb, title="Kurs", slug="kurs"))
    client.force_login(admin_user(EditorFactory, language))
    _soup, notes = translation_editor(client, machine_translate_draft(client, page, english()))
    pattern = re.compile(NOTE[language].format(months=MONTHS[language]))
    assert notes and all(pattern.fullmatch(note) for note in notes), notes


SUBMITTED = {
    "nb": "«Eksport» (nyhetsemne) er sendt til oversettelse til English",
    "en": "The news tag 'Eksport' was successfully submitted for translation into English",
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_submitted_for_translation_starts_with_a_capital(client, language):
    tag = NewsTagFactory(name="Eksport", slug="eksport")
    client.force_login(admin_user(EditorFactory, language))
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["home", "newstag", quote(tag.pk)],
    )
    with as_committed():
        response = client.post(url, {"locales": [english().pk]})
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert SUBMITTED[language] in messages, messages
    assert all(message[0] == "«" or message[0].isupper() for message in messages)
