"""Public search: per-language stemming, locale isolation, no private pages, never a 500."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from site_core.demo import publish_translation
from site_core.search import search_pages
from tests.conftest import fresh
from tests.factories import as_committed, bilingual_site

from .helpers import add_nb_page, restrict_to

pytestmark = pytest.mark.django_db

stemming = pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="stemming needs PostgreSQL full-text search"
)


@pytest.fixture(scope="module")
def pages_built(shared_db):
    intro = "Vi besøkte sagbruket sammen med partnerne."
    with as_committed():
        bilingual_site()
        nb = add_nb_page("Samarbeid", "samarbeid", intro)
        en = publish_translation(
            nb,
            "en",
            {
                "Samarbeid": "Collaboration",
                "samarbeid": "collaboration",
                intro: "We visited the sawmill with our partners.",
            },
        )
        secret = add_nb_page("Intern", "intern", "Hemmeligord klyngen innsiden.")
        restrict_to(secret)
    return {"nb": nb, "en": en, "secret": secret}


@pytest.fixture
def pages(pages_built):
    """A bilingual site with a page in both languages and a members-only one."""
    return fresh(pages_built)


def results(client, path, query, page=None):
    """The results list of a search, or "" when there is none."""
    params = {"q": query} | ({"page": page} if page else {})
    response = client.get(path, params)
    assert response.status_code == 200
    body = response.content.decode()
    if 'class="search-results"' not in body:
        return ""
    return body.split('class="search-results"', 1)[1].split("</ol>", 1)[0]


@pytest.mark.parametrize(("path", "heading"), [("/nb/sok/", "Søk"), ("/en/search/", "Search")])
def test_empty_query_shows_a_prompt(client, pages, path, heading):
    body = client.get(path, {"q": "  "}).content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert 'class="search-results"' not in body


def test_exact_words_are_found_in_the_right_language_only(client, pages):
    assert pages["nb"].url in results(client, "/nb/sok/", "sagbruket")
    assert pages["en"].url not in results(client, "/nb/sok/", "sagbruket")
    assert pages["en"].url in results(client, "/en/search/", "sawmill")
    assert pages["nb"].url not in results(client, "/en/search/", "sawmill")


@stemming
def test_norwegian_search_is_stemmed(client, pages):
    assert pages["nb"].url in results(client, "/nb/sok/", "sagbrukene")


@stemming
def test_english_search_is_stemmed(client, pages):
    assert pages["en"].url in results(client, "/en/search/", "sawmills")
    assert pages["en"].url in results(client, "/en/search/", "partner")


def test_restricted_pages_never_appear(client, pages):
    body = results(client, "/nb/sok/", "Hemmeligord")
    assert pages["secret"].url not in body
    assert "Intern" not in body


def test_results_are_paginated(client, pages):
    for number in range(12):
        add_nb_page(f"Møbelside {number}", f"mobelside-{number}", "Felles ord møbelverksted.")
    assert results(client, "/nb/sok/", "møbelverksted").count("<li>") == 10
    assert results(client, "/nb/sok/", "møbelverksted", page="2").count("<li>") == 2
    navigation = client.get("/nb/sok/", {"q": "møbelverksted"}).content.decode()
    assert 'rel="next" href="?q=m%C3%B8belverksted&amp;page=2"' in navigation
    assert "Flere treff" in navigation
    # Nonsense page numbers give the first or last page, never an error.
    assert results(client, "/nb/sok/", "møbelverksted", page="abc").count("<li>") == 10
    assert results(client, "/nb/sok/", "møbelverksted", page="999").count("<li>") == 2


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        '"',
        "&",
        "|",
        ":*",
        "\\",
        "OR AND NOT",
        "'; DROP TABLE wagtailcore_page; --",
        "klyngen & | ! ( ) <-> :* '",
        "🪑 møbler 🇳🇴",
        "\x00nul",
    ],
)
@pytest.mark.parametrize("path", ["/nb/sok/", "/en/search/"])
def test_bad_queries_return_a_normal_page(client, pages, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code == 200


def test_lone_surrogate_in_raw_url_is_harmless(client, pages):
    response = client.get("/nb/sok/?q=%ED%A0%80klyngen")
    assert response.status_code == 200


@stemming
@pytest.mark.parametrize(
    ("language", "text", "query"),
    [("nb", "Møt klyngen i Oslo.", "klynger"), ("en", "Meet the cluster in Oslo.", "clusters")],
)
def test_the_issues_own_examples_are_found(pages, language, text, query):
    """`klynger` finds a page that says only `klyngen`; `clusters` one that says `cluster`."""
    page = add_nb_page("Treffpunkt", "treffpunkt", text)
    if language == "en":
        page = page.copy_for_translation(Locale.objects.get(language_code="en"))
        page.save_revision().publish()
    assert query not in text
    assert page.pk in {result.pk for result in search_pages(query, language)}
