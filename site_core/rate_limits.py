"""Rate limits for public forms: at most N uses per visitor address in a time window.

The membership form and the newsletter sign-up share this one mechanism. The count lives
in the default cache (Redis in production), where `cache.add` and `cache.incr` are atomic,
so every app server counts the same visitor together.
"""

from django.core.cache import cache

from site_core.client_address import client_ip


def client_address(request):
    """The visitor's address, by the same rule as login throttling (behind a trusted proxy,
    the forwarded address: site_core.client_address), so every limit counts visitors."""
    return client_ip(request) or "unknown"


def take_slot(scope, request, limit, window):
    """True while the visitor of `request` has used `scope` (a string naming the form, e.g.
    "membership-rate:12") fewer than `limit` times in the last `window` seconds; each call
    counts one use, the refused ones too."""
    key = f"{scope}:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
