"""Newsletter subscribers in the admin: the confirmed addresses only, exported safely, to
staff with the permission; nobody adds an address there."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from home.models import NewsletterSubscription
from tests.conftest import body_of
from tests.factories import AdminFactory, CommunicationsLeadFactory, EditorFactory
from tests.site_core.helpers import admin_user

pytestmark = pytest.mark.django_db

Status = NewsletterSubscription.Status
LISTING = "/admin/newsletter_subscribers/"


@pytest.fixture
def subscribers(public_site):
    now = timezone.now()
    for email, status in [
        ("kari@example.no", Status.CONFIRMED),
        ('=HYPERLINK("http://evil.example")@example.no', Status.CONFIRMED),
        ("pending@example.no", Status.PENDING),
        ("gone@example.no", Status.UNSUBSCRIBED),
    ]:
        NewsletterSubscription.objects.create(
            email=email, language="nb", status=status,
            confirmed_at=now if status != Status.PENDING else None,
        )  # fmt: skip


@pytest.fixture
def staff(client, subscribers):
    client.force_login(admin_user(AdminFactory, "en"))
    return client


def test_the_listing_shows_confirmed_subscribers_only(staff):
    html = staff.get(LISTING).content.decode()
    assert "kari@example.no" in html
    assert "pending@example.no" not in html
    assert "gone@example.no" not in html


def test_the_csv_export_holds_confirmed_subscribers_and_no_live_formula(staff):
    response = staff.get(LISTING, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(body_of(response).decode("utf-8-sig"))))
    emails = [row[0] for row in rows[1:]]
    assert sorted(emails) == sorted(
        ["kari@example.no", '\'=HYPERLINK("http://evil.example")@example.no']
    )
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_the_xlsx_export_writes_formulas_as_text(staff):
    from openpyxl import load_workbook

    response = staff.get(LISTING, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(body_of(response))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_nobody_adds_or_edits_an_address_here(staff):
    subscription = NewsletterSubscription.objects.get(email="kari@example.no")
    assert staff.get(LISTING + "new/").status_code in (302, 403)
    assert staff.get(f"{LISTING}edit/{subscription.pk}/").status_code in (302, 403)
    assert 'href="/admin/newsletter_subscribers/new/"' not in staff.get(LISTING).content.decode()
    assert NewsletterSubscription.objects.count() == 4


def test_staff_without_the_permission_do_not_see_it(client, subscribers):
    client.force_login(EditorFactory())
    response = client.get(LISTING)
    assert response.status_code in (302, 403)
    assert "kari@example.no" not in client.get(LISTING, follow=True).content.decode()
    assert "newsletter_subscribers" not in client.get("/admin/").content.decode()


def test_the_view_permission_opens_the_listing(client, subscribers):
    user = EditorFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_newslettersubscription"))
    client.force_login(user)
    assert "kari@example.no" in client.get(LISTING).content.decode()


@pytest.mark.parametrize("view", ["inspect", "delete", "history", "usage"])
@pytest.mark.parametrize("address", ["pending@example.no", "gone@example.no"])
def test_no_view_of_one_subscription_shows_an_unconfirmed_address(staff, view, address):
    # Walking the ids must not read an address its owner never confirmed (or took back).
    pk = NewsletterSubscription.objects.get(email=address).pk
    url = f"{LISTING}{view}/{pk}/"
    assert staff.get(url, follow=True).status_code == 404
    assert staff.post(url, follow=True).status_code == 404
    assert NewsletterSubscription.objects.filter(email=address).exists()


@pytest.mark.parametrize("view", ["inspect", "delete", "history", "usage"])
def test_the_views_of_one_confirmed_subscription_open(staff, view):
    pk = NewsletterSubscription.objects.get(email="kari@example.no").pk
    assert staff.get(f"{LISTING}{view}/{pk}/", follow=True).status_code == 200


def test_the_communications_lead_sees_the_subscribers(client, subscribers):
    client.force_login(CommunicationsLeadFactory())
    assert "kari@example.no" in client.get(LISTING).content.decode()
    assert "newsletter_subscribers" in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("language", "title"),
    [("nb", "Påmeldinger til nyhetsbrev"), ("en", "Newsletter subscriptions")],
)
def test_the_listing_speaks_the_admin_language(client, subscribers, language, title):
    client.force_login(admin_user(AdminFactory, language))
    assert f"<title>{title}" in client.get(LISTING).content.decode()
