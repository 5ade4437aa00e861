"""Newsletter subscriptions, confirmed by the subscriber (double opt-in).

A sign-up stores a *pending* row and e-mails a one-time link; only opening that link (and
pressing the button on its page) makes the row *confirmed*. The link's token is random and
stored only as its SHA-256 hash, so the table alone cannot confirm anyone; it is cleared
once used. home/newsletter.py holds the steps, home/newsletter_views.py the pages.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long a confirmation link works (also how long an unconfirmed sign-up is kept).
CONFIRM_TOKEN_DAYS = 7


def hash_token(token):
    """The hex SHA-256 of `token` (str), as stored in `confirm_token_hash`."""
    return hashlib.sha256(token.encode()).hexdigest()


class NewsletterSubscription(models.Model):
    """One e-mail address on (or on its way to, or off) the newsletter list."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    token_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def new_confirm_token(self):
        """A fresh one-time token (str, for the link); stores its hash and the time sent.
        The caller saves the row."""
        token = secrets.token_urlsafe(32)
        self.confirm_token_hash = hash_token(token)
        self.token_sent_at = timezone.now()
        return token

    @property
    def token_expired(self):
        """True when the confirmation link sent last is older than CONFIRM_TOKEN_DAYS."""
        return self.token_sent_at is None or (
            timezone.now() - self.token_sent_at > timedelta(days=CONFIRM_TOKEN_DAYS)
        )
