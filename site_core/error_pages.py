"""The site's own 404 and 500 pages in development too.

With ``DEBUG = True`` (site_core/settings/dev.py, ``make run``) Django answers a missing
page with its technical 404 (in English, without the site's header, listing every URL
pattern) and an error with its traceback page, so a developer never sees the pages
visitors get. ``DesignedErrorPagesMiddleware`` answers both with the site's own handlers,
as production does; ``DEBUG_ERROR_PAGES = True`` (environment ``DEBUG_ERROR_PAGES=1``)
brings Django's technical pages back. Without DEBUG it does nothing: Django already uses
the handlers then.
"""

from django.conf import settings
from django.core import signals
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import get_resolver, get_urlconf
from django.utils.log import log_response


def designed_pages_wanted():
    """True when DEBUG would show Django's technical pages and nobody asked for them."""
    return settings.DEBUG and not settings.DEBUG_ERROR_PAGES


class DesignedErrorPagesMiddleware:
    """Answers an address no URL pattern matches, a view's Http404 and a view's uncaught
    exception with ``handler404`` / ``handler500`` (404.html, site_core.outage) while
    DEBUG is on, unless DEBUG_ERROR_PAGES.

    Last in MIDDLEWARE, so that its page passes every other middleware on the way out as
    Django's own would (the redirects middleware still turns a 404 into a redirect, the
    language middleware adds Content-Language). The traceback of an error is still
    logged ("django.request"), so ``runserver`` prints it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No resolver match: no URL pattern matched, and Django's technical 404 answered.
        unmatched = response.status_code == 404 and request.resolver_match is None
        if unmatched and designed_pages_wanted():
            return self.page(request, 404, Http404(request.path_info))
        return response

    def process_exception(self, request, exception):
        if not designed_pages_wanted() or isinstance(exception, PermissionDenied):
            return None  # Django answers PermissionDenied with handler403 even in DEBUG
        if isinstance(exception, Http404):
            return self.page(request, 404, exception)
        signals.got_request_exception.send(sender=type(self), request=request)
        response = self.page(request, 500, exception)
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response

    @staticmethod
    def page(request, status_code, exception):
        """The response of the URLconf's handler for `status_code` (handler404 takes the
        exception, handler500 reads it from sys.exc_info(), as Django calls them)."""
        handler = get_resolver(get_urlconf()).resolve_error_handler(status_code)
        if status_code == 404:
            return handler(request, exception=exception)
        return handler(request)
