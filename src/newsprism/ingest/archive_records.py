"""How the records of a web archive are parsed, bounded and checked whole, for `warc.py`.

warcio parses WARC and ARC records, but it was written for archives that are sound: it prints
its complaints on stderr and reads on, buffers a header line however long it runs, and treats a
file cut inside a gzip member as a clean end. `RecordIterator` is warcio's iterator made strict
about exactly those, so that the archive reader can turn each into one IngestError; the record
markers here are what it looks for to resume after damage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.utils import BUFF_SIZE

from newsprism.errors import NewsprismError
from newsprism.ingest.gzip_stream import GzipStream

MAX_HEADER_BYTES = 256 * 1024
"""Header bytes (WARC and HTTP headers) one record may have: a header "line" of a gzip bomb
(megabytes without a line break) is damage, never a buffer that grows with it."""

ONE_STREAM = "non-chunked gzip"  # how warcio's error for a file gzipped whole begins

# An ARC record opens with one line, after the blank line that ends the record before it:
# "URL IP-address archive-date content-type length" (old crawlers left spaces in some URLs).
_ARC_HEADER = rb"[A-Za-z][A-Za-z0-9+.-]*:[^\n]*? \S+ \d{8,17} \S+ \d+\r?\n"
_ARC_HEADER_LINE = re.compile(_ARC_HEADER + rb"\Z")


@dataclass(frozen=True, slots=True)
class Marker:
    """What the start of a record looks like, and the most bytes a match spans (carried across
    the blocks a scan reads, so a match split between two is still found)."""

    pattern: re.Pattern[bytes]
    span: int


GZIP_MEMBER = Marker(re.compile(rb"\x1f\x8b\x08"), 10)
WARC_RECORD = Marker(re.compile(rb"WARC/1\.[01]\r\n"), 10)  # the version line that opens a record
# A URL line longer than the span across a scan block is missed (the scan goes on to the next).
ARC_RECORD = Marker(re.compile(rb"(?<=\n)" + _ARC_HEADER), 8192)


def record_marker(*, gzipped: bool, arc: bool) -> Marker:
    """Where a record may start: a gzip member in a file gzipped a record per member, else the
    record's own first line."""
    if gzipped:
        return GZIP_MEMBER
    return ARC_RECORD if arc else WARC_RECORD


class HeaderTooLong(NewsprismError, ValueError):
    """A record's headers ran past MAX_HEADER_BYTES."""


class NotARecord(NewsprismError, ValueError):
    """What should be a record's first line is not one."""


class RecordIterator(ArchiveIterator):
    """warcio's archive iterator, made to report damage to us rather than to the terminal.

    It reads one format, the one it is told: warcio's own iterator would also take a line of text
    in a WARC file for the header of an ARC record and read on from there. ARC records come out
    as the WARC records warcio converts them to (a `response`, with WARC-Target-URI and WARC-Date).

    warcio prints a warning on stderr for a record not followed by its blank lines (a wrong
    Content-Length), and prints and swallows a decompression error in the middle of a gzip
    member. Here the first is read from `err_count` and the second raises, and both become
    IngestErrors. `cut_inside_member` says the file ended before its last gzip member did,
    which warcio otherwise treats as a clean end.
    """

    INC_RECORD = ""

    def __init__(self, fileobj: IO[bytes] | GzipStream, *, arc: bool) -> None:
        super().__init__(fileobj, arc2warc=arc)
        self.known_format = "arc" if arc else "warc"
        self.reader = StrictReader(self.fh, block_size=BUFF_SIZE)
        self.cut_inside_member = False

    def _next_record(self, next_line: bytes | None) -> Any:
        """The next record; for ARC, only after its header line is checked.

        warcio takes any line of five space-separated words for an ARC header ("These are my
        notes, not an archive." is one), and reads on from it as a record of length 0.
        """
        if self.known_format == "arc":
            line = self.reader.readline() if next_line is None else next_line
            if line and not _ARC_HEADER_LINE.match(line):
                raise NotARecord(f"not an ARC record header: {line[:80]!r}")
            next_line = line
        return super()._next_record(next_line)

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader is not None else None
        self.cut_inside_member = decompressor is not None and not decompressor.eof
        super().close()


class StrictReader(DecompressingBufferedReader):
    header_budget = MAX_HEADER_BYTES
    """Reset at each record; every line read (headers are read a line at a time) spends it."""

    def readline(self, length: int | None = None) -> bytes:
        cap = self.header_budget + 1
        line = bytes(super().readline(min(length, cap) if length and length > 0 else cap))
        self.header_budget -= len(line)
        if self.header_budget < 0:
            raise HeaderTooLong(f"record header over {MAX_HEADER_BYTES // 1024} KB (no line break)")
        return line

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is not None and data and self.num_block_read > 0:
            # Partway into a member, bad compressed data is damage: raise (zlib.error).
            return bytes(self.decompressor.decompress(data))
        # At a member's start warcio tries gzip, then reads the bytes as they are.
        return bytes(super()._decompress(data))


def framing_problem(record: Any, not_followed_by_blank_line: bool) -> str | None:
    """Why a record read to its end is not whole, or None when it is."""
    left = getattr(record.raw_stream, "limit", 0)
    if left:
        return f"the record ends {left} bytes before its Content-Length (cut short, or the length is wrong)"
    if not_followed_by_blank_line:
        return "the record does not end where its Content-Length says (the length is wrong)"
    return None


def describe(err: Exception) -> str:
    """An exception as one printable line: warcio's messages run over several lines and quote
    the raw bytes they choked on."""
    message = " ".join(str(err).split())[:160]
    message = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in message)
    return f"{type(err).__name__}: {message}" if message else type(err).__name__
