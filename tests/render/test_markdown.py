"""The Markdown report: every section present, every statement traced to `[label §sentence]`."""

from __future__ import annotations

import re

from newsprism.model import Comparison
from newsprism.render.markdown import render_markdown

SECTIONS = [
    "## Sources",
    "## In brief",
    "## Reported by several outlets",
    "## Only in one outlet",
    "## Where they differ",
    "## Wording and framing",
    "## Actors",
    "## Quotes by speaker",
    "## Timeline",
]


def _section(markdown: str, heading: str) -> str:
    """The body of one `## ` section."""
    body = markdown.split(heading + "\n", 1)[1]
    return body.split("\n## ", 1)[0]


def test_markdown_has_every_section_in_reading_order(comparison: Comparison) -> None:
    markdown = render_markdown(comparison)
    positions = [markdown.index(heading + "\n") for heading in SECTIONS]
    assert positions == sorted(positions)


def test_title_is_the_first_headline(comparison: Comparison) -> None:
    assert render_markdown(comparison).startswith("# Crane strikes Harbor Bridge, closing it for repairs\n")


def test_title_falls_back_to_the_actors_most_outlets_name(comparison: Comparison) -> None:
    comparison.articles[0].title = None
    assert render_markdown(comparison).splitlines()[0] == "# Harbor Bridge, Ana Ortiz, Liam Chen"


def test_sources_are_lettered_in_article_order(comparison: Comparison) -> None:
    sources = _section(render_markdown(comparison), "## Sources")
    assert (
        "- **A** — Coastal Herald: “Crane strikes Harbor Bridge, closing it for repairs” (2024-03-12 09:30)"
        in sources
    )
    assert "- **B** — Daily Ledger:" in sources
    assert "- **C** — Metro Wire:" in sources


def test_brief_sentences_carry_citation_markers(comparison: Comparison) -> None:
    brief = _section(render_markdown(comparison), "## In brief")
    assert (
        "1. A cargo crane struck the Harbor Bridge on Monday night; the bridge is closed. [A][B][C]" in brief
    )
    assert "three or five. [A][B]" in brief


def test_corroborated_fact_names_each_outlet_with_its_sentence(comparison: Comparison) -> None:
    agreed = _section(render_markdown(comparison), "## Reported by several outlets")
    assert "Coastal Herald [A §0], Daily Ledger [B §0], Metro Wire [C §0]" in agreed
    assert "faulty winch" not in agreed
    # Each other outlet's own wording follows, so agreement can be checked by eye.
    assert (
        "  - B: The Harbour Bridge was closed on Monday night after a cargo crane hit its central span."
        " [B §0]" in agreed
    )
    assert (
        "  - C: A crane collided with the Harbor Bridge late on Monday, city officials said. [C §0]" in agreed
    )


def test_single_source_facts_are_grouped_by_outlet_in_reading_order(comparison: Comparison) -> None:
    single = _section(render_markdown(comparison), "## Only in one outlet")
    herald = single.split("### A — Coastal Herald", 1)[1].split("###", 1)[0]
    assert herald.index("[A §2]") < herald.index("The port authority blamed a faulty winch. [A §4]")
    assert "Port chief Liam Chen said the crane operator had followed every rule. [B §3]" in single
    assert "### C — Metro Wire" in single


def test_discrepancy_shows_each_outlet_value_and_sentence(comparison: Comparison) -> None:
    differ = _section(render_markdown(comparison), "## Where they differ")
    assert "### workers injured (number)" in differ
    assert "- A (Coastal Herald): **three** — “Three workers were hurt in the accident.” [A §3]" in differ
    assert "- B (Daily Ledger): **five** —" in differ
    assert "[B §1]" in differ


def test_disputed_fact_without_a_discrepancy_is_still_listed(comparison: Comparison) -> None:
    comparison.discrepancies = comparison.discrepancies[:1]
    differ = _section(render_markdown(comparison), "## Where they differ")
    assert "### Other disputed accounts" in differ
    assert "City officials said repairs could take a month.” [B §2]" in differ


def test_framing_lists_each_outlets_wording(comparison: Comparison) -> None:
    framing = _section(render_markdown(comparison), "## Wording and framing")
    assert "A writes “Harbor Bridge” [A §0]; B writes “Harbour Bridge” [B §0]" in framing


def test_actors_show_the_role_each_outlet_gives(comparison: Comparison) -> None:
    actors = _section(render_markdown(comparison), "## Actors")
    assert "- **Ana Ortiz** (PERSON) — A: Mayor [A §1]" in actors
    assert "- **Liam Chen** (PERSON) — B: Port chief [B §3]" in actors
    # Actors no outlet gives a role are listed together, by the outlets that name them.
    assert "- Named by A, B, C, without a role: Harbor Bridge (also “Harbour Bridge”)" in actors
    assert "**Harbor Bridge**" not in actors


def test_quotes_are_grouped_by_speaker_with_direct_and_reported_marked(comparison: Comparison) -> None:
    quotes = _section(render_markdown(comparison), "## Quotes by speaker")
    ortiz = quotes.split("### Ana Ortiz", 1)[1].split("###", 1)[0]
    assert "- “We will not reopen it until engineers are satisfied” [A §2]" in ortiz
    assert "- _said:_ the bridge would stay shut for two weeks [A §1]" in ortiz
    # Reported speech whose verb was not recorded (an older stored comparison) says so plainly.
    officials = quotes.split("### City officials", 1)[1].split("###", 1)[0]
    assert "- _reported:_ repairs could take a month [B §2]" in officials


def test_timeline_is_sorted_by_date_and_traced(comparison: Comparison) -> None:
    timeline = _section(render_markdown(comparison), "## Timeline")
    assert timeline.index("**2019** (year)") < timeline.index("**2024-03-11** (day)")
    # The date as written is marked inside its sentence, not repeated beside it.
    assert "- The bridge last closed **in 2019** for repainting. [C §2]" in timeline
    # Three outlets give the day in one fact: one line citing all three.
    monday = [line for line in timeline.splitlines() if "**Monday night**" in line]
    assert len(monday) == 1 and monday[0].endswith("[A §0] [B §0] [C §0]")


def test_every_evidence_line_carries_a_provenance_marker(comparison: Comparison) -> None:
    markdown = render_markdown(comparison)
    body = markdown.split("## In brief", 1)[1].split("## Actors", 1)[0]
    evidence = [
        line for line in body.splitlines() if line.startswith(("- ", "  - ")) and not line.endswith(":")
    ]
    assert evidence
    for line in evidence:
        assert re.search(r"\[[A-Z]+ §\d+\]", line), line


def test_single_article_shows_the_note_and_empty_sections(comparison: Comparison) -> None:
    comparison.articles = comparison.articles[:1]
    comparison.analyses = comparison.analyses[:1]
    comparison.facts = [
        f for f in comparison.facts if f.mentions[0].article == "herald-17" and f.status == "single_source"
    ]
    comparison.discrepancies = []
    comparison.notes = ["Only one article: this is its analysis, not a comparison"]
    markdown = render_markdown(comparison)
    assert "> Only one article: this is its analysis, not a comparison" in markdown
    assert _section(markdown, "## Where they differ").strip() == "_None found._"


def test_line_breaks_inside_article_text_do_not_break_list_items(comparison: Comparison) -> None:
    comparison.facts[3].mentions[0].text = "The port authority\nblamed a faulty winch."
    assert "- The port authority blamed a faulty winch. [A §4]" in render_markdown(comparison)


def test_the_tag_of_reported_speech_is_its_cue() -> None:
    from newsprism.model import StoryQuote
    from newsprism.render.view import Cited, QuoteView, Ref

    cited = Cited(Ref("A", 1), "Herald", "text")

    def tag(cue: str | None, direct: bool = False) -> str:
        return QuoteView(StoryQuote("X", None, "words", direct, "a", 1, 0, 5, cue), cited).tag

    assert tag("rejected") == "rejected"
    assert tag("didn't mention") == "didn't mention"
    assert tag("According to") == "according to"
    assert tag(":") == "reported"  # a labelled line has no verb to show
    assert tag(None) == "reported"
    assert tag("said", direct=True) == "direct"


def test_reported_speech_inside_a_longer_report_is_shown_once(comparison: Comparison) -> None:
    import dataclasses

    from newsprism.model import StoryQuote

    longer = next(q for q in comparison.quotes if q.text.startswith("the bridge would stay shut"))
    inner = StoryQuote(
        longer.speaker,
        longer.speaker_entity,
        "stay shut for two weeks",
        False,
        longer.article,
        longer.sentence,
        longer.start + 17,
        longer.end,
        "stay",
    )
    other = dataclasses.replace(inner, speaker="Liam Chen", speaker_entity="e3")
    story = dataclasses.replace(comparison, quotes=[*comparison.quotes, inner, other])
    quotes = _section(render_markdown(story), "## Quotes by speaker")
    ortiz = quotes.split("### Ana Ortiz", 1)[1].split("###", 1)[0]
    assert "_stay:_" not in ortiz and "_said:_ the bridge would stay shut for two weeks" in ortiz
    # Another speaker's report is never folded into Ortiz's.
    assert "_stay:_ stay shut for two weeks" in quotes.split("### Liam Chen", 1)[1]


def test_the_words_that_state_a_shared_claim_are_set_in_bold(comparison: Comparison) -> None:
    fact = next(f for f in comparison.facts if f.status == "corroborated")
    other = fact.mentions[1]
    analysis = next(a for a in comparison.analyses if a.id == other.article)
    sentence = analysis.sentences[other.sentence]
    part = "after a cargo crane hit its central span"
    other.start = sentence.start + sentence.text.index(part)
    other.end = other.start + len(part)
    agreed = _section(render_markdown(comparison), "## Reported by several outlets")
    assert f"  - B: The Harbour Bridge was closed on Monday night **{part}**. [B §0]" in agreed


def test_a_shared_fact_shows_how_sure_the_link_is(comparison: Comparison) -> None:
    fact = next(f for f in comparison.facts if f.status == "corroborated")
    fact.confidence = 0.634
    agreed = _section(render_markdown(comparison), "## Reported by several outlets")
    assert "Metro Wire [C §0] (confidence 0.63)" in agreed


def test_article_fields_cannot_inject_markup_or_script_links(comparison: Comparison) -> None:
    article = comparison.articles[0]
    article.title = "<script>alert(1)</script> [click](javascript:alert(1))"
    article.source = "*Evil* _Outlet_ `x`"
    article.url = "javascript:alert(document.cookie)"
    markdown = render_markdown(comparison)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "[click](javascript" not in markdown and "\\[click\\](javascript" in markdown
    assert "\\*Evil\\* \\_Outlet\\_ \\`x\\`" in markdown
    assert "<javascript:" not in markdown  # no autolink for a scheme other than http(s)
    comparison.articles[1].url = "https://example.org/news/a_b"
    assert "<https://example.org/news/a_b>" in render_markdown(comparison)


def test_who_cites_whom_lists_citations_and_copies(comparison: Comparison) -> None:
    section = _section(render_markdown(comparison), "## Who cites whom")
    assert "- **B** Daily Ledger cites Metro Wire (reports) [B §0]" in section
    assert (
        "- **C** Metro Wire is a copy of **A** Coastal Herald (35% of its word sequences the same)" in section
    )
    comparison.brief[0].independent = ["Metro Wire"]
    assert "_(all rest on Metro Wire)_" in render_markdown(comparison)
