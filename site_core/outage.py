"""When the database or the cache is down: a 503 page in the visitor's language, not a 500.

Django answers an uncaught exception with `handler500`; this one tells a lost connection
to PostgreSQL (restarting, a failover, too many connections) or to Redis from a bug. For
the former the visitor gets a 503 (RFC 9110 §15.6.4) with `Retry-After`, in the
language of the address (the database holds nothing this page needs), and a visitor
whose form post failed gets the form's values back in a "Send again" form, so nothing
typed is lost. Django reconnects on the next request (`CONN_HEALTH_CHECKS`), so the
errors stop as soon as the database accepts connections again. Behind Varnish,
visitors are served the last good copy of public pages meanwhile (grace).
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.defaults import server_error as django_server_error
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

RETRY_AFTER_SECONDS = 30
# Never echoed back: secrets, and the old CSRF token (the page brings a new one).
NOT_KEPT = ("password", "csrfmiddlewaretoken")


UNAVAILABLE = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def service_unavailable(exception):
    """True for the errors a lost or refused database or Redis connection raises
    (psycopg2's OperationalError and InterfaceError arrive wrapped in Django's)."""
    return isinstance(exception, UNAVAILABLE)


def kept_fields(request):
    """[(name, value)] of a POST's fields, in order, without passwords and the CSRF token."""
    if request.method != "POST":
        return []
    return [
        (name, value)
        for name, values in request.POST.lists()
        if not any(secret in name.lower() for secret in NOT_KEPT)
        for value in values
    ]


def server_error(request, template_name="500.html"):
    """handler500: the 503 page for a database or cache outage, Django's 500 page otherwise."""
    if not service_unavailable(sys.exc_info()[1]):
        return django_server_error(request, template_name)
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        response = TemplateResponse(
            request,
            "site_core/unavailable.html",
            {"kept_fields": kept_fields(request), "action": request.get_full_path()},
            status=503,
        )
        response.render()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    return response
