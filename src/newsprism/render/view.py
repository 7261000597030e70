"""What a human-readable report shows, derived once from a Comparison.

The Markdown and HTML renderers need the same derived views: a letter per article, the fact
and status of every sentence, facts grouped by agreement, the timeline in date order, quotes
grouped by speaker. Computing them here keeps both formats telling the same story with the
same provenance markers (`[A §3]` is sentence 3 of source A in every format and in the JSON).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsprism.lang.dates import MONTHS, PRECISION_ORDER, date_period, date_sort_key
from newsprism.model import (
    Article,
    Comparison,
    Fact,
    FactMention,
    FactStatus,
    Sentence,
    StoryEntity,
    StoryQuote,
)

# A sentence in several facts takes the most consequential status, so a reader never
# misses that something it says is contested.
_STATUS_RANK: dict[str, int] = {"disputed": 0, "corroborated": 1, "single_source": 2}
NO_FACT = "none"


def letter_label(position: int) -> str:
    """A, B, ..., Z, AA, AB, ...: short enough to repeat after every statement."""
    label = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


@dataclass(frozen=True, slots=True)
class Ref:
    """A pointer to one sentence of one source, as a reader sees it."""

    label: str
    sentence: int

    @property
    def marker(self) -> str:
        return f"[{self.label} §{self.sentence}]"

    @property
    def anchor(self) -> str:
        return f"{self.label}-s{self.sentence}"


@dataclass(slots=True)
class Cited:
    """A sentence shown as evidence, with the value or wording it gives where that matters."""

    ref: Ref
    outlet: str
    text: str
    value: str = ""
    part: str = ""
    """The words of `text` that state the fact, where they are fewer than the sentence."""
    before: str = ""
    after: str = ""


@dataclass(slots=True)
class SourceSentence:
    ref: Ref
    text: str
    status: str
    facts: list[str]


@dataclass(slots=True)
class Source:
    label: str
    article: Article
    outlet: str
    title: str
    published: str | None
    sentences: list[SourceSentence] = field(default_factory=list)


@dataclass(slots=True)
class FactView:
    key: str
    anchor: str
    fact: Fact
    status: FactStatus
    text: str
    cited: list[Cited]

    @property
    def independence(self) -> str:
        """'3 outlets, 2 independent sources: AP, Reuters', or '' where the comparison does not
        say (a single-source fact, or one stored before sources were counted)."""
        outlets = {c.outlet for c in self.cited}
        sources = self.fact.sources
        if len(outlets) < 2 or not sources:
            return ""
        if len(sources) == 1:
            return f"{len(outlets)} outlets, 1 independent source: all rest on {sources[0]}"
        return f"{len(outlets)} outlets, {len(sources)} independent sources: {', '.join(sources)}"


@dataclass(slots=True)
class BriefView:
    text: str
    sources: list[Source]
    facts: list[FactView]
    independent: list[str] = field(default_factory=list)

    @property
    def rests_on(self) -> str:
        """The one source several outlets all rest on, where that is so; '' otherwise."""
        return self.independent[0] if len(self.independent) == 1 and len(self.sources) > 1 else ""


CITATION_HOW = {
    "reports": "reports",
    "told": "was told",
    "according_to": "according to",
    "credit": "credit line",
}
"""How an article cites an outlet, in words, per citation `kind`: the reports and the web say it alike."""


@dataclass(slots=True)
class CitationView:
    """One article naming another outlet as its source; `cited` is None for a credit line."""

    source: Source
    outlet: str
    kind: str
    words: str
    cited: Cited | None

    @property
    def how(self) -> str:
        return CITATION_HOW.get(self.kind, self.kind)


@dataclass(slots=True)
class CopyView:
    copy: Source
    original: Source
    similarity: float


@dataclass(slots=True)
class DifferenceView:
    kind: str
    subject: str
    values: list[Cited]
    fact: FactView | None
    # The fact's anchor lives on the first difference that explains it, so fact badges land here.
    anchor: str | None = None


@dataclass(slots=True)
class ActorCell:
    source: Source
    mentioned: bool
    roles: list[Cited]


@dataclass(slots=True)
class ActorView:
    entity: StoryEntity
    anchor: str
    cells: list[ActorCell]

    @property
    def has_roles(self) -> bool:
        return any(cell.roles for cell in self.cells)

    @property
    def other_names(self) -> list[str]:
        """The ways the outlets write the actor other than its canonical name."""
        return [a for a in self.entity.aliases if a != self.entity.name]


@dataclass(slots=True)
class PassingGroup:
    """Actors no outlet gives a role, named by exactly these sources: listed together, because
    a row each for forty places and nationalities would bury the roles the table is for."""

    sources: list[Source]
    actors: list[ActorView]


def passing_groups(actors: list[ActorView]) -> list[PassingGroup]:
    """Roleless actors grouped by the sources naming them, widest coverage first."""
    groups: dict[tuple[str, ...], PassingGroup] = {}
    for actor in actors:
        if actor.has_roles:
            continue
        naming = [cell.source for cell in actor.cells if cell.mentioned]
        if not naming:  # an actor of articles this report does not show
            continue
        key = tuple(source.label for source in naming)
        groups.setdefault(key, PassingGroup(naming, [])).actors.append(actor)
    return sorted(groups.values(), key=lambda g: (-len(g.sources), [s.label for s in g.sources]))


@dataclass(slots=True)
class QuoteView:
    quote: StoryQuote
    cited: Cited

    @property
    def tag(self) -> str:
        """What the tag beside the quote says: "direct", or for reported speech the verb that
        reports it, because "rejected: the proposals" and "said: that talks would resume" are
        different claims about what the speaker did."""
        if self.quote.direct:
            return "direct"
        cue = (self.quote.cue or "").strip().lower()
        words = cue.replace("'", "").replace("’", "").split()
        return cue if words and all(w.isalpha() for w in words) else "reported"


@dataclass(slots=True)
class QuoteGroup:
    speaker: str
    actor_anchor: str | None
    quotes: list[QuoteView]


@dataclass(slots=True)
class TimelineItem:
    """One dated statement: the sentence cut to a window around the date as written, and
    every outlet whose sentence of the same fact gives the same date.

    `before` + `expression` + `after` is the window; when the expression cannot be found in
    the sentence (an older comparison stored the whole sentence as the expression), the
    window is the sentence's start and `expression` is empty.
    """

    expression: str
    before: str
    after: str
    cited: list[Cited]
    scheduled: bool = False


_WINDOW = 200


def snippet(text: str, limit: int) -> str:
    """`text` with its lines joined, cut at a word boundary with an ellipsis if over `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def window(sentence: str, expression: str, width: int = _WINDOW) -> tuple[str, str, str]:
    """(before, expression, after): the part of `sentence` a reader needs to see an expression
    in (a date, the words that state a claim).

    A short sentence is kept whole; a long one is cut at word boundaries around the first
    occurrence of the expression, with an ellipsis where words were dropped, so a year given
    at the end of a long sentence is still on screen.
    """
    text = " ".join(sentence.split())
    at = text.find(expression) if expression else -1
    if at < 0:
        return snippet(text, width), "", ""
    if len(text) <= width:
        return text[:at], expression, text[at + len(expression) :]
    # A window of `width` characters (more if the expression is longer) centred on the
    # expression and kept inside the text.
    room = max(width - len(expression), 0)
    start = min(max(0, at - room // 2), len(text) - room - len(expression))
    end = start + room + len(expression)
    before, after = text[start:at], text[at + len(expression) : end]
    if start > 0:
        before = "…" + before.split(" ", 1)[1] if " " in before else "…"
    if end < len(text):
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else "…"
    return before, expression, after


@dataclass(slots=True)
class TimelineGroup:
    date: str
    precision: str
    entries: list[TimelineItem]

    @property
    def label(self) -> str:
        return human_date(self.date, self.precision)


@dataclass(slots=True)
class Report:
    title: str
    notes: list[str]
    sources: list[Source]
    brief: list[BriefView]
    agreed: list[FactView]
    single_by_source: list[tuple[Source, list[FactView]]]
    disputed: list[FactView]
    differences: list[DifferenceView]
    framing: list[DifferenceView]
    actors: list[ActorView]
    passing: list[PassingGroup]
    quotes: list[QuoteGroup]
    timeline: list[TimelineGroup]
    facts: list[FactView]
    citations: list[CitationView] = field(default_factory=list)
    copies: list[CopyView] = field(default_factory=list)


class _Lookup:
    """Article letters and sentence texts, tolerant of ids the comparison does not list."""

    def __init__(self, comparison: Comparison) -> None:
        self.labels = {a.id: letter_label(i) for i, a in enumerate(comparison.articles)}
        self.outlets = {a.id: outlet_name(a) for a in comparison.articles}
        # A story in several languages marks each outlet with its article's language wherever the
        # report cites it, so a reader knows which words were translated by the reader's eye only.
        languages = {an.id: an.language for an in comparison.analyses} | {
            a.id: a.language for a in comparison.articles if a.language
        }
        if len({(lang or "en").split("-")[0].lower() for lang in languages.values()}) > 1:
            self.outlets = {
                aid: f"{name} ({languages.get(aid) or 'en'})" for aid, name in self.outlets.items()
            }
        self.sentences: dict[str, list[Sentence]] = {an.id: an.sentences for an in comparison.analyses}
        # Keyed once, so that looking up the sentence behind every citation stays linear overall.
        self._texts = {(an.id, s.index): s.text for an in comparison.analyses for s in an.sentences}

    def ref(self, article: str, sentence: int) -> Ref:
        return Ref(self.labels.get(article, article), sentence)

    def text(self, article: str, sentence: int, fallback: str = "") -> str:
        return self._texts.get((article, sentence), fallback)

    def sentence(self, article: str, index: int) -> Sentence | None:
        found = self.sentences.get(article, [])
        if 0 <= index < len(found) and found[index].index == index:
            return found[index]
        return next((s for s in found if s.index == index), None)

    def cited(self, article: str, sentence: int, text: str = "", value: str = "") -> Cited:
        return Cited(
            ref=self.ref(article, sentence),
            outlet=self.outlets.get(article, article),
            text=text or self.text(article, sentence),
            value=value,
        )


def outlet_name(article: Article) -> str:
    """The outlet a reader knows: the source, else the web host, else the article id."""
    if article.source:
        return article.source
    if article.url and "//" in article.url:
        host = article.url.split("//", 1)[1].split("/", 1)[0]
        return host.removeprefix("www.")
    return article.id


def _short_date(published: str | None) -> str | None:
    # Seconds and time zones add noise to a byline; the day and minute are what a reader checks.
    if not published:
        return None
    return published[:16].replace("T", " ")


def _sources(
    comparison: Comparison, look: _Lookup, facts_of: dict[tuple[str, int], list[FactView]]
) -> list[Source]:
    sources = []
    for position, article in enumerate(comparison.articles):
        label = letter_label(position)
        sentences = look.sentences.get(article.id, [])
        title = article.title or (sentences[0].text if sentences else article.id)
        source = Source(label, article, look.outlets[article.id], title, _short_date(article.published))
        for sentence in sentences:
            views = facts_of.get((article.id, sentence.index), [])
            status = min((v.status for v in views), key=_STATUS_RANK.__getitem__, default=NO_FACT)
            source.sentences.append(
                SourceSentence(Ref(label, sentence.index), sentence.text, status, [v.key for v in views])
            )
        sources.append(source)
    return sources


def _stating(look: _Lookup, mention: FactMention) -> Cited:
    """A mention as evidence, with the part of its sentence that states the fact set apart."""
    cited = look.cited(mention.article, mention.sentence, mention.text)
    sentence = look.sentence(mention.article, mention.sentence)
    if sentence is None or mention.start is None or mention.end is None:
        return cited
    lo, hi = mention.start - sentence.start, mention.end - sentence.start
    part = cited.text[max(0, lo) : max(0, hi)].strip()
    if part and part != cited.text.strip() and cited.text[max(0, lo) :].startswith(part):
        cited.part = part
        cited.before, cited.after = cited.text[: max(0, lo)], cited.text[max(0, lo) + len(part) :]
    return cited


def _facts(comparison: Comparison, look: _Lookup) -> list[FactView]:
    views = []
    for position, fact in enumerate(comparison.facts, start=1):
        cited = [_stating(look, m) for m in fact.mentions]
        cited.sort(key=lambda c: (len(c.ref.label), c.ref.label, c.ref.sentence))
        # The first outlet's wording stands for the fact: predictable, and the order the reader met.
        text = cited[0].text if cited else ""
        views.append(FactView(f"F{position}", f"fact-{position}", fact, fact.status, text, cited))
    return views


def _actors(comparison: Comparison, look: _Lookup, sources: list[Source]) -> list[ActorView]:
    ranked = sorted(
        comparison.entities, key=lambda e: (-len(set(e.articles)), -len(e.roles), e.name.casefold())
    )
    views = []
    for position, entity in enumerate(ranked, start=1):
        roles: dict[str, list[Cited]] = defaultdict(list)
        for role in entity.roles:
            roles[role.article].append(look.cited(role.article, role.sentence, value=role.role))
        cells = [
            ActorCell(
                s, s.article.id in entity.articles or s.article.id in roles, roles.get(s.article.id, [])
            )
            for s in sources
        ]
        views.append(ActorView(entity, f"actor-{position}", cells))
    return views


def _quotes(comparison: Comparison, look: _Lookup, actors: list[ActorView]) -> list[QuoteGroup]:
    by_entity = {a.entity.id: a for a in actors}
    groups: dict[str, QuoteGroup] = {}
    for quote in _outermost(comparison.quotes):
        actor = by_entity.get(quote.speaker_entity or "")
        speaker = actor.entity.name if actor else (quote.speaker or "Unattributed")
        key = actor.entity.id if actor else speaker.casefold()
        group = groups.setdefault(key, QuoteGroup(speaker, actor.anchor if actor else None, []))
        group.quotes.append(QuoteView(quote, look.cited(quote.article, quote.sentence)))
    for group in groups.values():
        group.quotes.sort(key=lambda q: (len(q.cited.ref.label), q.cited.ref.label, q.cited.ref.sentence))
    # Most-quoted first; speech nobody is credited with goes last, it is the weakest evidence.
    return sorted(groups.values(), key=lambda g: (g.speaker == "Unattributed", -len(g.quotes), g.speaker))


def _outermost(quotes: list[StoryQuote]) -> list[StoryQuote]:
    """Reported speech inside a longer report by the same speaker is shown once, as the longer.

    "stated he would only meet Putin, declining to meet his envoys" also yields "declining: to
    meet his envoys"; the JSON keeps both, a reader needs only the whole.
    """

    def inside(q: StoryQuote, other: StoryQuote) -> bool:
        return (
            not q.direct
            and (other.article, other.speaker) == (q.article, q.speaker)
            and other.start <= q.start
            and q.end <= other.end
            and (other.start, other.end) != (q.start, q.end)
        )

    return [q for q in quotes if not any(inside(q, other) for other in quotes)]


def _timeline(
    comparison: Comparison, look: _Lookup, facts_of: dict[tuple[str, int], list[FactView]]
) -> list[TimelineGroup]:
    """Dated statements by date; within a date, the sentences of one fact from several outlets
    are one item citing each of them, so agreement on a date reads as agreement."""
    ordered = sorted(
        comparison.timeline,
        key=lambda t: (
            date_sort_key(t.date),
            PRECISION_ORDER.get(t.precision, 9),
            look.labels.get(t.article, ""),
            t.sentence,
        ),
    )
    groups: list[TimelineGroup] = []
    by_fact: dict[str, TimelineItem] = {}
    for entry in ordered:
        if not groups or groups[-1].date != entry.date:
            groups.append(TimelineGroup(entry.date, entry.precision, []))
            by_fact = {}
        cited = look.cited(entry.article, entry.sentence, value=entry.text)
        keys = [
            v.key for v in facts_of.get((entry.article, entry.sentence), []) if v.status != "single_source"
        ]
        shared = next((by_fact[k] for k in keys if k in by_fact), None)
        if shared is not None:
            if cited.ref not in {c.ref for c in shared.cited}:
                shared.cited.append(cited)
            continue
        before, expression, after = window(cited.text, entry.text)
        item = TimelineItem(expression, before, after, [cited], scheduled=entry.tense == "future")
        groups[-1].entries.append(item)
        by_fact.update((k, item) for k in keys)
    return groups


_MONTHS = [name.capitalize() for name in MONTHS]


def human_date(value: str, precision: str) -> str:
    """'2024-03-11' -> '11 March 2024': unambiguous in every locale, unlike 03/11/2024.
    An ISO week reads as the week of its Monday: '2025-W20' -> 'week of 12 May 2025'."""
    if precision == "week":
        period = date_period(value)
        if period is None:
            return value
        monday = period[0]
        return f"week of {monday.day} {_MONTHS[monday.month - 1]} {monday.year}"
    try:
        year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 0
        day = int(value[8:10]) if len(value) >= 10 else 0
    except ValueError:
        return value
    if not 1 <= month <= 12 or precision == "year":
        return value
    if precision == "month" or not day:
        return f"{_MONTHS[month - 1]} {year}"
    text = f"{day} {_MONTHS[month - 1]} {year}"
    if precision == "time" and len(value) >= 16:
        text += f", {value[11:16]}"
    return text


def story_title(comparison: Comparison) -> str:
    """The first article's headline, else the actors most outlets mention."""
    for article in comparison.articles[:1]:
        if article.title:
            return article.title
    counts = Counter({e.name: len(set(e.articles)) for e in comparison.entities})
    names = [name for name, _ in counts.most_common(3)]
    return ", ".join(names) if names else "Untitled story"


def build_report(comparison: Comparison) -> Report:
    """Derive every view the reports show; the renderers only lay them out."""
    look = _Lookup(comparison)
    facts = _facts(comparison, look)
    by_fact_id = {v.fact.id: v for v in facts}
    facts_of: dict[tuple[str, int], list[FactView]] = defaultdict(list)
    for view in facts:
        for mention in view.fact.mentions:
            facts_of[(mention.article, mention.sentence)].append(view)
    sources = _sources(comparison, look, facts_of)
    by_label = {s.article.id: s for s in sources}

    single: dict[str, list[FactView]] = defaultdict(list)
    for view in facts:
        if view.status == "single_source" and view.fact.mentions:
            single[view.fact.mentions[0].article].append(view)
    for group in single.values():
        # In reading order, so an outlet's exclusive material reads like its article.
        group.sort(key=lambda v: v.cited[0].ref.sentence if v.cited else 0)

    differences = [
        DifferenceView(
            d.kind,
            d.subject,
            [look.cited(v.article, v.sentence, v.text, v.value) for v in d.values],
            by_fact_id.get(d.fact or ""),
        )
        for d in comparison.discrepancies
    ]
    explained: set[str] = set()
    for difference in differences:
        if difference.fact and difference.fact.fact.id not in explained:
            difference.anchor = difference.fact.anchor
            explained.add(difference.fact.fact.id)
    actors = _actors(comparison, look, sources)
    return Report(
        title=story_title(comparison),
        notes=list(comparison.notes),
        sources=sources,
        brief=[
            BriefView(
                b.text,
                [by_label[a] for a in b.sources if a in by_label],
                [by_fact_id[f] for f in b.facts if f in by_fact_id],
                list(b.independent),
            )
            for b in comparison.brief
        ],
        agreed=[v for v in facts if v.status == "corroborated"],
        single_by_source=[(s, single[s.article.id]) for s in sources if single.get(s.article.id)],
        disputed=[v for v in facts if v.status == "disputed" and v.fact.id not in explained],
        differences=differences,
        framing=[
            DifferenceView(
                f.kind, f.subject, [look.cited(v.article, v.sentence, value=v.text) for v in f.variants], None
            )
            for f in comparison.framing
        ],
        actors=actors,
        passing=passing_groups(actors),
        quotes=_quotes(comparison, look, actors),
        timeline=_timeline(comparison, look, facts_of),
        facts=facts,
        citations=[
            CitationView(
                by_label[c.article],
                c.outlet,
                c.kind,
                c.text,
                look.cited(c.article, c.sentence) if c.sentence is not None else None,
            )
            for c in comparison.citations
            if c.article in by_label
        ],
        copies=[
            CopyView(by_label[c.article], by_label[c.original], c.similarity)
            for c in comparison.copies
            if c.article in by_label and c.original in by_label
        ],
    )
