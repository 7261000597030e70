"""Metadata every reader shares: defaults, dates, languages, ids, and building the Article.

Each source kind finds a title or a date its own way; what happens afterwards is the same for
all of them, so it lives here once: a file's own values win, the CLI's defaults fill the gaps,
dates become ISO 8601 (or None, never an error: a bad date must not cost an article), and the
language is guessed only when nobody said.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newsprism.ingest.language import guess_language
from newsprism.lang.outlet_registry import SHIPPED, OutletRegistry, registered_domain, url_host
from newsprism.model import Article


@dataclass(frozen=True, slots=True)
class ArticleDefaults:
    """Values the CLI options --published/--source/--language fill where a file lacks them, and
    the outlet registry (--outlets) that names the outlet of an article's URL."""

    published: str | None = None
    source: str | None = None
    language: str | None = None
    outlets: OutletRegistry = SHIPPED


# The "nothing given" defaults, shared so signatures need no call in their default values.
NO_DEFAULTS = ArticleDefaults()

_WEEKDAY = re.compile(r"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_PARTIAL_ISO = re.compile(r"^\d{4}(?:-\d{2})?$")
_SPACES = re.compile(r"\s+")
_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%b. %d, %Y",
    "%d %B %Y", "%d %b %Y", "%d %b. %Y", "%d. %B %Y",
    "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%Y%m%d",
)  # fmt: skip
_TIME_FORMATS = ("", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M%p", ", %H:%M", ", %I:%M %p")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MIN_EPOCH = 100_000_000  # below this a number is not a Unix timestamp of a news article
_MAX_EPOCH = 32_503_680_000  # year 3000: above it, not a timestamp either (and datetime would overflow)
_MAX_NOTED = 10_000  # inputs remembered as already warned about, so a long-lived server stays bounded

log = logging.getLogger(__name__)
_noted_dates: set[str] = set()


def normalize_published(value: object) -> str | None:
    """A publication date as ISO 8601 ("2025-05-14" or "2025-05-14T10:00:00+00:00"), else None.

    Accepts what feeds, front matter and exports actually carry: ISO strings, RFC 2822
    ("Wed, 14 May 2025 10:00:00 GMT"), "May 14, 2025", "14 May 2025", "14.05.2025",
    Unix timestamps, and date objects (YAML turns `2025-05-14` into one).
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not _MIN_EPOCH <= value <= _MAX_EPOCH:  # also NaN and infinities: they compare False
            return None
        return datetime.fromtimestamp(value, UTC).isoformat()
    if not isinstance(value, str):
        return None
    raw = _SPACES.sub(" ", value.strip())
    if not raw:
        return None
    if _PARTIAL_ISO.match(raw):
        return raw  # "2025" or "2025-05": ISO at the precision the source knew
    return _iso_datetime(raw) or _rfc2822(raw) or _formatted(raw)


def _iso_datetime(raw: str) -> str | None:
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        return None
    if len(raw) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _rfc2822(raw: str) -> str | None:
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _formatted(raw: str) -> str | None:
    text = _ORDINAL.sub("", _WEEKDAY.sub("", raw)).replace(" at ", " ").strip()
    slashed = _SLASHED.match(text)
    if slashed:
        # 05/14/2025 is American, 14/05/2025 European; a first part over 12 settles it.
        first, second, year = (int(part) for part in slashed.groups())
        month, day = (second, first) if first > 12 else (first, second)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    for date_format in _DATE_FORMATS:
        for time_format in _TIME_FORMATS:
            try:
                parsed = datetime.strptime(text, date_format + time_format)
            except ValueError:
                continue
            return parsed.date().isoformat() if not time_format else parsed.isoformat()
    return None


def normalize_language(value: object) -> str | None:
    """The primary subtag, lower-cased ("en-US" -> "en"), or None when absent."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower()


MAX_FIELD = 8_192
"""Characters kept of one metadata value (a title, an author list): a field, not a text."""


def as_text(value: Any) -> str | None:
    """A metadata value as a clean one-line string of at most MAX_FIELD characters; a list
    (several authors) is joined, its scalar items only: metadata is never nested deeper."""
    if isinstance(value, list | tuple):
        parts = [part for part in (_scalar_text(item) for item in value[:100]) if part]
        return ", ".join(parts)[:MAX_FIELD] or None
    return _scalar_text(value)


def _scalar_text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | tuple | bool):
        return None
    text = " ".join(str(value)[: MAX_FIELD * 2].split())[:MAX_FIELD]
    return text or None


def text_id(text: str) -> str:
    """A short id that stays the same for the same text, for inputs that carry none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def build_article(
    *,
    id: str,
    text: str,
    meta: dict[str, Any],
    path: str | None,
    defaults: ArticleDefaults,
    credits: list[str] | None = None,
    container_source: str | None = None,
) -> Article:
    """The Article for one input, with its own `meta` first and `defaults` filling the gaps.

    `container_source` is what the input came in names it by (a feed's title); see
    `resolve_source` for the order the outlet is taken in.
    """
    language = normalize_language(meta.get("language")) or normalize_language(defaults.language)
    published = normalize_published(meta.get("published"))
    if published is None and meta.get("published") not in (None, ""):
        _note_unreadable_date(path or id, meta["published"])
    return Article(
        id=id,
        text=text,
        title=as_text(meta.get("title")),
        source=resolve_source(
            as_text(meta.get("source")), as_text(meta.get("url")), container_source, defaults
        ),
        url=as_text(meta.get("url")),
        published=published or normalize_published(defaults.published),
        language=language or guess_language(text),
        path=path,
        author=as_text(meta.get("author")),
        credits=list(credits or []),
    )


def resolve_source(
    own: str | None, url: str | None, container: str | None, defaults: ArticleDefaults
) -> str | None:
    """The outlet of an article, decided once when it is read, so later stages never guess.

    In order: the input's own `source` (front matter, a JSON field, a page's site name); the
    registry outlet of its URL's domain; the feed it came in (its title); the user's --source;
    last the URL's bare registered domain, so an article with a URL always has an outlet. A known
    outlet goes before the feed's title because aggregating feeds carry other outlets' articles;
    an unknown domain comes last because "Harbour Gazette" reads better than its web address.
    """
    host = url_host(url)
    known = defaults.outlets.for_host(host) if host and not own else None
    return (
        own
        or (known.name if known else None)
        or as_text(container)
        or defaults.source
        or (registered_domain(host) if host else None)
    )


def _note_unreadable_date(where: str, value: object) -> None:
    """Warn, once per input, that a publication date was dropped: a bad date must not cost the
    article, but a user whose timeline is empty should learn why (a year 99999, a typo)."""
    if where in _noted_dates or len(_noted_dates) >= _MAX_NOTED:
        return
    _noted_dates.add(where)
    shown = " ".join(str(value)[:60].split())
    log.warning("%s: publication date %r is not a date newsprism can read; it is left unknown", where, shown)
