"""How long to wait before asking a host again: spacing per host, backoff, Retry-After.

A batch of URLs often holds dozens from one outlet; asked back to back they look like an
attack, and a struggling server asked again at once only struggles more. Time comes in as
`clock` and `sleep` so the waits can be tested without waiting.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_MAX_TRACKED_HOSTS = 10_000
_jitter = random.Random()


class HostThrottle:
    """Spaces the starts of requests to one host at least `min_interval` seconds apart, across threads."""

    def __init__(
        self,
        min_interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Sleep until `host` may be asked again, and book the slot; returns the seconds slept."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            # Booking before sleeping lets two threads wanting one host queue up, not collide.
            self._next[host] = start + self.min_interval
            if len(self._next) > _MAX_TRACKED_HOSTS:
                self._next = {name: due for name, due in self._next.items() if due > now}
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return max(delay, 0.0)


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """The wait before retry number `attempt` (from 0): up to `base` * 2**attempt, at most `cap`.

    Half of it is fixed and half random, so clients that failed together do not all come back
    at the same moment.
    """
    step = min(cap, base * 2**attempt)
    return step / 2 + _jitter.uniform(0, step / 2)


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header in seconds from now; it holds either seconds or an HTTP date."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
