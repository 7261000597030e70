"""JSON Lines -> Articles, one row at a time.

A corpus export can hold millions of rows, so the file is read line by line and never held
in memory. A bad row (not JSON, not an object, no text) is reported as `path:line` and the
next row is read: one broken line must not cost the other articles.

A row's `text` is the caller's: besides the trailing boilerplate lines (whose removal moves
no earlier offset), it is kept character for character, so offsets computed against the
original text, such as annotations in an evaluation set, still point at the same characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsprism.ingest.boilerplate import strip_boilerplate
from newsprism.ingest.encoding import BINARY, EMPTY, open_regular
from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults, as_text, build_article, text_id
from newsprism.model import Article
from newsprism.settings import settings_from_env, size_text

NOT_JSON_LINES = "not JSON Lines (one JSON object per line)"


Labelled = tuple[str, Article | IngestError]  # (input name for messages, item)


def read_jsonl_file(
    path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS
) -> Iterator[Article | IngestError]:
    """Stream the rows of a .jsonl/.ndjson/.json file as Articles or per-line IngestErrors."""
    return (item for _, item in labelled_jsonl_file(path, defaults))


def read_jsonl_lines(
    lines: Iterable[bytes | str],
    *,
    name: str,
    path: str | None,
    defaults: ArticleDefaults = NO_DEFAULTS,
) -> Iterator[Article | IngestError]:
    """Read JSON Lines from any line iterable (a file, `sys.stdin.buffer`); `name` labels errors."""
    return (item for _, item in labelled_jsonl_lines(lines, name=name, path=path, defaults=defaults))


@dataclass(frozen=True, slots=True)
class LongLine:
    """Stands for a line over `limit` bytes in the stream of lines."""

    limit: int


def bounded_lines(handle: BinaryIO, limit: int | None = None) -> Iterator[bytes | LongLine]:
    """The handle's lines, each read up to `limit` bytes; a longer one is skipped to its end and
    given as a LongLine, memory staying at `limit` whatever the file holds.

    The default is the settings' `max_line_bytes` (NEWSPRISM_MAX_LINE_MB): a JSON line is one
    article with its metadata, and a file with no line breaks must not fill memory.
    """
    limit = settings_from_env().max_line_bytes if limit is None else limit
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield LongLine(limit)


def labelled_jsonl_file(path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS) -> Iterator[Labelled]:
    """`read_jsonl_file`, with each item's `path:line` label, for callers that report on rows."""
    path_text = str(path)
    try:
        handle = open_regular(path)
    except IngestFailure as failure:
        yield path_text, failure.at(path_text)
        return
    try:
        # A .json file that is one pretty-printed document would fail on every line; after a
        # bad first line it is reported once as a whole.
        yield from labelled_jsonl_lines(
            bounded_lines(handle), name=path_text, path=path_text, defaults=defaults,
            give_up_on_bad_first_line=Path(path_text).suffix.lower() == ".json",
        )  # fmt: skip
    except OSError as err:
        yield path_text, IngestError(path_text, err.strerror or str(err))
    finally:
        handle.close()


def labelled_jsonl_lines(
    lines: Iterable[bytes | str | LongLine],
    *,
    name: str,
    path: str | None,
    defaults: ArticleDefaults = NO_DEFAULTS,
    give_up_on_bad_first_line: bool = False,
) -> Iterator[Labelled]:
    """`read_jsonl_lines`, with each item's `name:line` label."""
    seen_row = False
    for number, raw in enumerate(lines, start=1):
        label = f"{name}:{number}"
        if isinstance(raw, LongLine):
            yield label, IngestError(label, f"line over {size_text(raw.limit)}, skipped")
            seen_row = True
            continue
        if isinstance(raw, bytes):
            if b"\x00" in raw and not seen_row:
                yield name, IngestError(name, BINARY)
                return
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield label, IngestError(label, "line is not UTF-8 text (JSON Lines must be UTF-8)")
                seen_row = True
                continue
        else:
            line = raw.lstrip("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        first = not seen_row
        seen_row = True
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            if first and give_up_on_bad_first_line:
                yield name, IngestError(name, NOT_JSON_LINES)
                return
            # "Unterminated string starting at" already ends in "at".
            where = f"column {err.colno}" if err.msg.endswith(" at") else f"at column {err.colno}"
            yield label, IngestError(label, f"invalid JSON ({err.msg} {where})")
            continue
        except RecursionError:
            yield label, IngestError(label, "invalid JSON (nested too deeply to read)")
            continue
        yield label, row_to_article(row, label=label, path=path, defaults=defaults)
    if not seen_row:
        yield name, IngestError(name, EMPTY)


def row_to_article(
    row: Any, *, label: str, path: str | None, defaults: ArticleDefaults = NO_DEFAULTS
) -> Article | IngestError:
    """One decoded JSON row as an Article, or an IngestError saying what is wrong with it."""
    if not isinstance(row, dict):
        return IngestError(label, f"expected a JSON object, got {type(row).__name__}")
    text = row.get("text")
    if text is None:
        return IngestError(label, "missing 'text'")
    if not isinstance(text, str):
        return IngestError(label, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return IngestError(label, "empty 'text'")
    raw_id = row.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return IngestError(label, f"'id' must be a string or an integer, got {type(raw_id).__name__}")
    cleaned = strip_boilerplate(text, anywhere=False)
    if not cleaned.text.strip():
        return IngestError(label, "no article text found")
    credits = [name for name in (as_text(item) for item in _as_list(row.get("credits"))) if name]
    article_id = as_text(raw_id) or text_id(text)
    meta = {key: row.get(key) for key in ("title", "source", "url", "published", "language", "author")}
    return build_article(
        id=article_id,
        text=cleaned.text,
        meta=meta,
        path=path,
        defaults=defaults,
        credits=list(dict.fromkeys(credits + cleaned.credits)),
    )


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]
