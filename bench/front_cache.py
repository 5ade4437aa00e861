"""Anonymous pages from the front cache against the same pages uncached, side by side.

    .venv/bin/python bench/front_cache.py               # 20 s per page and path
    .venv/bin/python bench/front_cache.py --seconds 30

Starts the production stack on loopback (bench/stack.py: PostgreSQL, Redis, two
gunicorn app servers with 2 workers each, Varnish with deploy/varnish/default.vcl),
then for each page runs wrk (2 threads, 8 connections) once straight at one app server
(every request rendered by Django) and once through Varnish (after one warming
request), interleaved, and prints requests per second and the ratio. Needs `wrk` and
`varnishd` (Debian packages wrk and varnish); stops everything by itself.
"""

import argparse
import re
import shutil
import subprocess
import sys

import requests

from stack import Stack

PAGES = ["/nb/", "/en/", "/nb/nyheter/", "/en/events/"]
WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def wrk(url, seconds, connections=8):
    """(requests per second, non-2xx/3xx responses) of one wrk run against `url`."""
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = WRK_ERRORS.search(result.stdout)
    return float(WRK_RATE.search(result.stdout).group(1)), int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    for tool in ("wrk", "varnishd"):
        if shutil.which(tool) is None:
            sys.exit(
                f"{tool} not found: apt-get install {'varnish' if tool == 'varnishd' else tool}"
            )
    with Stack() as stack:
        print(f"{'page':<22}{'uncached req/s':>16}{'cached req/s':>14}{'ratio':>8}{'errors':>8}")
        for page in PAGES:
            cached_url = stack.url + page
            requests.get(cached_url, timeout=10)  # the first visitor fills the cache
            hit = requests.get(cached_url, timeout=10).headers.get("X-Cache")
            uncached, errors_a = wrk(stack.app_urls[0] + page, args.seconds)
            cached, errors_b = wrk(cached_url, args.seconds)
            print(
                f"{page:<22}{uncached:>16.1f}{cached:>14.1f}{cached / uncached:>7.1f}×"
                f"{errors_a + errors_b:>8}  (second request: X-Cache {hit})"
            )


if __name__ == "__main__":
    main()
