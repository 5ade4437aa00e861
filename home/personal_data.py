"""The public site's personal data, registered with site_core.personal_data: membership
applications (the form's submissions), newsletter sign-ups and event registrations."""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from home.models import EventPage, MembershipPage, NewsletterSubscription
from home.models.event_registrations import EventRegistration
from home.models.newsletter import CONFIRM_TOKEN_DAYS
from site_core.personal_data import PersonalDataKind, register

Status = NewsletterSubscription.Status


def membership_applications():
    """Every membership application (FormSubmission of any MembershipPage), as a QuerySet."""
    return FormSubmission.objects.filter(page__in=Page.objects.type(MembershipPage))


def find_applications(email):
    """The applications whose e-mail field is `email` (any case)."""
    return membership_applications().filter(form_data__email__iexact=email)


def export_application(submission):
    """One application as a dict: when, which page and language, and every field sent."""
    return {
        "submitted": submission.submit_time,
        "page": submission.page.title,
        "language": submission.page.locale.language_code,
        **submission.form_data,
    }


def expired_applications(now, cutoff):
    """Every application is kept for the retention period from when it was sent."""
    return membership_applications().filter(submit_time__lt=cutoff)


def find_subscriptions(email):
    """The newsletter sign-ups of `email` (any case), whatever their status."""
    return NewsletterSubscription.objects.filter(email__iexact=email)


def export_subscription(subscription):
    """One sign-up as a dict: address, language, status and its dates."""
    return {
        "email": subscription.email,
        "language": subscription.language,
        "status": subscription.status,
        "signed_up": subscription.created_at,
        "confirmed": subscription.confirmed_at,
        "unsubscribed": subscription.unsubscribed_at,
        "confirmation_link_sent": subscription.token_sent_at,
    }


def expired_subscriptions(now, cutoff):
    """Unconfirmed sign-ups once their link has expired (CONFIRM_TOKEN_DAYS), and
    unsubscribed addresses once the retention period has passed since they unsubscribed.
    A confirmed subscription is kept while it lasts: its owner asked for the newsletter,
    and deleting it would end the subscription without a word."""
    link_expired = now - timedelta(days=CONFIRM_TOKEN_DAYS)
    pending = Q(status=Status.PENDING) & (
        Q(token_sent_at__lt=link_expired)
        | Q(token_sent_at__isnull=True, created_at__lt=link_expired)
    )
    ended = Q(status=Status.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
    return NewsletterSubscription.objects.filter(pending | ended)


def find_event_registrations(email):
    return EventRegistration.objects.filter(email__iexact=email).select_related("page")


def export_event_registration(registration):
    return {
        "event": registration.page.title if registration.page else "",
        "name": registration.name,
        "email": registration.email,
        "company": registration.company,
        "language": registration.language,
        "status": registration.status,
        "signed_up": registration.created_at,
        "moved_up_from_waiting_list": registration.promoted_at,
        "cancelled": registration.cancelled_at,
    }


def expired_event_registrations(now, cutoff):
    """Registrations (cancelled ones too) once the retention period has passed since the
    event ended, in any of its languages; those of a deleted event once it has passed since
    the sign-up. Until then they answer questions about who came."""
    still_kept = EventPage.objects.filter(translation_key=OuterRef("event_key"), end__gte=cutoff)
    return EventRegistration.objects.filter(~Exists(still_kept), created_at__lt=cutoff)


def register_kinds():
    """Called from HomeConfig.ready."""
    register(
        PersonalDataKind(
            key="membership-applications",
            label=_("Membership applications"),
            find=find_applications,
            export=export_application,
            expired=expired_applications,
        )
    )
    register(
        PersonalDataKind(
            key="newsletter-subscriptions",
            label=_("Newsletter sign-ups"),
            find=find_subscriptions,
            export=export_subscription,
            expired=expired_subscriptions,
        )
    )
    register(
        PersonalDataKind(
            key="event-registrations",
            label=_("Event registrations"),
            find=find_event_registrations,
            export=export_event_registration,
            expired=expired_event_registrations,
        )
    )
