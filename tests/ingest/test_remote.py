"""URLs as inputs: pages, feeds whose summary-only entries get their pages, URL lists, OPML, offline runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.ingest import IngestError, read_inputs
from newsprism.ingest.fetch import FetchPolicy
from newsprism.model import Article

PAGE = """<!doctype html><html><head><title>Harbour bridge closes for repairs | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge closes for repairs</h1>
<p>The city council voted on Monday to close the old harbour bridge for six weeks of repairs,
after engineers found corroded steel in two of its supporting piers.</p>
<p>Mayor Ana Lopez said the work would start on 3 March and that ferries would run every twenty
minutes while the bridge is shut to cars, cyclists and pedestrians.</p>
<p>Shop owners on the quay said they feared losing customers during the busiest weeks of spring.</p>
</article><footer>Copyright Coast Courier</footer></body></html>"""


def feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coast Courier</title><link>{base}/</link>
<item><title>Harbour bridge closes for repairs</title><link>{base}/bridge</link>
<guid>{base}/bridge</guid><pubDate>Mon, 24 Feb 2025 09:30:00 GMT</pubDate>
<description>The old harbour bridge will close for six weeks.</description></item>
<item><title>Gone missing</title><link>{base}/missing</link><guid>{base}/missing</guid>
<pubDate>Mon, 24 Feb 2025 10:00:00 GMT</pubDate>
<description>A page that is no longer there.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/bridge": ("text/html; charset=utf-8", PAGE),
            "/feed.xml": ("application/rss+xml", feed(base)),
        }
        if self.path not in routes:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        kind, body = routes[self.path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


LOCAL = FetchPolicy(allow_private=True, min_interval=0.0, retries=0, deadline=10.0)


def test_a_page_url_becomes_an_article(base: str) -> None:
    [article] = list(read_inputs([f"{base}/bridge"], fetch=LOCAL))
    assert isinstance(article, Article)
    assert article.title == "Harbour bridge closes for repairs"
    assert "corroded steel" in article.text
    assert article.url == f"{base}/bridge"


def test_a_feed_url_fetches_the_pages_of_summary_only_entries(base: str) -> None:
    items = list(read_inputs([f"{base}/feed.xml"], fetch=LOCAL))
    bridge, missing = items
    assert isinstance(bridge, Article) and isinstance(missing, Article)
    assert not bridge.summary_only
    assert "corroded steel" in bridge.text
    assert bridge.published and bridge.published.startswith("2025-02-24")
    # The page is gone: the summary stays, marked as such, and nothing is lost.
    assert missing.summary_only
    assert missing.text == "A page that is no longer there."


def test_a_url_list_and_an_unreachable_line(base: str, tmp_path: Path) -> None:
    urls = tmp_path / "today.urls"
    urls.write_text(f"# morning list\n{base}/bridge\n\n{base}/nowhere\n", encoding="utf-8")
    items = list(read_inputs([str(urls)], fetch=LOCAL))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError)
    assert str(items[1]).startswith(f"{base}/nowhere:")
    assert "\n" not in str(items[1])


def test_opml_remote_feeds_are_fetched_under_the_policy(base: str, tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline text="Courier" type="rss" xmlUrl="{base}/feed.xml"/></body></opml>',
        encoding="utf-8",
    )
    items = list(read_inputs([str(opml)], fetch=LOCAL))
    assert [type(i) for i in items] == [Article, Article]
    assert all(i.summary_only for i in items if isinstance(i, Article))  # OPML pages only with fetch_pages
    fetched = list(read_inputs([str(opml)], fetch=LOCAL, fetch_pages=True))
    assert isinstance(fetched[0], Article) and not fetched[0].summary_only


def test_the_default_policy_refuses_loopback_and_offline_runs_refuse_urls(base: str) -> None:
    [refused] = list(read_inputs([f"{base}/bridge"]))
    assert isinstance(refused, IngestError)
    assert "refused" in refused.reason
    [offline] = list(read_inputs([f"{base}/bridge"], fetch=None))
    assert isinstance(offline, IngestError)
    assert "switched off" in offline.reason


def test_a_url_list_is_read_as_bounded_local_text(tmp_path: Path) -> None:
    zero = tmp_path / "endless.urls"
    zero.symlink_to("/dev/zero")
    (error,) = list(read_inputs([str(zero)], fetch=LOCAL))
    assert isinstance(error, IngestError) and "not a regular file" in error.reason
    comments = tmp_path / "quiet.urls"
    comments.write_text("# nothing today\n", encoding="utf-8")
    (none,) = list(read_inputs([str(comments)], fetch=LOCAL))
    assert isinstance(none, IngestError) and none.reason == "no URLs in list"
