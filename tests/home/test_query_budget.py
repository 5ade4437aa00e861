"""Every public page type renders within 20 queries, however long its listing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import MemberCompany, NewsPage, Sector

from .factories import add_events, add_news

BUDGET = 20


def queries_for(client, path):
    assert client.get(path).status_code == 200  # warm: renditions, caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


PAGES = [
    "/nb/", "/en/", "/nb/strategiske-mal/", "/en/labels/", "/en/labels/bronze-label/",
    "/nb/programmer/", "/en/programmes/norwegian-innovation-clusters/", "/en/news/",
    "/en/news/circular-value-chains/", "/nb/nyheter/rss/", "/en/events/",
    "/en/events/members-meeting/", "/en/events/ical/", "/en/events/members-meeting/ical/",
    "/en/members/", "/nb/bli-medlem/", "/en/about-the-cluster/",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_within_budget(client, site, path, django_assert_max_num_queries):
    client.get(path)
    with django_assert_max_num_queries(BUDGET):
        assert client.get(path).status_code == 200


def add_members(count):
    logo = MemberCompany.objects.filter(logo__isnull=False).first().logo
    MemberCompany.objects.bulk_create(
        MemberCompany(
            locale_id=MemberCompany.objects.filter(locale__language_code="nb").first().locale_id,
            name=f"Ekstra AS {n:02d}",
            sector=Sector.TEXTILES,
            logo=logo,
            description="Ekstra medlem.",
        )
        for n in range(count)
    )


def trim_news_to(count):
    for page in NewsPage.objects.filter(locale__language_code="nb")[count:]:
        page.delete()


@pytest.mark.parametrize(
    ("path", "grow"),
    [
        ("/nb/nyheter/", lambda: add_news(44)),
        ("/nb/nyheter/rss/", lambda: add_news(44)),
        ("/nb/", lambda: add_news(44) and add_events(50)),
        ("/nb/arrangementer/", lambda: add_events(47)),
        ("/nb/arrangementer/ical/", lambda: add_events(45)),
        ("/nb/medlemmer/", lambda: add_members(42)),
    ],
)
def test_query_count_does_not_grow_with_the_listing(client, site, path, grow):
    trim_news_to(5)
    small = queries_for(client, path)
    grow()
    large = queries_for(client, path)
    assert small == large <= BUDGET, (small, large)
