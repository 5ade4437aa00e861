"""The Content-Security-Policy holds in a real browser: no page of the site or the intranet
triggers a violation, and the detector itself notices one."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_to_admin
from tests.browser.page_audit import GROUP, RECORD_VIOLATIONS
from tests.browser.test_accessibility import PUBLIC_PAGES

pytestmark = pytest.mark.browser


def violations_on(page, paths):
    """{path: [violations]} for each path: securitypolicyviolation events and console
    errors that name the policy."""
    console = []
    page.on("console", lambda message: console.append(message.text))
    found = {}
    for name, path in paths.items():
        console.clear()
        response = page.goto(path)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], name
        page.wait_for_load_state("load")
        seen = page.evaluate("window.__cspViolations") + [
            text for text in console if "Content Security Policy" in text
        ]
        if seen:
            found[path] = seen
    return found


@pytest.mark.xdist_group(GROUP)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_no_page_type_violates_the_policy(site, page_audit, language):
    """Every public and intranet page, as tests/browser/page_audit.py opened it on a desktop."""
    visits = page_audit(language, "desktop")
    assert [v.name for v in visits if "frame-ancestors 'none'" not in v.policy] == []
    assert {v.path: v.policy_violations for v in visits if v.policy_violations} == {}


def test_the_detector_notices_an_inline_script(site, page):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto("/nb/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.injected") is None
    assert "script-src" in page.evaluate("window.__cspViolations")[0]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_editors_user_bar_and_its_checker_keep_to_the_policy(site, page, language):
    """An editor's user bar loads Wagtail's own scripts and styles ('self'), and its
    accessibility checker runs, without a violation; the bar offers to edit the page."""
    page.add_init_script(RECORD_VIOLATIONS)
    log_in_to_admin(page, "redaktor", "demo-redaktor-passord")
    paths = {"home": PUBLIC_PAGES[language]["home"], "news": PUBLIC_PAGES[language]["news"]}
    assert violations_on(page, paths) == {}
    trigger = page.locator("wagtail-userbar #wagtail-userbar-trigger")
    expect(trigger).to_be_visible()
    trigger.click()
    expect(page.locator("wagtail-userbar a[href*='/edit/']")).to_be_visible()
    page.locator("wagtail-userbar #checker-trigger").click()
    expect(page.locator("wagtail-userbar #checker-results")).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
