"""One structured log record per request, for production log search and alerting.

Logged to ``site_core.requests`` with the fields ``method``, ``path`` (no query string:
it may carry search terms or tokens), ``status``, ``duration_ms`` and
``authenticated``; production formats them as JSON lines (python-json-logger).

No log line and no error report carries a query string: besides search terms and tokens it
can hold an e-mail address (the personal-data search). Django's own request records
(django.request, with the request in `record.request`) go through `WithoutQueryString`,
and Sentry events through `strip_query_string`.
"""

import logging
import time

logger = logging.getLogger("site_core.requests")


class RequestLogMiddleware:
    """Time each request and log it once its response is ready (outermost middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if logger.isEnabledFor(logging.INFO):
            user = getattr(request, "user", None)
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "authenticated": bool(user and user.is_authenticated),
                },
            )
        return response


class WithoutQueryString(logging.Filter):
    """A logging filter: a record's `request` (Django's django.request and
    django.security records) is replaced by "<METHOD> <path>", so a formatter that prints
    it (JSON) prints no query string. Lets every record through."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            record.request = f"{request.method} {request.path}"
        return True


def strip_query_string(event, hint):
    """Sentry's before_send: the event without the request's query string (in
    `request.query_string` and in `request.url`). Returns the event."""
    request = event.get("request")
    if request:
        request.pop("query_string", None)
        if "url" in request:
            request["url"] = request["url"].split("?", 1)[0]
    return event
