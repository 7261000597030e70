"""The shared spaCy pipeline: loaded once, with a sentence break after every line break."""

from __future__ import annotations

from spacy.language import Language

from newsprism.lang.nlp import load_nlp


def test_the_pipeline_is_shared_and_breaks_sentences_at_line_ends(nlp: Language) -> None:
    assert load_nlp() is nlp
    assert "newsprism_line_breaks" in nlp.pipe_names
    doc = nlp("HARBOUR CITY (Reuters)\nA crane struck the bridge on Monday night.")
    assert [s.text.strip() for s in doc.sents] == [
        "HARBOUR CITY (Reuters)",
        "A crane struck the bridge on Monday night.",
    ]


def test_components_a_step_does_not_use_can_be_switched_off() -> None:
    lean = load_nlp(("ner",))
    assert "ner" not in lean.pipe_names and "parser" in lean.pipe_names
