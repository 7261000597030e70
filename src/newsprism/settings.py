"""What the environment decides for the library: the device, bfloat16, the operator's contact,
and the size limits on input.

Read once, at the edge: `settings_from_env()` reads the process environment the first time it is
called and keeps the value; a library function takes each setting as a parameter whose default
comes from it. So no stage reads `os.environ`, and a test passes a value (or a `Settings`) instead
of patching the environment. The web app's own settings (tokens, upload size) are read the same
way in web/settings.py.

The size limits bound what one hostile or broken input can cost; each has a variable, for the
rare honest input over it (a long report, a large archived page). A value that is not a positive
whole number is a mistake, not a request for "no limit": it gets one warning and the default.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

MB = 1024 * 1024

DEVICE_ENV = "NEWSPRISM_DEVICE"
BF16_ENV = "NEWSPRISM_BF16"
CONTACT_ENV = "NEWSPRISM_CONTACT"
MAX_INPUT_ENV = "NEWSPRISM_MAX_INPUT_MB"
MAX_LINE_ENV = "NEWSPRISM_MAX_LINE_MB"
MAX_PAGE_ENV = "NEWSPRISM_MAX_PAGE_MB"
MAX_FETCH_ENV = "NEWSPRISM_MAX_FETCH_MB"
MAX_ANALYZED_ENV = "NEWSPRISM_MAX_ANALYZED_CHARS"

DEFAULT_MAX_INPUT_MB = 64
"""A file read whole (text, HTML, feed, OPML): far above any article, below what fills memory."""
DEFAULT_MAX_LINE_MB = 16
"""One JSON line, an article with its metadata: a file with no line breaks cannot fill memory."""
DEFAULT_MAX_PAGE_MB = 5
"""One HTML page in a web archive: pages that size are galleries and dumps, not articles."""
DEFAULT_MAX_FETCH_MB = 10
"""One fetched body, counted as it is decoded, so a compressed bomb is cut off early."""
DEFAULT_MAX_ANALYZED_CHARS = 200_000
"""Characters of one article analyzed: spaCy's parser needs memory in proportion to the text
(its own documentation gives about 1 GB per 100,000 characters), and news runs to a few thousand."""

_FALSE = ("0", "", "false", "no")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    """The library's settings; every field's default is what an empty environment gives.

    `bfloat16` None leaves the choice to a check of the CPU (stories/embed.py). Limits are in
    bytes, except `max_analyzed_chars`.
    """

    device: str = "cpu"
    bfloat16: bool | None = None
    contact: str = ""
    max_input_bytes: int = DEFAULT_MAX_INPUT_MB * MB
    max_line_bytes: int = DEFAULT_MAX_LINE_MB * MB
    max_page_bytes: int = DEFAULT_MAX_PAGE_MB * MB
    max_fetch_bytes: int = DEFAULT_MAX_FETCH_MB * MB
    max_analyzed_chars: int = DEFAULT_MAX_ANALYZED_CHARS


def positive_number(environ: Mapping[str, str], name: str, default: int) -> int:
    """A positive whole number from the environment; unset or blank gives `default` silently, and
    anything else that is not a positive whole number gives it with a one-line warning."""
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        log.warning("%s=%r is not a positive whole number; using the default, %s", name, raw, default)
        return default
    return value


def settings_from(environ: Mapping[str, str]) -> Settings:
    """Settings from an environment mapping; see README.md's table of limits for each variable."""
    chosen = environ.get(BF16_ENV)
    return Settings(
        device=environ.get(DEVICE_ENV, "cpu"),
        # Set at all, it decides: "0", "false", "no" and an empty value turn bfloat16 off.
        bfloat16=None if chosen is None else chosen.strip().lower() not in _FALSE,
        contact=environ.get(CONTACT_ENV, "").strip(),
        max_input_bytes=positive_number(environ, MAX_INPUT_ENV, DEFAULT_MAX_INPUT_MB) * MB,
        max_line_bytes=positive_number(environ, MAX_LINE_ENV, DEFAULT_MAX_LINE_MB) * MB,
        max_page_bytes=positive_number(environ, MAX_PAGE_ENV, DEFAULT_MAX_PAGE_MB) * MB,
        max_fetch_bytes=positive_number(environ, MAX_FETCH_ENV, DEFAULT_MAX_FETCH_MB) * MB,
        max_analyzed_chars=positive_number(environ, MAX_ANALYZED_ENV, DEFAULT_MAX_ANALYZED_CHARS),
    )


def size_text(size: int) -> str:
    """A limit in bytes as a person writes it: "16 MB", "256 KB", or "1,500 bytes"."""
    for unit, name in ((MB, "MB"), (1024, "KB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit:,} {name}"
    return f"{size:,} bytes"


@lru_cache(maxsize=1)
def settings_from_env() -> Settings:
    """The process's settings, read from `os.environ` on the first call and kept: a warning about a
    bad value is given once, and every stage sees the same limits for the whole run."""
    return settings_from(os.environ)
