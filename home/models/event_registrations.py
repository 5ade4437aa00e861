"""Sign-ups for events on the site (home/event_registrations.py holds the steps).

A registration belongs to the event, not to one language's page: it is keyed on the
pages' shared `translation_key`, so the Norwegian and English pages of an event share one
capacity and one participant list. `page` remembers the page the person signed up on (its
language is the language of the e-mails to a visitor).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventRegistration(models.Model):
    """One person's place (or place in the queue) at one event."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.CONFIRMED, Status.WAITING)

    event_key = models.UUIDField(_("event"), db_index=True, editable=False)
    page = models.ForeignKey(
        "home.EventPage",
        verbose_name=_("signed up on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    company = models.CharField(_("company"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One active registration per address and event, whatever its spelling: a
            # double-submitted form or two tabs cannot take two places.
            models.UniqueConstraint(
                Lower("email"),
                "event_key",
                condition=models.Q(status__in=["confirmed", "waiting"]),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event_key", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self):
        return self.status in self.ACTIVE
