"""Keyboard users: the skip link comes first and works; focus is always visible."""

import pytest

from tests.browser.helpers import focus_is_visible, focused, press_tab, tab_until

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["nb", "en"])
def test_skip_link_is_first_and_moves_focus_to_main(site, page, language):
    page.goto(f"/{language}/")
    first = press_tab(page)
    assert first["href"] == "#main", f"first focusable element is {first}"
    assert focus_is_visible(first)
    box = page.locator(".skip-link").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0, f"focused skip link is off screen at {box}"
    page.keyboard.press("Enter")
    assert focused(page)["tag"] == "main"


@pytest.mark.parametrize(("language", "other"), [("nb", "en"), ("en", "nb")])
def test_focus_is_visible_on_every_header_control(site, page, language, other):
    page.goto(f"/{language}/")
    press_tab(page)  # the skip link
    header = tab_until(page, lambda element: not element["inHeader"])[:-1]
    invisible = [element for element in header if not focus_is_visible(element)]
    assert not invisible, f"no visible focus on {invisible}"
    reached = {(element["tag"], element["href"] or element["name"]) for element in header}
    assert {
        ("a", f"/{language}/"),  # the brand, home
        ("input", "q"),  # search field
        ("a", f"/{other}/"),  # language switcher
    } <= reached, header
    assert "button" in {tag for tag, _ in reached}  # search button


def test_language_switcher_follows_with_enter(site, page):
    page.goto("/nb/")
    tab_until(page, lambda element: element["href"] == "/en/")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
