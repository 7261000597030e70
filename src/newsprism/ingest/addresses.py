"""Which network addresses a fetch may connect to: public ones only.

A fetched URL, or a redirect it leads to, must not reach the machine newsprism runs on or its
network: loopback, private ranges (RFC 1918, fc00::/7, carrier-grade NAT), link-local (which
holds the cloud metadata service at 169.254.169.254), multicast, reserved and unspecified
addresses. The same addresses written as IPv6 (IPv4-mapped ::ffff:a.b.c.d, 6to4 2002::/16,
NAT64 64:ff9b::/96) are judged by the IPv4 address inside them.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

# (host, port) -> addresses in the resolver's order of preference; tests stand in a fake one.
Resolver = Callable[[str, int], list[str]]

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_BITS = 0xFFFFFFFF


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself), without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal_reason(address: str) -> str | None:
    """Why a fetch may not connect to `address` ("loopback", "private", ...); None if public."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unparseable"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return refusal_reason(str(embedded))
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        # is_global is False for what the flags above miss, such as 100.64.0.0/10, where some
        # clouds keep their metadata service.
        ("non-public", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & _IPV4_BITS)
    return None
