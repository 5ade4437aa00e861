"""Member login, logout and password reset: Django's views with our forms and templates."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from site_core import http_caching, queued_mail


class MemberLoginForm(AuthenticationForm):
    """E-mail, password and "remember me". Members log in with their e-mail address only
    (an EmailField: a username is refused before any password is checked); the username
    login is the admin's."""

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    remember_me = forms.BooleanField(
        label=_("Remember me on this device for two weeks"), required=False, initial=True
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That e-mail address and password do not match an active account. "
            "Check them and try again."
        ),
    }

    def full_clean(self):
        super().full_clean()
        if self.non_field_errors():
            # The error concerns both fields: screen readers read it with each of them.
            for name in ("username", "password"):
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": "form-errors"}
                )


def axes_username(request, credentials=None):
    """The key a failed login counts against in django-axes: one per account.

    Every spelling that reaches an account (its username or its e-mail address, in any
    case, on the member login or the admin's) gives the account's e-mail address,
    lower-cased (its username when it has none), so the account has a single lock that
    `manage.py axes_reset_username <e-mail>` lifts. An identifier that reaches no single
    account gives itself, lower-cased. Without this, failures as "medlem@example.no" did
    not lock "medlem".
    """
    raw = (credentials or {}).get("username") or request.POST.get("username") or ""
    identifier = raw.strip().lower()
    if not identifier:
        return identifier
    accounts = list(
        get_user_model()
        .objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))
        .values_list("username", "email")[:2]
    )
    if len(accounts) != 1:
        return identifier
    username, email = accounts[0]
    return (email or username).lower()


class MemberPasswordResetForm(PasswordResetForm):
    """Also lets invited members who never set a password ask for a new link."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)


class PrivateViewMixin:
    """Account pages carry CSRF tokens and personal state: never cache them."""

    def dispatch(self, request, *args, **kwargs):
        http_caching.mark_private(request)
        return super().dispatch(request, *args, **kwargs)


def intranet_home_url():
    from intranet.models import IntranetHomePage

    home = IntranetHomePage.objects.live().filter(locale__language_code=get_language()).first()
    return home.url if home else f"/{get_language()}/"


class LoginView(PrivateViewMixin, auth_views.LoginView):
    form_class = MemberLoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return intranet_home_url()

    def form_valid(self, form):
        response = super().form_valid(form)
        # 0 = until the browser closes; None = SESSION_COOKIE_AGE (two weeks).
        self.request.session.set_expiry(None if form.cleaned_data["remember_me"] else 0)
        return response


class LogoutView(PrivateViewMixin, auth_views.LogoutView):
    next_page = reverse_lazy("login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You are logged out."))
        return response


class PasswordResetView(PrivateViewMixin, auth_views.PasswordResetView):
    form_class = MemberPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        """Queue the whole reset, the look-up of the address included: the answer takes as
        long for an unknown address as for a member's, so it tells no one who is a member."""
        send_password_reset.enqueue(
            form.cleaned_data["email"],
            self.request.get_host(),
            self.request.is_secure(),
            get_language(),
        )
        return HttpResponseRedirect(self.get_success_url())


@task(priority=queued_mail.PRIORITY)
def send_password_reset(email, domain, use_https, language):
    """What Django's PasswordResetView does when the form is valid, in the worker: e-mail
    every active account with the address `email` (any case) a one-time link to choose a new
    password, in `language` ("nb", "en"), the link to `domain` ("host[:port]"), https if
    `use_https`. An unknown address gets nothing."""
    form = MemberPasswordResetForm({"email": email})
    if form.is_valid():
        with translation.override(language):
            form.save(
                domain_override=domain,
                use_https=use_https,
                subject_template_name=PasswordResetView.subject_template_name,
                email_template_name=PasswordResetView.email_template_name,
            )


class PasswordResetDoneView(PrivateViewMixin, auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(PrivateViewMixin, auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(PrivateViewMixin, auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
