"""Uncached page speed side by side with Wagtail's bakerydemo, page type against page type.

    .venv/bin/python bench/bakerydemo.py --bakerydemo /path/to/bakerydemo \\
        --bakerydemo-python /path/to/bakerydemo-venv/bin/python [--seconds 10] [--rounds 3]

Fetches nothing. Give it a bakerydemo checkout whose own virtualenv has its requirements
and gunicorn installed (bakerydemo's main branch needs Python 3.12 or newer); without
one it says so and stops. Both sites run the same way: SQLite, their production
settings, gunicorn with 2 sync workers (1 thread each) on 127.0.0.1, every request
rendered (no front cache); each side's database is a fresh copy made here (`seed_demo`,
bakerydemo's `load_initial_data`). For each pair of nearest page types, wrk (2 threads,
8 connections) runs `--seconds` against one then the other, interleaved, `--rounds`
times; the table gives the median requests per second and our ratio (target ≥ 1.5×).

With --redis both sides get the Redis cache at 127.0.0.1:6379 that their production
settings take from REDIS_URL (ours: database 10, with page fragments kept there,
site_core.fragment_cache; bakerydemo: databases 0 and 1, its cache and renditions), as each
runs in production with more than one process; without it both use their fallback.
--redis ours gives it to ours only (bakerydemo measured faster with its database cache).
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from stack import PYTHON, ROOT, free_port, wait_for

# (our page type, our path, bakerydemo's nearest page type, its path)
PAIRS = [
    ("home (nb)", "/nb/", "home", "/"),
    ("home (en)", "/en/", "home", "/"),
    ("news article", "/nb/nyheter/ny-fou-satsing/", "blog post", "/blog/wild-yeast/"),
    ("news listing", "/nb/nyheter/", "breads listing", "/breads/"),
    ("event listing", "/nb/arrangementer/", "locations listing", "/locations/"),
    ("event", "/nb/arrangementer/medlemsmote/", "location", "/locations/reykjavik/"),
    ("standard page", "/nb/om-klyngen/", "standard page", "/about/"),
    ("membership form", "/nb/bli-medlem/", "contact form", "/contact-us/"),
]
WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
GUNICORN_OPTIONS = ["--workers", "2", "--threads", "1", "--worker-class", "sync"]


def run(command, cwd, env):
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True, timeout=900)


def start(command, cwd, env, log):
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


REDIS = {"ours": "redis://127.0.0.1:6379/10", "bakery": "redis://127.0.0.1:6379"}


def ours(workdir, port, redis=False):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))},
        "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{workdir / 'ours.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
        **({"REDIS_URL": REDIS["ours"]} if redis else {}),
    }
    for folder in ("media", "private-media"):
        (workdir / folder).mkdir()
    manage = [str(PYTHON), "manage.py"]
    run([*manage, "migrate", "--noinput"], ROOT, env)
    run([*manage, "seed_demo", "--port", str(port)], ROOT, env)
    run([*manage, "collectstatic", "--noinput"], ROOT, env)
    gunicorn = [str(PYTHON.with_name("gunicorn")), "site_core.wsgi", "-c", "gunicorn.conf.py"]
    return [*gunicorn, *GUNICORN_OPTIONS, "--bind", f"127.0.0.1:{port}"], ROOT, env


def bakery(checkout, python, workdir, port, redis=False):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))},
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_NAME": str(workdir / "bakery.sqlite3"),
        "MEDIA_ROOT": str(workdir / "bakery-media"),
        **({"REDIS_URL": REDIS["bakery"]} if redis else {}),
    }
    run([python, "manage.py", "migrate", "--noinput"], checkout, env)
    run([python, "manage.py", "load_initial_data"], checkout, env)
    run([python, "manage.py", "collectstatic", "--noinput"], checkout, env)
    gunicorn = [str(Path(python).with_name("gunicorn")), "bakerydemo.wsgi:application"]
    return [*gunicorn, *GUNICORN_OPTIONS, "--bind", f"127.0.0.1:{port}"], checkout, env


def rate(url, seconds):
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    )
    return float(WRK_RATE.search(result.stdout).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", help="path to a bakerydemo checkout")
    parser.add_argument("--bakerydemo-python", help="its virtualenv's python")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--redis", nargs="?", const="both", choices=["both", "ours"], help="see above"
    )
    args = parser.parse_args()
    if not (args.bakerydemo and args.bakerydemo_python):
        sys.exit("skipped: give --bakerydemo PATH and --bakerydemo-python PATH (see --help)")
    if shutil.which("wrk") is None:
        sys.exit("wrk not found: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="bench-bakerydemo-"))
    ports = {"ours": free_port(), "bakery": free_port()}
    processes = []
    try:
        for name, (command, cwd, env) in {
            "ours": ours(workdir, ports["ours"], args.redis is not None),
            "bakery": bakery(
                args.bakerydemo,
                args.bakerydemo_python,
                workdir,
                ports["bakery"],
                args.redis == "both",
            ),
        }.items():
            log = open(workdir / f"{name}.log", "w")  # noqa: SIM115 - lives as long as the server
            processes.append(start(command, cwd, env, log))
            wait_for(f"http://127.0.0.1:{ports[name]}/robots.txt" if name == "ours" else
                     f"http://127.0.0.1:{ports[name]}/")  # fmt: skip
        results = {pair: {"ours": [], "bakery": []} for pair in PAIRS}
        for _round in range(args.rounds):
            for pair in PAIRS:
                _ours_name, our_path, _their_name, their_path = pair
                results[pair]["ours"].append(
                    rate(f"http://127.0.0.1:{ports['ours']}{our_path}", args.seconds)
                )
                results[pair]["bakery"].append(
                    rate(f"http://127.0.0.1:{ports['bakery']}{their_path}", args.seconds)
                )
        print(f"{'our page':<18}{'req/s':>8}   {'bakerydemo page':<20}{'req/s':>8}{'ratio':>8}")
        for pair, rates in results.items():
            our_rate, their_rate = (statistics.median(rates[side]) for side in ("ours", "bakery"))
            print(
                f"{pair[0]:<18}{our_rate:>8.1f}   {pair[2]:<20}{their_rate:>8.1f}"
                f"{our_rate / their_rate if their_rate else float('nan'):>7.2f}×"
            )
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)  # gunicorn: quick shutdown
                process.wait(timeout=15)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
