"""Quotes and reported speech: each attribution pattern, speaker resolution, and malformed marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.analyze.quotes import extract_quotes, scan_quotations
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import Entity, Mention, Quote, Role

SEED = Path(__file__).resolve().parents[2] / "examples" / "000_8b5201b13af12944.txt"


def quotes_of(nlp: Language, text: str, entities: list[Entity] | None = None) -> list[Quote]:
    doc = nlp(text)
    return extract_quotes(doc, SentenceIndex(doc), entities or [])


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, quotes
    return quotes[0]


def entity(eid: str, name: str, kind: str, text: str, *surfaces: str) -> Entity:
    """An Entity with one mention per occurrence of each surface form in `text`."""
    mentions = []
    for surface in surfaces:
        start = text.find(surface)
        while start >= 0:
            mentions.append(Mention(surface, start, start + len(surface), 0))
            start = text.find(surface, start + 1)
    return Entity(id=eid, name=name, type=kind, key=name.lower(), mentions=mentions)


def test_direct_quote_before_its_frame(nlp: Language) -> None:
    text = '"We will win this election," Senator Jane Doe said on Tuesday.'
    q = only(quotes_of(nlp, text))
    assert q.direct
    assert q.text == "We will win this election"
    assert text[q.start : q.end] == q.text
    assert q.cue == "said"
    assert "Doe" in (q.speaker or "")


def test_direct_quote_after_a_colon_frame(nlp: Language) -> None:
    q = only(quotes_of(nlp, 'The minister told reporters: "The border stays closed."'))
    assert q.direct
    assert q.text == "The border stays closed."
    assert q.speaker == "The minister"
    assert q.cue == "told"


def test_direct_quote_spanning_two_sentences(nlp: Language) -> None:
    q = only(quotes_of(nlp, '"Prices rose. Wages did not," the economist said.'))
    assert q.direct
    assert q.text == "Prices rose. Wages did not"
    assert q.speaker == "the economist"


def test_quote_split_by_its_attribution_is_one_quote(nlp: Language) -> None:
    text = '"We tried," she said, "but the votes were not there."'
    q = only(quotes_of(nlp, text))
    assert q.direct
    assert "We tried" in q.text and "the votes were not there" in q.text
    assert "said" not in q.text
    assert text[q.start :].startswith("We tried") and text[: q.end].endswith("not there.")


def test_second_quotation_after_the_frame_joins_the_first(nlp: Language) -> None:
    text = '"The markets are calm," the central bank said in a statement. "We see no need to act."'
    q = only(quotes_of(nlp, text))
    assert q.speaker == "the central bank"
    assert q.text.endswith("We see no need to act.")


def test_partial_quote_inside_reported_speech(nlp: Language) -> None:
    q = only(quotes_of(nlp, 'The ministry described the move as "a provocation".'))
    assert q.cue == "described"
    assert q.speaker == "The ministry"
    assert "a provocation" in q.text


def test_partial_quote_that_is_the_whole_complement_is_direct(nlp: Language) -> None:
    q = only(quotes_of(nlp, 'The president ended his speech by saying "Too many."'))
    assert q.direct
    assert q.text == "Too many."
    assert q.speaker == "The president"


@pytest.mark.parametrize("that", ["that ", ""])
def test_reported_speech_with_or_without_that(nlp: Language, that: str) -> None:
    q = only(quotes_of(nlp, f"Mayor Anna Berg said {that}the bridge would reopen in May."))
    assert not q.direct
    assert q.text == f"{that}the bridge would reopen in May"
    assert q.speaker == "Anna Berg"


def test_according_to_names_the_source_and_keeps_the_rest(nlp: Language) -> None:
    q = only(quotes_of(nlp, "According to the health ministry, 40 people were injured."))
    assert q.cue == "according to"
    assert q.speaker == "the health ministry"
    assert q.text == "40 people were injured"


def test_told_an_outlet(nlp: Language) -> None:
    q = only(quotes_of(nlp, "A senior official told Reuters the talks had stalled."))
    assert q.cue == "told"
    assert q.speaker == "A senior official"
    assert q.text == "the talks had stalled"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Earlier remarks from port officials to a local paper indicated that the dock would shut.",
            "port officials",
        ),
        ("A statement by the Harbour Authority said the dock would shut in June.", "the Harbour Authority"),
        ("The words of the mayor suggested that the dock would shut.", "the mayor"),
        # An utterance with no author named is still the subject.
        ("The statement said the dock would shut in June.", "The statement"),
    ],
)
def test_an_utterance_as_subject_is_credited_to_its_author(nlp: Language, text: str, speaker: str) -> None:
    assert only(quotes_of(nlp, text)).speaker == speaker


def test_he_after_an_unnamed_description_is_the_person_whose_role_fits(nlp: Language) -> None:
    text = (
        "President Ana Ruiz spoke at a dinner on Friday. Senator Tom Hale broke with her. "
        "Jo Park, a spokesman for Hale, said the plan should move. "
        "The president entered the debate when she seemed to endorse the plan. "
        "A day later, she said that she had only been defending a principle."
    )
    ruiz = entity("e1", "Ana Ruiz", "PERSON", text, "Ana Ruiz")
    hale = entity("e2", "Tom Hale", "PERSON", text, "Tom Hale", "Hale")
    park = entity("e3", "Jo Park", "PERSON", text, "Jo Park")
    ruiz.roles = [Role("President", 0, 0, 9, "")]
    hale.roles = [Role("Senator", 1, 0, 7, "")]
    park.roles = [Role("spokesman for Hale", 2, 0, 0, "")]
    found = quotes_of(nlp, text, [ruiz, hale, park])
    later = [q for q in found if q.sentence >= 3]
    assert later and {q.speaker for q in later} == {"Ana Ruiz"}


def test_an_abbreviated_title_fits_the_description_it_abbreviates(nlp: Language) -> None:
    text = (
        "Jo Park, a spokeswoman, spoke first. Sen. Tom Hale rose next. "
        "The senator entered the debate when he seemed to endorse the plan."
    )
    park = entity("e1", "Jo Park", "PERSON", text, "Jo Park")
    hale = entity("e2", "Tom Hale", "PERSON", text, "Tom Hale")
    park.roles = [Role("spokeswoman", 0, 0, 0, "")]
    hale.roles = [Role("Sen.", 1, 0, 0, "")]
    endorse = [q for q in quotes_of(nlp, text, [park, hale]) if q.sentence == 2]
    assert [q.speaker for q in endorse] == ["Tom Hale"]


def test_he_after_an_unnamed_description_nobody_fits_stays_the_description(nlp: Language) -> None:
    text = (
        "Jo Park, a spokesman, said the plan should move. "
        "The mayor joined the argument when he seemed to endorse the plan."
    )
    park = entity("e3", "Jo Park", "PERSON", text, "Jo Park")
    park.roles = [Role("spokesman", 0, 0, 0, "")]
    endorse = [q for q in quotes_of(nlp, text, [park]) if q.sentence == 1]
    assert [q.speaker for q in endorse] == ["The mayor"]


def test_who_hung_on_a_place_is_the_person_it_describes(nlp: Language) -> None:
    text = "The bill was backed by Jo Lee, a candidate in Oregon's 4th District, who said voters wanted it."
    lee = entity("e1", "Jo Lee", "PERSON", text, "Jo Lee")
    q = only(quotes_of(nlp, text, [lee]))
    assert (q.speaker, q.speaker_entity) == ("Jo Lee", "e1")


def test_one_member_of_a_group_is_not_the_group(nlp: Language) -> None:
    text = "Democrats met on Monday while the council's senior Democrat said the plan was flawed."
    democrats = entity("e1", "Democrats", "NORP", text, "Democrats", "Democrat")
    q = only(quotes_of(nlp, text, [democrats]))
    assert (q.speaker, q.speaker_entity) == ("the council's senior Democrat", None)


def test_a_paragraph_tag_is_not_the_speaker(nlp: Language) -> None:
    q = only(quotes_of(nlp, "UPDATE: Port director Lena Ford said the dock would stay shut until June."))
    assert q.speaker == "Lena Ford"


def test_a_quantifier_speaker_keeps_its_group(nlp: Language) -> None:
    q = only(quotes_of(nlp, "Some of the striking dock workers said the talks had failed."))
    assert q.speaker == "Some of the striking dock workers"
    assert only(quotes_of(nlp, "Some said the talks had failed.")).speaker == "Some"


def test_a_long_title_before_a_name_still_credits_the_person(nlp: Language) -> None:
    text = "Deputy Director of Regional Planning Nora Blake said the staffing was adequate."
    blake = entity("e1", "Nora Blake", "PERSON", text, "Nora Blake")
    q = only(quotes_of(nlp, text, [blake]))
    assert (q.speaker, q.speaker_entity) == ("Nora Blake", "e1")
    # A name after "of" is what the phrase is about, not who speaks.
    text = "The appointment of Nora Blake as director indicates that the board wants change."
    blake = entity("e1", "Nora Blake", "PERSON", text, "Nora Blake")
    q = only(quotes_of(nlp, text, [blake]))
    assert (q.speaker, q.speaker_entity) == ("The appointment of Nora Blake", None)


def test_inverted_frame_said_then_speaker(nlp: Language) -> None:
    q = only(quotes_of(nlp, '"The vote was fair," said Tom Berg, a local election observer.'))
    assert q.direct
    assert q.speaker == "Tom Berg"
    assert q.text == "The vote was fair"


def test_parenthetical_frame_inside_reported_speech(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The economy, she said, is in good shape."))
    assert q.text.startswith("The economy") and q.text.endswith("is in good shape")
    assert "said" not in q.text


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        (
            "The company announced it would close two factories.",
            "announced",
            "The company",
            "it would close two factories",
        ),
        (
            "The general warned that the ceasefire could collapse.",
            "warned",
            "The general",
            "that the ceasefire could collapse",
        ),
        (
            "The rebels claimed they had captured the airport.",
            "claimed",
            "The rebels",
            "they had captured the airport",
        ),
        (
            "The union noted that wages had fallen for three years.",
            "noted",
            "The union",
            "that wages had fallen for three years",
        ),
        ("The coach insisted the team was ready.", "insisted", "The coach", "the team was ready"),
        (
            "The opposition leader stated that the vote had been rigged.",
            "stated",
            "The opposition leader",
            "that the vote had been rigged",
        ),
    ],
)
def test_reporting_verbs(nlp: Language, sentence: str, cue: str, speaker: str, content: str) -> None:
    q = only(quotes_of(nlp, sentence))
    assert (q.cue, q.speaker, q.text, q.direct) == (cue, speaker, content, False)


def test_source_phrase_is_not_part_of_the_content(nlp: Language) -> None:
    found = quotes_of(nlp, "Officials said the talks would resume, according to Reuters.")
    said = next(q for q in found if q.cue == "said")
    assert said.text == "the talks would resume"
    assert any(q.cue == "according to" and q.speaker == "Reuters" for q in found)


@pytest.mark.parametrize(("pronoun", "expected"), [("he", "John Smith"), ("she", "Maria Lopez")])
def test_pronoun_speaker_respects_gender(nlp: Language, pronoun: str, expected: str) -> None:
    text = (
        "Ms. Maria Lopez met Mr. John Smith in Geneva on Monday. Ms. Lopez praised the talks.\n"
        f'"We made real progress," {pronoun} said.'
    )
    people = [
        entity("p1", "Maria Lopez", "PERSON", text, "Maria Lopez", "Lopez"),
        entity("p2", "John Smith", "PERSON", text, "John Smith"),
    ]
    direct = [q for q in quotes_of(nlp, text, people) if q.direct]
    q = only(direct)
    assert q.speaker == expected
    assert q.speaker_entity == ("p2" if expected == "John Smith" else "p1")


def test_pronoun_speaker_without_an_entity_list(nlp: Language) -> None:
    text = (
        "Ms. Maria Lopez met Mr. John Smith in Geneva on Monday. Mr. Smith praised the talks.\n"
        '"We made real progress," she said.'
    )
    q = only([q for q in quotes_of(nlp, text) if q.direct])
    assert q.speaker is not None and "Lopez" in q.speaker
    assert q.speaker_entity is None


def test_they_points_back_to_an_organisation(nlp: Language) -> None:
    text = 'The Finance Ministry published new figures on Monday. "Growth will slow this year," they said.'
    q = only(quotes_of(nlp, text))
    assert q.speaker is not None and "Finance Ministry" in q.speaker


def test_named_speaker_links_to_its_entity(nlp: Language) -> None:
    text = "Mayor Anna Berg said the bridge would reopen in May."
    berg = entity("e7", "Anna Berg", "PERSON", text, "Anna Berg")
    q = only(quotes_of(nlp, text, [berg]))
    assert (q.speaker, q.speaker_entity) == ("Anna Berg", "e7")


def test_unclosed_quotation_closes_at_the_end_of_its_paragraph(nlp: Language) -> None:
    text = 'He said: "This quotation never closes\n\nThe next paragraph is plain news.'
    q = only(quotes_of(nlp, text))
    assert q.direct
    assert q.text == "This quotation never closes"


@pytest.mark.parametrize("inner", ["'no'", "‘no’"])
def test_single_quotes_nested_in_double_quotes_stay_inside(nlp: Language, inner: str) -> None:
    q = only(quotes_of(nlp, f'The senator said: "They told me {inner} twice."'))
    assert q.text == f"They told me {inner} twice."


def test_curly_and_straight_marks_pair_by_position() -> None:
    text = 'A “curly" one and a "straight” one.'
    pairs = [(text[m.inner : m.inner_end], m.closed) for m in scan_quotations(text)]
    assert pairs == [("curly", True), ("straight", True)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        '"',
        '""',
        '"""',
        "“”",
        "“ ”“",
        "''",
        "“unclosed",
        "closing” only",
        '"a" "b" "c"',
        "He said.",
        "said",
        "according to",
        "According to",
        '"' * 40,
        "“Hello,” said",
        ':"',
        "“‘”’",
        '"Never closed," he said, "and again',
        "Trump:",
        "“”“”“”\n”“",
        "'' '' ''",
        "» «",
        "„Ja“, sagte er.",
    ],
)
def test_malformed_input_never_raises(nlp: Language, text: str) -> None:
    found = quotes_of(nlp, text)
    for q in found:
        assert 0 <= q.start <= q.end <= len(text)
        assert q.speaker


def test_sentence_index_is_where_the_content_starts(nlp: Language) -> None:
    text = 'The vote is on Sunday. Polls open at eight.\n"We are ready," the election chief said.'
    doc = nlp(text)
    sentences = SentenceIndex(doc)
    q = only(extract_quotes(doc, sentences, []))
    assert q.sentence == sentences.of_char(q.start) == 2


@pytest.fixture(scope="module")
def seed_quotes(nlp: Language) -> tuple[str, list[Quote]]:
    text = SEED.read_text(encoding="utf-8")
    return text, quotes_of(nlp, text)


def test_seed_direct_quote_is_lulas(seed_quotes: tuple[str, list[Quote]]) -> None:
    _, found = seed_quotes
    q = next(q for q in found if q.text.startswith("I'll try to talk to Putin"))
    assert q.direct
    assert "Lula" in (q.speaker or "")


def test_seed_pronoun_quote_has_the_ukrainian_leader_as_speaker(seed_quotes: tuple[str, list[Quote]]) -> None:
    _, found = seed_quotes
    q = next(q for q in found if q.text.startswith("If Putin doesn't come and continues to play around"))
    assert q.direct
    assert "Zelensky" in (q.speaker or "")


def test_seed_offsets_point_at_the_content(seed_quotes: tuple[str, list[Quote]]) -> None:
    text, found = seed_quotes
    assert found
    for q in found:
        assert text[q.start : q.end].startswith(q.text.split(" … ")[0])


def test_a_speaker_the_parser_left_behind_a_subordinator_is_found(nlp: Language) -> None:
    # The small model reads "after the union leader" as a prepositional phrase and leaves
    # "called" without a subject; the call is still the leader's, not Kim's.
    text = (
        "Kim welcomed the move after the union leader unexpectedly, in a speech to members, "
        "called for a new vote on the contract."
    )
    called = [q for q in quotes_of(nlp, text) if q.cue == "called for"]
    assert [q.speaker for q in called] == ["the union leader"]
    assert called[0].text == "a new vote on the contract"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The board persuaded the auditor to confirm that the accounts were clean.", "the auditor"),
        ("The coach invited her to come to Leeds and say that the team was ready.", "her"),
    ],
)
def test_the_object_of_a_persuading_verb_is_who_speaks_in_its_infinitive(
    nlp: Language, text: str, speaker: str
) -> None:
    q = only(quotes_of(nlp, text))
    assert q.speaker == speaker
    assert q.text.startswith("that the")


def test_a_purpose_infinitive_reports_nothing_yet(nlp: Language) -> None:
    text = "Both unions invited him to come to Leeds to discuss a possible settlement."
    assert not [q for q in quotes_of(nlp, text) if "settlement" in q.text]
    # With a clause of its own, "to say that ..." still reports what is to be said.
    q = only(quotes_of(nlp, "She flew to Geneva to say that the deal was dead."))
    assert q.text == "that the deal was dead"


def test_a_negated_cue_keeps_its_negation(nlp: Language) -> None:
    q = only(quotes_of(nlp, "The statement from the ministry did not mention the mayor among the guests."))
    assert q.cue == "did not mention"
    q = only(quotes_of(nlp, "The minister said that the border would reopen."))
    assert q.cue == "said"
