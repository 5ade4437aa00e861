"""Content-Security-Policy and Permissions-Policy on every kind of response."""

import pytest

from tests.factories import log_in

pytestmark = pytest.mark.django_db

REQUIRED = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]


def directives(response):
    return response["Content-Security-Policy"]


def every_page_type(site, language):
    """{name: path} of every public and intranet page type, and the views around them."""
    intranet = site.intranet
    pages = {name: getattr(page, language).url for name, page in site.pages.items()}
    search = {"nb": "/nb/sok/", "en": "/en/search/"}[language]
    pages |= {
        "login": {"nb": "/nb/logg-inn/", "en": "/en/login/"}[language],
        "search prompt": search,
        "search results": f"{search}?q=klyngen",
        "search without results": f"{search}?q=qwxyzzy",
        "404": f"/{language}/finnes-ikke/",
    }
    for name, page in {
        "intranet home": intranet.home,
        "member news": intranet.news,
        "member news item": intranet.news_item,
        "document library": intranet.library,
        "project space": intranet.project_a,
    }.items():
        pages[name] = getattr(page, language).url
    pages["intranet search"] = f"{intranet.home.nb.url}?q=klyngen"
    return pages


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_public_and_intranet_page_type_has_the_strict_policy(client, public_site, language):
    log_in(client, public_site.intranet.people["member_a"])
    for name, path in every_page_type(public_site, language).items():
        response = client.get(path)
        policy = directives(response)
        for directive in REQUIRED:
            assert directive in policy, (name, directive)
        assert "unsafe-inline" not in policy, name
        assert "unsafe-eval" not in policy, name
        assert "camera=()" in response["Permissions-Policy"], name


def test_feeds_sitemap_and_robots_carry_the_policy_too(client, public_site):
    news, events = public_site.pages["news index"].nb, public_site.pages["event index"].en
    for path in [f"{news.url}rss/", "/sitemap.xml", "/robots.txt", f"{events.url}ical/"]:
        assert "default-src 'self'" in directives(client.get(path)), path


def test_the_admin_has_its_own_looser_policy(client, intranet_site):
    people = intranet_site.people
    log_in(client, people["editor"])
    policy = directives(client.get("/admin/"))
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


def test_files_keep_their_own_stricter_policy(client, intranet_site):
    response = client.get(intranet_site.documents.public.url)
    assert response.status_code == 200
    assert directives(response) == "default-src 'none'"
