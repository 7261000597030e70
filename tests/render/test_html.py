"""The HTML report: self-contained, escaped, every sentence shown and coloured by its fact."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsprism.model import Analysis, Article, Comparison, Fact, FactMention, Sentence
from newsprism.render.html import render_html

HOSTILE = "<script>alert('x')</script>"


class _Page(HTMLParser):
    """Every element's attributes by id, the text of each sentence item, and all hrefs/srcs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.by_id: dict[str, dict[str, str]] = {}
        self.text: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._open: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.by_id[attributes["id"]] = attributes
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag == "li" and re.fullmatch(r"[A-Z]+-s\d+", attributes.get("id", "")):
            self._open = attributes["id"]
            self.text[self._open] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open] += data


def _classes(page: _Page, element_id: str) -> set[str]:
    return set(page.by_id[element_id]["class"].split())


def test_script_in_a_title_and_a_sentence_is_shown_as_text(comparison: Comparison) -> None:
    comparison.articles[1].title = f"Bridge shut {HOSTILE}"
    comparison.analyses[1].sentences[2].text = f"Officials said {HOSTILE} repairs take a month."
    html = render_html(comparison)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    page = _Page(html)
    assert HOSTILE in page.text["B-s2"]
    assert [tag for tag, attrs in page.tags if tag == "script"] == ["script"]  # only our inline helper


def test_every_sentence_of_every_article_appears_with_its_status_class(comparison: Comparison) -> None:
    page = _Page(render_html(comparison))
    expected = {
        "A-s0": "corroborated",
        "B-s0": "corroborated",
        "C-s0": "corroborated",
        "A-s3": "disputed",
        "B-s1": "disputed",
        "A-s4": "single_source",
        "C-s2": "single_source",
    }
    for element_id, status in expected.items():
        assert {"s", status} <= _classes(page, element_id), element_id
    for label, analysis in zip("ABC", comparison.analyses, strict=True):
        for sentence in analysis.sentences:
            assert sentence.text in page.text[f"{label}-s{sentence.index}"]


def test_sentences_of_one_fact_share_a_data_fact_key_across_columns(comparison: Comparison) -> None:
    page = _Page(render_html(comparison))
    assert (
        page.by_id["A-s0"]["data-fact"] == page.by_id["B-s0"]["data-fact"] == page.by_id["C-s0"]["data-fact"]
    )
    assert page.by_id["A-s3"]["data-fact"] == page.by_id["B-s1"]["data-fact"]
    assert page.by_id["A-s0"]["data-fact"] != page.by_id["A-s3"]["data-fact"]


def test_sentence_without_a_fact_is_shown_uncoloured(comparison: Comparison) -> None:
    comparison.facts = [f for f in comparison.facts if f.id != "f4"]
    page = _Page(render_html(comparison))
    assert _classes(page, "A-s4") == {"s", "none"}
    assert "data-fact" not in page.by_id["A-s4"]


def test_every_internal_link_lands_on_an_element(comparison: Comparison) -> None:
    page = _Page(render_html(comparison))
    internal = [href[1:] for href in page.hrefs if href.startswith("#")]
    assert internal
    missing = sorted({target for target in internal if target not in page.by_id})
    assert missing == []


def test_page_is_self_contained(comparison: Comparison) -> None:
    html = render_html(comparison)
    assert "<link" not in html
    assert "<script src" not in html
    assert not re.search(r"""src=["']?https?:""", html)
    assert "@import" not in html
    assert "url(" not in html
    # Article URLs may appear as links a reader follows, never as something the page loads.
    assert 'href="https://news.example/herald-17"' in html


def test_sections_are_present(comparison: Comparison) -> None:
    html = render_html(comparison)
    for heading in (
        "In brief",
        "The sources side by side",
        "Where they differ",
        "Only one outlet reports",
        "Actors",
        "Quotes by speaker",
        "Timeline",
        "Wording and framing",
    ):
        assert f">{heading}</h2>" in html, heading
    assert "11 March 2024" in html  # timeline dates are written for people
    assert '<span class="tag">direct</span>' in html and '<span class="tag">said</span>' in html
    assert '<span class="tag">reported</span>' in html


def test_actors_with_roles_get_rows_and_the_rest_one_line_by_outlet(comparison: Comparison) -> None:
    html = render_html(comparison)
    table = html.split('id="actors"', 1)[1].split("</table>", 1)[0]
    assert "Ana Ortiz" in table and "Liam Chen" in table
    assert "Harbor Bridge" not in table
    passing = html.split('id="actors"', 1)[1].split("</section>", 1)[0].split("</table>", 1)[1]
    assert "without a role:" in passing
    page = _Page(html)
    # Still an anchor, so a quote group or a link can point at it.
    assert any(attrs.get("id", "").startswith("actor-") and tag == "span" for tag, attrs in page.tags)
    assert "Harbour Bridge" in passing


def _long_article(number: int, sentences: int) -> tuple[Article, Analysis, list[Fact]]:
    article_id = f"outlet-{number}"
    parts, text = [], ""
    for index in range(sentences):
        sentence = f"Sentence {index} of outlet {number} reports detail {index % 7}."
        parts.append(Sentence(index, sentence, len(text), len(text) + len(sentence)))
        text += sentence + " "
    article = Article(id=article_id, text=text, title=f"Report {number}", source=f"Outlet {number}")
    facts = [
        Fact(f"{article_id}-f{i}", "single_source", [FactMention(article_id, i, parts[i].text)])
        for i in range(3)
    ]
    return article, Analysis(article_id, "en", parts), facts


def test_six_long_articles_render_every_sentence_in_six_columns() -> None:
    built = [_long_article(n, 100) for n in range(6)]
    comparison = Comparison(
        articles=[b[0] for b in built], analyses=[b[1] for b in built], facts=[f for b in built for f in b[2]]
    )
    html = render_html(comparison)
    page = _Page(html)
    assert "--cols: 6" in html
    for label in "ABCDEF":
        assert f"src-{label}" in page.by_id
        assert all(f"{label}-s{i}" in page.by_id for i in range(100))
    assert _classes(page, "F-s2") == {"s", "single_source"}
    assert _classes(page, "F-s50") == {"s", "none"}


def test_single_article_renders_its_note_in_one_column(comparison: Comparison) -> None:
    comparison.articles = comparison.articles[:1]
    comparison.analyses = comparison.analyses[:1]
    comparison.facts = [
        f for f in comparison.facts if f.status == "single_source" and f.mentions[0].article == "herald-17"
    ]
    comparison.discrepancies = []
    comparison.notes = ["Only one article: this is its analysis, not a comparison"]
    html = render_html(comparison)
    assert "Only one article: this is its analysis, not a comparison" in html
    assert 'class="columns one"' in html
    assert "1 source compared" in html


def test_the_words_that_state_a_shared_claim_are_marked(comparison: Comparison) -> None:
    fact = next(f for f in comparison.facts if f.status == "corroborated")
    first = fact.mentions[0]
    analysis = next(a for a in comparison.analyses if a.id == first.article)
    sentence = analysis.sentences[first.sentence]
    part = "A cargo crane struck the Harbor Bridge on Monday night"
    first.start, first.end = sentence.start, sentence.start + len(part)
    page = render_html(comparison)
    assert f'<mark class="claim" title="the words that state the fact">{part}</mark>' in page


def test_who_cites_whom_copies_and_independence_are_shown(comparison: Comparison) -> None:
    page = render_html(comparison)
    section = page.split('id="cites"', 1)[1].split("</section>", 1)[0]
    assert "Daily Ledger" in section and "<strong>Metro Wire</strong>" in section and "(reports)" in section
    assert "copy of" in section and "35% of its word sequences the same" in section
    assert "3 outlets, 2 independent sources: Coastal Herald, Metro Wire" in page
    # A citation whose outlet carries markup is shown as text.
    comparison.citations[0].outlet = "<script>alert(1)</script>"
    assert "<script>alert(1)" not in render_html(comparison)


def test_a_brief_sentence_whose_outlets_all_rest_on_one_source_says_so(comparison: Comparison) -> None:
    comparison.brief[0].independent = ["Metro Wire"]
    assert "all rest on Metro Wire" in render_html(comparison)
