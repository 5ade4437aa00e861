"""Every page type in both languages, on a phone (360×740) and a desktop (1366×768): a
screenshot for reviewers (test-artifacts/screenshots/<lang>-<page type>-<width>.png, kept
by CI), the web font really loaded, nothing wider than the screen, axe finds no WCAG
A/AA violation (issue 15, point 1), and on public pages every meaningful image has alt
text and every field a label. One page load per page type and viewport."""

import re

import pytest

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

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "screenshots"
DESKTOP = {"viewport": {"width": 1366, "height": 768}}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# The search prompt and the empty result are the search page's other states.
PUBLIC_TYPES = [name for name in PUBLIC_PAGES["nb"] if name not in OTHER_STATES]
INTRANET_TYPES = [name for name in INTRANET_PAGES["nb"] if name not in OTHER_STATES]
# Whether the page's text is set in the web font, once the fonts the page uses have loaded.
FONT_LOADED = """async () => {
    await document.fonts.ready;
    return [...document.fonts].some(
        (face) => face.family.replace(/"/g, "") === "Inter Variable" && face.status === "loaded"
    ) && document.fonts.check('16px "Inter Variable"');
}"""


def check(page, language, name, width):
    """Screenshot the page open in `page`; return its problems (strings)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"\W+", "-", name)
    page.screenshot(path=SCREENSHOTS / f"{language}-{slug}-{width}.png", full_page=True)
    problems = []
    if not page.evaluate(FONT_LOADED):
        problems.append(f"{name}: the web font did not load")
    overflow = horizontal_overflow(page)
    if overflow:
        problems.append(f"{name}: {overflow} px wider than the screen")
    violations = axe_violations(page)
    if violations:
        problems.append(format_violations(name, page.url, violations))
    return problems


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_page_type_looks_right_and_passes_axe(site, new_page, language, viewport):
    options = VIEWPORTS[viewport]
    width = options["viewport"]["width"]
    page = new_page(locale="nb-NO" if language == "nb" else "en-GB", **options)
    problems = []
    images = 0
    for name in PUBLIC_TYPES:
        page.goto(PUBLIC_PAGES[language][name])
        problems += check(page, language, name, width)
        problems += [f"{name}: {problem}" for problem in images_and_fields_unlabelled(page)]
        missing_alt, checked = images_without_alt_text(page)
        problems += [f"{name}: {problem}" for problem in missing_alt]
        images += checked
    assert images > 20, "the demo's pages show their pictures and logos"
    log_in(page, "sirkel@example.no", "demo-sirkel-passord", language)
    for name in INTRANET_TYPES:
        page.goto(INTRANET_PAGES[language][name])
        problems += check(page, language, name, width)
    assert not problems, "\n".join(problems)
