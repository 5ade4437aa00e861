"""Fixtures for the public-site tests.

Seeding the bilingual demo takes seconds, so this package seeds it once, inside
an outer transaction that is rolled back when the package's tests are done.
Each test still runs in its own savepoint (pytest-django's `db`), so what a
test changes is undone before the next one.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase


@pytest.fixture(scope="package")
def _seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("seed_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def site(_seeded, db):
    """The bilingual demo content, as `make run` loads it."""
    cache.clear()
    yield
    cache.clear()
