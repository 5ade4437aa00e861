"""Test runs: fast hashing, in-memory mail and cache, nothing from the network."""

from .base import *  # noqa: F403
from .base import BASE_DIR, LOCAL_UPLOAD_STORAGES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"
# Tests use local folders even where the environment names an S3 bucket.
STORAGES = {**STORAGES, **LOCAL_UPLOAD_STORAGES}

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
