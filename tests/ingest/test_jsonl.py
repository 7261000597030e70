"""JSON Lines: rows stream one at a time; a bad row is an error naming path:line, not the end."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsprism.ingest.errors import IngestError
from newsprism.ingest.fields import ArticleDefaults, text_id
from newsprism.ingest.jsonl import read_jsonl_file, read_jsonl_lines
from newsprism.model import Article

TEXT = "The city council approved the new budget on Monday.\nThe mayor welcomed the vote."


def write_rows(tmp_path: Path, rows: list[object | str], name: str = "rows.jsonl") -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_rows_become_articles_with_their_metadata(tmp_path: Path) -> None:
    row = {
        "id": "r1", "title": "Budget Passes", "text": TEXT, "source": "City Courier",
        "url": "https://courier.example/b", "published": "March 4, 2025", "language": "en",
        "author": "Jane Doe", "gold": {"anything": [1, 2, 3]},
    }  # fmt: skip
    path = write_rows(tmp_path, [row])
    (article,) = read_jsonl_file(path)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.source) == ("r1", "Budget Passes", "City Courier")
    assert (article.published, article.author, article.path) == ("2025-03-04", "Jane Doe", str(path))
    assert article.text == TEXT


def test_row_without_id_gets_a_hash_of_its_text(tmp_path: Path) -> None:
    (article,) = read_jsonl_file(write_rows(tmp_path, [{"text": TEXT}]))
    assert isinstance(article, Article)
    assert article.id == text_id(TEXT)


def test_bad_rows_are_errors_naming_path_and_line_and_later_rows_still_read(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path,
        [
            {"id": "a", "title": "no text here"},
            "{not json",
            {"id": "b", "text": 42},
            {"id": "c", "text": "   "},
            "[1, 2]",
            "",
            {"id": "d", "text": TEXT},
        ],
    )
    items = list(read_jsonl_file(path))
    errors = [item for item in items if isinstance(item, IngestError)]
    assert [error.input for error in errors] == [f"{path}:{n}" for n in (1, 2, 3, 4, 5)]
    assert "missing 'text'" in str(errors[0])
    assert "invalid JSON" in str(errors[1])
    assert "'text' must be a string" in str(errors[2])
    assert "empty 'text'" in str(errors[3])
    assert "expected a JSON object" in str(errors[4])
    assert all("\n" not in str(error) for error in errors)
    assert [item.id for item in items if isinstance(item, Article)] == ["d"]


def test_text_is_kept_character_for_character_except_the_trailing_credit(tmp_path: Path) -> None:
    text = "Advertisement\r\nCafe\u0301 owners cheered the vote.\n\nWith AFP."
    (article,) = read_jsonl_file(write_rows(tmp_path, [{"id": "x", "text": text}]))
    assert isinstance(article, Article)
    assert article.text == "Advertisement\r\nCafe\u0301 owners cheered the vote."
    assert article.credits == ["AFP"]


def test_defaults_fill_missing_fields_only(tmp_path: Path) -> None:
    path = write_rows(tmp_path, [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT, "source": "Own"}])
    first, second = read_jsonl_file(path, ArticleDefaults(source="Wire Desk", published="2025-05-14"))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.source, first.published, second.source) == ("Wire Desk", "2025-05-14", "Own")


def test_rows_are_read_lazily_one_line_at_a_time() -> None:
    consumed: list[int] = []

    def lines() -> Iterator[bytes]:
        for number in range(1, 1_000_000):
            consumed.append(number)
            yield json.dumps({"id": str(number), "text": TEXT}).encode("utf-8") + b"\n"

    first = next(read_jsonl_lines(lines(), name="<stdin>", path="-"))
    assert isinstance(first, Article) and first.id == "1"
    assert consumed == [1]


def test_pretty_printed_json_file_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"text": TEXT}], indent=2), encoding="utf-8")
    (error,) = read_jsonl_file(path)
    assert isinstance(error, IngestError)
    assert error.input == str(path) and "not JSON Lines" in error.reason


def test_blank_file_is_an_empty_file_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (error,) = read_jsonl_file(path)
    assert isinstance(error, IngestError) and error.reason == "empty file"


def test_line_that_is_not_utf8_is_an_error_for_that_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": TEXT}).encode("utf-8")
    path.write_bytes('{"text": "café"}'.encode("cp1252") + b"\n" + good + b"\n")
    error, article = read_jsonl_file(path)
    assert isinstance(error, IngestError) and error.input == f"{path}:1" and "UTF-8" in error.reason
    assert isinstance(article, Article) and article.id == "ok"


def test_a_row_nested_beyond_reading_is_reported_by_line_and_skipped(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    path = write_rows(tmp_path, [{"id": "a", "text": TEXT}, deep, {"id": "c", "text": TEXT}])
    items = list(read_jsonl_file(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c"]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert error.input.endswith("rows.jsonl:2") and "nested too deeply" in error.reason


def test_metadata_is_a_bounded_line_of_text_never_a_nested_structure(tmp_path: Path) -> None:
    nested = [["a", ["b", ["c"]]], "Ana Ortiz"]
    path = write_rows(tmp_path, [{"id": "a", "text": TEXT, "author": nested, "title": "x" * 50_000}])
    (article,) = list(read_jsonl_file(path))
    assert isinstance(article, Article)
    assert article.author == "Ana Ortiz"
    assert article.title is not None and len(article.title) == 8_192


def test_an_unterminated_string_is_reported_once_with_its_column(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "a", "text": "never closed', encoding="utf-8")  # cut short: no line break
    (error,) = list(read_jsonl_file(path))
    assert isinstance(error, IngestError)
    assert error.reason.startswith("invalid JSON (Unterminated string starting at column ")
