"""Browser fixtures: Debian's Chromium driven by Playwright against a live server.

The server runs in a thread on the test database for the whole run. Most journeys
only read content, so they share one committed copy of the demo (`site`); a journey
that changes content gets a copy of its own (`fresh_site`).

A test marked `browser` runs when Chromium is installed (at /usr/bin/chromium, or
CHROMIUM_PATH) and is skipped with the reason otherwise; with REQUIRE_BROWSER=1 (set
by .ci/run) a missing browser fails the test instead, so CI can never skip silently.
A failing browser test leaves a screenshot and the HTML of each of its open pages
under test-artifacts/ and names them in the failure report.
"""

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from axes.utils import reset as axes_reset
from django.core.cache import cache
from django.db import connections
from django.db.models import Max
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from tests.committed_demo import SHARED_DEMO, reload_demo
from tests.conftest import leave_database_phase

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PAGES = pytest.StashKey[list]()


def chromium_path(environ=os.environ):
    return environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def browser_unavailable(environ=os.environ):
    """None when Chromium can run; else (must_fail, message) for a browser test."""
    path = chromium_path(environ)
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return None
    missing = f"Chromium not found at {path} (apt-get install chromium, or set CHROMIUM_PATH)"
    if environ.get("REQUIRE_BROWSER") == "1":
        return True, f"REQUIRE_BROWSER=1 but {missing}"
    return False, f"browser test skipped: {missing}"


def pytest_runtest_setup(item):
    """Before any fixture runs: skip a browser test without Chromium, or fail it in CI."""
    unavailable = browser_unavailable()
    if item.get_closest_marker("browser") and unavailable:
        must_fail, message = unavailable
        if must_fail:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def pytest_collection_modifyitems(items):
    """Mark every test that uses Chromium `browser`."""
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_url(request, django_db_blocker):
    """The URL of the site, served from a thread on the test database for the whole run."""
    leave_database_phase(request, django_db_blocker)
    server = LiveServer("localhost")
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser(live_url):
    """One headless Chromium for the whole run (started after the test database exists)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def page_audit(browser, live_url):
    """`page_audit(language, screen)` ("nb"/"en", "phone"/"desktop"): what every page showed
    (tests.browser.page_audit.visit_every_page), made on first use and kept for the run.
    A test that reads it asks for `site` too (the audit reads the shared demo) and is in
    the xdist group tests.browser.page_audit.GROUP."""
    from tests.browser.page_audit import visit_every_page

    made = {}

    def audit(language, screen):
        if (language, screen) not in made:
            made[language, screen] = visit_every_page(browser, live_url, language, screen)
        return made[language, screen]

    return audit


@pytest.fixture
def site(request, live_url, django_db_blocker):
    """The demo content, committed and served; returns the server's URL.

    Loaded once and shared by every test that uses this fixture, so such a test may
    add what a visitor adds (a session, a login attempt, an application) but must not
    change content: a journey that does uses `fresh_site`.
    """
    with serving_demo(request.session, django_db_blocker, shared=True):
        yield live_url


@pytest.fixture
def fresh_site(request, live_url, django_db_blocker):
    """The demo content, loaded for this test alone: for a journey that changes content.

    The shared demo (`site`) is loaded again when next needed.
    """
    with serving_demo(request.session, django_db_blocker, shared=False):
        yield live_url


@contextmanager
def serving_demo(session, django_db_blocker, *, shared):
    """Around one test: the demo committed (reloaded unless the shared copy is intact),
    an empty cache, no recorded failed logins, and the ORM open to check the server's
    work. A test on the shared copy must leave its content as it found it.
    """
    with django_db_blocker.unblock():
        if not (shared and session.stash.get(SHARED_DEMO, False)):
            reload_demo(session.stash)
        session.stash[SHARED_DEMO] = shared
        cache.clear()
        axes_reset()
        content = content_version()
        try:
            yield
            if shared:
                assert content_version() == content, "this test changed content: use `fresh_site`"
        finally:
            # Django closes its connections after a database test, not after this one;
            # one left open would keep the test database from being dropped at the end.
            connections.close_all()


def content_version():
    """What changes when an editor adds or saves a page, or uploads a document."""
    return (
        Page.objects.count(),
        Revision.objects.aggregate(Max("pk"))["pk__max"],
        get_document_model().objects.aggregate(Max("pk"))["pk__max"],
    )


@pytest.fixture
def new_page(request, browser, live_url):
    """Open a page in a fresh browser context: `new_page(locale="en-GB")`.

    Relative URLs resolve against the live server (`page.goto("/nb/")`). Every page is
    remembered so that a failure can save its screenshot and HTML.
    """
    contexts = []
    request.node.stash[PAGES] = []

    def open_page(locale="nb-NO", **options):
        context = browser.new_context(base_url=live_url, locale=locale, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        request.node.stash[PAGES].append(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A page in a fresh Norwegian-language browser context."""
    return new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, save a screenshot and the HTML of each open page and name them."""
    report = yield
    pages = item.stash.get(PAGES, [])
    if report.failed and pages:
        report.sections.append(("browser artifacts", save_artifacts(item.nodeid, pages)))
    return report


def save_artifacts(nodeid, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", nodeid).strip("_")
    lines = []
    for number, page in enumerate(pages, start=1):
        if page.is_closed():
            continue
        base = ARTIFACTS / f"{stem}-{number}"
        try:
            page.screenshot(path=f"{base}.png", full_page=True)
            Path(f"{base}.html").write_text(page.content(), encoding="utf-8")
        except Exception as exc:  # a page that cannot be saved must not hide the failure
            lines.append(f"{page.url}: could not save artifacts ({exc})")
            continue
        lines.append(f"{page.url}\n  screenshot: {base}.png\n  html:       {base}.html")
    return "\n".join(lines)
