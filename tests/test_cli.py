"""The command line: outputs per the contract, one-line errors, exit status, one-article stories."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()

STORY_A = """Harbour bridge to close for repairs

The city council voted on Monday to close the old harbour bridge for six weeks of repairs.
Mayor Ana Lopez said the work would start on 3 March.
"""

STORY_B = """Council shuts harbour bridge

Councillors decided on Monday to shut the ageing harbour bridge for repair work lasting six weeks.
"We cannot wait any longer," Mayor Ana López said.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_compare_writes_json_and_reports_bad_inputs_without_stopping(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY_A)
    b = write(tmp_path, "b.txt", STORY_B)
    empty = write(tmp_path, "empty.txt", "")
    binary = write(tmp_path, "blob.txt", b"\x00\x01\x02\xff" * 64)
    out = tmp_path / "out.json"
    result = runner.invoke(
        app, ["compare", str(a), str(empty), str(binary), str(b), "--published", "2025-02-24", "-o", str(out)]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("blob.txt" in e and "binary" in e for e in errors)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [art["id"] for art in data["articles"]] == ["a", "b"]
    assert any(f["status"] == "corroborated" for f in data["facts"])


def test_compare_one_article_says_it_is_not_a_story_and_still_analyzes(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY_A)
    result = runner.invoke(app, ["compare", str(a), "--format", "md"])
    assert result.exit_code == 0
    assert "one article is not a story" in result.stderr
    assert "Ana Lopez" in result.stdout


def test_compare_html_report_is_written(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY_A)
    b = write(tmp_path, "b.txt", STORY_B)
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["compare", str(a), str(b), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "harbour bridge" in html


def test_compare_with_nothing_readable_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr


def test_analyze_streams_jsonl_and_names_the_bad_line(tmp_path: Path) -> None:
    rows = [
        {"id": "one", "text": STORY_A, "published": "2025-02-24"},
        {"id": "two", "title": "no text here"},
        {"id": "three", "text": STORY_B},
    ]
    src = write(tmp_path, "in.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "in.jsonl:2" in result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["one", "three"]
    assert set(lines[0]) >= {
        "id",
        "language",
        "sentences",
        "entities",
        "quotes",
        "dates",
        "numbers",
        "citations",
    }
    assert any(d["date"] == "2025-02-24" for d in lines[0]["dates"])


OTHER_STORY = """Wildfire forces evacuation of Pinecrest

About 2,000 residents of Pinecrest were told to leave their homes on Monday as a wildfire spread
through the dry hills east of the town, the county fire service said.
"""


def test_cluster_writes_one_line_per_article_and_reports_bad_inputs(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY_A)
    b = write(tmp_path, "b.txt", STORY_B)
    c = write(tmp_path, "c.txt", OTHER_STORY)
    empty = write(tmp_path, "empty.txt", "")
    out = tmp_path / "stories.jsonl"
    result = runner.invoke(
        app, ["cluster", str(a), str(b), str(empty), str(c), "--published", "2025-02-24", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert any("empty.txt" in line for line in result.stderr.splitlines() if line.startswith("error:"))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert set(rows[0]) == {"id", "story", "duplicate_of"}
    story = {r["id"]: r["story"] for r in rows}
    assert story["a"] == story["b"] != story["c"]
    assert "3 articles in 2 stories" in result.stderr


def test_ingest_keeps_the_pages_it_changed_and_stories_lists_them_as_json(tmp_path: Path) -> None:
    from newsprism.store.db import open_store
    from newsprism.web.pages import page_version

    a = write(tmp_path, "a.txt", STORY_A)
    b = write(tmp_path, "b.txt", STORY_B)
    db = str(tmp_path / "archive.db")
    result = runner.invoke(app, ["ingest", str(a), str(b), "--published", "2025-02-24", "--db", db])
    assert result.exit_code == 0, result.output
    assert "added 2, skipped 0 already stored; 1 stories changed" in result.stderr
    listed = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["article_count"] == 2
    with open_store(db) as store:
        summary = store.get_story(row["id"])
        assert store.page(row["id"], page_version(summary)) is not None
    old = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert old.exit_code == 0
    assert old.stdout == listed.stdout
    assert "--json is deprecated; use --format json" in old.stderr
    table = runner.invoke(app, ["stories", "--db", db])
    assert table.exit_code == 0
    assert row["id"] in table.stdout and not table.stdout.lstrip().startswith("{")


def test_eval_clusters_scores_a_prediction_against_gold(tmp_path: Path) -> None:
    gold = write(
        tmp_path,
        "gold.jsonl",
        "\n".join(
            json.dumps({"id": i, "text": "x", "gold": {"story": s}})
            for i, s in [("1", "A"), ("2", "A"), ("3", "B")]
        ),
    )
    pred = write(
        tmp_path,
        "pred.jsonl",
        "\n".join(json.dumps({"id": i, "story": s}) for i, s in [("1", "s1"), ("2", "s2"), ("3", "s3")]),
    )
    result = runner.invoke(app, ["eval", "clusters", str(gold), str(pred)])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["bcubed_precision"] == 1.0
    assert abs(scores["bcubed_recall"] - (0.5 + 0.5 + 1.0) / 3) < 1e-9
    missing = runner.invoke(app, ["eval", "clusters", str(tmp_path / "nope.jsonl"), str(pred)])
    assert missing.exit_code == 2
    assert "nope.jsonl" in missing.stderr


def test_an_archive_that_cannot_be_opened_never_shows_its_password() -> None:
    # Port 9 on loopback: nothing listens, so the driver fails at once and names the URL's host.
    url = "postgresql://reader:hunter2-secret@127.0.0.1:9/news"
    result = runner.invoke(app, ["stories", "--db", url])
    assert result.exit_code == 2
    assert "cannot open the archive postgresql://reader:***@127.0.0.1:9/news" in result.output
    assert "hunter2-secret" not in result.output


def test_masked_hides_every_url_password_and_the_given_one_elsewhere() -> None:
    from newsprism.store.db import masked

    text = "failed for postgresql://u:pw1234@h/d (password 'pw1234' rejected)"
    assert (
        masked(text, "postgresql://u:pw1234@h/d")
        == "failed for postgresql://u:***@h/d (password '***' rejected)"
    )


def test_serve_and_ingest_on_a_damaged_archive_say_so_in_one_line(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)
    article = tmp_path / "a.txt"
    article.write_text("The council approved the budget on Monday after a long debate.", encoding="utf-8")
    for args in (["serve", "--db", str(damaged)], ["ingest", str(article), "--db", str(damaged)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert lines == [
            f"error: cannot open the archive {damaged}: (sqlite3.DatabaseError) file is not a database"
        ]


def test_a_published_option_that_is_not_a_date_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    article = write(tmp_path, "a.txt", STORY_A)
    for command in ("compare", "analyze", "cluster", "ingest"):
        result = runner.invoke(app, [command, str(article), "--published", "garbage"])
        assert result.exit_code == 2, (command, result.output)
        assert "--published" in result.output and "'garbage' is not a date" in result.output
    assert runner.invoke(app, ["analyze", str(article), "--published", "14 May 2025"]).exit_code == 0


def test_outlets_file_extends_the_registry_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    from newsprism.cli.reading import ReadOptions

    mine = write(
        tmp_path, "mine.json", json.dumps({"map": {"Harbour Gazette": {"domains": ["harbour.example"]}}})
    )
    registry = ReadOptions(outlets=mine).defaults().outlets
    assert registry.source_for_url("https://news.harbour.example/x") == "Harbour Gazette"
    bad = write(tmp_path, "bad.json", json.dumps({"map": {"X": {"kind": "blog"}}}))
    story = write(tmp_path, "a.txt", STORY_A)
    result = runner.invoke(app, ["analyze", str(story), "--outlets", str(bad)])
    assert result.exit_code == 2
    assert "kind must be one of" in result.output
