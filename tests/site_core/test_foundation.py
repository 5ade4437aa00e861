"""The foundation: both home pages, language routing, demo loader idempotency."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_home_page_renders_in_its_language(client, bilingual, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == language
    home = HomePage.objects.get(locale__language_code=language)
    assert home.hero_heading in response.content.decode()


def test_home_pages_are_translations_of_each_other(bilingual):
    nb = HomePage.objects.get(locale__language_code="nb")
    en = HomePage.objects.get(locale__language_code="en")
    assert nb.translation_key == en.translation_key
    assert nb.live and en.live
    assert en.hero_heading != nb.hero_heading  # really translated, not copied
    assert nb.get_translation(Locale.objects.get(language_code="en")).pk == en.pk


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("en", "/en/"),
        ("nb-NO", "/nb/"),
        ("no", "/nb/"),
        ("nn", "/nb/"),
        ("nn-NO,en;q=0.5", "/nb/"),
        ("de-DE,fr;q=0.8", "/nb/"),
        (None, "/nb/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_language_cookie_wins_over_accept_language(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", headers={"Accept-Language": "nb-NO"})
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("path", ["/de/", "/xx/", "/de/om-oss/", "/pt-br/"])
def test_unknown_language_prefix_is_a_norwegian_404(client, bilingual, path):
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404
    body = response.content.decode()
    assert html_lang(response) == "nb"
    assert "Fant ikke siden" in body


def test_seed_demo_is_idempotent(demo, django_capture_on_commit_callbacks):
    counts = (Page.objects.count(), get_user_model().objects.count(), Locale.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    assert (
        Page.objects.count(),
        get_user_model().objects.count(),
        Locale.objects.count(),
    ) == counts
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"nb", "en"}
