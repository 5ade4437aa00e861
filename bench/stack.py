"""The production stack on loopback, for the load and front-cache benchmarks.

`Stack` (a context manager) builds and starts, and always stops and removes:

- a throwaway PostgreSQL database `bench_norwegian_rooms` on 127.0.0.1:5432 (user
  postgres), migrated, with the demo content, and a throwaway Redis database (db 14);
- an SMTP sink on 127.0.0.1 that counts the messages it receives per recipient;
- two app servers: the Procfile's `web` command (gunicorn, `WEB_CONCURRENCY` workers each)
  with the production settings, bound to 127.0.0.1;
- the Procfile's `worker` process, when it has one (queued e-mail, scheduled work);
- Varnish with deploy/varnish/default.vcl in front of both app servers (when
  `varnishd` is installed), purged by the app through `FRONTEND_CACHE_URL`.

Nothing listens on anything but 127.0.0.1. Run from the repository root with the
project's virtualenv; see bench/load.py and bench/front_cache.py.
"""

import asyncore
import os
import secrets
import shlex
import shutil
import signal
import smtpd
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
DATABASE = "bench_norwegian_rooms"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_URL = "redis://127.0.0.1:6379/14"


def backends_vcl(port_a, port_b):
    """deploy/varnish/backends.vcl with its two app servers on `port_a` and `port_b`."""
    shipped = (ROOT / "deploy" / "varnish" / "backends.vcl").read_text()
    return shipped.replace('"8001"', f'"{port_a}"').replace('"8002"', f'"{port_b}"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile():
    """{"web": command, "worker": command, ...} from the Procfile."""
    entries = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if command.strip():
            entries[name.strip()] = command.strip()
    return entries


class SmtpSink(smtpd.SMTPServer):
    """Accepts every message on 127.0.0.1:`port`: `messages` counts them, `received` counts
    them per recipient."""

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), None)
        self.received = Counter()
        self.messages = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.messages += 1
        self.received.update(rcpttos)


class Stack:
    """See the module docstring. `url` is Varnish's address (an app server's without it)."""

    def __init__(self, web_concurrency=2, varnish=True, log_dir=None):
        self.web_concurrency = web_concurrency
        self.use_varnish = varnish and shutil.which("varnishd") is not None
        self.workdir = Path(log_dir or tempfile.mkdtemp(prefix="bench-stack-"))
        self.processes = []
        self.app_ports = [free_port(), free_port()]
        self.varnish_port = free_port()
        self.smtp_port = free_port()
        front = self.varnish_port if self.use_varnish else self.app_ports[0]
        self.url = f"http://127.0.0.1:{front}"
        self.app_urls = [f"http://127.0.0.1:{port}" for port in self.app_ports]
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("AWS_", "DJANGO_", "EMAIL_", "SENTRY_"))
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="site_core.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{front}",
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            DATABASE_URL=DATABASE_URL,
            REDIS_URL=REDIS_URL,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            EMAIL_USE_TLS="false",
            MEDIA_ROOT=str(self.workdir / "media"),
            PRIVATE_MEDIA_ROOT=str(self.workdir / "private-media"),
            WEB_CONCURRENCY=str(web_concurrency),
            # Varnish is the proxy: the visitor's address is the one it forwards.
            TRUSTED_PROXIES="127.0.0.1",
            PATH=f"{PYTHON.parent}:{os.environ['PATH']}",
        )
        if self.use_varnish:
            self.env["FRONTEND_CACHE_URL"] = f"http://127.0.0.1:{self.varnish_port}"
        self.front_port = front

    # --- set-up -------------------------------------------------------------------

    def manage(self, *args):
        # Before Varnish runs: loading the demo must not try to purge it.
        env = {key: value for key, value in self.env.items() if key != "FRONTEND_CACHE_URL"}
        subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=900
        )

    def create_database(self):
        for folder in ("media", "private-media"):
            (self.workdir / folder).mkdir(parents=True, exist_ok=True)
        psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"], check=True)
        subprocess.run([*psql, f"CREATE DATABASE {DATABASE}"], check=True)
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("seed_demo", "--port", str(self.front_port), "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        # The demo's Site is named by host and port; visitors and purges use 127.0.0.1.
        self.manage(
            "shell",
            "-c",
            "from wagtail.models import Site; Site.objects.update(hostname='127.0.0.1')",
        )

    def drop_database(self):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c",
             f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"],
            check=False,
        )  # fmt: skip

    # --- processes ----------------------------------------------------------------

    def start(self, name, command, **env):
        log = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115 - closed in stop()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((name, process, log))
        return process

    def start_app_servers(self):
        web = shlex.split(procfile()["web"])
        for name, port in zip("ab", self.app_ports, strict=True):
            self.start(f"app-{name}", [*web, "--bind", f"127.0.0.1:{port}"], PORT=str(port))
        for url in self.app_urls:
            wait_for(f"{url}/healthz/")

    def start_worker(self):
        worker = procfile().get("worker")
        if worker:
            self.start("worker", shlex.split(worker))
        return bool(worker)

    def start_varnish(self):
        (self.workdir / "backends.vcl").write_text(backends_vcl(*self.app_ports))
        options = {
            "-j": "none",
            "-a": f"127.0.0.1:{self.varnish_port}",
            "-T": "none",
            "-n": str(self.workdir / "varnish"),
            "-f": str(ROOT / "deploy" / "varnish" / "default.vcl"),
            "-p": f"vcl_path={self.workdir}",
            "-s": "malloc,256m",
        }
        self.start("varnish", ["varnishd", "-F", *[p for o in options.items() for p in o]])
        wait_for(f"{self.url}/robots.txt")

    def start_smtp_sink(self):
        self.smtp = SmtpSink(self.smtp_port)
        thread = threading.Thread(target=asyncore.loop, kwargs={"timeout": 0.2}, daemon=True)
        thread.start()

    def __enter__(self):
        try:
            subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=True, capture_output=True)
            self.create_database()
            self.start_smtp_sink()
            self.start_app_servers()
            self.has_worker = self.start_worker()
            if self.use_varnish:
                self.start_varnish()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        for _name, process, log in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
            log.close()
        if getattr(self, "smtp", None):
            self.smtp.close()
        self.drop_database()
        subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=False, capture_output=True)
        print(f"logs: {self.workdir}")


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s")


class Browser:
    """One visitor behind the TLS-terminating proxy: sends `X-Forwarded-Proto: https`, an
    https `Origin` and, given an `address`, `X-Forwarded-For`; keeps its own cookies (the
    production session and CSRF cookies are `Secure`, which an HTTP library would not send
    back over plain http)."""

    def __init__(self, base, address=None):
        self.base = base
        self.address = address  # the visitor's own address, as the proxy forwards it
        self.origin = base.replace("http://", "https://")
        self.cookies = {}
        self.http = requests.Session()
        self.http.trust_env = False

    def request(self, method, path, **kwargs):
        headers = {"X-Forwarded-Proto": "https", "Origin": self.origin}
        if self.address:
            headers["X-Forwarded-For"] = self.address
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.http.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=30, **kwargs
        )
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data=data)
