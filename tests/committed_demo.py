"""The demo content committed to the test database, for tests whose server runs apart
from the test: the browser tests' live-server thread, the deploy tests' app servers.

`SHARED_DEMO` (in `request.session.stash`) says whether the committed copy is the intact
demo that read-only browser journeys share; whoever reloads or changes it sets it False,
so that the next such journey loads its own copy.

Seeding the demo takes 10–40 s (wagtail-localize makes every translation); on PostgreSQL
the first load in a run is kept as a snapshot of every table and sequence, in the session
(`SNAPSHOTS`) and as a template database for the other test processes
(tests.template_databases); later loads copy it back in about a second. `load_content`
does the same for the factories' public site (tests/conftest.py, `public_site_built`).
"""

import pickle
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from tests import template_databases
from tests.conftest import MIGRATED_STATE

SHARED_DEMO = pytest.StashKey[bool]()
# {template kind: snapshot} (tests.template_databases.content_snapshot) kept for the run.
SNAPSHOTS = pytest.StashKey[dict]()


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
    """Empty the database and load the demo into it, committed."""

    def seed():
        restore_migrated_state(stash[MIGRATED_STATE])
        call_command("seed_demo", verbosity=0)

    load_demo(stash, seed)


def load_demo(stash, seed):
    """Load the demo into the database: copy the run's snapshot back (in the session's
    `stash`, or on PostgreSQL the demo template that another test process made) if there
    is one, else `seed()` it and keep the snapshot (on SQLite there is none: it seeds).

    A kept snapshot also holds the image renditions of every page (`render_every_page`):
    tests roll back what they write, so each would otherwise make them again (about 20 s
    of WebP encoding a run). On SQLite nothing is kept: every load seeds anew (the browser
    tests reload the demo several times a run) and would render anew too.
    """

    def seed_and_render():
        seed()
        render_every_page()

    load_content(stash, "demo", seed_and_render if connection.vendor == "postgresql" else seed)


def render_every_page():
    """tests.factories.render_live_pages, anonymously and as the demo's administrator (who
    may open every intranet page), leaving no trace of the visit: the administrator's
    session is ended and last_login put back."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.factories import render_live_pages

    admin = get_user_model().objects.get(username="admin")
    last_login = admin.last_login  # force_login sets it on this object
    signed_in = Client()
    signed_in.force_login(admin)
    render_live_pages()
    render_live_pages(signed_in)
    signed_in.logout()
    get_user_model().objects.filter(pk=admin.pk).update(last_login=last_login)


def load_content(stash, kind, build, wait=True):
    """Load content of template `kind` ("demo" or "site") into the database, as
    `load_demo` says, and return what `build()` returns (a copy of it, unpickled, unless
    this is SQLite). `wait`: see tests.template_databases.content_snapshot."""
    if connection.vendor != "postgresql":
        return build()
    snapshots = stash.setdefault(SNAPSHOTS, {})
    if kind not in snapshots:
        snapshots[kind], built_here = template_databases.content_snapshot(
            connection, kind, build, wait
        )
        if built_here:
            return pickle.loads(snapshots[kind]["built"])  # noqa: S301 (made by this run)
    with transaction.atomic(), connection.cursor() as cursor:
        template_databases.restore_rows(cursor.cursor, snapshots[kind])
    template_databases.restore_files(snapshots[kind])
    return pickle.loads(snapshots[kind]["built"])  # noqa: S301 (made by this run's code)


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
