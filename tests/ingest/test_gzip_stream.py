"""A .warc.gz gzipped whole (one stream, not a member per record): read from the start, in flat
memory, with the bounds and the damage handling of any other archive."""

from __future__ import annotations

import gzip
import io
import random
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import IngestError
from newsprism.ingest.gzip_stream import CUT_SHORT, GzipStream
from newsprism.ingest.warc import read_warc_file
from newsprism.model import Article

from .test_warc import BOMB_READER

URLS = ["https://harbor.example/budget", "https://harbor.example/strike", "https://harbor.example/ferry"]
LINES = [
    "The city council approved the new budget late on Monday after a long and heated debate.",
    "The mayor said the vote was a relief for the schools that had waited months for funds.",
    "Opposition members said they would keep pressing for lower taxes in the coming year.",
]


def page(url: str, noise: int = 0) -> bytes:
    """A news page; `noise` random characters in a comment make it compress as little as real pages."""
    name = url.rsplit("/", 1)[1]
    paragraphs = "".join(f"<p>{line} ({name})</p>" for line in LINES)
    if noise:
        paragraphs += f"<!-- {random.Random(url).randbytes(noise // 2).hex()} -->"
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{name}</title></head>"
        f"<body><article><h1>{name.title()} news</h1>{paragraphs}</article></body></html>"
    ).encode()


def plain_warc(urls: list[str] = URLS, noise: int = 0) -> tuple[bytes, list[int]]:
    """An uncompressed WARC (a warcinfo record, then one response per URL) and each record's offset."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    offsets = [0]
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "newsprism tests"}))
    for url in urls:
        offsets.append(out.tell())
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(page(url, noise)), http_headers=http
        )
        writer.write_record(record)
    return out.getvalue(), offsets


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [item for item in items if isinstance(item, Article)],
        [item for item in items if isinstance(item, IngestError)],
    )


def test_an_archive_gzipped_whole_is_read_like_the_plain_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = plain_warc()
    plain, whole = tmp_path / "crawl.warc", tmp_path / "whole.warc.gz"
    plain.write_bytes(data)
    whole.write_bytes(gzip.compress(data))
    articles, errors = split(list(read_warc_file(whole)))
    assert errors == []
    assert [a.url for a in articles] == URLS
    expected = [(a.id, a.text) for a in read_warc_file(plain) if isinstance(a, Article)]
    assert [(a.id, a.text) for a in articles] == expected
    assert capsys.readouterr().err == ""


def test_records_gzipped_one_per_member_then_a_stream_are_all_read(tmp_path: Path) -> None:
    first, _ = plain_warc(URLS[:1])
    rest, _ = plain_warc(URLS[1:])
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(gzip.compress(first) + gzip.compress(rest))  # `cat` of a whole-gzipped archive
    articles, errors = split(list(read_warc_file(path)))
    assert errors == []
    assert [a.url for a in articles] == URLS


@pytest.mark.parametrize("delta", [-40, 40, 10**6])
def test_a_wrong_content_length_inside_one_stream_costs_that_record_only(tmp_path: Path, delta: int) -> None:
    data, offsets = plain_warc()
    head, _, rest = data[offsets[2] :].partition(b"Content-Length: ")
    length, _, tail = rest.partition(b"\r\n")
    changed = (
        data[: offsets[2]] + head + b"Content-Length: " + str(int(length) + delta).encode() + b"\r\n" + tail
    )
    path = tmp_path / "length.warc.gz"
    path.write_bytes(gzip.compress(changed))
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles] == [URLS[0], URLS[2]]
    (error,) = errors
    assert error.input == f"{path}#record-3 ({URLS[1]})"
    assert "of the unpacked archive" in error.reason and "Content-Length" in error.reason


def test_a_stream_cut_inside_a_record_keeps_the_records_before(tmp_path: Path) -> None:
    data, offsets = plain_warc(noise=4000)
    packed = gzip.compress(data)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(packed[: len(packed) - 1000])  # inside the last page
    assert offsets[3] < len(zlib.decompressobj(31).decompress(packed[:-1000])) < len(data)
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles] == URLS[:2]
    (error,) = errors  # the cut record says the file is cut short; no second line for the stream
    assert error.input.startswith(f"{path}#record-4") and "cut short" in error.reason


def test_a_stream_cut_after_its_last_record_says_it_is_cut_short(tmp_path: Path) -> None:
    data, _ = plain_warc()
    path = tmp_path / "trailer.warc.gz"
    path.write_bytes(gzip.compress(data)[:-8])  # every record, but not the gzip trailer
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles] == URLS
    (error,) = errors
    assert (error.input, error.reason) == (str(path), CUT_SHORT)


def test_damaged_compressed_data_in_a_stream_keeps_what_came_before(tmp_path: Path) -> None:
    data, _ = plain_warc(URLS + [f"https://harbor.example/page{n}" for n in range(40)], noise=4000)
    packed = bytearray(gzip.compress(data))
    middle = len(packed) // 2
    packed[middle : middle + 40] = bytes(b ^ 0xFF for b in packed[middle : middle + 40])
    path = tmp_path / "flipped.warc.gz"
    path.write_bytes(bytes(packed))
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles[:3]] == URLS
    assert 0 < len(errors) <= 2 and all("\n" not in str(error) for error in errors)
    assert any(e.input == str(path) and e.reason.startswith("gzip data damaged") for e in errors)


def test_a_gzip_bomb_inside_one_stream_is_read_in_flat_memory(tmp_path: Path) -> None:
    good, _ = plain_warc()
    # One stream: a crawl, a record whose header "line" unpacks to 200 MB, the crawl again.
    bomb = b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: " + b"x" * (200 * 1024 * 1024)
    paths = tmp_path / "good.warc.gz", tmp_path / "bomb.warc.gz"
    paths[0].write_bytes(gzip.compress(good))
    paths[1].write_bytes(gzip.compress(good + bomb + b"\r\n" + good, 9))
    assert paths[1].stat().st_size < 2 * 1024 * 1024
    runs = [
        subprocess.run(
            [sys.executable, "-c", BOMB_READER, str(p)],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout.split(" ", 2)
        for p in paths
    ]
    (good_pages, good_peak, _), (pages, peak, error) = runs
    assert (int(good_pages), int(pages)) == (3, 6)  # the pages before the bomb and after it
    assert "record header over 256 KB" in error
    assert int(peak) - int(good_peak) < 50  # MB: flat, where unpacking it whole would take 200 more


def test_gzip_stream_reads_and_seeks_like_the_unpacked_bytes() -> None:
    rng = random.Random(17)
    data = b"".join(rng.randbytes(rng.randint(1, 3000)) + b"x" * rng.randint(0, 200_000) for _ in range(60))
    half = len(data) // 2
    stream = GzipStream(io.BytesIO(gzip.compress(data[:half]) + gzip.compress(data[half:])))
    assert stream.read(-1) == data and stream.problem is None
    for _ in range(300):  # backward and forward, near and far: through saved states and from the start
        position, size = rng.randint(0, len(data)), rng.randint(0, 2_000_000)
        assert stream.seek(position) == position
        assert stream.read(size) == data[position : position + size]
        assert stream.tell() == min(len(data), position + size)
