"""wagtail-localize's "Translate" puts nothing live in the other language
(site_core.translation_creation): not a parent as an alias with the Norwegian text, not the
Norwegian fallback over an English page or snippet that exists already."""

import pytest
from django.urls import reverse

from home.models import NewsPageTag, NewsTag
from tests.factories import (
    CommunicationsLeadFactory,
    NewsPageFactory,
    StandardPageFactory,
    as_committed,
    bilingual_news_site,
    bilingual_site,
    log_in,
    publish,
)
from tests.site_core.helpers import admin_user

pytestmark = pytest.mark.django_db


def translate_page(client, page, locale, **fields):
    """Post wagtail-localize's "Translate page" form for `page` into `locale`."""
    with as_committed():
        return client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk], **fields},
            follow=True,
        )


@pytest.mark.parametrize("admin_language", ["nb", "en"])
def test_a_page_under_an_untranslated_section_gets_a_draft_parent_not_a_live_alias(
    client, admin_language
):
    with as_committed():
        site = bilingual_site()
        section = publish(
            StandardPageFactory(parent=site.nb, title="Prosjekter", slug="prosjekter")
        )
        child = publish(StandardPageFactory(parent=section, title="Tekstilprosjektet"))
    log_in(client, admin_user(CommunicationsLeadFactory, admin_language))

    response = translate_page(client, child, site.en.locale)

    english_section = section.get_translation(site.en.locale)
    assert english_section.alias_of_id is None
    assert not english_section.live
    assert not child.get_translation(site.en.locale).live
    # The editor is told the parent was translated too, in their admin's language.
    told = {
        "nb": "ble oversatt også, som utkast",
        "en": "it was translated too, as a draft",
    }[admin_language]
    assert told in response.text
    assert "“Prosjekter”" in response.text
    client.logout()
    assert client.get("/en/prosjekter/").status_code == 404
    assert "Prosjekter" not in client.get("/en/").text
    assert "/en/prosjekter/" not in client.get("/sitemap.xml").text


def test_translating_a_subtree_leaves_an_english_page_that_exists_as_it_was(client):
    with as_committed():
        site = bilingual_site()
        section = publish(StandardPageFactory(parent=site.nb, title="Tjenester", slug="tjenester"))
        made_here = publish(
            StandardPageFactory(parent=section, title="Rådgivning", slug="radgivning")
        )
        # An alias in English, offered for translation (wagtail-localize converts it) ...
        english_section = section.copy_for_translation(site.en.locale, alias=True)
        # ... over an English page its editor wrote by hand, live.
        english = made_here.copy_for_translation(site.en.locale)
        english.title, english.slug = "Advice", "advice"
        publish(english)
        new_child = publish(StandardPageFactory(parent=section, title="Nettverk", slug="nettverk"))
    log_in(client, CommunicationsLeadFactory())
    revisions_before = english.revisions.count()

    translate_page(client, section, site.en.locale, include_subtree="on")

    english.refresh_from_db()
    assert (english.title, english.live, english.revisions.count()) == (
        "Advice",
        True,
        revisions_before,
    )
    assert not new_child.get_translation(site.en.locale).live
    client.logout()
    page = client.get(english.url)
    assert "Advice" in page.text and "Rådgivning" not in page.text
    assert english_section.pk == section.get_translation(site.en.locale).pk


def test_translating_a_page_leaves_a_chosen_tag_that_is_translated_already_as_it_was(client):
    site = bilingual_news_site("Messe i Milano", "messe-i-milano", "Fair in Milan")
    with as_committed():
        tag = NewsTag.objects.create(name="Bærekraft", slug="baerekraft", locale=site.nb.locale)
        english_tag = tag.copy_for_translation(site.en.locale)
        english_tag.name, english_tag.slug = "Sustainability", "sustainability"
        english_tag.save()
        news = NewsPageFactory(parent=site.index, title="Ny rapport", slug="ny-rapport")
        news.tag_links.add(NewsPageTag(tag=tag, locale=site.nb.locale))
        publish(news)
    log_in(client, CommunicationsLeadFactory())

    translate_page(client, news, site.en.locale)

    english_tag = NewsTag.objects.get(pk=english_tag.pk)
    assert english_tag.name == "Sustainability"
    assert getattr(english_tag, "live", True)
    assert not news.get_translation(site.en.locale).live
    client.logout()
    english_index = site.index.get_translation(site.en.locale)
    assert "Ny rapport" not in client.get(english_index.url).text
