"""Account URLs, translated per language (/nb/logg-inn/, /en/login/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from intranet import accounts

urlpatterns = [
    path(_("login/"), accounts.LoginView.as_view(), name="login"),
    path(_("logout/"), accounts.LogoutView.as_view(), name="logout"),
    path(_("password-reset/"), accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        _("password-reset/sent/"),
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("password/<uidb64>/<token>/"),
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        _("password/done/"),
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
