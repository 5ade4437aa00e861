"""The first visit to the home page stays under 100 KB compressed without images
(docs/architecture.md's budget, issue 15): the HTML, every stylesheet and script it links
and the font it preloads, each gzip-compressed as the server sends them (the woff2 font is
compressed already; gzip changes it little)."""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024  # bytes


def linked_files(html):
    """Paths under STATIC_URL of the stylesheets, scripts and preloads `html` links."""
    prefix = re.escape(settings.STATIC_URL)
    pattern = rf'<(?:link|script)[^>]*(?:href|src)="{prefix}([^"]+\.(?:css|js|woff2))"'
    return re.findall(pattern, html)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_first_visit_to_the_home_page_weighs_under_100_kb_compressed(
    client, public_site, language
):
    html = client.get(getattr(public_site.pages["home"], language).url).content
    files = linked_files(html.decode())
    assert {"css/site.css", "js/site.js", "fonts/inter-latin-wght-normal.woff2"} <= set(files)
    total = len(gzip.compress(html))
    for path in files:
        found = finders.find(path)
        assert found, path
        with open(found, "rb") as file:
            total += len(gzip.compress(file.read()))
    assert total < BUDGET, f"{total / 1024:.1f} KB"
