"""Render every live public page (and a few fixed URLs) and report speed, queries and weight.

Run by hand against a database with the demo content loaded (`make run` or `make demo`);
intranet pages are rendered for a demo member (project A by default, `--member`):

    .venv/bin/python bench/pages.py            # 20 requests per URL
    .venv/bin/python bench/pages.py --runs 50

Figures: median and 95th-percentile render time through Django's full stack (test
client, no network), SQL queries per request, gzip-compressed HTML size, and the
process's peak memory. The last block adds up a first visit to the home page:
HTML + every stylesheet and script it links, compressed. Budgets (docs/architecture.md):
≤ 20 queries per public page, < 100 KB compressed for the first visit.
"""

import argparse
import gzip
import logging
import os
import re
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_core.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

EXTRA_URLS = ["/nb/sok/?q=klyngen", "/en/search/?q=cluster", "/sitemap.xml"]


def measure(client, url, runs):
    timings, queries, size = [], 0, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, HTTP_HOST="localhost")
            timings.append((time.perf_counter() - start) * 1000)
        queries, size = len(captured), len(gzip.compress(response.content))
        status = response.status_code
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return status, statistics.median(timings), p95, queries, size


def first_visit_weight(client, url):
    html = client.get(url, HTTP_HOST="localhost").content
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    total = len(gzip.compress(html))
    for asset in assets:
        response = client.get(asset.decode(), HTTP_HOST="localhost")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body))
    return total, [a.decode() for a in assets]


def report(client, urls, runs):
    for url in urls:
        status, median, p95, queries, size = measure(client, url, runs)
        print(f"{url:<55} {status:>3} {median:>9.1f} {p95:>7.1f} {queries:>4} {size / 1024:>6.1f}")


def main():
    logging.getLogger("django.request").setLevel(logging.ERROR)  # expected 403s are not news
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--member", default="sirkel", help="demo user for the intranet pages")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    pages = Page.objects.live().filter(depth__gte=2).order_by("path")
    print(f"{'URL':<55} {'st':>3} {'median ms':>9} {'p95 ms':>7} {'SQL':>4} {'gz KB':>6}")
    report(client, [p.url for p in pages.public()] + EXTRA_URLS, args.runs)

    print(f"\nIntranet, logged in as {args.member} (budget: 30 queries)")
    client.force_login(get_user_model().objects.get(username=args.member))
    private = pages.exclude(pk__in=pages.public().values("pk"))
    report(client, [p.url for p in private], args.runs)
    client.logout()
    total, assets = first_visit_weight(client, "/nb/")
    print(f"\nFirst visit to /nb/ (HTML + {len(assets)} CSS/JS files, gzip): {total / 1024:.1f} KB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
