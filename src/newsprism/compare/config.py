"""Every number a comparison is tuned by, in one frozen value that `compare()` takes.

The rules of compare/ are written to stay quiet when unsure; how quiet is set by a handful of
thresholds (how alike two sentences must be before their values are compared, how far apart two
figures may be and still agree, how many sentences the brief holds). They live here, with the
values the evaluation sets settled on as defaults, so that an experiment changes one value
instead of a module constant, and a caller can see at a glance what can be tuned.

The learned parts are not here: the link model's weights, cut-offs, fact density and brief trust
are data (compare/link_model.json), trained by bench/train_links.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """How sentences are linked into facts.

    `granularity` is "claim" (sentences that state the same claim are one fact) or "event"
    (sentences about the same happening are); it picks the shipped link model. Above
    `max_dense_pairs` sentence pairs between two articles, only each sentence's `candidates`
    closest in meaning or words in the other article are weighed: two very long articles then
    cost what two ordinary ones do, and a pair outside every such list has never been a link in
    the evaluation sets.

    The second look (compare/second_look.py) reads at most `second_looks` sentences of a story,
    those the first look finds the likeliest matches for: it is the slow part of a comparison,
    and this bounds it (about a second and a half on a 2-core machine) however large the story.
    A three-outlet story rarely has more candidates than this; a larger one keeps the first
    look's probabilities for the rest.
    """

    granularity: str = "claim"
    max_dense_pairs: int = 40_000
    candidates: int = 12
    second_looks: int = 24


@dataclass(frozen=True, slots=True)
class CompareConfig:
    """The alignment, then the thresholds of the discrepancy, framing and brief rules.

    Parallel sentences (discrepancies.py): two sentences of one fact, from different articles,
    have their values compared when each has at least `parallel_min_words` content stems and they
    share `parallel_min_shared` of them, at least `parallel_min_overlap` of the shorter one.
    `date_context_words` words each side of a date say what it dates; `place_context_words`
    words before a place's preposition say what happened there (analysis keeps eight words on
    each side, so neither reads further than that).

    Figures (quantities.py): two exact figures agree within `exact_tolerance` (relative, each
    way: rounding), hedged ones ("about 30") within `approx_tolerance`; two figures more than
    `max_figure_ratio` apart count different things, not the same thing differently.

    Participants (attendance.py): a list of people allows `list_gap_words` words between two
    names (a title, an age, a home town); two lists are compared when the longer names at least
    `min_listed` people and the shorter `min_listed_other` (analysis reads a list only where a
    sentence names two people or more, so a sentence naming one person lists nobody).

    Spelling (spelling.py): two words of four letters or more
    (`respelling_min_letters`) with the same first letter are one name respelled when their
    similarity ratio reaches `respelling_ratio` ("Kiev" / "Kyiv").

    Brief (brief.py): up to `brief_agreed` corroborated facts, then up to `brief_differences`
    discrepancies; an outlet's mention of a fact counts 1 / (1 + position / `lead_decay`), so a
    lead counts 1 and a sentence `lead_decay` sentences in counts half.

    The timeline has nothing to tune: it lists every resolved date.
    """

    align: AlignConfig = field(default_factory=AlignConfig)
    parallel_min_words: int = 3
    parallel_min_shared: int = 3
    parallel_min_overlap: float = 0.4
    date_context_words: int = 3
    place_context_words: int = 4
    exact_tolerance: float = 0.01
    approx_tolerance: float = 0.12
    max_figure_ratio: float = 10.0
    list_gap_words: int = 6
    min_listed: int = 3
    min_listed_other: int = 2
    respelling_ratio: float = 0.7
    respelling_min_letters: int = 4
    brief_agreed: int = 4
    brief_differences: int = 2
    lead_decay: float = 3.0


DEFAULT_ALIGN = AlignConfig()
DEFAULT_CONFIG = CompareConfig()
