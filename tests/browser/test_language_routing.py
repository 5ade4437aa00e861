"""A real browser's language preference picks the site language; the switcher moves it."""

import pytest

from tests.browser.helpers import switch_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("browser_locale", "language"), [("en-GB", "en"), ("nb-NO", "nb"), ("nn-NO", "nb")]
)
def test_root_sends_the_browser_to_the_home_page_in_its_language(
    site, new_page, browser_locale, language
):
    page = new_page(locale=browser_locale)
    page.goto("/")
    assert page.url == f"{site}/{language}/"
    assert page.locator("html").get_attribute("lang") == language


def test_language_switcher_moves_between_the_home_pages(site, page):
    page.goto("/en/")
    switch_language(page, "nb")
    assert page.url == f"{site}/nb/"
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.get_by_role("heading", level=1).inner_text() == "Sterkere norske merkevarer, sammen"
