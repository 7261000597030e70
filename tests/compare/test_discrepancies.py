"""Discrepancies: different values for one thing across outlets, each traced to its sentence.

The analyses here are written by hand (sentences, the entities and where they are named, the
numbers and dates), then read by the real readers of analyze/ (`read`), so each test pins what
the comparison makes of a sentence; tests/analyze/ pins the readers alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsprism.analyze.attendance import extract_attendance
from newsprism.analyze.date_context import read_date_context
from newsprism.analyze.lists import extract_lists
from newsprism.analyze.places import extract_places
from newsprism.analyze.quantities import read_quantities
from newsprism.analyze.roles import tells_of_leaving
from newsprism.analyze.sentences import SentenceIndex, borrows_values
from newsprism.compare.actors import ActorIndex
from newsprism.compare.discrepancies import find_discrepancies
from newsprism.lang.nlp import load_nlp
from newsprism.model import (
    Analysis,
    DatePrecision,
    DateRef,
    Discrepancy,
    Entity,
    Fact,
    FactMention,
    Mention,
    NumberRef,
    Role,
    Sentence,
    StoryEntity,
    Tense,
)


def article(
    aid: str, sentences: list[str], entities: list[tuple[str, str, list[str]]] | None = None
) -> Analysis:
    """An Analysis of `sentences` joined by spaces; entities are (id, type, surface forms), each
    form found wherever it occurs."""
    out, offset = [], 0
    for i, text in enumerate(sentences):
        out.append(Sentence(i, text, offset, offset + len(text)))
        offset += len(text) + 1
    analysis = Analysis(id=aid, language="en", sentences=out)
    for eid, kind, forms in entities or []:
        entity = Entity(id=eid, name=forms[0], type=kind, key=forms[0].lower(), aliases=forms[1:])
        for s in out:
            for form in forms:
                for m in re.finditer(rf"\b{re.escape(form)}\b", s.text):
                    entity.mentions.append(Mention(form, s.start + m.start(), s.start + m.end(), s.index))
        if entity.mentions:
            analysis.entities.append(entity)
    return analysis


def _find(analysis: Analysis, sentence: int, text: str) -> tuple[int, int]:
    s = analysis.sentences[sentence]
    at = s.text.index(text)
    return s.start + at, s.start + at + len(text)


def number(
    analysis: Analysis,
    sentence: int,
    text: str,
    value: float,
    counts: str | None = None,
    unit: str | None = None,
    qualifier: str | None = None,
) -> None:
    start, end = _find(analysis, sentence, text)
    analysis.numbers.append(NumberRef(text, value, unit, counts, sentence, start, end, qualifier))


def date_ref(
    analysis: Analysis,
    sentence: int,
    text: str,
    iso: str,
    precision: DatePrecision = "day",
    tense: Tense = "past",
) -> None:
    start, end = _find(analysis, sentence, text)
    analysis.dates.append(DateRef(text, iso, precision, tense, sentence, start, end))


def fact(fid: str, *where: tuple[Analysis, int]) -> Fact:
    return Fact(fid, "corroborated", [FactMention(a.id, i, a.sentences[i].text) for a, i in where])


def index_of(*analyses: Analysis) -> ActorIndex:
    """Fold entities by their id: tests give one actor the same entity id in every article."""
    return {(a.id, e.id): e.id for a in analyses for e in a.entities}


def actors_of(*analyses: Analysis) -> list[StoryEntity]:
    seen: dict[str, StoryEntity] = {}
    for a in analyses:
        for e in a.entities:
            actor = seen.setdefault(e.id, StoryEntity(e.id, e.name, e.type, [e.name], [], []))
            actor.articles.append(a.id)
            actor.roles.extend(e.roles)
    return list(seen.values())


def parse(analysis: Analysis) -> Doc:
    """The analysis's sentences parsed as one text, split where the analysis splits them."""
    nlp = load_nlp()
    doc = nlp.make_doc(" ".join(s.text for s in analysis.sentences))
    starts = {s.start for s in analysis.sentences}
    for token in doc:
        token.is_sent_start = token.idx in starts
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def read(analysis: Analysis, actors: list[StoryEntity]) -> None:
    """Fill in what analysis reads off the parse: what each figure and date is, attendance
    claims, lists of people, places, borrowed values, and roles given as a post ends."""
    doc = parse(analysis)
    sentences = SentenceIndex(doc)
    assert len(sentences) == len(analysis.sentences)
    for sentence, span in zip(analysis.sentences, sentences.spans, strict=True):
        sentence.borrowed_values = borrows_values(span)
    analysis.numbers = read_quantities(doc, sentences, analysis.numbers)
    analysis.dates = read_date_context(doc, sentences, analysis.dates)
    analysis.attendance = extract_attendance(doc, sentences, analysis.entities)
    analysis.lists = extract_lists(doc, sentences, analysis.entities)
    analysis.places = extract_places(doc, sentences, analysis.entities)
    for actor in actors:
        for role in actor.roles:
            if role.article == analysis.id:
                role.leaving = tells_of_leaving(sentences.spans[role.sentence])


def run(facts: list[Fact], *analyses: Analysis, actors: list[StoryEntity] | None = None) -> list[Discrepancy]:
    story_actors = actors if actors is not None else actors_of(*analyses)
    for analysis in analyses:
        read(analysis, story_actors)
    return find_discrepancies(facts, {a.id: a for a in analyses}, story_actors, index_of(*analyses))


def kinds(found: list[Discrepancy]) -> list[str]:
    return [d.kind for d in found]


# Numbers ------------------------------------------------------------------------------------


def test_different_counts_of_the_same_thing_are_a_number_discrepancy_with_provenance() -> None:
    a = article("a", ["Police said 12 people were killed in the blast."])
    b = article("b", ["The blast killed 15 people, officials said."])
    number(a, 0, "12 people", 12, counts="people", unit="people")
    number(b, 0, "15 people", 15, counts="people", unit="people")
    found = run([fact("f1", (a, 0), (b, 0))], a, b)
    assert kinds(found) == ["number"]
    d = found[0]
    assert d.subject == "people" and d.fact == "f1"
    assert [(v.value, v.article, v.sentence) for v in d.values] == [
        ("12 people", "a", 0),
        ("15 people", "b", 0),
    ]
    assert d.values[0].text == "Police said 12 people were killed in the blast."


def test_a_difference_seen_through_two_facts_of_one_sentence_is_reported_once() -> None:
    a = article("a", ["Police said 12 people were killed in the blast, which hit the market at noon."])
    b = article("b", ["The blast killed 15 people, officials said."])
    c = article("c", ["The market was hit at noon."])
    number(a, 0, "12 people", 12, counts="people", unit="people")
    number(b, 0, "15 people", 15, counts="people", unit="people")
    # The first sentence states two claims, so it is a mention of two facts.
    found = run([fact("f1", (a, 0), (b, 0)), fact("f2", (a, 0), (b, 0), (c, 0))], a, b, c)
    assert kinds(found) == ["number"]


def test_approximate_and_lower_bound_numbers_do_not_conflict() -> None:
    a = article("a", ["About 30 people were hurt and at least 12 houses burned."])
    b = article("b", ["29 people were hurt and 15 houses burned."])
    number(a, 0, "30 people", 30, counts="people", unit="people", qualifier="about")
    number(a, 0, "12 houses", 12, counts="house", qualifier="at least")
    number(b, 0, "29 people", 29, counts="people", unit="people")
    number(b, 0, "15 houses", 15, counts="house")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_a_lower_bound_above_the_other_figure_still_conflicts() -> None:
    a = article("a", ["At least 20 houses burned."])
    b = article("b", ["Fire destroyed 15 houses."])
    number(a, 0, "20 houses", 20, counts="house", qualifier="at least")
    number(b, 0, "15 houses", 15, counts="house")
    found = run([fact("f1", (a, 0), (b, 0))], a, b)
    assert [v.value for v in found[0].values] == ["at least 20 houses", "15 houses"]


def test_rounding_and_figures_both_outlets_give_are_agreement() -> None:
    a = article("a", ["The toll rose from 12 to 15 deaths, and aid reached $1.5 million."])
    b = article("b", ["There were 15 deaths; aid totalled $1,520,000."])
    number(a, 0, "12", 12, counts="death")
    number(a, 0, "15 deaths", 15, counts="death")
    number(a, 0, "$1.5 million", 1.5e6, unit="USD")
    number(b, 0, "15 deaths", 15, counts="death")
    number(b, 0, "$1,520,000", 1.52e6, unit="USD")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_killed_and_injured_counts_are_not_compared() -> None:
    a = article("a", ["The attack killed 12 people."])
    b = article("b", ["The attack injured 30 people."])
    number(a, 0, "12 people", 12, counts="people", unit="people")
    number(b, 0, "30 people", 30, counts="people", unit="people")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_numbers_in_one_article_or_outside_a_shared_fact_are_not_compared() -> None:
    a = article("a", ["12 people died.", "Later 15 people died."])
    b = article("b", ["Officials counted 20 people dead."])
    number(a, 0, "12 people", 12, counts="people", unit="people")
    number(a, 1, "15 people", 15, counts="people", unit="people")
    number(b, 0, "20 people", 20, counts="people", unit="people")
    facts = [fact("f1", (a, 0), (a, 1)), Fact("f2", "single_source", [FactMention("b", 0, "x")])]
    assert run(facts, a, b) == []


def test_parts_that_add_up_to_the_other_outlets_whole_agree() -> None:
    a = article("a", ["Commandos on two boats arrested 23 pirates, most of them Somali."])
    b = article("b", ["Commandos on two boats arrested 12 Somali and 11 Yemeni pirates."])
    number(a, 0, "two boats", 2, counts="boat")
    number(b, 0, "two boats", 2, counts="boat")
    number(a, 0, "23 pirates", 23, counts="pirate")
    number(b, 0, "12", 12, counts="pirate")
    number(b, 0, "11", 11, counts="pirate")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_sentences_disagreeing_on_every_figure_describe_different_things() -> None:
    a = article("a", ["The navy seized six rifles, 12 magazines and 300 rounds from the boats."])
    b = article("b", ["The navy has seized 14 rifles, 31 magazines and 923 rounds from boats so far."])
    for analysis, values in (
        (a, ("six rifles", "12 magazines", "300 rounds")),
        (b, ("14 rifles", "31 magazines", "923 rounds")),
    ):
        for text in values:
            head, noun = text.split()
            value = {"six": 6.0}.get(head) or float(head)
            number(analysis, 0, text, value, counts=noun.rstrip("s"))
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_ages_partial_counts_and_differently_qualified_nouns_are_not_compared() -> None:
    a = article("a", ["A 61-year-old man was held; the two other victims and 3 machine guns were found."])
    b = article("b", ["One man was held; the three victims and 12 AK guns were found."])
    number(a, 0, "61-year-old", 61, counts="man")
    number(b, 0, "One", 1, counts="man")
    number(a, 0, "two", 2, counts="victim")
    number(b, 0, "three", 3, counts="victim")
    number(a, 0, "3", 3, counts="gun")
    number(b, 0, "12", 12, counts="gun")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


# Dates --------------------------------------------------------------------------------------


def test_figures_an_order_of_magnitude_apart_count_different_things() -> None:
    a = article("a", ["In the opener, Ortiz ran for 30 yards."])
    b = article("b", ["Ortiz gained 1,250 yards over the season."])
    number(a, 0, "30 yards", 30, counts="yard")
    number(b, 0, "1,250 yards", 1250, counts="yard")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []
    # A few times apart is still a disagreement worth showing.
    c = article("c", ["In the opener, Ortiz ran for 95 yards."])
    number(c, 0, "95 yards", 95, counts="yard")
    assert kinds(run([fact("f1", (a, 0), (c, 0))], a, c)) == ["number"]


def test_a_figure_put_as_a_possibility_is_not_compared_with_a_fact() -> None:
    a = article("a", ["The council has cut $40 million from the harbour budget."])
    b = article("b", ["Her rival's plan would cut the harbour budget by $55 million."])
    number(a, 0, "$40 million", 40e6, unit="USD")
    number(b, 0, "$55 million", 55e6, unit="USD")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []
    c = article("c", ["The council has cut $55 million from the harbour budget."])
    number(c, 0, "$55 million", 55e6, unit="USD")
    assert kinds(run([fact("f1", (a, 0), (c, 0))], a, c)) == ["number"]


def test_figures_shared_out_respectively_are_not_compared() -> None:
    a = article("a", ["The club signed the striker to a $30 million contract."])
    b = article(
        "b", ["The club signed the striker and the keeper for $34 million and $9 million, respectively."]
    )
    number(a, 0, "$30 million", 30e6, unit="USD")
    number(b, 0, "$34 million", 34e6, unit="USD")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_figures_about_an_earlier_period_are_not_compared() -> None:
    a = article("a", ["Okafor has spent 12 seasons with the club."])
    b = article("b", ["Prior to that, Okafor spent three seasons as the club's scout."])
    number(a, 0, "12", 12, counts="season")
    number(b, 0, "three", 3, counts="season")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []
    c = article("c", ["Okafor has spent three seasons with the club."])
    number(c, 0, "three", 3, counts="season")
    assert kinds(run([fact("f1", (a, 0), (c, 0))], a, c)) == ["number"]


def test_a_date_about_an_earlier_period_is_not_compared_either() -> None:
    a = article("a", ["The talks took place on Monday."])
    b = article("b", ["Previously, the talks took place on Tuesday."])
    date_ref(a, 0, "Monday", "2025-05-12")
    date_ref(b, 0, "Tuesday", "2025-05-13")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_the_same_event_on_different_days_is_a_date_discrepancy() -> None:
    a = article("a", ["The talks took place on Monday."])
    b = article("b", ["The talks took place on Tuesday."])
    date_ref(a, 0, "Monday", "2025-05-12")
    date_ref(b, 0, "Tuesday", "2025-05-13")
    found = run([fact("f1", (a, 0), (b, 0))], a, b)
    assert kinds(found) == ["date"]
    assert [(v.value, v.article) for v in found[0].values] == [("Monday", "a"), ("Tuesday", "b")]


def test_a_year_and_a_month_within_it_agree_but_a_day_outside_the_month_does_not() -> None:
    a = article(
        "a", ["The first round of talks failed in 2022.", "The first round of talks opened on April 5, 2022."]
    )
    b = article(
        "b",
        ["The first round of talks failed in March 2022.", "The first round of talks opened in March 2022."],
    )
    date_ref(a, 0, "2022", "2022", "year")
    date_ref(b, 0, "March 2022", "2022-03", "month")
    date_ref(a, 1, "April 5, 2022", "2022-04-05")
    date_ref(b, 1, "March 2022", "2022-03", "month")
    found = run([fact("f1", (a, 0), (b, 0)), fact("f2", (a, 1), (b, 1))], a, b)
    assert [(d.kind, d.fact) for d in found] == [("date", "f2")]


def test_datelines_are_not_compared() -> None:
    a = article("a", ["Published on Friday, November 11, 2011", "Pirates were captured."])
    b = article("b", ["Posted November 12, 2011", "Pirates were captured."])
    date_ref(a, 0, "Friday, November 11, 2011", "2011-11-11")
    date_ref(b, 0, "November 12, 2011", "2011-11-12")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_sentences_of_a_large_fact_are_compared_only_with_their_parallel() -> None:
    a = article(
        "a", ["The navy captured 23 pirates in the Gulf.", "Commandos seized seven rifles from the boats."]
    )
    b = article(
        "b",
        ["Marines nabbed 12 Somali and 11 Yemeni pirates.", "Commandos seized nine rifles from the boats."],
    )
    number(a, 0, "23 pirates", 23, counts="pirate")
    number(b, 0, "12", 12, counts="pirate")
    number(a, 1, "seven rifles", 7, counts="rifle")
    number(b, 1, "nine rifles", 9, counts="rifle")
    found = run([fact("f1", (a, 0), (a, 1), (b, 0), (b, 1))], a, b)
    assert [(d.subject, [v.value for v in d.values]) for d in found] == [
        ("rifle", ["seven rifles", "nine rifles"]),
    ]


def test_dates_of_different_happenings_anaphoric_or_quoted_dates_are_not_compared() -> None:
    a = article(
        "a",
        [
            "Critics demanded his resignation on Friday after the speech.",
            "He apologised the next day in a statement to reporters.",
            'He said: "We will meet today with the whole team," in a statement.',
        ],
    )
    b = article(
        "b",
        [
            "Senators kept up pressure on Sunday to better explain the speech.",
            "He apologised on Monday in a statement to reporters.",
            'He said: "We will meet Monday with the whole team," in a statement.',
        ],
    )
    date_ref(a, 0, "Friday", "2010-07-02")
    date_ref(b, 0, "Sunday", "2010-07-04")
    date_ref(a, 1, "the next day", "2010-07-03")
    date_ref(b, 1, "Monday", "2010-07-05")
    date_ref(a, 2, "today", "2010-07-03", tense="present")
    date_ref(b, 2, "Monday", "2010-07-05", tense="future")
    facts = [fact("f1", (a, 0), (b, 0)), fact("f2", (a, 1), (b, 1)), fact("f3", (a, 2), (b, 2))]
    assert run(facts, a, b) == []


def test_one_weekday_anchored_differently_is_no_discrepancy() -> None:
    a = article("a", ["The offer was made on Friday morning by the aides."])
    b = article("b", ["The offer was made on Friday by the aides."])
    date_ref(a, 0, "Friday morning", "2010-05-21")
    date_ref(b, 0, "Friday", "2010-05-28")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_a_past_date_and_a_scheduled_one_are_two_events() -> None:
    a = article("a", ["Putin proposed the talks on Sunday."])
    b = article("b", ["The talks proposed by Putin open on Thursday."])
    date_ref(a, 0, "Sunday", "2025-05-11", tense="past")
    date_ref(b, 0, "Thursday", "2025-05-15", tense="future")
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_publication_lines_and_two_bare_years_are_not_compared() -> None:
    a = article(
        "a",
        [
            "The story was posted on Wednesday, September 18, 2013 by the news desk.",
            "She first hosted the awards show in 2007 on television.",
        ],
    )
    b = article(
        "b",
        [
            "The story was posted on Friday, September 20, 2013 by the news desk.",
            "She will host the awards show in 2014 on television.",
        ],
    )
    date_ref(a, 0, "Wednesday, September 18, 2013", "2013-09-18")
    date_ref(b, 0, "Friday, September 20, 2013", "2013-09-20")
    date_ref(a, 1, "2007", "2007", "year")
    date_ref(b, 1, "2014", "2014", "year")
    assert run([fact("f1", (a, 0), (b, 0)), fact("f2", (a, 1), (b, 1))], a, b) == []


# Roles --------------------------------------------------------------------------------------


def _with_roles(
    roles_a: list[str], roles_b: list[str], told_b: str = "Alexander Fomin arrived."
) -> tuple[Analysis, Analysis, list[StoryEntity]]:
    a = article("a", ["X spoke.", "Alexander Fomin spoke."], [("fomin", "PERSON", ["Alexander Fomin"])])
    b = article("b", [told_b, "Y spoke."], [("fomin", "PERSON", ["Alexander Fomin"])])
    roles = [Role(r, 1, 0, 0, "a") for r in roles_a] + [Role(r, 0, 0, 0, "b") for r in roles_b]
    actor = StoryEntity("fomin", "Alexander Fomin", "PERSON", ["Alexander Fomin"], roles, ["a", "b"])
    return a, b, [actor]


def test_deputy_foreign_and_deputy_defense_minister_conflict() -> None:
    a, b, actors = _with_roles(["Deputy Foreign Minister"], ["Deputy Defense Minister"])
    found = run([], a, b, actors=actors)
    assert kinds(found) == ["role"]
    assert found[0].subject == "Alexander Fomin" and found[0].fact is None
    assert [(v.value, v.article, v.sentence, v.text) for v in found[0].values] == [
        ("Deputy Foreign Minister", "a", 1, "Alexander Fomin spoke."),
        ("Deputy Defense Minister", "b", 0, "Alexander Fomin arrived."),
    ]


def test_former_minister_and_minister_conflict() -> None:
    a, b, actors = _with_roles(["former culture minister"], ["Culture Minister"])
    assert kinds(run([], a, b, actors=actors)) == ["role"]


def test_complementary_roles_and_rewordings_are_not_role_discrepancies() -> None:
    cases = [
        (["presidential aide"], ["Russia's ultra-conservative former culture minister"]),
        (
            ["the head of Russia's military intelligence service"],
            ["head of Russia’s military intelligence (GRU)"],
        ),
        (["Deputy Defence Minister"], ["deputy defense minister"]),
        (["Foreign Minister"], ["Ukrainian Foreign Minister"]),
        (["Minister of Foreign Affairs"], ["Foreign Minister"]),
        (["Deputy Foreign Minister", "Deputy Defense Minister"], ["Deputy Foreign Minister"]),
    ]
    for roles_a, roles_b in cases:
        a, b, actors = _with_roles(roles_a, roles_b)
        assert run([], a, b, actors=actors) == [], (roles_a, roles_b)


def test_who_someone_is_and_a_post_in_a_sentence_telling_its_end_are_not_compared() -> None:
    a, b, actors = _with_roles(["recently-dismissed man"], ["54-year-old Ottawa man"])
    assert run([], a, b, actors=actors) == []
    # "The club fired president X" gives the post as it was when he lost it.
    a, b, actors = _with_roles(
        ["former president"], ["president"], "A year ago, the club fired president Alexander Fomin."
    )
    assert run([], a, b, actors=actors) == []
    a, b, actors = _with_roles(
        ["former president"], ["president"], "A year ago, a fire hit president Alexander Fomin."
    )
    assert kinds(run([], a, b, actors=actors)) == ["role"]


def test_one_outlet_disagreeing_with_itself_is_not_a_role_discrepancy() -> None:
    a, b, actors = _with_roles([], [])
    actors[0].roles = [
        Role("Deputy Foreign Minister", 1, 0, 0, "a"),
        Role("Deputy Defense Minister", 1, 0, 0, "a"),
    ]
    assert run([], a, b, actors=actors) == []


# Spelling -----------------------------------------------------------------------------------


def test_spelling_variants_of_one_place_are_never_discrepancies() -> None:
    a = article("a", ["The delegation met in Kiev."], [("kyiv", "GPE", ["Kiev"])])
    b = article("b", ["The delegation met in Kyiv."], [("kyiv", "GPE", ["Kyiv"])])
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


# Places -------------------------------------------------------------------------------------


def test_one_happening_placed_in_two_unrelated_places_is_a_place_discrepancy() -> None:
    a = article("a", ["The plane came down in Nairobi."], [("nairobi", "GPE", ["Nairobi"])])
    b = article("b", ["The plane came down near Mombasa."], [("mombasa", "GPE", ["Mombasa"])])
    found = run([fact("f1", (a, 0), (b, 0))], a, b)
    assert kinds(found) == ["place"]
    assert [(v.value, v.article) for v in found[0].values] == [("Nairobi", "a"), ("Mombasa", "b")]


def test_places_of_different_happenings_in_one_sentence_pair_are_not_compared() -> None:
    a = article(
        "a",
        ["He was detained on March 3, before the cup defeat at Leeds."],
        [("leeds", "GPE", ["Leeds"])],
    )
    b = article("b", ["The winger was detained on March 3 in Headingley."], [("hd", "GPE", ["Headingley"])])
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_a_city_and_the_country_named_with_it_elsewhere_do_not_conflict() -> None:
    a = article(
        "a",
        ["Talks open in Istanbul.", "Istanbul is the largest city in Turkey."],
        [("istanbul", "GPE", ["Istanbul"]), ("turkey", "GPE", ["Turkey"])],
    )
    b = article("b", ["Talks open in Turkey."], [("turkey", "GPE", ["Turkey"])])
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_places_of_different_kinds_may_nest_and_are_not_compared() -> None:
    a = article(
        "a", ["The driver was stopped on Route 52 near Home Avenue."], [("home", "FAC", ["Home Avenue"])]
    )
    b = article("b", ["The driver was stopped on Route 52 in San Diego."], [("sd", "GPE", ["San Diego"])])
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_a_place_that_qualifies_a_noun_places_nothing() -> None:
    a = article("a", ["The photo was sent to a student in Bellingham."], [("bham", "GPE", ["Bellingham"])])
    b = article("b", ["The photo was sent to a Seattle woman, a student."], [("sea", "GPE", ["Seattle"])])
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_a_place_both_outlets_name_is_no_place_discrepancy() -> None:
    a = article(
        "a",
        ["Leaders met in Ankara before Istanbul."],
        [("ankara", "GPE", ["Ankara"]), ("istanbul", "GPE", ["Istanbul"])],
    )
    b = article("b", ["Leaders met in Istanbul."], [("istanbul", "GPE", ["Istanbul"])])
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


# Attendance ---------------------------------------------------------------------------------

PEOPLE = [
    ("fomin", "PERSON", ["Alexander Fomin", "Fomin"]),
    ("galuzin", "PERSON", ["Mikhail Galuzin", "Galuzin"]),
    ("kostyukov", "PERSON", ["Igor Kostyukov", "Kostyukov"]),
    ("lavrov", "PERSON", ["Sergei Lavrov"]),
]


def test_a_participant_one_outlet_lists_and_the_other_never_names_is_an_attendance_discrepancy() -> None:
    a = article("a", ["The delegation includes Alexander Fomin, Mikhail Galuzin and Igor Kostyukov."], PEOPLE)
    b = article("b", ["The delegation includes Galuzin and Kostyukov."], PEOPLE)
    found = run([fact("f1", (a, 0), (b, 0))], a, b)
    assert kinds(found) == ["attendance"]
    assert found[0].subject == "participants"
    assert [(v.value, v.article) for v in found[0].values] == [
        ("Alexander Fomin, Mikhail Galuzin, Igor Kostyukov", "a"),
        ("Mikhail Galuzin, Igor Kostyukov", "b"),
    ]


def test_the_same_participants_in_another_order_or_named_elsewhere_agree() -> None:
    a = article("a", ["The delegation includes Alexander Fomin, Mikhail Galuzin and Igor Kostyukov."], PEOPLE)
    b = article("b", ["Fomin leads.", "Also going are Kostyukov and Mikhail Galuzin."], PEOPLE)
    assert run([fact("f1", (a, 0), (b, 1))], a, b) == []


def test_a_name_describing_someone_else_is_not_listed() -> None:
    people = [*PEOPLE, ("ruiz", "PERSON", ["Ana Ruiz", "Ruiz"])]
    a = article("a", ["The delegation includes Alexander Fomin, Mikhail Galuzin and Igor Kostyukov."], people)
    b = article(
        "b",
        [
            "Ana Ruiz spoke.",
            "The delegation includes a Ruiz ally, Mikhail Galuzin, and Ruiz's aide, Igor Kostyukov,"
            " and Alexander Fomin.",
        ],
        people,
    )
    # Ruiz is an owner and a modifier here, never a member: the lists agree.
    assert run([fact("f1", (a, 0), (b, 1))], a, b) == []


def test_lists_of_examples_are_not_lists_of_participants() -> None:
    a = article("a", ["Past hosts were Alexander Fomin, Mikhail Galuzin and Igor Kostyukov."], PEOPLE)
    b = article("b", ["Past hosts were Mikhail Galuzin and Igor Kostyukov."], PEOPLE)
    assert run([fact("f1", (a, 0), (b, 0))], a, b) == []


def test_one_outlet_saying_an_actor_attends_and_another_that_he_does_not_is_a_conflict() -> None:
    trump = [("trump", "PERSON", ["Donald Trump", "Trump"])]
    a = article("a", ["Donald Trump will attend the talks in Istanbul."], trump)
    b = article("b", ["An aide said Trump, currently in the Gulf, would not be attending the talks."], trump)
    found = run([], a, b)  # no shared fact: same verb and event decide
    assert kinds(found) == ["attendance"]
    assert found[0].subject == "Donald Trump attending"
    assert [(v.value, v.article) for v in found[0].values] == [
        ("will attend", "a"),
        ("would not be attending", "b"),
    ]


def test_hedged_or_conditional_attendance_is_no_claim() -> None:
    putin = [("putin", "PERSON", ["Vladimir Putin", "Putin"])]
    a = article("a", ["Vladimir Putin will not travel to Istanbul."], putin)
    b = article(
        "b",
        [
            "Trump said he would go only if Putin travels to Istanbul.",
            "Putin could travel to Istanbul later.",
        ],
        putin,
    )
    assert run([fact("f1", (a, 0), (b, 0), (b, 1))], a, b) == []


def test_same_polarity_is_agreement_and_different_events_are_not_compared() -> None:
    trump = [("trump", "PERSON", ["Donald Trump", "Trump"])]
    a = article("a", ["Trump will not travel to Istanbul.", "Trump will travel to Riyadh."], trump)
    b = article("b", ["Trump won't be traveling to Istanbul."], trump)
    assert run([], a, b) == []
