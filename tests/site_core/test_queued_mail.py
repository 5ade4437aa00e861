"""Every e-mail is queued in the request and sent by the worker, retried while the mail
server is down (site_core.queued_mail)."""

import datetime
import logging
from email.mime.text import MIMEText

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.mail import send_mail as wagtail_send_mail

from site_core.queued_mail import MAX_ATTEMPTS, PRIORITY, deliver_email, retry_delay
from tests.jobs import jobs, run_jobs

pytestmark = pytest.mark.django_db

LOG = "site_core.queued_mail"


def make_due(job):
    """Move a job's run_after to now, as if its wait had passed."""
    DBTaskResult.objects.filter(pk=job.pk).update(run_after=timezone.now())


def test_sending_only_queues_and_the_worker_delivers(job_queue):
    assert send_mail("Hei", "Tekst", None, ["kari@example.no"]) == 1
    assert mail.outbox == []
    (job,) = jobs(deliver_email)
    assert job.priority == PRIORITY

    run_jobs()
    (message,) = mail.outbox
    assert (message.subject, message.body, message.to) == ("Hei", "Tekst", ["kari@example.no"])
    assert jobs(deliver_email, TaskResultStatus.SUCCESSFUL)[0].return_value == {"delivered": True}


def test_every_part_of_a_message_arrives(job_queue):
    message = EmailMultiAlternatives(
        subject="Søknad",
        body="Ren tekst, æøå",
        from_email="Klyngen <post@example.no>",
        to=["a@example.no"],
        cc=["b@example.no"],
        bcc=["c@example.no"],
        reply_to=["d@example.no"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>HTML, æøå</p>", "text/html")
    message.send()
    run_jobs()

    (sent,) = mail.outbox
    for part in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers"):
        assert getattr(sent, part) == getattr(message, part), part
    assert list(sent.alternatives) == [("<p>HTML, æøå</p>", "text/html")]
    assert sent.recipients() == ["a@example.no", "b@example.no", "c@example.no"]


def test_an_html_only_message_stays_html(job_queue):
    message = EmailMessage("Hei", "<p>Hei</p>", None, ["a@example.no"])
    message.content_subtype = "html"
    message.send()
    run_jobs()
    assert mail.outbox[0].message().get_content_type() == "text/html"


def test_wagtail_notifications_are_queued_too(job_queue):
    wagtail_send_mail("Til godkjenning", "Tekst", ["redaktor@example.no"], html_message="<b>x</b>")
    assert mail.outbox == []
    run_jobs()
    (sent,) = mail.outbox
    assert sent.extra_headers == {"Auto-Submitted": "auto-generated"}
    assert list(sent.alternatives) == [("<b>x</b>", "text/html")]


def test_file_attachments_arrive_whole(job_queue):
    message = EmailMessage("Hei", "Tekst", None, ["a@example.no"])
    message.attach("arrangement.ics", "BEGIN:VCALENDAR\r\nSUMMARY:Møte\r\n", "text/calendar")
    message.attach("bilde.png", b"\x89PNG\x00\xff", "image/png")
    message.send()
    run_jobs()
    (sent,) = mail.outbox
    assert [tuple(part) for part in sent.attachments] == [
        ("arrangement.ics", "BEGIN:VCALENDAR\r\nSUMMARY:Møte\r\n", "text/calendar"),
        ("bilde.png", b"\x89PNG\x00\xff", "image/png"),
    ]


def test_mime_part_attachments_are_refused_rather_than_dropped(job_queue):
    message = EmailMessage("Hei", "Tekst", None, ["a@example.no"])
    message.attach(MIMEText("innhold"))
    with pytest.raises(ValueError, match="attachments"):
        message.send()
    assert jobs(deliver_email) == []


def test_a_mail_rolled_back_with_its_transaction_is_never_sent(job_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Hei", "Tekst", None, ["kari@example.no"])
        raise RuntimeError("the application was not stored")
    assert jobs(deliver_email) == []


def test_a_mail_server_that_is_down_leaves_the_job_for_retry(job_queue, mail_server_down, caplog):
    send_mail("Hei", "Tekst", None, ["kari@example.no"])
    before = timezone.now()
    with caplog.at_level(logging.WARNING, logger=LOG):
        run_jobs()

    assert mail.outbox == []
    (first,) = jobs(deliver_email, TaskResultStatus.SUCCESSFUL)
    (retry,) = jobs(deliver_email)
    assert first.return_value == {"delivered": False, "retry": str(retry.pk)}
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.args_kwargs["args"] == first.args_kwargs["args"]
    wait = retry.run_after - before
    assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(minutes=1, seconds=10)
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert f"attempt 1 of {MAX_ATTEMPTS}" in record.getMessage()

    run_jobs()  # not due yet: nothing happens
    assert jobs(deliver_email) == [retry]


def test_an_hour_long_mail_outage_loses_nothing(job_queue, mail_server_down, settings):
    send_mail("Hei", "Tekst", None, ["kari@example.no"])
    down_for = datetime.timedelta(0)
    attempts = 0
    while down_for < datetime.timedelta(hours=1):
        run_jobs()
        attempts += 1
        (retry,) = jobs(deliver_email)
        down_for += retry_delay(attempts)
        make_due(retry)
    assert mail.outbox == []

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_jobs()
    assert len(mail.outbox) == 1
    assert jobs(deliver_email) == []
    assert attempts < MAX_ATTEMPTS


def test_the_last_attempt_gives_up_with_an_error(job_queue, mail_server_down, caplog):
    send_mail("Hei", "Tekst", None, ["kari@example.no"])
    (job,) = jobs(deliver_email)
    job.args_kwargs["kwargs"] = {"attempt": MAX_ATTEMPTS}
    job.save(update_fields=["args_kwargs"])
    with caplog.at_level(logging.WARNING, logger=LOG):
        run_jobs()

    assert jobs(deliver_email) == []
    (failed,) = jobs(deliver_email, TaskResultStatus.FAILED)
    assert failed.traceback
    errors = [r for r in caplog.records if r.name == LOG]
    assert [r.levelno for r in errors] == [logging.ERROR]
    assert f"gave up after attempt {MAX_ATTEMPTS}" in errors[0].getMessage()


def test_retries_span_well_over_an_hour():
    waits = [retry_delay(attempt) for attempt in range(1, MAX_ATTEMPTS)]
    assert waits[:4] == [datetime.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert max(waits) == datetime.timedelta(hours=1)
    assert sum(waits, datetime.timedelta(0)) > datetime.timedelta(hours=5)
