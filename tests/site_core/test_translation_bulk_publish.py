"""The explorer's bulk Publish asks before it publishes a translation with untranslated
segments (site_core.translation_bulk_publish), as the translation editor's Publish does."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import Translation

from tests.factories import (
    CommunicationsLeadFactory,
    StandardPageFactory,
    as_committed,
    bilingual_site,
    publish,
    translate,
)

from .helpers import admin_user, submit, type_translations
from .test_translation_publishing import NEW_INTRO, change_intro, sync, translated_page

pytestmark = pytest.mark.django_db


def bulk_publish_url(*pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


@pytest.fixture
def held_back(client, bilingual):
    """An English translation whose latest revision, saved by a sync, has the changed
    Norwegian intro untranslated; its live version is complete. (site, nb page, en page)"""
    page, english = translated_page(bilingual)
    change_intro(page)
    client.force_login(CommunicationsLeadFactory())
    sync(client, page, publish_translations="on")
    return bilingual, page, english


def public_text(page):
    page.refresh_from_db()
    return Client().get(page.url).text


@pytest.mark.parametrize(
    ("language", "heading", "box"),
    [
        ("nb", "1 segment ikke oversatt til", "Publiser oversettelser med uoversatte segmenter"),
        ("en", "1 segment not translated into", "Publish translations with untranslated segments"),
    ],
)
def test_the_confirmation_names_the_untranslated_segments(
    client, held_back, language, heading, box
):
    _site, _page, english = held_back
    client.force_login(admin_user(CommunicationsLeadFactory, language))
    response = client.get(bulk_publish_url(english))
    assert heading in response.text
    assert NEW_INTRO in response.text
    assert box in response.text


def test_without_the_box_nothing_is_published(client, held_back):
    _site, _page, english = held_back
    with as_committed():
        response = client.post(bulk_publish_url(english), {})
    assert response.status_code == 200
    assert "Kryss av i boksen for å publisere dem likevel" in response.text
    assert NEW_INTRO not in public_text(english)
    assert "Short introduction." in public_text(english)


def test_with_the_box_the_translation_is_published(client, held_back):
    _site, _page, english = held_back
    with as_committed():
        response = client.post(bulk_publish_url(english), {"publish_untranslated": "on"})
    assert response.status_code == 302
    assert NEW_INTRO in public_text(english)


def test_a_draft_subpage_with_untranslated_segments_asks_too(client):
    with as_committed():
        site = bilingual_site()
        section = publish(StandardPageFactory(parent=site.nb, title="Seksjon", slug="seksjon"))
        english_section = translate(section, {"Seksjon": "Section"})
        child = publish(StandardPageFactory(parent=section, title="Underside", slug="underside"))
    client.force_login(CommunicationsLeadFactory())
    # Translated just now: an English draft with every segment untranslated.
    submit(client, child, site.en.locale)
    english_child = child.get_translation(site.en.locale)
    assert "Underside" in client.get(bulk_publish_url(english_section)).text
    with as_committed():
        refused = client.post(bulk_publish_url(english_section), {"include_descendants": "on"})
        alone = client.post(bulk_publish_url(english_section), {})
    assert refused.status_code == 200
    assert alone.status_code == 302
    english_child.refresh_from_db()
    assert not english_child.live


def test_pages_without_untranslated_segments_are_published_as_before(client):
    with as_committed():
        site = bilingual_site()
        page = StandardPageFactory(parent=site.nb, title="Utkast", slug="utkast", live=False)
        page.save_revision()
    client.force_login(CommunicationsLeadFactory())
    response = client.get(bulk_publish_url(page))
    assert "Publish translations with untranslated segments" not in response.text
    with as_committed():
        assert client.post(bulk_publish_url(page), {}).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_what_is_published_is_the_translation_as_it_is_now_not_the_held_back_draft(
    client, held_back
):
    """The sync's held-back draft has the Norwegian intro; translating that segment since
    saved no revision. The bulk Publish publishes the translation as it is now."""
    _site, page, english = held_back
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english.locale
    )
    type_translations(translation, {NEW_INTRO: "A brand new introduction."})
    confirm = client.get(bulk_publish_url(english))
    assert "Publish translations with untranslated segments" not in confirm.text
    with as_committed():
        assert client.post(bulk_publish_url(english), {}).status_code == 302
    live = public_text(english)
    assert "A brand new introduction." in live
    assert NEW_INTRO not in live
