"""The embedded SQLite database copes with the worker writing beside a request (`make run`
serves and runs the worker on one file): site_core.settings.base.database_from_env."""

import threading

import pytest
from django.db import transaction
from django.db.utils import ConnectionHandler

from site_core.settings.base import database_from_env


@pytest.fixture
def own_database(django_db_blocker):
    """Database access for a database of the test's own (a file, as `make run` has), not
    the test database."""
    with django_db_blocker.unblock():
        yield


def test_a_request_waits_for_the_workers_write_instead_of_failing(
    tmp_path, monkeypatch, own_database
):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    config = database_from_env()
    connections = ConnectionHandler({"default": config, "worker": config, "request": config})
    # transaction.atomic(using=…) finds these connections (each thread opens its own).
    monkeypatch.setattr(transaction, "connections", connections)
    writing, failures = threading.Event(), []

    def set_up():
        with connections["worker"].cursor() as cursor:
            cursor.execute("CREATE TABLE job (id INTEGER PRIMARY KEY, done INTEGER)")
            cursor.execute("INSERT INTO job (done) VALUES (0)")
        connections["worker"].close()

    def work():
        with transaction.atomic(using="worker"), connections["worker"].cursor() as cursor:
            cursor.execute("UPDATE job SET done = 1")
            writing.set()
            threading.Event().wait(0.5)  # the worker's job takes a while
        connections["worker"].close()

    def serve():
        writing.wait()
        try:  # a request that reads, then writes, in one transaction
            with transaction.atomic(using="request"), connections["request"].cursor() as cursor:
                cursor.execute("SELECT done FROM job")
                cursor.execute("INSERT INTO job (done) VALUES (0)")
        except Exception as error:  # the failure is what this test reports
            failures.append(error)
        finally:
            connections["request"].close()

    def count(result):
        with connections["worker"].cursor() as cursor:
            cursor.execute("SELECT COUNT(*), SUM(done) FROM job")
            result.append(cursor.fetchone())
        connections["worker"].close()

    # Every database call in threads of their own: the test process's own thread may hold
    # the browser tests' event loop, where Django refuses synchronous database calls.
    in_threads(set_up)
    in_threads(work, serve)
    assert failures == []
    result = []
    in_threads(lambda: count(result))
    assert result == [(2, 1)]


def in_threads(*targets):
    """Run each of `targets` in a thread of its own, at the same time; return when all
    have ended."""
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
