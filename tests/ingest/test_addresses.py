"""Which addresses a fetch may connect to: public ones only, however an address is disguised."""

from __future__ import annotations

import pytest

from newsprism.ingest.addresses import refusal_reason, resolve_host


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),  # an IPv4 address mapped into IPv6
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("not an address", "unparseable"),
    ],
)
def test_addresses_that_are_not_public_are_refused_with_the_reason(address: str, reason: str) -> None:
    assert refusal_reason(address) == reason


def test_public_addresses_pass() -> None:
    assert refusal_reason("93.184.216.34") is None
    assert refusal_reason("2606:4700:4700::1111") is None


def test_an_ip_literal_resolves_to_itself() -> None:
    assert resolve_host("127.0.0.1", 80) == ["127.0.0.1"]
