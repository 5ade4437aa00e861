"""The visitor's IP address, behind the proxies the deployment trusts and no others.

Login throttling (django-axes, through ``AXES_CLIENT_IP_CALLABLE``) and the membership
form's rate limit both key on this one function. ``X-Forwarded-For`` is read only when the
connection comes from an address in ``TRUSTED_PROXIES`` (a setting from the environment:
addresses or networks, comma-separated); otherwise anyone could claim any address in it.
django-ipware cannot express that rule: it trusts the header's own entries, not the
address the connection comes from.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger("site_core")
# Malformed headers already logged (at most this many remembered).
WARNINGS_REMEMBERED = 256
_warned_about = set()


def trusted_networks():
    """TRUSTED_PROXIES as ip_network objects (invalid entries are a configuration error)."""
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def _is_trusted(address, networks):
    return any(address in network for network in networks)


def _parse(text):
    """An address, or None for anything else (a zone-scoped IPv6 address included)."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return None if getattr(address, "scope_id", None) else address


def _warn_once(header):
    if header in _warned_about:
        return
    if len(_warned_about) >= WARNINGS_REMEMBERED:  # bounded: junk headers cannot grow memory
        _warned_about.clear()
    _warned_about.add(header)
    logger.warning("Ignoring a malformed X-Forwarded-For header: %r", header[:200])


def client_ip(request):
    """The client's address as a string.

    Direct connections (or ones from an untrusted address): ``REMOTE_ADDR``. From a trusted
    proxy: ``X-Forwarded-For`` read from the right (each proxy appends the address it got
    the request from), skipping trusted proxies; the first other address is the client's,
    and whatever the client itself put to its left is never read. A header whose entries
    up to that point do not parse is ignored (``REMOTE_ADDR`` is used) and logged once;
    never raises.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks()
    remote_address = _parse(remote)
    if remote_address is None or not _is_trusted(remote_address, networks):
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not header:
        return remote
    last_trusted = remote
    for entry in reversed(header.split(",")):
        address = _parse(entry)
        if address is None:
            _warn_once(header)
            return remote
        if not _is_trusted(address, networks):
            return str(address)
        last_trusted = str(address)
    return last_trusted
