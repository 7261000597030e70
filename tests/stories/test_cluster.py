"""Story placement on corpora written for these tests: copies, rewrites, look-alike events, late arrivals."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from newsprism.model import Article
from newsprism.stories.cluster import ClusterConfig, StoryClusterer, cluster_assignments

# Two shootings in one town, eighteen days apart: same kind of event, same place, other people.
FIRST_SHOOTING = [
    (
        "Two killed in Millbrook bakery shooting",
        "A gunman opened fire inside the Hartley Street bakery in Millbrook on Saturday morning, killing "
        "two customers and wounding a baker, police said. Officers arrested Dorian Vance, 34, a few blocks "
        "away. Police Chief Renata Ossler said the suspect had argued with staff the week before.",
    ),
    (
        "Millbrook police arrest man after deadly bakery attack",
        "Dorian Vance, 34, was taken into custody on Saturday after two people died in a shooting at a "
        "bakery on Hartley Street in Millbrook. Chief Renata Ossler told reporters the wounded baker was "
        "in stable condition and that Vance had been banned from the shop after an argument.",
    ),
    (
        "Bakery shooting leaves Millbrook in shock",
        "Residents of Millbrook laid flowers outside the Hartley Street bakery where two customers were shot "
        "dead on Saturday. Police said the alleged gunman, Dorian Vance, had quarrelled with employees days "
        "earlier; the baker who was hit is recovering in hospital.",
    ),
]
SECOND_SHOOTING = [
    (
        "Teenager shot near Millbrook high school",
        "A 16-year-old student was shot and seriously injured outside Lakeside High School in Millbrook on "
        "Wednesday afternoon. Police are searching for two men who fled in a grey pickup truck, Sergeant "
        "Amos Pretorius said. Classes were cancelled for Thursday.",
    ),
    (
        "Police hunt two men after student wounded at Lakeside High",
        "Millbrook detectives are looking for two suspects seen driving away in a grey pickup after a "
        "teenage student was shot outside Lakeside High School on Wednesday. Sergeant Amos Pretorius said "
        "the 16-year-old underwent surgery and is expected to survive.",
    ),
    (
        "Lakeside High cancels classes after student shot",
        "Lakeside High School in Millbrook will stay closed on Thursday after a 16-year-old was shot outside "
        "its gates on Wednesday, the district said. Police said two men in a grey pickup truck are wanted.",
    ),
]
# Two earthquakes on the same day in different countries.
QUAKES = [
    (
        "Magnitude 6.1 quake shakes southern Peru",
        "A magnitude 6.1 earthquake struck near Arequipa in southern Peru on Monday, damaging adobe homes "
        "and a colonial church, Peru's geophysical institute said. Two people were hurt by falling walls.",
    ),
    (
        "Strong earthquake hits northern Japan, no tsunami warning",
        "A magnitude 6.3 earthquake struck off Aomori prefecture in northern Japan on Monday, the "
        "Japan Meteorological Agency said. Trains were halted briefly and no tsunami warning was issued.",
    ),
    (
        "Arequipa counts damage after earthquake",
        "Officials in Arequipa inspected cracked adobe houses and a damaged colonial church after "
        "Monday's magnitude 6.1 earthquake in southern Peru. Two residents were injured, the "
        "geophysical institute said.",
    ),
    (
        "Aomori quake halts bullet trains",
        "Bullet train services in Aomori prefecture were suspended for an hour after a magnitude 6.3 "
        "earthquake off northern Japan on Monday. The Japan Meteorological Agency said there was no "
        "tsunami risk.",
    ),
]


def articles(rows, day, prefix, outlets=("courier", "ledger", "herald", "post")):
    return [
        Article(id=f"{prefix}{i}", title=title, text=text, published=day, source=outlets[i % len(outlets)])
        for i, (title, text) in enumerate(rows)
    ]


def stories_of(assignments):
    groups: dict[str, set[str]] = {}
    for a in assignments:
        groups.setdefault(a.story, set()).add(a.id)
    return sorted(groups.values(), key=lambda g: sorted(g))


def test_look_alike_events_in_one_town_stay_apart():
    corpus = articles(FIRST_SHOOTING, "2024-03-02", "bakery") + articles(
        SECOND_SHOOTING, "2024-03-20", "school"
    )
    groups = stories_of(cluster_assignments(corpus))
    assert groups == [{"bakery0", "bakery1", "bakery2"}, {"school0", "school1", "school2"}]


def test_same_day_earthquakes_in_two_countries_are_two_stories():
    corpus = articles(QUAKES, "2024-05-06", "q")
    assert stories_of(cluster_assignments(corpus)) == [{"q0", "q2"}, {"q1", "q3"}]


def test_wire_copy_is_a_duplicate_in_the_same_story():
    original = articles(FIRST_SHOOTING[:1], "2024-03-02", "wire")[0]
    copy = Article(
        id="copy",
        title="Gunman kills two at Millbrook bakery",
        text=original.text + "\nReporting by Lena Marsh; editing by Tom Quill.",
        published="2024-03-02",
        source="regional",
    )
    result = {
        a.id: a for a in cluster_assignments([original, copy, *articles(SECOND_SHOOTING, "2024-03-20", "s")])
    }
    assert result["copy"].duplicate_of == "wire0"
    assert result["copy"].story == result["wire0"].story
    assert result["wire0"].duplicate_of is None
    assert result["s0"].story != result["wire0"].story


def test_a_copy_costs_no_pass_through_the_encoder_and_is_placed_as_before():
    """add_many asks the duplicate index before embedding; add_prepared (the Dask path), after.
    Both must place every article alike, and only add_many may skip the copy's lead."""
    from newsprism.stories.cluster import prepare_batch
    from newsprism.stories.embed import embed_leads

    original = articles(FIRST_SHOOTING[:1], "2024-03-02", "wire")[0]
    copy = Article(
        id="copy",
        title=original.title,
        text="MILLBROOK (Regional Wire) - " + original.text + "\nReporting by Lena Marsh.",
        published="2024-03-02",
    )
    corpus = [original, *articles(SECOND_SHOOTING, "2024-03-20", "s"), copy, original]
    seen: list[str] = []

    def encoder(texts):
        seen.extend(texts)
        return embed_leads(texts)

    streamed = StoryClusterer(encoder=encoder)
    list(streamed.add_many(corpus))
    streamed.refine()
    assert not any("Regional Wire" in text for text in seen)
    assert len(seen) == 1 + len(SECOND_SHOOTING)

    prepared = StoryClusterer()
    list(prepared.add_prepared(prepare_batch([(a, None) for a in corpus], embed_leads)))
    prepared.refine()
    assert list(streamed.assignments()) == list(prepared.assignments())
    assert {a.id: a.duplicate_of for a in streamed.assignments()}["copy"] == "wire0"
    assert sum("repeated" in note for note in streamed.notes) == 1


def test_a_stream_left_half_read_can_be_given_again():
    """The duplicate index is asked for a whole batch before its first article is placed; a
    caller that stops reading and gives the articles again must not be told their ids repeat."""
    corpus = [*articles(FIRST_SHOOTING, "2024-03-02", "f"), *articles(SECOND_SHOOTING, "2024-03-20", "s")]
    clusterer = StoryClusterer()
    stream = clusterer.add_many(corpus)
    first = next(stream)
    stream.close()
    assert list(clusterer.add_many(corpus)) == [a.id for a in corpus if a.id != first]
    assert [n for n in clusterer.notes if "repeated" in n] == [
        f"{first}: id repeated; the first article with this id was kept"
    ]


def test_late_arrival_joins_its_story_and_ids_stay_stable():
    clusterer = StoryClusterer()
    early = articles(FIRST_SHOOTING[:2], "2024-03-02", "b") + articles(SECOND_SHOOTING[:2], "2024-03-20", "s")
    list(clusterer.add_many(early))
    clusterer.refine()
    before = {a.id: a.story for a in clusterer.assignments()}
    late = Article(id="late", title=FIRST_SHOOTING[2][0], text=FIRST_SHOOTING[2][1], published="2024-03-03")
    assert clusterer.add(late) == before["b0"]
    clusterer.refine()
    after = {a.id: a.story for a in clusterer.assignments()}
    assert {k: after[k] for k in before} == before


TRIAL = [
    (
        "Millbrook bakery gunman found guilty",
        "A jury in Millbrook on Tuesday found Dorian Vance, 35, guilty of murdering two customers in "
        "the shooting at the Hartley Street bakery in March. The baker he wounded testified that Vance "
        "had been banned from the shop after an argument with staff, and Police Chief Renata Ossler "
        "described the arrest.",
    ),
    (
        "Vance convicted over Hartley Street bakery killings",
        "Dorian Vance was convicted on Tuesday of killing two people and wounding a baker when he "
        "opened fire in a Millbrook bakery on Hartley Street last March. Chief Renata Ossler said the "
        "verdict closed a case that shook the town.",
    ),
    (
        "Guilty verdict in Millbrook bakery shooting",
        "Jurors took four hours to convict Dorian Vance of the bakery shooting on Hartley Street in "
        "Millbrook, in which two customers died. The wounded baker, who has since returned to work, "
        "attended the verdict.",
    ),
]


def test_a_follow_up_months_later_joins_its_story_and_a_look_alike_does_not():
    """The verdict eight months on is the bakery shooting's story; the school shooting eighteen
    days after it is another, although it is nearer in time."""
    corpus = (
        articles(FIRST_SHOOTING, "2024-03-02", "bakery")
        + articles(SECOND_SHOOTING, "2024-03-20", "school")
        + articles(TRIAL, "2024-11-12", "trial")
    )
    clusterer = StoryClusterer()
    list(clusterer.add_many(corpus))
    # Placed one by one, the verdict is too far in time to join: it opens a story of its own ...
    assert len(stories_of(clusterer.assignments())) == 3
    clusterer.refine()
    # ... which the refine then recognises as the same event, followed up.
    assert stories_of(clusterer.assignments()) == [
        {"bakery0", "bakery1", "bakery2", "trial0", "trial1", "trial2"},
        {"school0", "school1", "school2"},
    ]
    # Past `follow_up_days`, the same agreement reads as another event.
    config = ClusterConfig(follow_up_days=200)
    assert len(stories_of(cluster_assignments(corpus, config))) == 3


def test_dates_written_in_the_text_count_when_published_is_missing():
    # The same kind of announcement, four years apart (a recurrence, not a follow-up), with only
    # a dateline to tell them apart.
    def row(i: int, year: int) -> Article:
        return Article(
            id=f"r{year}-{i}",
            text=(
                f"March {3 + i}, {year}\nThe city council of Brantwood approved its annual budget on "
                "Tuesday, raising spending on roads and libraries after a long debate among council members."
            ),
        )

    corpus = [row(0, 2019), row(1, 2019), row(0, 2023), row(1, 2023)]
    config = ClusterConfig(window_days=30)
    groups = stories_of(cluster_assignments(corpus, config))
    assert groups == [{"r2019-0", "r2019-1"}, {"r2023-0", "r2023-1"}]


def test_single_article_repeated_ids_and_empty_text_are_explained():
    clusterer = StoryClusterer()
    one = articles(QUAKES[:1], "2024-05-06", "only")[0]
    again = Article(id="only0", text="Something else entirely, filed under the same id.")
    empty = Article(id="blank", text="   ")
    list(clusterer.add_many([one, again, empty]))
    clusterer.refine()
    result = list(clusterer.assignments())
    assert [a.id for a in result] == ["only0", "blank"]
    assert result[0].story != result[1].story
    assert any("only0" in note and "repeated" in note for note in clusterer.notes)
    assert any("blank" in note and "no text" in note for note in clusterer.notes)


@pytest.mark.parametrize("n", [3000])
def test_many_identical_articles_collapse_onto_the_first(n):
    title, text = FIRST_SHOOTING[0]
    corpus = (Article(id=f"same{i}", title=title, text=text, published="2024-03-02") for i in range(n))
    result = list(cluster_assignments(corpus))
    assert len(result) == n
    assert Counter(a.story for a in result).most_common(1)[0][1] == n
    assert all(a.duplicate_of == "same0" for a in result[1:])


def test_the_sparse_dot_product_matches_a_plain_loop() -> None:
    from newsprism.stories.cluster import _dict_dot, _sparse_dot

    rng = np.random.default_rng(3)
    ids = rng.choice(500, size=60, replace=False).astype(np.int32)
    weights = rng.random(60).astype(np.float32)
    keys = rng.choice(500, 200, replace=False)
    sums = {int(i): float(w) for i, w in zip(keys, rng.random(200), strict=True)}
    expected = sum(float(w) * sums.get(int(i), 0.0) for i, w in zip(ids, weights, strict=True))
    assert _sparse_dot(ids, weights, sums) == pytest.approx(expected, rel=1e-12)
    assert _sparse_dot(ids[:0], weights[:0], sums) == 0.0
    small = {int(i): float(w) for i, w in zip(ids, weights, strict=True)}
    assert _dict_dot(small, sums) == pytest.approx(expected, rel=1e-12)


# Six reports of the bakery shooting: the first three as above, three more that tell it in
# other words (the funeral, the court), all naming the street and the suspect.
BAKERY_FOLLOWING = [
    (
        "Millbrook mourns two bakery customers",
        "Hundreds gathered at a vigil on Hartley Street in Millbrook for the two customers killed on "
        "Saturday. Dorian Vance, 34, the man accused of the shooting, is held without bail.",
    ),
    (
        "Accused bakery gunman appears in court",
        "Dorian Vance, 34, appeared before a Millbrook judge on charges of murder over the Saturday "
        "shooting at the Hartley Street bakery. His lawyer asked for a psychiatric assessment.",
    ),
    (
        "Hartley Street bakery to reopen after shooting",
        "The family that owns the Hartley Street bakery said it will reopen next month. Police said "
        "Dorian Vance, 34, had been banned from the shop before Saturday's attack.",
    ),
]


def _cut_in_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the word cut (stories/split.py) propose the first three reports against the last three."""
    import newsprism.stories.cluster as cluster

    def halves(terms, names, vectors):
        n = len(terms)
        return list(range(n // 2)), list(range(n // 2, n))

    monkeypatch.setattr(cluster, "bisect", halves)


def test_a_word_cut_is_refused_where_the_days_and_details_say_one_event(monkeypatch) -> None:
    _cut_in_halves(monkeypatch)
    corpus = articles(FIRST_SHOOTING, "2024-03-02", "day") + articles(BAKERY_FOLLOWING, "2024-03-03", "next")
    groups = stories_of(cluster_assignments(corpus))
    assert groups == [{a.id for a in corpus}]


def test_a_word_cut_is_made_where_the_details_cannot_confirm_one_event(monkeypatch) -> None:
    # The same reports without any date: nothing in the details can overrule the words.
    _cut_in_halves(monkeypatch)
    corpus = [
        Article(id=f"r{i}", title=title, text=text)
        for i, (title, text) in enumerate(FIRST_SHOOTING + BAKERY_FOLLOWING)
    ]
    groups = stories_of(cluster_assignments(corpus))
    assert len(groups) == 2


def test_one_dated_report_does_not_speak_for_the_days_of_its_part(monkeypatch) -> None:
    # Only one report of the second part says when: its day is not that part's day.
    _cut_in_halves(monkeypatch)
    following = articles(BAKERY_FOLLOWING[:1], "2024-03-02", "dated") + [
        Article(id=f"undated{i}", title=title, text=text)
        for i, (title, text) in enumerate(BAKERY_FOLLOWING[1:])
    ]
    corpus = articles(FIRST_SHOOTING, "2024-03-02", "day") + following
    groups = stories_of(cluster_assignments(corpus))
    assert len(groups) == 2


# Two reports of the bakery shooting's aftermath that never name the street, the suspect or
# what happened: they read like the vigil and court reports, not like the first news.
BAKERY_AFTERMATH = [
    (
        "Millbrook vigil draws hundreds",
        "Candles lined the pavement in Millbrook on Sunday night as hundreds gathered to mourn. Speakers "
        "at the vigil asked the town to stand together, and a choir sang outside the shuttered shop.",
    ),
    (
        "Millbrook suspect held without bail",
        "A Millbrook judge on Monday ordered the suspect held without bail and set a hearing for next "
        "month. Defence lawyers asked for a psychiatric assessment, and the prosecutor said more charges "
        "may follow.",
    ),
]


def _misplaced(monkeypatch: pytest.MonkeyPatch) -> tuple[StoryClusterer, list[int]]:
    """The bakery's first reports in one story; its aftermath, two of its follow-ups and the
    school shooting's three reports all in another, as an early wrong turn would leave them.
    Returns the clusterer and the window its refine would re-place."""
    first = articles(FIRST_SHOOTING, "2024-03-02", "t")
    mixed = (
        articles(BAKERY_AFTERMATH, "2024-03-04", "a")
        + articles(BAKERY_FOLLOWING[:2], "2024-03-04", "b")
        + articles(SECOND_SHOOTING, "2024-03-02", "o")
    )
    opens = {"t0", "a0"}

    def choose(self: StoryClusterer, record) -> str | None:
        if record.id in opens:
            return None
        leader = "t0" if record.id.startswith("t") else "a0"
        return self.find(self.records[self.positions[leader]].story)

    monkeypatch.setattr(StoryClusterer, "_choose", choose)
    clusterer = StoryClusterer()
    for article in first + mixed:
        clusterer.add(article)
    window, clusterer._since_refine = clusterer._since_refine, []
    return clusterer, window


def test_reports_that_stayed_for_others_sake_follow_them_when_they_leave(monkeypatch) -> None:
    # One pass re-places the aftermath reports first, while the two follow-ups they resemble are
    # still beside them, so they stay with the school shooting; the follow-ups then leave for the
    # bakery story. Settling re-places the stories a pass changed until nothing moves.
    bakery = {"t0", "t1", "t2", "a0", "a1", "b0", "b1"}
    school = {"o0", "o1", "o2"}
    clusterer, window = _misplaced(monkeypatch)
    for position in window:
        clusterer._replace(position)
    assert {"a0", "a1"} <= next(g for g in stories_of(clusterer.assignments()) if "o0" in g)

    clusterer, window = _misplaced(monkeypatch)
    clusterer._settle(window)
    assert stories_of(clusterer.assignments()) == sorted([bakery, school], key=sorted)
    settled = {a.id: a.story for a in clusterer.assignments()}
    for position in window:
        clusterer._replace(position)
    assert {a.id: a.story for a in clusterer.assignments()} == settled
