"""E-mail through the job queue: a request only queues its messages, the worker sends them.

`QueuedEmailBackend` is the project's EMAIL_BACKEND, so every e-mail (Django's password
reset, invitations, membership mails, the digest, Wagtail's notifications) is queued without
the code that sends it knowing. Each message becomes one `deliver_email` job whose argument is
the message as JSON (`message_to_json`). With the database task backend that job is a row
written in the caller's transaction: it commits together with the membership application
that caused it, and disappears if that is rolled back.

The worker hands the message to EMAIL_DELIVERY_BACKEND (SMTP in production). When the mail
server refuses or cannot be reached, the job queues a copy of itself to try again later
(`retry_delay`: 1, 2, 4 … minutes, at most an hour), up to MAX_ATTEMPTS attempts over about
six hours, so an hour-long outage of the mail server loses nothing.
"""

import base64
import logging
from datetime import timedelta
from email.mime.base import MIMEBase
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# 12 attempts: the waits between them add up to 6 hours 3 minutes (retry_delay).
MAX_ATTEMPTS = 12
MAX_DELAY = timedelta(hours=1)
# Ahead of Wagtail's reference-index jobs (priority 0): a burst of those after a bulk edit
# never holds back a password reset.
PRIORITY = 10


def retry_delay(attempt):
    """The wait (a timedelta) after failed attempt number `attempt` (1, 2, …) before the
    next: 2 ** (attempt - 1) minutes, at most MAX_DELAY."""
    return min(timedelta(minutes=2 ** (attempt - 1)), MAX_DELAY)


def message_to_json(message):
    """An EmailMessage (or EmailMultiAlternatives) as a dict of strings and lists of strings,
    which `message_from_json` turns back into the same message.

    File attachments (`message.attach(filename, content, mimetype)`, e.g. an event's .ics
    file) travel base64-encoded. Raises ValueError for a ready-made MIME part as attachment
    or a non-default encoding: no mail of ours has them, and a message must never lose a
    part silently on its way through the queue.
    """
    if message.encoding or any(isinstance(part, MIMEBase) for part in message.attachments):
        raise ValueError("Queued e-mails carry only file attachments, and no custom encoding.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        # [content, MIME type] pairs, e.g. the HTML version of Wagtail's notifications.
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        # [file name, base64 of the content, MIME type] per attachment.
        "attachments": [
            [filename, base64.b64encode(as_bytes(content)).decode("ascii"), mimetype]
            for filename, content, mimetype in message.attachments
        ],
    }


def as_bytes(content):
    """An attachment's content as bytes (Django keeps text attachments as str)."""
    return content.encode() if isinstance(content, str) else content


def message_from_json(data):
    """The EmailMultiAlternatives that `message_to_json` described."""
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data.get("attachments", []):
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND: queues each message as one `deliver_email` job instead of sending it.

    `send_messages` returns how many messages were queued. An error while queueing is the
    database's and is raised, `fail_silently` or not: a message is never dropped unnoticed.
    """

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(message_to_json(message))
        return len(email_messages)


@task(priority=PRIORITY, takes_context=True)
def deliver_email(context, message, attempt=1):
    """Send one queued message (`message_to_json`) through EMAIL_DELIVERY_BACKEND.

    Returns {"delivered": True}, or after an SMTP or network error {"delivered": False,
    "retry": id of the job that tries again after `retry_delay(attempt)`}. Raises that error
    on the last attempt, or when the task backend cannot run a job later (the immediate
    backend of the tests), and logs an error then; each earlier failure is a warning.
    """
    job = context.task_result.id
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        connection.send_messages([message_from_json(message)])
    except (SMTPException, OSError) as error:
        if attempt >= MAX_ATTEMPTS or not deliver_email.get_backend().supports_defer:
            logger.error("E-mail job %s gave up after attempt %d: %r", job, attempt, error)
            raise
        delay = retry_delay(attempt)
        retry = deliver_email.using(run_after=timezone.now() + delay).enqueue(
            message, attempt=attempt + 1
        )
        logger.warning(
            "E-mail job %s failed (attempt %d of %d: %r); job %s tries again in %s",
            job, attempt, MAX_ATTEMPTS, error, retry.id, delay,
        )  # fmt: skip
        return {"delivered": False, "retry": retry.id}
    return {"delivered": True}
