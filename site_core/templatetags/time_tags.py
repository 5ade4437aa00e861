"""Machine-readable times for ``<time datetime="…">``."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    """An aware datetime as a valid global date and time string of HTML (WHATWG HTML,
    "Dates and times"): local time to the second with its UTC offset,
    "2026-05-04T10:30:00+02:00". Django's ``date:'c'`` prints microseconds, and HTML
    allows at most three digits of a second's fraction. A naive datetime is taken to be
    in the current time zone; anything false (None, "") gives "".
    """
    if not value:
        return ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).replace(microsecond=0).isoformat()
