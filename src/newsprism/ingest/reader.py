"""What the CLI calls: inputs (files, folders, globs, `-`) -> a stream of Articles and errors.

Every command takes the same kinds of input, so they are resolved here once. The result is a
generator that reads one input at a time: a corpus folder is walked, not loaded, and a bad
input becomes an IngestError in the stream rather than an exception that ends the batch.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.feed import FeedFetcher, labelled_feed_file, labelled_opml_file
from newsprism.ingest.fetch import DEFAULT_POLICY, FetchPolicy
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults
from newsprism.ingest.html import read_html_file
from newsprism.ingest.jsonl import (
    Labelled,
    LongLine,
    bounded_lines,
    labelled_jsonl_file,
    labelled_jsonl_lines,
)
from newsprism.ingest.remote import (
    URL_LIST_SUFFIXES,
    complete_summaries,
    feed_fetcher,
    is_url,
    labelled_url,
    labelled_url_list,
    unfetched_scheme,
)
from newsprism.ingest.text import read_text_file
from newsprism.ingest.warc import labelled_warc_file
from newsprism.model import Article

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".rdf", ".xml"})
OPML_SUFFIXES = frozenset({".opml"})
WARC_SUFFIXES = frozenset({".warc", ".warc.gz", ".arc", ".arc.gz"})  # ARC is read by the WARC reader
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | OPML_SUFFIXES | WARC_SUFFIXES
)
READABLE_SUFFIXES = SUPPORTED_SUFFIXES | URL_LIST_SUFFIXES
# Suffixes of two parts, which Path.suffix would cut to their last (".gz").
_DOUBLE_SUFFIXES = tuple(suffix for suffix in SUPPORTED_SUFFIXES if suffix.count(".") > 1)
_GLOB_CHARS = frozenset("*?[")

Item = Article | IngestError


def read_inputs(
    inputs: Sequence[str],
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    fetch_feed: FeedFetcher | None = None,
    fetch: FetchPolicy | None = DEFAULT_POLICY,
    fetch_pages: bool = False,
) -> Iterator[Item]:
    """Articles from every input, in order, with an IngestError for each one that fails.

    Folders are walked recursively in sorted order, taking only supported file types; globs are
    expanded (one matching nothing is an error); `-` reads JSON Lines from stdin; an http(s) URL
    is fetched under `fetch` (a page or a feed), and so is every line of a `.urls` file. An id
    seen before in the run is an error for the later article, which is skipped, because every
    later stage keys articles by id. The remote feeds an OPML file lists are fetched through
    `fetch_feed`, else under `fetch`. `fetch=None` keeps the run off the network: each URL is
    then an IngestError. `fetch_pages` also fetches the pages of summary-only entries of local
    feed files (entries of fetched feeds always are).
    """
    if fetch_feed is None and fetch is not None:
        fetch_feed = feed_fetcher(fetch)
    return _unique_ids(_read_all(inputs, defaults, fetch_feed, fetch, fetch_pages))


def read_file(
    path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS, *, fetch_feed: FeedFetcher | None = None
) -> Iterator[Item]:
    """The Articles of one file, chosen by its extension (a .jsonl, feed or WARC file yields many)."""
    return _unique_ids(_read_one_file(str(path), defaults, fetch_feed, set()))


def file_suffix(name: str) -> str:
    """The extension that says how a file is read, lower-cased: ".warc.gz" for a gzipped WARC."""
    lowered = name.lower()
    for suffix in _DOUBLE_SUFFIXES:
        if lowered.endswith(suffix):
            return suffix
    return Path(lowered).suffix


def _read_all(
    inputs: Sequence[str],
    defaults: ArticleDefaults,
    fetch_feed: FeedFetcher | None,
    policy: FetchPolicy | None = None,
    fetch_pages: bool = False,
) -> Iterator[Labelled]:
    done: set[str] = set()  # a file named twice (a folder and a glob inside it) is read once
    for raw in inputs:
        if raw == STDIN:
            yield from labelled_jsonl_lines(_stdin_lines(), name=STDIN_NAME, path=STDIN, defaults=defaults)
            continue
        scheme = unfetched_scheme(raw)
        if scheme is not None and not os.path.exists(raw):
            reason = f"unsupported URL scheme {scheme!r} (only http and https are fetched)"
            yield raw, IngestError(raw, reason)
            continue
        if is_url(raw):
            if policy is None:
                yield raw, IngestError(raw, "a URL, but fetching from the network is switched off")
            else:
                yield from labelled_url(raw, policy, defaults)
            continue
        for found in _expand(raw):
            if isinstance(found, IngestError):
                yield found.input, found
                continue
            key = os.path.realpath(found)
            if key in done:
                continue
            done.add(key)
            if file_suffix(found) in URL_LIST_SUFFIXES:
                if policy is None:
                    yield (
                        found,
                        IngestError(found, "a URL list, but fetching from the network is switched off"),
                    )
                else:
                    yield from labelled_url_list(found, policy, defaults)
                continue
            items = _read_one_file(found, defaults, fetch_feed, done)
            if fetch_pages and policy is not None and file_suffix(found) in FEED_SUFFIXES | OPML_SUFFIXES:
                items = complete_summaries(items, policy)
            yield from items


def _expand(raw: str) -> Iterator[str | IngestError]:
    """The files an input names, as paths that start with the input as given."""
    if os.path.isdir(raw):
        yield from _walk(raw)
    elif os.path.exists(raw) or not _GLOB_CHARS & set(raw):
        yield raw  # a missing path is reported by the reader, with the OS's reason
    else:
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield IngestError(raw, "no files match this pattern")
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match)
            else:
                yield match


def _walk(folder: str) -> Iterator[str | IngestError]:
    problems: list[OSError] = []
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and file_suffix(name) in READABLE_SUFFIXES:
                path = os.path.join(root, name)
                found.append((Path(os.path.relpath(path, folder)).parts, path))
    for problem in problems:
        yield IngestError(problem.filename or folder, problem.strerror or str(problem))
    if not found and not problems:
        yield IngestError(folder, f"no supported files ({', '.join(sorted(SUPPORTED_SUFFIXES))}) in folder")
    for _, path in sorted(found):
        yield path


def _read_one_file(
    path: str, defaults: ArticleDefaults, fetch_feed: FeedFetcher | None, done: set[str]
) -> Iterator[Labelled]:
    """The items of one file; `done` holds the real paths read so far, which an OPML list adds to."""
    suffix = file_suffix(path)
    if not os.path.exists(path):
        yield path, _os_error(path)
        return
    if suffix in JSONL_SUFFIXES:
        yield from labelled_jsonl_file(path, defaults)
        return
    if suffix in FEED_SUFFIXES:
        yield from labelled_feed_file(path, defaults)
        return
    if suffix in OPML_SUFFIXES:
        yield from labelled_opml_file(path, defaults, fetch_feed=fetch_feed, seen=done)
        return
    if suffix in WARC_SUFFIXES:
        yield from labelled_warc_file(path, defaults)
        return
    reader = _single_article_reader(suffix)
    if reader is None:
        kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
        yield path, IngestError(path, kind)
        return
    try:
        yield path, reader(path, defaults)
    except IngestFailure as failure:
        yield path, failure.at(path)


def _single_article_reader(suffix: str) -> Callable[[str, ArticleDefaults], Article] | None:
    if suffix in TEXT_SUFFIXES:
        return read_text_file
    if suffix in HTML_SUFFIXES:
        return read_html_file
    return None


def _os_error(path: str) -> IngestError:
    try:
        os.stat(path)
    except OSError as err:
        return IngestError(path, err.strerror or str(err))
    return IngestError(path, "cannot be read")


def _stdin_lines() -> Iterable[bytes | LongLine]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return bounded_lines(buffer)  # a pipe without line breaks must not fill memory either
    return (line.encode("utf-8") for line in sys.stdin)


def _unique_ids(items: Iterable[Labelled]) -> Iterator[Item]:
    first_seen: dict[str, str] = {}
    for label, item in items:
        if isinstance(item, Article):
            if item.id in first_seen:
                yield IngestError(label, f"duplicate id {item.id!r} (first seen in {first_seen[item.id]})")
                continue
            first_seen[item.id] = label
        yield item
