"""The membership application: stored, e-mailed, and safe against bad input and bots."""

import re

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from home.models import membership
from tests.conftest import fresh
from tests.factories import as_committed, bilingual_site

from .factories import APPLICATION as VALID
from .factories import membership_page

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def membership_built(shared_db):
    with as_committed():
        return membership_page(bilingual_site())


@pytest.fixture
def form(membership_built):
    """The membership page's URL per language: SimpleNamespace(nb=, en=)."""
    pages = fresh(membership_built)
    pages.nb, pages.en = pages.nb.url, pages.en.url
    return pages


def test_valid_application_is_stored_and_mailed(client, form):
    response = client.post(form.nb, VALID)
    assert response.status_code == 200
    assert "Takk for søknaden!" in response.content.decode()
    submission = FormSubmission.objects.get()
    data = submission.get_data()
    assert data["organisation_number"] == "123456785"
    assert data["company_name"] == "Eksempel Møbler AS"
    assert "homepage" not in data
    notification, confirmation = mail.outbox
    assert notification.to == ["post@example.no"]
    assert notification.reply_to == ["kari@example.no"]
    assert "Organisasjonsnummer: 123456785" in notification.body
    assert "Sektor: Møbler" in notification.body
    assert confirmation.to == ["kari@example.no"]
    assert "Kari Nordmann" in confirmation.body


def test_english_applicant_gets_english_pages_and_confirmation(client, form):
    response = client.post(form.en, VALID | {"email": "john@example.com"})
    assert "Thank you for your application!" in response.content.decode()
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["john@example.com"]
    assert confirmation.subject == "We have received your membership application"
    assert "Sector: Furniture" in confirmation.body


INVALID = [
    # field, value, English message, Norwegian message
    ("company_name", "", "This field is required.", "feltet er påkrevet."),
    ("organisation_number", "123456789", "valid Norwegian organisation number",
     "gyldig norsk organisasjonsnummer"),
    ("organisation_number", "12345", "valid Norwegian organisation number",
     "gyldig norsk organisasjonsnummer"),
    ("organisation_number", "１２３４５６７８５", "valid Norwegian organisation number",
     "gyldig norsk organisasjonsnummer"),
    ("email", "not-an-email", "Enter a valid email address.", "Oppgi en gyldig e-postadresse"),
    ("message", "x" * 10_000, "Ensure this value has at most 3000 characters",
     "3000 eller færre tegn"),
    ("contact_person", "Kari\x1bNordmann", "invisible control characters",
     "usynlige kontrolltegnene"),
    ("message", "Hei\x07 der", "invisible control characters", "usynlige kontrolltegnene"),
    ("company_name", "Null\x00AS", "Null characters are not allowed.", "Null-tegn"),
    ("phone", "ring meg", "Enter a phone number", "Oppgi et telefonnummer"),
    ("sector", "nonsense", "Select a valid choice.", "Velg et gyldig valg."),
    ("consent", "", "This field is required.", "feltet er påkrevet."),
]  # fmt: skip


@pytest.mark.parametrize(("field", "value", "english", "norwegian"), INVALID)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_invalid_field_gives_the_form_back_with_a_linked_message(
    client, form, language, field, value, english, norwegian
):
    data = VALID | {field: value}
    if field == "consent":
        del data["consent"]
    response = client.post(getattr(form, language), data)
    assert response.status_code == 200
    body = response.content.decode()
    error_id = f"id_{field}_error"
    errors = body.split(f'id="{error_id}"')[1].split("</ul>")[0]
    assert (norwegian if language == "nb" else english) in errors
    widget = re.search(rf'<(input|textarea|select)[^>]*name="{field}"[^>]*>', body).group(0)
    assert error_id in widget and 'aria-invalid="true"' in widget
    # What the visitor typed is kept, nothing is stored or sent.
    assert 'value="Eksempel Møbler AS"' in body or field == "company_name"
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_looks_like_success_but_keeps_and_sends_nothing(client, form):
    response = client.post(form.nb, VALID | {"homepage": "https://spam.example.com"})
    assert response.status_code == 200
    assert "Takk for søknaden!" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people(client, form):
    body = client.get(form.nb).content.decode()
    assert '<div class="form__trap" aria-hidden="true">' in body
    assert 'name="homepage"' in body and 'tabindex="-1"' in body


def test_rate_limit_per_address(client, form):
    for _ in range(membership.RATE_LIMIT):
        assert client.post(form.nb, VALID).status_code == 200
    response = client.post(form.nb, VALID)
    assert response.status_code == 429
    assert "Prøv igjen om en time" in response.content.decode()
    assert FormSubmission.objects.count() == membership.RATE_LIMIT
    # Another address is not affected.
    other = client.post(form.nb, VALID, REMOTE_ADDR="192.0.2.10")
    assert other.status_code == 200
    assert FormSubmission.objects.count() == membership.RATE_LIMIT + 1


def test_invalid_attempts_do_not_use_up_the_rate_limit(client, form):
    for _ in range(membership.RATE_LIMIT + 2):
        client.post(form.nb, VALID | {"email": "nope"})
    assert client.post(form.nb, VALID).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_form_labels_are_in_the_visitors_language(client, form):
    nb = client.get(form.nb).content.decode()
    en = client.get(form.en).content.decode()
    assert "Organisasjonsnummer" in nb and "Organisation number" in en
    assert 'aria-describedby="id_organisation_number_helptext"' in en
