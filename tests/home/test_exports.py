"""Every CSV export the admin offers is formula-safe (OWASP "CSV injection")."""

import csv
import io

import pytest
from wagtail.contrib.forms.models import FormSubmission

from home.models import MembershipPage, NewsPage
from site_core.spreadsheets import neutralise
from tests.conftest import body_of
from tests.factories import AdminFactory

from .test_membership import VALID

pytestmark = pytest.mark.django_db

ATTACKS = [
    '=HYPERLINK("http://evil.example","klikk")',
    "+1+2",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def admin(public_site):
    """Log in an administrator of the factory-built public site."""
    return AdminFactory()


def application_form(public_site):
    return public_site.pages["membership"].nb.url


def csv_rows(response):
    return list(csv.reader(io.StringIO(body_of(response).decode("utf-8-sig"))))


@pytest.mark.parametrize("text", ATTACKS)
def test_neutralise_prefixes_formula_starts_only(text):
    assert neutralise(text) == "'" + text
    assert neutralise("Kari Nordmann") == "Kari Nordmann"
    assert neutralise(42) == 42


@pytest.mark.parametrize("attack", ATTACKS[:4])
def test_form_submission_export_writes_no_live_formula(client, public_site, admin, attack):
    form = application_form(public_site)
    assert client.post(form, VALID | {"contact_person": attack}).status_code == 200
    assert FormSubmission.objects.exists()
    client.force_login(admin)
    page = MembershipPage.objects.get(locale__language_code="nb")
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in csv_rows(response)[1:] for cell in row]
    assert "'" + attack in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_report_export_writes_no_live_formula(client, admin):
    page = NewsPage.objects.filter(locale__language_code="nb").first()
    page.title = '=HYPERLINK("http://evil.example")'
    page.save_revision().publish()
    client.force_login(admin)
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in csv_rows(response) for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith("=") for cell in cells)


def test_xlsx_export_writes_formulas_as_text(client, public_site, admin):
    from openpyxl import load_workbook

    client.post(application_form(public_site), VALID | {"contact_person": ATTACKS[0]})
    client.force_login(admin)
    page = MembershipPage.objects.get(locale__language_code="nb")
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(body_of(response))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == ATTACKS[0]]
    assert cells and all(cell.data_type == "s" for cell in cells)
