"""Content-Security-Policy and Permissions-Policy on every kind of response."""

import pytest

from tests.browser.test_accessibility import INTRANET_PAGES, PUBLIC_PAGES

pytestmark = pytest.mark.django_db

REQUIRED = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]


def directives(response):
    return response["Content-Security-Policy"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_public_and_intranet_page_type_has_the_strict_policy(
    client, demo, login_as, language
):
    pages = dict(PUBLIC_PAGES[language])
    login_as("member_a")
    pages.update(INTRANET_PAGES[language])
    for name, path in pages.items():
        response = client.get(path)
        policy = directives(response)
        for directive in REQUIRED:
            assert directive in policy, (name, directive)
        assert "unsafe-inline" not in policy, name
        assert "unsafe-eval" not in policy, name
        assert "camera=()" in response["Permissions-Policy"], name


def test_feeds_sitemap_and_robots_carry_the_policy_too(client, demo):
    for path in ["/nb/nyheter/rss/", "/sitemap.xml", "/robots.txt", "/en/events/ical/"]:
        assert "default-src 'self'" in directives(client.get(path)), path


def test_the_admin_has_its_own_looser_policy(client, demo, login_as):
    login_as("editor")
    policy = directives(client.get("/admin/"))
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


def test_files_keep_their_own_stricter_policy(client, demo):
    from wagtail.documents import get_document_model

    public = get_document_model().objects.get(collection__name="Offentlige dokumenter")
    response = client.get(public.url)
    assert response.status_code == 200
    assert directives(response) == "default-src 'none'"
