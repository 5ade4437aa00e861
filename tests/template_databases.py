"""PostgreSQL template databases: the migrated schema and the demo, made once, cloned by
every test process.

Migrating a new test database takes about 14 s and seeding the demo about 10 s, and each
pytest-xdist worker and the deploy run would pay both. On PostgreSQL the first process
that needs them keeps them as databases of their own:

- ``nr_tests_schema_<fingerprint>``: the migrated test database, cloned by every other
  process in well under a second (``CREATE DATABASE … TEMPLATE``);
- ``nr_tests_demo_<fingerprint>``: that schema with the demo's rows and sequences, which
  other processes copy into their own test database (tests.committed_demo), and its
  uploaded files (in a table of their own), which they write into their own upload
  folders (settings/test.py);
- ``nr_tests_site_<fingerprint>``: the same for the factories' small public site and
  intranet (tests/conftest.py, `public_site_built`), with the built objects pickled.

The fingerprint covers what they are made of: every migration file, the lock file and this
module for the schema; for the demo also the project's code and the date (the demo's events
are relative to today); for the site also the test helpers (every module under tests/ but
the tests themselves). A change makes new ones, and older ones are dropped when the new ones
are made, so at most one pair stays between runs and an unchanged checkout reuses it, as
pytest-django's ``--reuse-db`` would, but safely. A PostgreSQL advisory lock keeps two
processes from making the same one at once; the other waits and then clones.

docs/architecture.md ("Tests") describes the run as a whole.
"""

import datetime
import hashlib
import io
import pickle
from contextlib import contextmanager
from pathlib import Path

import psycopg2
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

BASE_DIR = Path(__file__).resolve().parents[1]
PROJECT_APPS = ("demo", "site_core", "home", "intranet")
# Any constant: the first advisory lock's key, the same in every test process; each kind of
# template has a lock of its own (FINGERPRINTS' order), so that one process can build the
# demo while another builds the site.
LOCK_KEY = 7_241_903_518
BUILDING = "_building"
PREFIX = "nr_tests_"
# In the content templates only: their uploaded files (the other tables hold their names)
# and the objects the builder returned, pickled.
FILES_TABLE = "nr_tests_uploaded_file"
BUILT_TABLE = "nr_tests_built_objects"


def fingerprint(files, *extra):
    """12 hex digits of the sha256 of `files` ({name: path}; the name, not the checkout's
    location, is hashed with each file's bytes, so that two clones of one commit agree)
    and `extra`."""
    digest = hashlib.sha256()
    for name, path in sorted(files.items()):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    for value in extra:
        digest.update(str(value).encode())
    return digest.hexdigest()[:12]


def schema_fingerprint():
    """12 hex digits naming the migrated schema: every installed app's migration files,
    requirements.lock and this module (which makes the templates)."""
    files = {"requirements.lock": BASE_DIR / "requirements.lock", "maker": Path(__file__)}
    for app_config in apps.get_app_configs():
        for path in Path(app_config.path, "migrations").glob("*.py"):
            files[f"{app_config.label}/{path.name}"] = path
    return fingerprint(files)


def demo_fingerprint():
    """12 hex digits naming the demo: the schema's fingerprint, every file of the
    project's apps (code, seed text, templates) and today's date."""
    files = {
        path.relative_to(BASE_DIR).as_posix(): path
        for app in PROJECT_APPS
        for path in (BASE_DIR / app).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    files["tests/committed_demo.py"] = BASE_DIR / "tests" / "committed_demo.py"  # renders it
    return fingerprint(files, schema_fingerprint(), datetime.date.today())


def site_fingerprint():
    """12 hex digits naming the factories' site: the demo's fingerprint and every module
    under tests/ but the tests (factories, fixtures, seed text)."""
    files = {
        path.relative_to(BASE_DIR).as_posix(): path
        for path in (BASE_DIR / "tests").rglob("*.py")
        if not path.name.startswith("test_")
    }
    return fingerprint(files, demo_fingerprint())


FINGERPRINTS = {"schema": schema_fingerprint, "demo": demo_fingerprint, "site": site_fingerprint}


def template_name(kind):
    """The database name of a template, `kind` "schema", "demo" or "site"."""
    return f"{PREFIX}{kind}_{FINGERPRINTS[kind]()}"


def connect(connection, dbname):
    """A psycopg2 connection (autocommit) to `dbname` on the test database's server."""
    options = connection.settings_dict
    raw = psycopg2.connect(
        dbname=dbname,
        user=options["USER"] or None,
        password=options["PASSWORD"] or None,
        host=options["HOST"] or None,
        port=options["PORT"] or None,
    )
    raw.autocommit = True
    return raw


@contextmanager
def server(connection, kind, wait=True):
    """A cursor on the server's maintenance database, holding the lock of the templates
    of `kind`; with wait=False, None instead if another process holds it. Only the schema
    template is ever a source of CREATE DATABASE, and nobody connects to it, so a clone of
    it never waits for another kind's lock."""
    key = LOCK_KEY + list(FINGERPRINTS).index(kind)
    raw = connect(connection, "postgres")
    try:
        with raw.cursor() as cursor:
            if wait:
                cursor.execute("SELECT pg_advisory_lock(%s)", [key])
            else:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                if not cursor.fetchone()[0]:
                    cursor = None
            yield cursor
    finally:
        raw.close()  # ends the session, and the lock with it


def exists(cursor, name):
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def clone(cursor, source, target):
    """(Re)create database `target` as a copy of `source`; nobody may be connected to
    `source` meanwhile (PostgreSQL's rule for templates)."""
    cursor.execute(f"DROP DATABASE IF EXISTS {_quote(target)} WITH (FORCE)")
    cursor.execute(f"CREATE DATABASE {_quote(target)} TEMPLATE {_quote(source)}")


def drop_others(cursor, keep):
    """Drop the templates of `keep`'s kind other than `keep` (made from older code)."""
    prefix = keep.rsplit("_", 1)[0] + "_"
    cursor.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND datname <> %s",
        [prefix, keep],
    )
    for (name,) in cursor.fetchall():
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)}")


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


@contextmanager
def migrated_database(connection, keepdb):
    """Around Django's `setup_databases` for `connection`.

    Yields True when the test database was cloned from the schema template (then
    `setup_databases` must keep it, keepdb=True: its `migrate` finds nothing to do),
    or False when there is none yet: `setup_databases` migrates a new database, which
    then becomes the template. Does nothing (yields False) on SQLite, or with pytest's
    `--reuse-db` (`keepdb`).
    """
    if keepdb or connection.vendor != "postgresql":
        yield False
        return
    template = template_name("schema")
    test_name = connection.creation._get_test_db_name()
    with server(connection, "schema") as cursor:
        cloned = exists(cursor, template)
        if cloned:
            clone(cursor, template, test_name)
        yield cloned
        if cloned:
            # Migrating leaves every content type in ContentType's cache, and restoring
            # the migrated state (Django's deserialize_db_from_string) counts on it: a
            # Wagtail task deserialized before the content types would otherwise insert
            # its own and collide with the restored row.
            ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
        else:
            connection.close()  # a template's source must have no other session
            clone(cursor, test_name, template + BUILDING)
            cursor.execute(
                f"ALTER DATABASE {_quote(template + BUILDING)} RENAME TO {_quote(template)}"
            )
            drop_others(cursor, template)


def upload_roots():
    """{name: folder} of this process's uploads (settings/test.py)."""
    return {"media": Path(settings.MEDIA_ROOT), "private-media": Path(settings.PRIVATE_MEDIA_ROOT)}


def uploads():
    """{(root, relative path): absolute path} of the files in this process's upload folders."""
    return {
        (kind, path.relative_to(root).as_posix()): path
        for kind, root in upload_roots().items()
        if root.is_dir()
        for path in root.rglob("*")
        if path.is_file()
    }


def restore_files(snapshot):
    """Write the snapshot's uploaded files back into this process's upload folders (a test
    may have deleted some; each process has folders of its own, settings/test.py)."""
    roots = upload_roots()
    for (kind, relative), content in snapshot["files"].items():
        path = roots[kind] / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def content_snapshot(connection, kind, build, wait=True):
    """The snapshot of template `kind` ("demo" or "site") and whether it was built here,
    as (snapshot, built_here). A snapshot is {"tables": {table: COPY text}, "sequences":
    {name: value}, "files": {(upload root, relative path): bytes}, "built": pickled
    bytes of what `build()` returned}.

    From the template if there is one (built_here False: the caller copies it in); else
    `build()` loads the content into the database of `connection` (Django's), the
    snapshot is taken from there with the files the building uploaded, and kept as the
    template for the other processes if the schema template exists to make it from.
    With wait=False a process that finds another one making the template builds its own
    copy rather than wait (for content that takes about as long to build as to wait for).
    """
    name = template_name(kind)
    schema = template_name("schema")
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    with server(connection, kind, wait) as cursor:
        if cursor is not None and exists(cursor, name):
            return read_snapshot(connect(connection, name), tables), False
        earlier = uploads()  # left by earlier tests of this process
        built = pickle.dumps(build())
        with connection.cursor() as django_cursor:  # in a transaction: what build() wrote
            snapshot = copy_out(django_cursor.cursor, tables)
        snapshot["files"] = {
            key: path.read_bytes() for key, path in uploads().items() if key not in earlier
        }
        snapshot["built"] = built
        if cursor is not None and exists(cursor, schema):
            clone(cursor, schema, name + BUILDING)
            write_snapshot(connect(connection, name + BUILDING), snapshot)
            cursor.execute(f"ALTER DATABASE {_quote(name + BUILDING)} RENAME TO {_quote(name)}")
            drop_others(cursor, name)
        return snapshot, True


def copy_out(cursor, tables):
    """{"tables": {table: its rows in COPY text format}, "sequences": {name: last value}}
    read through the DB-API `cursor` (psycopg2)."""
    snapshot = {"tables": {}, "sequences": sequence_values(cursor)}
    for table in tables:
        rows = io.BytesIO()
        cursor.copy_expert(f"COPY {_quote(table)} TO STDOUT", rows)
        snapshot["tables"][table] = rows.getvalue()
    return snapshot


def read_snapshot(raw, tables):
    """`copy_out` of `tables`, the kept files and built objects, from a content template's open
    connection `raw` (closed afterwards)."""
    try:
        with raw.cursor() as cursor:
            snapshot = copy_out(cursor, tables)
            cursor.execute(f"SELECT root, path, content FROM {FILES_TABLE}")  # noqa: S608
            snapshot["files"] = {(root, path): bytes(content) for root, path, content in cursor}
            cursor.execute(f"SELECT content FROM {BUILT_TABLE}")  # noqa: S608
            snapshot["built"] = bytes(cursor.fetchone()[0])
    finally:
        raw.close()
    return snapshot


def write_snapshot(raw, snapshot):
    """Fill the migrated database of `raw` with `snapshot` (closed afterwards)."""
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            restore_rows(cursor, snapshot)
            cursor.execute(
                f"CREATE TABLE {FILES_TABLE} (root text, path text, content bytea, "
                "PRIMARY KEY (root, path))"
            )
            cursor.executemany(
                f"INSERT INTO {FILES_TABLE} VALUES (%s, %s, %s)",  # noqa: S608
                [(root, path, content) for (root, path), content in snapshot["files"].items()],
            )
            cursor.execute(f"CREATE TABLE {BUILT_TABLE} (content bytea)")
            cursor.execute(f"INSERT INTO {BUILT_TABLE} VALUES (%s)", [snapshot["built"]])  # noqa: S608
        raw.commit()
    finally:
        raw.close()


def sequence_values(cursor):
    """{sequence: its last value} for every sequence used so far (DB-API `cursor`)."""
    cursor.execute(
        "SELECT sequencename, last_value FROM pg_sequences "
        "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
    )
    return dict(cursor.fetchall())


def restore_rows(cursor, snapshot):
    """Replace every table's rows by the snapshot's and move each sequence up to at
    least the snapshot's value (never down: later rows must not take restored ids), in
    the cursor's transaction.

    Django's foreign keys on PostgreSQL are deferrable, so the tables may be filled in
    any order.
    """
    tables = snapshot["tables"]
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    cursor.execute(f"TRUNCATE {', '.join(_quote(table) for table in tables)}")
    for table, rows in tables.items():
        cursor.copy_expert(f"COPY {_quote(table)} FROM STDIN", io.BytesIO(rows))
    for sequence, value in snapshot["sequences"].items():
        # The sequence's name comes from pg_sequences, quoted.
        current = f"(SELECT last_value FROM {_quote(sequence)})"  # noqa: S608
        cursor.execute(
            f"SELECT setval(%s::regclass, GREATEST(%s, {current}))", [_quote(sequence), value]
        )
