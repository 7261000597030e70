"""Web archives (WARC 1.0 and 1.1, and the older ARC), plain or gzipped -> one Article per page.

Common Crawl's CC-NEWS and most crawlers write WARC: tens of thousands of records a file, most
of them not articles (requests, metadata, images, scripts). The file is streamed record by
record through warcio and only HTML responses are read, each up to a size cap, so memory stays
flat whatever the size of the archive. Pages go through trafilatura in its fast mode (see
`html_to_article`): bulk ingest is where its fallback extractors cost the most.

A page's `url` is the record's WARC-Target-URI, and its `published` is the date the page states,
else the date it was crawled (WARC-Date): a news page is usually crawled within hours of going
up. Its id is a hash of the URI, so the same page in two archives gets the same id and is caught
as a duplicate; a URI crawled twice in one archive is told apart by its record id.

Large crawls have damage: a file cut short mid-member, a record whose Content-Length is wrong,
bytes of garbage. warcio either raises on these or quietly returns a short record, so every
record is checked against its declared length before its page is used. A damaged record is one
IngestError (file, record number, reason) and reading resumes at the next record found after it,
so the pages before the damage are kept and the ones after it are still read.

Crawlers gzip an archive a record per member, so that any record can be reached by seeking. An
archive someone gzipped whole is one stream instead: it is read from the start through
`GzipStream`, as the plain archive it unpacks to, with the same bounds on every record. ARC files
(the Internet Archive's format before WARC, `.arc` and `.arc.gz`) are read by the same code:
warcio turns each ARC record into the WARC response record it would have been.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from newsprism.ingest.archive_records import (
    MAX_HEADER_BYTES,
    ONE_STREAM,
    RecordIterator,
    describe,
    framing_problem,
    record_marker,
)
from newsprism.ingest.encoding import EMPTY, decode_bytes, mostly_utf8, open_regular
from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults, text_id
from newsprism.ingest.gzip_stream import CUT_SHORT, GzipStream
from newsprism.ingest.html import html_to_article
from newsprism.ingest.jsonl import Labelled
from newsprism.model import Article
from newsprism.settings import settings_from_env

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Types under which servers send a page without saying what it is; such payloads are sniffed.
_UNTYPED = frozenset({"", "application/octet-stream", "unk", "unknown"})
ARC_SUFFIXES = (".arc", ".arc.gz")
_SCAN_BYTES = 1024 * 1024
# Resync candidates that fail to parse in a row before the rest of the file is given up on; a
# gzip member header can occur by chance in other bytes, but not thousands of times.
_MAX_FALSE_STARTS = 1000
ONE_GZIP_STREAM = (
    "after damage, the rest of the file is gzipped as one stream, not a record per member, and is not "
    "read (recompress it with `warcio recompress IN OUT`, or gunzip it)"
)
"""Said only where damage came before: a file gzipped whole from its start is read (`GzipStream`)."""
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_SNIFF_BYTES = 1024
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc_file(
    path: str | Path,
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    max_html_bytes: int | None = None,
    arc: bool | None = None,
) -> Iterator[Article | IngestError]:
    """The HTML pages of a .warc, .warc.gz, .arc or .arc.gz file as Articles, with an IngestError
    for each bad record. `arc` says the file is ARC; by default its name says so. A page over
    `max_html_bytes` (by default the settings' `max_page_bytes`, NEWSPRISM_MAX_PAGE_MB) is
    reported and skipped."""
    return (item for _, item in labelled_warc_file(path, defaults, max_html_bytes=max_html_bytes, arc=arc))


def labelled_warc_file(
    path: str | Path,
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    max_html_bytes: int | None = None,
    arc: bool | None = None,
) -> Iterator[Labelled]:
    """`read_warc_file`, with each item's label (`path#record-N`), for callers that report on records."""
    name = str(path)
    if arc is None:
        arc = name.lower().endswith(ARC_SUFFIXES)
    if max_html_bytes is None:
        max_html_bytes = settings_from_env().max_page_bytes
    try:
        handle = open_regular(name)
    except IngestFailure as failure:
        yield name, failure.at(name)
        return
    try:
        yield from _Archive(handle, name, defaults, max_html_bytes, arc=arc).items()
    except OSError as err:
        yield name, IngestError(name, err.strerror or str(err))
    finally:
        handle.close()


@dataclass(slots=True)
class _Page:
    """An HTML payload taken from a record, with what the record says about it."""

    uri: str
    html: bytes
    charset: str | None
    crawled: str | None
    record_id: str | None


class _Archive:
    """One pass over one archive: record numbering, ids already given, and where to resume."""

    def __init__(
        self, handle: IO[bytes], name: str, defaults: ArticleDefaults, max_html_bytes: int, *, arc: bool
    ) -> None:
        self.handle: IO[bytes] | GzipStream = handle
        self.raw = handle
        self.arc = arc
        self.stream: GzipStream | None = None  # set once the file turns out to be one gzip stream
        self.skip = 0  # records to pass over, read already before the file was found to be one stream
        self.last_damaged = False
        self.name = name
        self.defaults = defaults
        self.max_html_bytes = max_html_bytes
        self.number = 0  # records read, damaged ones included
        self.intact = 0  # records read whole
        self.uris: set[str] = set()
        self.gzipped = False
        self.false_starts = 0  # resync guesses in a row that were not the start of a record
        self.gave_up = False
        self.kinds: Counter[str] = Counter()  # intact records by WARC-Type
        self.pages = 0  # HTML pages found (read or not)

    def items(self) -> Iterator[Labelled]:
        first = self.handle.read(2)
        if not first:
            yield self.name, IngestError(self.name, EMPTY)
            return
        self.gzipped = first == b"\x1f\x8b"
        start: int | None = 0
        while start is not None:
            start = yield from self._read_from(start)
        problem = self.stream.problem if self.stream is not None else None
        # A file cut inside a record has said so with that record; one cut at a record's end has not.
        if problem and (problem != CUT_SHORT or not self.last_damaged):
            yield self.name, IngestError(self.name, problem)
        if self.gave_up:
            reason = f"no intact record after {_MAX_FALSE_STARTS} tries; the rest of the file is not read"
            yield self.name, IngestError(self.name, reason)
        if self.intact and not self.pages:
            held = ", ".join(f"{kind} ({count})" for kind, count in self.kinds.most_common())
            yield (
                self.name,
                IngestError(self.name, f"no HTML page found; its {self.intact} records are: {held}"),
            )

    def _read_from(self, start: int) -> Generator[Labelled, None, int | None]:
        """Read records from byte `start` on; returns where to resume after damage, or None at the end."""
        self.handle.seek(start)
        archive = RecordIterator(self.handle, arc=self.arc)
        records = iter(archive)
        # After damage, `start` is a guess at the next record; until a record there reads whole, a
        # failure means the guess was wrong, not new damage, and the next guess is tried silently.
        guessed = start > 0
        while True:
            offset = max(archive.offset, start)  # warcio miscounts inside a member holding many records
            archive.reader.header_budget = MAX_HEADER_BYTES
            try:
                record = next(records)
            except StopIteration:
                if not guessed and not self._ends_cleanly(archive):
                    self.number += 1
                    yield self._damage(offset, None, "the file ends inside this record (cut short)")
                return None
            except Exception as err:  # warcio raises many types on damaged bytes
                if ONE_STREAM in str(err) and not guessed and self.stream is None:
                    if self.number == self.intact:
                        return self._unpack_whole()
                    yield self.name, IngestError(self.name, ONE_GZIP_STREAM)
                    return None
                if guessed:
                    self.false_starts += 1
                    return self._next_start(offset + 1)
                self.number += 1
                if self.intact == 0 and offset == 0:
                    kind = "an ARC" if self.arc else "a WARC"
                    reason = f"does not start with {kind} record ({describe(err)})"
                    yield self.name, IngestError(self.name, reason)
                else:
                    yield self._damage(offset, None, describe(err))
                return self._next_start(offset + 1)
            self.number += 1
            if self.skip:
                self.skip -= 1
                continue  # warcio reads the rest of a record before it parses the next
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            if not record.rec_type:  # what warcio makes of a header cut off by the end of a gzip member
                if guessed:
                    self.false_starts += 1
                else:
                    yield self._damage(offset, uri, "the record's header is incomplete (cut short)")
                return self._next_start(offset + 1)
            errors_before = archive.err_count
            page: _Page | IngestError | None
            try:
                page = self._take(record, uri)
            except Exception as err:  # a payload whose Content-Encoding or chunking is broken
                page = IngestError(self._label(uri), f"payload could not be read ({describe(err)})")
            try:
                archive.read_to_end()
            except Exception as err:
                yield self._damage(offset, uri, describe(err))
                return self._next_start(offset + 1)
            problem = framing_problem(record, archive.err_count > errors_before)
            if problem:
                yield self._damage(offset, uri, problem)
                return self._next_start(offset + 1)
            self.intact += 1
            self.last_damaged = False
            self.kinds[record.rec_type] += 1
            self.false_starts = 0
            guessed = False
            if page is not None:
                self.pages += 1
            if isinstance(page, IngestError):
                yield page.input, page
            elif page is not None:
                yield self._article(page)

    def _take(self, record: Any, uri: str) -> _Page | IngestError | None:
        """The record's HTML payload, or None for a record that is not a page (skipped silently)."""
        if record.rec_type == "response":
            http = record.http_headers
            if http is None or not str(http.get_statuscode() or "").startswith("2"):
                return None  # not HTTP (dns:), or a redirect or error page rather than an article
            content_type = http.get_header("Content-Type") or record.rec_headers.get_header(
                "WARC-Identified-Payload-Type"
            )
        elif record.rec_type == "resource":
            content_type = record.rec_headers.get_header("Content-Type")
        else:
            return None
        media_type = (content_type or "").split(";", 1)[0].strip().lower()
        if media_type not in HTML_TYPES and media_type not in _UNTYPED:
            return None
        # A record far over the cap is not read at all (read_to_end then skips it in small blocks);
        # one near it (its length also counts headers and chunking, and a compressed payload grows)
        # is read up to the cap and no further.
        html = b""
        too_big = (record.length or 0) > 2 * self.max_html_bytes
        if not too_big:
            html = record.content_stream().read(self.max_html_bytes + 1)
            too_big = len(html) > self.max_html_bytes
        if too_big:
            reason = f"HTML page larger than {_megabytes(self.max_html_bytes)}, skipped"
            return IngestError(self._label(uri), reason)
        if media_type in _UNTYPED and not _HTML_TAG.search(html[:_SNIFF_BYTES]):
            return None
        charset = _CHARSET.search(content_type or "")
        return _Page(
            uri=uri,
            html=html,
            charset=charset.group(1) if charset else None,
            crawled=record.rec_headers.get_header("WARC-Date"),
            record_id=record.rec_headers.get_header("WARC-Record-ID"),
        )

    def _article(self, page: _Page) -> Labelled:
        label = f"{self.name}#record-{self.number}"
        # A URI seen before in this archive is a second crawl of the page: its record id tells it apart.
        key = page.uri if page.uri not in self.uris else f"{page.uri}\n{page.record_id}"
        self.uris.add(page.uri)
        filled = replace(self.defaults, published=page.crawled or self.defaults.published)
        try:
            html = _decode(page.html, page.charset, self._label(page.uri))
            article = html_to_article(
                html, id=text_id(key), path=self.name, defaults=filled, url=page.uri or None, fast=True
            )
        except IngestFailure as failure:
            error = failure.at(self._label(page.uri))
            return error.input, error
        article.url = page.uri or article.url
        return label, article

    def _unpack_whole(self) -> int:
        """Start again on the unpacked bytes of a file gzipped as one stream: returns where to read
        from. The records read so far (warcio reads the first one before it finds out) are passed over."""
        self.stream = GzipStream(self.raw)
        self.handle = self.stream
        self.gzipped = False  # a resync now looks for a record's first line in the unpacked bytes
        self.skip, self.number = self.number, 0
        return 0

    def _ends_cleanly(self, archive: RecordIterator) -> bool:
        """True when warcio's clean end is the file's end: it also stops at a header cut short."""
        if archive.cut_inside_member:
            return False
        return not self._read_at(archive.offset, _SCAN_BYTES).strip()

    def _label(self, uri: str | None) -> str:
        label = f"{self.name}#record-{self.number}"
        return f"{label} ({uri})" if uri else label

    def _damage(self, offset: int, uri: str | None, reason: str) -> Labelled:
        label = self._label(uri)
        self.last_damaged = True
        where = f"byte {offset}" if self.stream is None else f"byte {offset} of the unpacked archive"
        return label, IngestError(label, f"damaged record at {where}: {reason}; skipped")

    def _next_start(self, position: int) -> int | None:
        """Where the next record seems to begin at or after `position`, or None if nowhere.

        Scanned in blocks, so a long run of garbage is never held in memory.
        """
        if self.false_starts >= _MAX_FALSE_STARTS:
            self.gave_up = True
            return None
        marker = record_marker(gzipped=self.gzipped, arc=self.arc)
        carried = b""
        at = position
        while True:
            block = self._read_at(at, _SCAN_BYTES)
            if not block:
                return None
            window = carried + block
            found = marker.pattern.search(window)
            if found:
                return at - len(carried) + found.start()
            carried = window[-(marker.span - 1) :]
            at += len(block)

    def _read_at(self, position: int, size: int) -> bytes:
        try:
            self.handle.seek(position)
            return self.handle.read(size)
        except (OSError, ValueError):
            return b""


def _decode(html: bytes, charset: str | None, label: str) -> str:
    """The page as text: UTF-8 when it decodes as such, or nearly (declared charsets are often
    wrong), else the declared charset, else detected."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset and not mostly_utf8(html):
        try:
            return html.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(html, label)  # UTF-8 with its few bad bytes replaced, or detected


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"
