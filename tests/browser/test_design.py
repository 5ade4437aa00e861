"""Every page type in both languages, on a phone (360×740) and a desktop (1366×768): a
screenshot for reviewers (test-artifacts/screenshots/<lang>-<page type>-<width>.png, kept
by CI), the web font really loaded, nothing wider than the screen, axe finds no WCAG
A/AA violation (issue 15, point 1), and on public pages every meaningful image has alt
text and every field a label. The pages are opened once for this and the other
every-page tests (tests/browser/page_audit.py)."""

import pytest

from tests.browser.page_audit import GROUP, SCREENS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group(GROUP)]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_page_type_looks_right_and_passes_axe(site, page_audit, language, screen):
    visits = page_audit(language, screen)
    problems = [f"{v.name}: {problem}" for v in visits for problem in v.design_problems]
    assert sum(v.images_checked for v in visits) > 20, "the demo's pages show their pictures"
    assert not problems, "\n".join(problems)
