"""A lost database or cache connection gives a 503 page in the visitor's language with
Retry-After, and a failed form post keeps what the visitor typed (site_core.outage)."""

from unittest import mock

import pytest
from django.db import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from home.models import MembershipPage
from tests.home.factories import membership_page

LOST = OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("/nb/", "nb", "Nettstedet er utilgjengelig en liten stund"),
        ("/en/", "en", "The site is briefly unavailable"),
    ],
)
def test_a_lost_database_gives_a_503_in_the_visitors_language(
    failing_client, shared_bilingual, path, language, heading
):
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=LOST):
        response = failing_client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Language"] == language
    assert "private" in response["Cache-Control"]
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert heading in body


def test_a_lost_cache_connection_is_an_outage_too(failing_client, shared_bilingual):
    with mock.patch(
        "wagtail.models.Site.find_for_request", side_effect=RedisConnectionError("refused")
    ):
        assert failing_client.get("/en/").status_code == 503


def test_a_bug_is_still_a_500(failing_client, shared_bilingual):
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError("a bug")):
        response = failing_client.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.parametrize("language", ["nb", "en"])
def test_an_application_posted_during_an_outage_keeps_what_was_typed(
    failing_client, shared_bilingual, django_capture_on_commit_callbacks, language
):
    with django_capture_on_commit_callbacks(execute=True):
        page = getattr(membership_page(shared_bilingual), language)
    typed = {
        "company_name": 'Møbel & "Interiør" AS',
        "message": "Vi vil gjerne være med.\nHilsen Kari",
        "email": "kari@example.no",
    }
    with (
        mock.patch.object(MembershipPage, "process_form_submission", side_effect=LOST),
        mock.patch("home.forms.MembershipForm.is_valid", return_value=True),
    ):
        response = failing_client.post(page.url, {**typed, "password": "hemmelig"})
    assert response.status_code == 503
    body = response.content.decode()
    assert f'action="{page.url}"' in body
    assert 'name="company_name" value="Møbel &amp; &quot;Interiør&quot; AS"' in body
    assert 'value="Vi vil gjerne være med.\nHilsen Kari"' in body
    assert 'name="email" value="kari@example.no"' in body
    assert "hemmelig" not in body
    assert 'name="csrfmiddlewaretoken"' in body
