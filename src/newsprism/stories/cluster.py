"""Articles -> stories, incrementally: each article joins the story it fits on average, or opens one.

Why this shape:

- *Average fit*, not nearest neighbour: an article joins a story when its mean similarity to the
  story's articles clears the threshold (the online form of average linkage). A single close
  member cannot chain two events together. With unit vectors the mean similarity is a dot product
  with the members' sum, so a story keeps sums, not its members' vectors, for placing.
- *Three views of an article*: its title-and-lead vector (MiniLM: paraphrase), its content words
  (tf-idf: details) and its names (tf-idf over capitalised words: who and where). Similar events
  share a vocabulary but differ in names and dates; no single view separates them (ECB+ dev).
- *Dates decide, the event's and on average*: an article is placed at the day its event happened
  (analyze/details.py: "Monday night" against the publication day), not the day it was
  published. It pays a penalty for each member of a story in proportion to how far their days
  lie apart, averaged like the similarities, so a story that chained reports over months gives
  no free pass to a new one landing anywhere inside its span; stories with no member within the
  time window are not candidates at all. Only a whole story that agrees with another far more
  closely than an article must (`follow_up_fit`), and names one of its people or was reported
  by other outlets, is taken for the same event followed up months later and merges across the
  gap: the same outlet and the same kind of event are not a follow-up.
- *Details veto*: two reports of one kind of event in one town share their words; what tells
  them apart is the place, the people, the ages and the day it happened (analyze/details.py).
  Where these disagree, the link model (stories/evidence.py) weighs them with the similarities
  and may refuse a join or merge the fit would make; where they agree, or are not given, the
  fit decides alone, so news without such details is placed as it always was.
- *Candidates from an index* (stories/index.py), never from all stories: placing an article costs
  the same at 10,000 articles as at 100,000.
- *Evidence can change the past*: every `refine_every` articles (and at the end) stories that
  grew are compared with their own candidates and merged when they fit together as well as an
  article must fit a story; the articles placed in that window are re-placed where they now fit
  best; a story whose articles hold two events is split (stories/split.py); and the window is
  re-placed once more, so an article cut onto the wrong side of a split settles where it fits.
  Each re-placing goes on over the stories that gained or lost an article until none moves:
  once two reports of another event leave a story, the reports that stayed for their sake follow.
  A story keeps its id unless it merges into a larger one or loses the smaller part of a split.
- *Copies are not evidence*: a near-duplicate (stories/dedup.py) joins its original's story
  without weighing on it, so ten wire copies do not drag a story toward their wording. Nor do
  they cost an encoder pass: `add_many` asks the duplicate index before it embeds a batch.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice, repeat
from operator import mul

import numpy as np

from newsprism.lang.languages import base_language
from newsprism.model import Analysis, Article, Placement
from newsprism.stories.dedup import DuplicateIndex
from newsprism.stories.evidence import (
    PEOPLE_SHARED,
    SAME_OUTLET,
    Details,
    Evidence,
    LinkModel,
    day_conflict,
    default_model,
    detail_conflict,
    details_agree,
    outlet_again,
    pair_features,
)
from newsprism.stories.features import placement
from newsprism.stories.index import CandidateIndex
from newsprism.stories.split import MIN_PART, bisect

Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Weights, threshold and time rules of the average fit (tuned on ECB+ dev and BASIL dev),
    and the link model that vetoes a join or merge the details speak against (stories/evidence.py,
    cut-offs chosen on half A of gva-dev by bench/train_stories.py)."""

    w_vector: float = 1.0
    w_terms: float = 1.0
    w_names: float = 1.0
    threshold: float = 0.26
    """Mean similarity (weighted over the three views, 0..1) an article needs to join a story."""
    window_days: int = 60
    """Stories whose days all lie further than this from the article's day are not candidates."""
    date_grace_days: int = 3
    date_full_days: int = 30
    date_penalty: float = 0.15
    """Taken off the fit for each member `date_full_days` or more from the article's day, in
    proportion between `date_grace_days` and that, and averaged over the members. Half A of
    gva-dev prefers a steeper ramp by a hair (F1 0.930 at 0.25 over 14 days against 0.929), but
    ECB+ dev, whose stories run for weeks, loses 0.007 with it, so the ramp tuned on ECB+ and
    BASIL stays."""
    model: LinkModel | None = None
    """None: the shipped model (stories/story_model.json)."""
    max_candidates: int = 24
    key_terms: int = 8
    key_names: int = 8
    kept_terms: int = 64
    kept_names: int = 64
    follow_up_fit: float = 0.35
    """Two stories whose members agree this closely on average (before any date penalty), and
    that name one person in common or share no outlet (`_follows_up`), are one event followed
    over time (the arrest, then the trial months later): they merge across any gap up to
    `follow_up_days`. Two events of one kind agree less (ECB+ dev; BASIL's two rehab stays fall
    below it)."""
    day_veto_size: int = 3
    """The most reports (translations counted once) a story may hold for its event days to veto
    a join or merge, and for one outlet's report days later to be refused (see `_vetoed`)."""
    follow_up_days: int = 730
    """Beyond this gap even close agreement reads as a recurrence (an annual budget vote, a
    yearly summit), not as a follow-up: the ECB+ follow-ups lie within two years."""
    refine_every: int = 2000
    settle_passes: int = 5
    """The most passes `refine` makes over the window before it stops with what it has: each
    pass after the first looks only at the stories the pass before changed. On ECB+ dev and
    gva-dev, in three orders each, none took more than four (the last moving nothing)."""
    split_max: int = 300
    duplicate_threshold: float = 0.8
    across_languages: float = 0.7
    """Cosine in the multilingual encoder's space (lang/multilingual.py) between an article's
    lead and a story's first leads that joins an article to a story in other languages, when no
    story of its own language fits (chosen on half a of MEANTIME dev: bench/train_xling.py --stories)."""


@dataclass(frozen=True, slots=True)
class Assignment:
    """One output line of `newsprism cluster`."""

    id: str
    story: str
    duplicate_of: str | None = None


class Vocabulary:
    """Term -> id, with document frequencies for idf over everything seen so far."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.df: list[int] = []
        self.docs = 0

    def encode(self, bag: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.empty(len(bag), dtype=np.int32)
        tf = np.empty(len(bag), dtype=np.float32)
        for k, (term, weight) in enumerate(bag.items()):
            i = self.ids.get(term)
            if i is None:
                i = self.ids[term] = len(self.df)
                self.df.append(0)
            ids[k] = i
            tf[k] = weight
        return ids, tf

    def count(self, ids: np.ndarray) -> None:
        self.docs += 1
        for i in ids.tolist():
            self.df[i] += 1

    def idf(self, ids: np.ndarray) -> np.ndarray:
        df = np.fromiter((self.df[i] for i in ids.tolist()), dtype=np.float32, count=len(ids))
        return np.log((self.docs + 1) / (df + 1)) + 1.0


@dataclass(slots=True)
class Record:
    """What is kept of a placed article: compact, no text."""

    id: str
    vector: np.ndarray
    terms: tuple[np.ndarray, np.ndarray]
    names: tuple[np.ndarray, np.ndarray]
    day: date | None
    """The day the event happened as the text tells it, else the day it was published."""
    details: Details = field(default_factory=Details)
    story: str = ""
    duplicate_of: str | None = None
    contribution: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]] | None = None
    """The unit term and name weights this article added to its story's sums (None: adds none)."""
    language: str = "en"
    lead: str = ""
    """Title and lead (up to LEAD_KEPT characters), kept after placement only for an article not
    in English, which a refine may place again across languages (`_across_languages`); an English
    article's lead is kept by its story (`StoryState.leads`) while among its first members."""
    multilingual: np.ndarray | None = None
    """The lead's multilingual vector, once an article in another language needed it."""


@dataclass(slots=True)
class StoryState:
    """A story's sums over its (non-duplicate) members, and their days."""

    id: str
    members: list[int] = field(default_factory=list)
    weight: int = 0
    vector: np.ndarray = field(default_factory=lambda: np.zeros(384, dtype=np.float64))
    terms: dict[int, float] = field(default_factory=dict)
    names: dict[int, float] = field(default_factory=dict)
    days: Counter[date] = field(default_factory=Counter)
    """How many (non-duplicate) members lie on each day: the story's place in time."""
    evidence: Evidence = field(default_factory=Evidence)
    languages: set[str] = field(default_factory=set)
    """Every language a member was written in (kept when a member leaves)."""
    per_language: Counter[str] = field(default_factory=Counter)
    """How many (non-duplicate) members are in each language."""
    leads: list[str] = field(default_factory=list)
    """The first LEADS_KEPT members' leads: what an article in another language is compared with."""
    multilingual: np.ndarray | None = None
    """Mean multilingual vector of `leads`, computed when first asked for."""


def _reports(story: StoryState) -> int:
    """How many reports a story holds, its translations counted once: the most members it has
    in any one language. Four versions of one wire report in four languages are one report,
    not a story followed over days."""
    return max(story.per_language.values(), default=0)


LEAD_KEPT = 400
FEW_DAYS = 8
"""Stories on at most this many distinct days average their date penalty without numpy."""
LEADS_KEPT = 2


def story_id(first_article: str) -> str:
    """A story's id: stable, and the same in every run that opens it with the same article."""
    return "s" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


def _sparse_dot(ids: np.ndarray, weights: np.ndarray, sums: dict[int, float]) -> float:
    # map() keeps the loop in C: this is the clusterer's innermost loop (bench/cluster_scale.py).
    return float(sum(map(mul, weights.tolist(), map(sums.get, ids.tolist(), repeat(0.0)))))


def _dict_dot(small: dict[int, float], large: dict[int, float]) -> float:
    """Dot product of two sparse sums, walking the smaller: `_sparse_dot` for two stories."""
    return float(sum(map(mul, small.values(), map(large.get, small, repeat(0.0)))))


def _unit(vocab: Vocabulary, bag: tuple[np.ndarray, np.ndarray], keep: int) -> tuple[np.ndarray, np.ndarray]:
    """tf-idf weights under today's idf, the `keep` heaviest, scaled to unit length."""
    ids, tf = bag
    if not len(ids):
        return ids, tf
    weights = tf * vocab.idf(ids)
    if len(ids) > keep:
        top = np.argpartition(-weights, keep)[:keep]
        ids, weights = ids[top], weights[top]
    norm = float(np.linalg.norm(weights))
    return ids, (weights / norm if norm else weights).astype(np.float32)


def _day_gap(day: date | None, story: StoryState) -> int | None:
    """Days between `day` and the nearest member's day; None when either is undated."""
    if day is None or not story.days:
        return None
    return min(abs((day - d).days) for d in story.days)


def _ordinals(days: Counter[date]) -> tuple[np.ndarray, np.ndarray]:
    """A story's days as day numbers and member counts, for the averaged date penalty."""
    return (
        np.fromiter((d.toordinal() for d in days), dtype=np.int64, count=len(days)),
        np.fromiter(days.values(), dtype=np.float64, count=len(days)),
    )


def _add_sparse(sums: dict[int, float], bag: tuple[np.ndarray, np.ndarray], sign: float) -> None:
    for i, w in zip(bag[0].tolist(), bag[1].tolist(), strict=True):
        value = sums.get(i, 0.0) + sign * w
        if abs(value) < 1e-9:
            sums.pop(i, None)
        else:
            sums[i] = value


Prepared = tuple[Article, Placement, np.ndarray]
BATCH = 256
"""Articles embedded together. The Dask runner cuts its partitions at the same boundaries, so
both paths give the encoder identical batches."""


def prepare_batch(chunk: Sequence[tuple[Article, Analysis | None]], encoder: Encoder) -> list[Prepared]:
    """Placement features and lead vectors for a batch: the costly, order-free part of placing.

    Vectors are rounded to float16: half the memory per article, and the few last bits that a
    different thread count may change in a matrix product no longer reach a placement decision,
    so a distributed run places articles exactly as a single process does.
    """
    return _with_vectors([(article, placement(article, analysis)) for article, analysis in chunk], encoder)


def _with_vectors(
    features: Sequence[tuple[Article, Placement]], encoder: Encoder, copies: Container[str] = ()
) -> list[Prepared]:
    """The batch with each article's lead vector. The leads of `copies` (near-duplicates already
    known, which follow their originals and are never placed by their lead) are not encoded: a
    copy gets zeros, unless an article of the batch that is no copy has the same lead."""
    # Copies share their lead: each distinct lead is embedded once.
    leads = list(dict.fromkeys(p.lead for article, p in features if article.id not in copies))
    encoded = encoder(leads) if leads else np.zeros((0, 384), dtype=np.float32)
    by_lead = {lead: np.asarray(v, dtype=np.float16) for lead, v in zip(leads, encoded, strict=True)}
    unused = np.zeros(384, dtype=np.float16)
    return [(article, p, by_lead.get(p.lead, unused)) for article, p in features]


class StoryClusterer:
    """Incremental story placement over a stream of articles."""

    def __init__(
        self,
        config: ClusterConfig | None = None,
        encoder: Encoder | None = None,
        multilingual: Encoder | None = None,
    ) -> None:
        self.config = config or ClusterConfig()
        if multilingual is None:
            from newsprism.lang.multilingual import embed_multilingual

            multilingual = embed_multilingual
        self.multilingual = multilingual
        self.model = self.config.model or default_model()
        if encoder is None:
            from newsprism.stories.embed import embed_leads

            encoder = embed_leads
        self.encoder = encoder
        self.records: list[Record] = []
        self.positions: dict[str, int] = {}
        self.stories: dict[str, StoryState] = {}
        self.merged_into: dict[str, str] = {}
        self.term_vocab = Vocabulary()
        self.name_vocab = Vocabulary()
        self.index = CandidateIndex()
        self.duplicates = DuplicateIndex(threshold=self.config.duplicate_threshold)
        self.notes: list[str] = []
        self._languages: set[str] = set()
        """Every language an article placed in a story was written in."""
        self._since_refine: list[int] = []
        self._asked: dict[str, str | None] = {}
        """The duplicate index's answers for articles asked about before their batch was
        embedded and not placed yet (`_ask_for_originals`)."""

    # -- the stream ---------------------------------------------------------------------------

    def add_many(
        self, articles: Iterable[Article], analyses: Iterable[Analysis] | None = None, batch: int = BATCH
    ) -> Iterator[str]:
        """Place articles in order, embedding them in batches; yields each placed article's id.

        Articles whose id was already placed are skipped with a note (the first one counts).
        """
        pairs: Iterator[tuple[Article, Analysis | None]] = (
            zip(articles, analyses, strict=True) if analyses is not None else ((a, None) for a in articles)
        )
        while chunk := list(islice(pairs, batch)):
            features = [(article, placement(article, analysis)) for article, analysis in chunk]
            copies = self._ask_for_originals(features)
            yield from self._add(_with_vectors(features, self.encoder, copies))

    def _ask_for_originals(self, features: Sequence[tuple[Article, Placement]]) -> set[str]:
        """Ask the duplicate index, in input order, which earlier article each article of a
        batch copies, before the batch is embedded: copies follow their originals and so cost
        no pass through the encoder (a tenth of a wire-heavy stream: bench/cluster_scale.py).
        The answers wait in `_asked` until `_place` takes them. Articles `_place` would not ask
        about are skipped: ids already placed or repeated in the batch, and those with no text.
        Returns the ids of the copies."""
        seen: set[str] = set()
        for article, _ in features:
            if article.id in seen or article.id in self.positions or article.id in self._asked:
                continue
            seen.add(article.id)
            if article.text.strip():
                self._asked[article.id] = self.duplicates.add(article.id, article.text, title=article.title)
        return {article.id for article, _ in features if self._asked.get(article.id) is not None}

    def add_prepared(self, prepared: Iterable[Prepared]) -> Iterator[str]:
        """Place articles whose features and vectors were computed already (by `prepare_batch`,
        possibly on other machines: scale/dask_runner.py); yields each placed article's id."""
        return self._add(prepared)

    def _add(self, prepared: Iterable[Prepared]) -> Iterator[str]:
        for article, features, vector in prepared:
            if article.id in self.positions:
                self.notes.append(f"{article.id}: id repeated; the first article with this id was kept")
                continue
            self._place(article, features, vector)
            yield article.id
            if len(self._since_refine) >= self.config.refine_every:
                self.refine()

    def add(self, article: Article, analysis: Analysis | None = None) -> str:
        """Place one article now and return its story id (which a later refine may change)."""
        for _ in self.add_many([article], [analysis] if analysis is not None else None):
            pass
        return self.story_of(article.id)

    def _place(self, article: Article, features: Placement, vector: np.ndarray) -> None:
        """Place one article, asking the duplicate index unless `_ask_for_originals` did."""
        record = Record(
            id=article.id,
            vector=vector,
            terms=self.term_vocab.encode(features.terms),
            names=self.name_vocab.encode(features.names),
            day=features.event_day,
            details=Details(
                places=frozenset(features.details.places),
                people=frozenset(features.details.people),
                ages=frozenset(features.details.ages),
                day=features.event_day,
                outlet=features.outlet,
            ),
            language=base_language(article.language) or "en",
        )
        record.lead = features.lead[:LEAD_KEPT]
        position = len(self.records)
        self.records.append(record)
        self.positions[article.id] = position
        if not article.text.strip():
            self.notes.append(f"{article.id}: no text; placed in a story of its own")
            self._open(position)
            return
        original = (
            self._asked.pop(article.id)
            if article.id in self._asked
            else self.duplicates.add(article.id, article.text, title=article.title)
        )
        if original is not None and original in self.positions:
            record.duplicate_of = original
            record.lead = ""  # a copy follows its original; it is never placed by its lead
            root = self.find(self.records[self.positions[original]].story)
            record.story = root
            self.stories[root].members.append(position)
            return
        self.term_vocab.count(record.terms[0])
        self.name_vocab.count(record.names[0])
        target = self._choose(record)
        if target is not None:
            self._join(position, target)
        else:
            self._open(position)
        self._since_refine.append(position)

    def _choose(self, record: Record) -> str | None:
        """The story a new article joins, or None to open one (bench/train_stories.py puts
        its gold decision here to collect what the link model is fitted on)."""
        best, score = self._best_story(record)
        if best is not None and score >= self.config.threshold:
            return best
        return self._across_languages(record)

    def _across_languages(self, record: Record) -> str | None:
        """The story in other languages whose first leads are closest in meaning to the article's,
        when close enough (`ClusterConfig.across_languages`); None otherwise. Only a story none of
        whose members shares the article's language is asked: within one language the fit above
        has judged. In a stream of one language it returns at once: no candidates are looked up
        again and the multilingual encoder is never loaded."""
        if not record.lead or not self._languages - {record.language}:
            return None  # nothing to read, or every placed article is in this one's language
        terms, names = self._views(record)
        others = [
            sid
            for sid in self._candidates(record, terms, names, None)
            if self.stories[sid].languages and record.language not in self.stories[sid].languages
        ]
        if not others:
            return None
        if record.multilingual is None:
            record.multilingual = self.multilingual([record.lead])[0]
        scored = [(float(record.multilingual @ self._story_multilingual(sid)), sid) for sid in others]
        score, sid = max(scored)
        return sid if score >= self.config.across_languages else None

    def _story_multilingual(self, sid: str) -> np.ndarray:
        story = self.stories[sid]
        if story.multilingual is None:
            mean = self.multilingual(story.leads).mean(axis=0)
            story.multilingual = mean / max(float(np.linalg.norm(mean)), 1e-9)
        return story.multilingual

    # -- scoring ------------------------------------------------------------------------------

    def _views(self, record: Record) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        c = self.config
        return _unit(self.term_vocab, record.terms, c.kept_terms), _unit(
            self.name_vocab, record.names, c.kept_names
        )

    def _keys(self, terms: tuple[np.ndarray, np.ndarray], names: tuple[np.ndarray, np.ndarray]) -> list[int]:
        """Index keys: the heaviest terms and names (names offset so the two never collide)."""
        c = self.config
        out = [int(i) for i in terms[0][np.argsort(-terms[1])[: c.key_terms]]]
        out += [-1 - int(i) for i in names[0][np.argsort(-names[1])[: c.key_names]]]
        return out

    def fit(
        self,
        vector: np.ndarray,
        terms: tuple[np.ndarray, np.ndarray],
        names: tuple[np.ndarray, np.ndarray],
        day: date | None,
        story: StoryState,
    ) -> float:
        """Mean similarity of an article to a story's members, less the date penalty."""
        c = self.config
        if story.weight <= 0:
            return -1.0
        parts = [(c.w_vector, float(vector @ story.vector))]
        if len(terms[0]):
            parts.append((c.w_terms, _sparse_dot(*terms, story.terms)))
        if len(names[0]):
            parts.append((c.w_names, _sparse_dot(*names, story.names)))
        score = sum(w * s for w, s in parts) / (story.weight * sum(w for w, _ in parts))
        return score - self._date_penalty(day, story)

    def _date_penalty(self, day: date | None, story: StoryState) -> float:
        """The date penalty between the article's day and each member's, averaged over the members."""
        if day is None or not story.days:
            return 0.0
        if len(story.days) <= FEW_DAYS:  # most stories: plain Python beats building arrays
            weighted = sum(n * self._date_penalty_for_gap(abs((day - d).days)) for d, n in story.days.items())
            return weighted / story.days.total()
        ordinals, counts = _ordinals(story.days)
        return self._mean_penalty(np.abs(ordinals - day.toordinal()), counts)

    def _mean_penalty(self, gaps: np.ndarray, counts: np.ndarray) -> float:
        """`_date_penalty_for_gap` over gaps in days, averaged with the given member counts."""
        c = self.config
        ramp = np.clip((gaps - c.date_grace_days) / max(1, c.date_full_days - c.date_grace_days), 0.0, 1.0)
        return float(c.date_penalty * (ramp * counts).sum() / counts.sum())

    def link_features(
        self,
        vector: np.ndarray,
        terms: tuple[np.ndarray, np.ndarray],
        names: tuple[np.ndarray, np.ndarray],
        evidence: Evidence,
        story: StoryState,
    ) -> np.ndarray:
        """The link model's row for an article and a story: its mean similarity to the story's
        members by each view, and how their details agree (stories/evidence.py)."""
        weight = max(1, story.weight)
        return pair_features(
            float(vector @ story.vector) / weight,
            _sparse_dot(*terms, story.terms) / weight if len(terms[0]) else 0.0,
            _sparse_dot(*names, story.names) / weight if len(names[0]) else 0.0,
            evidence,
            story.evidence,
        )

    def candidate_rows(self, record: Record, exclude: str | None = None) -> list[tuple[str, np.ndarray]]:
        """The candidate stories of an article (index and time window), each with its link
        model row: what bench/train_stories.py fits the model on."""
        terms, names = self._views(record)
        evidence = Evidence.of(record.details)
        rows = []
        for sid in self._candidates(record, terms, names, exclude):
            rows.append((sid, self.link_features(record.vector, terms, names, evidence, self.stories[sid])))
        return rows

    def _candidates(
        self,
        record: Record,
        terms: tuple[np.ndarray, np.ndarray],
        names: tuple[np.ndarray, np.ndarray],
        exclude: str | None,
    ) -> list[str]:
        found = self.index.candidates(
            self._keys(terms, names), record.vector, self.find, self.config.max_candidates
        )
        return [
            sid
            for sid in found
            if sid != exclude
            and self.stories[sid].weight > 0
            and self._in_window(record.day, self.stories[sid])
        ]

    def _in_window(self, day: date | None, story: StoryState) -> bool:
        gap = _day_gap(day, story)
        return gap is None or gap <= self.config.window_days

    def _best_story(self, record: Record, exclude: str | None = None) -> tuple[str | None, float]:
        """The story the article fits best among those it fits well enough (the threshold) and
        whose details do not speak against it (the link model's veto), with its fit; (None,
        -inf) when there is none. The veto is asked only of stories that clear the threshold,
        best first: most candidates never need their details compared."""
        terms, names = self._views(record)
        fits = []
        for sid in self._candidates(record, terms, names, exclude):
            score = self.fit(record.vector, terms, names, record.day, self.stories[sid])
            if score >= self.config.threshold:
                fits.append((score, sid))
        evidence: Evidence | None = None
        for score, sid in sorted(fits, reverse=True):
            evidence = evidence or Evidence.of(record.details)
            row = self.link_features(record.vector, terms, names, evidence, self.stories[sid])
            if not self._vetoed(row, self.model.join_floor, _reports(self.stories[sid])):
                return sid, score
        return None, -math.inf

    # -- story bookkeeping ---------------------------------------------------------------------

    def find(self, sid: str) -> str:
        """The live story a (possibly merged-away) story id now lives in."""
        while sid in self.merged_into:
            sid = self.merged_into[sid]
        return sid

    def story_of(self, article_id: str) -> str:
        return self.find(self.records[self.positions[article_id]].story)

    def _open(self, position: int) -> None:
        record = self.records[position]
        sid = story_id(record.id)
        while sid in self.stories or sid in self.merged_into:  # an id reused after a split
            sid = story_id(sid)
        self.stories[sid] = StoryState(id=sid)
        self._join(position, sid)

    def _join(self, position: int, sid: str) -> None:
        record = self.records[position]
        story = self.stories[sid]
        record.story = sid
        story.members.append(position)
        story.languages.add(record.language)
        self._languages.add(record.language)
        if len(story.leads) < LEADS_KEPT and record.lead:
            story.leads.append(record.lead)
            story.multilingual = None
        if record.language == "en" and not story.languages - {"en"}:
            record.lead = ""  # an English story's first leads are kept on the story, not here
        terms, names = self._views(record)
        record.contribution = (terms, names)
        story.weight += 1
        story.vector += record.vector
        _add_sparse(story.terms, terms, 1.0)
        _add_sparse(story.names, names, 1.0)
        story.evidence.add(record.details, 1)
        story.per_language[record.language] += 1
        if record.day is not None:
            story.days[record.day] += 1
        self.index.add(sid, self._keys(terms, names), record.vector)

    def _leave(self, position: int) -> None:
        """Take an article out of its story's sums (its duplicates go with it)."""
        record = self.records[position]
        story = self.stories[record.story]
        story.members.remove(position)
        if record.contribution is not None:
            terms, names = record.contribution
            story.weight -= 1
            story.vector -= record.vector
            _add_sparse(story.terms, terms, -1.0)
            _add_sparse(story.names, names, -1.0)
            story.evidence.add(record.details, -1)
            story.per_language[record.language] -= 1
            if record.day is not None:
                story.days[record.day] -= 1
                if story.days[record.day] <= 0:
                    del story.days[record.day]
            record.contribution = None

    # -- revising earlier decisions -------------------------------------------------------------

    def refine(self) -> None:
        """Merge stories that now fit together, re-place the articles of the last window, split
        stories that hold two events, then re-place the window until it settles.

        The split cuts on words alone (stories/split.py); the second pass lets each article
        settle into the part it fits by all three views, so one cut article does not stay on
        the wrong side (measured on ECB+ dev over three input orders, bench/). An article
        re-placed early in a pass is weighed against its story as it stood then: if reports of
        another event leave that story later in the pass, the ones that stayed for their sake
        are left behind, so the window's articles in the stories a pass changed are re-placed
        again, until a pass moves none (`settle_passes` at most); both re-placings settle so.
        On ECB+ dev the reports of a coach's hiring then followed the two that had left their
        mixed story (F1 over three orders 0.9385 -> 0.9438); gva-dev, in three orders, and BASIL
        dev were unchanged.
        """
        window, self._since_refine = self._since_refine, []
        touched = {self.find(self.records[p].story) for p in window}
        for sid in sorted(touched):
            sid = self.find(sid)
            if sid in self.stories:
                self._merge_candidates(sid)
        self._settle(window)
        for sid in sorted({self.find(self.records[p].story) for p in window}):
            if sid in self.stories:
                self._split(sid)
        self._settle(window)

    def _settle(self, window: list[int]) -> None:
        """Re-place the window, then again only its articles in stories that gained or lost one,
        until a pass moves none or `settle_passes` are spent."""
        todo = window
        for _ in range(self.config.settle_passes):
            changed: set[str] = set()
            for position in todo:
                before = self.find(self.records[position].story)
                self._replace(position)
                after = self.find(self.records[position].story)
                if after != before:
                    changed |= {before, after}
            if not changed:
                return
            todo = [p for p in window if self.find(self.records[p].story) in changed]

    def _split(self, sid: str) -> None:
        """Cut a story in two when its articles hold two events (stories/split.py); the larger
        part keeps the id. Stories over `split_max` articles are left whole: the cut costs the
        square of their size, and a story that large has long been confirmed by its readers.

        The cut is made on words; the details have the last say. Two parts whose reports mostly
        say when it happened, on the same days (or a day apart), that share a place, a person or
        an age, with no detail in conflict, are one event told in two vocabularies, and stay
        whole: on ECB+ dev the words cut the reports of an actress's court-ordered rehab at the
        clinic she left and at the one she moved to, though both parts were dated the same days
        and gave her age and a place in common (bench/cluster_gva.py)."""
        story = self.stories[sid]
        members = [p for p in story.members if self.records[p].contribution is not None]
        if not 2 * MIN_PART <= len(members) <= self.config.split_max:
            return
        parts = bisect(
            [self.records[p].terms for p in members],
            [self.records[p].names for p in members],
            np.stack([self.records[p].vector for p in members]),
        )
        if parts is None:
            return
        first, second = (Evidence.of(*(self.records[members[k]].details for k in part)) for part in parts)
        if first.dated() and second.dated() and details_agree(pair_features(0.0, 0.0, 0.0, first, second)):
            return
        small, _ = sorted(parts, key=len)
        moving = [members[k] for k in small]
        for position in moving:
            self._leave(position)
        self._open(moving[0])
        new_id = self.records[moving[0]].story
        for position in moving[1:]:
            self._join(position, new_id)
        self._move_duplicates(story, new_id, {self.records[p].id for p in moving})

    def _story_view(
        self, story: StoryState
    ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """A story's mean vector and its heaviest terms and names, to query the index with."""
        c = self.config

        def top(sums: dict[int, float], keep: int) -> tuple[np.ndarray, np.ndarray]:
            items = sorted(sums.items(), key=lambda kv: -kv[1])[:keep]
            ids = np.array([i for i, _ in items], dtype=np.int32)
            weights = np.array([w for _, w in items], dtype=np.float32)
            return ids, weights

        vector = (story.vector / max(1, story.weight)).astype(np.float32)
        return vector, top(story.terms, c.kept_terms), top(story.names, c.kept_names)

    def _story_fit(self, a: StoryState, b: StoryState) -> tuple[float, float, int | None]:
        """The date penalty between two stories (averaged over every pair of their members), the
        mean similarity between their members (average linkage) before it, and the days between
        their nearest members (None when either is undated), all from one matrix of day gaps."""
        c = self.config
        if a.weight <= 0 or b.weight <= 0:
            return 0.0, -1.0, None
        small, large = (a, b) if len(a.terms) + len(a.names) <= len(b.terms) + len(b.names) else (b, a)
        parts = [(c.w_vector, float(a.vector @ b.vector))]
        if small.terms:
            parts.append((c.w_terms, _dict_dot(small.terms, large.terms)))
        if small.names:
            parts.append((c.w_names, _dict_dot(small.names, large.names)))
        score = sum(w * s for w, s in parts) / (a.weight * b.weight * sum(w for w, _ in parts))
        if not a.days or not b.days:
            return 0.0, score, None
        (days_a, counts_a), (days_b, counts_b) = _ordinals(a.days), _ordinals(b.days)
        gaps = np.abs(np.subtract.outer(days_a, days_b))
        return self._mean_penalty(gaps, np.multiply.outer(counts_a, counts_b)), score, int(gaps.min())

    def _date_penalty_for_gap(self, gap: int) -> float:
        c = self.config
        if gap <= c.date_grace_days:
            return 0.0
        return c.date_penalty * min(
            1.0, (gap - c.date_grace_days) / max(1, c.date_full_days - c.date_grace_days)
        )

    def _vetoed(self, row: np.ndarray, floor: float, largest: int) -> bool:
        """Whether the details speak against a join or merge the fit would make: they disagree
        somewhere, and the link model's probability of one event is below `floor`; or one
        outlet reports again, days later, without a detail of its earlier report.

        Agreement, or silence, adds nothing: kind of event and city are shared by reports of two
        events alike, and undated, detail-poor news is left to the fit calibrated on it. Event
        days disagree only while both sides hold few reports (`day_veto_size`, translations
        counted once: `_reports`): the model learnt days on local news, where a story has a few
        reports; a story of many is one long followed up (the trial a year on), whose next
        report's day is a new day, not a conflict.

        An outlet's second report of one event repeats something of its first (the victim, the
        street, the age); its report of the next event of the kind repeats only its own words
        and the kind (the market report of another day, the next shooting in its town). Among
        gva-dev's candidate pairs of one outlet, days apart and fitting on average, those that
        shared no detail were another incident 168 times in 178 (both halves). On MEANTIME dev,
        Wikinews's reports of one company a week apart are the same case."""
        small = largest <= self.config.day_veto_size
        if small and outlet_again(row):
            return True
        conflict = detail_conflict(row) or (small and day_conflict(row))
        return conflict and self.model.probability(row) < floor

    def _story_row(self, a: StoryState, b: StoryState) -> np.ndarray:
        """The link model's row for two stories: the mean similarity between their members by
        each view (average linkage), and how their details agree."""
        small, large = (a, b) if len(a.terms) + len(a.names) <= len(b.terms) + len(b.names) else (b, a)
        pairs = max(1, a.weight * b.weight)
        return pair_features(
            float(a.vector @ b.vector) / pairs,
            _dict_dot(small.terms, large.terms) / pairs,
            _dict_dot(small.names, large.names) / pairs,
            a.evidence,
            b.evidence,
        )

    def _follows_up(self, row: np.ndarray, gap: int | None) -> bool:
        """Whether two stories that agree closely, `gap` days apart, may be one event followed
        over months: they name a person in common, or no outlet reported both. Months apart, one
        station's reports of two shootings in its town agree on its words, its town and the kind
        of event; that is the outlet speaking, not a follow-up (gva-dev: such merges were wrong
        more often than right, while those of one person, or across outlets, held on gva-dev and
        ECB+ dev)."""
        within = gap is None or gap <= self.config.follow_up_days
        return bool(row[PEOPLE_SHARED] or not row[SAME_OUTLET]) and within

    def _merge_candidates(self, sid: str) -> None:
        story = self.stories[sid]
        vector, terms, names = self._story_view(story)
        for other_id in self.index.candidates(
            self._keys(terms, names), vector, self.find, self.config.max_candidates
        ):
            other_id = self.find(other_id)
            if other_id == sid or other_id not in self.stories:
                continue
            other = self.stories[other_id]
            penalty, fit, gap = self._story_fit(story, other)
            near = gap is None or gap <= self.config.window_days
            if not ((near and fit - penalty >= self.config.threshold) or fit >= self.config.follow_up_fit):
                continue
            row = self._story_row(story, other)
            if (near or self._follows_up(row, gap)) and not self._vetoed(
                row, self.model.merge_floor, max(_reports(story), _reports(other))
            ):
                keep, gone = (story, other) if story.weight >= other.weight else (other, story)
                self._absorb(keep, gone)
                if gone is story:
                    return
                story = keep

    def _absorb(self, keep: StoryState, gone: StoryState) -> None:
        keep.members.extend(gone.members)
        keep.weight += gone.weight
        keep.vector += gone.vector
        for i, w in gone.terms.items():
            keep.terms[i] = keep.terms.get(i, 0.0) + w
        for i, w in gone.names.items():
            keep.names[i] = keep.names.get(i, 0.0) + w
        keep.evidence.absorb(gone.evidence)
        keep.days.update(gone.days)
        keep.per_language.update(gone.per_language)
        keep.languages |= gone.languages
        for position in gone.members:
            self.records[position].story = keep.id
        self.merged_into[gone.id] = keep.id
        del self.stories[gone.id]

    def _replace(self, position: int) -> None:
        """Move an article to the story it now fits best, if that is not its own."""
        record = self.records[position]
        if record.contribution is None:
            return
        own = self.stories[self.find(record.story)]
        record.story = own.id
        if own.weight <= 1:
            return
        terms, names = self._views(record)
        self._leave(position)
        stay = self.fit(record.vector, terms, names, record.day, own)
        best, score = self._best_story(record, exclude=own.id)
        target = best if best is not None and score > max(stay, self.config.threshold) else own.id
        self._join(position, target)
        if target != own.id:
            self._move_duplicates(own, target, {record.id})

    def _move_duplicates(self, source: StoryState, target: str, originals: set[str]) -> None:
        """Copies follow their originals: they carry no weight, only membership."""
        for dup in [p for p in source.members if self.records[p].duplicate_of in originals]:
            source.members.remove(dup)
            self.stories[target].members.append(dup)
            self.records[dup].story = target

    # -- results ---------------------------------------------------------------------------------

    def assignments(self) -> Iterator[Assignment]:
        """Every placed article with its story as things stand, in the order they came."""
        for record in self.records:
            yield Assignment(id=record.id, story=self.find(record.story), duplicate_of=record.duplicate_of)


def place_all(articles: Iterable[Article], clusterer: StoryClusterer | None = None) -> StoryClusterer:
    """Place a whole stream in order and refine once at the end.

    Returns the clusterer rather than its assignments, so a caller can also report its notes.
    """
    if clusterer is None:
        clusterer = StoryClusterer()
    for _ in clusterer.add_many(articles):
        pass
    clusterer.refine()
    return clusterer


def cluster_assignments(
    articles: Iterable[Article], config: ClusterConfig | None = None, encoder: Encoder | None = None
) -> Iterator[Assignment]:
    """Place a whole stream, refine once at the end, then yield every article's final story."""
    yield from place_all(articles, StoryClusterer(config, encoder)).assignments()
