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
_warned_about = set()


def trusted_networks():
    """TRUSTED_PROXIES as ip_network objects (invalid entries are a configuration error)."""
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def _is_trusted(address, networks):
    return any(address in network for network in networks)


def _parse(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_ip(request):
    """The client's address as a string.

    Direct connections (or ones from an untrusted address): ``REMOTE_ADDR``. From a trusted
    proxy: the right-most ``X-Forwarded-For`` entry that is not itself a trusted proxy
    (each proxy appends the address it received the request from). A header that does not
    parse is ignored (``REMOTE_ADDR`` is used) and logged once per value; never raises.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks()
    remote_address = _parse(remote)
    if remote_address is None or not _is_trusted(remote_address, networks):
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not header:
        return remote
    entries = [_parse(part) for part in header.split(",")]
    if None in entries:
        if header not in _warned_about:
            _warned_about.add(header)
            logger.warning("Ignoring a malformed X-Forwarded-For header: %r", header[:200])
        return remote
    for address in reversed(entries):
        if not _is_trusted(address, networks):
            return str(address)
    return str(entries[0])
