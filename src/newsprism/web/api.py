"""The REST API under /api/v1: stories, their comparisons, and articles in and out.

Handlers that call the store are plain functions (FastAPI runs them in its thread pool, as
the store blocks); only the upload handler is async, to count the body while it streams in.
Every query value is validated before the store sees it, so bad input cannot reach a
database error.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from newsprism.ingest.fields import ArticleDefaults
from newsprism.lang.outlet_registry import OutletRegistry
from newsprism.model import Article
from newsprism.web.auth import require_read, require_write
from newsprism.web.body import parse_json, read_body, to_articles, unprocessable, validate_articles
from newsprism.web.coverage_schemas import StoryLabelsOut
from newsprism.web.openapi import ARTICLES_BODY, COMPARISON_REF
from newsprism.web.schemas import (
    LANGUAGE_PATTERN,
    MAX_LIMIT,
    MAX_OFFSET,
    SINCE_PATTERN,
    STORABLE_PATTERN,
    STORABLE_RULE,
    ArticleList,
    ArticleOut,
    ErrorOut,
    IngestReportOut,
    Pattern,
    StoryList,
    StoryOut,
    check_text,
    next_offset,
)
from newsprism.web.settings import WebSettings
from newsprism.web.store_api import IngestReportLike, StoreAPI, StorySummaryLike

LISTS_KEPT = 512
"""Story-list answers kept in memory (a few KB each)."""

NOT_COMPUTED = status.HTTP_409_CONFLICT
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "A token is needed."},
    403: {"model": ErrorOut, "description": "The token is wrong, or writing is disabled."},
    422: {"model": ErrorOut, "description": "Invalid parameters or body."},
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
# Query strings are checked by hand (checked_query, parse_since) to answer with a plain sentence;
# these annotations put the same rules in the OpenAPI document, and tests hold them together.
QueryText = Annotated[str, Pattern(STORABLE_PATTERN)]
SinceText = Annotated[str, Pattern(SINCE_PATTERN)]
SINCE_HELP = (
    "Only stories with an article published on or after this date: an ISO 8601 date or date-time "
    "such as 2025-05-14 or 2025-05-14T10:00:00Z (hours, minutes, seconds, fraction and offset "
    "optional); empty means no limit."
)
_SINCE = re.compile(SINCE_PATTERN)
LanguageText = Annotated[str, Pattern(LANGUAGE_PATTERN)]
LANGUAGE_HELP = "Only those in this language: an ISO 639 code of 2 or 3 lowercase letters, such as en."
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
StoryId = Annotated[str, Path(min_length=1, max_length=256, description="A story id.")]


def checked_query(value: str | None, name: str) -> str | None:
    """A query string with NULs and broken Unicode refused (422); blank counts as absent."""
    if value is None or not value.strip():
        return None
    try:
        return check_text(value.strip())
    except ValueError as err:
        raise unprocessable(f"Invalid request: query.{name}: {err}.") from None


def parse_since(value: str | None) -> str | None:
    """An ISO 8601 date or date-time of the documented pattern, normalised; 422 for anything else.

    The pattern, not `fromisoformat`, decides: `fromisoformat` also reads forms the schema does
    not promise (week dates, basic format), and it reads every value the pattern allows.
    """
    value = checked_query(value, "since")
    if value is None:
        return None
    if _SINCE.fullmatch(value):
        with contextlib.suppress(ValueError):  # never raised for a match; tests hold it so
            if len(value) == 10:
                return date.fromisoformat(value).isoformat()
            return datetime.fromisoformat(value).isoformat()
    raise unprocessable(
        "Invalid request: query.since: expected an ISO 8601 date or date-time, such as 2025-05-14."
    )


def parse_language(value: str | None) -> str | None:
    """A language code of the documented pattern; 422 for anything else, blank included.

    Read as a JSON Schema validator reads the pattern (a search, where `$` also matches before a
    final newline), so that the server refuses exactly what the schema calls invalid.
    """
    if value is None:
        return None
    if _LANGUAGE.search(value):
        return value.strip()
    raise unprocessable(
        "Invalid request: query.language: expected an ISO 639 code of 2 or 3 lowercase letters, such as en."
    )


def known_story(store: StoreAPI, story_id: str) -> StorySummaryLike:
    """The story's summary, or 404. An id no store can hold (NUL, bad Unicode) is simply not found."""
    try:
        check_text(story_id)
    except ValueError:
        story = None
    else:
        story = store.get_story(story_id)
    if story is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No story with id {story_id!r}.")
    return story


def _ingest(store: StoreAPI, articles: Sequence[Article], outlets: OutletRegistry) -> IngestReportLike:
    try:
        # Imported here: the store (and SQLAlchemy) is only needed once someone writes.
        from newsprism.store.workflow import ingest_articles
    except ImportError:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, "Ingest is not available on this server."
        ) from None
    # Imported here: pages.py imports this module.
    from newsprism.web.pages import prerender_pages

    # The workflow takes the concrete Store; the app holds it through the StoreAPI protocol.
    concrete: Any = store
    # Pages are rendered with the server's registry: a story page shows its labels.
    pages = partial(prerender_pages, outlets=outlets)
    report: IngestReportLike = ingest_articles(concrete, articles, pages=pages)
    return report


def _prepare(body: bytes, defaults: ArticleDefaults) -> tuple[list[Article], list[str]]:
    return to_articles(validate_articles(parse_json(body)), defaults)


def api_router(store: StoreAPI, settings: WebSettings) -> APIRouter:
    """The /api/v1 routes over `store`, with the access rules of `settings`."""

    def reader(request: Request) -> None:
        require_read(request, settings)

    # One ingest at a time per server: each replays the stored stories before placing articles,
    # and two at once would do that work twice and place related articles without each other.
    ingest_lock = threading.Lock()

    def ingest_one_at_a_time(articles: Sequence[Article]) -> IngestReportLike:
        with ingest_lock:
            return _ingest(store, articles, settings.outlets)

    router = APIRouter(prefix="/api/v1", responses=ERRORS)
    read = [Depends(reader)]

    listed: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
    listed_lock = threading.Lock()

    @router.get(
        "/stories",
        tags=["stories"],
        dependencies=read,
        summary="List or search stories",
        response_model=StoryList,
    )
    def list_stories(
        limit: Limit = 50,
        offset: Offset = 0,
        since: Annotated[SinceText | None, Query(max_length=64, description=SINCE_HELP)] = None,
        q: Annotated[
            QueryText | None, Query(max_length=200, description=f"Search terms. {STORABLE_RULE}")
        ] = None,
        language: Annotated[LanguageText | None, Query(max_length=3, description=LANGUAGE_HELP)] = None,
    ) -> Response:
        """Stories, most recently updated first, optionally searched, limited to recent ones, or to
        those with an article in one language."""
        after, search, lang = parse_since(since), checked_query(q, "q"), parse_language(language)
        # Lists are asked for far more often than stories change: keep the last answers, keyed
        # by the archive's story version so that any change is seen at once.
        version = getattr(store, "stories_version", None)
        key = (limit, offset, after, search, lang, version()) if version else None
        if key is not None:
            with listed_lock:
                body = listed.get(key)
            if body is not None:
                return Response(body, media_type="application/json")
        stories = store.list_stories(since=after, search=search, limit=limit, offset=offset, language=lang)
        body = (
            StoryList(
                stories=[StoryOut.of(s) for s in stories],
                limit=limit,
                offset=offset,
                next_offset=next_offset(stories, limit, offset),
            )
            .model_dump_json()
            .encode("utf-8")
        )
        if key is not None:
            with listed_lock:
                listed[key] = body
                while len(listed) > LISTS_KEPT:
                    listed.popitem(last=False)
        return Response(body, media_type="application/json")

    @router.get(
        "/stories/{story_id}",
        tags=["stories"],
        dependencies=read,
        summary="One story",
        responses={404: {"model": ErrorOut, "description": "No such story."}},
    )
    def get_story(story_id: StoryId) -> StoryLabelsOut:
        """The story's summary: title, outlets, counts and dates, and its outlets grouped by the
        labels of the server's outlets file."""
        return StoryLabelsOut.with_labels(known_story(store, story_id), settings.outlets)

    @router.get(
        "/stories/{story_id}/comparison",
        tags=["stories"],
        dependencies=read,
        summary="The story's comparison",
        response_class=JSONResponse,
        responses={
            200: {
                "description": "The comparison JSON, exactly as `newsprism compare --format json` writes it.",
                "content": {"application/json": {"schema": COMPARISON_REF}},
            },
            404: {"model": ErrorOut, "description": "No such story."},
            409: {"model": ErrorOut, "description": "The story's comparison is not computed yet."},
        },
    )
    def get_comparison(story_id: StoryId) -> JSONResponse:
        """What the outlets agree on, where they differ, who said what, as stored.

        A story whose comparison has not been computed yet answers 409 Conflict (the resource
        exists but is not in a state to be read); retry after the next ingest has finished.
        """
        known_story(store, story_id)
        data = store.comparison(story_id)
        if data is None:
            raise HTTPException(NOT_COMPUTED, f"The comparison of story {story_id!r} is not computed yet.")
        return JSONResponse(data)

    @router.get("/articles", tags=["articles"], dependencies=read, summary="List stored articles")
    def list_articles(
        limit: Limit = 50,
        offset: Offset = 0,
        story: Annotated[
            QueryText | None,
            Query(max_length=256, description=f"Only this story's articles. {STORABLE_RULE}"),
        ] = None,
        language: Annotated[LanguageText | None, Query(max_length=3, description=LANGUAGE_HELP)] = None,
    ) -> ArticleList:
        """Stored articles with their text; `total` counts the whole store (those in `language`
        when it is given) when no story is given."""
        story_id, lang = checked_query(story, "story"), parse_language(language)
        articles = store.list_articles(limit=limit, offset=offset, story=story_id, language=lang)
        return ArticleList(
            articles=[ArticleOut.of(a) for a in articles],
            limit=limit,
            offset=offset,
            next_offset=next_offset(articles, limit, offset),
            total=store.count_articles(language=lang) if story_id is None else None,
        )

    @router.post(
        "/articles",
        tags=["articles"],
        summary="Ingest articles",
        openapi_extra=ARTICLES_BODY,
        responses={
            413: {"model": ErrorOut, "description": "The body is over the server's upload limit."},
            503: {"model": ErrorOut, "description": "This server cannot ingest."},
        },
    )
    async def post_articles(request: Request) -> IngestReportOut:
        """Add articles to the store and place them in stories. Needs the write token.

        The body is one article or a list of them, with the fields of a JSON Lines input row.
        Nothing is ingested unless every article matches the schema (422 otherwise). An article
        whose text is only boilerplate is listed in `errors` and the others are ingested, as
        with a JSON Lines file; one already stored is counted as skipped, so posting the same
        batch twice is harmless.
        """
        require_write(request, settings)
        body = await read_body(request, settings.max_upload_bytes)
        articles, refused = await run_in_threadpool(_prepare, body, ArticleDefaults(outlets=settings.outlets))
        report = await run_in_threadpool(ingest_one_at_a_time, articles) if articles else None
        return IngestReportOut.of(report, refused)

    return router
