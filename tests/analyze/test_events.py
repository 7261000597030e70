"""Events: the predicate of each clause with who acts and what it acts on, in comparable classes."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.entities import extract_entities
from newsprism.analyze.events import extract_events
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import EventRef


def events(nlp: Language, text: str) -> list[EventRef]:
    doc = nlp(text)
    sentences = SentenceIndex(doc)
    return extract_events(doc, sentences, extract_entities(doc, sentences))


def frames(nlp: Language, text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {e.frame: (e.agent, e.themes) for e in events(nlp, text)}


def test_a_verb_and_the_participle_that_report_one_failure_give_one_triple(nlp: Language) -> None:
    collapsed = frames(nlp, "Talks between the two unions collapsed on Friday.")
    failed = frames(nlp, "The failed negotiations left both sides angry.")
    assert collapsed["fail"] == (None, ["talks"])  # the talks undergo the failure: theme, not agent
    assert failed["fail"] == (None, ["talks"])


def test_calling_for_and_announcing_a_summit_are_one_kind_of_event(nlp: Language) -> None:
    called = frames(nlp, "The mayor called for a summit on housing.")
    announced = frames(nlp, "The summit, which the mayor announced on Monday, opens next week.")
    assert called["propose"] == ("mayor", ["summit"])
    assert announced["propose"] == ("mayor", ["summit"])  # "which" stands for the summit


def test_a_passive_keeps_who_acted_and_who_it_was_done_to(nlp: Language) -> None:
    assert frames(nlp, "The suspect was arrested by police on Sunday.")["arrest"] == ("police", ["suspect"])


def test_a_named_argument_is_its_entity_and_a_date_is_no_argument(nlp: Language) -> None:
    (event,) = events(nlp, "Police detained Jana Novak on Tuesday.")
    assert (event.frame, event.trigger, event.agent) == ("arrest", "detained", "police")
    (theme,) = event.themes
    assert theme.startswith("entity:")
    assert (
        event.sentence == 0
        and "Police detained Jana Novak on Tuesday."[event.start : event.end] == "detained"
    )


def test_reporting_verbs_are_not_events_but_what_they_report_is(nlp: Language) -> None:
    found = frames(nlp, "The minister said the council sacked its treasurer.")
    assert "say" not in found
    assert found["dismiss"] == ("council", ["treasurer"])


def test_a_predicate_outside_the_classes_stands_for_itself(nlp: Language) -> None:
    assert frames(nlp, "The coastguard towed a yacht to the harbour.")["tow"] == (
        "coastguard",
        ["harbour", "yacht"],
    )


def test_nouns_news_uses_interchangeably_are_one_kind(nlp: Language) -> None:
    assert frames(nlp, "A strong quake hit the island.")["hit"] == ("quake", ["island"])
    assert frames(nlp, "A strong earthquake struck the island.")["hit"] == ("quake", ["island"])
