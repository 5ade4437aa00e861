"""Personal data as Norwegian law expects: kept no longer than the retention period, and
staff with the permission find, export and erase everything about one e-mail address,
with a log that keeps no trace of the address."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.models import MembershipPage, NewsletterSubscription
from site_core import personal_data, tasks
from site_core.models import PersonalDataErasure
from site_core.scheduler import configured_schedules
from tests.conftest import body_of
from tests.factories import AdminFactory, CommunicationsLeadFactory, EditorFactory, UserFactory
from tests.site_core.helpers import admin_user

from .factories import APPLICATION

pytestmark = pytest.mark.django_db

Status = NewsletterSubscription.Status
SEARCH = "/admin/personal-data/"
ERASE = "/admin/personal-data/erase/"


def export_url(file_format):
    return f"/admin/personal-data/export/{file_format}/"


def application(email="kari@example.no", age=timedelta(0), **fields):
    page = MembershipPage.objects.get(locale__language_code="nb")
    submission = FormSubmission.objects.create(
        page=page, form_data=APPLICATION | {"consent": True, "email": email} | fields
    )
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - age)
    return submission


def subscription(email="kari@example.no", status=Status.CONFIRMED, **fields):
    now = timezone.now()
    defaults = {"language": "nb", "token_sent_at": now, "created_at": now}
    if status == Status.CONFIRMED:
        defaults["confirmed_at"] = now
    if status == Status.UNSUBSCRIBED:
        defaults["unsubscribed_at"] = now
    return NewsletterSubscription.objects.create(email=email, status=status, **(defaults | fields))


@pytest.fixture
def site(public_site):
    return public_site


@pytest.fixture
def staff(client, site):
    """An administrator's client, admin in English."""
    client.force_login(admin_user(AdminFactory, "en"))
    return client


# The retention job


def test_the_retention_job_is_scheduled_daily():
    (schedule,) = [s for s in configured_schedules() if s.name == "delete-expired-personal-data"]
    assert schedule.task_path == "site_core.tasks.delete_expired_personal_data"


def test_months_before_clamps_the_day():
    moment = datetime(2026, 5, 31, 12, tzinfo=UTC)
    assert personal_data.months_before(moment, 3) == datetime(2026, 2, 28, 12, tzinfo=UTC)
    assert personal_data.months_before(moment, 24) == datetime(2024, 5, 31, 12, tzinfo=UTC)
    assert personal_data.months_before(moment, 17) == datetime(2024, 12, 31, 12, tzinfo=UTC)


def test_the_retention_job_deletes_only_what_is_past_its_time(site, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 24
    now = timezone.now()
    old_application = application("old@example.no", age=timedelta(days=2 * 366))
    recent_application = application("recent@example.no", age=timedelta(days=700))
    expired_link = subscription(
        "pending-old@example.no", Status.PENDING, token_sent_at=now - timedelta(days=8)
    )
    fresh_link = subscription(
        "pending-new@example.no", Status.PENDING, token_sent_at=now - timedelta(days=6)
    )
    long_gone = subscription(
        "gone@example.no", Status.UNSUBSCRIBED, unsubscribed_at=now - timedelta(days=2 * 366)
    )
    lately_gone = subscription(
        "lately@example.no", Status.UNSUBSCRIBED, unsubscribed_at=now - timedelta(days=30)
    )
    faithful = subscription(
        "faithful@example.no", created_at=now - timedelta(days=5 * 365),
        confirmed_at=now - timedelta(days=5 * 365),
    )  # fmt: skip

    result = tasks.delete_expired_personal_data.enqueue()
    assert result.return_value == {
        "membership-applications": 1,
        "newsletter-subscriptions": 2,
        "event-registrations": 0,
    }

    assert not FormSubmission.objects.filter(pk=old_application.pk).exists()
    assert FormSubmission.objects.filter(pk=recent_application.pk).exists()
    remaining = set(NewsletterSubscription.objects.values_list("pk", flat=True))
    assert remaining == {fresh_link.pk, lately_gone.pk, faithful.pk}
    assert expired_link.pk not in remaining and long_gone.pk not in remaining
    (log,) = PersonalDataErasure.objects.all()
    assert log.reason == PersonalDataErasure.Reason.RETENTION
    assert log.erased_by is None


def test_a_shorter_retention_setting_deletes_sooner(site, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 6
    application("seven-months@example.no", age=timedelta(days=214))
    application("five-months@example.no", age=timedelta(days=150))
    tasks.delete_expired_personal_data.enqueue()
    emails = [row.form_data["email"] for row in FormSubmission.objects.all()]
    assert "five-months@example.no" in emails
    assert "seven-months@example.no" not in emails


def test_nothing_to_delete_logs_nothing(site):
    application()
    assert tasks.delete_expired_personal_data.enqueue().return_value == {
        "membership-applications": 0,
        "newsletter-subscriptions": 0,
        "event-registrations": 0,
    }
    assert not PersonalDataErasure.objects.exists()


# Find, export, erase


def test_staff_find_everything_about_an_address_whatever_its_case(staff):
    application("Kari@Example.no")
    subscription("kari@example.no")
    application("ola@example.no")
    response = staff.get(SEARCH, {"email": "KARI@example.no"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Membership applications: 1" in html
    assert "Newsletter sign-ups: 1" in html
    assert "ola@example.no" not in html
    assert "Download as JSON" in html


def test_the_json_export_holds_both_kinds(staff):
    application(company_name="Kari AS")
    subscription()
    response = staff.get(export_url("json"), {"email": "kari@example.no"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(body_of(response))
    (applied,) = data["records"]["membership-applications"]
    assert applied["company_name"] == "Kari AS"
    assert applied["organisation_number"] == APPLICATION["organisation_number"]
    (signed_up,) = data["records"]["newsletter-subscriptions"]
    assert signed_up["status"] == "confirmed"
    assert signed_up["email"] == "kari@example.no"


def test_the_csv_export_writes_no_live_formula(staff):
    application(company_name='=HYPERLINK("http://evil.example")')
    response = staff.get(export_url("csv"), {"email": "kari@example.no"})
    rows = list(csv.reader(io.StringIO(body_of(response).decode("utf-8-sig"))))
    assert rows[0] == ["kind", "record", "field", "value"]
    assert [
        "membership-applications",
        "1",
        "company_name",
        '\'=HYPERLINK("http://evil.example")',
    ] in rows
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_erasure_asks_first_then_erases_both_kinds_and_logs_no_address(staff):
    application("kari@example.no")
    application("kari@example.no")
    subscription("kari@example.no")
    other = application("ola@example.no")

    confirm = staff.get(ERASE, {"email": "kari@example.no"})
    assert confirm.status_code == 200
    assert "This deletes 3 records about kari@example.no for good" in confirm.content.decode()
    assert FormSubmission.objects.count() == 3  # asking erased nothing

    response = staff.post(ERASE, {"email": "kari@example.no"}, follow=True)
    html = response.content.decode()
    assert (
        "Erased: 2 records of “Membership applications”, 1 record of “Newsletter sign-ups”." in html
    )
    assert list(FormSubmission.objects.all()) == [other]
    assert not NewsletterSubscription.objects.exists()

    (log,) = PersonalDataErasure.objects.all()
    assert log.reason == PersonalDataErasure.Reason.REQUEST
    # Every registered kind is counted; only these held the address.
    kinds = {"queued-jobs", "membership-applications", "newsletter-subscriptions"}
    intranet_kinds = {"member-profiles", "news-read-marks", "project-join-requests"}
    assert kinds | {"event-registrations"} | intranet_kinds <= set(log.counts)
    assert {kind: count for kind, count in log.counts.items() if count} == {
        "membership-applications": 2,
        "newsletter-subscriptions": 1,
    }
    assert log.erased_by.username.startswith("admin")
    stored = json.dumps(list(PersonalDataErasure.objects.values()), default=str)
    assert "kari" not in stored.lower()
    # The log on the page says what went, not whose.
    assert "kari@example.no" not in staff.get(SEARCH).content.decode()


def test_an_erasure_by_get_erases_nothing(staff):
    subscription()
    staff.get(ERASE, {"email": "kari@example.no"})
    assert NewsletterSubscription.objects.exists()
    assert not PersonalDataErasure.objects.exists()


@pytest.mark.parametrize("url", [SEARCH, export_url("json"), export_url("csv"), ERASE])
def test_staff_without_the_permission_get_403(client, site, url):
    subscription()
    client.force_login(EditorFactory())
    assert client.get(url, {"email": "kari@example.no"}).status_code == 403
    assert client.post(ERASE, {"email": "kari@example.no"}).status_code == 403
    assert NewsletterSubscription.objects.exists()


def test_visitors_are_sent_to_the_login(client, site):
    response = client.get(SEARCH, {"email": "kari@example.no"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_permission_opens_it_and_shows_the_menu_item(client, site):
    user = EditorFactory()
    user.user_permissions.add(Permission.objects.get(codename="manage_personal_data"))
    client.force_login(user)
    assert client.get(SEARCH).status_code == 200
    assert "/admin/personal-data/" in client.get("/admin/").content.decode()
    client.force_login(EditorFactory())
    assert "/admin/personal-data/" not in client.get("/admin/").content.decode()


def test_the_communications_lead_answers_for_personal_data(client, site):
    # The group has the permission from a migration: no demo loader or admin step needed.
    subscription()
    client.force_login(CommunicationsLeadFactory())
    response = client.get(SEARCH, {"email": "kari@example.no"})
    assert response.status_code == 200 and "kari@example.no" in response.content.decode()
    assert client.post(ERASE, {"email": "kari@example.no"}).status_code in (200, 302)
    assert not NewsletterSubscription.objects.exists()


def test_a_member_without_admin_access_cannot_reach_it(client, site):
    client.force_login(UserFactory())
    assert client.get(SEARCH, {"email": "kari@example.no"}).status_code in (302, 403)


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("nb", ["Personopplysninger", "Søknader om medlemskap: 1", "Slett alt …", "Sletteloggen"]),
        ("en", ["Personal data", "Membership applications: 1", "Erase all of it…", "Erasure log"]),
    ],
)
def test_the_page_speaks_the_admin_language(client, site, language, texts):
    application()
    client.force_login(admin_user(AdminFactory, language))
    html = client.get(SEARCH, {"email": "kari@example.no"}).content.decode()
    for text in texts:
        assert text in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "Slettet: 1 oppføring av typen «Påmeldinger til nyhetsbrevet»."),
        ("en", "Erased: 1 record of “Newsletter sign-ups”."),
    ],
)
def test_the_erasure_is_reported_in_the_admin_language(client, site, language, text):
    subscription()
    client.force_login(admin_user(AdminFactory, language))
    confirm = client.get(ERASE, {"email": "kari@example.no"}).content.decode()
    assert {"nb": "Ja, slett det", "en": "Yes, erase it"}[language] in confirm
    response = client.post(ERASE, {"email": "kari@example.no"}, follow=True)
    assert text in response.content.decode()


@pytest.mark.parametrize(("value", "months"), [(None, "24"), ("6", "6")])
def test_the_retention_period_comes_from_the_environment(value, months):
    from tests.site_core.test_settings import FULL_PRODUCTION_ENV, run_manage

    env = {**FULL_PRODUCTION_ENV, **({"PERSONAL_DATA_RETENTION_MONTHS": value} if value else {})}
    script = "from django.conf import settings; print(settings.PERSONAL_DATA_RETENTION_MONTHS)"
    result = run_manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == months


def test_queued_mail_about_the_address_is_found_exported_and_erased(staff, job_queue):
    from django.core.mail import EmailMessage
    from django_tasks_db.models import DBTaskResult

    EmailMessage("Hei", "Takk for søknaden", to=["Kari Nordmann <KARI@example.no>"]).send()
    EmailMessage("Hei", "Til en annen", to=["akari@example.no"]).send()
    assert DBTaskResult.objects.count() == 2

    html = staff.get(SEARCH, {"email": "kari@example.no"}).content.decode()
    assert "Queued e-mails and jobs: 1" in html
    data = json.loads(body_of(staff.get(export_url("json"), {"email": "kari@example.no"})))
    (job,) = data["records"]["queued-jobs"]
    assert job["arguments"]["args"][0]["body"] == "Takk for søknaden"

    staff.post(ERASE, {"email": "kari@example.no"})
    (left,) = DBTaskResult.objects.all()
    assert left.args_kwargs["args"][0]["to"] == ["akari@example.no"]
