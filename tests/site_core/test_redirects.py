"""Editors' redirects answer with or without the language prefix and send a visitor to the
page in their language (site_core.redirects); editors manage them."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from tests.conftest import fresh
from tests.factories import EditorFactory, as_committed, bilingual_news_site, log_in

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site_built(shared_db):
    """A bilingual site with a news item in both languages (`.news`, Norwegian)."""
    return bilingual_news_site("Klyngen flytter", "flytter", "The cluster moves")


@pytest.fixture
def site(site_built):
    """This test's copy of `site_built`, with the news item's English translation."""
    site = fresh(site_built)
    site.news_en = site.news.get_translation(site.en.locale)
    return site


def redirect_to_news(site, old_path, **fields):
    return Redirect.objects.create(old_path=old_path, redirect_page=site.news, **fields)


def location(response):
    assert response.status_code in (301, 302), (response.status_code, response.content[:200])
    return response["Location"]


@pytest.mark.parametrize("stored", ["/om-oss", "/nb/om-oss", "/om-oss/"])
def test_a_redirect_answers_with_each_prefix_and_sends_to_that_language(client, site, stored):
    redirect_to_news(site, Redirect.normalise_path(stored))
    assert location(client.get("/nb/om-oss/")) == site.news.url
    if stored.startswith("/nb/"):  # made for the Norwegian address only
        assert client.get("/en/om-oss/").status_code == 404
    else:
        assert location(client.get("/en/om-oss/")) == site.news_en.url
        assert location(client.get("/en/om-oss")) == site.news_en.url


@pytest.mark.parametrize(
    ("headers", "cookies", "language"),
    [
        ({}, {}, "nb"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.8"}, {}, "en"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB"}, {"django_language": "nb"}, "nb"),
        ({}, {"django_language": "en"}, "en"),
    ],
)
def test_an_unprefixed_address_goes_to_the_visitors_language(
    client, site, headers, cookies, language
):
    redirect_to_news(site, "/en/about-us")
    client.cookies.load(cookies)
    response = client.get("/about-us", **headers)
    expected = site.news.url if language == "nb" else site.news_en.url
    assert location(response) == expected
    assert {"Accept-Language", "Cookie"} <= {
        header.strip() for header in response["Vary"].split(",")
    }


def test_a_page_without_a_live_translation_is_reached_in_its_own_language(client, site):
    site.news_en.unpublish()
    redirect_to_news(site, "/om-oss")
    assert location(client.get("/en/om-oss/")) == site.news.url


def test_an_external_link_and_a_query_string_and_temporary_redirects(client, site):
    Redirect.objects.create(
        old_path="/gammel-side", redirect_link="https://example.org/ny", is_permanent=False
    )
    response = client.get("/en/gammel-side/?utm_source=nyhetsbrev")
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/ny"


def test_a_path_that_no_redirect_holds_stays_a_404_in_its_language(client, site):
    redirect_to_news(site, "/om-oss")
    response = client.get("/en/om-oss-ikke/")
    assert response.status_code == 404
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_slug_change_redirects_the_old_address_in_its_language(client, site, language):
    page = site.news if language == "nb" else site.news_en
    old_url = page.url
    with as_committed():
        page.slug = f"{page.slug}-ny"
        page.save_revision().publish()
    page.refresh_from_db()
    assert old_url != page.url
    assert location(client.get(old_url)) == page.url


def test_editors_manage_redirects(client, site):
    log_in(client, EditorFactory())
    assert client.get("/admin/redirects/").status_code == 200
    response = client.post(
        "/admin/redirects/add/",
        {"old_path": "/styret", "site": "", "is_permanent": "on", "redirect_page": site.news.pk},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Redirect.objects.filter(old_path="/styret").exists()
    log_in(client, None)
    assert location(client.get("/en/styret/")) == site.news_en.url
