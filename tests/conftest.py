"""Shared fixtures: the bilingual demo content, loaded once for the whole run.

Seeding takes seconds, so it happens once per run, inside an outer transaction
opened right after the test database is created, like Django's setUpTestData.
Every database test runs in a savepoint inside it, so what a test changes
never reaches the next. Transactional (live-server) tests need the database
to themselves: pytest-django runs them after all the others, so the outer
transaction is rolled back just before the first of them, and they load the
demo themselves (tests/browser).
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from pytest_django.plugin import blocking_manager_key

OUTER_TRANSACTION = pytest.StashKey[object]()
TRANSACTIONAL_STARTED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    stash = request.session.stash
    if stash.get(TRANSACTIONAL_STARTED, False):
        yield  # only transactional tests are left: they seed for themselves
        return
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # wagtail-localize publishes translations in on-commit callbacks.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", verbosity=0)
    stash[OUTER_TRANSACTION] = outer
    yield
    with django_db_blocker.unblock():
        roll_back_demo(stash)


def roll_back_demo(stash):
    outer = stash.get(OUTER_TRANSACTION, None)
    if outer is not None:
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        stash[OUTER_TRANSACTION] = None


@pytest.fixture
def demo(db):
    """The demo content, as `make run` loads it, with an empty cache around the test."""
    cache.clear()
    yield
    cache.clear()


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if is_transactional(item):
        stash = item.session.stash
        stash[TRANSACTIONAL_STARTED] = True
        with item.config.stash[blocking_manager_key].unblock():
            roll_back_demo(stash)
