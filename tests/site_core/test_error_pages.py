"""Error pages speak the visitor's language and give nothing away, in development too."""

import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"), [("nb", "Noe gikk galt"), ("en", "Something went wrong")]
)
def test_server_error_page_is_in_the_visitors_language(client, settings, language, heading):
    settings.ROOT_URLCONF = "tests.site_core.error_urls"
    client.raise_request_exception = False
    response = client.get(f"/{language}/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert heading in body
    assert "caught fire" not in body and "Traceback" not in body


@pytest.mark.parametrize(
    ("language", "heading"), [("nb", "Fant ikke siden"), ("en", "Page not found")]
)
def test_not_found_page_is_in_the_visitors_language(client, shared_bilingual, language, heading):
    response = client.get(f"/{language}/finnes-ikke/")
    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.content.decode()
    assert heading in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title", "description"),
    [
        ("nb", "Noe gikk galt – Norwegian Rooms®", "Det oppstod en feil hos oss."),
        ("en", "Something went wrong – Norwegian Rooms®", "An error occurred on our side."),
    ],
)
def test_server_error_page_has_a_title_and_description_in_the_visitors_language(
    client, settings, language, title, description
):
    settings.ROOT_URLCONF = "tests.site_core.error_urls"
    client.raise_request_exception = False
    body = client.get(f"/{language}/broken/").content.decode()
    assert f"<title>{title}</title>" in body
    assert re.search(rf'<meta name="description" content="{re.escape(description)}[^"]+">', body)


# What only Django's technical pages say (django/views/templates/technical_404.html, 500).
TECHNICAL = ("DEBUG = True", "Traceback", "URLconf")


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/nb/finnes-ikke/", "Fant ikke siden"),  # Wagtail's serve view raises Http404
        ("/en/does-not-exist/", "Page not found"),
        ("/de/", "Fant ikke siden"),  # no URL pattern matches
        ("/nb/intranett/finnes-ikke/", "Fant ikke siden"),
    ],
)
def test_development_shows_the_designed_404_page(client, shared_bilingual, settings, path, heading):
    settings.DEBUG = True  # as site_core/settings/dev.py, which `make run` uses
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body and 'class="site-header"' in body
    assert not [text for text in TECHNICAL if text in body]


def test_development_shows_the_designed_500_page_and_logs_the_traceback(client, settings, caplog):
    settings.DEBUG = True
    settings.ROOT_URLCONF = "tests.site_core.error_urls"
    client.raise_request_exception = False
    response = client.get("/en/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "<h1>Something went wrong</h1>" in body
    assert not [text for text in TECHNICAL if text in body] and "caught fire" not in body
    logged = [record for record in caplog.records if record.name == "django.request"]
    assert logged and "caught fire" in str(logged[0].exc_info[1])


def test_a_developer_may_ask_for_djangos_debug_pages(client, shared_bilingual, settings):
    settings.DEBUG = True
    settings.DEBUG_ERROR_PAGES = True
    body = client.get("/en/does-not-exist/").content.decode()
    assert "DEBUG = True" in body


@pytest.mark.parametrize(
    ("environment", "debug_pages"), [({}, False), ({"DEBUG_ERROR_PAGES": "1"}, True)]
)
def test_the_development_settings_show_the_designed_pages_unless_asked(environment, debug_pages):
    script = (
        "from site_core.settings import dev; "
        "print(dev.DEBUG, dev.DEBUG_ERROR_PAGES, dev.MIDDLEWARE[-1])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DEBUG_ERROR_PAGES"} | environment
    output = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert output == [
        "True",
        str(debug_pages),
        "site_core.error_pages.DesignedErrorPagesMiddleware",
    ]
