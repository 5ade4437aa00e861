"""Where uploaded files live: two storages, neither served directly by a web server.

- ``default`` holds images (originals and renditions). Their URLs point at the app's
  checked image view (``site_core.media_views.serve_image_file``), which applies the
  image's collection privacy and sets the cache headers.
- ``private`` holds document files. They have no URL at all: the only way to them is
  Wagtail's document view, which checks the document's collection privacy first.

Locally both are folders (``MEDIA_ROOT`` and ``PRIVATE_MEDIA_ROOT``); with
``AWS_STORAGE_BUCKET_NAME`` set they are two prefixes (``media/``, ``private/``) of one
S3 bucket that allows no public access. Why this shape: docs/decisions.md.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property
from storages.backends.s3 import S3Storage

PRIVATE_STORAGE_ALIAS = "private"


class NoURLMixin:
    """A storage whose files have no URL, so no template or redirect can link to one.

    Raises NotImplementedError, which Wagtail's document view takes to mean "stream the
    file through Django" (wagtail.documents.views.serve).
    """

    def url(self, name, *args, **kwargs):
        raise NotImplementedError("Private files have no URL: serve them through a checked view.")


@deconstructible(path="site_core.storages.PrivateFileSystemStorage")
class PrivateFileSystemStorage(NoURLMixin, FileSystemStorage):
    """Local private files under ``settings.PRIVATE_MEDIA_ROOT`` (read at use, so tests can
    point it elsewhere), outside ``MEDIA_ROOT``."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)


class MediaS3Storage(S3Storage):
    """Images in the bucket's ``media/`` prefix, linked through the app's image view.

    The bucket itself stays private: the view decides who may see an image and sets a
    far-future ``Cache-Control`` on public ones, so a front cache serves them after that.
    """

    def url(self, name, *args, **kwargs):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


class PrivateS3Storage(NoURLMixin, S3Storage):
    """Document files in the bucket's ``private/`` prefix, streamed by the document view."""


def private_storage():
    """The storage of document files (callable, so that the field follows settings)."""
    return storages[PRIVATE_STORAGE_ALIAS]
