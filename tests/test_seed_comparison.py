"""The founding example end to end: two outlets on the Kremlin's delegation for the Istanbul talks.

Pins what a reader must be told correctly: which statements both outlets make (each linked at
sentence level), what only one says, and that spelling variants are wording, not conflicts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.codec import comparison_to_dict, validate_comparison
from newsprism.compare.pipeline import compare
from newsprism.ingest import ArticleDefaults, read_inputs
from newsprism.model import Article, Comparison, Fact
from newsprism.render.markdown import render_markdown
from newsprism.store.db import open_store
from newsprism.store.workflow import ingest_articles

GUARDIAN_REWRITE = "000_8b5201b13af12944"
MOSCOW_TIMES = "001_44cbccb45d29a0c3"

# (phrase in the first article's sentence, phrase in the second's): the same statement.
SAME_STATEMENT = [
    ("Putin will not travel to Istanbul", "will not be traveling to Istanbul"),
    ("delegation will be led by Vladimir Medinsky", "leading the Russian delegation has been assigned"),
    ("Trump would not attend the talks", "would also not be attending the negotiations"),
    ("will be joined in Istanbul by Deputy Defense Minister", "Medinsky will be accompanied by"),
    ("Zelensky was on his way to Ankara", "Zelensky was en route to Ankara"),
    ("called for direct negotiations with Ukraine in Istanbul", "which Putin announced unexpectedly"),
    ("the failed Istanbul round in 2022", "peace discussions stalled"),
    ("he would consider traveling to Turkey", "would contemplate participating in the talks"),
    ("Zelensky invited Putin to a direct meeting", "has challenged Putin to meet him"),
    # The Moscow Times says it twice: the directive, then Peskov confirming it.
    ("Putin will not travel to Istanbul", "confirmed that the president would not be attending"),
]

# Pairs that share part of a claim (the Kremlin's late-Wednesday announcement; Zelensky meeting
# Putin in Turkey and only him): a link between them is right, though not asked for.
ALSO_SHARED = [
    ("The Kremlin announced late Wednesday evening", "directive released by the Kremlin late on Wednesday"),
    ("Zelensky invited Putin to a direct meeting", "would only engage with Putin in Turkey"),
]

# Known defects of the learned aligner, pinned so that a fix shows: three same-claim pairs are
# paraphrases neither meaning model sees as close, and three pairs of sentences about one topic
# (Trump and Putin each staying away; Rubio in Turkey; a 30-day ceasefire) are linked though they
# state different claims: each is the other's best match in its article, probability 0.56-0.7.
MISSED = {SAME_STATEMENT[5], SAME_STATEMENT[7], SAME_STATEMENT[8]}
WRONG = [
    ("Donald Trump would not attend the talks either", "confirmed that the president would not be attending"),
    ("Sibiha posted photos on social media", "Rubio confirmed their travel to Turkey"),
    (
        "Ukraine is expected to propose a complete 30-day ceasefire",
        "Moscow had been uncertain about confirming",
    ),
]

ONLY_ONE_OUTLET = [
    (GUARDIAN_REWRITE, "I'll try to talk to Putin"),
    (GUARDIAN_REWRITE, "Hey, comrade Putin"),
    (GUARDIAN_REWRITE, "Friedrich Merz"),
    (MOSCOW_TIMES, "team of expert advisers"),
    (MOSCOW_TIMES, "Luhansk and Donetsk"),
]


@pytest.fixture(scope="module")
def comparison(seed_paths: list[Path]) -> Comparison:
    items = list(read_inputs([str(p) for p in seed_paths], ArticleDefaults(published="2025-05-14")))
    articles = [a for a in items if isinstance(a, Article)]
    assert [a.id for a in articles] == [GUARDIAN_REWRITE, MOSCOW_TIMES]
    return compare(articles)


def sentence_with(comparison: Comparison, article: str, phrase: str) -> int:
    analysis = next(a for a in comparison.analyses if a.id == article)
    hits = [s.index for s in analysis.sentences if phrase in s.text]
    assert len(hits) == 1, f"{phrase!r} found in sentences {hits} of {article}"
    return hits[0]


def facts_of(comparison: Comparison, article: str, sentence: int) -> list[Fact]:
    """Every fact the sentence is a mention of: a sentence may state several claims."""
    return [
        f
        for f in comparison.facts
        if any(m.article == article and m.sentence == sentence for m in f.mentions)
    ]


def _known(pairs: list[tuple[str, str]], missed: set[tuple[str, str]]) -> list:  # type: ignore[type-arg]
    reason = "missed by the learned aligner: see MISSED"
    return [
        pytest.param(*pair, marks=pytest.mark.xfail(strict=True, reason=reason)) if pair in missed else pair
        for pair in pairs
    ]


@pytest.mark.parametrize(("phrase_a", "phrase_b"), _known(SAME_STATEMENT, MISSED))
def test_statements_both_outlets_make_are_one_corroborated_fact(
    comparison: Comparison, phrase_a: str, phrase_b: str
) -> None:
    a = sentence_with(comparison, GUARDIAN_REWRITE, phrase_a)
    b = sentence_with(comparison, MOSCOW_TIMES, phrase_b)
    both = [
        f for f in facts_of(comparison, GUARDIAN_REWRITE, a) if f in facts_of(comparison, MOSCOW_TIMES, b)
    ]
    assert both, "not one fact"
    assert all(f.status in ("corroborated", "disputed") for f in both)


@pytest.mark.parametrize(("article", "phrase"), ONLY_ONE_OUTLET)
def test_what_only_one_outlet_says_stays_single_sourced(
    comparison: Comparison, article: str, phrase: str
) -> None:
    (fact,) = facts_of(comparison, article, sentence_with(comparison, article, phrase))
    assert fact.status == "single_source"
    assert {m.article for m in fact.mentions} == {article}


def test_no_fact_links_more_than_the_statements_both_make(comparison: Comparison) -> None:
    shared = [f for f in comparison.facts if len({m.article for m in f.mentions}) > 1]
    # every cross-outlet fact must be one of the known shared statements (or a close sibling of one)
    allowed = {
        (sentence_with(comparison, GUARDIAN_REWRITE, a), sentence_with(comparison, MOSCOW_TIMES, b))
        for a, b in SAME_STATEMENT + ALSO_SHARED + WRONG  # WRONG: pinned below, failing until mended
    }
    for fact in shared:
        pairs = {
            (ma.sentence, mb.sentence)
            for ma in fact.mentions
            for mb in fact.mentions
            if ma.article == GUARDIAN_REWRITE and mb.article == MOSCOW_TIMES
        }
        assert pairs & allowed, f"unexpected link: {[m.text[:60] for m in fact.mentions]}"


@pytest.mark.xfail(strict=True, reason="a known wrong link of the learned aligner: see WRONG")
@pytest.mark.parametrize(("phrase_a", "phrase_b"), WRONG)
def test_known_wrong_links_are_not_made(comparison: Comparison, phrase_a: str, phrase_b: str) -> None:
    a = sentence_with(comparison, GUARDIAN_REWRITE, phrase_a)
    b = sentence_with(comparison, MOSCOW_TIMES, phrase_b)
    assert not [
        f for f in facts_of(comparison, GUARDIAN_REWRITE, a) if f in facts_of(comparison, MOSCOW_TIMES, b)
    ]


def test_a_mended_wrong_link_stays_mended(comparison: Comparison) -> None:
    # Zelensky's invitation and the Russian officials saying Putin would not meet him were linked
    # before the second look (compare/second_look.py) read them again.
    a = sentence_with(comparison, GUARDIAN_REWRITE, "Zelensky invited Putin to a direct meeting")
    b = sentence_with(comparison, MOSCOW_TIMES, "did not intend to meet with Zelensky")
    assert not [
        f for f in facts_of(comparison, GUARDIAN_REWRITE, a) if f in facts_of(comparison, MOSCOW_TIMES, b)
    ]


def test_every_fact_mention_is_the_sentence_it_points_to(comparison: Comparison) -> None:
    texts = {(a.id, s.index): s.text for a in comparison.analyses for s in a.sentences}
    for fact in comparison.facts:
        for m in fact.mentions:
            assert texts[(m.article, m.sentence)] == m.text
    covered = {(m.article, m.sentence) for f in comparison.facts for m in f.mentions}
    assert covered == set(texts)


def test_spelling_variants_are_wording_not_discrepancies(comparison: Comparison) -> None:
    spelled = {f.subject for f in comparison.framing if f.kind == "spelling"}
    assert "Kyiv" in spelled
    assert any("Erdo" in s for s in spelled)
    for disc in comparison.discrepancies:
        values = {v.value.lower() for v in disc.values}
        assert not values & {"kiev", "kyiv"}


def test_actors_fold_across_outlets(comparison: Comparison) -> None:
    by_name = {e.name: e for e in comparison.entities}
    erdogan = by_name["Recep Tayyip Erdoğan"]
    assert {"Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"} <= set(erdogan.aliases)
    assert set(erdogan.articles) == {GUARDIAN_REWRITE, MOSCOW_TIMES}
    medinsky_roles = {(r.article, r.role) for r in by_name["Vladimir Medinsky"].roles}
    assert any(a == MOSCOW_TIMES and "presidential aide" in r for a, r in medinsky_roles)
    assert any(a == GUARDIAN_REWRITE and "former culture minister" in r for a, r in medinsky_roles)


def test_quotes_and_dates_are_traced(comparison: Comparison) -> None:
    lula = [q for q in comparison.quotes if q.text.startswith("I'll try to talk to Putin")]
    assert lula and lula[0].direct and "Lula" in (lula[0].speaker or "")
    late_wednesday = [t for t in comparison.timeline if t.date == "2025-05-14" and "late" in t.text.lower()]
    assert late_wednesday
    thursday = [t for t in comparison.timeline if t.date == "2025-05-15"]
    assert thursday


def test_brief_cites_sources_and_facts(comparison: Comparison) -> None:
    assert comparison.brief
    fact_ids = {f.id for f in comparison.facts}
    for line in comparison.brief:
        assert line.sources
        assert set(line.facts) <= fact_ids
    assert any(set(line.sources) == {GUARDIAN_REWRITE, MOSCOW_TIMES} for line in comparison.brief)


def test_comparison_json_matches_the_published_schema(comparison: Comparison) -> None:
    data = comparison_to_dict(comparison)
    validate_comparison(data)
    assert [a["id"] for a in data["articles"]] == [GUARDIAN_REWRITE, MOSCOW_TIMES]


def test_a_described_leader_is_credited_to_the_actor_the_outlets_name(comparison: Comparison) -> None:
    # A writes "The Ukrainian leader said ..."; B calls Zelensky "Ukrainian President".
    ready = [q for q in comparison.quotes if q.text.startswith("he was ready to travel to Istanbul")]
    assert [q.speaker for q in ready] == ["Volodymyr Zelensky"]
    assert all(q.speaker_entity for q in ready)


def test_speech_is_credited_to_who_speaks_not_to_whom_it_is_about(comparison: Comparison) -> None:
    # "Earlier statements from Russian officials ... indicated": the officials, not the statements.
    indicated = [q for q in comparison.quotes if q.cue == "indicated" and q.sentence == 8]
    assert [q.speaker for q in indicated] == ["Russian officials"]
    # "The appointment of Medinsky ... indicates": about Medinsky, not said by him.
    about = [q for q in comparison.quotes if q.article == GUARDIAN_REWRITE and q.sentence == 5]
    assert about and all(q.speaker != "Vladimir Medinsky" for q in about)


def test_the_report_names_whom_each_seed_cites_with_its_sentence(comparison: Comparison) -> None:
    cited = [(c.article, c.outlet, c.kind, c.sentence) for c in comparison.citations]
    assert (GUARDIAN_REWRITE, "The Guardian", "reports", 0) in cited
    reuters = [s for article, outlet, _, s in cited if article == MOSCOW_TIMES and outlet == "Reuters"]
    assert None in reuters  # the credit line
    told = sentence_with(comparison, MOSCOW_TIMES, "informed Reuters late Wednesday")
    assert told in reuters
    markdown = render_markdown(comparison)
    section = markdown.split("## Who cites whom", 1)[1].split("\n## ", 1)[0]
    assert "cites The Guardian (reports) [A §0]" in section
    assert f"cites Reuters (was told) [B §{told}]" in section
    # Each outlet rests on its own source: the two leads are two independent reports.
    lead = facts_of(comparison, GUARDIAN_REWRITE, 0)
    assert any(f.sources == ["Reuters", "The Guardian"] for f in lead)


def test_the_stored_seed_story_shows_two_outlets(seed_paths: list[Path], tmp_path: Path) -> None:
    items = list(read_inputs([str(p) for p in seed_paths], ArticleDefaults(published="2025-05-14")))
    with open_store(str(tmp_path / "seeds.db")) as store:
        ingest_articles(store, [a for a in items if isinstance(a, Article)])
        (story,) = store.list_stories()
        assert story.outlet_count == 2
        assert story.outlets == [GUARDIAN_REWRITE, MOSCOW_TIMES]
