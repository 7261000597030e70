"""Framing: spellings, loaded words and labels that differ between outlets reporting one story."""

from __future__ import annotations

import re

from newsprism.compare.actors import ActorIndex
from newsprism.compare.framing import find_framing, loaded_words_in
from newsprism.compare.offices import parse_role
from newsprism.model import (
    Analysis,
    Entity,
    Fact,
    FactMention,
    FactStatus,
    FramingDifference,
    Mention,
    Quote,
    Role,
    Sentence,
    StoryEntity,
)


def article(
    aid: str, sentences: list[str], entities: list[tuple[str, str, list[str]]] | None = None
) -> Analysis:
    out, offset = [], 0
    for i, text in enumerate(sentences):
        out.append(Sentence(i, text, offset, offset + len(text)))
        offset += len(text) + 1
    analysis = Analysis(id=aid, language="en", sentences=out)
    for eid, kind, forms in entities or []:
        entity = Entity(id=f"{aid}-{eid}", name=forms[0], type=kind, key=forms[0].lower())
        for s in out:
            for form in forms:
                for m in re.finditer(rf"\b{re.escape(form)}\b", s.text):
                    entity.mentions.append(Mention(form, s.start + m.start(), s.start + m.end(), s.index))
        if entity.mentions:
            analysis.entities.append(entity)
    return analysis


def index_of(*analyses: Analysis) -> ActorIndex:
    """Article-level ids are "<article>-<actor>"; the story actor is the part after the dash."""
    return {(a.id, e.id): e.id.split("-", 1)[1] for a in analyses for e in a.entities}


def fact(fid: str, *where: tuple[Analysis, int]) -> Fact:
    status: FactStatus = "corroborated" if len({a.id for a, _ in where}) > 1 else "single_source"
    return Fact(fid, status, [FactMention(a.id, i, a.sentences[i].text) for a, i in where])


def run(facts: list[Fact], actors: list[StoryEntity], *analyses: Analysis) -> list[FramingDifference]:
    return find_framing(facts, {a.id: a for a in analyses}, actors, index_of(*analyses))


def of_kind(found: list[FramingDifference], kind: str) -> list[FramingDifference]:
    return [f for f in found if f.kind == kind]


# Spelling -----------------------------------------------------------------------------------


def test_kiev_and_kyiv_are_a_spelling_difference_with_each_outlets_form() -> None:
    a = article("a", ["Talks stalled.", "Kiev rejected the terms."], [("kyiv", "GPE", ["Kiev"])])
    b = article("b", ["Kyiv's answer came fast."], [("kyiv", "GPE", ["Kyiv"])])
    actors = [StoryEntity("kyiv", "Kyiv", "GPE", ["Kyiv", "Kiev"], [], ["a", "b"])]
    found = of_kind(run([], actors, a, b), "spelling")
    assert len(found) == 1 and found[0].subject == "Kyiv"
    assert [(v.article, v.text, v.sentence) for v in found[0].variants] == [
        ("a", "Kiev", 1),
        ("b", "Kyiv", 0),
    ]


def test_diacritics_in_a_full_name_are_a_spelling_difference() -> None:
    a = article("a", ["Recep Tayyip Erdogan spoke."], [("erdogan", "PERSON", ["Recep Tayyip Erdogan"])])
    b = article("b", ["Recep Tayyip Erdoğan spoke."], [("erdogan", "PERSON", ["Recep Tayyip Erdoğan"])])
    actors = [StoryEntity("erdogan", "Recep Tayyip Erdoğan", "PERSON", [], [], ["a", "b"])]
    found = of_kind(run([], actors, a, b), "spelling")
    assert [v.text for v in found[0].variants] == ["Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"]


def test_shortenings_abbreviations_and_shared_forms_are_not_spellings() -> None:
    a = article(
        "a",
        ["Vladimir Putin met US envoys.", "Kiev and Kyiv both appear here."],
        [("putin", "PERSON", ["Vladimir Putin"]), ("us", "GPE", ["US"]), ("kyiv", "GPE", ["Kiev", "Kyiv"])],
    )
    b = article(
        "b",
        ["Putin met U.S. envoys in Kyiv."],
        [("putin", "PERSON", ["Putin"]), ("us", "GPE", ["U.S."]), ("kyiv", "GPE", ["Kyiv"])],
    )
    actors = [
        StoryEntity("putin", "Vladimir Putin", "PERSON", [], [], ["a", "b"]),
        StoryEntity("us", "US", "GPE", [], [], ["a", "b"]),
        StoryEntity("kyiv", "Kyiv", "GPE", [], [], ["a", "b"]),
    ]
    assert of_kind(run([], actors, a, b), "spelling") == []


# Loaded words -------------------------------------------------------------------------------


def test_a_loaded_word_only_one_outlet_adds_to_a_shared_fact_is_reported_with_both_sentences() -> None:
    a = article("a", ["Zelensky made a bold offer to meet Putin in Turkey."])
    b = article("b", ["Zelensky offered to meet Putin in Turkey."])
    found = of_kind(run([fact("f1", (a, 0), (b, 0))], [], a, b), "loaded_word")
    assert len(found) == 1 and found[0].subject == "bold"
    assert [(v.article, v.sentence, v.text) for v in found[0].variants] == [
        ("a", 0, "Zelensky made a bold offer to meet Putin in Turkey."),
        ("b", 0, "Zelensky offered to meet Putin in Turkey."),
    ]


def test_loaded_words_of_one_family_in_every_outlet_are_not_a_difference() -> None:
    a = article("a", ["Putin suddenly called for talks."])
    b = article("b", ["Putin unexpectedly called for talks."])
    assert of_kind(run([fact("f1", (a, 0), (b, 0))], [], a, b), "loaded_word") == []


def test_loaded_words_in_single_source_facts_or_direct_quotes_are_not_framing() -> None:
    a = article("a", ["The brutal regime fell.", 'He said: "This regime is brutal."'])
    b = article("b", ["The government fell.", "He criticised the government."])
    quote_start = a.sentences[1].start + a.sentences[1].text.index('"') + 1
    a.quotes.append(Quote("He", None, "This regime is brutal.", True, 1, quote_start, a.sentences[1].end - 1))
    facts = [fact("f1", (a, 0)), fact("f2", (b, 0)), fact("f3", (a, 1), (b, 1))]
    assert of_kind(run(facts, [], a, b), "loaded_word") == []


def test_loaded_words_are_found_in_their_inflections_and_hyphenated_forms() -> None:
    text = "The so-called talks failed; critics slammed the hardline envoys."
    assert [w for w, _, _ in loaded_words_in(text)] == ["so-called", "failed", "slammed", "hardline"]
    assert loaded_words_in("The bold plan") == [("bold", "daring", 4)]


def test_neutral_uses_and_quoted_words_are_not_loaded() -> None:
    text = (
        "He was admitted to the association; the claims failed to convince; it was supposed to end; "
        'the sanctions regime held; he called it "a brutal regime".'
    )
    assert loaded_words_in(text) == []
    assert [w for w, _, _ in loaded_words_in("The regime claims it won.")] == ["regime", "claims"]


# Labels -------------------------------------------------------------------------------------


def test_different_role_heads_for_one_actor_are_a_label_difference() -> None:
    roles = [
        Role("Russia's ultra-conservative former culture minister", 3, 0, 0, "a"),
        Role("presidential aide", 1, 0, 0, "b"),
    ]
    actors = [StoryEntity("medinsky", "Vladimir Medinsky", "PERSON", [], roles, ["a", "b"])]
    a, b = article("a", ["x"]), article("b", ["y"])
    found = of_kind(run([], actors, a, b), "label")
    assert len(found) == 1 and found[0].subject == "Vladimir Medinsky"
    assert [(v.article, v.text, v.sentence) for v in found[0].variants] == [
        ("a", "Russia's ultra-conservative former culture minister", 3),
        ("b", "presidential aide", 1),
    ]


def test_one_role_worded_differently_is_not_a_label_difference() -> None:
    roles = [Role("US Secretary of State", 3, 0, 0, "a"), Role("U.S. Secretary of State", 1, 0, 0, "b")]
    actors = [StoryEntity("rubio", "Marco Rubio", "PERSON", [], roles, ["a", "b"])]
    assert of_kind(run([], actors, article("a", ["x"]), article("b", ["y"])), "label") == []


def test_an_abbreviated_title_is_the_same_label() -> None:
    roles = [Role("Sen.", 4, 0, 0, "a"), Role("Senator", 1, 0, 0, "b"), Role("Gov.", 2, 0, 0, "c")]
    actors = [StoryEntity("x", "Ann Lee", "PERSON", [], roles[:2], ["a", "b"])]
    assert of_kind(run([], actors, article("a", ["x"]), article("b", ["y"])), "label") == []
    gov = parse_role("Gov.")
    assert gov is not None and gov.head == "governor"


def test_a_label_added_to_a_shared_one_is_not_a_difference_and_each_label_shows_once() -> None:
    shared = [
        Role("Senator", 1, 0, 0, "a"),
        Role("Senate Majority Leader", 0, 0, 0, "b"),
        Role("Sen.", 4, 0, 0, "b"),
        Role("Senator", 9, 0, 0, "b"),
    ]
    actors = [StoryEntity("x", "Ann Lee", "PERSON", [], shared, ["a", "b"])]
    a, b, c = article("a", ["x"]), article("b", ["y"]), article("c", ["z"])
    assert of_kind(run([], actors, a, b), "label") == []
    # A third outlet with nothing in common with the first: reported, each outlet's labels once.
    actors[0].roles.append(Role("party whip", 2, 0, 0, "c"))
    actors[0].articles.append("c")
    (found,) = of_kind(run([], actors, a, b, c), "label")
    assert [(v.article, v.text) for v in found.variants] == [
        ("a", "Senator"),
        ("b", "Senate Majority Leader"),
        ("b", "Sen."),
        ("c", "party whip"),
    ]
