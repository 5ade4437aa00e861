"""News: listing, pagination, tag filter and the RSS feed, per language."""

import feedparser
import pytest

from tests.conftest import fresh
from tests.factories import as_committed, bilingual_site

from .factories import add_news, news_section, restrict_to_members

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def news_built(shared_db):
    with as_committed():
        return news_section(bilingual_site())


@pytest.fixture
def news(news_built):
    """The Norwegian news index of six items (home.factories.NEWS), in both languages."""
    return fresh(news_built)


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"page": "1.5"},
        {"page": "0"},
        {"tag": "<script>alert(1)</script>"},
        {"tag": "x" * 5000},
        {"tag": "design", "page": "%00"},
        {"tag": ["a", "b"]},
    ],
)
def test_nonsense_in_the_query_string_gives_a_normal_page(client, news, query):
    response = client.get("/nb/nyheter/", query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_news_are_paginated_ten_per_page_newest_first(client, news):
    add_news(news, 9)  # 6 items + 9 = 15: two pages
    first = client.get("/nb/nyheter/").content.decode()
    assert first.count('class="card"') == 10
    assert first.index("Norwegian Rooms tildelt Bronze Label") < first.index("Ekstra nyhet 0")
    assert "Side 1 av 2" in first
    last = client.get("/nb/nyheter/", {"page": "99999"}).content.decode()
    assert last.count('class="card"') == 5
    assert "Ekstra nyhet 8" in last
    assert client.get("/nb/nyheter/", {"page": "abc"}).content.decode().count('class="card"') == 10


def test_tag_filter_shows_only_news_with_that_tag(client, news):
    body = client.get("/en/news/", {"tag": "sustainability"}).content.decode()
    assert "Circular value chains for furniture" in body
    assert "A shared stand in Milan" not in body
    assert 'aria-current="true">Sustainability' in body


def test_unknown_tag_shows_all_news_with_a_note(client, news):
    body = client.get("/en/news/", {"tag": "baerekraft"}).content.decode()  # the nb slug
    assert "That tag does not exist" in body
    assert "A shared stand in Milan" in body


@pytest.mark.parametrize(
    ("path", "language", "title", "other_language_title"),
    [
        ("/nb/nyheter/rss/", "nb", "Felles messestand i Milano", "A shared stand in Milan"),
        ("/en/news/rss/", "en", "A shared stand in Milan", "Felles messestand i Milano"),
    ],
)
def test_rss_feed_holds_this_languages_news(client, news, path, language, title,
                                            other_language_title):  # fmt: skip
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == language
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 6
    assert title in titles
    assert other_language_title not in titles
    assert all(f"/{language}/" in entry.link for entry in feed.entries)
    milan = next(entry for entry in feed.entries if entry.title == title)
    assert {tag.term for tag in milan.tags} == (
        {"Internasjonalisering", "Merkevarer"}
        if language == "nb"
        else {"Internationalisation", "Branding"}
    )


def test_feed_and_listing_leave_out_draft_and_restricted_news(client, news):
    draft, private = add_news(news, 2)
    draft.unpublish()
    restrict_to_members(private)
    listing = client.get("/nb/nyheter/", {"page": "2"}).content.decode()
    feed = feedparser.parse(client.get("/nb/nyheter/rss/").content)
    titles = [entry.title for entry in feed.entries]
    for title in (draft.title, private.title):
        assert title not in titles
        assert title not in listing
    assert len(titles) == 6


def test_news_page_links_its_tags_to_the_filtered_index(client, news):
    body = client.get("/en/news/circular-value-chains/").content.decode()
    assert 'href="/en/news/?tag=sustainability"' in body


def test_site_search_finds_news_by_its_intro_in_the_visitors_language(client, news):
    en = client.get("/en/search/", {"q": "sofa"}).content.decode()
    nb = client.get("/nb/sok/", {"q": "sofa"}).content.decode()
    assert 'href="/en/news/circular-value-chains/"' in en
    assert 'href="/nb/nyheter/sirkulaere-verdikjeder/"' in nb
    assert "/nb/nyheter/" not in en.split("<main")[1]
