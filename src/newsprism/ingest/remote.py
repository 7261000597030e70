"""Inputs that live on the web: a page or a feed by URL, a list of URLs, feed entries' own pages.

`fetch.py` does the fetching (politeness, size limits, the private-address guard); this module
decides what a fetched document is and turns it into the same labelled stream every other
reader gives, so a URL is just one more kind of input to every command.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.feed import FeedFetcher, labelled_feed_bytes
from newsprism.ingest.fetch import FetchError, FetchPolicy, fetch, page_to_article, read_url_list
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults
from newsprism.ingest.jsonl import Labelled
from newsprism.model import Article

URL_SCHEMES = ("http://", "https://")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
URL_LIST_SUFFIXES = frozenset({".urls"})
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)


def is_url(raw: str) -> bool:
    return raw.lower().startswith(URL_SCHEMES)


def unfetched_scheme(raw: str) -> str | None:
    """The scheme of an input that is a URL of a kind never fetched (`file`, `ftp`, `gopher`, ...),
    lower-cased; None for an http(s) URL or anything else.

    Such an input would otherwise be taken for a path, and fail as "No such file or directory",
    which sends a user looking for a missing file rather than at the scheme.
    """
    found = _SCHEME.match(raw)
    if found is None or is_url(raw):
        return None
    return found.group(1).lower()


def _looks_like_feed(content_type: str | None, body: bytes) -> bool:
    if content_type and content_type.split(";")[0].strip().lower() in _FEED_TYPES:
        return True
    head = body[:512].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in body[:2048].lower() or b"<feed" in body[:2048].lower())


def labelled_url(
    url: str, policy: FetchPolicy, defaults: ArticleDefaults = NO_DEFAULTS, *, fetch_pages: bool = True
) -> Iterator[Labelled]:
    """A URL's articles: one for a news page, one per entry for a feed.

    A feed entry that carries only a summary gets its own page fetched when `fetch_pages` is
    set; if that fails, the summary stays, marked `summary_only`, and nothing is lost.
    """
    try:
        result = fetch(url, policy)
    except FetchError as exc:
        yield url, IngestError(url, exc.reason)
        return
    if _looks_like_feed(result.content_type, result.body):
        entries = labelled_feed_bytes(result.body, name=url, path=None, defaults=defaults)
        yield from (complete_summaries(entries, policy) if fetch_pages else entries)
        return
    try:
        yield url, page_to_article(result, defaults)
    except IngestFailure as failure:
        yield url, failure.at(url)


def labelled_url_list(
    path: str, policy: FetchPolicy, defaults: ArticleDefaults = NO_DEFAULTS, *, fetch_pages: bool = True
) -> Iterator[Labelled]:
    """Every URL of a `.urls` file (one per line, # comments), each read by `labelled_url`."""
    try:
        urls = read_url_list(path)
    except IngestFailure as failure:
        yield path, failure.at(path)
        return
    if not urls:
        yield path, IngestError(path, "no URLs in list")
    for url in urls:
        yield from labelled_url(url, policy, defaults, fetch_pages=fetch_pages)


def complete_summaries(items: Iterable[Labelled], policy: FetchPolicy) -> Iterator[Labelled]:
    """Replace summary-only feed entries by their page's text where the page can be fetched."""
    for label, item in items:
        if isinstance(item, Article) and item.summary_only and item.url:
            item = _with_page(item, policy)
        yield label, item


def _with_page(entry: Article, policy: FetchPolicy) -> Article:
    assert entry.url is not None
    try:
        page = page_to_article(fetch(entry.url, policy))
    except (FetchError, IngestFailure):
        return entry
    # The feed knows its own entry best: keep its id, title, outlet and date; take the page's text.
    return replace(
        entry,
        text=page.text,
        summary_only=False,
        author=entry.author or page.author,
        published=entry.published or page.published,
        credits=page.credits,
    )


def feed_fetcher(policy: FetchPolicy) -> FeedFetcher:
    """The bytes of a remote feed an OPML list names, fetched under `policy`."""

    def get(url: str) -> bytes:
        try:
            return fetch(url, policy).body
        except FetchError as exc:
            raise IngestFailure(exc.reason) from exc

    return get
