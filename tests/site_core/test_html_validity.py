"""The W3C Nu HTML checker (npm `vnu-jar`, pinned in package.json, run with Java) finds no
error on any page of the demo: every page of the sitemap, the search, login and not-found
pages in both languages, and every intranet page as the project members see it
(tests.site_core.crawl).

All pages go to one checker run (one Java start, about 3 s). Without Java or the jar the
test skips, and under REQUIRE_BROWSER=1 (CI) it fails instead, like the other tests that
need tools from outside Python.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.site_core.crawl import GROUP, crawl

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


def checker_command():
    """The command line that starts the Nu checker; skips (fails in CI) without it."""
    java = shutil.which("java")
    missing = [] if java else ["java (apt-get install default-jre-headless)"]
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} (run `make test` or `npm ci`)")
    if missing:
        reason = "The Nu HTML checker needs " + " and ".join(missing)
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return [java, "-Xss8m", "-jar", str(VNU_JAR)]


def nu_errors(named_documents, directory):
    """{name: [message]} of the checker's errors in `named_documents` ({name: html bytes}),
    written as files into `directory`. Warnings and notes are not errors; a file the
    checker cannot read is."""
    files = {}
    for number, (name, html) in enumerate(named_documents.items()):
        path = directory / f"{number}.html"
        path.write_bytes(html)
        files[path.name] = name
    result = subprocess.run(
        [
            *checker_command(),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, directory.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = {}
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] in ("error", "non-document-error"):
            name = files[Path(message["url"]).name]
            extract = message.get("extract", "")
            line = f"line {message.get('lastLine')}: {message['message']} {extract!r}"
            errors.setdefault(name, []).append(line)
    return errors


def test_the_checker_finds_an_error_it_is_shown(tmp_path):
    broken = b"<!DOCTYPE html><html lang=en><title>x</title><p><div></p>"
    valid = b"<!DOCTYPE html><html lang=en><title>x</title><p>Fine</p>"
    errors = nu_errors({"broken": broken, "valid": valid}, tmp_path)
    assert list(errors) == ["broken"]


@pytest.mark.xdist_group(GROUP)
def test_every_page_is_valid_html(demo, tmp_path):
    documents = {
        f"{who} {path} ({page.status})": page.html for (who, path), page in crawl().items()
    }
    assert len(documents) > 60
    errors = nu_errors(documents, tmp_path)
    assert not errors, json.dumps(errors, indent=1, ensure_ascii=False)
