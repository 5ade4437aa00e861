"""Editors' redirects (wagtail.contrib.redirects) on a site where every address carries a
language prefix.

Wagtail looks a redirect up by the exact path asked for, so one made for ``/om-oss``
answered only there, while visitors and search engines come with ``/nb/om-oss/`` or
``/en/om-oss/``. Here a redirect answers with or without the prefix, and one that points
to a page sends the visitor to that page's live translation in their language: the
prefix they used, else (an unprefixed path) their language cookie, then Accept-Language
(site_core.views.preferred_language). Redirects that Wagtail makes itself when a page's
slug changes or it moves are stored with the prefix and keep working in both languages.
"""

from urllib.parse import urlparse

from django import http
from django.conf import settings
from django.utils.cache import patch_vary_headers
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from site_core.views import preferred_language

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def split_language(path):
    """(language code, the rest of `path`) for a path under a language prefix we serve,
    else (None, path). "/nb/om-oss" -> ("nb", "/om-oss"); "/nb" -> ("nb", "/")."""
    first, _slash, rest = path.lstrip("/").partition("/")
    if first in LANGUAGES:
        return first, "/" + rest
    return None, path


def candidate_paths(path, language):
    """The stored paths that may hold the redirect for normalised `path`, best first: a
    path with a language prefix as asked, then without it; one without a prefix as asked,
    then under each language's prefix, `language` (the visitor's) first."""
    prefix_language, rest = split_language(path)
    if prefix_language:
        return [path, rest]
    return [path] + [f"/{code}{path}" for code in [language, *LANGUAGES] if code]


def find_redirect(request, path, language):
    """The Redirect for normalised `path` (query string and all, then without it), or None."""
    without_query = urlparse(path).path
    for full in dict.fromkeys([path, without_query]):  # once each, in this order
        for candidate in candidate_paths(full, language):
            redirect = get_redirect(request, candidate)
            if redirect is not None:
                return redirect
    return None


def link_in_language(redirect, language):
    """Where `redirect` sends a visitor of `language` (a code): the live translation of its
    page in that language when there is one, else its page or link as Wagtail has it; None
    when it points nowhere."""
    page = redirect.redirect_page
    locale = Locale.objects.filter(language_code=language).first()
    if page is not None and locale is not None and page.locale_id != locale.pk:
        translation = page.get_translation_or_none(locale)
        if translation is not None and translation.live:
            redirect.redirect_page = translation  # unsaved: Redirect.link does the rest
    return redirect.link


class LocalizedRedirectMiddleware(RedirectMiddleware):
    """Wagtail's RedirectMiddleware (in its place in MIDDLEWARE), with the language prefix
    optional and the target page in the visitor's language (module docstring)."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        prefix_language, _rest = split_language(path)
        language = prefix_language or preferred_language(request)
        redirect = find_redirect(request, path, language)
        if redirect is None:
            return response
        link = link_in_language(redirect, language)
        if link is None:
            return response
        answer = (
            http.HttpResponsePermanentRedirect(link)
            if redirect.is_permanent
            else http.HttpResponseRedirect(link)
        )
        if prefix_language is None:  # chosen by the visitor's cookie or Accept-Language
            patch_vary_headers(answer, ("Accept-Language", "Cookie"))
        return answer
