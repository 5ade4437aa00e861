"""``/healthz/``: 200 "ok" only when the database, the cache and both upload storages answer.

For load balancers and uptime checks. The public answer is one word; what failed, and
which environment variable to look at, goes to the log (django-health-check runs the
probes: a ``SELECT 1``, a cache write and read, a file written, read and deleted in each
storage).
"""

import asyncio
import contextlib
import dataclasses
import logging
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import HealthCheckException, ServiceUnavailable
from health_check.views import HealthCheckView

logger = logging.getLogger("site_core")

# What configures each storage, named in the log when its probe fails.
S3_SETTINGS = (
    "AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY"
)
LOCAL_SETTINGS = {"default": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


@dataclasses.dataclass
class UploadStorage(Storage):
    """django-health-check's storage probe, whose failure names the variables to check."""

    def run(self):
        try:
            self.check_root_exists()
            super().run()
        except Exception as exc:  # boto3 and the file system raise many kinds
            backend = settings.STORAGES.get(self.alias, {}).get("BACKEND", "")
            if "S3" in backend:
                variables = S3_SETTINGS
            else:
                variables = LOCAL_SETTINGS.get(self.alias, "STORAGES")
            reason = exc if isinstance(exc, HealthCheckException) else type(exc).__name__
            raise ServiceUnavailable(
                f"storage {self.alias!r} failed ({reason}); check {variables}"
            ) from exc

    def check_root_exists(self):
        """A local storage's folder must be there already: the probe would create it, and an
        unmounted volume would then look healthy."""
        if isinstance(self.storage, FileSystemStorage) and not Path(self.storage.location).is_dir():
            location = self.storage.location
            raise ServiceUnavailable(f"folder {location} is missing")

    def check_delete(self, file_name):
        super().check_delete(file_name)
        if isinstance(self.storage, FileSystemStorage):  # leave no empty probe folder behind
            with contextlib.suppress(OSError):
                (Path(self.storage.location) / Path(file_name).parent).rmdir()


class HealthView(HealthCheckView):
    """GET ``/healthz/`` -> 200 ``ok`` or 503 ``unavailable`` (text/plain, never cached)."""

    checks = (
        Database,
        Cache,
        (UploadStorage, {"alias": "default"}),
        (UploadStorage, {"alias": "private"}),
    )

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        failed = [result for result in results if result.error]
        for result in failed:
            logger.error("Health check %r failed: %s", result.check, result.error)
        return HttpResponse(
            "unavailable\n" if failed else "ok\n",
            status=503 if failed else 200,
            content_type="text/plain; charset=utf-8",
        )
