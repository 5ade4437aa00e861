"""The newsletter's pages, translated per language (/nb/nyhetsbrev/, /en/newsletter/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from home import newsletter_views

urlpatterns = [
    path(_("newsletter/"), newsletter_views.sign_up, name="newsletter_sign_up"),
    path(_("newsletter/check-email/"), newsletter_views.check_email, name="newsletter_check_email"),
    path(
        _("newsletter/confirm/<str:token>/"),
        newsletter_views.confirm,
        name="newsletter_confirm",
    ),
    path(
        _("newsletter/unsubscribe/<str:token>/"),
        newsletter_views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
