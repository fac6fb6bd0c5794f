"""The client's address, from the trusted proxy only.

Behind nginx every request reaches gunicorn from 127.0.0.1. nginx overwrites X-Forwarded-For with
the address it was connected from ($remote_addr), and that header is believed only when the TCP
peer is one of TRUSTED_PROXIES (settings). A request that did not come through the proxy is
known by its own peer address, whatever X-Forwarded-For it carries. Of the header only the
right-most entry counts (the one our proxy wrote, even if a proxy appends instead of overwriting),
and it must parse as an address; a client cannot pose as another address.

(django-ipware's resolver prefers a publicly routable entry anywhere in the chain, which a
client can write itself; the rule here is the narrower one our single proxy allows.)
"""

import ipaddress

from django.conf import settings


def _address(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """The connecting client's address ('' when unknown)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if remote not in getattr(settings, "TRUSTED_PROXIES", ()):
        return remote  # not through our proxy: the TCP peer is the client
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return _address(forwarded.split(",")[-1]) if forwarded else remote
