"""Error pages speak the visitor's language and give nothing away."""

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
