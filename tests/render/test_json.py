"""The JSON renderer writes the codec's comparison as readable text; `render` picks a format by name."""

from __future__ import annotations

import json

import pytest

from newsprism.codec import comparison_to_dict
from newsprism.render import UnknownFormatError, render
from newsprism.render.json import render_json


def test_render_json_is_indented_utf8_and_round_trips(comparison) -> None:
    comparison.articles[0].title = "Zürich crane “accident”"
    text = render_json(comparison)
    assert "Zürich crane “accident”" in text
    assert text.startswith('{\n  "version": "3"')
    assert json.loads(text) == comparison_to_dict(comparison)


def test_render_dispatches_by_format_name(comparison) -> None:
    assert render(comparison, "json").startswith("{")
    assert render(comparison, "MD").startswith("# ")
    assert render(comparison, "html").startswith("<!doctype html>")
    with pytest.raises(UnknownFormatError, match="pdf"):
        render(comparison, "pdf")
