"""Sentences -> facts: which sentences of different articles report the same thing.

Each sentence of a story is placed in exactly one fact by average-linkage clustering over a
similarity that blends five signals, because none is enough alone:

- meaning: cosine of the sentences' MiniLM embeddings (paraphrase without shared words);
- content words: idf-weighted overlap of their stems, idf taken within the story, so words every
  outlet repeats (the main actors) count for little and rare shared details count for much;
- figures: a numeral both sentences give;
- events: a predicate-argument triple both sentences hold (analyze/events.py), so "the talks
  collapsed" meets "the failed negotiations" though they share no content word;
- mutual best match: each sentence is the other's closest in the other's article.

Average linkage (not single) keeps one loose pair from chaining two facts together. The weights
were chosen on the ECB+ train topics and checked on its dev topics (bench/align_ecbplus.py); the
threshold depends on how coarse a fact should be (see CLAIM and EVENT below).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from newsprism.analyze.dates import MONTH_ABBREV, MONTHS, WEEKDAY_ABBREV, WEEKDAYS
from newsprism.compare.lexicon import content_stems, numbers_in


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """Blend weights and the linkage threshold (a similarity, 0..~1.5).

    `w_event` was set on ECB+ (bench/align_ecbplus.py): at claim level, train and dev link F1 rise
    up to 0.4-0.5, but from 0.4 a triple whose agent the reader cannot resolve ("he would
    contemplate participating in the talks") starts to link two people's different plans; 0.3
    keeps most of the gain. At event level 0.2 is best on the mean of train and dev.

    `event_roles` says which triples count: an agent or theme names who or what took part; a
    "class" triple only says that both sentences tell of, say, an arrest. Within one story that
    is the same happening (event level: ECB+ train 0.477 -> 0.491, dev 0.690 -> 0.700), but not
    yet the same claim.
    """

    w_cosine: float = 0.6
    w_lexical: float = 0.7
    w_number: float = 0.0
    w_mutual: float = 0.1
    w_event: float = 0.3
    event_roles: frozenset[str] = frozenset({"agent", "theme"})
    same_article_discount: float = 1.0
    threshold: float = 0.62


CLAIM = AlignConfig()
"""Claim level, the default: sentences are one fact when they state the same thing. Tuned so
that topical neighbours (same actors, same talks, different claims) stay apart."""

EVENT = AlignConfig(threshold=0.22, w_event=0.2, event_roles=frozenset({"agent", "theme", "class"}))
"""Event level: every sentence about the same happening joins one fact, the granularity of
ECB+'s event coreference (bench/align_ecbplus.py reports both)."""

GRANULARITIES = {"claim": CLAIM, "event": EVENT}


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """One sentence of the story: which article (by position), which sentence, and its text.

    `anchors` are terms the analysis found in the sentence beyond its words: resolved dates and
    numeric values. They join the sentence's content stems in the tf-idf bag, so "Wednesday" and
    "May 14" count as shared. `events` are its (event class, role, argument) triples, arguments
    folded to story-level actors.
    """

    article: int
    sentence: int
    text: str
    anchors: frozenset[str] = frozenset()
    events: frozenset[tuple[str, str, str]] = frozenset()


def lexical_overlap(bags: Sequence[frozenset[str]]) -> np.ndarray:
    """Pairwise cosine of tf-idf vectors over each sentence's bag of terms, idf taken in the story.

    Cosine rather than Jaccard, so a long sentence that shares three specific terms with a short
    one is not drowned by its own length.
    """
    vocab: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            vocab.setdefault(term, len(vocab))
    n = len(bags)
    if not vocab:
        return np.zeros((n, n))
    df = Counter(term for bag in bags for term in bag)
    weights = np.zeros((n, len(vocab)))
    for row, bag in enumerate(bags):
        for term in bag:
            weights[row, vocab[term]] = math.log((n + 1) / (df[term] + 0.5))
    norms = np.linalg.norm(weights, axis=1)
    norms[norms == 0] = 1.0
    unit = weights / norms[:, None]
    return np.asarray(unit @ unit.T)


def shared_numbers(texts: Sequence[str]) -> np.ndarray:
    sets = [numbers_in(t) for t in texts]
    n = len(texts)
    out = np.zeros((n, n))
    for i in range(n):
        if not sets[i]:
            continue
        for j in range(i + 1, n):
            if sets[i] & sets[j]:
                out[i, j] = out[j, i] = 1.0
    return out


def shared_events(
    refs: Sequence[SentenceRef], roles: frozenset[str] = frozenset({"agent", "theme"})
) -> np.ndarray:
    """1 where two sentences hold a common (event class, role, argument) triple with a role in `roles`.

    One sparse sentence-by-triple incidence product instead of a set intersection per pair, so
    a story of 4,000 sentences costs about 0.3 s.
    """
    vocab: dict[tuple[str, str, str], int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, ref in enumerate(refs):
        for triple in ref.events:
            if triple[1] not in roles:
                continue
            rows.append(row)
            cols.append(vocab.setdefault(triple, len(vocab)))
    n = len(refs)
    if not vocab:
        return np.zeros((n, n))
    incidence = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
    shared = (incidence @ incidence.T).toarray() > 0
    np.fill_diagonal(shared, False)
    return shared.astype(float)


def mutual_best(cosine: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """1 where two sentences of different articles are each other's closest in that article."""
    n = len(articles)
    best_in = np.full((n, n), False)
    for art in np.unique(articles):
        cols = np.flatnonzero(articles == art)
        sub = cosine[:, cols]
        best_in[np.arange(n), cols[np.argmax(sub, axis=1)]] = True
    mutual = best_in & best_in.T
    mutual &= articles[:, None] != articles[None, :]
    return mutual.astype(float)


_STAMP_WORDS = frozenset(
    {
        *WEEKDAYS,
        *MONTHS,
        *WEEKDAY_ABBREV,
        *MONTH_ABBREV,
        "posted",
        "updated",
        "published",
        "last",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "et",
        "est",
        "edt",
        "gmt",
        "utc",
        "bst",
        "cet",
        "on",
        "at",
        "by",
    }
)
_TOKEN = re.compile(r"[A-Za-z]+")


def timestamp_line(text: str) -> bool:
    """A dateline or time stamp ("Posted: May 3, 2025, 3:23 PM ET"): it says when an outlet
    wrote, not what happened, and two outlets that publish on one day agree on nothing."""
    words = [w.lower() for w in _TOKEN.findall(text)]
    return bool(re.search(r"\d", text)) and sum(w not in _STAMP_WORDS for w in words) < 2


def similarity(refs: Sequence[SentenceRef], vectors: np.ndarray, config: AlignConfig) -> np.ndarray:
    """The blended sentence-by-sentence similarity the clustering runs on."""
    texts = [r.text for r in refs]
    articles = np.array([r.article for r in refs])
    cosine = np.clip(vectors @ vectors.T, -1.0, 1.0)
    bags = [content_stems(r.text) | r.anchors for r in refs]
    sim = (
        config.w_cosine * cosine
        + config.w_lexical * lexical_overlap(bags)
        + config.w_number * shared_numbers(texts)
        + config.w_mutual * mutual_best(cosine, articles)
        + config.w_event * shared_events(refs, config.event_roles)
    )
    # An article rarely reports one thing twice; two of its sentences that look alike are
    # usually a claim and its follow-up. Only other outlets' sentences pull a fact together.
    sim[articles[:, None] == articles[None, :]] *= 1.0 - config.same_article_discount
    stamps = np.array([timestamp_line(t) for t in texts])
    sim[stamps, :] = 0.0
    sim[:, stamps] = 0.0
    return np.asarray(sim)


def cluster_sentences(
    refs: Sequence[SentenceRef], vectors: np.ndarray, config: AlignConfig | None = None
) -> list[list[int]]:
    """Group sentence positions into facts; groups come back in reading order of their first sentence."""
    config = config or AlignConfig()
    n = len(refs)
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    sim = similarity(refs, vectors, config)
    dist = np.clip(1.0 - sim, 0.0, None)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - config.threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for pos, label in enumerate(labels):
        groups.setdefault(int(label), []).append(pos)
    return sorted(groups.values(), key=lambda g: (refs[g[0]].article, refs[g[0]].sentence))
