"""The public site's personal data, registered with site_core.personal_data: membership
applications (the form's submissions) and newsletter sign-ups."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from home.models import MembershipPage, NewsletterSubscription
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
