"""Every public page type renders within 20 queries, however long its listing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import MemberCompany, NewsPage, Sector

from .factories import add_events, add_news

pytestmark = pytest.mark.django_db

BUDGET = 20


def url(site, name, language, suffix=""):
    return getattr(site.pages[name], language).url + suffix


def queries_for(client, path):
    assert client.get(path).status_code == 200  # warm: renditions, caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


PAGES = [
    ("home", "nb", ""), ("home", "en", ""), ("goals", "nb", ""), ("label index", "en", ""),
    ("label", "en", ""), ("programme index", "nb", ""), ("programme", "en", ""),
    ("news index", "en", ""), ("news", "en", ""), ("news index", "nb", "rss/"),
    ("event index", "en", ""), ("event", "en", ""), ("event index", "en", "ical/"),
    ("event", "en", "ical/"), ("member directory", "en", ""), ("membership", "nb", ""),
    ("about", "en", ""),
]  # fmt: skip


@pytest.mark.parametrize(("name", "language", "suffix"), PAGES)
def test_every_page_type_within_budget(
    client, public_site, name, language, suffix, django_assert_max_num_queries
):
    path = url(public_site, name, language, suffix)
    client.get(path)
    with django_assert_max_num_queries(BUDGET):
        assert client.get(path).status_code == 200


def add_members(count):
    logo = MemberCompany.objects.filter(logo__isnull=False).first().logo
    MemberCompany.objects.bulk_create(
        MemberCompany(
            locale_id=MemberCompany.objects.filter(locale__language_code="nb").first().locale_id,
            name=f"Ekstra AS {n:02d}",
            slug=f"ekstra-as-{n:02d}",  # bulk_create skips the save that makes it
            sector=Sector.TEXTILES,
            logo=logo,
            description="Ekstra medlem.",
        )
        for n in range(count)
    )


def trim_news_to(count):
    for page in NewsPage.objects.filter(locale__language_code="nb")[count:]:
        page.delete()


def news_index(site):
    return site.pages["news index"].nb


def event_index(site):
    return site.pages["event index"].nb


@pytest.mark.parametrize(
    ("name", "suffix", "grow"),
    [
        ("news index", "", lambda site: add_news(news_index(site), 44)),
        ("news index", "rss/", lambda site: add_news(news_index(site), 44)),
        (
            "home",
            "",
            lambda site: add_news(news_index(site), 44) and add_events(event_index(site), 50),
        ),
        ("event index", "", lambda site: add_events(event_index(site), 47)),
        ("event index", "ical/", lambda site: add_events(event_index(site), 45)),
        ("member directory", "", lambda site: add_members(42)),
    ],
)
def test_query_count_does_not_grow_with_the_listing(client, public_site, name, suffix, grow):
    trim_news_to(5)
    path = url(public_site, name, "nb", suffix)
    small = queries_for(client, path)
    grow(public_site)
    large = queries_for(client, path)
    assert small == large <= BUDGET, (small, large)
