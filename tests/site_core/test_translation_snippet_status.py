"""A translatable snippet's edit screen says how its translations are: on the Norwegian
snippet the status of its English translation with the action that fixes it, on the
English one its own status, in the editor's admin language
(site_core.translation_status_snippets)."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.http import urlencode
from wagtail_localize.models import TranslationSource

from home.models import NewsTag
from tests.factories import EditorFactory, as_committed, locales
from tests.home.factories import footer

from .helpers import admin_user, machine_translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def snippets(client):
    """The footer in both languages, its Norwegian text changed since the sync; a news tag
    never translated and one machine-translated."""
    nb, en = locales()["nb"], locales()["en"]
    client.force_login(admin_user(EditorFactory, "en"))
    with as_committed():
        made = footer({})
        made.nb.about = "En klynge for norske merkevarer."
        made.nb.save()
        missing = NewsTag.objects.create(locale=nb, name="Akustikk", slug="akustikk")
        machine = NewsTag.objects.create(locale=nb, name="Nyheter", slug="nyheter")
        machine_translate(client, machine, en)
    client.logout()
    return SimpleNamespace(
        footer=made, missing=missing, machine=machine, machine_en=machine.get_translation(en)
    )


def edit_url(instance):
    return reverse(type(instance).snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def edit_screen(client, instance, language):
    """The messages on `instance`'s edit screen seen by an editor whose admin speaks
    `language`: [(the message's text, {button text: its link})]."""
    client.force_login(admin_user(EditorFactory, language))
    response = client.get(edit_url(instance))
    assert response.status_code == 200
    html = BeautifulSoup(response.text, "html.parser")
    found = []
    for message in html.select(".messages li"):
        buttons = {link.get_text(strip=True): link["href"] for link in message.select("a.button")}
        for link in message.select(".buttons"):
            link.decompose()
        found.append((" ".join(message.get_text(" ").split()).replace(" .", "."), buttons))
    return found


def sync_link(instance, back):
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return f"{url}?{urlencode({'next': back})}"


def synced_at(instance, language):
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    with translation.override(language):
        return formats.date_format(
            timezone.localtime(source.last_updated_at), "SHORT_DATETIME_FORMAT"
        )


OUTDATED_ON_SOURCE = {
    "nb": "Oversettelse til English: Utdatert. Kilden er endret siden synkroniseringen "
    "{synced}. 1 segment lagt til eller endret.",
    "en": "Translation into English: Outdated. Source changed since the sync of {synced}. "
    "1 segment added or changed.",
}
OUTDATED_ON_TRANSLATION = {
    "nb": "Oversettelsesstatus: Utdatert. Kilden er endret siden synkroniseringen {synced}. "
    "1 segment lagt til eller endret.",
    "en": "Translation status: Outdated. Source changed since the sync of {synced}. "
    "1 segment added or changed.",
}
BUTTONS = {
    "nb": {"sync": "Synkroniser", "edit": "Rediger oversettelsen", "translate": "Oversett"},
    "en": {"sync": "Sync", "edit": "Edit translation", "translate": "Translate"},
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_norwegian_footer_says_its_translation_is_outdated(client, snippets, language):
    nb_footer, en_footer = snippets.footer.nb, snippets.footer.en
    ((text, buttons),) = edit_screen(client, nb_footer, language)
    synced = synced_at(nb_footer, language)
    assert text == OUTDATED_ON_SOURCE[language].format(synced=synced)
    assert buttons == {
        BUTTONS[language]["sync"]: sync_link(nb_footer, edit_url(nb_footer)),
        BUTTONS[language]["edit"]: edit_url(en_footer),
    }


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_english_footer_says_it_is_outdated_and_links_to_sync(client, snippets, language):
    """The English footer is synced by wagtail-localize: its edit screen is
    wagtail-localize's translation editor, which shows the message too."""
    nb_footer, en_footer = snippets.footer.nb, snippets.footer.en
    ((text, buttons),) = edit_screen(client, en_footer, language)
    assert text == OUTDATED_ON_TRANSLATION[language].format(synced=synced_at(nb_footer, language))
    # Only the sync: no link to this very screen.
    assert buttons == {BUTTONS[language]["sync"]: sync_link(nb_footer, edit_url(en_footer))}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "Oversettelse til English: Mangler. Ikke oversatt ennå."),
        ("en", "Translation into English: Missing. Not translated yet."),
    ],
)
def test_a_tag_never_translated_links_to_translate(client, snippets, language, expected):
    tag = snippets.missing
    assert edit_screen(client, tag, language) == [
        (
            expected,
            {
                BUTTONS[language]["translate"]: reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=["home", "newstag", tag.pk],
                )
            },
        )
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "Oversettelsesstatus: Maskinoversatt, ikke gjennomgått. "
            "2 maskinoversatte segmenter ikke gjennomgått.",
        ),
        (
            "en",
            "Translation status: Unreviewed machine translation. "
            "2 machine-translated segments not reviewed.",
        ),
    ],
)
def test_a_machine_translated_tag_says_so(client, snippets, language, expected):
    assert edit_screen(client, snippets.machine_en, language) == [(expected, {})]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "Oversettelse til English: Oppdatert."),
        ("en", "Translation into English: Up to date."),
    ],
)
def test_an_up_to_date_translation_is_said_to_be(client, snippets, language, expected):
    with as_committed():
        snippets.footer.nb.about = "En næringsklynge for norske merkevareeiere."
        snippets.footer.nb.save()
    messages = edit_screen(client, snippets.footer.nb, language)
    assert messages == [(expected, {BUTTONS[language]["edit"]: edit_url(snippets.footer.en)})]


def test_the_status_shows_without_javascript(client, snippets):
    """Wagtail's CSS hides its messages until its JavaScript shows them: without it, a
    rule inside <noscript> does."""
    client.force_login(admin_user(EditorFactory, "en"))
    html = BeautifulSoup(client.get(edit_url(snippets.missing)).text, "html.parser")
    styles = [style.get_text() for style in html.select("noscript style")]
    assert ".messages > ul { opacity: 1; top: 0; }" in styles
    assert html.select(".messages [data-translation-status='missing']")
