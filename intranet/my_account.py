"""What a member does on their own account page (intranet.models.account.AccountPage): the
forms, the download of their data and closing the account."""

import json

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from intranet import access
from intranet.models.profile import DigestFrequency, MemberProfile
from site_core import personal_data
from site_core.brand import brand_name


def profile_of(user):
    """`user`'s MemberProfile, or an unsaved one with the defaults (staff without one):
    the forms save it when the user first changes something."""
    try:
        return user.member_profile
    except MemberProfile.DoesNotExist:
        return MemberProfile(user=user)


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's password change, guarded like the login: a wrong current password counts
    as a failed login of the account in django-axes, so guessing it from a stolen session
    locks the account after AXES_FAILURE_LIMIT tries for AXES_COOLOFF_TIME, as the login
    page does; while it is locked, the current password is not even checked."""

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(request.user, *args, **kwargs)

    def clean_old_password(self):
        credentials = {"username": self.user.email or self.user.get_username()}
        if AxesProxyHandler.is_locked(self.request, credentials):
            minutes = round(settings.AXES_COOLOFF_TIME * 60)
            message = ngettext(
                "Too many wrong passwords. For your safety the account is locked for "
                "%(minutes)s minute; then try again.",
                "Too many wrong passwords. For your safety the account is locked for "
                "%(minutes)s minutes; then try again.",
                minutes,
            )
            raise ValidationError(message % {"minutes": minutes}, code="locked")
        try:
            return super().clean_old_password()
        except ValidationError:
            user_login_failed.send(sender=__name__, credentials=credentials, request=self.request)
            raise


class ProjectChoiceField(forms.ModelMultipleChoiceField):
    """Project groups shown by their project's name (`names`: {group id: name})."""

    def __init__(self, *args, names=None, **kwargs):
        self.names = names or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, group):
        return self.names.get(group.pk) or group.name.removeprefix(access.PROJECT_GROUP_PREFIX)


class NameForm(forms.Form):
    """Name, phone and job title: on the user (names) and the profile (the rest)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)

    def __init__(self, user, *args, **kwargs):
        self.user, self.profile = user, profile_of(user)
        kwargs.setdefault(
            "initial",
            {
                "first_name": user.first_name,
                "last_name": user.last_name,
                "phone": self.profile.phone,
                "job_title": self.profile.job_title,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(char.isdigit() or char in "+ -()" for char in phone):
            raise forms.ValidationError(
                _("Use digits, spaces and a leading + only, e.g. +47 22 33 44 55.")
            )
        return phone

    def save(self):
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        self.user.save(update_fields=["first_name", "last_name"])
        self.profile.phone = self.cleaned_data["phone"]
        self.profile.job_title = self.cleaned_data["job_title"]
        self.profile.save()


class NotificationsForm(forms.Form):
    """The language of e-mails, how often the digest comes, and which of the member's own
    projects it covers (`project_names`: {group id: name} of the member's projects)."""

    preferred_language = forms.ChoiceField(
        label=_("Language of e-mails"), choices=settings.LANGUAGES
    )
    digest_frequency = forms.ChoiceField(
        label=_("Member digest"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_("One e-mail with the news, documents and updates that are new for you."),
    )
    projects = ProjectChoiceField(
        label=_("Projects in the digest"),
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Updates and documents of the projects you untick are left out."),
    )

    def __init__(self, user, project_names, *args, **kwargs):
        self.user, self.profile = user, profile_of(user)
        own = Group.objects.filter(pk__in=list(project_names)).order_by("name")
        muted = (
            {group.pk for group in self.profile.digest_muted_projects.all()}
            if self.profile.pk
            else set()
        )
        kwargs.setdefault(
            "initial",
            {
                "preferred_language": self.profile.preferred_language,
                "digest_frequency": self.profile.digest_frequency,
                "projects": [pk for pk in project_names if pk not in muted],
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = own
        self.fields["projects"].names = project_names
        if not project_names:
            del self.fields["projects"]

    def save(self):
        self.profile.preferred_language = self.cleaned_data["preferred_language"]
        self.profile.digest_frequency = self.cleaned_data["digest_frequency"]
        self.profile.save()
        if "projects" in self.fields:
            chosen = set(self.cleaned_data["projects"])
            self.profile.digest_muted_projects.set(
                [group for group in self.fields["projects"].queryset if group not in chosen]
            )


class PrivacyForm(forms.Form):
    """What the people directory shows to other members; both hidden until chosen."""

    show_email = forms.BooleanField(label=_("Show my e-mail address"), required=False)
    show_phone = forms.BooleanField(label=_("Show my phone number"), required=False)

    def __init__(self, user, *args, **kwargs):
        self.user, self.profile = user, profile_of(user)
        kwargs.setdefault(
            "initial",
            {"show_email": self.profile.show_email, "show_phone": self.profile.show_phone},
        )
        super().__init__(*args, **kwargs)

    def save(self):
        self.profile.show_email = self.cleaned_data["show_email"]
        self.profile.show_phone = self.cleaned_data["show_phone"]
        self.profile.save()


def my_data(user):
    """Everything the site holds about `user`: {"account": the user's own fields and
    groups, **site_core.personal_data.export_data(user.email)} (the registry's records for
    the address: the member profile, news read, sign-ups, …); datetimes stay datetimes."""
    account = {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "groups": sorted(group.name for group in user.groups.all()),
    }
    found = personal_data.export_data(user.email) if user.email else {"records": {}}
    return {"account": account, **found}


def my_data_json(user):
    """my_data(user) as indented UTF-8 JSON text (ISO 8601 dates)."""
    return json.dumps(my_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def close_account(user):
    """Deactivate `user` at once (is_active=False: no login, out of the directory and the
    digest) and e-mail every active member of staff (group Editors) in their language.
    Their data stays until staff erase it (Settings → Personal data). Returns the number of
    staff e-mailed. The caller logs the user out."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    staff = (
        get_user_model()
        .objects.filter(groups__name=access.STAFF_GROUP, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
    )
    context = {"member": user, "closed_at": timezone.now()}
    for recipient in staff:
        with translation.override(access.email_language(recipient)):
            send_mail(
                subject=gettext("A member closed their %(brand)s intranet account")
                % {"brand": brand_name("name")},
                message=render_to_string("intranet/email/account_closed.txt", context),
                from_email=None,
                recipient_list=[recipient.email],
            )
    return len(staff)
