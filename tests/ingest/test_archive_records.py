"""What a web archive record looks like, how a scan finds the next one after damage, and how
warcio's complaints become one line."""

from __future__ import annotations

from types import SimpleNamespace

from newsprism.ingest.archive_records import (
    ARC_RECORD,
    GZIP_MEMBER,
    WARC_RECORD,
    describe,
    framing_problem,
    record_marker,
)


def test_each_kind_of_archive_has_its_record_marker() -> None:
    assert record_marker(gzipped=True, arc=False) is GZIP_MEMBER
    assert record_marker(gzipped=False, arc=True) is ARC_RECORD
    assert record_marker(gzipped=False, arc=False) is WARC_RECORD
    assert WARC_RECORD.pattern.search(b"junk\r\nWARC/1.0\r\nWARC-Type: response\r\n")
    arc_line = b"\nhttp://example.com/a 93.184.216.34 20130502120000 text/html 512\n"
    assert ARC_RECORD.pattern.search(arc_line)
    assert not ARC_RECORD.pattern.search(b"\nnot a header line at all\n")


def test_a_record_cut_short_or_misframed_says_why() -> None:
    whole = SimpleNamespace(raw_stream=SimpleNamespace(limit=0))
    cut = SimpleNamespace(raw_stream=SimpleNamespace(limit=40))
    assert framing_problem(whole, not_followed_by_blank_line=False) is None
    assert "40 bytes before its Content-Length" in (framing_problem(cut, False) or "")
    assert "does not end where" in (framing_problem(whole, not_followed_by_blank_line=True) or "")


def test_an_error_is_described_on_one_printable_line() -> None:
    line = describe(ValueError("bad header:\n  b'\x00\x01'"))
    assert line.startswith("ValueError: bad header:") and "\n" not in line and "\\x00" in line
    assert describe(KeyError()) == "KeyError"
