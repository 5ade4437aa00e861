"""Shared fixtures: the test database, and the bilingual demo content loaded once per run.

A run goes through three phases; `pytest_collection_modifyitems` below sorts the tests so:

1. Database tests that build their own data (tests/factories.py) run on the empty,
   migrated database, each in a transaction that is rolled back. Data that a module's
   tests share is built once per module (fixture `shared_db`, like Django's
   setUpTestData) and rolled back when the module is done. Last come the tests that need
   one page of every public type, or the intranet with its projects and people (fixtures
   `public_site`, `intranet_site`): that site is built once for all of them, the same way.
2. Database tests that use the demo (fixture `demo`). Seeding takes seconds, so the demo
   is loaded once, when the first of them starts, inside an outer transaction, like
   Django's setUpTestData; every test runs in a savepoint inside it.
3. Tests without a database fixture, the browser and deploy tests among them. The outer
   transaction is rolled back first: a live server needs the demo committed, and those
   tests load it so, from the migrated state kept here.
"""

import copy
import os
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import TestCase
from django.test.utils import setup_databases, teardown_databases
from wagtail.test.utils import WagtailPageTestCase

from tests.template_databases import migrated_database

OUTER_TRANSACTION = pytest.StashKey[object]()
SHARED_BLOCKS = pytest.StashKey[list]()
OUTER_PHASE_OVER = pytest.StashKey[bool]()
MIGRATED_STATE = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """Create the test database (migrated, its initial state serialized) for every run;
    on PostgreSQL a clone of the migrated template (tests.template_databases).

    Replaces pytest-django's fixture, which creates a database only when a collected test
    asks for one by marker or fixture: the browser tests reach it through the live
    server instead. The serialized initial state (the Wagtail root page, the root
    collection, the Editors group) is what the browser tests' demo is loaded onto.
    """
    stash = request.session.stash
    keepdb = django_db_keepdb and not django_db_createdb
    connection = connections[DEFAULT_DB_ALIAS]
    with django_db_blocker.unblock(), migrated_database(connection, keepdb) as cloned:
        databases = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            keepdb=keepdb or cloned,
            aliases={DEFAULT_DB_ALIAS},
            serialized_aliases={DEFAULT_DB_ALIAS},
        )
        stash[MIGRATED_STATE] = connection._test_serialized_contents
    yield
    with django_db_blocker.unblock():
        end_outer_transaction(request.session)
        if not django_db_keepdb:
            teardown_databases(databases, verbosity=request.config.option.verbose)


@pytest.fixture(scope="module")
def shared_db(request, django_db_setup, django_db_blocker):
    """Phase 1: one transaction around a module, for the data its tests share.

    A module-scoped fixture that asks for this one builds its data once, inside it (the
    database is open to it meanwhile); each test then runs in a savepoint inside it and
    the whole is rolled back when the module is done (or when phase 2 starts, whichever
    comes first). Hand each test its own copy of the built objects with `fresh`.
    """
    with django_db_blocker.unblock():
        block = open_shared_block(request.session)
        yield
        close_shared_block(request.session, block)


@pytest.fixture(scope="session")
def public_site_built(request, django_db_setup, django_db_blocker):
    """Phase 1, last: tests.home.factories.build_public_site with the intranet of
    tests.intranet.factories.intranet_with_projects (as `intranet`), built once in a
    transaction that is rolled back when phase 2 starts (or the run ends); on PostgreSQL
    copied from the site template once one process has built it (tests.committed_demo)."""
    from tests.committed_demo import load_content
    from tests.factories import (
        as_committed,
        continue_sequences,
        render_live_pages,
        sequence_numbers,
    )
    from tests.home.factories import build_public_site
    from tests.intranet.factories import intranet_with_projects

    def build():
        with as_committed():
            built = build_public_site()
            built.intranet = intranet_with_projects(built)
        render_live_pages()
        return built, sequence_numbers()

    with django_db_blocker.unblock():
        block = open_shared_block(request.session)
        built, numbers = load_content(request.session.stash, "site", build, wait=False)
        continue_sequences(numbers)
    check_deferred_constraints(request)
    yield built
    with django_db_blocker.unblock():
        close_shared_block(request.session, block)


@pytest.fixture
def public_site(public_site_built):
    """One page of every public type and its content in both languages, with the footer
    (tests.home.factories.build_public_site) and the intranet (`.intranet`), shared by
    every test that asks for it."""
    return fresh(public_site_built)


@pytest.fixture
def intranet_site(public_site):
    """The intranet with two projects and one user per role
    (tests.intranet.factories.intranet_with_projects), on the shared public site."""
    return public_site.intranet


@pytest.fixture
def log_in_as(client, intranet_site):
    """Log the client in as the shared intranet's user of a role (ROLES, e.g. "member_a");
    returns the user (None for anonymous)."""

    def log_in(role):
        client.logout()
        user = intranet_site.people[role]
        if user is not None:
            client.force_login(user)
        return user

    return log_in


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Check the foreign keys of data a module shares once, when it is built.

    PostgreSQL checks deferred foreign keys when a transaction commits or when told to
    (`SET CONSTRAINTS ALL IMMEDIATE`), which Django's test teardown does for every test,
    in the test's savepoint. Checks made in a savepoint are forgotten when it is rolled
    back, so every test would check all the shared rows again (60 ms a test for the demo
    on a slow machine); checked here, in the shared transaction, they are done with.
    """
    result = yield
    if "shared_db" in fixturedef.argnames:
        check_deferred_constraints(request)
    return result


def check_deferred_constraints(request):
    """Check, in the current transaction, the constraints its writes deferred."""
    blocker = request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        connections[DEFAULT_DB_ALIAS].check_constraints()


def open_shared_block(session):
    """Enter a transaction for shared data (phase 1 only) and remember it."""
    if session.stash.get(OUTER_PHASE_OVER, False) or session.stash.get(OUTER_TRANSACTION, None):
        raise RuntimeError("shared data is for phase 1: a test asks for it and the demo")
    block = transaction.atomic()
    block.__enter__()
    session.stash.setdefault(SHARED_BLOCKS, []).append(block)
    return block


def close_shared_block(session, block):
    """Roll back `block`, and any opened inside it, unless that is done already."""
    blocks = session.stash.get(SHARED_BLOCKS, [])
    while block in blocks:
        inner = blocks.pop()
        transaction.set_rollback(True)
        inner.__exit__(None, None, None)


def end_shared_transactions(session):
    """Roll back every block of shared data: phase 1 is over."""
    blocks = session.stash.get(SHARED_BLOCKS, [])
    if blocks:
        close_shared_block(session, blocks[0])


def fresh(built):
    """A test's own copy of data built by a `shared_db` fixture, with an empty cache.

    The database rows are rolled back after every test; the deep copy does the same for
    the objects in memory, so that what one test changes on them the next does not see.
    """
    cache.clear()
    return copy.deepcopy(built)


@pytest.fixture(scope="session", autouse=True)
def mail_through_the_queue(django_test_environment):
    """Every e-mail goes through the queue, as in production (site_core.queued_mail).

    Django's test set-up replaces EMAIL_BACKEND with its in-memory backend; this puts the
    queue back in front of it (settings/test.py delivers into the same `mail.outbox`).
    """
    from django.conf import settings

    from site_core.settings import test as test_settings

    settings.EMAIL_BACKEND = test_settings.EMAIL_BACKEND


@pytest.fixture
def job_queue(settings):
    """Jobs wait in the database queue, as in production, until the test runs the worker
    (tests.jobs.run_jobs); without this fixture they run at once (settings/test.py)."""
    from django_tasks_db.management.commands import db_worker

    from site_core.settings import base

    settings.TASKS = base.TASKS
    # The worker closes connections it finds inside a transaction, as the test's is.
    with mock.patch.object(db_worker, "close_old_connections"):
        yield


@pytest.fixture(params=["connection refused", "421 busy"])
def mail_server_down(request, settings):
    """Delivery over real SMTP to a loopback server that refuses the connection, or that
    answers "421 busy" (each case once)."""
    from tests import jobs

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    if request.param == "connection refused":
        settings.EMAIL_PORT = jobs.closed_port()
        yield
    else:
        with jobs.busy_smtp_server() as port:
            settings.EMAIL_PORT = port
            yield


@pytest.fixture(scope="session")
def demo_transaction(request, django_db_setup, django_db_blocker):
    """Phase 2: the demo, loaded once in an outer transaction that phase 3 rolls back."""
    from tests.committed_demo import load_demo

    stash = request.session.stash
    if stash.get(OUTER_PHASE_OVER, False):
        raise RuntimeError("a database test that uses the demo was sorted after phase 2")
    with django_db_blocker.unblock():
        end_shared_transactions(request.session)
        outer = transaction.atomic()
        outer.__enter__()
        load_demo(stash, seed_in_transaction)
        stash[OUTER_TRANSACTION] = outer
    check_deferred_constraints(request)


def seed_in_transaction():
    """Seed the demo inside the current transaction."""
    # wagtail-localize publishes translations in on-commit callbacks.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", verbosity=0)


def uses_database(item):
    return "db" in item.fixturenames or item.get_closest_marker("django_db") is not None


def run_phase(item):
    """1: builds its own data (1.5: on the shared public site), 2: uses the demo, 3: no
    database (see the module docstring)."""
    if not uses_database(item):
        return 3
    if "demo" in item.fixturenames:
        return 2
    return 1.5 if "public_site_built" in item.fixturenames else 1


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Let browser and deploy tests use the ORM while Playwright's event loop runs.

    Playwright's sync API marks an asyncio loop as running in this thread from the first
    browser test to the end of the session, so Django takes every ORM call of a later test
    itself (flushing and restoring the database, seeding, checks) for one made from
    async code and raises SynchronousOnlyOperation. Those tests are sync on their side, so
    the guard is off around each of them, before any of its fixtures run, and only then:
    a process-wide setting would leak into subprocesses (`manage.py check --deploy`
    rejects it as async.E001).
    """
    after_playwright = (
        item.get_closest_marker("browser")
        or item.get_closest_marker("deploy")
        or "committed_database" in item.fixturenames  # phase 3, too
    )
    if not after_playwright:
        return (yield)
    with mock.patch.dict(os.environ, {"DJANGO_ALLOW_ASYNC_UNSAFE": "true"}):
        return (yield)


def pytest_itemcollected(item):
    """Keep the tests of a module that shares data (`shared_db`) in one test process.

    `--dist loadgroup` hands other tests out one by one, alternating between the processes,
    so each would build the module's data for itself: twice the set-up, about 45 s a run.
    A test already in a group keeps it (pytest-xdist joins the names of several groups
    into one, which would split that group). Runs before pytest-xdist names the groups in
    the node ids (pytest_collection_modifyitems).
    """
    if "shared_db" in item.fixturenames and item.get_closest_marker("xdist_group") is None:
        item.add_marker(pytest.mark.xdist_group(f"{item.module.__name__}:{run_phase(item)}"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the phases in order; within a phase keep pytest-django's order.

    A test that uses shared data is a database test (each in its savepoint), whether it
    asks for `db` or not. The tests of one xdist group (`--dist loadgroup` hands them to
    one process as one piece) must be of one phase, or that process would run a later
    phase's test before an earlier one's.
    """
    for item in items:
        shared = {"shared_db", "public_site_built"} & set(item.fixturenames)
        if shared and not uses_database(item):
            item.add_marker(pytest.mark.django_db)
    items.sort(key=run_phase)
    phases_of_group = {}
    for item in items:
        group = item.get_closest_marker("xdist_group")
        if group is None:
            continue
        phases_of_group.setdefault(group.args[0], set()).add(run_phase(item))
        # pytest-xdist's worker names a test's group in its node id, which is how the
        # scheduler keeps a group together; pytest 9.2 ignores that (pytest-xdist#1386).
        if getattr(config.option, "loadgroup", False) and "@" not in item.nodeid:
            raise pytest.UsageError(f"--dist loadgroup does not group {item.nodeid}")
    mixed = {name: sorted(phases) for name, phases in phases_of_group.items() if len(phases) > 1}
    if mixed:
        raise pytest.UsageError(f"xdist groups whose tests are of several run phases: {mixed}")


def leave_database_phase(request, django_db_blocker):
    """For phase 3: make sure the test database exists, without the outer transaction."""
    request.session.stash[OUTER_PHASE_OVER] = True  # no need to seed one now
    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        end_outer_transaction(request.session)


@pytest.fixture
def committed_database(request, django_db_blocker):
    """Phase 3: the migrated database and nothing else, every write committed at once, for
    code that runs in other threads or processes, on connections of their own. The next
    browser test that shares the demo loads it again."""
    from tests.committed_demo import SHARED_DEMO, restore_migrated_state

    leave_database_phase(request, django_db_blocker)
    with django_db_blocker.unblock():
        restore_migrated_state(request.session.stash[MIGRATED_STATE])
        request.session.stash[SHARED_DEMO] = False
        cache.clear()
        try:
            yield
        finally:
            # One connection left open would keep the test database from being dropped.
            connections.close_all()


def end_outer_transaction(session):
    """Roll the outer transaction (and the demo in it) back, once: phase 2 is over."""
    session.stash[OUTER_PHASE_OVER] = True
    end_shared_transactions(session)
    outer = session.stash.get(OUTER_TRANSACTION, None)
    if outer is not None:
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        session.stash[OUTER_TRANSACTION] = None


@pytest.fixture
def demo(demo_transaction, db):
    """The demo content, as `make run` loads it, with an empty cache around the test."""
    cache.clear()
    yield
    cache.clear()


# Role -> demo username (None: not logged in).
ROLES = {
    "anonymous": None,
    "member": "medlem",
    "member_a": "sirkel",
    "member_b": "eksport",
    "lead_a": "prosjektleder",
    "editor": "redaktor",
    "admin": "admin",
}


def body_of(response):
    """The whole body, streamed (documents) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def login_as(client):
    """Log the client in as a demo role; returns the user (None for anonymous)."""

    def login(role):
        username = ROLES[role]
        if username is None:
            return None
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return login


@pytest.fixture
def editor_form(client, django_user_model):
    """Wagtail's page test assertions (assertCanCreate, ...), posting as an administrator."""
    admin = django_user_model.objects.create_superuser("admin", "admin@example.no", "x")
    client.force_login(admin)
    checker = WagtailPageTestCase()
    checker.client = client
    return checker


@pytest.fixture(scope="module")
def bilingual_built(shared_db):
    """tests.factories.bilingual_site, built once for a module (phase 1)."""
    from tests.factories import as_committed, bilingual_site

    with as_committed():
        return bilingual_site()


@pytest.fixture
def shared_bilingual(bilingual_built):
    """Like `bilingual`, but built once for the module and handed to each test as its own
    copy, every change rolled back after the test: for modules whose tests build no other
    site (the set-up costs about a second a test on PostgreSQL)."""
    return fresh(bilingual_built)


@pytest.fixture
def bilingual(db, django_capture_on_commit_callbacks):
    """A fresh bilingual site (tests/factories.bilingual_site): nb and en home pages.

    wagtail-localize publishes translations on commit, which a test's transaction never
    reaches, so the callbacks run here.
    """
    from tests.factories import bilingual_site

    with django_capture_on_commit_callbacks(execute=True):
        return bilingual_site()
