"""Feeds: RSS 0.91 and 2.0, Atom, RDF and OPML read into Articles; hostile XML refused, never expanded."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import ArticleDefaults, IngestError, read_inputs
from newsprism.ingest.feed import (
    NO_ENTRY_TEXT,
    labelled_feed_bytes,
    labelled_opml_file,
    opml_feed_urls,
    read_feed_file,
    read_opml_file,
)
from newsprism.ingest.html_text import html_fragment_to_text
from newsprism.model import Article

BUDGET = "The city council approved the new budget late on Monday after a long and heated debate."
SCHOOLS = "The mayor said the vote was a relief for the schools that had waited months for funds."

RSS2 = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbor Gazette</title>
  <link>https://harbor.example/</link>
  <language>en-gb</language>
  <item>
    <title>Council passes budget &amp; tax plan</title>
    <link>https://harbor.example/news/budget</link>
    <guid isPermaLink="false">1001</guid>
    <pubDate>Wed, 14 May 2025 10:00:00 +0200</pubDate>
    <dc:creator>Jane Roe</dc:creator>
    <description>Council &lt;b&gt;passes&lt;/b&gt; budget.</description>
    <content:encoded><![CDATA[<p>{BUDGET}</p>
<script>track()</script>
<p>{SCHOOLS}<br/>Schools will get the money in June.</p>
<p>The post Council passes budget appeared first on Harbor Gazette.</p>]]></content:encoded>
  </item>
  <item>
    <title>Port strike ends</title>
    <link>/news/strike</link>
    <description><![CDATA[
      <p>Dock workers went back to work on Tuesday after a three-day strike over pay.</p>
    ]]></description>
    <pubDate>Tue, 13 May 2025 23:30:00 -0100</pubDate>
  </item>
  <item>
    <title>Empty item</title>
    <link>https://harbor.example/news/empty</link>
  </item>
  <item>
    <title>Ferry timetable changes</title>
    <description>
      The ferry to the islands will run twice a day from next week, the operator said.
    </description>
  </item>
</channel>
</rss>
"""

RSS091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>Valley Caf\xe9 News</title>
<link>http://valley.example/</link>
<description>Local news</description>
<language>fr</language>
<item>
<title>March\xe9 rouvre</title>
<link>http://valley.example/marche</link>
<description>Le march\xe9 couvert rouvre ses portes apr\xe8s deux ans de travaux,
a annonc\xe9 la mairie.</description>
</item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Nordkurier Wire</title>
  <link href="https://wire.example/"/>
  <id>tag:wire.example,2025:feed</id>
  <updated>2025-05-14T12:00:00Z</updated>
  <entry>
    <title type="html">Budget &lt;em&gt;approved&lt;/em&gt;</title>
    <id>tag:wire.example,2025:1</id>
    <link rel="alternate" href="https://wire.example/1"/>
    <published>2025-05-13T22:15:00-04:00</published>
    <updated>2025-05-14T08:00:00Z</updated>
    <author><name>Max Muster</name></author>
    <content type="html">&lt;p&gt;{BUDGET}&lt;/p&gt;&lt;p&gt;{SCHOOLS}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title>
    <id>tag:wire.example,2025:2</id>
    <link href="https://wire.example/2"/>
    <updated>2025-05-14T09:00:00Z</updated>
    <summary>Trains will run on the new line from Monday, the operator said on Wednesday.</summary>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>Plains Herald</title>
    <link>https://rdf.example/</link>
    <description>News from the plains</description>
    <dc:language>es</dc:language>
  </channel>
  <item rdf:about="https://rdf.example/a">
    <title>Sequ\u00eda en el norte</title>
    <link>https://rdf.example/a</link>
    <description>
      La sequ\u00eda obliga a racionar el agua en veinte municipios del norte del pa\u00eds.
    </description>
    <dc:date>2025-05-14</dc:date>
    <dc:creator>Ana Ruiz</dc:creator>
  </item>
</rdf:RDF>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Bomb</title><description>&lol9;</description></item></channel></rss>
"""


def external_entity(target: str) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>Leak</title><description>Secret: &xxe; and more words to make a summary.</description></item>
</channel></rss>
"""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails the test: feeds are read from bytes, never fetched."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [item for item in items if isinstance(item, Article)],
        [item for item in items if isinstance(item, IngestError)],
    )


def test_rss2_entries_carry_content_metadata_and_utc_dates(tmp_path: Path) -> None:
    path = write(tmp_path / "harbor.rss", RSS2)
    articles, errors = split(list(read_feed_file(path)))
    budget, strike, ferry = articles
    assert budget.title == "Council passes budget & tax plan"
    assert budget.url == "https://harbor.example/news/budget"
    assert budget.published == "2025-05-14T08:00:00+00:00"
    assert budget.source == "Harbor Gazette"
    assert budget.language == "en"
    assert budget.author == "Jane Roe"
    assert budget.path == str(path)
    # Paragraphs stay paragraphs, <br> a line break; scripts and the WordPress trailer are gone.
    assert budget.text == f"{BUDGET}\n\n{SCHOOLS}\nSchools will get the money in June."
    assert budget.summary_only is False
    # A guid that is not a URI is only unique in its feed, so it is qualified with the feed's host.
    assert budget.id == "harbor.example#1001"
    # A description alone is a summary; a relative link is made absolute against the feed's link.
    assert strike.summary_only is True
    assert strike.text == "Dock workers went back to work on Tuesday after a three-day strike over pay."
    assert strike.url == "https://harbor.example/news/strike"
    assert strike.id == "https://harbor.example/news/strike"
    assert strike.published == "2025-05-14T00:30:00+00:00"
    # No guid and no link: a hash of the feed and the title, the same on every read.
    assert ferry.url is None and len(ferry.id) == 16
    assert ferry.id == next(a for a in read_feed_file(path) if isinstance(a, Article) and a.url is None).id
    (error,) = errors
    assert error.input == f"{path}#entry-3" and error.reason == NO_ENTRY_TEXT


def test_rss091_with_netscape_doctype_is_read_without_loading_the_dtd(tmp_path: Path) -> None:
    path = write(tmp_path / "valley.xml", RSS091.encode("iso-8859-1"))
    (article,) = read_feed_file(path)
    assert isinstance(article, Article)
    assert article.title == "Marché rouvre"
    assert article.source == "Valley Café News"
    assert article.language == "fr"
    assert article.summary_only is True
    assert article.text.startswith("Le marché couvert rouvre")
    assert article.published is None


def test_atom_entries_use_content_else_summary(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.atom", ATOM)
    full, summary = read_feed_file(path)
    assert isinstance(full, Article) and isinstance(summary, Article)
    assert full.id == "tag:wire.example,2025:1"
    assert full.title == "Budget approved"
    assert full.url == "https://wire.example/1"
    assert full.published == "2025-05-14T02:15:00+00:00"  # published wins over updated, in UTC
    assert full.author == "Max Muster"
    assert full.language == "de"
    assert full.source == "Nordkurier Wire"
    assert full.text == f"{BUDGET}\n\n{SCHOOLS}"
    assert full.summary_only is False
    assert summary.summary_only is True
    assert summary.published == "2025-05-14T09:00:00+00:00"
    assert summary.text == "Trains will run on the new line from Monday, the operator said on Wednesday."


def test_rdf_feed_keeps_a_date_without_time_as_a_date(tmp_path: Path) -> None:
    (article,) = read_feed_file(write(tmp_path / "plains.rdf", RDF))
    assert isinstance(article, Article)
    assert article.id == "https://rdf.example/a"
    assert article.title == "Sequía en el norte"
    assert article.published == "2025-05-14"
    assert article.language == "es"
    assert article.author == "Ana Ruiz"
    assert article.source == "Plains Herald"
    assert article.summary_only is True


def test_defaults_fill_what_a_feed_lacks(tmp_path: Path) -> None:
    bare = """<rss version="2.0"><channel><item><title>Bare</title>
<description>An item from a feed with no title, no link, no language and no dates at all.</description>
</item></channel></rss>"""
    defaults = ArticleDefaults(published="2025-05-01", source="Bare Wire", language="pt")
    (article,) = read_feed_file(write(tmp_path / "bare.rss", bare), defaults)
    assert isinstance(article, Article)
    assert (article.published, article.source, article.language) == ("2025-05-01", "Bare Wire", "pt")
    (own,) = read_feed_file(write(tmp_path / "rdf.rdf", RDF), defaults)
    assert isinstance(own, Article)
    assert (own.published, own.source, own.language) == ("2025-05-14", "Plains Herald", "es")


def test_a_feed_without_a_title_is_named_for_its_domain(tmp_path: Path) -> None:
    feed = """<rss version="2.0"><channel><link>https://www.untitled.example/</link><item>
<title>T</title><description>A short summary of the story that the feed carries with it.</description>
</item></channel></rss>"""
    (article,) = read_feed_file(write(tmp_path / "untitled.rss", feed))
    assert isinstance(article, Article) and article.source == "untitled.example"  # its registered domain


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Just some words, not a feed at all.", "not XML"),
        (b"", "empty file"),
        (b"<html><body><p>A web page, not a feed.</p></body></html>", "not an RSS, Atom or RDF feed"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti", "not well-formed"),
        (b"<rss version='2.0'><channel><title>None</title></channel></rss>", "no entries"),
    ],
)
def test_a_file_that_is_not_a_readable_feed_is_one_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path / "bad.xml", content)
    (error,) = read_feed_file(path)
    assert isinstance(error, IngestError)
    assert error.input == str(path) and reason in error.reason
    assert "\n" not in str(error)


def test_billion_laughs_is_refused_quickly_without_expansion(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.rss", BILLION_LAUGHS)
    started = time.perf_counter()
    (error,) = read_feed_file(path)
    assert time.perf_counter() - started < 1.0
    assert isinstance(error, IngestError)
    assert error.input == str(path) and "declares entities" in error.reason
    assert "lol" not in error.reason


def test_a_bomb_in_utf16_is_refused_too(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb16.xml", BILLION_LAUGHS.replace("utf-8", "utf-16").encode("utf-16"))
    (error,) = read_feed_file(path)
    assert isinstance(error, IngestError) and "declares entities" in error.reason


@pytest.mark.parametrize("target", ["file:///etc/passwd", "http://attacker.example/secret.txt"])
def test_external_entity_is_refused_and_never_resolved(tmp_path: Path, target: str) -> None:
    path = write(tmp_path / "xxe.rss", external_entity(target))
    (error,) = read_feed_file(path)
    assert isinstance(error, IngestError)
    assert error.input == str(path) and "declares entities" in error.reason
    assert "root:" not in str(error)


def test_internal_subset_without_entities_is_refused(tmp_path: Path) -> None:
    feed = RSS2.replace('<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0"?>\n<!DOCTYPE rss [ ]>')
    (error,) = read_feed_file(write(tmp_path / "subset.rss", feed))
    assert isinstance(error, IngestError) and "DOCTYPE" in error.reason


def test_hostile_feed_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "a_bomb.rss", BILLION_LAUGHS)
    write(tmp_path / "b_good.atom", ATOM)
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert [article.id for article in articles] == ["tag:wire.example,2025:1", "tag:wire.example,2025:2"]
    assert [error.input for error in errors] == [str(tmp_path / "a_bomb.rss")]


def test_feed_bytes_are_labelled_with_their_url() -> None:
    items = list(labelled_feed_bytes(ATOM.encode(), name="https://wire.example/feed", path=None))
    assert [label for label, _ in items] == [
        "https://wire.example/feed#entry-1",
        "https://wire.example/feed#entry-2",
    ]
    assert all(isinstance(item, Article) and item.path is None for _, item in items)


OPML = """<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Local">
      <outline text="Harbor" type="rss" xmlUrl="feeds/harbor.rss"/>
      <outline text="Wire" type="rss" xmlUrl="{wire}"/>
      <outline text="Nested"><outline text="Plains" type="rss" xmlurl="feeds/plains.rdf"/></outline>
    </outline>
    <outline text="Remote" type="rss" xmlUrl="https://remote.example/feed.xml"/>
    <outline text="Again" type="rss" xmlUrl="feeds/harbor.rss"/>
    <outline text="A folder with no feed"/>
  </body>
</opml>
"""


def opml_folder(tmp_path: Path) -> Path:
    write(tmp_path / "feeds" / "harbor.rss", RSS2)
    wire = write(tmp_path / "elsewhere" / "wire.atom", ATOM)
    write(tmp_path / "feeds" / "plains.rdf", RDF)
    return write(tmp_path / "list.opml", OPML.format(wire=wire.as_uri()))


def test_opml_lists_feed_urls_nested_and_deduplicated(tmp_path: Path) -> None:
    path = opml_folder(tmp_path)
    assert opml_feed_urls(path) == [
        "feeds/harbor.rss",
        (tmp_path / "elsewhere" / "wire.atom").as_uri(),
        "feeds/plains.rdf",
        "https://remote.example/feed.xml",
    ]


def test_opml_reads_local_feeds_and_reports_remote_ones_without_a_fetcher(tmp_path: Path) -> None:
    path = opml_folder(tmp_path)
    articles, errors = split(list(read_opml_file(path)))
    assert [article.source for article in articles] == ["Harbor Gazette"] * 3 + ["Nordkurier Wire"] * 2 + [
        "Plains Herald"
    ]
    assert articles[0].path == str(tmp_path / "feeds" / "harbor.rss")
    remote = [error for error in errors if error.input.startswith("https://")]
    assert len(remote) == 1
    assert remote[0].input == "https://remote.example/feed.xml" and "not fetched" in remote[0].reason


def test_opml_fetches_remote_feeds_through_the_hook(tmp_path: Path) -> None:
    path = opml_folder(tmp_path)
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return RDF.replace("rdf.example", "remote.example").encode("utf-8")

    items = list(labelled_opml_file(path, fetch_feed=fetch))
    assert asked == ["https://remote.example/feed.xml"]
    label, remote = items[-1]
    assert label == "https://remote.example/feed.xml#entry-1"
    assert isinstance(remote, Article) and remote.url == "https://remote.example/a"


def test_a_failing_fetch_is_one_error_and_the_list_goes_on(tmp_path: Path) -> None:
    path = opml_folder(tmp_path)

    def fetch(url: str) -> bytes:
        raise OSError("connection refused")

    articles, errors = split(list(read_opml_file(path, fetch_feed=fetch)))
    assert len(articles) == 6
    assert [(error.input, error.reason) for error in errors if error.input.startswith("https")] == [
        ("https://remote.example/feed.xml", "feed could not be fetched: connection refused")
    ]


def test_opml_in_a_folder_with_its_feeds_reads_each_feed_once(tmp_path: Path) -> None:
    opml_folder(tmp_path)
    articles, errors = split(list(read_inputs([str(tmp_path)])))
    assert len(articles) == 6 and len({article.id for article in articles}) == 6
    assert not [error for error in errors if "duplicate id" in error.reason]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<opml><body><outline text='x'/></body></opml>", "OPML lists no feeds"),
        ("<rss version='2.0'><channel/></rss>", "not an OPML document"),
        (BILLION_LAUGHS.replace("<rss", "<opml").replace("</rss>", "</opml>"), "declares entities"),
        ("<opml><body><outline xmlUrl='a.rss'>", "not well-formed XML"),
    ],
)
def test_a_bad_opml_file_is_one_error(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "bad.opml", content)
    (error,) = read_opml_file(path)
    assert isinstance(error, IngestError) and error.input == str(path) and reason in error.reason


def test_a_missing_local_feed_is_an_error_naming_its_path(tmp_path: Path) -> None:
    path = write(tmp_path / "list.opml", "<opml><body><outline xmlUrl='gone.rss'/></body></opml>")
    (error,) = read_opml_file(path)
    assert isinstance(error, IngestError)
    assert error.input == str(tmp_path / "gone.rss") and error.reason == "No such file or directory"


def test_html_fragments_keep_paragraphs_and_drop_hidden_parts() -> None:
    fragment = "<div>First <b>bold</b>\n  line<br>second</div><style>p{}</style><ul><li>one<li>two</ul>"
    assert html_fragment_to_text(fragment) == "First bold line\nsecond\n\none\n\ntwo"
    assert html_fragment_to_text("Tom &amp; Jerry<!-- note --> again") == "Tom & Jerry again"


def test_an_entity_hidden_behind_a_comment_is_still_found(tmp_path: Path) -> None:
    feed = '<?xml version="1.0"?>\n<!-- <rss> -->\n' + BILLION_LAUGHS.split("\n", 1)[1]
    (error,) = read_feed_file(write(tmp_path / "hidden.rss", feed))
    assert isinstance(error, IngestError) and "declares entities" in error.reason


def test_markup_about_entities_inside_the_content_is_not_refused(tmp_path: Path) -> None:
    about = RSS2.replace(f"<p>{BUDGET}</p>", f'<p>{BUDGET}</p><pre><!ENTITY x SYSTEM "file:///x"></pre>')
    articles, _ = split(list(read_feed_file(write(tmp_path / "about.rss", about))))
    assert len(articles) == 3


def test_an_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    dtd = write(tmp_path / "evil.dtd", '<!ENTITY secret "LEAKED">')
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "{dtd.as_uri()}">
<rss version="2.0"><channel><title>T</title><item><title>A</title>
<description>Before &secret; and after, with enough words for a summary.</description>
</item></channel></rss>"""
    (article,) = read_feed_file(write(tmp_path / "dtd.rss", feed))
    assert isinstance(article, Article) and "LEAKED" not in article.text


CJK_FEEDS = {
    "big5": ("港口大橋因維修關閉", "市議會週一投票決定關閉港口大橋進行維修。"),
    "gb2312": ("港口大桥因维修关闭", "市议会周一投票决定关闭港口大桥进行维修。"),
    "euc-kr": ("항구 다리 보수로 폐쇄", "시의회는 월요일 항구 다리를 보수하기 위해 폐쇄하기로 의결했다."),
    "shift_jis": ("港の橋、修理のため閉鎖", "市議会は月曜日、修理のため港の橋を閉鎖することを決めた。"),
}


@pytest.mark.parametrize("encoding", sorted(CJK_FEEDS))
def test_a_feed_in_a_multi_byte_legacy_encoding_is_read(tmp_path: Path, encoding: str) -> None:
    title, body = CJK_FEEDS[encoding]
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>港</title>'
        f"<item><title>{title}</title><link>https://news.example/1</link>"
        f"<description>{body}</description></item></channel></rss>"
    )
    path = tmp_path / f"{encoding}.rss"
    path.write_bytes(xml.encode(encoding))
    (article,) = list(read_feed_file(path))
    assert isinstance(article, Article)
    assert article.title == title and body in article.text


def test_a_feed_declaring_an_unknown_encoding_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.rss"
    path.write_bytes(b'<?xml version="1.0" encoding="x-no-such-code"?><rss version="2.0"><channel/></rss>')
    (error,) = list(read_feed_file(path))
    assert isinstance(error, IngestError) and "unknown encoding" in error.reason


def test_an_undeclared_html_entity_in_an_empty_feed_is_reported_as_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Caf&eacute;&nbsp;</title></channel></rss>'
    )
    (error,) = list(read_feed_file(path))
    assert isinstance(error, IngestError) and error.reason == "feed has no entries"
