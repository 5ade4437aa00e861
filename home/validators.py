"""Validators for what visitors type into the public forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORGANISATION_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
# Line breaks and tabs are fine in a message; every other control character is not.
ALLOWED_IN_TEXT = {"\n", "\r", "\t"}


def normalise_organisation_number(value):
    """The digits of an organisation number as typed, e.g. "923 609 016" -> "923609016"."""
    return "".join(value.split()).replace("-", "")


def organisation_number_is_valid(number):
    """Nine digits whose last is the MOD11 check digit of the first eight (Brønnøysund rules)."""
    if len(number) != 9 or not number.isascii() or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number, ORGANISATION_NUMBER_WEIGHTS, strict=False))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(number[8])


def validate_organisation_number(value):
    if not organisation_number_is_valid(normalise_organisation_number(value)):
        raise ValidationError(
            _(
                "Enter a valid Norwegian organisation number: nine digits, as in the Brønnøysund "
                "Register Centre."
            ),
            code="invalid_organisation_number",
        )


def has_control_characters(value, allowed=frozenset()):
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value)


def reject_control_characters(value):
    """For one-line fields: no control characters at all."""
    if has_control_characters(value):
        raise ValidationError(_("Remove the invisible control characters."), code="control")


def reject_control_characters_in_text(value):
    """For multi-line fields: line breaks and tabs only."""
    if has_control_characters(value, ALLOWED_IN_TEXT):
        raise ValidationError(_("Remove the invisible control characters."), code="control")
