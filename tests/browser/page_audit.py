"""One visit per page, language and screen, shared by the tests that check every page type.

Opening a page in Chromium is the slow part of a browser test (the server renders it, the
browser lays it out and paints it). The design, policy, reflow and phone-menu tests look at
the same pages in the same languages and on the same screens, so each page is opened once,
for all of them: `visit_every_page` visits every public page and, signed in as a
project member, every intranet page (tests/browser/test_accessibility.py lists them), records
what each of those tests asserts on, and the fixture `page_audit` (tests/browser/conftest.py)
keeps the result for the rest of the run. The tests
that read it share the xdist group `GROUP`, so that one test process makes each audit
(`make test` runs pytest-xdist with `--dist loadgroup`).

What is recorded, in the order it is measured on each page (nothing earlier can disturb it):
the Content-Security-Policy header and the violations the page reported while it loaded;
its overflow and the hero's buttons (the home page's call to action); on the phone, whether
the menu's toggle shows and where <main> begins; on page types (not the other states of a
page, see OTHER_STATES) a screenshot in test-artifacts/screenshots/ and the design's
problems (web font, overflow, axe, and on public pages alt text and labels); last, on the
phone, the overflow at 320 pixels once every text has a very long word appended (which
changes the page, so it comes last).
"""

import re
from dataclasses import dataclass, field

from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import PHONE, horizontal_overflow, log_in
from tests.browser.test_accessibility import (
    INTRANET_PAGES,
    OTHER_STATES,
    PUBLIC_PAGES,
    images_and_fields_unlabelled,
    images_without_alt_text,
)

GROUP = "page_audit"
SCREENSHOTS = ARTIFACTS / "screenshots"
DESKTOP = {"viewport": {"width": 1366, "height": 768}}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}
# The narrowest screen WCAG 1.4.10 (Reflow) asks a page to fit without scrolling sideways.
NARROW_VIEWPORT = {"width": 320, "height": 640}
# Norwegian compounds as long as real ones get, twice over.
LONG_WORD = "Bærekraftsrapporteringsforpliktelsene" * 2
WITH_LONG_WORDS = """(word) => {
    const text = "main h1, main h2, main h3, main p, main li, main dt, main dd, main figcaption,"
        + " main label, footer h2, footer p";
    for (const element of document.querySelectorAll(text)) {
        element.append(" " + word);
    }
}"""
MAIN_TOP = "() => document.querySelector('main').getBoundingClientRect().top"
HERO_BUTTONS = """() => [...document.querySelectorAll(".hero .button")].map((button) => {
    const box = button.getBoundingClientRect();
    return {
        text: button.innerText.trim(),
        href: button.getAttribute("href"),
        secondary: button.classList.contains("button--secondary"),
        visible: box.width > 0 && box.height > 0
            && getComputedStyle(button).visibility === "visible",
        bottom: box.bottom,
    };
})"""
# Whether the page's text is set in the web font, once the fonts the page uses have loaded.
FONT_LOADED = """async () => {
    await document.fonts.ready;
    return [...document.fonts].some(
        (face) => face.family.replace(/"/g, "") === "Inter Variable" && face.status === "loaded"
    ) && document.fonts.check('16px "Inter Variable"');
}"""
# Installed before any script of the page runs (Playwright's init script).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@dataclass
class Visit:
    """What one page showed: `name` and `path` as in PUBLIC_PAGES / INTRANET_PAGES."""

    name: str
    path: str
    public: bool
    policy: str = ""  # the Content-Security-Policy response header
    policy_violations: list = field(default_factory=list)
    design_problems: list = field(default_factory=list)  # page types only
    images_checked: int = 0  # meaningful <img> checked for alt text (public page types)
    overflow: int = 0  # CSS pixels wider than the screen, as loaded
    # The home page's hero buttons as loaded: [{"text", "href", "secondary", "visible",
    # "bottom" (CSS pixels from the top of the screen)}].
    hero_buttons: list = field(default_factory=list)
    menu_toggle_shown: bool | None = None  # phone only
    main_top: float | None = None  # phone only: CSS pixels from the top of the screen
    long_word_overflow: int | None = None  # phone only: CSS pixels too wide at 320


def visit_every_page(browser, live_url, language, screen):
    """[Visit] of every public page, then of every intranet page as the member of project
    A, in a new browser context for `language` ("nb"/"en") and `screen` ("phone"/"desktop")."""
    context = browser.new_context(
        base_url=live_url, locale="nb-NO" if language == "nb" else "en-GB", **SCREENS[screen]
    )
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    try:
        visits = [
            visit(page, console, language, screen, name, path, public=True)
            for name, path in PUBLIC_PAGES[language].items()
        ]
        log_in(page, "sirkel@example.no", "demo-sirkel-passord", language)
        visits += [
            visit(page, console, language, screen, name, path, public=False)
            for name, path in INTRANET_PAGES[language].items()
        ]
    finally:
        context.close()
    return visits


def visit(page, console, language, screen, name, path, *, public):
    result = Visit(name=name, path=path, public=public)
    console.clear()
    response = page.goto(path)
    result.policy = response.headers.get("content-security-policy", "")
    result.policy_violations = page.evaluate("window.__cspViolations") + [
        text for text in console if "Content Security Policy" in text
    ]
    result.overflow = horizontal_overflow(page)
    result.hero_buttons = page.evaluate(HERO_BUTTONS)
    if screen == "phone":
        result.menu_toggle_shown = page.locator(".menu-toggle").is_visible()
        result.main_top = page.evaluate(MAIN_TOP)
    if name not in OTHER_STATES:
        result.design_problems = design_problems(page, language, name, screen)
        if public:
            result.design_problems += images_and_fields_unlabelled(page)
            missing_alt, result.images_checked = images_without_alt_text(page)
            result.design_problems += missing_alt
    if screen == "phone":
        page.set_viewport_size(NARROW_VIEWPORT)
        page.evaluate(WITH_LONG_WORDS, LONG_WORD)
        result.long_word_overflow = horizontal_overflow(page)
        page.set_viewport_size(PHONE["viewport"])
    return result


def design_problems(page, language, name, screen):
    """Screenshot the page; return what is wrong with how it looks (strings)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = SCREENS[screen]["viewport"]["width"]
    slug = re.sub(r"\W+", "-", name)
    page.screenshot(path=SCREENSHOTS / f"{language}-{slug}-{width}.png", full_page=True)
    problems = []
    if not page.evaluate(FONT_LOADED):
        problems.append("the web font did not load")
    overflow = horizontal_overflow(page)
    if overflow:
        problems.append(f"{overflow} px wider than the screen")
    violations = axe_violations(page)
    if violations:
        problems.append(format_violations(name, page.url, violations))
    return problems
