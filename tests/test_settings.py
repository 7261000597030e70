"""Settings from the environment: read once, every limit changeable, a bad value falls back loudly."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.analyze.pipeline import analysis_limit, analyzed_text
from newsprism.ingest import IngestError, read_file
from newsprism.ingest.encoding import read_bytes
from newsprism.ingest.errors import IngestFailure
from newsprism.ingest.fetch import FetchPolicy, user_agent
from newsprism.ingest.jsonl import LongLine, bounded_lines
from newsprism.ingest.warc import labelled_warc_file
from newsprism.model import Article
from newsprism.settings import MB, Settings, settings_from, settings_from_env, size_text

LIMITS = [
    ("NEWSPRISM_MAX_INPUT_MB", "max_input_bytes", 64 * MB),
    ("NEWSPRISM_MAX_LINE_MB", "max_line_bytes", 16 * MB),
    ("NEWSPRISM_MAX_PAGE_MB", "max_page_bytes", 5 * MB),
    ("NEWSPRISM_MAX_FETCH_MB", "max_fetch_bytes", 10 * MB),
    ("NEWSPRISM_MAX_ANALYZED_CHARS", "max_analyzed_chars", 200_000),
]


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The process environment, with the kept settings forgotten before and after the test."""
    settings_from_env.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    settings_from_env.cache_clear()


def test_an_empty_environment_gives_the_documented_defaults() -> None:
    settings = settings_from({})
    assert settings == Settings()
    assert [getattr(settings, field) for _, field, _ in LIMITS] == [default for _, _, default in LIMITS]
    assert (settings.device, settings.bfloat16, settings.contact) == ("cpu", None, "")


@pytest.mark.parametrize(("name", "field", "default"), LIMITS)
def test_each_limit_has_its_variable(name: str, field: str, default: int) -> None:
    unit = MB if field.endswith("_bytes") else 1
    assert getattr(settings_from({name: "3"}), field) == 3 * unit
    assert getattr(settings_from({name: " 300 "}), field) == 300 * unit


@pytest.mark.parametrize(("name", "field", "default"), LIMITS)
@pytest.mark.parametrize("bad", ["lots", "0", "-5", "1.5", "1e6"])
def test_a_value_that_is_not_a_positive_whole_number_falls_back_with_one_warning(
    name: str, field: str, default: int, bad: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="newsprism.settings"):
        settings = settings_from({name: bad})
    assert getattr(settings, field) == default
    (message,) = [r.getMessage() for r in caplog.records]
    assert name in message and repr(bad) in message and "default" in message and "\n" not in message


def test_a_blank_value_is_unset_not_a_mistake(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsprism.settings"):
        assert settings_from({"NEWSPRISM_MAX_LINE_MB": "  "}).max_line_bytes == 16 * MB
    assert not caplog.records


def test_device_bfloat16_and_contact_are_read_as_before() -> None:
    assert settings_from({"NEWSPRISM_DEVICE": "cuda"}).device == "cuda"
    assert [settings_from({"NEWSPRISM_BF16": v}).bfloat16 for v in ("1", "yes", "0", "false", "no", "")] == [
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    settings = settings_from({"NEWSPRISM_CONTACT": "  ops@example.org "})
    assert settings.contact == "ops@example.org"
    assert user_agent(settings.contact).endswith("; ops@example.org)")
    assert "; " not in user_agent("")


def test_the_environment_is_read_once_and_kept(environment: pytest.MonkeyPatch) -> None:
    environment.setenv("NEWSPRISM_MAX_LINE_MB", "2")
    first = settings_from_env()
    environment.setenv("NEWSPRISM_MAX_LINE_MB", "3")
    assert settings_from_env() is first and first.max_line_bytes == 2 * MB


def test_changed_limits_take_effect_in_the_readers(environment: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("NEWSPRISM_MAX_INPUT_MB", "NEWSPRISM_MAX_LINE_MB", "NEWSPRISM_MAX_FETCH_MB"):
        environment.setenv(name, "1")
    environment.setenv("NEWSPRISM_MAX_ANALYZED_CHARS", "1000")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (MB + 1))
    with pytest.raises(IngestFailure, match=r"larger than 1 MB.*NEWSPRISM_MAX_INPUT_MB"):
        read_bytes(big)
    lines = list(bounded_lines(io.BytesIO(b"y" * (MB + 10) + b'\n{"text": "ok"}\n')))
    assert lines[0] == LongLine(MB) and lines[1] == b'{"text": "ok"}\n'
    (tmp_path / "rows.jsonl").write_bytes(b"z" * (MB + 10) + b"\n")
    (error,) = read_file(tmp_path / "rows.jsonl")
    assert isinstance(error, IngestError) and error.reason == "line over 1 MB, skipped"
    assert FetchPolicy().max_bytes == MB
    text = "The council met on Monday.\n" * 100
    assert len(analyzed_text(Article(id="a", text=text))) <= 1000


def test_a_changed_page_limit_takes_effect_in_web_archives(
    environment: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = b"<html><body><article><p>" + b"Long page. " * 110_000 + b"</p></article></body></html>"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/long", "response", payload=io.BytesIO(page), http_headers=headers
        )
    )
    path = tmp_path / "long.warc"
    path.write_bytes(buffer.getvalue())
    assert MB < len(page) < 5 * MB
    (_, item), *_ = labelled_warc_file(path)
    assert not isinstance(item, IngestError)  # under the default 5 MB
    environment.setenv("NEWSPRISM_MAX_PAGE_MB", "1")
    settings_from_env.cache_clear()  # the environment is read once; a new process reads it again
    (_, item), *_ = labelled_warc_file(path)
    assert isinstance(item, IngestError) and "HTML page larger than 1 MB" in item.reason


def test_the_analysis_limit_never_passes_the_parsers_own(caplog: pytest.LogCaptureFixture) -> None:
    class Parser:
        max_length = 1_000_000

    assert analysis_limit(200_000, Parser()) == 200_000  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING, logger="newsprism.analyze.pipeline"):
        assert analysis_limit(5_000_000, Parser()) == 1_000_000  # type: ignore[arg-type]
    (message,) = [r.getMessage() for r in caplog.records]
    assert "NEWSPRISM_MAX_ANALYZED_CHARS=5,000,000 is over spaCy's max_length" in message


def test_limits_are_written_as_people_write_them() -> None:
    assert [size_text(n) for n in (16 * MB, 256 * 1024, 1500)] == ["16 MB", "256 KB", "1,500 bytes"]
