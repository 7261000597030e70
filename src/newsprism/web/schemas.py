"""The API's request and response bodies, as pydantic models that also document the OpenAPI schema.

`ArticleIn` is the JSON Lines input row (DESIGN.md), validated strictly: a number where a
string belongs is an error to report, not a value to coerce. Strings are also checked for NUL
characters and lone surrogates, which JSON allows but no database or UTF-8 encoder accepts;
letting them through would turn bad input into a server error later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from newsprism.ingest.fields import normalize_published
from newsprism.model import Article
from newsprism.web.store_api import DateValue, IngestReportLike, StorySummaryLike

MAX_LIMIT = 200
MAX_OFFSET = 2**31 - 1  # fits every database's integer type


def check_text(value: str) -> str:
    """Reject strings that JSON can carry but storage cannot: NUL and unpaired surrogates."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode (no unpaired surrogates)") from None
    return value


Title = Annotated[str, StringConstraints(max_length=2_000), AfterValidator(check_text)]
Outlet = Annotated[str, StringConstraints(max_length=500), AfterValidator(check_text)]
Url = Annotated[str, StringConstraints(max_length=4_096), AfterValidator(check_text)]
Language = Annotated[str, StringConstraints(max_length=35), AfterValidator(check_text)]
Author = Annotated[str, StringConstraints(max_length=1_000), AfterValidator(check_text)]
Body = Annotated[str, StringConstraints(min_length=1, pattern=r"\S"), AfterValidator(check_text)]


def _number_as_text(value: Any) -> Any:
    # JSON Lines ids may be integers; one type downstream keeps a union (and its noisy errors) out.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _timestamp_as_iso(value: Any) -> Any:
    # A Unix time is read here, where its type is still known; as text it would be unreadable.
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return normalize_published(value) or str(value)
        except (ValueError, OverflowError, OSError):  # a time no calendar holds: dropped like any bad date
            return str(value)
    return value


ArticleId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=256),
    BeforeValidator(_number_as_text),
    AfterValidator(check_text),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1, "maxLength": 256}, {"type": "integer"}]}),
]
Published = Annotated[
    str,
    StringConstraints(max_length=100),
    BeforeValidator(_timestamp_as_iso),
    AfterValidator(check_text),
    WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 100}, {"type": "number"}]}),
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
    """One article to ingest: a JSON Lines input row. Unknown fields are ignored, as in a .jsonl file."""

    model_config = ConfigDict(strict=True, extra="ignore")

    id: ArticleId | None = Field(
        default=None, description="Stable id; default: a hash of the text, so reposting is idempotent."
    )
    title: Title | None = None
    text: Body = Field(description="The article body; required, not blank.")
    source: Outlet | None = Field(default=None, description="The outlet.")
    url: Url | None = None
    published: Published | None = Field(
        default=None,
        description="ISO 8601, RFC 2822 or a Unix time; a date that cannot be read is dropped, not refused.",
    )
    language: Language | None = Field(
        default=None, description="A language tag such as 'en'; guessed when absent."
    )
    author: Author | None = None


class IngestReportOut(BaseModel):
    added: int = Field(description="Articles newly stored.")
    skipped: int = Field(description="Articles already stored (same id or same text).")
    errors: list[str] = Field(description="Articles refused by the ingest workflow, one line each.")
    stories_changed: list[str] = Field(description="Ids of the stories that gained or lost articles.")
    comparisons_refreshed: int = Field(description="Story comparisons computed again after this ingest.")

    @classmethod
    def of(cls, report: IngestReportLike) -> IngestReportOut:
        return cls(
            added=report.added,
            skipped=report.skipped,
            errors=[str(e) for e in report.errors],
            stories_changed=list(report.stories_changed),
            comparisons_refreshed=report.comparisons_refreshed,
        )


def next_offset(items: Sequence[object], limit: int, offset: int) -> int | None:
    # A full page may be followed by an empty one; that costs one request and no count query.
    return offset + limit if len(items) >= limit else None
