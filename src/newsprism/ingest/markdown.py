"""Markdown -> readable prose, one paragraph per line, paragraphs separated by blank lines.

The analyzers want sentences, not markup: `**bold**` markers would end up inside entity
names and `[text](url)` inside quotes. Markdown also wraps paragraphs over several lines,
while the sentence splitter starts a sentence at every line break, so soft-wrapped lines are
joined. This is a reader for article-like Markdown, not a full CommonMark implementation.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_1 = re.compile(r"^\s{0,3}=+\s*$")
_SETEXT_2 = re.compile(r"^\s{0,3}-+\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")

_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"<!--.*?-->", ""),
        (r"!\[[^\]]*\]\([^)]*\)", ""),  # images carry no prose
        (r"!\[[^\]]*\]\[[^\]]*\]", ""),
        (r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)", r"\1"),
        (r"\[([^\]]+)\]\[[^\]]*\]", r"\1"),
        (r"<(https?://[^>\s]+)>", r"\1"),
        (r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>", ""),  # inline HTML tags, not the text between
        (r"`([^`]+)`", r"\1"),
        (r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2"),
        (r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1"),
        (r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1"),
        (r"~~(.+?)~~", r"\1"),
        (r"\\([\\`*_{}\[\]()#+\-.!>|~])", r"\1"),
    )
)
_SPACES = re.compile(r"[ \t]+")


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """(prose, heading) where heading is the text of a heading that opens the document."""
    blocks = _Blocks()
    fence: str | None = None
    for line in markdown.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            blocks.end()
            fence = opened.group(1)[:3]
            continue
        blocks.add(line)
    blocks.end()
    lines = [[inline_to_text(line) for line in block] for block in blocks.blocks]
    paragraphs = ["\n".join(line for line in block if line) for block in lines]
    heading = paragraphs[0] if blocks.blocks and blocks.first_is_heading else None
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph), heading or None


def inline_to_text(line: str) -> str:
    """Strip inline markup (links, emphasis, code spans, tags) and keep the words."""
    for pattern, replacement in _INLINE_RULES:
        line = pattern.sub(replacement, line)
    return _SPACES.sub(" ", line).strip()


class _Blocks:
    """Accumulates the document's paragraphs, headings and lists as lists of output lines."""

    def __init__(self) -> None:
        self.blocks: list[list[str]] = []
        self.first_is_heading = False
        self._current: list[str] = []
        self._is_list = False
        self._hard_break = False

    def add(self, line: str) -> None:
        if not line.strip():
            self.end()
            return
        if _COMMENT.match(line) or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            return
        if self._current and not self._is_list and (_SETEXT_1.match(line) or _SETEXT_2.match(line)):
            self._heading(" ".join(self._current))
            return
        if _RULE.match(line):
            self.end()
            return
        atx = _ATX.match(line)
        if atx:
            self._heading(atx.group(2))
            return
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        item = _LIST_ITEM.match(line)
        if item:
            if not self._is_list:
                self.end()
                self._is_list = True
            self._current.append(item.group(1).strip())
        elif self._current and not self._hard_break:
            self._current[-1] = f"{self._current[-1]} {line.strip()}"  # a soft-wrapped line
        else:
            self._current.append(line.strip())
        self._hard_break = line.endswith(("  ", "\\"))
        if self._hard_break and self._current[-1].endswith("\\"):
            self._current[-1] = self._current[-1][:-1].rstrip()

    def end(self) -> None:
        if self._current:
            self.blocks.append(self._current)
        self._current, self._is_list, self._hard_break = [], False, False

    def _heading(self, text: str) -> None:
        self._current = []
        self.end()
        if not self.blocks:
            self.first_is_heading = True
        self.blocks.append([text.strip()])
