"""Submitting a live page for translation makes a draft in the other language, not a live
page with the source text (settings WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE)."""

import pytest
from django.urls import reverse

from tests.factories import NewsPageFactory, as_committed, bilingual_news_site, publish

pytestmark = pytest.mark.django_db


def test_translating_a_live_page_makes_an_english_draft_that_nobody_sees(client, editor_form):
    site = bilingual_news_site("Nytt kurs", "nytt-kurs", "New course")
    with as_committed():
        news = publish(NewsPageFactory(parent=site.index, title="Klyngen lanserer kurs"))
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=(news.pk,)),
            {"locales": [site.en.locale.pk]},
        )
    assert response.status_code == 302
    english = news.get_translation(site.en.locale)
    assert not english.live
    client.logout()
    assert client.get(english.url).status_code == 404
    assert (
        "Klyngen lanserer kurs"
        not in client.get(site.index.get_translation(site.en.locale).url).text
    )
    assert "Klyngen lanserer kurs" in client.get(site.index.url).text
