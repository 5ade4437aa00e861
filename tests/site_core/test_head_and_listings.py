"""The page head from one source, and the one listing pipeline (queryset privacy, paginate,
the shared pagination), on data built for the test (tests/factories.py), not the demo."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from wagtail.models import Page

from home.models import NewsPage, StandardPage
from site_core.pages import paginate
from tests.conftest import fresh
from tests.factories import (
    NewsPageFactory,
    StandardPageFactory,
    bilingual_news_site,
    publish,
    restrict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tree_built(shared_db):
    """nb and en home pages, a news index with one news item in both languages (built
    once for the module)."""
    return bilingual_news_site("Klyngen vokser", "vokser", "The cluster grows")


@pytest.fixture
def tree(tree_built):
    """This test's copy of `tree_built`."""
    return fresh(tree_built)


def metas(body, name):
    return re.findall(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', body)


def test_every_head_value_is_printed_once(client, tree):
    body = client.get(tree.news.url).content.decode()
    for name in ("og:locale", "og:type", "og:title", "og:url", "description", "twitter:card"):
        assert len(metas(body, name)) == 1, name
    assert metas(body, "og:locale") == ["nb_NO"]
    assert metas(body, "og:locale:alternate") == ["en_GB"]
    assert body.count('rel="canonical"') == 1


def test_dated_items_are_articles_and_other_pages_websites(client, tree):
    standard = publish(StandardPageFactory(parent=tree.nb, title="Om oss", slug="om-oss"))
    assert metas(client.get(tree.news.url).content.decode(), "og:type") == ["article"]
    assert metas(client.get(standard.url).content.decode(), "og:type") == ["website"]


def test_hreflang_alternates_list_each_translation_and_x_default(client, tree):
    english = tree.news.get_translation(tree.en.locale)
    body = client.get(english.url).content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', body))
    norwegian = f"http://testserver{tree.news.url}"
    assert links == {
        "nb": norwegian,
        "en": f"http://testserver{english.url}",
        "x-default": norwegian,
    }
    assert english.url.startswith("/en/")


def test_the_brand_comes_from_one_setting(client, tree, settings):
    settings.SITE_BRAND = "Eksempelklyngen"
    body = client.get(tree.news.url).content.decode()
    assert "<title>Klyngen vokser – Eksempelklyngen®</title>" in body
    assert metas(body, "og:site_name") == ["Eksempelklyngen®"]
    assert "Norwegian Rooms" not in body


def test_public_and_visible_to_apply_one_privacy_rule(tree, django_user_model):
    secret = publish(NewsPageFactory(parent=tree.index, title="Hemmelig", slug="hemmelig"))
    restrict(secret, "Members")
    member = django_user_model.objects.create_user("m", "m@example.no", "x")
    member.groups.add(Group.objects.get(name="Members"))
    news = NewsPage.objects.live().child_of(tree.index)
    assert list(news.public()) == [tree.news]
    wagtail_public = Page.objects.live().child_of(tree.index).public()
    assert [p.pk for p in news.public()] == [p.pk for p in wagtail_public]
    assert list(news.visible_to(AnonymousUser())) == [tree.news]
    assert set(news.visible_to(member)) == {tree.news, secret}


def test_a_public_listing_queries_no_restrictions_first(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(NewsPage.objects.live_public().child_of(tree.index))


def test_a_restricted_item_is_left_out_of_the_listing_and_feed_for_everyone(
    client, tree, django_user_model
):
    secret = publish(NewsPageFactory(parent=tree.index, title="Hemmelig", slug="hemmelig"))
    restrict(secret, "Members")
    member = django_user_model.objects.create_user("m", "m@example.no", "x")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)  # public listings are the same for members
    assert "Hemmelig" not in client.get(tree.index.url).content.decode()
    assert "Hemmelig" not in client.get(tree.index.url + "rss/").content.decode()
    assert "Klyngen vokser" in client.get(tree.index.url + "rss/").content.decode()


@pytest.mark.parametrize(("asked", "shown"), [("2", 2), ("x", 1), ("99", 3), ("", 1)])
def test_paginate_never_fails_on_the_page_number(asked, shown):
    request = RequestFactory().get("/", {"page": asked})
    assert paginate(request, list(range(25)), per_page=10).number == shown


def test_pagination_links_keep_the_other_query_parameters(client, tree):
    for number in range(11):
        publish(NewsPageFactory(parent=tree.index, slug=f"n{number}"))
    body = client.get(tree.index.url, {"tag": "ukjent", "page": "1"}).content.decode()
    assert 'rel="next" href="?tag=ukjent&amp;page=2"' in body


def test_standard_pages_are_listed_nowhere_they_are_restricted(tree):
    page = publish(StandardPageFactory(parent=tree.nb))
    restrict(page, "Members")
    assert not StandardPage.objects.live_public().filter(pk=page.pk).exists()
