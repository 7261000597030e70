"""The aligner links paraphrases across outlets and keeps topical neighbours apart."""

from __future__ import annotations

from newsprism.compare.align import (
    EVENT,
    SentenceRef,
    cluster_sentences,
    lexical_overlap,
    shared_events,
    timestamp_line,
)
from newsprism.compare.embed import embed
from newsprism.compare.lexicon import content_stems, stem


def refs_of(*articles: list[str]) -> list[SentenceRef]:
    return [
        SentenceRef(article=a, sentence=i, text=t)
        for a, sents in enumerate(articles)
        for i, t in enumerate(sents)
    ]


def group_of(groups: list[list[int]], pos: int) -> list[int]:
    return next(g for g in groups if pos in g)


def test_stems_fold_inflection_and_diacritics() -> None:
    assert stem("captured") == stem("capture") == stem("captures")
    assert content_stems("Erdoğan met the pirates") == content_stems("Erdogan met a pirate")


def test_lexical_overlap_weighs_rare_shared_terms_above_common_ones() -> None:
    bags = [
        frozenset({"mayor", "bridge", "closed"}),
        frozenset({"mayor", "bridge", "shut"}),
        frozenset({"mayor", "budget", "approved"}),
        frozenset({"mayor", "park", "opened"}),
    ]
    sim = lexical_overlap(bags)
    assert sim[0, 1] > sim[0, 2] > 0
    assert sim[0, 3] < sim[0, 1]


def test_paraphrases_across_outlets_form_one_fact_and_unrelated_sentences_stay_apart() -> None:
    a = [
        "The city council voted 7-2 on Monday to close the old harbour bridge for repairs.",
        "Rain is expected across the region for the rest of the week.",
        "The mayor said the museum will reopen in June after a renovation.",
    ]
    b = [
        "Councillors decided by seven votes to two on Monday to shut the ageing harbour bridge for repairs.",
        "A local bakery won a national award for its sourdough bread.",
    ]
    refs = refs_of(a, b)
    groups = cluster_sentences(refs, embed([r.text for r in refs]))
    assert group_of(groups, 0) == [0, 3]
    for pos in (1, 2, 4):
        assert group_of(groups, pos) == [pos]


def test_two_similar_but_different_claims_are_not_linked() -> None:
    a = ["Police arrested two men after a shooting outside a nightclub in the city centre on Friday."]
    b = ["Police are searching for a woman after a stabbing at a supermarket in the suburbs on Tuesday."]
    refs = refs_of(a, b)
    groups = cluster_sentences(refs, embed([r.text for r in refs]))
    assert len(groups) == 2


def test_event_granularity_links_more_loosely_than_claims() -> None:
    a = [
        "A magnitude 6.1 earthquake struck central Italy early on Wednesday.",
        "Rescue teams pulled survivors from collapsed buildings in the town of Norcia.",
    ]
    b = [
        "A strong quake hit central Italy on Wednesday morning, damaging buildings.",
        "Emergency crews searched the rubble of homes in Norcia for people trapped.",
    ]
    refs = refs_of(a, b)
    vectors = embed([r.text for r in refs])
    claim_links = sum(len({refs[p].article for p in g}) > 1 for g in cluster_sentences(refs, vectors))
    event_links = sum(len({refs[p].article for p in g}) > 1 for g in cluster_sentences(refs, vectors, EVENT))
    assert claim_links >= 1
    assert event_links >= claim_links


def test_empty_and_single_sentence_stories() -> None:
    assert cluster_sentences([], embed([])) == []
    one = refs_of(["Only one sentence here."])
    assert cluster_sentences(one, embed([one[0].text])) == [[0]]


def test_datelines_are_never_linked_across_outlets() -> None:
    a = ["Posted: March 3, 2025, 3:23 PM ET", "The harbour bridge was closed after a crane struck it."]
    b = ["Monday, March 3, 2025", "A crane hit the harbour bridge, which was then closed."]
    refs = refs_of(a, b)
    groups = cluster_sentences(refs, embed([r.text for r in refs]), EVENT)
    assert group_of(groups, 0) == [0]
    assert group_of(groups, 1) == [1, 3]
    assert timestamp_line("Updated 2:52 p.m.") and not timestamp_line("Talks open on March 15.")


def test_one_event_told_in_different_words_is_linked_by_its_triple() -> None:
    a = ["Wage talks between the dockers and the port operator collapsed late on Friday."]
    b = ["The breakdown came after the failed negotiations, a union source told reporters."]
    failed = frozenset({("fail", "theme", "talks")})
    plain = refs_of(a, b)
    vectors = embed([r.text for r in plain])
    assert len(cluster_sentences(plain, vectors)) == 2  # the words alone do not carry it
    with_events = [SentenceRef(r.article, r.sentence, r.text, events=failed) for r in plain]
    assert cluster_sentences(with_events, vectors) == [[0, 1]]


def test_shared_events_need_the_same_class_role_and_argument() -> None:
    refs = [
        SentenceRef(0, 0, "x", events=frozenset({("fail", "theme", "talks")})),
        SentenceRef(1, 0, "y", events=frozenset({("fail", "theme", "talks"), ("lead", "agent", "actor:a1")})),
        SentenceRef(1, 1, "z", events=frozenset({("propose", "theme", "talks"), ("fail", "agent", "talks")})),
    ]
    sim = shared_events(refs)
    assert sim[0, 1] == sim[1, 0] == 1.0
    assert sim[0, 2] == 0.0


def test_telling_of_the_same_kind_of_happening_counts_only_at_event_level() -> None:
    refs = [
        SentenceRef(0, 0, "x", events=frozenset({("arrest", "class", ""), ("arrest", "agent", "police")})),
        SentenceRef(1, 0, "y", events=frozenset({("arrest", "class", ""), ("arrest", "theme", "actor:a2")})),
    ]
    assert shared_events(refs)[0, 1] == 0.0
    assert shared_events(refs, EVENT.event_roles)[0, 1] == 1.0
