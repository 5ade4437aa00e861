"""The demo content committed to the test database, for tests whose server runs apart
from the test: the browser tests' live-server thread, the deploy tests' app servers.

`SHARED_DEMO` (in `request.session.stash`) says whether the committed copy is the intact
demo that read-only browser journeys share; whoever reloads or changes it sets it False,
so that the next such journey loads its own copy.

Seeding the demo takes 20–40 s (wagtail-localize makes every translation); on PostgreSQL
the first load is kept as a snapshot of every table (`DEMO_SNAPSHOT`) and later loads
copy it back in about a second.
"""

import io
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from tests.conftest import MIGRATED_STATE

SHARED_DEMO = pytest.StashKey[bool]()
DEMO_SNAPSHOT = pytest.StashKey[dict]()


def restore_migrated_state(migrated_state):
    """Empty the database and restore what the migrations made (committed).

    As Django's TransactionTestCase does it: the sequences keep counting, so the rows added
    later never take the ids of the restored ones.
    """
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    connection.creation.deserialize_db_from_string(migrated_state)


def reload_demo(stash):
    """Empty the database and load the demo into it, committed: from the snapshot in
    the session's `stash` if there is one, else by restoring the migrated state and
    seeding (then the snapshot is taken)."""
    if DEMO_SNAPSHOT in stash:
        restore_snapshot(stash[DEMO_SNAPSHOT])
        return
    restore_migrated_state(stash[MIGRATED_STATE])
    call_command("seed_demo", verbosity=0)
    remember_demo(stash)


def remember_demo(stash):
    """Keep the database's current content as the demo's snapshot (PostgreSQL only; in a
    transaction, what it has written so far)."""
    if connection.vendor == "postgresql":
        stash[DEMO_SNAPSHOT] = take_snapshot()


def snapshot_tables():
    return sorted(connection.introspection.django_table_names(only_existing=True))


def take_snapshot():
    """{table: its rows in COPY text format} for every table of the installed apps."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in snapshot_tables():
            rows = io.BytesIO()
            cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} TO STDOUT", rows)
            snapshot[table] = rows.getvalue()
    return snapshot


def restore_snapshot(snapshot):
    """Replace every table's rows by the snapshot's, in one transaction.

    Django's foreign keys on PostgreSQL are deferrable, so the tables may be filled in
    any order; the sequences are left as they are (they only count up, as with
    `restore_migrated_state`), so later rows never take a restored id.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in snapshot_tables())}")
        for table, rows in snapshot.items():
            cursor.cursor.copy_expert(f"COPY {quote(table)} FROM STDIN", io.BytesIO(rows))


def database_url(settings_dict):
    """DATABASE_URL of the database Django is connected to (the pytest test database)."""
    user = quote(settings_dict["USER"] or "", safe="")
    password = settings_dict["PASSWORD"]
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host = settings_dict["HOST"] or "localhost"
    if host.startswith("/"):
        host = quote(host, safe="")
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    at = "@" if credentials else ""
    return f"postgres://{credentials}{at}{host}{port}/{quote(settings_dict['NAME'], safe='')}"
