"""Who may keep a response (site_core.http_caching): public for anonymous readers of
public content, `private, no-store` for everything personal, restricted or user-dependent."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from site_core.http_caching import CacheControlMiddleware
from tests.conftest import fresh
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
    as_committed,
    bilingual_news_site,
    publish,
    restrict,
    translate,
)
from tests.home.factories import membership_page

LIFETIMES = {"MAX_AGE": 60, "S_MAXAGE": 3600, "STALE_WHILE_REVALIDATE": 30, "STALE_IF_ERROR": 86400}
PUBLIC = "public, max-age=60, s-maxage=3600, stale-while-revalidate=30, stale-if-error=86400"
PRIVATE = {"private", "no-store"}

pytestmark = pytest.mark.usefixtures("lifetimes")


@pytest.fixture
def lifetimes(settings):
    settings.HTTP_CACHE = LIFETIMES


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def assert_private(response):
    assert directives(response) >= PRIVATE, response.get("Cache-Control")
    assert "public" not in directives(response)


@pytest.fixture(scope="module")
def site_built(shared_db):
    """A bilingual site (tests.factories.bilingual_site) with both home pages, a news index
    with one item, an event index with one event and a standard page, in both languages;
    `.paths` is {"nb": [paths], "en": [paths]} of them, their feeds, a listing's page 2 and
    search. Built once for the module."""
    site = bilingual_news_site("Nytt fra klyngen", "nytt", "Cluster news")
    index, news = site.index, site.news
    with as_committed():
        events = publish(EventIndexPageFactory(parent=site.nb))
        translate(events, {"Arrangementer": "Events"})
        event = publish(EventPageFactory(parent=events, title="Frokostmøte", slug="frokost"))
        translate(event, {"Frokostmøte": "Breakfast meeting"})
        about = publish(StandardPageFactory(parent=site.nb, title="Om oss", slug="om-oss"))
        translate(about, {"Om oss": "About us"})
    site.paths = {}
    for language in ("nb", "en"):
        pages = [
            page.get_translation(site.__dict__[language].locale)
            for page in (site.nb, index, news, events, event, about)
        ]
        urls = [page.get_url() for page in pages]
        site.paths[language] = urls + [
            urls[1] + "rss/",
            urls[1] + "?page=2",
            urls[3] + "ical/",
            urls[4] + "ical/",
            f"/{language}/{'sok' if language == 'nb' else 'search'}/?q=klynge",
        ]
    return site


@pytest.fixture
def site(site_built):
    """This test's copy of `site_built`."""
    return fresh(site_built)


@pytest.fixture
def page_paths(site):
    return site.paths


@pytest.mark.parametrize("language", ["nb", "en"])
def test_anonymous_readers_get_public_pages_listings_and_feeds(client, page_paths, language):
    for path in page_paths[language]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == PUBLIC, path
        assert not response.cookies, path


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt"])
def test_sitemap_and_robots_are_public(client, page_paths, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC


@pytest.mark.parametrize("language", ["nb", "en"])
def test_logged_in_visitors_get_private_copies_of_the_same_pages(
    client, page_paths, django_user_model, language
):
    client.force_login(django_user_model.objects.create_user("leser", "leser@example.no"))
    for path in page_paths[language]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_private(response)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_form_pages_with_a_csrf_token_are_private(
    client, site, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        page = getattr(membership_page(site), language)
    response = client.get(page.get_url())
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert_private(response)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_restricted_pages_are_private_for_everyone(
    client, site, django_user_model, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(StandardPageFactory(parent=site.nb, title="Styret", slug="styret"))
        translate(page, {"Styret": "The board"})
    restrict(page, "Styret")
    url = page.get_translation(site.__dict__[language].locale).get_url()

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert_private(anonymous)

    member = django_user_model.objects.create_user("styre", "styre@example.no")
    member.groups.add(Group.objects.get(name="Styret"))
    client.force_login(member)
    allowed = client.get(url)
    assert allowed.status_code == 200
    assert_private(allowed)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/nb/finnes-ikke/", 404),
        ("get", "/en/does-not-exist/", 404),
        ("post", "/nb/", 200),  # Wagtail serves pages to POST as well
        ("get", "/", 302),
    ],
)
def test_errors_redirects_and_posts_are_private(client, site, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert_private(response)


def run_middleware(view, user=None):
    request = RequestFactory().get("/nb/")
    request.user = user or AnonymousUser()
    return CacheControlMiddleware(view)(request)


def test_a_response_that_sets_a_cookie_is_never_public():
    def sets_cookie(request):
        response = HttpResponse("hei")
        response.set_cookie("tracking", "1")
        return response

    assert_private(run_middleware(sets_cookie))


def test_a_view_that_says_public_but_sets_a_cookie_is_made_private():
    def claims_public(request):
        response = HttpResponse("hei")
        response["Cache-Control"] = "public, max-age=600"
        response.set_cookie("sessionid", "abc")
        return response

    response = run_middleware(claims_public)
    assert_private(response)
    assert "max-age=600" not in response["Cache-Control"]


def test_a_view_with_its_own_cache_control_keeps_it():
    def immutable(request):
        response = HttpResponse("bytes")
        response["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    assert run_middleware(immutable)["Cache-Control"] == "public, max-age=31536000, immutable"


@override_settings(HTTP_CACHE={**LIFETIMES, "S_MAXAGE": 120})
def test_lifetimes_come_from_the_setting():
    response = run_middleware(lambda request: HttpResponse("hei"))
    assert "s-maxage=120" in response["Cache-Control"]
