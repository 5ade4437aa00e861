"""The newsletter's double opt-in: sign up, confirm, unsubscribe.

A sign-up queues `request_subscription` (the whole of it, the look-up of the address
included, as the password reset does), so the answer is the same, and takes as long, for a
new, a pending and an already confirmed address: the form tells nobody who subscribes.
The job writes a *pending* row and e-mails a one-time confirmation link in the visitor's
language; only `confirm` makes the row *confirmed*. Every mail carries an unsubscribe link
(`unsubscribe_token`), which works as long as the row exists.
"""

import logging
from datetime import timedelta

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from home.models.newsletter import CONFIRM_TOKEN_DAYS, NewsletterSubscription, hash_token
from site_core import queued_mail

logger = logging.getLogger(__name__)

Status = NewsletterSubscription.Status

# A pending address gets the confirmation mail again at most this often, however often
# it is signed up: the form cannot be used to flood someone's inbox.
RESEND_AFTER = timedelta(minutes=15)
# Sign-ups accepted from one visitor address per window (site_core.rate_limits).
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60
UNSUBSCRIBE_SALT = "home.newsletter.unsubscribe"


def unsubscribe_token(subscription):
    """A signed token (str) naming `subscription`; it does not expire, as an unsubscribe
    link in an old newsletter must still work. The address's hash is signed along, so a
    token never reaches another row that later got the same id."""
    return signing.dumps(
        {"id": subscription.pk, "e": hash_token(subscription.email)[:16]}, salt=UNSUBSCRIBE_SALT
    )


def subscription_for_unsubscribe_token(token):
    """The NewsletterSubscription that `token` (from `unsubscribe_token`) names, or None for
    a token that is forged, damaged or whose row is gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    subscription = NewsletterSubscription.objects.filter(pk=data.get("id")).first()
    if subscription is None or hash_token(subscription.email)[:16] != data.get("e"):
        return None
    return subscription


def absolute(root_url, name, **kwargs):
    """`root_url` ("https://host") + the path of URL `name` in the active language."""
    return root_url.rstrip("/") + reverse(name, kwargs=kwargs)


@task(priority=queued_mail.PRIORITY)
def request_subscription(email, language, root_url):
    """Sign `email` (lower case) up in `language` ("nb"/"en"), links to `root_url`.

    New or unsubscribed address: a pending row and a confirmation mail. Pending address:
    the mail again with a new link (the old one stops working), unless one went out less
    than RESEND_AFTER ago. Confirmed address: nothing (the visitor saw the same answer).
    Returns what happened ("sent", "too soon", "already confirmed"), for the log and tests.
    """
    with transaction.atomic():
        subscription, created = NewsletterSubscription.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if subscription.status == Status.CONFIRMED:
            return "already confirmed"
        if (
            subscription.status == Status.PENDING
            and not created
            and subscription.token_sent_at
            and timezone.now() - subscription.token_sent_at < RESEND_AFTER
        ):
            return "too soon"
        if subscription.status == Status.UNSUBSCRIBED:
            # A new sign-up: the earlier confirmation no longer stands for this one.
            subscription.created_at = timezone.now()
            subscription.unsubscribed_at = None
            subscription.confirmed_at = None
        subscription.status = Status.PENDING
        subscription.language = language
        token = subscription.new_confirm_token()
        subscription.save()
        send_confirmation(subscription, token, root_url)
    return "sent"


def send_confirmation(subscription, token, root_url):
    """Queue the confirmation mail of `subscription`, in its language, with the one-time
    link for `token` and the unsubscribe link."""
    with translation.override(subscription.language):
        context = {
            "confirm_url": absolute(root_url, "newsletter_confirm", token=token),
            "unsubscribe_url": absolute(
                root_url, "newsletter_unsubscribe", token=unsubscribe_token(subscription)
            ),
            "days": CONFIRM_TOKEN_DAYS,
        }
        EmailMessage(
            subject=gettext("Confirm your subscription to our newsletter"),
            body=render_to_string("home/email/newsletter_confirmation.txt", context),
            to=[subscription.email],
            headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>"},
        ).send()


def pending_for_token(token):
    """The pending NewsletterSubscription whose confirmation link carries `token`, or None
    when no row has it (never sent, used already, or replaced by a newer link)."""
    if not token:
        return None
    return NewsletterSubscription.objects.filter(
        confirm_token_hash=hash_token(token), status=Status.PENDING
    ).first()


def confirm(subscription):
    """Make `subscription` confirmed and its link used up."""
    subscription.status = Status.CONFIRMED
    subscription.confirmed_at = timezone.now()
    subscription.confirm_token_hash = ""
    subscription.save(update_fields=["status", "confirmed_at", "confirm_token_hash"])


def unsubscribe(subscription):
    """Take `subscription` off the list (kept as unsubscribed until the retention job
    deletes it, site_core.personal_data), its confirmation link void. A sign-up never
    confirmed is deleted at once: the confirmation mail promised that an address nobody
    confirms is not kept, and unsubscribing says the same louder."""
    if subscription.confirmed_at is None:
        subscription.delete()
        return
    if subscription.status != Status.UNSUBSCRIBED:
        subscription.status = Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.confirm_token_hash = ""
        subscription.save(update_fields=["status", "unsubscribed_at", "confirm_token_hash"])
