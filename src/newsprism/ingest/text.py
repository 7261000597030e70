"""Plain text and Markdown files -> Article.

A text file may open with YAML front matter carrying the contract's keys. Without it, the
contract says a short first line followed by a blank line is the headline: it becomes the
title and leaves the text, so the headline is not analysed as a sentence of the body.
Markdown is reduced to its prose (markup, images and code dropped) before the same rules run.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from newsprism.ingest.boilerplate import KNOWN_AGENCIES, strip_boilerplate
from newsprism.ingest.encoding import decode_bytes, read_bytes
from newsprism.ingest.errors import IngestFailure
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults, as_text, build_article
from newsprism.ingest.markdown import markdown_to_text
from newsprism.model import Article

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30

_FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_SENTENCE_END = re.compile(r"[.:;,]\W*$")  # a headline ends in a word, "?" or "!", not a period
_BYLINE = re.compile(
    r"^[Bb][Yy]\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|del|van|von|der|bin|al|la|le))*)"
    r"\s*(?:,\s*(?P<outlet>[A-Z][\w .&'’-]*))?\.?$",
)
_BYLINE_MAX_CHARS = 100


def read_text_file(path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS) -> Article:
    """Read one .txt or .md file; raises IngestFailure with the reason it cannot be read."""
    path_text = str(path)
    raw = decode_bytes(read_bytes(path), path_text)
    return text_to_article(
        raw,
        id=Path(path_text).stem,
        path=path_text,
        defaults=defaults,
        markdown=Path(path_text).suffix.lower() in MARKDOWN_SUFFIXES,
    )


def text_to_article(
    raw: str,
    *,
    id: str,
    path: str | None,
    defaults: ArticleDefaults = NO_DEFAULTS,
    markdown: bool = False,
) -> Article:
    """Turn a decoded text file into an Article: front matter, headline, byline, boilerplate."""
    meta, body = split_front_matter(raw)
    heading = None
    if markdown:
        body, heading = markdown_to_text(body)
    cleaned = strip_boilerplate(_strip_trailing_spaces(body))
    text = cleaned.text
    credits = list(cleaned.credits)

    title = as_text(meta.get("title"))
    if title:
        text = _drop_first_line_if(text, title)
    elif heading:
        title, text = heading, _drop_first_line_if(text, heading)
    else:
        title, text = split_headline(text)
    author, outlet, text = split_byline(text)
    if author and not meta.get("author"):
        meta["author"] = author
    if outlet and outlet in KNOWN_AGENCIES:
        credits.append(outlet)
    text = text.strip("\n")
    if not text.strip():
        raise IngestFailure("no article text found")
    meta["title"] = title
    article_id = as_text(meta.get("id")) or id
    return build_article(id=article_id, text=text, meta=meta, path=path, defaults=defaults, credits=credits)


MAX_FRONT_MATTER = 65_536
"""Characters of YAML front matter read at most: metadata, not a document."""


def split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    """YAML front matter as a dict, and the text after it; ({}, raw) when there is none.

    A leading `---` line is only front matter when a closing fence follows and the first
    line inside looks like `key: value`, so a text that opens with a horizontal rule is safe.
    """
    lines = raw.lstrip("\ufeff").split("\n")
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0]):
        return {}, raw
    end = next((i for i in range(1, len(lines)) if _FRONT_MATTER_END.match(lines[i])), None)
    inner = lines[1:end] if end is not None else []
    first = next((line for line in inner if line.strip()), "")
    if end is None or not _FRONT_MATTER_KEY.match(first):
        return {}, raw
    block = "\n".join(inner)
    if len(block) > MAX_FRONT_MATTER:
        raise IngestFailure(f"front matter over {MAX_FRONT_MATTER:,} characters")
    try:
        if any(isinstance(token, yaml.AliasToken) for token in yaml.scan(block)):
            # An alias repeats a node by reference; a few nested ones expand to gigabytes.
            raise IngestFailure("front matter uses YAML aliases (*name), which are refused")
        meta = yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise IngestFailure(f"invalid YAML front matter{where}") from err
    if not isinstance(meta, dict):
        raise IngestFailure("front matter is not a mapping of keys to values")
    return {str(key).lower(): value for key, value in meta.items()}, "\n".join(lines[end + 1 :])


def split_headline(text: str) -> tuple[str | None, str]:
    """(title, rest) when the first line reads as a headline; (None, text) otherwise.

    A headline is short, does not end like a sentence or a lead-in, and is followed by a
    blank line and more text. "Short" is generous (200 characters, 30 words) because wire
    headlines run long; the blank line is what keeps a body's first sentence from qualifying.
    """
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 3 or lines[1].strip():
        return None, text
    first = lines[0].strip()
    if not is_headline(first) or not "\n".join(lines[2:]).strip():
        return None, text
    return first, "\n".join(lines[2:]).lstrip("\n")


def is_headline(line: str) -> bool:
    """True for a line that can be a headline: short, and not ending like a sentence."""
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and not _BYLINE.match(line)
    )


def split_byline(text: str) -> tuple[str | None, str | None, str]:
    """(author, outlet, rest) when the first paragraph is a lone "By Jane Doe[, Outlet]" line."""
    lines = text.lstrip("\n").split("\n")
    first = lines[0].strip()
    if len(first) > _BYLINE_MAX_CHARS or (len(lines) > 1 and lines[1].strip()):
        return None, None, text
    match = _BYLINE.match(first)
    if not match or not "\n".join(lines[1:]).strip():
        return None, None, text
    outlet = match.group("outlet")
    return match.group("name"), outlet.strip() if outlet else None, "\n".join(lines[1:]).lstrip("\n")


def _drop_first_line_if(text: str, title: str) -> str:
    """Remove a first line that repeats the title (front matter plus an H1, or an HTML page)."""
    stripped = text.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    if _same_words(first, title):
        return rest.lstrip("\n")
    return text


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split() or a.casefold().split() == b.casefold().split()


def _strip_trailing_spaces(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))
