"""The API's request and response bodies, as pydantic models that also document the OpenAPI schema.

`ArticleIn` is the JSON Lines input row (DESIGN.md), validated strictly: a number where a
string belongs is an error to report, not a value to coerce. Strings are also checked for NUL
characters and lone surrogates, which JSON allows but no database or UTF-8 encoder accepts;
letting them through would turn bad input into a server error later.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import CoreSchema, core_schema

from newsprism.ingest.fields import normalize_published
from newsprism.model import Article, EventDetails
from newsprism.web.store_api import DateValue, IngestReportLike, StorySummaryLike

MAX_LIMIT = 200
MAX_OFFSET = 2**31 - 1  # fits every database's integer type


# The API's rules as JSON Schema patterns, so that a client generating requests from the OpenAPI
# document never sends one the server refuses. They use classes spelt out with `\uXXXX` escapes
# only (no `\s`, `\d` or `\p{..}`, which mean different things, or nothing, in each dialect):
# ECMA-262, what JSON Schema validators run, and Python's `re` read them alike.

# Characters Python's `str.strip()` removes: the test of "blank" every reader applies to a text.
_SPACE = r"\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NUL_OR_SURROGATE = r"\u0000\ud800-\udfff"
# A surrogate pair is one character to Python and to an ECMA engine in `u` mode, two UTF-16 code
# units to one without it; the second alternative lets a pair through either way.
_PAIR = r"[\ud800-\udbff][\udc00-\udfff]"
_STORABLE_CHAR = rf"(?:[^{_NUL_OR_SURROGATE}]|{_PAIR})"
STORABLE_PATTERN = rf"^{_STORABLE_CHAR}*$"
"""What `check_text` accepts, as a JSON Schema `pattern`: no NUL, no unpaired surrogate."""
# Spaces, then one storable character that is not a space, then anything storable. The classes do
# not overlap, so a backtracking engine reads a text of any length in linear time.
TEXT_PATTERN = rf"^[{_SPACE}]*(?:[^{_SPACE}{_NUL_OR_SURROGATE}]|{_PAIR}){_STORABLE_CHAR}*$"
"""What `check_body` accepts, as a JSON Schema `pattern`: storable text that is not blank."""
STORABLE_RULE = "No NUL characters or unpaired surrogates (JSON can carry them; storage cannot)."

# A calendar date, 0001-01-01 to 9999-12-31, 29 February in leap years only; then optionally a
# time of day and a UTC offset: exactly the forms `datetime.fromisoformat` reads that the pattern
# can state, so that no date a client draws from it is refused.
_YEAR = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_HOUR = r"(?:[01][0-9]|2[0-3])"
_SIXTY = r"[0-5][0-9]"
_TIME = rf"[T ]{_HOUR}(?::{_SIXTY}(?::{_SIXTY}(?:\.[0-9]{{1,6}})?)?)?(?:Z|[+-]{_HOUR}(?::?{_SIXTY})?)?"
SINCE_PATTERN = rf"^(?:(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)(?:{_TIME})?)?$"
"""An ISO 8601 date or date-time such as 2025-05-14 or 2025-05-14T10:00:00Z, or nothing."""
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
"""An ISO 639 language code as the archive stores it: 2 or 3 lowercase ASCII letters, such as en."""

MAX_PUBLISHED = 100
MAX_ID_NUMBER = 2**63 - 1
"""An id sent as a JSON number is read as text; beyond 64 bits no client reads it back as a number."""


def check_text(value: str) -> str:
    """Reject strings that JSON can carry but storage cannot: NUL and unpaired surrogates."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode (no unpaired surrogates)") from None
    return value


def check_body(value: str) -> str:
    """An article's text: storable, and not blank by the test the JSON Lines reader applies."""
    if not value.strip():
        raise ValueError("must contain a character other than white space")
    return check_text(value)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A string's JSON Schema `pattern`, with the Python check that enforces the same rule.

    The check, not the pattern, validates: it gives a message a person can act on, and the
    patterns use escapes (surrogates) that pydantic's Rust regex engine refuses. Tests hold
    the two to the same answer for every character.
    """

    pattern: str
    check: Callable[[str], str] | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        return (
            schema if self.check is None else core_schema.no_info_after_validator_function(self.check, schema)
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        documented = dict(handler(schema))
        documented["pattern"] = self.pattern
        return documented


Storable = Pattern(STORABLE_PATTERN, check_text)
Title = Annotated[str, StringConstraints(max_length=2_000), Storable]
Outlet = Annotated[str, StringConstraints(max_length=500), Storable]
Url = Annotated[str, StringConstraints(max_length=4_096), Storable]
Language = Annotated[str, StringConstraints(max_length=35), Storable]
Author = Annotated[str, StringConstraints(max_length=1_000), Storable]
Body = Annotated[str, StringConstraints(min_length=1), Pattern(TEXT_PATTERN, check_body)]


def _number_as_text(value: Any) -> Any:
    # JSON Lines ids may be integers; one type downstream keeps a union (and its noisy errors) out.
    # JSON Schema counts 7.0 as an integer, so it is read as "7" here, as a schema-led client expects.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if isinstance(value, float) and not value.is_integer():
        return value  # refused below: an id is text or a whole number
    if not -MAX_ID_NUMBER <= value <= MAX_ID_NUMBER:
        raise ValueError(f"a numeric id must be between -{MAX_ID_NUMBER} and {MAX_ID_NUMBER}")
    return str(int(value))


def _timestamp_as_iso(value: Any) -> Any:
    # A Unix time is read here, where its type is still known; as text it would be unreadable.
    # Any JSON number is accepted (the schema says so): one no calendar holds is passed on as
    # text to be dropped like any unreadable date, or as "" when its digits would not fit.
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            readable = normalize_published(value)
        except (ValueError, OverflowError, OSError):
            readable = None
        if readable:
            return readable
        text = str(value)
        return text if len(text) <= MAX_PUBLISHED else ""
    return value


ArticleId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=256),
    BeforeValidator(_number_as_text),
    AfterValidator(check_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": 256, "pattern": STORABLE_PATTERN},
                {"type": "integer", "minimum": -MAX_ID_NUMBER, "maximum": MAX_ID_NUMBER},
            ]
        }
    ),
]
Published = Annotated[
    str,
    StringConstraints(max_length=MAX_PUBLISHED),
    BeforeValidator(_timestamp_as_iso),
    AfterValidator(check_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "maxLength": MAX_PUBLISHED, "pattern": STORABLE_PATTERN},
                {"type": "number"},
            ]
        }
    ),
]


def iso(value: DateValue) -> str | None:
    """A store date (string, date or datetime) as ISO 8601 text."""
    if isinstance(value, date):
        return value.isoformat()
    return value


class ErrorItem(BaseModel):
    loc: list[str | int] = Field(description="Where the problem is: 'body', then list index and field.")
    msg: str
    type: str


class ErrorOut(BaseModel):
    """Every error response: a sentence for people, and for validation errors the details."""

    detail: str = Field(description="What went wrong, in one sentence.")
    errors: list[ErrorItem] | None = Field(default=None, description="Validation problems, one per field.")


class StoryDetailsOut(BaseModel):
    """What holds a story together (stories/holding.py): the details its reports share, so a
    reader sees why the articles were grouped."""

    day: str | None = Field(description="ISO 8601: the day the event happened, as most reports tell it.")
    places: list[str] = Field(description="Streets, venues and parts of town the reports share (folded).")
    people: list[str] = Field(description="Surnames of people taking part whom the reports share (folded).")
    ages: list[int] = Field(description="Ages the reports share.")

    @classmethod
    def of(cls, details: EventDetails) -> StoryDetailsOut:
        return cls(day=details.day, places=details.places, people=details.people, ages=details.ages)


class StoryOut(BaseModel):
    id: str
    title: str | None
    article_count: int = Field(description="Articles placed in the story.")
    outlet_count: int = Field(description="Distinct outlets among them.")
    outlets: list[str]
    first_published: str | None = Field(description="ISO 8601: the earliest article's publication.")
    last_published: str | None = Field(description="ISO 8601: the latest article's publication.")
    updated_at: str | None = Field(description="ISO 8601: when the story last changed in the store.")
    comparison_stale: bool = Field(
        description="True when the stored comparison predates some of the story's articles."
    )
    details: StoryDetailsOut = Field(
        description="The place, event day and people that hold the story together."
    )
    languages: list[str] = Field(description="The languages (ISO 639 codes) of its articles, sorted.")

    @classmethod
    def of(cls, story: StorySummaryLike) -> StoryOut:
        return cls(
            id=story.id,
            title=story.title,
            article_count=story.article_count,
            outlet_count=story.outlet_count,
            outlets=list(story.outlets),
            first_published=iso(story.first_published),
            last_published=iso(story.last_published),
            updated_at=iso(story.updated_at),
            comparison_stale=story.comparison_stale,
            details=StoryDetailsOut.of(story.details),
            languages=list(story.languages),
        )


class Page(BaseModel):
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page.")


class StoryList(Page):
    stories: list[StoryOut]


class ArticleOut(BaseModel):
    """A stored article, with the fields of the JSON Lines input."""

    id: str
    title: str | None
    text: str
    source: str | None = Field(description="The outlet.")
    url: str | None
    published: str | None = Field(description="ISO 8601.")
    language: str | None
    author: str | None

    @classmethod
    def of(cls, article: Article) -> ArticleOut:
        return cls(
            id=article.id,
            title=article.title,
            text=article.text,
            source=article.source,
            url=article.url,
            published=article.published,
            language=article.language,
            author=article.author,
        )


class ArticleList(Page):
    articles: list[ArticleOut]
    total: int | None = Field(description="Articles in the store; null when the list is filtered by story.")


class ArticleIn(BaseModel):
    """One article to ingest: a JSON Lines input row. Unknown fields are ignored, as in a .jsonl file.

    Every string may hold any character but NUL and unpaired surrogates, which JSON can carry
    and storage cannot; each field's `pattern` says so.
    """

    model_config = ConfigDict(strict=True, extra="ignore")

    id: ArticleId | None = Field(
        default=None,
        description=(
            "Stable id, text or a whole number; default: a hash of the text, so reposting is idempotent."
        ),
    )
    title: Title | None = None
    text: Body = Field(
        description=(
            "The article body; required, with at least one character that is not white space. "
            "A text that is nothing but boilerplate (a promo or credit line) is accepted and "
            "reported in the answer's `errors`, not stored."
        )
    )
    source: Outlet | None = Field(default=None, description="The outlet.")
    url: Url | None = None
    published: Published | None = Field(
        default=None,
        description=(
            "ISO 8601, RFC 2822 or a Unix time (any JSON number); "
            "a date that cannot be read is dropped, not refused."
        ),
    )
    language: Language | None = Field(
        default=None, description="A language tag such as 'en'; guessed when absent."
    )
    author: Author | None = None


class IngestReportOut(BaseModel):
    added: int = Field(description="Articles newly stored.")
    skipped: int = Field(description="Articles already stored (same id or same text).")
    errors: list[str] = Field(
        description=(
            "Articles not stored, one line each: those with no article text once boilerplate "
            "is removed, and those the ingest workflow refused."
        )
    )
    stories_changed: list[str] = Field(description="Ids of the stories that gained or lost articles.")
    comparisons_refreshed: int = Field(description="Story comparisons computed again after this ingest.")

    @classmethod
    def of(cls, report: IngestReportLike | None, refused: Sequence[str] = ()) -> IngestReportOut:
        """The answer to an ingest; `report` None when nothing was left to ingest."""
        if report is None:
            return cls(added=0, skipped=0, errors=list(refused), stories_changed=[], comparisons_refreshed=0)
        return cls(
            added=report.added,
            skipped=report.skipped,
            errors=[*refused, *(str(e) for e in report.errors)],
            stories_changed=list(report.stories_changed),
            comparisons_refreshed=report.comparisons_refreshed,
        )


def next_offset(items: Sequence[object], limit: int, offset: int) -> int | None:
    # A full page may be followed by an empty one; that costs one request and no count query.
    return offset + limit if len(items) >= limit else None
