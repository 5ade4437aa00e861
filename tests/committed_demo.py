"""The demo content committed to the test database, for tests whose server runs apart
from the test: the browser tests' live-server thread, the deploy tests' app servers.

`SHARED_DEMO` (in `request.session.stash`) says whether the committed copy is the intact
demo that read-only browser journeys share; whoever reloads or changes it sets it False,
so that the next such journey loads its own copy.
"""

from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection

SHARED_DEMO = pytest.StashKey[bool]()


def restore_migrated_state(migrated_state):
    """Empty the database and restore what the migrations made (committed).

    As Django's TransactionTestCase does it: the sequences keep counting, so the rows added
    later never take the ids of the restored ones.
    """
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    connection.creation.deserialize_db_from_string(migrated_state)


def reload_demo(migrated_state):
    """Empty the database, restore what the migrations made, load the demo (committed)."""
    restore_migrated_state(migrated_state)
    call_command("seed_demo", verbosity=0)


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
