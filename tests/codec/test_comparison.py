"""The comparison form: the documented contract, and reading it back for stored stories."""

from __future__ import annotations

import pytest

from newsprism.codec import comparison_from_dict, comparison_to_dict, validate_comparison
from newsprism.model import Comparison
from newsprism.render.html import render_html

CONTRACT = {
    "articles": {"id", "path", "title", "source", "url", "published", "language", "sentences"},
    # `confidence` (version 2): the weakest link between two outlets' mentions; `sources`
    # (version 3): the independent sources behind the fact.
    "facts": {"id", "status", "confidence", "sources", "mentions"},
    "entities": {"id", "name", "type", "aliases", "roles", "articles"},
    # `cue` (the reporting verb) is an addition to DESIGN.md's shape, as the README allows.
    "quotes": {"speaker", "speaker_entity", "text", "direct", "cue", "article", "sentence", "start", "end"},
    "discrepancies": {"kind", "subject", "values"},
    # `tense` (past or scheduled) likewise: null where a stored comparison predates it.
    "timeline": {"date", "precision", "text", "article", "sentence", "tense"},
    "brief": {"text", "sources", "facts", "independent"},
    "framing": {"kind", "subject", "variants"},
    # Version 3: who cites whom, and the copies inside the story.
    "citations": {"article", "outlet", "kind", "sentence", "text"},
    "copies": {"article", "original", "similarity"},
}


def test_comparison_json_carries_exactly_the_contract_keys(comparison) -> None:
    data = comparison_to_dict(comparison)
    assert set(data) == set(CONTRACT) | {"version", "notes"}
    assert data["version"] == "3"
    for section, keys in CONTRACT.items():
        assert data[section], f"fixture should exercise {section}"
        for item in data[section]:
            assert set(item) == keys, section
    assert set(data["articles"][0]["sentences"][0]) == {"index", "text", "start", "end"}
    assert set(data["facts"][0]["mentions"][0]) == {"article", "sentence", "text", "start", "end"}
    assert set(data["entities"][1]["roles"][0]) == {"role", "article", "sentence"}
    assert set(data["discrepancies"][0]["values"][0]) == {"value", "article", "sentence", "text"}
    assert set(data["framing"][0]["variants"][0]) == {"article", "text", "sentence"}


def test_article_sentences_come_from_its_analysis_with_offsets_into_the_text(comparison) -> None:
    data = comparison_to_dict(comparison)
    for article, row in zip(comparison.articles, data["articles"], strict=True):
        assert [s["index"] for s in row["sentences"]] == list(range(len(row["sentences"])))
        for sentence in row["sentences"]:
            assert article.text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert data["articles"][0]["language"] == "en"  # the analysis fills a language the source left out


def test_a_version_1_comparison_still_validates_and_loads(comparison) -> None:
    # Stored before facts were claims: no confidence, mentions without the stating part.
    data = comparison_to_dict(comparison)
    data["version"] = "1"
    del data["citations"], data["copies"]
    for brief in data["brief"]:
        del brief["independent"]
    for fact in data["facts"]:
        del fact["confidence"], fact["sources"]
        for mention in fact["mentions"]:
            del mention["start"], mention["end"]
    validate_comparison(data)
    loaded = comparison_from_dict(data)
    assert loaded.facts[0].confidence is None
    assert loaded.facts[0].mentions[0].start is None
    assert (loaded.facts[0].sources, loaded.citations, loaded.copies) == ([], [], [])
    assert [m.text for m in loaded.facts[0].mentions] == [m["text"] for m in data["facts"][0]["mentions"]]


def test_a_mention_keeps_the_part_that_states_the_claim(comparison) -> None:
    mention = comparison.facts[0].mentions[0]
    mention.start, mention.end = 3, 9
    data = comparison_to_dict(comparison)
    assert (data["facts"][0]["mentions"][0]["start"], data["facts"][0]["mentions"][0]["end"]) == (3, 9)
    validate_comparison(data)
    assert comparison_from_dict(data).facts[0].mentions[0].end == 9


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
