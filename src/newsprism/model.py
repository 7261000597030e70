"""The nouns of newsprism, and nothing else.

Every stage of the flow (ingest -> analyze -> stories -> compare -> render) takes and returns
these plain dataclasses, so a stage can be tested alone and a user can script against them
without touching spaCy or torch. Offsets (`start`, `end`) are always character offsets into
the owning article's `text`; `sentence` is always the index of a sentence in that article.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

FactStatus = Literal["corroborated", "single_source", "disputed"]
DatePrecision = Literal["day", "week", "month", "year", "time"]
Tense = Literal["past", "present", "future"]
Modality = Literal["asserted", "hedged", "irrealis"]
"""How a clause puts what it says: as a fact ("will attend"), hedged ("could attend", "would cut
$800 billion"), or as something wished, asked for or conditional ("urged Putin to attend", "if
Putin attends"). The comparison never sets a reading of one modality against one of another."""


@dataclass(slots=True)
class Article:
    """One news article as read from a source, before any analysis.

    `credits` holds the outlets named in trailer lines such as "Reporting contributed by
    Reuters." that ingest removes from `text` because they are not facts of the story.
    `summary_only` marks an article whose text is a feed entry's summary, not its page.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    path: str | None = None
    author: str | None = None
    credits: list[str] = field(default_factory=list)
    summary_only: bool = False
    """True when the text is only a feed entry's summary, its page not fetched."""


@dataclass(slots=True)
class Sentence:
    """One sentence of an article.

    `borrowed_values`: the values it states are not its own claim's, because they are shared out
    among several subjects ("... $34 million and $9 million, respectively") or belong to an
    earlier period ("Prior to that, she spent four seasons ..."); such values are never compared.
    """

    index: int
    text: str
    start: int
    end: int
    borrowed_values: bool = False


@dataclass(slots=True)
class Mention:
    """One surface occurrence of an entity in an article."""

    text: str
    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class Role:
    """A title or role an outlet gives an actor ("Deputy Defense Minister", "presidential aide").

    `leaving`: the sentence tells of someone leaving a post ("the club fired president Ed Moss"),
    so the role is the post as it was when it ended, neither plainly current nor plainly former.
    """

    role: str
    sentence: int
    start: int
    end: int
    article: str = ""
    leaving: bool = False


@dataclass(slots=True)
class Entity:
    """A canonical actor: every mention of one real person, organisation or place.

    `key` is the normalised identity used to fold entities across articles of a story
    (diacritics removed, variant spellings mapped, surnames resolved to the full name).
    """

    id: str
    name: str
    type: str
    key: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """Direct or reported speech. `text` is the content only, without speaker or cue."""

    speaker: str | None
    speaker_entity: str | None
    text: str
    direct: bool
    sentence: int
    start: int
    end: int
    cue: str | None = None
    article: str = ""


@dataclass(slots=True)
class DateRef:
    """A temporal expression resolved against the publication date where one is known.

    `date` is ISO 8601 at the stated precision ("2025-05-14", "2025-05", "2022"), or None
    when the expression cannot be anchored (no publication date and no explicit year).

    What the date dates is read with it: `words_before` and `words_after` are the sentence's
    words on each side as written (up to eight), empty in an analysis stored before
    they were read. `anaphoric`: it counts from another time of the story, not from the
    publication ("the next day", "that week"); `quoted`: it stands inside a quotation, so it is
    the speaker's ("today" in a quote); `dateline`: its sentence is a publication line
    ("Posted November 12, 2011"), the outlet's day rather than the happening's.
    """

    text: str
    date: str | None
    precision: DatePrecision
    tense: Tense
    sentence: int
    start: int
    end: int
    part_of_day: str | None = None
    words_before: list[str] = field(default_factory=list)
    words_after: list[str] = field(default_factory=list)
    anaphoric: bool = False
    quoted: bool = False
    dateline: bool = False


@dataclass(slots=True)
class NumberRef:
    """A number with its unit and, where the grammar shows it, what it counts.

    `qualifier` keeps an approximation marker written before the number ("at least", "about",
    "more than"), or the vague scale word itself ("thousands"), so "at least 12" and "12" are
    not mistaken for the same claim.

    The words around it say what kind of figure it is. `standalone` is True for a count or an
    amount in its own right, False for an age, a multiplier ("five times"), a clock time, a
    model name ("F-16") or a part of a larger count ("two other victims"), which no other
    outlet's figure can contradict, and None where it was not read (an analysis stored before
    it was): only standalone figures are compared. For those, `outcomes` says what happened to
    what it counts ("dead", "injured", "missing", "arrested", "evacuated", "rescued"),
    `modifiers` holds the words between it and its noun ("3 machine guns": "machine"), and
    `modality` whether it is stated or put as a possibility ("the plan would cut $800 billion").
    """

    text: str
    value: float
    unit: str | None
    counts: str | None
    sentence: int
    start: int
    end: int
    qualifier: str | None = None
    standalone: bool | None = None
    outcomes: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)
    modality: Modality | None = None


@dataclass(slots=True)
class Citation:
    """Another outlet or agency an article names as its source ("told Reuters")."""

    outlet: str
    text: str
    sentence: int | None
    start: int | None
    end: int | None
    kind: Literal["reports", "told", "according_to", "credit"] = "reports"


@dataclass(slots=True)
class EventRef:
    """A predicate with its arguments: who (`agent`) did what (`frame`) to what (`themes`).

    `frame` is the event class the predicate belongs to ("fail" for "stalled" and "failed"), or
    its lemma outside the classes; `trigger` is the word as written. Arguments are keys:
    "entity:<id>" for an entity of the same analysis, else the noun's kind or lemma ("talks").
    `negated`: the predicate is denied ("will not travel", "never signed").
    """

    trigger: str
    frame: str
    agent: str | None
    themes: list[str]
    sentence: int
    start: int
    end: int
    negated: bool = False


@dataclass(slots=True)
class ClaimRef:
    """A part of a sentence that states a claim of its own: a clause ("X, who led the talks")
    or a quotation. `start`/`end` are character offsets into the article's text."""

    sentence: int
    start: int
    end: int
    kind: Literal["clause", "quote"] = "clause"


@dataclass(slots=True)
class AttendanceRef:
    """An actor said to take part in something, or to stay away: "Putin will not travel to
    Istanbul", "Trump skipped the summit".

    `entity` is the id of an Entity of the same analysis. `lemma` is the kind of taking part,
    "attend" (attend, join, participate, take part, show up) or "travel" (travel, go, come,
    visit); `negated` is True for staying away, whether said with a negation ("will not attend",
    "declined to attend") or a verb of avoiding ("skipped", "boycotted"). `text` is the verb
    phrase as written ("would not be attending") and `start`/`end` its span; `target` the words
    after it ("to Istanbul for talks"), which say where or what.
    """

    entity: str
    lemma: str
    negated: bool
    modality: Modality
    text: str
    target: str
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class ListRef:
    """People a sentence names one after another, joined by commas or "and": "Fomin, Deputy
    Foreign Minister Galuzin and Igor Kostyukov".

    `entities` are ids of Entities of the same analysis in reading order (at least two);
    `gaps[i]` is the number of words between the i-th name and the next (a title, an age, an
    aside), so a reader can split the list where a gap is too long to be one list. A name that
    describes someone else ("Ruiz's aide", "a Ruiz ally") is not listed. `taking_part`: the
    sentence is about who takes part (a delegation, a line-up, who joined or travelled), not a
    list of examples.
    """

    entities: list[str]
    gaps: list[int]
    taking_part: bool
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class PlaceRef:
    """A place a sentence puts something in: a place name right after a preposition of place
    ("came down near Mombasa"), and not one that qualifies a noun ("a Seattle woman").

    `entity` is the id of an Entity of the same analysis; `preposition` the word before it
    ("in", "near"); `words_before` the sentence's words before the preposition, as written (up
    to eight): what happened there.
    """

    entity: str
    preposition: str
    words_before: list[str]
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class EventDetails:
    """What tells one happening from another of its kind (analyze/details.py): the day it
    happened (ISO, or None when the text does not say), its streets, venues and parts of town
    (folded keys), the surnames of the people who took part, and the ages it gives."""

    day: str | None = None
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """Everything newsprism reads off one article."""

    id: str
    language: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    numbers: list[NumberRef] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    events: list[EventRef] = field(default_factory=list)
    claims: list[ClaimRef] = field(default_factory=list)
    attendance: list[AttendanceRef] = field(default_factory=list)
    lists: list[ListRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    details: EventDetails = field(default_factory=EventDetails)
    depth: Literal["full", "light", "sentences"] = "full"
    """"full": every reader ran; "light": the article's language has no parser here but its words
    are known (lang/languages.json), so rules read its sentences, names, dates, figures (without
    what they count) and direct quotations, and nothing else (no roles, events, claims, citations,
    attendance, lists or places); "sentences": the language has no parser and its words are not
    known, so it was only split into sentences (no names, quotes, dates, figures or citations)."""


@dataclass(slots=True)
class Story:
    """Articles grouped as reports of one event. `duplicate_of` maps copies to their original."""

    id: str
    articles: list[Article]
    duplicate_of: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Placement:
    """An article as the story index sees it: what stories/features.py reads off it to place it.

    The archive stores it with every article, so that a later run places the stored articles
    again without reading them; that is why it is a noun here and not private to stories.
    """

    id: str
    lead: str
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    dates: list[date] = field(default_factory=list)
    published: date | None = None
    details: EventDetails = field(default_factory=EventDetails)
    outlet: str | None = None
    """The site that published it (its web host, else its source's name): evidence of nothing."""

    @property
    def day(self) -> date | None:
        """The one day the article is placed at: published, else the first date it writes."""
        return self.published or (self.dates[0] if self.dates else None)

    @property
    def event_day(self) -> date | None:
        """The day the event happened, as the text tells it; else the day the article is placed at."""
        if self.details.day:
            with suppress(ValueError):
                return date.fromisoformat(self.details.day)
        return self.day


@dataclass(slots=True)
class FactMention:
    """Where an article states a fact: the sentence, and within it the part (`start`, `end`:
    character offsets into the article's text) that states the claim; None where the whole
    sentence does, or in a comparison stored before parts were kept."""

    article: str
    sentence: int
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Fact:
    """One claim, with every sentence (of any article) that states it.

    A sentence may state several claims, so it may be a mention of several facts. `confidence`
    is the weakest link between two outlets' mentions (the learned probability that they state
    the same claim); None for a single-source fact.
    """

    id: str
    status: FactStatus
    mentions: list[FactMention]
    confidence: float | None = None
    sources: list[str] = field(default_factory=list)
    """The independent sources behind the fact (compare/sources.py): mentions from an article and
    its copy, or attributed to the same cited outlet, count once. Empty where not computed."""


@dataclass(slots=True)
class DiscrepancyValue:
    value: str
    article: str
    sentence: int
    text: str


@dataclass(slots=True)
class Discrepancy:
    """Outlets giving different values for the same thing (a number, a date, a role, a place)."""

    kind: str
    subject: str
    values: list[DiscrepancyValue]
    fact: str | None = None


@dataclass(slots=True)
class WordingVariant:
    article: str
    text: str
    sentence: int


@dataclass(slots=True)
class FramingDifference:
    """A difference of wording, not of fact: a spelling variant, or a loaded word one outlet adds."""

    kind: Literal["spelling", "loaded_word", "label"]
    subject: str
    variants: list[WordingVariant]


@dataclass(slots=True)
class TimelineEntry:
    """One dated point: `text` is the temporal expression as written ("late Wednesday"), the
    sentence it stands in is `sentence` of `article`. `tense` tells what happened (past) from
    what is scheduled (future); None where the comparison predates the field."""

    date: str
    precision: DatePrecision
    text: str
    article: str
    sentence: int
    tense: Tense | None = None


@dataclass(slots=True)
class StoryCitation:
    """An article of the story naming another outlet as its source: `outlet` is the cited
    outlet's house name, `text` the words as written, `sentence` None for a credit line."""

    article: str
    outlet: str
    kind: Literal["reports", "told", "according_to", "credit"]
    sentence: int | None
    text: str


@dataclass(slots=True)
class CopyOf:
    """An article of the story that is a copy (a wire copy or a light edit) of an earlier one;
    `similarity` is the share of word five-grams the two have in common (Jaccard)."""

    article: str
    original: str
    similarity: float


@dataclass(slots=True)
class BriefSentence:
    text: str
    sources: list[str]
    facts: list[str]
    independent: list[str] = field(default_factory=list)
    """The independent sources behind the sentence's fact (see compare/sources.py); one name for
    several outlets says that they all rest on it."""


@dataclass(slots=True)
class StoryEntity:
    """An actor folded across the articles of a story, with the roles each outlet gives it."""

    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[Role]
    articles: list[str]


@dataclass(slots=True)
class StoryQuote:
    speaker: str | None
    speaker_entity: str | None
    text: str
    direct: bool
    article: str
    sentence: int
    start: int
    end: int
    cue: str | None = None
    """The reporting word as written ("said", "rejected", "according to"); None for a quotation
    that stands with no verb of its own."""


@dataclass(slots=True)
class Comparison:
    """What the outlets of one story agree on, where they differ, and who said what."""

    articles: list[Article]
    analyses: list[Analysis]
    facts: list[Fact] = field(default_factory=list)
    entities: list[StoryEntity] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    framing: list[FramingDifference] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    brief: list[BriefSentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    citations: list[StoryCitation] = field(default_factory=list)
    copies: list[CopyOf] = field(default_factory=list)
