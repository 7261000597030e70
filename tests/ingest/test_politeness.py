"""Polite fetching: requests to one host spaced apart, retries backed off, Retry-After obeyed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from newsprism.ingest.politeness import HostThrottle, backoff_delay, retry_after_seconds


def test_requests_to_one_host_are_spaced_and_other_hosts_do_not_wait() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    throttle = HostThrottle(2.0, clock=lambda: now[0], sleep=sleep)
    assert throttle.wait("a.example") == 0.0
    assert throttle.wait("b.example") == 0.0
    assert throttle.wait("a.example") == 2.0
    now[0] += 5.0
    assert throttle.wait("a.example") == 0.0
    assert slept == [2.0]


def test_backoff_grows_to_its_cap_with_half_of_it_random() -> None:
    for attempt, step in ((0, 1.0), (3, 8.0), (10, 30.0)):
        delay = backoff_delay(attempt, base=1.0, cap=30.0)
        assert step / 2 <= delay <= step


def test_retry_after_holds_seconds_or_a_date() -> None:
    assert retry_after_seconds("120") == 120.0
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 50 <= (retry_after_seconds(soon) or 0) <= 61
    assert retry_after_seconds(format_datetime(datetime(2000, 1, 1, tzinfo=UTC), usegmt=True)) == 0.0
    assert (
        retry_after_seconds("soon") is None
        and retry_after_seconds(None) is None
        and retry_after_seconds(" ") is None
    )
