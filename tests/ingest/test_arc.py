"""ARC files (the Internet Archive's format before WARC): read like WARC, with the same bounds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsprism.ingest import IngestError, read_inputs
from newsprism.ingest.fields import text_id
from newsprism.ingest.reader import file_suffix
from newsprism.ingest.warc import labelled_warc_file, read_warc_file
from newsprism.model import Article

STORIES = {
    "budget": [
        "The city council approved the new budget late on Monday after a long and heated debate.",
        "The mayor said the vote was a relief for the schools that had waited months for funds.",
        "Opposition members said they would keep pressing for lower taxes in the coming year.",
    ],
    "strike": [
        "Dock workers returned to the port on Tuesday morning after a three-day strike over pay.",
        "The union said its members had accepted an offer of a six percent rise over two years.",
        "Ships that had waited at anchor began to unload their cargo by the afternoon, officials said.",
    ],
    "ferry": [
        "The ferry to the islands will run twice a day from next week, the operator announced.",
        "Residents had campaigned for a second daily crossing since the winter storms last year.",
        "The operator said a new boat would join the route in the autumn if demand held up.",
    ],
}
ARCHIVED = "20250515063000"


def page(key: str, *, filler: bytes = b"") -> bytes:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in STORIES[key])
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{key.title()} news</title>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{key.title()} news</h1>"
        f"{paragraphs}</article><footer>Copyright Harbor Gazette</footer></body></html>"
    ).encode() + filler


def http_response(body: bytes, *, status: str = "200 OK", content_type: str = "text/html") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def arc_record(url: str, block: bytes, *, content_type: str = "text/html", length_delta: int = 0) -> bytes:
    """One ARC v1 record: its header line, its block, and the newline that ends it."""
    line = f"{url} 93.184.216.34 {ARCHIVED} {content_type} {len(block) + length_delta}\n"
    return line.encode() + block + b"\n"


def file_header(name: str) -> bytes:
    """The filedesc record that opens every ARC file, its block the version and field-list lines."""
    block = b"1 0 Newsprism tests\nURL IP-address Archive-date Content-type Archive-length\n"
    return arc_record(f"filedesc://{name}", block, content_type="text/plain")


def crawl() -> list[bytes]:
    """The filedesc record, three pages, and the records around them that are not articles."""
    return [
        file_header("crawl.arc"),
        arc_record(
            "dns:harbor.example",
            b"20250515063000\nharbor.example. 300 IN A 93.184.216.34\n",
            content_type="text/dns",
        ),
        arc_record("http://harbor.example/budget", http_response(page("budget"))),
        arc_record(
            "http://harbor.example/logo.png",
            http_response(b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"),
        ),
        arc_record("http://harbor.example/old", http_response(b"<html>Moved</html>", status="301 Moved")),
        arc_record("http://harbor.example/strike", http_response(page("strike"))),
        arc_record("http://harbor.example/ferry", http_response(page("ferry"))),
    ]


def pack(records: list[bytes], *, gz: bool) -> bytes:
    """The ARC file: records one after another, or each gzipped as its own member (.arc.gz)."""
    return b"".join(gzip.compress(record) for record in records) if gz else b"".join(records)


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [item for item in items if isinstance(item, Article)],
        [item for item in items if isinstance(item, IngestError)],
    )


URLS = ["http://harbor.example/budget", "http://harbor.example/strike", "http://harbor.example/ferry"]


@pytest.mark.parametrize(
    ("gz", "name"), [(False, "crawl.arc"), (True, "crawl.arc.gz"), (True, "CRAWL.ARC.GZ")]
)
def test_html_responses_of_an_arc_file_are_articles_and_other_records_are_skipped(
    tmp_path: Path, gz: bool, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(pack(crawl(), gz=gz))
    articles, errors = split(list(read_inputs([str(path)])))  # chosen by its suffix, as the CLI does
    assert errors == []
    assert [article.url for article in articles] == URLS
    budget = articles[0]
    assert budget.text.split("\n") == STORIES["budget"]
    assert budget.id == text_id("http://harbor.example/budget")
    assert budget.published == "2025-05-15T06:30:00+00:00"  # no date on the page: when it was archived
    assert budget.path == str(path)
    assert "Home" not in budget.text and "Copyright" not in budget.text
    assert capsys.readouterr().err == ""


def test_arc_suffixes_are_recognised_and_a_folder_of_arc_files_is_read(tmp_path: Path) -> None:
    assert file_suffix("IA-2004-01.arc.gz") == ".arc.gz"
    assert file_suffix("crawl.ARC") == ".arc"
    (tmp_path / "a.arc").write_bytes(pack(crawl()[:3], gz=False))
    (tmp_path / "b.arc.gz").write_bytes(pack([file_header("b.arc"), *crawl()[5:]], gz=True))
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert errors == []
    assert [article.url for article in articles] == URLS


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("delta", [-40, 40])
def test_a_wrong_length_in_an_arc_record_costs_that_record_only(
    tmp_path: Path, gz: bool, delta: int, capsys: pytest.CaptureFixture[str]
) -> None:
    records = crawl()
    records[5] = arc_record("http://harbor.example/strike", http_response(page("strike")), length_delta=delta)
    path = tmp_path / ("length.arc.gz" if gz else "length.arc")
    path.write_bytes(pack(records, gz=gz))
    articles, errors = split(list(read_warc_file(path)))
    assert [article.url for article in articles] == [URLS[0], URLS[2]]
    (error,) = errors
    assert error.input == f"{path}#record-6 (http://harbor.example/strike)"
    assert "damaged record" in error.reason and "\n" not in str(error)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("gz", [False, True])
def test_garbage_in_an_arc_file_is_one_error_and_reading_resumes(tmp_path: Path, gz: bool) -> None:
    records = crawl()
    records.insert(5, b"this is not an ARC record at all\n" * 30)
    path = tmp_path / ("garbage.arc.gz" if gz else "garbage.arc")
    path.write_bytes(pack(records, gz=gz))
    articles, errors = split(list(read_warc_file(path)))
    assert [article.url for article in articles] == URLS
    (error,) = errors
    assert error.input == f"{path}#record-6" and "damaged record" in error.reason


def test_an_arc_page_over_the_size_cap_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    records = crawl()
    records[2] = arc_record(
        "http://harbor.example/budget", http_response(page("budget", filler=b"<p>filler</p>" * 5000))
    )
    path = tmp_path / "big.arc"
    path.write_bytes(pack(records, gz=False))
    labelled = list(labelled_warc_file(path, max_html_bytes=30_000))
    articles, errors = split([item for _, item in labelled])
    assert [article.url for article in articles] == URLS[1:]
    (error,) = errors
    assert error.input == f"{path}#record-3 (http://harbor.example/budget)" and "larger than" in error.reason


def test_an_arc_header_line_without_end_is_damage_not_a_buffer(tmp_path: Path) -> None:
    records = crawl()
    records.insert(3, b"http://harbor.example/pad 93.184.216.34 " + b"9" * (1024 * 1024))
    path = tmp_path / "long.arc.gz"
    path.write_bytes(pack(records, gz=True))
    articles, errors = split(list(read_warc_file(path)))
    assert [article.url for article in articles] == URLS
    (error,) = errors
    assert "record header over 256 KB" in error.reason


def test_a_file_named_arc_that_is_not_one_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.arc"
    path.write_bytes(b"These are my notes, not an archive.\n" * 50)
    (error,) = read_warc_file(path)
    assert isinstance(error, IngestError)
    assert error.input == str(path) and error.reason.startswith("does not start with an ARC record")


def test_an_arc_file_gzipped_whole_is_read(tmp_path: Path) -> None:
    path = tmp_path / "whole.arc.gz"
    path.write_bytes(gzip.compress(pack(crawl(), gz=False)))
    articles, errors = split(list(read_warc_file(path)))
    assert errors == []
    assert [article.url for article in articles] == URLS
