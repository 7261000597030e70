"""Reading comparison JSON back: what the contract carries survives the round trip, for stored stories."""

from __future__ import annotations

import pytest

from newsprism.model import Comparison
from newsprism.render.html import render_html
from newsprism.render.json import comparison_from_dict, comparison_to_dict


def test_round_trip_keeps_every_field_of_the_json(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    assert comparison_to_dict(comparison_from_dict(data)) == data


def test_rebuilt_text_keeps_sentence_offsets(comparison: Comparison) -> None:
    restored = comparison_from_dict(comparison_to_dict(comparison))
    for article, analysis in zip(restored.articles, restored.analyses, strict=True):
        for sentence in analysis.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text


def test_restored_comparison_renders(comparison: Comparison) -> None:
    html = render_html(comparison_from_dict(comparison_to_dict(comparison)))
    assert "Harbor Bridge" in html


def test_malformed_json_raises_key_error(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    del data["facts"]
    with pytest.raises(KeyError):
        comparison_from_dict(data)


def test_a_comparison_stored_before_timeline_tense_still_loads(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    for entry in data["timeline"]:
        del entry["tense"]
    restored = comparison_from_dict(data)
    assert [t.tense for t in restored.timeline] == [None] * len(data["timeline"])
