"""What the aligner knows about each sentence of a story, and the evidence for each pair.

Whether two sentences of different outlets state the same claim is decided by a learned model
(compare/links.py) over evidence a careful reader uses, computed here for every pair at once,
one pair of articles at a time (memory follows the two largest articles, never the story):

- meaning: cosine of the sentences' vectors, the best cosine between their parts (clauses and
  quotations, pooled from the same encoder pass), and a word-by-word soft match (each content
  word's closest word in the other sentence, weighted by rarity), whose recall and precision
  show when one sentence states part of what the other states;
- the same words: tf-idf cosine of content stems with idf taken in the story, the summed rarity
  of shared stems, shared word trigrams, and shared trigrams inside quotation marks (one outlet
  repeating another's quotation inside a sentence built differently);
- the same details: figures, resolved dates, actors (folded across outlets) weighted by rarity,
  a quotation's speaker, predicate-argument triples from analyze/events.py, and whether one
  sentence denies what the other affirms ("will not travel" against "would consider travelling");
- where they stand: each sentence's rank among the other article's sentences, mutual best
  match, position in the article (leads state the main claim), length, headline.

A dateline or time stamp is never weighed against anything: it says when an outlet wrote.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.compare.actors import ActorIndex
from newsprism.compare.config import DEFAULT_ALIGN, AlignConfig
from newsprism.lang.data import word_set
from newsprism.lang.dates import MONTH_ABBREV, MONTHS, WEEKDAY_ABBREV, WEEKDAYS
from newsprism.lang.encoder import TokenVectors, embed_with_tokens
from newsprism.lang.fold import fold
from newsprism.lang.languages import LIGHT_LANGUAGES, language_words
from newsprism.lang.lexicon import STOPWORDS, WORD, content_stems
from newsprism.lang.multilingual import embed_multilingual
from newsprism.lang.paraphrase import DIMENSIONS as PARAPHRASE_DIMENSIONS
from newsprism.lang.paraphrase import embed_paraphrase
from newsprism.model import Analysis

FEATURES = (
    "cosine",
    "part_cosine",
    "soft_f1",
    "soft_max",
    "soft_min",
    "lexical",
    "shared_idf",
    "shared_terms",
    "shared_trigrams",
    "quoted_trigrams",
    "numbers",
    "dates",
    "actors",
    "actor_idf",
    "same_speaker",
    "speakers",
    "event_triple",
    "event_class",
    "mutual_best",
    "rank_min",
    "rank_max",
    "position_min",
    "position_max",
    "words_min",
    "words_max",
    "short",
    "headline",
    "polarity_clash",
    "negation_differs",
)
"""The evidence for one pair, in the order the link model's weights are stored."""

SHORT_WORDS = 6
"""Below this, a sentence ("It's wrong.") is too short to carry a claim a reader could trace."""

_STAMP_WORDS = word_set("posted updated published last am pm a p m et est edt gmt utc bst cet on at by") | {
    *WEEKDAYS,
    *MONTHS,
    *WEEKDAY_ABBREV,
    *MONTH_ABBREV,
}
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _calendar_words() -> frozenset[str]:
    """The words a dateline may hold in every language read here: English stamp words, and
    each light language's months, weekdays and the words that join a date ("1 de marzo de")."""
    found: set[str] = set(_STAMP_WORDS)
    for code in LIGHT_LANGUAGES:
        words = language_words(code)
        found |= set(words.months) | set(words.weekdays) | words.date_joiners | words.year_words
    return frozenset(found)


def timestamp_line(text: str) -> bool:
    """A dateline or time stamp ("Posted: May 3, 2025, 3:23 PM ET", "1 de marzo de 2008"): it says
    when an outlet wrote, not what happened, and two outlets that publish on one day agree on
    nothing."""
    if not re.search(r"\d", text):
        return False
    calendar = _calendar_words()
    return sum(w.lower() not in calendar for w in _LETTERS.findall(text)) < 2


_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{3,})[\"“”«»]")


@dataclass(slots=True)
class SentenceSignal:
    """One sentence of the story as the aligner sees it."""

    article: int
    sentence: int
    text: str
    start: int
    bag: frozenset[str]
    """Content stems plus resolved dates ("@date:2025-05-14") and figures ("@num:12")."""
    events: frozenset[tuple[str, str, str]] = frozenset()
    actors: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    polarity: frozenset[tuple[str, bool]] = frozenset()
    """(event class, denied) of each predicate: "will not travel" gives ("travel", True)."""
    parts: list[tuple[int, int]] = field(default_factory=list)
    """Character spans (into the article) of the parts that state a claim of their own."""


@dataclass(slots=True)
class StorySignals:
    """Every sentence of a story with its vectors, and the story-wide rarity of what they share."""

    sentences: list[SentenceSignal]
    vectors: np.ndarray
    part_vectors: list[np.ndarray]
    """Per sentence: a row per part, the whole sentence first."""
    part_spans: list[list[tuple[int, int]]]
    """Per sentence: each part's character span in its article, in the order of `part_vectors`."""
    tokens: list[np.ndarray]
    """Per sentence: unit vectors of its content word pieces."""
    token_weights: list[np.ndarray]
    idf: dict[str, float]
    actor_idf: dict[str, float]
    languages: list[str] = field(default_factory=list)
    """Per article (the `article` of each sentence): its language, "en" when not given."""
    multilingual: np.ndarray | None = None
    """Per sentence: a unit vector in the multilingual encoder's space (lang/multilingual.py),
    computed only when the story holds an article that is not in English (else None)."""
    _paraphrase: dict[int, np.ndarray] = field(default_factory=dict)
    _index: dict[str, tuple[csr_matrix, csr_matrix]] = field(default_factory=dict)
    _scalars: dict[str, np.ndarray] = field(default_factory=dict)
    _unit_bags: csr_matrix | None = None

    def paraphrase(self, positions: np.ndarray) -> np.ndarray:
        """Unit vectors of these sentences from the second meaning model (lang/paraphrase.py),
        one row per position; each sentence is read once per story, and only when asked for (a
        sentence that wire copies repeat word for word, once)."""
        todo = sorted({int(p) for p in positions} - self._paraphrase.keys())
        if todo:
            texts = sorted({self.sentences[p].text for p in todo})
            by_text = dict(zip(texts, embed_paraphrase(texts), strict=True))
            for position in todo:
                self._paraphrase[position] = by_text[self.sentences[position].text]
        if not len(positions):
            return np.zeros((0, PARAPHRASE_DIMENSIONS), np.float32)
        return np.stack([self._paraphrase[int(p)] for p in positions])

    def rows_of(self, article: int) -> np.ndarray:
        return np.flatnonzero(np.array([s.article == article for s in self.sentences]))

    def incidence(self, family: str) -> tuple[csr_matrix, csr_matrix]:
        """A row per sentence, a column per item of `family` (FAMILIES) in the story: ones and
        the items' weights; built once per story, sliced for each pair of articles."""
        if family not in self._index:
            if family in ("polarity", "polarity_flipped"):
                # One vocabulary for both: each sentence's predicates as written, and flipped.
                n = len(self.sentences)
                both = [_signed(s) for s in self.sentences] + [_flipped(s) for s in self.sentences]
                ones, weights = _incidence(both)
                self._index["polarity"] = ones[:n], weights[:n]
                self._index["polarity_flipped"] = ones[n:], weights[n:]
            else:
                items, weight = FAMILIES[family]
                self._index[family] = _incidence([items(s) for s in self.sentences], weight(self))
        return self._index[family]

    def unit_bags(self) -> csr_matrix:
        """Each sentence's tf-idf bag (binary tf, idf in the story) at unit length."""
        if self._unit_bags is None:
            _, weights = self.incidence("bag")
            norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
            self._unit_bags = csr_matrix(weights.multiply(1.0 / np.maximum(norms, 1e-9)[:, None]))
        return self._unit_bags

    def scalar(self, name: str) -> np.ndarray:
        """A per-sentence number (SCALARS), computed once per story."""
        if name not in self._scalars:
            self._scalars[name] = np.array([SCALARS[name](s) for s in self.sentences], float)
        return self._scalars[name]


def _words(text: str) -> list[str]:
    return [m.group().replace("’", "'") for m in WORD.finditer(fold(text))]


def _trigrams(words: list[str]) -> set[str]:
    return {" ".join(words[k : k + 3]) for k in range(len(words) - 2)}


def _quoted_trigrams(text: str) -> set[str]:
    out: set[str] = set()
    for quoted in _QUOTED.findall(text.replace("‘", "“").replace("’’", "”")):
        out |= _trigrams(_words(quoted))
    return out


def _content_pieces(text: str, tokens: TokenVectors) -> list[int]:
    """Word pieces of content words: not stopwords, not punctuation."""
    keep = []
    for k, (lo, hi) in enumerate(tokens.spans):
        piece = text[lo:hi]
        if not any(c.isalnum() for c in piece):
            continue
        start, end = lo, hi  # widen to the whole word to test it against the stopword list
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        if fold(text[start:end]) not in STOPWORDS:
            keep.append(k)
    return keep


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(rows / norms, dtype=np.float32)


def build_signals(
    analyses: Sequence[Analysis],
    actor_index: ActorIndex,
    anchors: Sequence[dict[int, set[str]]],
    events: Sequence[dict[int, set[tuple[str, str, str]]]],
) -> StorySignals:
    """Read what the analyses emitted into per-sentence signals and embed every sentence once.

    `anchors` and `events` are per analysis, per sentence (compare/align.py folds them to the
    story's actors); entity mentions and quote speakers are folded here through `actor_index`.
    """
    sentences: list[SentenceSignal] = []
    for i, analysis in enumerate(analyses):
        actors: dict[int, set[str]] = {}
        for entity in analysis.entities:
            actor = actor_index.get((analysis.id, entity.id), f"{analysis.id}/{entity.id}")
            for mention in entity.mentions:
                actors.setdefault(mention.sentence, set()).add(actor)
        speakers: dict[int, set[str]] = {}
        parts: dict[int, list[tuple[int, int]]] = {}
        for quote in analysis.quotes:
            if quote.speaker_entity and (speaker := actor_index.get((analysis.id, quote.speaker_entity))):
                speakers.setdefault(quote.sentence, set()).add(speaker)
            parts.setdefault(quote.sentence, []).append((quote.start, quote.end))
        for claim in analysis.claims:
            parts.setdefault(claim.sentence, []).append((claim.start, claim.end))
        polarity: dict[int, set[tuple[str, bool]]] = {}
        for event in analysis.events:
            polarity.setdefault(event.sentence, set()).add((event.frame, event.negated))
        for sentence in analysis.sentences:
            index = sentence.index
            own = sorted(
                {(lo, hi) for lo, hi in parts.get(index, []) if sentence.start <= lo < hi <= sentence.end}
            )
            sentences.append(
                SentenceSignal(
                    article=i,
                    sentence=index,
                    text=sentence.text,
                    start=sentence.start,
                    bag=content_stems(sentence.text) | frozenset(anchors[i].get(index, ())),
                    events=frozenset(events[i].get(index, ())),
                    actors=frozenset(actors.get(index, ())),
                    speakers=frozenset(speakers.get(index, ())),
                    polarity=frozenset(polarity.get(index, ())),
                    parts=own,
                )
            )
    vectors, token_vectors = embed_with_tokens([s.text for s in sentences])
    part_vectors, part_spans, tokens, piece_ids = [], [], [], []
    for s, vector, tv in zip(sentences, vectors, token_vectors, strict=True):
        rows, spans = [vector], [(s.start, s.start + len(s.text))]
        for lo, hi in s.parts:
            inside = [k for k, (a, b) in enumerate(tv.spans) if a >= lo - s.start and b <= hi - s.start]
            if inside:
                rows.append(tv.vectors[inside].mean(axis=0))
                spans.append((lo, hi))
        part_vectors.append(_unit(np.stack(rows)))
        part_spans.append(spans)
        keep = _content_pieces(s.text, tv)
        tokens.append(_unit(tv.vectors[keep]) if keep else np.zeros((0, vectors.shape[1]), np.float32))
        piece_ids.append([fold(s.text[a:b]) for a, b in (tv.spans[k] for k in keep)])
    piece_idf = _idf([set(pieces) for pieces in piece_ids])
    languages = [article_language(a) for a in analyses]
    return StorySignals(
        sentences=sentences,
        vectors=vectors,
        part_vectors=part_vectors,
        part_spans=part_spans,
        tokens=tokens,
        token_weights=[np.array([piece_idf[p] for p in pieces], np.float32) for pieces in piece_ids],
        idf=_idf([s.bag for s in sentences]),
        actor_idf=_idf([s.actors for s in sentences]),
        languages=languages,
        multilingual=(
            embed_multilingual([s.text for s in sentences])
            if any(lang != "en" for lang in languages)
            else None
        ),
    )


def article_language(analysis: Analysis) -> str:
    """The analysis's language as a bare ISO 639-1 code ("en" when unknown)."""
    return (analysis.language or "en").split("-")[0].lower()


def _idf(sets: Sequence[Collection[str]]) -> dict[str, float]:
    """Each item's rarity in the story: log((n + 1) / (sentences holding it + 0.5))."""
    counts = Counter(item for found in sets for item in found)
    return {item: math.log((len(sets) + 1) / (count + 0.5)) for item, count in counts.items()}


def _incidence(
    items: Sequence[Collection[str]], weight: dict[str, float] | None = None
) -> tuple[csr_matrix, csr_matrix]:
    """A row per item set, a column per distinct item: ones, and the items' weights."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for row, found in enumerate(items):
        for item in found:
            rows.append(row)
            cols.append(vocab.setdefault(item, len(vocab)))
            vals.append(weight.get(item, 0.0) if weight is not None else 1.0)
    shape = (len(items), max(1, len(vocab)))
    ones = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    return ones, csr_matrix((vals, (rows, cols)), shape=shape)


def ranks(scores: np.ndarray) -> np.ndarray:
    """Each column's rank (0 = best) within its row."""
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    ranks[np.arange(scores.shape[0])[:, None], order] = np.arange(scores.shape[1])[None, :]
    return ranks


class WeighedPairs(Protocol):
    """Pairs weighed between two articles: positions `ii` into `rows` (one article's sentences)
    and `jj` into `cols` (the other's)."""

    @property
    def rows(self) -> np.ndarray: ...
    @property
    def cols(self) -> np.ndarray: ...
    @property
    def ii(self) -> np.ndarray: ...
    @property
    def jj(self) -> np.ndarray: ...


def block_ranks(block: WeighedPairs, probability: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each weighed pair's rank by probability among the other article's sentences, from each
    side (0: the sentence's best match there)."""
    dense = np.full((len(block.rows), len(block.cols)), -1.0)
    dense[block.ii, block.jj] = probability
    return ranks(dense)[block.ii, block.jj], ranks(dense.T).T[block.ii, block.jj]


def candidate_pairs(
    cosine: np.ndarray, lexical: np.ndarray, config: AlignConfig = DEFAULT_ALIGN
) -> tuple[np.ndarray, np.ndarray]:
    """The (row, column) pairs worth weighing: all of them for articles of ordinary length, else
    each sentence's `config.candidates` best by meaning and by words (see `AlignConfig`)."""
    if cosine.size <= config.max_dense_pairs:
        keep = np.ones(cosine.shape, dtype=bool)
    else:
        keep = np.zeros(cosine.shape, dtype=bool)
        best = config.candidates
        for scores in (cosine, lexical):
            keep |= ranks(scores) < best
            keep |= best > ranks(scores.T).T
    rows, cols = np.nonzero(keep)
    return rows, cols


def _segment_max(matrix: np.ndarray, row_bounds: np.ndarray, col_bounds: np.ndarray) -> np.ndarray:
    """Max over each (row segment, column segment) block; every segment is non-empty."""
    by_col = np.maximum.reduceat(matrix, col_bounds[:-1], axis=1)
    return np.asarray(np.maximum.reduceat(by_col, row_bounds[:-1], axis=0))


def _part_cosine(
    signals: StorySignals, rows: np.ndarray, cols: np.ndarray, pairs: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    """Per pair, the best cosine between a part of one sentence and a part of the other (each
    sentence's first part is the sentence itself), computed in row chunks to bound memory."""
    b_parts = [signals.part_vectors[j] for j in cols]
    b_all = np.concatenate(b_parts)
    b_bounds = np.cumsum([0, *(len(p) for p in b_parts)])
    best = np.zeros((len(rows), len(cols)), np.float32)
    for lo in range(0, len(rows), 256):
        chunk = [signals.part_vectors[i] for i in rows[lo : lo + 256]]
        bounds = np.cumsum([0, *(len(p) for p in chunk)])
        best[lo : lo + len(chunk)] = _segment_max(np.concatenate(chunk) @ b_all.T, bounds, b_bounds)
    return np.asarray(best[pairs[0], pairs[1]])


def _soft_match(
    signals: StorySignals, rows: np.ndarray, cols: np.ndarray, pairs: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: how well the first sentence's words are covered by the second's (recall) and
    the reverse, each content word by its closest in the other sentence, weighted by rarity."""
    if len(pairs[0]) == len(rows) * len(cols):
        recall, precision = _soft_match_all(signals, rows, cols)
        return recall[pairs[0], pairs[1]], precision[pairs[0], pairs[1]]
    recall = np.zeros(len(pairs[0]), np.float32)
    precision = np.zeros_like(recall)
    order = np.argsort(pairs[0], kind="stable")
    starts = np.searchsorted(pairs[0][order], np.arange(len(rows) + 1))
    for r, row in enumerate(rows):
        slots = order[starts[r] : starts[r + 1]]
        targets = [int(cols[pairs[1][k]]) for k in slots]
        live = [k for k, j in enumerate(targets) if len(signals.tokens[j])]
        if not len(signals.tokens[row]) or not live:
            continue
        row_recall, row_precision = _coverage(signals, [row], [targets[k] for k in live])
        recall[slots[live]] = row_recall[0]
        precision[slots[live]] = row_precision[0]
    return recall, precision


def _soft_match_all(
    signals: StorySignals, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """`_soft_match` for every pair of two articles of ordinary length, in one product."""
    recall = np.zeros((len(rows), len(cols)), np.float32)
    precision = np.zeros_like(recall)
    live_a = [k for k, i in enumerate(rows) if len(signals.tokens[i])]
    live_b = [k for k, j in enumerate(cols) if len(signals.tokens[j])]
    if live_a and live_b:
        block_recall, block_precision = _coverage(
            signals, [int(rows[k]) for k in live_a], [int(cols[k]) for k in live_b]
        )
        recall[np.ix_(live_a, live_b)] = block_recall
        precision[np.ix_(live_a, live_b)] = block_precision
    return recall, precision


def _coverage(signals: StorySignals, first: list[int], second: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(recall, precision), each len(first) x len(second), for sentences with content words."""
    a = np.concatenate([signals.tokens[i] for i in first])
    b = np.concatenate([signals.tokens[j] for j in second])
    a_weight = np.concatenate([signals.token_weights[i] for i in first])
    b_weight = np.concatenate([signals.token_weights[j] for j in second])
    a_bounds = np.cumsum([0, *(len(signals.tokens[i]) for i in first)])[:-1]
    b_bounds = np.cumsum([0, *(len(signals.tokens[j]) for j in second)])[:-1]
    sim = a @ b.T
    best_in_b = np.maximum.reduceat(sim, b_bounds, axis=1)  # each word of a, per sentence of b
    recall = np.add.reduceat(best_in_b * a_weight[:, None], a_bounds, axis=0)
    recall /= np.maximum(np.add.reduceat(a_weight, a_bounds), 1e-9)[:, None]
    best_in_a = np.maximum.reduceat(sim, a_bounds, axis=0)  # each word of b, per sentence of a
    precision = np.add.reduceat(best_in_a * b_weight[None, :], b_bounds, axis=1)
    precision /= np.maximum(np.add.reduceat(b_weight, b_bounds), 1e-9)[None, :]
    return recall, precision


def _signed(s: SentenceSignal) -> set[str]:
    return {f"{frame}|{negated}" for frame, negated in s.polarity}


def _flipped(s: SentenceSignal) -> set[str]:
    return {f"{frame}|{not negated}" for frame, negated in s.polarity}


def _kinds(s: SentenceSignal, prefix: str) -> set[str]:
    return {t for t in s.bag if t.startswith(prefix)}


def _triples(s: SentenceSignal, classes: bool) -> set[str]:
    return {"|".join(t) for t in s.events if (t[1] == "class") == classes}


def _no_weight(_: StorySignals) -> dict[str, float] | None:
    return None


FAMILIES: dict[
    str, tuple[Callable[[SentenceSignal], Collection[str]], Callable[[StorySignals], dict[str, float] | None]]
] = {
    "bag": (lambda s: s.bag, lambda story: story.idf),
    "trigrams": (lambda s: _trigrams(_words(s.text)), _no_weight),
    "quoted": (lambda s: _quoted_trigrams(s.text), _no_weight),
    "numbers": (lambda s: _kinds(s, "@num:"), _no_weight),
    "dates": (lambda s: _kinds(s, "@date:"), _no_weight),
    "actors": (lambda s: s.actors, lambda story: story.actor_idf),
    "speakers": (lambda s: s.speakers, _no_weight),
    "marked": (lambda s: marked_tokens(s.text), _no_weight),
    "triples": (lambda s: _triples(s, False), _no_weight),
    "classes": (lambda s: _triples(s, True), _no_weight),
}
"""Sets of items each sentence holds, and the weight of an item in the story (None: count)."""

SCALARS: dict[str, Callable[[SentenceSignal], float]] = {
    "words": lambda s: len(_words(s.text)),
    "position": lambda s: s.sentence,
    "time_stamp": lambda s: timestamp_line(s.text),
    "denies": lambda s: any(negated for _, negated in s.polarity),
    "speaks": lambda s: bool(s.speakers),
}


def _row_dots(left: csr_matrix, right: csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Per pair k, the dot product of row first[k] of `left` and row second[k] of `right`."""
    if not len(first):
        return np.zeros(0)
    return np.asarray(left[first].multiply(right[second]).sum(axis=1)).ravel()


def marked_tokens(text: str) -> frozenset[str]:
    """The words a translation keeps as they are: those with a capital or a digit (names,
    acronyms, figures), folded, with digit groups joined ("40.000" and "40,000" -> "40000")."""
    out = set()
    for word in _MARKED.findall(text):
        if any(c.isdigit() for c in word):
            out.add(re.sub(r"\D", "", word))
        elif word[0].isupper() and len(word) > 1:
            out.add(fold(word))
    return frozenset(out)


_MARKED = re.compile(r"[^\W_][\w.,'’-]*[^\W_]|[^\W_]")


def shared_items(signals: StorySignals, first: np.ndarray, second: np.ndarray) -> dict[str, np.ndarray]:
    """How many figures, resolved dates, actors and marked words (`marked_tokens`) each pair of
    sentence positions shares."""
    return {
        family: _shared(signals, family, first, second) for family in ("numbers", "dates", "actors", "marked")
    }


def _shared(
    signals: StorySignals, family: str, first: np.ndarray, second: np.ndarray, weighted: bool = False
) -> np.ndarray:
    ones, weights = signals.incidence(family)
    return _row_dots(weights if weighted else ones, ones, first, second)


def _shared_columns(signals: StorySignals, first: np.ndarray, second: np.ndarray) -> dict[str, np.ndarray]:
    """The evidence that counts items two sentences share, for pairs of sentence positions,
    computed for all pairs of a story at once (one sparse gather per kind of item)."""

    def shared(family: str, weighted: bool = False) -> np.ndarray:
        return _shared(signals, family, first, second, weighted)

    flipped, _ = signals.incidence("polarity_flipped")
    signed, _ = signals.incidence("polarity")
    return {
        "shared_idf": np.log1p(shared("bag", weighted=True)),
        "shared_terms": np.log1p(shared("bag")),
        "shared_trigrams": np.log1p(np.minimum(shared("trigrams"), 20)),
        "quoted_trigrams": np.log1p(np.minimum(shared("quoted"), 20)),
        "numbers": np.minimum(shared("numbers"), 3),
        "dates": np.minimum(shared("dates"), 3),
        "actors": np.minimum(shared("actors"), 5),
        "actor_idf": np.log1p(shared("actors", weighted=True)),
        "same_speaker": shared("speakers") > 0,
        "event_triple": shared("triples") > 0,
        "event_class": shared("classes") > 0,
        # The same predicate affirmed in one sentence and denied in the other: two claims.
        "polarity_clash": _row_dots(flipped, signed, first, second) > 0,
    }


@dataclass(slots=True)
class PairBlock:
    """The weighed pairs between two articles: positions into `rows` and `cols`, and a row of
    FEATURES per pair."""

    rows: np.ndarray
    cols: np.ndarray
    ii: np.ndarray
    jj: np.ndarray
    features: np.ndarray


def pair_features(
    signals: StorySignals, rows: np.ndarray, cols: np.ndarray, config: AlignConfig = DEFAULT_ALIGN
) -> PairBlock:
    """Evidence (FEATURES, in order) for the candidate pairs of `rows` (one article's
    sentences, as positions in `signals.sentences`) and `cols` (another's)."""
    (block,) = story_pair_features(signals, [(rows, cols)], config)
    return block


def story_pair_features(
    signals: StorySignals,
    blocks: Sequence[tuple[np.ndarray, np.ndarray]],
    config: AlignConfig = DEFAULT_ALIGN,
) -> list[PairBlock]:
    """`pair_features` for many pairs of articles, the items they share counted in one pass."""
    partial = [_block_columns(signals, rows, cols, config) for rows, cols in blocks]
    first = np.concatenate([rows[ii] for (rows, _), (ii, _, _) in zip(blocks, partial, strict=True)] or [[]])
    second = np.concatenate([cols[jj] for (_, cols), (_, jj, _) in zip(blocks, partial, strict=True)] or [[]])
    shared = _shared_columns(signals, first.astype(int), second.astype(int))
    out, at = [], 0
    for (rows, cols), (ii, jj, columns) in zip(blocks, partial, strict=True):
        columns.update({name: values[at : at + len(ii)] for name, values in shared.items()})
        at += len(ii)
        features = np.stack([np.asarray(columns[name], float) for name in FEATURES], axis=-1)
        out.append(
            PairBlock(rows=rows, cols=cols, ii=ii, jj=jj, features=features.reshape(len(ii), len(FEATURES)))
        )
    return out


def _block_columns(
    signals: StorySignals, rows: np.ndarray, cols: np.ndarray, config: AlignConfig
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The candidate pairs of two articles and the evidence that needs the pair's block: meaning,
    word overlap, ranks, positions."""
    cosine = np.clip(signals.vectors[rows] @ signals.vectors[cols].T, -1.0, 1.0)
    unit = signals.unit_bags()
    lexical_all = np.asarray((unit[rows] @ unit[cols].T).toarray())
    ii, jj = candidate_pairs(cosine, lexical_all, config)
    # A dateline or time stamp says when an outlet wrote, not what happened: never a link.
    stamp = signals.scalar("time_stamp") > 0
    keep = ~(stamp[rows][ii] | stamp[cols][jj])
    pairs = ii, jj = ii[keep], jj[keep]

    def per_pair(name: str) -> tuple[np.ndarray, np.ndarray]:
        values = signals.scalar(name)
        return values[rows][ii], values[cols][jj]

    recall, precision = _soft_match(signals, rows, cols, pairs)
    total = recall + precision
    rank_ab, rank_ba = ranks(cosine)[ii, jj], ranks(cosine.T).T[ii, jj]
    pos_a, pos_b = per_pair("position")
    len_a, len_b = per_pair("words")
    denied_a, denied_b = per_pair("denies")
    speaks_a, speaks_b = per_pair("speaks")
    columns = {
        "cosine": cosine[ii, jj],
        "part_cosine": _part_cosine(signals, rows, cols, pairs),
        "soft_f1": np.where(total > 0, 2 * recall * precision / np.maximum(total, 1e-9), 0.0),
        "soft_max": np.maximum(recall, precision),
        "soft_min": np.minimum(recall, precision),
        "lexical": lexical_all[ii, jj],
        "speakers": speaks_a + speaks_b,
        "mutual_best": (rank_ab == 0) & (rank_ba == 0),
        "rank_min": np.log1p(np.minimum(rank_ab, rank_ba)),
        "rank_max": np.log1p(np.maximum(rank_ab, rank_ba)),
        "position_min": np.log1p(np.minimum(pos_a, pos_b)),
        "position_max": np.log1p(np.maximum(pos_a, pos_b)),
        "words_min": np.log1p(np.minimum(len_a, len_b)),
        "words_max": np.log1p(np.maximum(len_a, len_b)),
        "short": np.minimum(len_a, len_b) < SHORT_WORDS,
        "headline": (pos_a == 0) | (pos_b == 0),
        "negation_differs": denied_a != denied_b,
    }
    return ii, jj, columns
