"""Deploy fixtures: the production app as it runs, in real processes, on loopback only.

Each app server is `gunicorn site_core.wsgi --config gunicorn.conf.py` with the production
settings, on the pytest test database (PostgreSQL: two processes cannot share pytest's
SQLite), a Redis cache and either an S3-compatible endpoint (moto, in a thread of the
test process) or local upload folders. `Visitor` talks to them as one browser behind a
load balancer would.

Without PostgreSQL or Redis the tests here are skipped with the reason; with CI=true or
REQUIRE_BROWSER=1 they fail instead, so CI can never skip them silently.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from http.cookies import CookieError, SimpleCookie
from pathlib import Path

import boto3
import pytest
import redis
import requests
from axes.utils import reset as axes_reset
from django.conf import global_settings
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import override_settings
from moto.server import ThreadedMotoServer

from site_core.demo import DEMO_USERS
from tests import template_databases
from tests.committed_demo import SHARED_DEMO, database_url, reload_demo
from tests.conftest import leave_database_phase

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
REDIS_URL = os.environ.get("DEPLOY_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
BUCKET = "nrc-deploy-test"
S3_REGION = "us-east-1"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "deploy-test-key", "AWS_SECRET_ACCESS_KEY": "deploy-test-secret"}
START_TIMEOUT = 30
# One per run, shared by all app servers: a session made by one must hold on the others.
SECRET_KEY = secrets.token_urlsafe(64)
# Inherited variables that would point a server at something other than these fixtures.
FOREIGN_ENV = re.compile(
    r"^(AWS_|DJANGO_|DATABASE_URL$|REDIS_URL$|EMAIL_|SENTRY_|MEDIA_ROOT$|PRIVATE_MEDIA_ROOT$"
    r"|WEB_CONCURRENCY$|GUNICORN_|FORWARDED_ALLOW_IPS$|PORT$|.*_proxy$|.*_PROXY$)"
)
STATIC_DURATION = pytest.StashKey[str]()
SERVERS = pytest.StashKey[list]()
LOG_MARKS = pytest.StashKey[dict]()


# --- PostgreSQL and Redis, or a clear skip -------------------------------------------


def requirements_missing():
    """Why these tests cannot run here (a sentence), or None."""
    if connection.vendor != "postgresql":
        return (
            f"deploy tests need PostgreSQL (the test database is {connection.vendor}; two "
            "processes cannot share it): set DATABASE_URL=postgres://…"
        )
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return f"deploy tests need Redis at {REDIS_URL} ({exc})"
    return None


def skip_or_fail(missing):
    """Skip the test because of `missing` (a sentence, or None: nothing is), or fail it
    under CI=true or REQUIRE_BROWSER=1, so that CI can never skip it silently."""
    if missing is None:
        return
    if os.environ.get("CI", "").lower() == "true" or os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"CI=true or REQUIRE_BROWSER=1 but {missing}", pytrace=False)
    pytest.skip(missing)


def pytest_runtest_setup(item):
    """Before any fixture runs: skip without PostgreSQL or Redis, or fail in CI; fail
    under pytest-xdist with more than one worker, where two workers' servers would share
    one Redis database and clear it under each other (`make test` runs these apart)."""
    if os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") != "1":
        pytest.fail("tests/deploy must run in one process: pytest tests/deploy", pytrace=False)
    skip_or_fail(requirements_missing())


# --- Processes ----------------------------------------------------------------------


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port():
    """A loopback port where a connection is refused at once (the mail server "down")."""
    return free_port()


def child_env(**variables):
    """The environment of a child process: this one's, without anything that would point
    it elsewhere (AWS_*, DJANGO_*, proxies…), plus `variables`."""
    env = {key: value for key, value in os.environ.items() if not FOREIGN_ENV.match(key)}
    env.update({key: str(value) for key, value in variables.items()})
    return env


def production_env(**variables):
    """What every production process here needs: settings, a random secret, the hosts."""
    return child_env(
        DJANGO_SETTINGS_MODULE="site_core.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=STATIC_ROOT,
        **variables,
    )


class AppServer:
    """One gunicorn (1 worker, 2 threads) on 127.0.0.1:`port`; its stdout and stderr
    (access log, JSON request log, tracebacks) go to `log_path`."""

    def __init__(self, name, env, log_dir):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.origin = f"https://127.0.0.1:{self.port}"
        self.log_path = Path(log_dir) / f"app-server-{name}.log"
        self._log = self.log_path.open("wb")
        command = [
            str(GUNICORN), "site_core.wsgi", "--config", "gunicorn.conf.py",
            "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", "2",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, ended as a whole in stop()
        )

    def __repr__(self):
        return f"app server {self.name} ({self.url})"

    def log(self, start=0, lines=80):
        """The last `lines` lines the server wrote since byte `start` of its log."""
        with self.log_path.open("rb") as log:
            log.seek(start)
            text = log.read().decode("utf-8", "replace")
        return "\n".join(text.splitlines()[-lines:])

    def log_size(self):
        return self.log_path.stat().st_size

    def wait_until_healthy(self, deadline):
        """Poll /healthz/ until 200; fail the test with the server's log after the deadline
        or as soon as the process exits."""
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"{self} exited with status {self.process.returncode} while starting:\n"
                    f"{self.log()}",
                    pytrace=False,
                )
            try:
                response = requests.get(
                    f"{self.url}/healthz/",
                    headers={"X-Forwarded-Proto": "https"},
                    timeout=5,
                    allow_redirects=False,
                )
                if response.status_code == 200:
                    return
                last = f"{response.status_code} {response.text.strip()!r}"
            except (requests.ConnectionError, requests.Timeout) as exc:
                last = type(exc).__name__  # still starting (a loaded machine can take a while)
            time.sleep(0.2)
        pytest.fail(
            f"{self}: /healthz/ not 200 within {START_TIMEOUT} s (last: {last}):\n{self.log()}",
            pytrace=False,
        )

    def terminate(self):
        """Ask the server to end (gracefully); `stop` waits for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def stop(self):
        """End the server (gracefully, then by force) and close its log."""
        if self.process.poll() is None:
            self.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log.close()


@contextmanager
def app_servers(request, names, env, log_dir):
    """Start one app server per name, all at once, once the static files are collected
    (fixture `static_manifest`); yield {name: AppServer} once each answers /healthz/ with
    200. Every one is stopped on the way out, whatever happened."""
    request.getfixturevalue("static_manifest").ready()
    servers = {}
    registry = request.session.stash.setdefault(SERVERS, [])
    try:
        for name in names:
            servers[name] = AppServer(name, env, log_dir)
            registry.append(servers[name])
        deadline = time.monotonic() + START_TIMEOUT
        for server in servers.values():
            server.wait_until_healthy(deadline)
        yield servers
    finally:
        for server in servers.values():  # all at once: each takes a moment to end
            server.terminate()
        for server in servers.values():
            server.stop()
            registry.remove(server)


# --- Shared state: static files, database, cache, S3 --------------------------------


def static_root():
    """Where the deploy tests collect static files: a folder named by a fingerprint of
    what collectstatic reads (the lock file, which pins Wagtail's own static files, the
    settings and every file under static/), kept between runs in the system's temporary
    folder like the test database templates (tests.template_databases): a clone of an
    unchanged commit does not collect again."""
    sources = {"requirements.lock": BASE_DIR / "requirements.lock"}
    sources |= {
        path.relative_to(BASE_DIR).as_posix(): path
        for folder in ("static", "site_core/settings")
        for path in (BASE_DIR / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    fingerprint = template_databases.fingerprint(sources)
    return Path(tempfile.gettempdir()) / "norwegian-rooms-static" / fingerprint


STATIC_ROOT = static_root()


class CollectStatic:
    """`collectstatic` with the production settings, started in the background so that it
    runs while the test database is cloned or migrated and the demo loaded; `ready()`
    waits for it before a server needs the files."""

    def __init__(self, config):
        self.config = config
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=BASE_DIR,
            env=production_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output = None

    def ready(self):
        """Wait for collectstatic (at most 300 s); fail the test with its output if it failed."""
        if self.output is None:
            self.output, _ = self.process.communicate(timeout=300)
            duration = time.monotonic() - self.started
            self.config.stash[STATIC_DURATION] = f"ran in {duration:.1f} s, beside the set-up"
        if self.process.returncode != 0:
            pytest.fail(f"collectstatic failed:\n{self.output}", pytrace=False)


class StaticUpToDate:
    """STATIC_ROOT holds the collected files already."""

    def ready(self):
        pass


@pytest.fixture(scope="session")
def static_manifest(request):
    """Collected static files with whitenoise's manifest, which production templates need,
    as a CollectStatic (or StaticUpToDate) whose `ready()` app_servers waits for: run only
    when STATIC_ROOT (`static_root`) has no manifest yet. Its duration shows in the
    summary."""
    if (STATIC_ROOT / "staticfiles.json").exists():
        request.config.stash[STATIC_DURATION] = f"skipped ({STATIC_ROOT} is up to date)"
        return StaticUpToDate()
    return CollectStatic(request.config)


def pytest_terminal_summary(terminalreporter, config):
    """Say whether collectstatic ran, and how long it took."""
    duration = config.stash.get(STATIC_DURATION, None)
    if duration:
        terminalreporter.write_line(f"deploy tests: collectstatic {duration}")


@pytest.fixture(scope="module")
def committed_demo(request, django_db_blocker):
    """The demo content committed to the test database; returns its DATABASE_URL.

    The demo users' passwords are hashed again with production's hashers: the test
    settings' MD5 hasher, which the demo is loaded with, is one production does not
    accept. Read-only browser journeys that run later load their own copy (SHARED_DEMO
    is cleared).
    """
    leave_database_phase(request, django_db_blocker)
    with django_db_blocker.unblock():
        try:
            reload_demo(request.session.stash)
            request.session.stash[SHARED_DEMO] = False
            with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
                hash_demo_passwords_for_production()
            return database_url(connection.settings_dict)
        finally:
            connections.close_all()


def hash_demo_passwords_for_production():
    """Hash each demo user's password again with the active hashers (one update)."""
    users = get_user_model().objects.in_bulk(
        [spec.username for spec in DEMO_USERS], field_name="username"
    )
    for spec in DEMO_USERS:
        users[spec.username].set_password(spec.password)
    get_user_model().objects.bulk_update(users.values(), ["password"])


@contextmanager
def orm(django_db_blocker):
    """The test process's ORM on the servers' database, its connection closed after."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            connections.close_all()


@pytest.fixture
def use_orm(django_db_blocker):
    """`with use_orm(): …` reads what the servers stored."""
    return lambda: orm(django_db_blocker)


def flush_cache():
    """Empty the servers' Redis database (cache, rate-limit counts)."""
    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture
def clean_slate(committed_demo, django_db_blocker):
    """An empty cache (rate-limit counts) and no recorded failed logins around the test."""
    with orm(django_db_blocker):
        axes_reset()
    flush_cache()
    yield
    with orm(django_db_blocker):
        axes_reset()
    flush_cache()


class S3Endpoint:
    """moto's S3 on 127.0.0.1:`port` in a thread, holding `bucket`; `client` is boto3's.

    `stop()` closes the port (connections are refused, as when the store is down);
    `start()` opens it again on the same port, with the same objects.
    """

    def __init__(self):
        self.port = None
        self.server = None
        self.start()
        self.url = f"http://127.0.0.1:{self.port}"
        self.bucket = BUCKET
        self.client = boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=S3_REGION,
            aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
        )

    def start(self):
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port or 0, verbose=False)
        self.server.start()
        self.port = self.server.get_host_and_port()[1]

    def stop(self):
        if self.server is None:
            return
        self.server.stop()
        # moto's stop() leaves the listening socket open (connections would hang, not fail).
        self.server._server.server_close()
        self.server = None

    def env(self):
        """The app servers' variables for this bucket."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": S3_REGION,
            **S3_KEYS,
        }

    def keys(self, prefix=""):
        """The keys of the bucket's objects under `prefix`."""
        listing = self.client.list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return [item["Key"] for item in listing.get("Contents", [])]


@pytest.fixture(scope="module")
def s3():
    """An S3-compatible endpoint (moto) on loopback with an empty bucket; stopped after."""
    endpoint = S3Endpoint()
    try:
        endpoint.client.create_bucket(Bucket=endpoint.bucket)
        yield endpoint
    finally:
        endpoint.stop()


def server_env(database, **variables):
    """Production variables for an app server on the test database, Redis db and a closed
    mail port."""
    return production_env(
        DATABASE_URL=database,
        REDIS_URL=REDIS_URL,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        EMAIL_USE_TLS="false",
        **variables,
    )


@pytest.fixture(scope="module")
def s3_servers(request, static_manifest, committed_demo, s3, tmp_path_factory):
    """Two production app servers, "A" and "B", sharing the database, Redis and one S3
    bucket, like two instances behind a load balancer: {"A": AppServer, "B": AppServer}."""
    flush_cache()
    env = server_env(committed_demo, **s3.env())
    with app_servers(request, ["A", "B"], env, tmp_path_factory.mktemp("s3-servers")) as servers:
        yield servers
    flush_cache()


@pytest.fixture(scope="module")
def local_server(request, static_manifest, committed_demo, tmp_path_factory):
    """One production app server with uploads in local folders: those of the test
    settings, where the demo loader wrote its images and documents."""
    from site_core.settings import test as test_settings

    flush_cache()
    env = server_env(
        committed_demo,
        MEDIA_ROOT=test_settings.MEDIA_ROOT,
        PRIVATE_MEDIA_ROOT=test_settings.PRIVATE_MEDIA_ROOT,
    )
    log_dir = tmp_path_factory.mktemp("local-server")
    with app_servers(request, ["local"], env, log_dir) as servers:
        yield servers["local"]
    flush_cache()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, show what each running app server logged during the test."""
    if call.when == "setup":
        item.stash[LOG_MARKS] = {
            server: server.log_size() for server in item.session.stash.get(SERVERS, [])
        }
    report = yield
    if report.failed and call.when == "call":
        for server in item.session.stash.get(SERVERS, []):
            start = item.stash.get(LOG_MARKS, {}).get(server, 0)
            report.sections.append((f"{server} log during the test", server.log(start)))
    return report


# --- The visitor ------------------------------------------------------------------------

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    """One browser talking to the app servers through a load balancer, one request at a time.

    Keeps its cookies itself (the session and CSRF cookies are `Secure`, which an HTTP
    library would not send back over plain http) and shares them across servers; sends
    `X-Forwarded-Proto: https` (the proxy terminated TLS) on every request and `Origin`
    of the server it posts to; never follows redirects. `server` is an AppServer.
    """

    def __init__(self):
        self.cookies = {}
        self.http = requests.Session()
        self.http.trust_env = False  # loopback only, never through a proxy

    def request(self, method, server, path, *, headers=None, **kwargs):
        headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        if method == "POST":
            headers.setdefault("Origin", server.origin)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.http.request(
            method, server.url + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        self.keep_cookies(response)
        return response

    def keep_cookies(self, response):
        for header in response.raw.headers.getlist("Set-Cookie"):
            jar = SimpleCookie()
            try:
                jar.load(header)
            except CookieError:
                continue
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def get(self, server, path, **kwargs):
        return self.request("GET", server, path, **kwargs)

    def post(self, server, path, data, **kwargs):
        return self.request("POST", server, path, data=data, **kwargs)

    def csrf_token(self, server, path):
        """The CSRF token of the form on `path` (fetching it also sets the CSRF cookie)."""
        response = self.get(server, path)
        assert response.status_code == 200, f"GET {path} on {server}: {response.status_code}"
        match = CSRF_INPUT.search(response.text)
        assert match, f"no CSRF token in the form on {path}"
        return match.group(1)

    def submit(self, server, path, data, files=None):
        """Fill in and post the form on `path`, as a browser would (token from the page)."""
        token = self.csrf_token(server, path)
        return self.post(server, path, {**data, "csrfmiddlewaretoken": token}, files=files)


MEMBER_LOGIN = "/nb/logg-inn/"
DEMO_PASSWORDS = {user.username: user.password for user in DEMO_USERS}


def log_in_member(visitor, server, email, password):
    """Post the member login form on `server`; returns the response (302 on success)."""
    return visitor.submit(server, MEMBER_LOGIN, {"username": email, "password": password})


def log_in_admin(visitor, server, username="admin"):
    """Log in to Wagtail's admin on `server` as a demo user; fails the test unless it worked."""
    credentials = {"username": username, "password": DEMO_PASSWORDS[username]}
    response = visitor.submit(server, "/admin/login/", credentials)
    assert response.status_code == 302, f"admin login on {server}: {response.status_code}"
    return response
