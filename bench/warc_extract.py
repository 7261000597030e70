"""Throughput of WARC ingest: news pages per second through `read_inputs`, and peak memory.

The target is at least 200 pages a second on one core for typical news pages of 20-60 KB, the
size of a CC-NEWS response. The archive is built here, gzipped one record per member as Common
Crawl writes it: article text from bench/corpus.py (synthetic, our own templates) wrapped in the
markup a real news page carries around it (inline scripts and styles in the head, a navigation
menu, a byline, a figure, related links, a newsletter box, a long footer), with a request record
before each response and an image response every tenth page, so the reader also pays for the
records it skips. Timing covers reading the archive and extracting every page; building it
does not count. CPU time of this process is used, so the figure does not depend on how busy
the machine is.

    python bench/warc_extract.py [--n 2000] [--min-rate 200] [--keep OUT.warc.gz]

Exits 1 when the rate falls below `--min-rate`, so `make bench` would flag a regression.
"""

from __future__ import annotations

import argparse
import html
import io
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corpus import synthetic_articles
from newsprism.ingest import IngestError, read_inputs
from newsprism.model import Article

SECTIONS = ("World", "Politics", "Business", "Climate", "Science", "Health", "Sport", "Culture", "Opinion")
_SCRIPT_LINE = (
    "window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}"
    "gtag('config','UA-{n}-1',{{'anonymize_ip':true,'page_section':'{section}'}});"
    "var ads=document.querySelectorAll('.ad-slot');for(var i=0;i<ads.length;i++){{ads[i].dataset.k={n}+i;}}\n"
)
_STYLE_LINE = ".c{n} .story-body p{{margin:0 0 1.2em;font:18px/1.6 Georgia,serif;color:#1a1a1a}}\n"
_CAPTION = "Photo: Staff photographer"
_PIXEL = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def news_page(article: Article, rng: random.Random) -> str:
    """A page the way a news site serves one: the story is a small part of the markup."""
    title = html.escape(article.title or "")
    section = rng.choice(SECTIONS)
    paragraphs = article.text.split("\n\n")[1:]  # the first paragraph repeats the title
    scripts = "".join(
        _SCRIPT_LINE.format(n=rng.randrange(10**6), section=section) for _ in range(rng.randint(20, 110))
    )
    styles = "".join(_STYLE_LINE.format(n=k) for k in range(rng.randint(40, 160)))
    menu = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in SECTIONS)
    submenu = "".join(
        f'<li><a href="/{section.lower()}/topic-{k}">Topic {k}</a></li>' for k in range(rng.randint(10, 40))
    )
    body = []
    for k, paragraph in enumerate(paragraphs):
        body.append(f"<p>{html.escape(paragraph)}</p>")
        if k == 2:
            body.append(f'<figure><img src="/img/{k}.jpg"><figcaption>{_CAPTION}</figcaption></figure>')
        if k == 5:
            body.append('<aside class="ad-slot" data-slot="mid"><span>Advertisement</span></aside>')
    related = "".join(
        f'<li><a href="/{section.lower()}/{rng.randrange(10**6)}">More on {section}: story {k}</a></li>'
        for k in range(rng.randint(6, 20))
    )
    footer_links = "".join(
        f'<li><a href="/page/{k}">Footer link {k}</a></li>' for k in range(rng.randint(30, 90))
    )
    published = article.published or "2025-01-01"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {html.escape(article.source or "News")}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{published}T08:00:00Z">
<meta name="author" content="Staff Reporter">
<link rel="canonical" href="{article.url}">
<style>{styles}</style>
<script>{scripts}</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{title}","datePublished":"{published}T08:00:00Z",
"author":{{"@type":"Person","name":"Staff Reporter"}}}}</script>
<script type="application/json" id="config">{{"section":"{section}","paywall":false}}</script>
</head><body>
<header class="site-header"><a class="logo" href="/">{html.escape(article.source or "News")}</a>
<nav class="main-nav"><ul>{menu}</ul><ul class="sub">{submenu}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>
<main><div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/{section.lower()}">{section}</a></div>
<article class="story"><h1>{title}</h1>
<div class="byline">By <span class="author">Staff Reporter</span>,
<time datetime="{published}">{published}</time></div>
<div class="story-body">{"".join(body)}</div>
<div class="share"><a href="#">Share on social</a> <a href="#">Email</a></div></article>
<section class="related"><h2>More from {section}</h2><ul>{related}</ul></section>
<div class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the day's top stories.</p></div>
<div id="comments"><h3>Comments</h3><p>Comments are closed for this story.</p></div></main>
<footer><ul>{footer_links}</ul><p>Copyright 2025. All rights reserved.</p></footer>
<script>{scripts[: len(scripts) // 3]}</script>
</body></html>
"""


def write_news_warc(path: Path, n: int, seed: int = 3) -> tuple[int, int]:
    """A gzipped WARC of `n` news pages; returns (pages, bytes of HTML written)."""
    rng = random.Random(seed)
    html_bytes = 0
    crawled = datetime(2025, 1, 1, 6, 0, 0)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for k, article in enumerate(_articles(n)):
            uri = f"https://news{k % 17}.example.com/{k}/story.html"
            date = (crawled + timedelta(seconds=k)).strftime("%Y-%m-%dT%H:%M:%SZ")
            request = StatusAndHeaders(
                "GET /story.html HTTP/1.1", [("Host", "example.com")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            page = news_page(article, rng).encode("utf-8")
            html_bytes += len(page)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(page),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
            if k % 10 == 0:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        uri + ".png", "response", payload=io.BytesIO(_PIXEL), http_headers=image
                    )
                )
    return n, html_bytes


def _articles(n: int) -> Iterator[Article]:
    yield from synthetic_articles(n, seed=5)


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="pages in the archive")
    parser.add_argument(
        "--min-rate", type=float, default=200.0, help="pages per second below which to exit 1"
    )
    parser.add_argument("--keep", type=Path, help="write the archive here and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "bench.warc.gz"
        pages, html_bytes = write_news_warc(path, args.n)
        rss_before = peak_rss_mb()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        articles = errors = 0
        for item in read_inputs([str(path)]):
            if isinstance(item, IngestError):
                errors += 1
            else:
                articles += 1
        cpu = time.process_time() - start_cpu
        wall = time.perf_counter() - start_wall
        archive_mb = path.stat().st_size / 1e6
    rate = pages / cpu
    print(
        f"{pages} pages ({html_bytes / pages / 1000:.1f} KB HTML each, archive {archive_mb:.1f} MB gzipped): "
        f"{articles} articles, {errors} errors"
    )
    print(f"{rate:.0f} pages/s on CPU time ({cpu:.2f} s CPU, {wall:.2f} s wall)")
    print(f"peak RSS {peak_rss_mb():.0f} MB (after building the archive: {rss_before:.0f} MB)")
    if articles != pages:
        print(f"expected {pages} articles", file=sys.stderr)
        sys.exit(1)
    if rate < args.min_rate:
        print(f"below the target of {args.min_rate:.0f} pages/s", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
