"""Lighthouse 12 (npm `lighthouse@12.2.3`, pinned in bench/lighthouse/) on every page type
in both languages, against the production stack on loopback.

    .venv/bin/python bench/lighthouse.py                # every page type, nb and en
    .venv/bin/python bench/lighthouse.py --only NewsPage

Starts the production stack (bench/stack.py: PostgreSQL with the demo, gunicorn with the
production settings, Varnish in front when installed), picks the first live page of each
page type in each language (intranet page types as the demo's project-A member, who is
logged in through the login form; the session cookie goes to Lighthouse as a header), plus
the search and login pages, and runs Lighthouse's default mobile audit (simulated
throttling) in Debian's Chromium for the four categories. Prints one Markdown table row per
page (scores 0–1) and the rows below the targets: 0.95 for performance, best practices and
SEO, 1.0 for accessibility. Pages kept out of search engines on purpose (the intranet, the
login page: `noindex`; the search results: robots.txt) fail the SEO category's "is
crawlable" audit by design: for them the table says "noindex" where the audit confirms it,
and counts it below target where the page is crawlable after all. The JSON reports stay in
the stack's log folder.

Needs npm (installs Lighthouse with `npm ci` on first use) and /usr/bin/chromium (or
CHROME_PATH). Stops everything by itself.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from load import demo_password, log_in

from stack import PYTHON, ROOT, Browser, Stack

HERE = Path(__file__).resolve().parent / "lighthouse"
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 0.95, "seo": 0.95}
MEMBER = "sirkel"
VIEWS = {
    "nb": {"search": "/nb/sok/?q=m%C3%B8bel", "login": "/nb/logg-inn/"},
    "en": {"search": "/en/search/?q=furniture", "login": "/en/login/"},
}
NOINDEX_VIEWS = {"login", "search"}
# Prints [{"type", "language", "url", "intranet"}]: the first live page of each type.
PAGE_TYPES = """
import json
from wagtail.models import Page
from intranet.models.base import IntranetPage
seen, rows = set(), []
for page in Page.objects.live().filter(depth__gt=1).select_related("locale").specific():
    key = (type(page).__name__, page.locale.language_code)
    if key not in seen:
        seen.add(key)
        intranet = isinstance(page, IntranetPage)
        rows.append({"type": key[0], "language": key[1], "url": page.url,
                     "intranet": intranet, "noindex": intranet})
print(json.dumps(rows))
"""


def install():
    if not CLI.is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def page_types(stack):
    """[{"type", "language", "url", "intranet"}] of the stack's demo, one per type and
    language, sorted by type."""
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", PAGE_TYPES],
        cwd=ROOT,
        env=stack.env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = json.loads(output.strip().splitlines()[-1])
    for language, views in VIEWS.items():
        for name, url in views.items():
            rows.append(
                {"type": name, "language": language, "url": url, "intranet": False,
                 "noindex": name in NOINDEX_VIEWS}
            )  # fmt: skip
    return sorted(rows, key=lambda row: (row["type"], row["language"]))


def member_cookie(stack):
    """The Cookie header of a logged-in demo project member."""
    browser = Browser(stack.url)
    if not log_in(browser, f"{MEMBER}@example.no", demo_password(MEMBER)):
        raise RuntimeError(f"the demo member {MEMBER} could not log in")
    return "; ".join(f"{name}={value}" for name, value in browser.cookies.items())


def lighthouse(url, report, headers=None):
    """({category: score 0–1}, crawlable: bool) of one Lighthouse run on `url`; the JSON
    report to `report`."""
    command = [
        "node", str(CLI), url,
        "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    if headers:
        command.append(f"--extra-headers={json.dumps(headers)}")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    # Lighthouse now and then fails to record the trace (NO_NAVSTART): run it again.
    for attempt in range(3):
        if subprocess.run(command, env=env, timeout=300).returncode == 0:
            break
        print(f"Lighthouse failed on {url} (attempt {attempt + 1}), running it again", flush=True)
    else:
        raise RuntimeError(f"Lighthouse failed three times on {url}")
    result = json.loads(Path(report).read_text())
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    return scores, result["audits"]["is-crawlable"]["score"] == 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only this page type (class name, search, login)")
    options = parser.parse_args()
    install()
    rows, below = [], []
    with Stack(web_concurrency=2) as stack:
        cookie = {"Cookie": member_cookie(stack)}
        for page in page_types(stack):
            if options.only and page["type"] != options.only:
                continue
            name = f"{page['type']}-{page['language']}"
            scores, crawlable = lighthouse(
                stack.url + page["url"],
                stack.workdir / f"lighthouse-{name}.json",
                cookie if page["intranet"] else None,
            )
            if page["noindex"]:
                if crawlable:
                    below.append(f"{name} is crawlable")
                else:
                    scores.pop("seo")
            row = " | ".join(f"{scores[c]:.2f}" if c in scores else "noindex" for c in CATEGORIES)
            rows.append(f"| {page['type']} | {page['language']} | {page['url']} | {row} |")
            print(rows[-1], flush=True)
            below += [f"{name} {c} {scores[c]}" for c in scores if scores[c] < TARGETS[c]]
    print("\n| page type | language | URL | " + " | ".join(CATEGORIES) + " |")
    print("|---|---|---|" + "---|" * len(CATEGORIES))
    print("\n".join(rows))
    print("\nbelow target:", ", ".join(below) if below else "none")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
