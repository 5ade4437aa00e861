"""Keyboard users: the skip link comes first and works; focus is always visible."""

import pytest

from tests.browser.helpers import focus_is_visible, focused, press_tab

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
    visited = []
    while (element := press_tab(page)) and element["inHeader"]:
        assert focus_is_visible(element), f"no visible focus on {element}"
        visited.append(element)
    tags = [element["tag"] for element in visited]
    assert tags.count("input") == 1 and tags.count("button") == 1, visited  # the search form
    switcher = [element for element in visited if element["href"] == f"/{other}/"]
    assert switcher, f"language switcher link not reached by Tab: {visited}"


def test_language_switcher_follows_with_enter(site, page):
    page.goto("/nb/")
    press_tab(page)  # the skip link
    while (element := press_tab(page))["href"] != "/en/":
        assert element["inHeader"], "left the header without reaching the language switcher"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
