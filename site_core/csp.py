"""Content-Security-Policy: strict on the public site and the intranet, looser in the admin.

The site's own pages follow ``settings.CONTENT_SECURITY_POLICY``. The Wagtail admin gets
that policy with ``ADMIN_OVERRIDES``, because:

- ``script-src 'unsafe-inline'``: admin templates and packages (Draftail, wagtail-localize's
  editor, Wagtail's own widgets) run inline scripts that carry no nonce;
- ``style-src 'unsafe-inline'``: the admin's components set inline styles;
- ``img-src data: blob:``, ``font-src data:``: image previews and the focal-point editor
  draw from data and blob URLs;
- ``frame-ancestors 'self'``, ``frame-src 'self'``: the page editor shows its live preview,
  an admin URL, in a frame of its own origin.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"

ADMIN_OVERRIDES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy for admin URLs.

    Responses that set their own header (documents, image files: ``default-src 'none'``)
    keep it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], **ADMIN_OVERRIDES}
            parts.nonce = None  # browsers ignore 'unsafe-inline' when a nonce is present
        return parts
