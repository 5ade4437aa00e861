"""Phones: nothing is wider than the screen, down to 320 CSS pixels (WCAG 1.4.10 Reflow),
and the header does not move when the script runs."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PHONE, horizontal_overflow, log_in
from tests.browser.page_audit import GROUP, MAIN_TOP, NARROW_VIEWPORT, SCREENS
from tests.browser.test_accessibility import INTRANET_PAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

NARROW = {**PHONE, "viewport": NARROW_VIEWPORT}


@pytest.mark.xdist_group(GROUP)
@pytest.mark.parametrize("path", ["/nb/", "/en/", "/nb/sok/", "/en/search/"])
def test_page_fits_a_phone_screen(site, page_audit, path):
    language = path.split("/")[1]
    visits = {v.path: v for v in page_audit(language, "phone")}
    assert visits[path].overflow == 0


@pytest.mark.xdist_group(GROUP)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_phone_menu_is_folded_before_the_script_runs_so_nothing_moves(
    site, new_page, page_audit, language
):
    """site.js is deferred: what the page shows before it runs is what it shows after (as
    tests/browser/page_audit.py saw each page on the phone, the script run)."""
    before_script = new_page(**PHONE)
    before_script.route("**/js/site.js", lambda route: route.abort())
    after_script = {v.path: v for v in page_audit(language, "phone")}
    moved = {}
    for path in PUBLIC_PAGES[language].values():
        before_script.goto(path)
        expect(before_script.locator("#site-nav")).to_be_hidden()
        assert after_script[path].menu_toggle_shown, path
        top = before_script.evaluate(MAIN_TOP), after_script[path].main_top
        if top[0] != top[1]:
            moved[path] = top
    assert not moved


def test_without_javascript_the_menu_link_opens_every_menu_item(site, new_page):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto("/en/")
    menu = page.locator("#site-nav")
    expect(menu).to_be_hidden()
    expect(page.locator(".menu-toggle")).to_be_hidden()
    page.locator(".menu-fallback").click()
    expect(menu).to_be_visible()
    links = menu.locator(".main-menu a")
    assert links.count() >= 5
    for number in range(links.count()):
        expect(links.nth(number)).to_be_visible()
    expect(menu.locator("input[type=search]")).to_be_visible()
    assert horizontal_overflow(page) == 0


@pytest.mark.xdist_group(GROUP)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_long_words_wrap_on_every_page_type_at_320_pixels(site, page_audit, language):
    """Every public and intranet page at 320 pixels with a very long word appended to each
    text (tests/browser/page_audit.py)."""
    overflowing = {v.path: v.long_word_overflow for v in page_audit(language, "phone")}
    assert len(overflowing) == len(PUBLIC_PAGES[language]) + len(INTRANET_PAGES[language])
    assert not any(overflowing.values()), overflowing


@pytest.mark.parametrize("language", ["nb", "en"])
def test_document_tables_scroll_in_their_own_box_not_the_page(site, new_page, language):
    page = new_page(**NARROW)
    log_in(page, "sirkel@example.no", "demo-sirkel-passord", language)
    for name in ("document library", "project space"):
        page.goto(INTRANET_PAGES[language][name])
        box = page.locator(".table-scroll")
        expect(box).to_have_count(1)
        assert horizontal_overflow(page) == 0, name
        assert box.evaluate("box => box.scrollWidth > box.clientWidth"), name
        box.focus()  # a keyboard user scrolls it with the arrow keys
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0")


@pytest.mark.xdist_group(GROUP)
@pytest.mark.parametrize(
    ("language", "label", "href"),
    [("nb", "Bli medlem", "/nb/bli-medlem/"), ("en", "Become a member", "/en/become-a-member/")],
)
@pytest.mark.parametrize("screen", SCREENS)
def test_the_hero_call_to_action_is_visible_without_scrolling(
    site, page_audit, screen, language, label, href
):
    """As tests/browser/page_audit.py saw the home page on a phone (360×740) and a desktop."""
    home = next(v for v in page_audit(language, screen) if v.path == f"/{language}/")
    buttons = [b for b in home.hero_buttons if label in b["text"]]
    assert buttons and buttons[0]["visible"], home.hero_buttons
    assert buttons[0]["href"] == href
    assert buttons[0]["bottom"] <= SCREENS[screen]["viewport"]["height"], buttons[0]
    # The secondary call to action sits beside it.
    assert any(b["secondary"] and b["visible"] for b in home.hero_buttons), home.hero_buttons
