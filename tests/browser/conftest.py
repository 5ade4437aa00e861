"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live_server.

A test marked `browser` runs when Chromium is installed (at /usr/bin/chromium, or
CHROMIUM_PATH) and is skipped with the reason otherwise; with REQUIRE_BROWSER=1 (set
by .ci/run) a missing browser fails the test instead, so CI can never skip silently.
A failing browser test leaves a screenshot and the HTML of each of its open pages
under test-artifacts/ and names them in the failure report.
"""

import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import sync_playwright

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
NEAR_PLAYWRIGHT = pytest.StashKey[bool]()


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
    """Mark every test that uses Chromium `browser`; give each transactional test a
    serialized rollback.

    A transactional test (every live-server test is one) empties the database afterwards.
    With serialized rollback the next one starts from what the migrations created (the
    Wagtail root page, the root collection, the Editors group's permissions), which the
    demo loader builds on. A transactional test without it would let the flush recreate
    the content types under new ids, and the next restore would fail on them.
    """
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        marker = item.get_closest_marker("django_db")
        options = dict(marker.kwargs) if marker else {}
        if options.get("transaction") or {"transactional_db", "live_server"} & set(
            item.fixturenames
        ):
            options.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**options), append=False)
        # pytest-django runs the transactional tests together, after the other database
        # tests: they are the ones that may run while Playwright is up (see below).
        item.stash[NEAR_PLAYWRIGHT] = bool(
            item.get_closest_marker("browser") or options.get("serialized_rollback")
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Let the test thread use the ORM while Playwright's event loop runs.

    Playwright's sync API marks an asyncio loop as running in this thread from the first
    browser test to the end of the session, so Django takes every ORM call of the test
    itself (flushing and restoring the database, seeding, checks) for one made from
    async code and raises SynchronousOnlyOperation. The tests are sync on their side, so
    the guard is off around each browser or transactional test, before any of its
    fixtures run, and only then: a process-wide setting would leak into subprocesses
    (`manage.py check --deploy` rejects it as async.E001).
    """
    if not item.stash.get(NEAR_PLAYWRIGHT, False):
        return (yield)
    with mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}):
        return (yield)


@pytest.fixture(scope="session", autouse=True)
def delete_instead_of_truncate():
    """On PostgreSQL, empty the tables between live-server tests with DELETE.

    Django's flush TRUNCATEs every table, which costs PostgreSQL about 2 s per test (new
    files for each table and index); deleting the few demo rows takes a fraction of that.
    The flush runs in one transaction and Django's foreign keys are DEFERRABLE INITIALLY
    DEFERRED, so the order of the DELETEs does not matter.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(ops, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                ops, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return [f"DELETE FROM {ops.quote_name(table)};" for table in tables]  # noqa: S608

    with mock.patch.object(DatabaseOperations, "sql_flush", sql_flush):
        yield


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless Chromium for the whole run (started after the test database exists)."""
    django_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        keep_serialized_contents(django_connections)
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


def keep_serialized_contents(old_connections):
    """Hand the test database's migration snapshot to the connections Django now uses.

    Starting Playwright switches this thread to another contextvars context, and Django
    keeps its connections in context-local storage: from then on the test code gets new
    connection objects to the same test database, without the snapshot that serialized
    rollback restores. The old objects stay referenced (an in-memory SQLite test
    database lives only as long as one of its connections is open).
    """
    for alias, old in old_connections.items():
        snapshot = getattr(old, "_test_serialized_contents", None)
        if snapshot is not None and connections[alias] is not old:
            connections[alias]._test_serialized_contents = snapshot


@pytest.fixture
def site(live_server):
    """The demo content, loaded into the live server's database; returns the server's URL.

    Each test loads it afresh (the database is emptied after every live-server test), so
    a journey may change anything without disturbing the next one.
    """
    call_command("seed_demo", verbosity=0)
    return live_server.url


@pytest.fixture
def new_page(request, browser, live_server):
    """Open a page in a fresh browser context: `new_page(locale="en-GB")`.

    Relative URLs resolve against the live server (`page.goto("/nb/")`). Every page is
    remembered so that a failure can save its screenshot and HTML.
    """
    contexts = []
    request.node.stash[PAGES] = []

    def open_page(locale="nb-NO", **options):
        context = browser.new_context(base_url=live_server.url, locale=locale, **options)
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
