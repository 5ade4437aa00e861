"""Staff invite a member from the Wagtail admin; the member sets a password from a link."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.models import MemberCompany
from intranet import access
from intranet.models import MemberProfile
from site_core.brand import brand_name


class InviteMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    company = forms.ModelChoiceField(
        label=_("Member company"),
        queryset=MemberCompany.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects"),
        queryset=Group.objects.filter(name__startswith=access.PROJECT_GROUP_PREFIX).order_by(
            "name"
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The project spaces this member may open."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of e-mails"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("A user with this e-mail address already exists."))
        return email


def create_invited_member(data):
    """A user with no usable password yet, in Members and the chosen project groups."""
    user = get_user_model()(
        username=data["email"],
        email=data["email"],
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(access.group(access.MEMBERS_GROUP), *data["projects"])
    MemberProfile.objects.create(
        user=user, company=data["company"], preferred_language=data["preferred_language"]
    )
    return user


def send_invitation(user, language, base_url):
    """E-mail `user` a one-time link (Django's reset token) to set their password."""
    with translation.override(language):
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {"user": user, "link": base_url.rstrip("/") + path}
        send_mail(
            subject=_("Your invitation to the %(brand)s member intranet")
            % {"brand": brand_name("name")},
            message=render_to_string("intranet/email/invitation.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )


class InviteMemberView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    permission_required = "intranet.invite_member"
    template_name = "intranet/admin/invite.html"
    form_class = InviteMemberForm
    page_title = _("Invite a member")
    header_icon = "user"

    def form_valid(self, form):
        # The member and their queued invitation are stored together, or neither is.
        with transaction.atomic():
            user = create_invited_member(form.cleaned_data)
            send_invitation(
                user, form.cleaned_data["preferred_language"], self.request.build_absolute_uri("/")
            )
        messages.success(
            self.request,
            _("%(email)s is invited and will receive a link to set a password.")
            % {"email": user.email},
        )
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("intranet_invite_member")
