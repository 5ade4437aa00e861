"""Unpublishing, moving and deleting a page in the admin act on its translations too
(site_core.wagtail_hooks.act_on_every_language)."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.factories import (
    NewsIndexPageFactory,
    as_committed,
    bilingual_news_site,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(editor_form):
    """A bilingual site with a news item in both languages, and an editor logged in."""
    site = bilingual_news_site("Klyngen flytter", "flytter", "The cluster moves")
    site.news_en = site.news.get_translation(site.en.locale)
    return site


def test_unpublishing_a_page_unpublishes_its_translation(client, site):
    url = reverse("wagtailadmin_pages:unpublish", args=(site.news.pk,))
    assert client.get(url).context["translation_count"] == 1  # said on the confirm page
    english_url = site.news_en.url
    with as_committed():
        assert client.post(url).status_code == 302
    site.news_en.refresh_from_db()
    assert not site.news_en.live
    client.logout()
    assert client.get(english_url).status_code == 404


def test_moving_a_page_moves_its_translation_under_the_translated_parent(client, site):
    with as_committed():
        archive = publish(NewsIndexPageFactory(parent=site.nb, title="Arkiv", slug="arkiv"))
        archive_en = translate(archive, {"Arkiv": "Archive"})
        response = client.post(
            reverse("wagtailadmin_pages:move_confirm", args=(site.news.pk, archive.pk))
        )
    assert response.status_code == 302
    site.news_en.refresh_from_db()
    assert site.news_en.get_parent().pk == archive_en.pk
    client.logout()
    assert client.get(site.news_en.url).status_code == 200
    assert site.news_en.url.startswith(archive_en.url)


def test_deleting_a_page_deletes_its_translation(client, site):
    url = reverse("wagtailadmin_pages:delete", args=(site.news.pk,))
    with as_committed():
        assert client.post(url).status_code == 302
    assert not Page.objects.filter(pk__in=[site.news.pk, site.news_en.pk]).exists()
