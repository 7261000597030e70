"""Reading a posted body without trusting it: bounded in size, then parsed and validated.

The size is checked twice: the declared Content-Length refuses an oversized upload before a
byte of it is read, and counting while reading catches a body that lies about its length or
is sent chunked. Only then is it parsed, so a client can never make the server hold more than
`max_upload_bytes`. Every way the body can be wrong ends as an `HTTPException` (413 or 422), and
a 422 only for what the published schema states (openapi.py): a client that follows it is never
refused.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException, Request, status
from pydantic import TypeAdapter, ValidationError

from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults
from newsprism.ingest.jsonl import row_to_article
from newsprism.model import Article
from newsprism.web.schemas import ArticleIn

_ONE = TypeAdapter(ArticleIn)
_MANY = TypeAdapter(list[ArticleIn])
UNPROCESSABLE = status.HTTP_422_UNPROCESSABLE_CONTENT


def too_large(limit: int) -> HTTPException:
    return HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"The body is larger than {limit:,} bytes.")


def unprocessable(detail: str, errors: list[dict[str, Any]] | None = None) -> HTTPException:
    """A 422 whose detail is a sentence; `errors`, when given, rides along as the list of problems."""
    return HTTPException(UNPROCESSABLE, {"detail": detail, "errors": errors} if errors else detail)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        declared = declared.strip()
        if not (declared.isascii() and declared.isdigit()):  # "²".isdigit() is True, int("²") fails
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "The Content-Length header is not a number.")
        if int(declared) > limit:
            raise too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _no_constants(name: str) -> Any:
    # NaN and Infinity are Python's extension, not JSON; nothing downstream can store them.
    raise ValueError(f"{name} is not valid JSON")


def parse_json(body: bytes) -> Any:
    """The decoded JSON document, or 422 saying why it is not one."""
    if not body.strip():
        raise unprocessable("The body is empty: send a JSON article object or a list of them.")
    try:
        return json.loads(body, parse_constant=_no_constants)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}"
        raise unprocessable(f"The body is not valid JSON: {err.msg} at {where}.") from None
    except (ValueError, RecursionError):
        # Not UTF-8/16/32 text, NaN, a number too long to convert, or nesting too deep to decode.
        raise unprocessable("The body is not valid JSON text.") from None


def _problems(err: ValidationError) -> list[dict[str, Any]]:
    # Without the offending input (an article's whole text) or pydantic's documentation links.
    return [
        {"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]}
        for e in err.errors(include_url=False, include_input=False, include_context=False)
    ]


def validate_articles(payload: Any) -> list[ArticleIn]:
    """One article object or a non-empty list of them, validated; 422 with every problem otherwise."""
    try:
        if isinstance(payload, dict):
            return [_ONE.validate_python(payload)]
        if isinstance(payload, list):
            if not payload:
                raise unprocessable("The list of articles is empty.")
            return _MANY.validate_python(payload)
    except ValidationError as err:
        problems = _problems(err)
        first = problems[0]
        where = ".".join(str(part) for part in first["loc"][1:]) or "body"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise unprocessable(f"Invalid article: {where}: {first['msg']}{more}.", problems) from None
    raise unprocessable(f"Expected a JSON object or a list of objects, got {type(payload).__name__}.")


def to_articles(
    items: list[ArticleIn], defaults: ArticleDefaults = NO_DEFAULTS
) -> tuple[list[Article], list[str]]:
    """Articles built exactly as a JSON Lines row is read (ids, dates, boilerplate), and one line
    for each item that reader finds no article in.

    Such an item (a text that is all promo or credit lines) matches the schema, and a rule as
    loose as "not only boilerplate" cannot be written as one; so it is reported, as a bad row
    of a .jsonl file is, instead of refusing the whole request with a 422 the schema never
    announced.
    """
    articles: list[Article] = []
    refused: list[str] = []
    for position, item in enumerate(items):
        row = item.model_dump(exclude_none=True)
        built = row_to_article(row, label=f"article {position}", path=None, defaults=defaults)
        if isinstance(built, Article):
            articles.append(built)
        else:
            refused.append(str(built))
    return articles, refused
