"""Web archives: HTML responses out of WARC files, plain or gzipped, damage reported and survived."""

from __future__ import annotations

import gzip
import io
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import IngestError, read_file, read_inputs
from newsprism.ingest.fields import ArticleDefaults, text_id
from newsprism.ingest.reader import file_suffix
from newsprism.ingest.warc import labelled_warc_file, read_warc_file
from newsprism.model import Article

STORIES = {
    "budget": (
        "Council passes budget after long debate",
        [
            "The city council approved the new budget late on Monday after a long and heated debate.",
            "The mayor said the vote was a relief for the schools that had waited months for funds.",
            "Opposition members said they would keep pressing for lower taxes in the coming year.",
        ],
    ),
    "strike": (
        "Dock workers end three-day strike",
        [
            "Dock workers returned to the port on Tuesday morning after a three-day strike over pay.",
            "The union said its members had accepted an offer of a six percent rise over two years.",
            "Ships that had waited at anchor began to unload their cargo by the afternoon, officials said.",
        ],
    ),
    "ferry": (
        "Island ferry to run twice a day",
        [
            "The ferry to the islands will run twice a day from next week, the operator announced.",
            "Residents had campaigned for a second daily crossing since the winter storms last year.",
            "The operator said a new boat would join the route in the autumn if demand held up.",
        ],
    ),
}
CRAWLED = "2025-05-15T06:30:00Z"
PAGE_DATE = "2025-05-12T09:00:00Z"
HTML = "text/html"


def news_page(key: str, *, published: str | None = None, author: str = "Jane Roe") -> bytes:
    """A news page as a site serves it: the story inside a head, menus, related links and a footer."""
    title, paragraphs = STORIES[key]
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Harbor Gazette</title>
<meta property="og:site_name" content="Harbor Gazette">
<meta name="author" content="{author}">
{date_meta}
<style>body {{ font-family: serif; }} .nav li {{ display: inline; }}</style>
<script>window.analytics = {{ page: "{key}", section: "local" }}; function track() {{ return 1; }}</script>
</head><body>
<header><a href="/">Harbor Gazette</a>
<nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/local">Local news</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
<p class="byline">By {author}</p>
{body}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Harbor prices climb again</a></li>
<li><a href="/b">Council elections set for June</a></li></ul></aside></main>
<footer><p>Copyright Harbor Gazette. All rights reserved.</p>
<ul><li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
<script>track();</script>
</body></html>
""".encode()


SCRIPTS_ONLY = b"""<!DOCTYPE html><html><head><title>App</title><script>var a = 1;</script></head>
<body><script>document.write("<p>" + "Rendered by the browser only, never in the markup" + "</p>");</script>
<noscript>Enable JavaScript</noscript></body></html>"""


@dataclass(frozen=True)
class Rec:
    """One record to write: `kind` is the WARC-Type; bodies are written as given."""

    kind: str
    uri: str = ""
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = CRAWLED


def build_warc(records: list[Rec], *, gz: bool, version: str = "1.0") -> tuple[bytes, list[int]]:
    """The archive's bytes and the offset at which each record starts."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz, warc_version=version)
    offsets = []
    for rec in records:
        offsets.append(out.tell())
        dated = {"WARC-Date": rec.date}
        if rec.kind == "warcinfo":
            record = writer.create_warcinfo_record("test.warc", {"software": "newsprism tests"})
        elif rec.kind == "request":
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "harbor.example")], is_http_request=True)
            record = writer.create_warc_record(
                rec.uri, "request", http_headers=request, warc_headers_dict=dated
            )
        elif rec.kind == "response":
            headers = [("Content-Type", rec.content_type)] if rec.content_type else []
            http = StatusAndHeaders(rec.status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                rec.uri, "response", payload=io.BytesIO(rec.body), http_headers=http, warc_headers_dict=dated
            )
        else:  # resource, metadata
            record = writer.create_warc_record(
                rec.uri,
                rec.kind,
                payload=io.BytesIO(rec.body),
                warc_content_type=rec.content_type,
                warc_headers_dict=dated,
            )
        writer.write_record(record)
    return out.getvalue(), offsets


def crawl() -> list[Rec]:
    """A small crawl: three article pages among the records a crawler writes around them."""
    return [
        Rec("warcinfo"),
        Rec("request", "https://harbor.example/budget"),
        Rec("response", "https://harbor.example/budget", news_page("budget", published=PAGE_DATE)),
        Rec("metadata", "https://harbor.example/budget", b"fetchTimeMs: 120\r\n", "application/warc-fields"),
        Rec("response", "https://harbor.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        Rec("response", "https://harbor.example/old", b"<html><body>Moved</body></html>", status="301 Moved"),
        Rec("request", "https://harbor.example/strike"),
        Rec("response", "https://harbor.example/strike", news_page("strike")),
        Rec("resource", "https://harbor.example/ferry", news_page("ferry", published="2025-05-14"), HTML),
    ]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [item for item in items if isinstance(item, Article)],
        [item for item in items if isinstance(item, IngestError)],
    )


@pytest.mark.parametrize("version", ["1.0", "1.1"])
@pytest.mark.parametrize(("gz", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_html_pages_come_out_and_other_records_are_skipped_silently(
    tmp_path: Path, gz: bool, name: str, version: str
) -> None:
    data, _ = build_warc(crawl(), gz=gz, version=version)
    path = write(tmp_path / name, data)
    articles, errors = split(list(read_warc_file(path)))
    assert errors == []
    budget, strike, ferry = articles
    assert budget.title == "Council passes budget after long debate"
    assert budget.url == "https://harbor.example/budget"
    assert budget.published == "2025-05-12"  # the page's own date
    assert budget.author == "Jane Roe"
    assert budget.source == "Harbor Gazette"
    assert budget.language == "en"
    assert budget.path == str(path)
    assert budget.summary_only is False
    assert budget.id == text_id("https://harbor.example/budget")
    assert budget.text.split("\n") == STORIES["budget"][1]
    for boilerplate in ("Home", "Copyright", "Related", "track", "font-family"):
        assert boilerplate not in budget.text
    assert strike.published == "2025-05-15T06:30:00+00:00"  # no date on the page: when it was crawled
    assert strike.text.split("\n") == STORIES["strike"][1]
    assert ferry.url == "https://harbor.example/ferry" and ferry.published == "2025-05-14"


def test_gzipped_and_plain_archives_give_the_same_articles(tmp_path: Path) -> None:
    plain = list(read_warc_file(write(tmp_path / "a.warc", build_warc(crawl(), gz=False)[0])))
    packed = list(read_warc_file(write(tmp_path / "a.warc.gz", build_warc(crawl(), gz=True)[0])))
    assert [(a.id, a.text) for a in plain if isinstance(a, Article)] == [
        (a.id, a.text) for a in packed if isinstance(a, Article)
    ]


def test_a_page_without_content_type_is_sniffed_and_xhtml_is_read(tmp_path: Path) -> None:
    records = [
        Rec("response", "https://harbor.example/untyped", news_page("budget"), content_type=None),
        Rec("response", "https://harbor.example/x", news_page("strike"), "application/xhtml+xml"),
        Rec("response", "https://harbor.example/data", b'{"not": "html"}', content_type=None),
    ]
    path = write(tmp_path / "typed.warc", build_warc(records, gz=False)[0])
    articles, errors = split(list(read_warc_file(path)))
    assert errors == []
    assert [a.url for a in articles] == ["https://harbor.example/untyped", "https://harbor.example/x"]


def test_a_page_crawled_twice_gets_two_ids(tmp_path: Path) -> None:
    uri = "https://harbor.example/budget"
    records = [Rec("response", uri, news_page("budget")), Rec("response", uri, news_page("budget"))]
    first, second = read_warc_file(write(tmp_path / "twice.warc.gz", build_warc(records, gz=True)[0]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == text_id(uri) and second.id != first.id


def test_a_page_of_scripts_is_an_error_naming_the_record_and_the_rest_is_read(tmp_path: Path) -> None:
    records = [
        Rec("warcinfo"),
        Rec("response", "https://harbor.example/app", SCRIPTS_ONLY),
        Rec("response", "https://harbor.example/budget", news_page("budget")),
    ]
    path = write(tmp_path / "app.warc.gz", build_warc(records, gz=True)[0])
    error, article = read_warc_file(path)
    assert isinstance(error, IngestError)
    assert error.input == f"{path}#record-2 (https://harbor.example/app)"
    assert error.reason == "no article text found"
    assert isinstance(article, Article) and article.url == "https://harbor.example/budget"


@pytest.mark.parametrize("cap", [20_000, 30_000])  # the page is ~50 KB: over twice the cap, and under
def test_a_page_over_the_size_cap_is_reported_and_skipped(tmp_path: Path, cap: int) -> None:
    filler = b"<div>" + b"<p>filler text here</p>" * 2000 + b"</div>"
    big = news_page("budget").replace(b"</main>", filler + b"</main>")
    records = [
        Rec("response", "https://harbor.example/big", big),
        Rec("response", "https://harbor.example/strike", news_page("strike")),
    ]
    path = write(tmp_path / "big.warc", build_warc(records, gz=False)[0])
    labelled = list(labelled_warc_file(path, max_html_bytes=cap))
    (_, error), (_, article) = labelled
    assert isinstance(error, IngestError) and "larger than" in error.reason
    assert error.input == f"{path}#record-1 (https://harbor.example/big)"
    assert isinstance(article, Article) and article.url == "https://harbor.example/strike"


def three_pages() -> list[Rec]:
    return [
        Rec("response", "https://harbor.example/budget", news_page("budget")),
        Rec("response", "https://harbor.example/strike", news_page("strike")),
        Rec("response", "https://harbor.example/ferry", news_page("ferry")),
    ]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_an_archive_cut_short_keeps_the_records_before_the_cut(
    tmp_path: Path, gz: bool, cut: float, capsys: pytest.CaptureFixture[str]
) -> None:
    data, offsets = build_warc(three_pages(), gz=gz)
    end = offsets[2] + int((len(data) - offsets[2]) * cut)  # inside the third record
    path = write(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), data[:end])
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles] == ["https://harbor.example/budget", "https://harbor.example/strike"]
    (error,) = errors
    assert error.input.startswith(f"{path}#record-3") and "damaged record" in error.reason
    assert "\n" not in str(error)
    assert capsys.readouterr().err == ""


def with_content_length(data: bytes, offsets: list[int], index: int, delta: int, *, gz: bool) -> bytes:
    """The archive with record `index`'s Content-Length off by `delta`."""
    end = offsets[index + 1] if index + 1 < len(offsets) else len(data)
    member = gzip.decompress(data[offsets[index] : end]) if gz else data[offsets[index] : end]
    head, _, rest = member.partition(b"Content-Length: ")
    length, _, tail = rest.partition(b"\r\n")
    changed = head + b"Content-Length: " + str(int(length) + delta).encode() + b"\r\n" + tail
    return data[: offsets[index]] + (gzip.compress(changed) if gz else changed) + data[end:]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("delta", [-40, 40, 10**6])
def test_a_wrong_content_length_costs_that_record_only(
    tmp_path: Path, gz: bool, delta: int, capsys: pytest.CaptureFixture[str]
) -> None:
    data, offsets = build_warc(three_pages(), gz=gz)
    path = write(tmp_path / "length.warc", with_content_length(data, offsets, 1, delta, gz=gz))
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles] == ["https://harbor.example/budget", "https://harbor.example/ferry"]
    (error,) = errors
    assert error.input == f"{path}#record-2 (https://harbor.example/strike)"
    assert "Content-Length" in error.reason
    assert capsys.readouterr().err == ""  # warcio's own warnings are not printed


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("garbage", [b"garbage line\r\n" * 20, bytes(range(256)) * 8])
def test_garbage_between_records_is_one_error_and_reading_resumes(
    tmp_path: Path, gz: bool, garbage: bytes
) -> None:
    data, offsets = build_warc(three_pages(), gz=gz)
    path = write(tmp_path / "garbage.warc", data[: offsets[1]] + garbage + data[offsets[1] :])
    articles, errors = split(list(read_warc_file(path)))
    assert [a.url for a in articles] == [
        "https://harbor.example/budget",
        "https://harbor.example/strike",
        "https://harbor.example/ferry",
    ]
    (error,) = errors
    assert error.input == f"{path}#record-2" and f"at byte {offsets[1]}" in error.reason


def test_damaged_compressed_data_inside_a_member_is_reported(tmp_path: Path) -> None:
    data, offsets = build_warc(three_pages(), gz=True)
    middle = (offsets[1] + offsets[2]) // 2
    damaged = data[:middle] + bytes(b ^ 0xFF for b in data[middle : middle + 40]) + data[middle + 40 :]
    articles, errors = split(list(read_warc_file(write(tmp_path / "flipped.warc.gz", damaged))))
    assert [a.url for a in articles] == ["https://harbor.example/budget", "https://harbor.example/ferry"]
    assert len(errors) == 1 and errors[0].input.startswith(f"{tmp_path / 'flipped.warc.gz'}#record-2")


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.warc", b"These are my notes, not an archive.\n" * 50)
    (error,) = read_warc_file(path)
    assert isinstance(error, IngestError)
    assert error.input == str(path) and error.reason.startswith("does not start with a WARC record")
    (empty,) = read_warc_file(write(tmp_path / "empty.warc.gz", b""))
    assert isinstance(empty, IngestError) and empty.reason == "empty file"


def test_many_false_record_starts_do_not_hang(tmp_path: Path) -> None:
    data, _ = build_warc(three_pages()[:1], gz=True)
    path = write(tmp_path / "magic.warc.gz", data + b"\x1f\x8b\x08junk" * 20_000)
    started = time.perf_counter()
    articles, errors = split(list(read_warc_file(path)))
    assert time.perf_counter() - started < 10
    assert len(articles) == 1
    damage, gave_up = errors
    assert damage.input == f"{path}#record-2" and "damaged record" in damage.reason
    assert gave_up.input == str(path) and "the rest of the file is not read" in gave_up.reason


def test_defaults_fill_what_an_archive_lacks(tmp_path: Path) -> None:
    page = news_page("budget").replace(b'<meta property="og:site_name" content="Harbor Gazette">', b"")
    page = page.replace(b"Harbor Gazette", b"").replace(b'lang="en"', b"")
    records = [Rec("resource", "urn:x-page", page, "text/html")]
    path = write(tmp_path / "bare.warc", build_warc(records, gz=False)[0])
    (article,) = read_warc_file(path, ArticleDefaults(source="Harbor Gazette", language="en"))
    assert isinstance(article, Article)
    assert article.source == "Harbor Gazette" and article.language == "en"
    assert article.published == "2025-05-15T06:30:00+00:00"


def test_warc_suffixes_are_recognised() -> None:
    assert file_suffix("CC-NEWS-20250101.warc.gz") == ".warc.gz"
    assert file_suffix("ARCHIVE.WARC") == ".warc"
    assert file_suffix("notes.tar.gz") == ".gz"


def test_a_folder_with_a_feed_and_archives_is_read_through_read_inputs(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "wire.rss").write_text(
        """<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Budget</title><link>https://wire.example/budget</link>
<description>The council passed the budget on Monday, the mayor's office said.</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    write(tmp_path / "crawl.warc.gz", build_warc(crawl(), gz=True)[0])
    write(tmp_path / "more.warc", build_warc(three_pages()[1:2], gz=False)[0])  # the strike page again
    write(tmp_path / "notes.gz", b"not read")
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert [(a.url, a.summary_only) for a in articles] == [
        ("https://harbor.example/budget", False),
        ("https://harbor.example/strike", False),
        ("https://harbor.example/ferry", False),
        ("https://wire.example/budget", True),
    ]
    # The same page in a second archive has the same id: a duplicate, reported with its record.
    (duplicate,) = errors
    assert duplicate.input == f"{tmp_path / 'more.warc'}#record-1" and "duplicate id" in duplicate.reason
    (single,) = read_file(tmp_path / "more.warc")
    assert isinstance(single, Article)


BOMB_READER = """
import sys
from newsprism.ingest.warc import read_warc_file
items = list(read_warc_file(sys.argv[1]))
pages = sum(type(i).__name__ == "Article" for i in items)
errors = [str(i) for i in items if type(i).__name__ == "IngestError"]
# This process's own peak (VmHWM), not one inherited from the parent as ru_maxrss is across exec.
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM")).split()[1]
print(pages, int(peak) // 1024, errors[0] if errors else "")
"""


def test_a_gzip_bomb_header_is_damage_read_in_flat_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    good, _ = build_warc(crawl(), gz=True)
    # A member that unpacks to 200 MB of one header "line", between two intact crawls.
    bomb = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: " + b"x" * (200 * 1024 * 1024), 9)
    paths = write(tmp_path / "good.warc.gz", good), write(tmp_path / "bomb.warc.gz", good + bomb + good)
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
    assert (int(good_pages), int(pages)) == (3, 6)  # three pages before the bomb, three after it
    assert "record header over 256 KB" in error
    assert int(peak) - int(good_peak) < 50  # MB: flat, where buffering the "line" would take 200 more


def test_an_archive_without_an_html_page_says_what_it_holds(tmp_path: Path) -> None:
    data, _ = build_warc([Rec("warcinfo"), Rec("request", "https://harbor.example/x")], gz=True)
    (error,) = list(read_warc_file(write(tmp_path / "requests.warc.gz", data)))
    assert isinstance(error, IngestError)
    assert error.reason == "no HTML page found; its 2 records are: warcinfo (1), request (1)"


def test_a_page_of_utf8_with_a_bad_byte_is_read_as_utf8_whatever_its_declared_charset(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = (
        news_page("budget").replace(b"Monday", "Montag – Monday".encode()).replace(b"schools", b"\xe9coles")
    )
    records = [Rec("response", "https://harbor.example/budget", page, "text/html; charset=iso-8859-1")]
    path = write(tmp_path / "mixed.warc", build_warc(records, gz=False)[0])
    with caplog.at_level("WARNING", logger="newsprism.ingest.encoding"):
        (article,) = read_warc_file(path)
    assert isinstance(article, Article) and "Montag – Monday" in article.text  # not "â€“" mojibake
    (message,) = [record.getMessage() for record in caplog.records]
    assert message.startswith(
        f"{path}#record-1 (https://harbor.example/budget): read as UTF-8 with 1 invalid"
    )
