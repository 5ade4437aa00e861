"""Language routing on top of Django's LocaleMiddleware."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# A first path segment shaped like a language tag: "de", "xx", "pt-br", "zh_hans".
LANGUAGE_TAG = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})*)(?:/|$)", re.IGNORECASE)


def unsupported_language_prefix(path):
    """The language-like first segment of `path` when it is not one we serve, else None."""
    match = LANGUAGE_TAG.match(path)
    if not match:
        return None
    supported = {code for code, _name in settings.LANGUAGES}
    return None if match.group(1).lower() in supported else match.group(1)


class LanguagePrefixMiddleware(LocaleMiddleware):
    """LocaleMiddleware that answers unknown language prefixes with a plain 404.

    Django would redirect `/de/` to `/nb/de/` (Wagtail's catch-all route makes
    every path "valid"); a visitor asking for a language we do not have gets
    our Norwegian 404 page instead, straight away.
    """

    def process_request(self, request):
        if unsupported_language_prefix(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            request.unsupported_language_prefix = True
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if getattr(response, "language_independent", False):
            return response  # e.g. image files: the same bytes in every language
        if getattr(request, "unsupported_language_prefix", False):
            response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
