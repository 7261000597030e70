"""Saved web pages: main text and metadata through trafilatura, promo lines and repeats removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest.errors import IngestFailure
from newsprism.ingest.fields import ArticleDefaults
from newsprism.ingest.html import read_html_file

PARAGRAPHS = [
    "The city council approved the new budget late on Monday after a debate that lasted hours.",
    "The mayor said the vote was a relief for the schools that had waited for months for funds.",
    "Opposition members said they would keep pressing for lower taxes in the coming year.",
]
PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Council Passes Budget | City Courier</title>
<meta property="og:site_name" content="City Courier">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-04T09:15:00Z">
<link rel="canonical" href="https://courier.example/budget">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Council Passes Budget</h1>
{paragraphs}
<p>Read more: Schools wait for funds</p>
<p>Reporting contributed by Reuters.</p>
</article>
<footer>Copyright City Courier. Terms. Privacy.</footer>
</body></html>"""


def write_page(tmp_path: Path, html: str, name: str = "budget.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def full_page() -> str:
    return PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in PARAGRAPHS))


def test_page_metadata_is_read(tmp_path: Path) -> None:
    article = read_html_file(write_page(tmp_path, full_page()))
    assert article.id == "budget"
    assert article.title == "Council Passes Budget"
    assert article.author == "Jane Doe"
    assert article.source == "City Courier"
    assert article.url == "https://courier.example/budget"
    assert article.published == "2025-03-04"
    assert article.language == "en"


def test_main_text_keeps_paragraphs_on_lines_without_title_nav_or_promo(tmp_path: Path) -> None:
    article = read_html_file(write_page(tmp_path, full_page()))
    assert article.text.split("\n") == PARAGRAPHS
    assert article.credits == ["Reuters"]


def test_defaults_fill_what_the_page_lacks(tmp_path: Path) -> None:
    bare = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    defaults = ArticleDefaults(published="2025-05-14", source="Wire Desk")
    article = read_html_file(write_page(tmp_path, bare, "bare.htm"), defaults)
    assert (article.published, article.source) == ("2025-05-14", "Wire Desk")


def test_page_without_article_text_is_a_failure(tmp_path: Path) -> None:
    empty = "<html><head><title>Nothing</title></head><body><nav>Home</nav><div></div></body></html>"
    with pytest.raises(IngestFailure, match="no article text found"):
        read_html_file(write_page(tmp_path, empty, "empty.html"))
