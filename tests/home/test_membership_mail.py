"""The membership application's e-mails go through the queue: the visitor gets the answer at
once, the worker sends the notification and the confirmation, a mail server that is down
loses nothing."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from site_core.queued_mail import deliver_email
from tests.factories import publish, translate
from tests.home.factories import APPLICATION, MembershipPageFactory
from tests.jobs import jobs, run_jobs


@pytest.fixture
def membership(shared_bilingual, django_capture_on_commit_callbacks):
    """The membership page in Norwegian and English: {"nb": url, "en": url}."""
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(MembershipPageFactory(parent=shared_bilingual.nb))
        english = translate(
            page,
            {
                "Bli medlem": "Become a member",
                "bli-medlem": "become-a-member",
                "Takk for søknaden!": "Thank you for your application!",
            },
        )
    return {"nb": page.url, "en": english.url}


def test_the_visitor_is_answered_before_the_mails_are_sent(client, membership, job_queue):
    response = client.post(membership["nb"], APPLICATION)
    assert response.status_code == 200
    assert "Takk for søknaden!" in response.content.decode()
    assert FormSubmission.objects.count() == 1
    assert mail.outbox == []
    assert len(jobs(deliver_email)) == 2

    run_jobs()
    notification, confirmation = mail.outbox
    assert notification.to == ["post@example.no"]
    assert notification.reply_to == ["kari@example.no"]
    assert notification.subject == "Ny søknad om medlemskap"
    assert "Organisasjonsnummer: 123456785" in notification.body
    assert confirmation.to == ["kari@example.no"]
    assert confirmation.subject == "Vi har mottatt søknaden din om medlemskap"
    assert "Kari Nordmann" in confirmation.body
    assert "Sektor: Møbler" in confirmation.body


def test_the_worker_writes_to_an_english_applicant_in_english(client, membership, job_queue):
    client.post(membership["en"], APPLICATION | {"email": "john@example.com"})
    run_jobs()
    notification, confirmation = mail.outbox
    assert "Sektor: Møbler" in notification.body  # the cluster's staff read Norwegian
    assert confirmation.to == ["john@example.com"]
    assert confirmation.subject == "We have received your membership application"
    assert "Sector: Furniture" in confirmation.body


def test_a_mail_server_that_is_down_neither_loses_nor_holds_up_the_application(
    client, membership, job_queue, mail_server_down
):
    response = client.post(membership["en"], APPLICATION)
    assert response.status_code == 200
    assert "Thank you for your application!" in response.content.decode()
    assert FormSubmission.objects.count() == 1

    run_jobs()
    assert mail.outbox == []
    retries = jobs(deliver_email)
    assert [job.args_kwargs["kwargs"] for job in retries] == [{"attempt": 2}] * 2
