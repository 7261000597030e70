"""A fragment of HTML (a feed entry's content or summary) -> plain text with its paragraphs kept.

A feed entry's content is already the article body, so there is no boilerplate to find and
trafilatura's page heuristics (which drop short pages and link-heavy blocks) would only lose
text. What matters is that paragraphs stay paragraphs: sentence splitting and the quote finder
read a paragraph break as the end of a sentence, and text run together across paragraphs would
make one sentence of two.
"""

from __future__ import annotations

import html
import re

import lxml.html
from lxml import etree

# Elements whose start and end break the text into paragraphs.
# fmt: off
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
})
# Elements whose content is never text a reader sees.
HIDDEN_TAGS = frozenset({
    "button", "embed", "form", "head", "iframe", "noscript", "object", "script", "select", "style", "svg",
    "template",
})
# fmt: on
# Markers no text holds, placed where a block starts or ends and where a <br> is; whitespace in
# the markup is collapsed first, as a browser does, and only the markers become newlines.
_PARAGRAPH = "\x00"
_LINE = "\x01"
_MARKERS = re.compile("[\x00\x01]")
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


def html_fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment: paragraphs separated by a blank line, `<br>` kept as a newline.

    Whitespace inside a paragraph is collapsed as a browser would; scripts, styles and forms are
    dropped; character references are decoded.
    """
    fragment = _MARKERS.sub("", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(html.unescape(_TAG.sub(" ", fragment)))
    parts: list[str] = []
    # iterwalk, not recursion: a hostile fragment can nest elements deeper than Python's stack.
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            parts.append(element.tail or "")
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in HIDDEN_TAGS:
                walker.skip_subtree()  # its "end" still comes, and adds its tail
                continue
            if tag in BLOCK_TAGS:
                parts.append(_PARAGRAPH)
            elif tag == "br":
                parts.append(_LINE)
            parts.append(element.text or "")
        else:
            if tag in BLOCK_TAGS:
                parts.append(_PARAGRAPH)
            if element is not root:
                parts.append(element.tail or "")
    return _paragraphs("".join(parts))


def plain_text_paragraphs(text: str) -> str:
    """Plain text laid out as `html_fragment_to_text` lays out HTML: a blank line between paragraphs."""
    text = _MARKERS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return _paragraphs(_BLANK_LINE.sub(_PARAGRAPH, text).replace("\n", _LINE))


def _paragraphs(text: str) -> str:
    paragraphs = []
    for block in text.split(_PARAGRAPH):
        lines = (" ".join(line.split()) for line in block.split(_LINE))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)
