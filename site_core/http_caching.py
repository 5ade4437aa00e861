"""Who may keep a response: one rule for every response the site sends.

A response may be kept by browsers and by the shared front cache (Varnish, see
deploy/varnish.vcl) only when nothing in it belongs to one visitor:

- the request is a GET or HEAD from a visitor who is not logged in;
- the status is 200;
- the response sets no cookie (a session, a CSRF token, a message, a lock-out);
- the view did not use a CSRF token (every form page that posts), and nothing marked
  the request private (restricted pages, documents and images, the intranet, the
  account pages: see `mark_private`).

Such a response gets ``Cache-Control: public, max-age=…, s-maxage=…,
stale-while-revalidate=…, stale-if-error=…`` (RFC 9111 §5.2.2, RFC 5861): browsers
keep it briefly, the front cache longer, because publishing purges it there
(site_core.cache_purge). Every other response gets ``private, no-store``, so that
nothing restricted, personal or user-dependent (a 404 for a logged-in member, a
redirect chosen by a language cookie) is ever stored or shared. A view that sets
its own ``Cache-Control`` keeps it (the admin's ``no-cache``, the image view's
``immutable``), unless the response sets a cookie: then it is private whatever
the view said.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

SAFE_METHODS = ("GET", "HEAD")


def mark_private(request):
    """Make the response to `request` ``private, no-store``, whatever else it says.

    Called for every request that serves something restricted (and for the
    intranet and account views) before the view answers.
    """
    request.response_is_private = True


def is_public(request, response):
    """True when `response` to `request` may be stored by browsers and shared caches."""
    if getattr(request, "response_is_private", False):
        return False
    if request.method not in SAFE_METHODS or response.status_code != 200:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def make_private(response):
    """Replace whatever `response` said about caching with ``private, no-store``."""
    del response["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)


def make_public(response):
    """``public`` with the lifetimes of settings.HTTP_CACHE (seconds)."""
    lifetimes = settings.HTTP_CACHE
    patch_cache_control(
        response,
        public=True,
        max_age=lifetimes["MAX_AGE"],
        s_maxage=lifetimes["S_MAXAGE"],
        stale_while_revalidate=lifetimes["STALE_WHILE_REVALIDATE"],
        stale_if_error=lifetimes["STALE_IF_ERROR"],
    )


class CacheControlMiddleware:
    """Apply the module's rule to every response (first in MIDDLEWARE, so it sees the
    cookies that session, CSRF, message and lock-out middleware add on the way out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            if response.cookies or getattr(request, "response_is_private", False):
                make_private(response)
        elif is_public(request, response):
            make_public(response)
        else:
            make_private(response)
        return response
