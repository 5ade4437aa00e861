"""An upload the storage cannot take gets a clear answer, not a 500.

When the storage is down (S3 unreachable, wrong credentials, a full disk), saving an
uploaded file raises before the row is written (Django saves a FileField's file in
pre_save, ahead of the INSERT), so nothing half-made is left behind; this middleware
turns the exception into a 503 page in the user's language that says nothing was
saved, and logs the cause.
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.template.response import TemplateResponse

logger = logging.getLogger("site_core")

STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
RETRY_AFTER_SECONDS = 120


class StorageErrorMiddleware:
    """Answer a failed upload (a POST with files whose storage raised) with a 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.FILES:
            return None
        if not isinstance(exception, STORAGE_ERRORS):
            return None
        logger.error(
            "Upload to %s could not be stored (%s); check the storage settings "
            "(MEDIA_ROOT, PRIVATE_MEDIA_ROOT or AWS_*) and /healthz/",
            request.path,
            type(exception).__name__,
            exc_info=exception,
        )
        response = TemplateResponse(request, "site_core/upload_failed.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "private, no-store"
        return response
