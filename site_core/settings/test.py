"""Test runs: fast hashing, in-memory mail and cache, nothing from the network."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, LOCAL_UPLOAD_STORAGES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail is queued as everywhere (tests/conftest.py puts the queue back after Django's test
# set-up swaps EMAIL_BACKEND) and delivered into django.core.mail.outbox.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Jobs run at once, in the request that queues them, so tests that are not about the queue
# see their e-mails and Wagtail's index updates as before; the queue's own tests switch to the
# database backend and run the worker (tests/jobs.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# On, as in production, so that every test sees the kept fragments; tests whose content is
# changed by another process (the worker) clear the cache as they would without it.
FRAGMENT_CACHE_SECONDS = 3600
# Uploads of each test process apart (pytest-xdist names its workers gw0, gw1 …): a test
# that deletes a document deletes its file, which another process's copy of the demo uses.
TEST_PROCESS = os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = BASE_DIR / ".test-media" / TEST_PROCESS
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media" / TEST_PROCESS
# Tests use local folders even where the environment names an S3 bucket.
STORAGES = {**STORAGES, **LOCAL_UPLOAD_STORAGES}

# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
