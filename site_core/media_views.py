"""The one door to image files: every image URL (``/media/…``) is answered here.

Wagtail images have no privacy of their own, but they sit in collections, and a
collection can be members-only. This view finds the image behind a file name, applies
its collection's privacy, and sets the cache headers:

- public image: ``Cache-Control: public, max-age=31536000, immutable`` (a rendition's
  name changes whenever its image or focal point does, so the bytes under one URL never
  change);
- restricted image: ``private, no-store``; a visitor who fails the restriction gets
  what the ``before_serve_image`` hooks answer (the intranet sends the login page or a
  403), else a plain 403;
- anything else under ``/media/`` (documents, health-check probes, unknown names): 404.
"""

import mimetypes
import posixpath

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.images import get_image_model

# Wagtail's upload folders: AbstractImage.get_upload_to, AbstractRendition.get_upload_to.
ORIGINALS_FOLDER = "original_images"
RENDITIONS_FOLDER = "images"
ONE_YEAR = 365 * 24 * 60 * 60
# Projects register a function(image, request) -> HttpResponse | None under this name.
BEFORE_SERVE_IMAGE_HOOK = "before_serve_image"


def image_for_file(name):
    """The image whose original or rendition is stored as `name`, or None.

    One indexed query (site_core migration 0003) with the image's collection joined.
    """
    Image = get_image_model()
    folder = name.split("/", 1)[0]
    if folder == ORIGINALS_FOLDER:
        return Image.objects.select_related("collection").filter(file=name).first()
    if folder == RENDITIONS_FOLDER:
        rendition = (
            Image.get_rendition_model()
            .objects.select_related("image__collection")
            .filter(file=name)
            .first()
        )
        return rendition.image if rendition else None
    return None


def refusal(image, request, restrictions):
    """None if `request` may see `image`, else the response that refuses it."""
    if all(restriction.accept_request(request) for restriction in restrictions):
        return None
    for hook in hooks.get_hooks(BEFORE_SERVE_IMAGE_HOOK):
        response = hook(image, request)
        if isinstance(response, HttpResponse):
            return response
    raise PermissionDenied


@require_safe
def serve_image_file(request, path):
    """Stream the image file stored as `path` to whoever its collection's privacy admits.

    Raises Http404 for a name that is not an image's file (documents included) or whose
    file is gone, PermissionDenied when the visitor fails the restriction and no hook
    answered for it.
    """
    name = posixpath.normpath(path)
    if name != path or name.startswith(("/", "..")):
        raise Http404("No such image.")
    image = image_for_file(name)
    if image is None:
        raise Http404("No such image.")
    restrictions = list(image.collection.get_view_restrictions().prefetch_related("groups"))
    response = refusal(image, request, restrictions) if restrictions else None
    if response is None:
        try:
            file = storages["default"].open(name, "rb")
        except (FileNotFoundError, OSError) as exc:
            raise Http404("The image file is missing.") from exc
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(file, content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
        # An image never runs script, even an SVG opened on its own.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        # One copy for every language: no Vary: Accept-Language from the locale middleware.
        response.language_independent = True
    if restrictions:
        response.headers.pop("Cache-Control", None)
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    return response
