"""The web font (Inter, self-hosted): the committed file is the one in the npm package
pinned in package.json and package-lock.json, the stylesheet declares it as the brief asks
(swap, a Latin range with æ ø å), every page preloads it, and the Content-Security-Policy
lets it load."""

import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.templatetags.static import static

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "@fontsource-variable/inter"
FONT = "inter-latin-wght-normal.woff2"
COMMITTED = ROOT / "static" / "fonts"
CSS = ROOT / "static" / "css" / "site.css"


def pinned_version():
    """The exact version of the font package in package.json, checked against the lock."""
    wanted = json.loads((ROOT / "package.json").read_text())["devDependencies"][PACKAGE]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), f"{PACKAGE} must be pinned exactly: {wanted}"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"][f"node_modules/{PACKAGE}"]["version"] == wanted
    return wanted


def installed_package():
    """The package's directory in node_modules (npm ci); skipped, or failed under
    REQUIRE_BROWSER=1 as in CI, when npm has not installed it."""
    directory = ROOT / "node_modules" / PACKAGE
    if not (directory / "package.json").is_file():
        reason = f"{PACKAGE} is not installed: run `make test` or `npm ci`"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return directory


def test_the_committed_font_is_the_pinned_packages():
    version = pinned_version()
    package = installed_package()
    assert json.loads((package / "package.json").read_text())["version"] == version
    assert (COMMITTED / FONT).read_bytes() == (package / "files" / FONT).read_bytes()
    assert (COMMITTED / "inter-OFL.txt").read_bytes() == (package / "LICENSE").read_bytes()


def test_only_the_latin_subset_is_committed():
    assert sorted(path.name for path in COMMITTED.iterdir()) == ["inter-OFL.txt", FONT]


def font_face():
    match = re.search(r"@font-face\s*{([^}]*)}", CSS.read_text())
    assert match, "site.css declares no @font-face"
    return match.group(1)


def test_the_stylesheet_declares_the_font_to_swap_for_latin_text_with_norwegian_letters():
    declaration = font_face()
    assert '"Inter Variable"' in declaration
    assert f'url("../fonts/{FONT}") format("woff2")' in declaration
    assert re.search(r"font-display:\s*swap", declaration)
    ranges = re.search(r"unicode-range:([^;]+);", declaration).group(1)
    covered = []
    for part in ranges.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        covered.append((int(low, 16), int(high or low, 16)))
    for letter in "æøåÆØÅ®":
        assert any(low <= ord(letter) <= high for low, high in covered), letter
    assert re.search(r"--font-sans:\s*\"Inter Variable\"", CSS.read_text())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_page_preloads_the_font_and_the_policy_allows_it(client, public_site, language):
    response = client.get(getattr(public_site.pages["news"], language).url)
    preload = (
        f'<link rel="preload" href="{static("fonts/" + FONT)}" as="font" '
        'type="font/woff2" crossorigin>'
    )
    assert preload in response.content.decode()
    assert "font-src 'self'" in response["Content-Security-Policy"]
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["font-src"] == ["'self'"]
