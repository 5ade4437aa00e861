"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page type, in either language.

Each language is one test that audits every page state in turn (one demo load, one
report listing the violations of all pages). Add new page types to PAGES.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations_on

pytestmark = pytest.mark.browser

PAGES = {
    "nb": {
        "home": "/nb/",
        "search prompt": "/nb/sok/",
        "search results": "/nb/sok/?q=Norwegian",
        "search without results": "/nb/sok/?q=qwxyzzy",
        "404": "/nb/finnes-ikke/",
    },
    "en": {
        "home": "/en/",
        "search prompt": "/en/search/",
        "search results": "/en/search/?q=Norwegian",
        "search without results": "/en/search/?q=qwxyzzy",
        "404": "/en/does-not-exist/",
    },
}


@pytest.mark.parametrize("language", PAGES)
def test_public_pages_have_no_wcag_violations(site, page, language):
    page.goto(PAGES[language]["search results"])
    expect(page.locator(".search-results li").first).to_be_visible()  # really a results page
    assert_no_axe_violations_on(page, PAGES[language])
