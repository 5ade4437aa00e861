"""Views that live outside the language prefix."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

# Norwegian in any written form reaches the bokmål site.
LANGUAGE_ALIASES = {"nb": "nb", "no": "nb", "nn": "nb", "en": "en"}


def preferred_language(request):
    """The language for a visitor: language cookie, then Accept-Language, else nb."""
    supported = {code for code, _name in settings.LANGUAGES}
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "").lower()
    if cookie in supported:
        return cookie
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        language = LANGUAGE_ALIASES.get(tag.lower().replace("_", "-").split("-")[0])
        if language:
            return language
    return settings.LANGUAGE_CODE


def root_redirect(request):
    """`/` sends the visitor to the home page in their language."""
    response = HttpResponseRedirect(f"/{preferred_language(request)}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
