"""The membership application form.

Its fields are fixed in code rather than built by editors in the form
builder: the organisation-number check, consent, honeypot and length limits
must always be there, and the labels and errors come from our gettext
catalogues, so they are right in both languages without translating each
page's form fields.
"""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from home.sectors import Sector
from home.validators import (
    normalise_organisation_number,
    reject_control_characters,
    reject_control_characters_in_text,
    validate_organisation_number,
)

MESSAGE_MAX_LENGTH = 3000
HONEYPOT_FIELD = "homepage"

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{8,20}$",
    _("Enter a phone number of 8 to 20 digits; spaces, brackets, dashes and a leading + are fine."),
)


def line(label, max_length, validators=(), **kwargs):
    """A one-line text field without control characters."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        validators=[reject_control_characters, *validators],
        **kwargs,
    )


class MembershipForm(forms.Form):
    """What a company tells us when it applies for membership."""

    company_name = line(
        _("Company name"), 200, widget=forms.TextInput({"autocomplete": "organization"})
    )
    organisation_number = line(
        _("Organisation number"),
        20,
        help_text=_("Nine digits, as in the Brønnøysund Register Centre."),
        widget=forms.TextInput({"inputmode": "numeric"}),
    )
    contact_person = line(
        _("Contact person"), 200, widget=forms.TextInput({"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    phone = line(
        _("Phone"),
        30,
        validators=[phone_validator],
        widget=forms.TextInput({"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *Sector.choices])
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[reject_control_characters_in_text],
        help_text=_("What would you like to gain from the cluster? (optional)"),
        widget=forms.Textarea({"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_("You may contact me about this application and membership of the cluster."),
    )
    # Hidden from people by CSS; bots fill it in.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput({"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)

    def clean_organisation_number(self):
        value = self.cleaned_data["organisation_number"]
        validate_organisation_number(value)
        return normalise_organisation_number(value)

    def clean_company_name(self):
        return " ".join(self.cleaned_data["company_name"].split())

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    @property
    def visible_fields_for_template(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]

    def summary(self):
        """(label, value as a person reads it) for each field, for the e-mails."""
        rows = []
        for field in self.visible_fields_for_template:
            value = self.cleaned_data.get(field.name)
            if field.name == "sector":
                value = Sector(value).label
            elif isinstance(value, bool):
                value = _("Yes") if value else _("No")
            rows.append((field.label, value))
        return rows

    def submission_data(self):
        """What we store and e-mail: every field except the honeypot."""
        return {k: v for k, v in self.cleaned_data.items() if k != HONEYPOT_FIELD}


class NewsletterForm(forms.Form):
    """The newsletter sign-up: an e-mail address (and the honeypot bots fill in)."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, like name@example.no."),
        },
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput({"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_email(self):
        # One row per address whatever its spelling: Kari@Example.no is kari@example.no.
        return self.cleaned_data["email"].strip().lower()

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class EventRegistrationForm(forms.Form):
    """A visitor's sign-up for a public event: name, e-mail, company (optional) and consent.

    `was_full` is a hidden field the page fills in: whether the page said the event was full
    when the form was shown, so the answer can tell someone who got the waiting list because
    the last place went while they typed."""

    name = line(
        _("Name"),
        200,
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput({"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, like name@example.no."),
        },
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    company = line(
        _("Company"),
        200,
        required=False,
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    consent = forms.BooleanField(
        label=_("You may store my name, e-mail and company to organise this event."),
        error_messages={"required": _("Tick the box to let us store your sign-up.")},
    )
    was_full = forms.BooleanField(required=False, widget=forms.HiddenInput)
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput({"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    @property
    def visible_fields_for_template(self):
        return [self["name"], self["email"], self["company"], self["consent"]]
