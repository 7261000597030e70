"""One bad input costs one line: errors name their input and fit on one line."""

from __future__ import annotations

from newsprism.errors import NewsprismError
from newsprism.ingest.errors import IngestError, IngestFailure


def test_an_error_names_its_input_on_one_line() -> None:
    error = IngestError("feeds.jsonl:12", "not JSON:\n  expected a value")
    assert str(error) == "feeds.jsonl:12: not JSON: expected a value"


def test_a_failure_inside_a_reader_becomes_the_error_of_its_input() -> None:
    failure = IngestFailure("empty text")
    assert isinstance(failure, NewsprismError)
    assert failure.at("a.txt") == IngestError("a.txt", "empty text")
