"""The browser harness itself: the Chromium skip, failure artifacts, axe, the shared-demo guard."""

import pytest

from home.models import NewsPage
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import browser_unavailable, content_version, save_artifacts
from tests.browser.helpers import PHONE, focus_is_visible, horizontal_overflow, tab_until


def test_browser_tests_skip_with_the_reason_when_chromium_is_missing():
    must_fail, message = browser_unavailable({"CHROMIUM_PATH": "/nowhere/chromium"})
    assert not must_fail
    assert "Chromium not found at /nowhere/chromium" in message


def test_ci_turns_a_missing_chromium_into_a_failure():
    environ = {"CHROMIUM_PATH": "/nowhere/chromium", "REQUIRE_BROWSER": "1"}
    must_fail, message = browser_unavailable(environ)
    assert must_fail
    assert message.startswith("REQUIRE_BROWSER=1 but Chromium not found")


@pytest.mark.browser
def test_failure_artifacts_hold_a_screenshot_and_the_html(page, tmp_path, monkeypatch):
    monkeypatch.setattr("tests.browser.conftest.ARTIFACTS", tmp_path)
    page.set_content("<main><h1>Artefakt</h1></main>")
    report = save_artifacts("tests/browser/test_x.py::test_y[nb]", [page])
    png = tmp_path / "tests_browser_test_x.py_test_y_nb-1.png"
    html = tmp_path / "tests_browser_test_x.py_test_y_nb-1.html"
    assert str(png) in report and str(html) in report
    assert png.read_bytes().startswith(b"\x89PNG")
    assert "<h1>Artefakt</h1>" in html.read_text()


@pytest.mark.browser
def test_axe_reports_each_violation_with_its_rule_and_target(page):
    page.set_content('<html><body><main><img src="x.png"><a href="/"></a></main></body></html>')
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page, "broken fixture page")
    report = str(failure.value)
    assert "broken fixture page" in report
    assert "image-alt [critical]" in report
    assert "html-has-lang" in report
    assert 'at img: <img src="x.png">' in report


@pytest.mark.browser
def test_layout_and_focus_helpers_catch_what_a_user_would_notice(new_page):
    page = new_page(**PHONE)
    page.set_content(
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>a:focus { outline: none }</style>"
        '<a href="#a">a</a><div style="width: 500px">wide</div>'
    )
    assert horizontal_overflow(page) > 100
    link = tab_until(page, lambda element: element["href"] == "#a")[-1]
    assert not focus_is_visible(link)


def test_shared_demo_guard_notices_an_edited_page(demo):
    before = content_version()
    NewsPage.objects.first().save_revision()
    assert content_version() != before
