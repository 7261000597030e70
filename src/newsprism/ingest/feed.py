"""News feeds (RSS 0.9x and 2.0, Atom, RDF/RSS 1.0) -> one Article per entry; OPML -> its feeds.

feedparser reads every dialect and date format found in the wild, but it is also an HTTP client
that opens whatever path or URL it is handed as its source. So it only ever gets bytes, wrapped
in a file object it reads and nothing else, and only after `safe_xml` has refused documents that
declare entities (an entity bomb, or an external entity that reads a local file or a URL).
Fetching feeds and pages over the network is the fetcher's job (fetch.py): here an entry keeps
its `url`, and an entry that carries only a summary is marked `summary_only` so that a later
step knows its page is worth fetching.

An entry's text is its full content (content:encoded, Atom content) when the feed gives it,
else its summary. A feed entry with neither is reported and skipped; the other entries of the
feed still come out.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import feedparser

from newsprism.ingest.boilerplate import strip_boilerplate
from newsprism.ingest.encoding import read_bytes
from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults, as_text, build_article, text_id
from newsprism.ingest.html_text import html_fragment_to_text, plain_text_paragraphs
from newsprism.ingest.jsonl import Labelled
from newsprism.ingest.safe_xml import NotWellFormed, as_utf8, parse_xml
from newsprism.lang.outlet_registry import registered_domain
from newsprism.model import Article
from newsprism.settings import settings_from_env

FeedFetcher = Callable[[str], bytes]
"""Gets a feed's bytes by URL; the fetcher (fetch.py) supplies one. May raise on failure."""

MAX_FEED_BYTES = 64 * 1024 * 1024
"""A feed's bytes at most, whatever NEWSPRISM_MAX_INPUT_MB allows: feedparser holds the whole
document and its parse in memory, and no real feed comes close."""
NO_ENTRY_TEXT = "entry has no text (neither content nor summary)"
NO_ENTRIES = "feed has no entries"
NOT_A_FEED = "not an RSS, Atom or RDF feed"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
# WordPress ends every entry's content with this line; it names the blog, not a source.
_WORDPRESS_TRAILER = re.compile(r"^The post .+ appeared first on .+\.?$")


@dataclass(frozen=True, slots=True)
class _Feed:
    """What every entry of one feed shares."""

    name: str  # for messages: the file's path or the feed's URL
    path: str | None
    source: str | None
    language: str | None
    link: str | None
    key: str  # qualifies entry ids that are only unique within this feed


def read_feed_file(
    path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS
) -> Iterator[Article | IngestError]:
    """The entries of an RSS, Atom or RDF file as Articles, with an IngestError for each bad one."""
    return (item for _, item in labelled_feed_file(path, defaults))


def labelled_feed_file(path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS) -> Iterator[Labelled]:
    """`read_feed_file`, with each item's label (`path#entry-N`), for callers that report on entries."""
    name = str(path)
    try:
        data = read_bytes(name, min(MAX_FEED_BYTES, settings_from_env().max_input_bytes))
    except IngestFailure as failure:
        yield name, failure.at(name)
        return
    yield from labelled_feed_bytes(data, name=name, path=name, defaults=defaults)


def labelled_feed_bytes(
    data: bytes, *, name: str, path: str | None, defaults: ArticleDefaults = NO_DEFAULTS
) -> Iterator[Labelled]:
    """The entries of a feed held in memory (read from a file, or fetched from `name` as a URL)."""
    try:
        parsed = _parse(data)
    except IngestFailure as failure:
        yield name, failure.at(name)
        return
    feed = _feed_info(parsed.feed, name=name, path=path)
    for number, entry in enumerate(parsed.entries, start=1):
        label = f"{name}#entry-{number}"
        yield label, _entry_article(entry, feed, label=label, defaults=defaults)


def opml_feed_urls(path: str | Path) -> list[str]:
    """The feed addresses (`xmlUrl`) an OPML file lists, nested outlines included, first seen first.

    Raises IngestFailure for a file that cannot be read, is not safe XML, or is not OPML.
    """
    root = parse_xml(read_bytes(path))
    if _local_name(root.tag) != "opml":
        raise IngestFailure(f"not an OPML document (its root element is <{_local_name(root.tag)}>)")
    urls: list[str] = []
    for outline in root.iter():
        if _local_name(outline.tag) != "outline":
            continue
        # The attribute is xmlUrl by the spec; some exporters write it in another case.
        url = next((value for key, value in outline.attrib.items() if key.lower() == "xmlurl"), "")
        if url.strip():
            urls.append(url.strip())
    return list(dict.fromkeys(urls))


def read_opml_file(
    path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS, *, fetch_feed: FeedFetcher | None = None
) -> Iterator[Article | IngestError]:
    """The entries of every feed an OPML file lists; see `labelled_opml_file`."""
    return (item for _, item in labelled_opml_file(path, defaults, fetch_feed=fetch_feed))


def labelled_opml_file(
    path: str | Path,
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    fetch_feed: FeedFetcher | None = None,
    seen: set[str] | None = None,
) -> Iterator[Labelled]:
    """Read the feeds an OPML file lists: local ones from disk, remote ones through `fetch_feed`.

    A local feed is a path or a file: URL, relative ones taken from the OPML file's folder. A
    remote feed without a `fetch_feed` to get it is one IngestError naming its URL. `seen` holds
    the real paths of files already read in this run (a folder holding the OPML file and its
    feeds); a listed feed found there is not read twice.
    """
    name = str(path)
    try:
        urls = opml_feed_urls(name)
    except IngestFailure as failure:
        yield name, failure.at(name)
        return
    if not urls:
        yield name, IngestError(name, "OPML lists no feeds (no outline has an xmlUrl)")
        return
    folder = os.path.dirname(name)
    for url in urls:
        local = _local_path(url, folder)
        if local is not None:
            key = os.path.realpath(local)
            if seen is not None:
                if key in seen:
                    continue
                seen.add(key)
            yield from labelled_feed_file(local, defaults)
        elif fetch_feed is None:
            yield url, IngestError(url, f"remote feed not fetched: no fetcher was given (listed in {name})")
        else:
            try:
                data = fetch_feed(url)
            except Exception as err:  # the fetcher's own errors; one failed feed must not end the list
                yield url, IngestError(url, f"feed could not be fetched: {err or type(err).__name__}")
                continue
            yield from labelled_feed_bytes(data, name=url, path=None, defaults=defaults)


def _parse(data: bytes) -> Any:
    if len(data) > MAX_FEED_BYTES:
        raise IngestFailure(f"larger than {MAX_FEED_BYTES // (1024 * 1024)} MB, too large for a feed")
    # Raises for what is unsafe or not XML at all; a syntax error is left to feedparser's lenient
    # parser, which may still read the entries, and says so if not.
    with contextlib.suppress(NotWellFormed):
        parse_xml(data)
    try:
        parsed = feedparser.parse(io.BytesIO(as_utf8(data)), sanitize_html=True, resolve_relative_uris=True)
    except Exception as err:  # feedparser is meant never to raise; a bug in it must not end the batch
        raise IngestFailure(f"feed could not be parsed ({type(err).__name__})") from err
    if parsed.entries:
        return parsed
    problem = str(parsed.get("bozo_exception") or "")
    if parsed.get("version") and "undefined entity" in problem:
        # An HTML entity (&nbsp;) the feed never declared: the lenient parser read it, and the
        # feed, read whole, holds no entries; that is the reason to give.
        raise IngestFailure(NO_ENTRIES)
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise IngestFailure(f"{NOT_A_FEED}: not well-formed XML ({problem})" if problem else NOT_A_FEED)
    if not parsed.get("version"):
        raise IngestFailure(NOT_A_FEED)
    raise IngestFailure(NO_ENTRIES)


def _feed_info(feed: Any, *, name: str, path: str | None) -> _Feed:
    link = _web_url(feed.get("link"))
    host = urlsplit(link).hostname if link else None
    title = _plain(feed.get("title"), (feed.get("title_detail") or {}).get("type"))
    language = feed.get("language") or (feed.get("title_detail") or {}).get("language")
    return _Feed(
        name=name,
        path=path,
        source=title or (registered_domain(host) if host else None),
        language=as_text(language),
        link=link,
        key=host or title or Path(name).stem,
    )


def _entry_article(
    entry: Any, feed: _Feed, *, label: str, defaults: ArticleDefaults
) -> Article | IngestError:
    text, summary_only = _entry_text(entry)
    if not text:
        return IngestError(label, NO_ENTRY_TEXT)
    cleaned = strip_boilerplate(text)
    body = "\n\n".join(
        paragraph for paragraph in cleaned.text.split("\n\n") if not _WORDPRESS_TRAILER.match(paragraph)
    )
    if not body.strip():
        return IngestError(label, NO_ENTRY_TEXT)
    title = _plain(entry.get("title"), (entry.get("title_detail") or {}).get("type"))
    url = _web_url(entry.get("link"), base=feed.link)
    content = entry.get("content") or [{}]
    meta = {
        "title": title,
        "url": url,
        "published": _published(entry),
        "language": content[0].get("language") or feed.language,
        "author": (entry.get("author_detail") or {}).get("name") or entry.get("author"),
    }
    article = build_article(
        id=_entry_id(entry, feed, url=url, title=title, text=body),
        text=body,
        meta=meta,
        path=feed.path,
        defaults=defaults,
        credits=cleaned.credits,
        container_source=feed.source,
    )
    article.summary_only = summary_only
    return article


def _entry_text(entry: Any) -> tuple[str, bool]:
    """(text, summary_only): the longest full content, else the summary."""
    contents = [_as_text(part.get("value"), part.get("type")) for part in entry.get("content") or []]
    content = max(contents, key=len, default="")
    if content:
        return content, False
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary"), detail.get("type")), True


def _as_text(value: Any, media_type: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if media_type in _HTML_TYPES or (media_type is None and "<" in value):
        return html_fragment_to_text(value)
    return plain_text_paragraphs(value)


def _plain(value: Any, media_type: Any) -> str | None:
    """A title as one line of text; a feed may mark it as HTML."""
    if not isinstance(value, str):
        return None
    return as_text(html_fragment_to_text(value) if media_type in _HTML_TYPES else value)


def _published(entry: Any) -> str | None:
    """ISO 8601 in UTC from the entry's publication date, else its update date.

    feedparser turns every date format into a UTC time tuple; a feed that gives only a day keeps
    only the day, so no time of midnight is invented.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        parsed = entry.get(f"{key}_parsed")
        if isinstance(raw, str) and _DATE_ONLY.match(raw):
            return raw.strip()
        if parsed:
            year, month, day, hour, minute, second = parsed[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
        if isinstance(raw, str) and raw.strip():
            return raw  # a format feedparser does not know; build_article tries its own, else None
    return None


def _entry_id(entry: Any, feed: _Feed, *, url: str | None, title: str | None, text: str) -> str:
    """The entry's guid or id, else its link, else a hash of its feed and title.

    A guid that is not a URI ("42") is only unique within its feed, so it is qualified with the
    feed (its host, else its title) to keep it from colliding with another feed's "42".
    """
    guid = as_text(entry.get("id"))
    if guid:
        return guid if ":" in guid else f"{feed.key}#{guid}"
    if url:
        return url
    return text_id(f"{feed.key}\n{title or text}")


def _web_url(value: Any, base: str | None = None) -> str | None:
    """An http(s) URL, made absolute against `base`; feedparser falls back to ids such as "urn:"."""
    if not isinstance(value, str) or not value.strip():
        return None
    url = urljoin(base, value.strip()) if base else value.strip()
    return url if urlsplit(url).scheme in ("http", "https") else None


def _local_path(url: str, folder: str) -> str | None:
    """The file a feed address in an OPML list names, or None for a remote feed."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return None
        local = url2pathname(unquote(parts.path))
    elif parts.scheme:
        return None
    else:
        local = url
    return local if os.path.isabs(local) else os.path.join(folder, local)


def _local_name(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()
