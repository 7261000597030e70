"""Saved web pages -> Article, through trafilatura.

trafilatura finds the main text of a page (dropping navigation, comments and footers) and
its metadata (title, author, date, canonical URL, site name). Its date search is limited to
the page's markup: guessing a date from the body text can pick the date of the event rather
than of publication, and a wrong date is worse than none because relative dates ("on
Wednesday") are resolved against it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import trafilatura
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from newsprism.ingest.boilerplate import strip_boilerplate
from newsprism.ingest.encoding import decode_bytes, normalize_text, read_bytes
from newsprism.ingest.errors import IngestFailure
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults, as_text, build_article
from newsprism.model import Article

NO_TEXT = "no article text found"
# When a page has no main text, extractors fall back to whatever is left (a menu's "Home");
# a page counts as an article only if some line reads like prose, not a label.
PROSE_MIN_WORDS = 6
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I)
_LANG_SNIFF_CHARS = 4096
_PRUNED = XPath(
    "//script[not(contains(@type, 'ld+json'))] | //style | //noscript | //template | //svg"
    " | //iframe | //nav | //footer"
)


def read_html_file(path: str | Path, defaults: ArticleDefaults = NO_DEFAULTS) -> Article:
    """Read one saved HTML page; raises IngestFailure when it holds no article text."""
    path_text = str(path)
    html = decode_bytes(read_bytes(path), path_text)
    return html_to_article(html, id=Path(path_text).stem, path=path_text, defaults=defaults)


def html_to_article(
    html: str,
    *,
    id: str,
    path: str | None,
    defaults: ArticleDefaults = NO_DEFAULTS,
    url: str | None = None,
    fast: bool = False,
) -> Article:
    """Extract the main text and metadata of a page into an Article.

    `url` is where the page came from, if known: trafilatura reads a date and the host name
    from it. `fast` is for bulk input (web archives): no fallback extractors, and the parts of
    the page trafilatura would discard anyway are pruned before it looks at them.
    """
    document = _extract(html, url=url, fast=fast)
    text = normalize_text(document.get("text") or "")
    title = as_text(document.get("title"))
    if title:
        text = _drop_repeated_title(text, title)
    cleaned = strip_boilerplate(text)
    if not any(len(line.split()) >= PROSE_MIN_WORDS for line in cleaned.text.split("\n")):
        raise IngestFailure(NO_TEXT)
    language = _declared_language(html)
    meta = {
        "title": title,
        "author": document.get("author"),
        "url": document.get("url") or url,
        "source": _site_name(document),  # else the URL's outlet: see fields.resolve_source
        "published": document.get("date"),
        "language": document.get("language") or language,
    }
    return build_article(
        id=id, text=cleaned.text, meta=meta, path=path, defaults=defaults, credits=cleaned.credits
    )


_HOSTLIKE = re.compile(r"^[\w.-]+(?::\d+)?$")


def _site_name(document: dict[str, Any]) -> str | None:
    """The page's own name for its site (og:site_name), or None where trafilatura filled in the
    host ("127.0.0.1:8000", "edition.cnn.com"): the outlet registry names a host better."""
    name = as_text(document.get("sitename"))
    if (
        name is None
        or name == document.get("hostname")
        or (("." in name or ":" in name) and _HOSTLIKE.match(name))
    ):
        return None
    return name


def _extract(html: str, *, url: str | None = None, fast: bool = False) -> dict[str, Any]:
    try:
        page = _pruned_tree(html) if fast else html
        document = None if page is None else _bare_extraction(page, url=url, fast=fast)
    except Exception as err:  # trafilatura and lxml raise many types on malformed pages
        raise IngestFailure(f"HTML could not be parsed ({type(err).__name__})") from err
    if document is None:
        raise IngestFailure(NO_TEXT)
    found = document if isinstance(document, dict) else document.as_dict()
    if not (found.get("text") or "").strip():
        raise IngestFailure(NO_TEXT)
    return found


def _bare_extraction(page: str | HtmlElement, *, url: str | None, fast: bool) -> Any:
    return trafilatura.bare_extraction(
        page,
        url=url,
        fast=fast,
        with_metadata=True,
        include_comments=False,
        # Tables hold figures, not prose; their cells would become broken "sentences".
        include_tables=False,
        date_extraction_params=set_date_params(extensive=False),
    )


def _pruned_tree(html: str) -> HtmlElement | None:
    """The page's tree without what trafilatura removes before it looks for text anyway.

    Its metadata pass runs on the whole tree first, and reading licence and category links out
    of a long footer or menu costs it more time than finding the article does. JSON-LD scripts
    stay: they hold the title, author and date.
    """
    tree = load_html(html)
    if tree is None:
        return None
    for element in _PRUNED(tree):
        element.drop_tree()  # keeps the element's tail text
    return tree


def _drop_repeated_title(text: str, title: str) -> str:
    """trafilatura keeps the page's <h1> as the first line; the title field already holds it."""
    first, _, rest = text.partition("\n")
    if first.casefold().split() == title.casefold().split():
        return rest.lstrip("\n")
    return text


def _declared_language(html: str) -> str | None:
    match = _HTML_LANG.search(html[:_LANG_SNIFF_CHARS])
    return match.group(1) if match else None
