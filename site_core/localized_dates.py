"""Dates in wagtail-localize's translation editor in the admin language.

wagtail-localize 1.14 writes the note under a translated segment ("Translated manually on
{date}", "Machine translated on …", "Translated with … on …",
`StringTranslation.get_comment`) with `datetime.strftime(wagtail_localize.compat.DATE_FORMAT)`,
which names the month in the C locale: "Oversatt manuelt den 30 November 2026" in a Norwegian
admin. `install()` wraps the method so that date is written by Django's localized
DATE_FORMAT in the active language instead ("30. november 2026"; site_core.formats for en),
in the site's time zone.
"""

from functools import wraps

from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail_localize.compat import DATE_FORMAT
from wagtail_localize.models import StringTranslation


def localize_comment_date(get_comment):
    """`get_comment` (a StringTranslation method returning the note or None) with its
    strftime date replaced by the localized one."""

    @wraps(get_comment)
    def localized(string_translation):
        comment = get_comment(string_translation)
        moment = string_translation.updated_at
        if not comment or moment is None:
            return comment
        written = moment.strftime(DATE_FORMAT)
        return comment.replace(written, date_format(localtime(moment), "DATE_FORMAT"))

    localized.localizes_dates = True
    return localized


def install():
    """Wrap StringTranslation.get_comment (idempotent)."""
    if not getattr(StringTranslation.get_comment, "localizes_dates", False):
        StringTranslation.get_comment = localize_comment_date(StringTranslation.get_comment)
