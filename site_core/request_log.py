"""One structured log record per request, for production log search and alerting.

Logged to ``site_core.requests`` with the fields ``method``, ``path`` (no query string:
it may carry search terms or tokens), ``status``, ``duration_ms`` and
``authenticated``; production formats them as JSON lines (python-json-logger).
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
