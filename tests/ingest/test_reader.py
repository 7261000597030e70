"""read_inputs: files, folders, globs and stdin, with one-line errors that never stop the batch."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from newsprism.ingest import ArticleDefaults, IngestError, read_file, read_inputs
from newsprism.model import Article
from newsprism.settings import settings_from_env

BODY = "The city council approved the new budget late on Monday after a long and heated debate."
SEEDS = Path(__file__).resolve().parents[2] / "examples"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [item for item in items if isinstance(item, Article)],
        [item for item in items if isinstance(item, IngestError)],
    )


def test_folder_is_walked_in_sorted_order_taking_only_known_file_types(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.md", BODY.replace("council", "board"))
    write(tmp_path / "sub" / "c.htm", f"<html><body><article><p>{BODY} Again.</p></article></body></html>")
    write(tmp_path / "notes.pdf", b"%PDF-1.4 not read")
    write(tmp_path / ".hidden.txt", BODY)
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert errors == []
    assert [article.id for article in articles] == ["a", "b", "c"]
    assert articles[2].path == os.path.join(str(tmp_path), "sub", "c.htm")


def test_glob_is_expanded_and_a_glob_matching_nothing_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "one.txt", BODY)
    write(tmp_path / "two.txt", BODY + " Twice.")
    pattern, nothing = str(tmp_path / "*.txt"), str(tmp_path / "*.nothing")
    articles, errors = split(list(read_inputs([pattern, nothing])))
    assert [article.id for article in articles] == ["one", "two"]
    assert [(error.input, error.reason) for error in errors] == [(nothing, "no files match this pattern")]


def test_every_bad_input_is_one_line_error_and_good_inputs_are_still_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)
    bad = {
        "empty file": write(tmp_path / "empty.txt", ""),
        "binary file, not text": write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"),
        "No such file or directory": tmp_path / "missing.txt",
        "unsupported file type .pdf": write(tmp_path / "report.pdf", BODY),
        "missing 'text'": write(tmp_path / "rows.jsonl", json.dumps({"id": "r"}) + "\n"),
        "no files match this pattern": tmp_path / "*.none",
        "not UTF-8 and no text encoding could be detected": write(
            tmp_path / "garbled.txt", bytes(range(0x80, 0x100)) * 4
        ),
    }
    latin = write(tmp_path / "latin.txt", "Le café a fermé après une décennie difficile.".encode("cp1252"))
    inputs = [str(path) for path in bad.values()] + [str(good), str(latin)]
    articles, errors = split(list(read_inputs(inputs)))
    assert [article.id for article in articles] == ["good", "latin"]
    assert "café" in articles[1].text
    by_reason = {error.reason: error for error in errors}
    assert set(by_reason) == set(bad)
    for reason, path in bad.items():
        message = str(by_reason[reason])
        assert str(path) in message and reason in message and "\n" not in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_an_error_with_the_os_reason(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", BODY)
    path.chmod(0)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, IngestError) and error.reason == "Permission denied"


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (error,) = read_inputs([str(tmp_path / "empty")])
    assert isinstance(error, IngestError) and "no supported files" in error.reason


def test_dash_reads_json_lines_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = json.dumps({"id": "s1", "text": BODY}) + "\n" + json.dumps({"title": "x"}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rows.encode("utf-8"))))
    article, error = read_inputs(["-"])
    assert isinstance(article, Article) and article.id == "s1"
    assert isinstance(error, IngestError) and error.input == "<stdin>:2"


def test_duplicate_id_is_an_error_for_the_later_article(tmp_path: Path) -> None:
    rows = [{"id": "same", "text": BODY}, {"id": "same", "text": BODY + " Again."}]
    path = write(tmp_path / "dup.jsonl", "\n".join(json.dumps(row) for row in rows) + "\n")
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article) and first.text == BODY
    assert isinstance(second, IngestError)
    assert second.input == f"{path}:2" and "duplicate id 'same'" in second.reason


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "once.txt", BODY)
    items = list(read_inputs([str(tmp_path), str(path)]))
    assert [item.id for item in items if isinstance(item, Article)] == ["once"]
    assert len(items) == 1


def test_seed_examples_read_with_stems_as_ids_and_default_date() -> None:
    items = list(read_inputs([str(SEEDS)], ArticleDefaults(published="2025-05-14")))
    articles, errors = split(items)
    assert errors == []
    assert [article.id for article in articles] == sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert all(article.published == "2025-05-14" for article in articles)


def test_read_file_dispatches_on_extension(tmp_path: Path) -> None:
    (article,) = read_file(write(tmp_path / "x.text", BODY))
    assert isinstance(article, Article) and article.text == BODY
    (error,) = read_file(write(tmp_path / "x.docx", BODY))
    assert isinstance(error, IngestError) and error.reason == "unsupported file type .docx"


def test_directory_where_a_file_is_expected_is_an_error_with_the_os_reason(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    (error,) = read_file(tmp_path / "folder.txt")
    assert isinstance(error, IngestError) and error.reason == "Is a directory"


GOOD = "The council approved the budget on Monday after a long debate about the harbour."


@pytest.mark.parametrize("name", ["zero.txt", "zero.rss", "zero.jsonl", "zero.warc"])
def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path, name: str) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / name), str(tmp_path / "good.txt")]))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.input for e in errors] == [str(tmp_path / name)]
    assert "not a regular file" in errors[0].reason
    assert [i.text for i in items if isinstance(i, Article)] == [GOOD]


def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    (error,) = read_file(tmp_path / "pipe.jsonl")
    assert isinstance(error, IngestError) and "not a regular file" in error.reason


def test_an_input_over_the_size_limit_is_refused_with_the_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSPRISM_MAX_INPUT_MB", "1")
    settings_from_env.cache_clear()  # read once per process: forget what an earlier test read
    try:
        (tmp_path / "huge.txt").write_text((GOOD + "\n") * 20_000, encoding="utf-8")  # about 1.6 MB
        (error,) = read_file(tmp_path / "huge.txt")
    finally:
        monkeypatch.undo()
        settings_from_env.cache_clear()
    assert isinstance(error, IngestError) and "larger than 1 MB" in error.reason
    assert "NEWSPRISM_MAX_INPUT_MB" in error.reason


def test_a_json_line_over_the_line_limit_is_skipped_in_bounded_memory() -> None:
    from newsprism.ingest.jsonl import LongLine, bounded_lines

    stream = io.BytesIO(b'{"text": "a"}\n' + b"x" * 100 + b'\n{"text": "b"}\n' + b"y" * 50)
    lines = list(bounded_lines(stream, limit=20))
    assert lines[0] == b'{"text": "a"}\n' and lines[2] == b'{"text": "b"}\n'
    assert isinstance(lines[1], LongLine) and isinstance(lines[3], LongLine)


@pytest.mark.parametrize("fetch_off", [False, True])
def test_a_url_of_another_scheme_is_one_error_saying_so(tmp_path: Path, fetch_off: bool) -> None:
    good = write(tmp_path / "good.txt", BODY)
    urls = [
        "ftp://files.example/news/story.txt",
        "file:///tmp/story.txt",
        "gopher://hole.example/0/news",
        "FTP://X/y",
    ]
    items = list(read_inputs([*urls, str(good)], **({"fetch": None} if fetch_off else {})))
    articles, errors = split(items)
    assert [article.id for article in articles] == ["good"]
    assert [str(error) for error in errors] == [
        "ftp://files.example/news/story.txt: unsupported URL scheme 'ftp' (only http and https are fetched)",
        "file:///tmp/story.txt: unsupported URL scheme 'file' (only http and https are fetched)",
        "gopher://hole.example/0/news: unsupported URL scheme 'gopher' (only http and https are fetched)",
        "FTP://X/y: unsupported URL scheme 'ftp' (only http and https are fetched)",
    ]


def test_a_feed_an_opml_list_names_that_links_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.rss").symlink_to("/dev/zero")
    (tmp_path / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Endless" type="rss" xmlUrl="zero.rss"/></body></opml>',
        encoding="utf-8",
    )
    items = list(read_inputs([str(tmp_path / "feeds.opml")], fetch=None))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert "not a regular file" in items[0].reason
