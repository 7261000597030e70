"""The brief: a few sentences taken from the articles, the most prominent shared facts first."""

from __future__ import annotations

from newsprism.compare.brief import bare_quotation, build_brief, prominence
from newsprism.model import Article, Discrepancy, DiscrepancyValue, Fact, FactMention

ARTICLES = [Article(id=a, text="", source=a.title()) for a in ("herald", "ledger", "wire")]


def fact(fid: str, *mentions: tuple[str, int, str]) -> Fact:
    status = "corroborated" if len({m[0] for m in mentions}) > 1 else "single_source"
    return Fact(fid, status, [FactMention(a, s, t) for a, s, t in mentions])


def test_a_fact_in_two_leads_outranks_a_detail_three_outlets_give_lower_down() -> None:
    lead = fact(
        "f1", ("herald", 0, "The council closed the bridge."), ("ledger", 1, "The bridge was closed.")
    )
    detail = fact(
        "f2",
        ("herald", 6, "Repairs were last made in 2019."),
        ("ledger", 7, "It was repaired in 2019."),
        ("wire", 5, "The last repair was in 2019."),
    )
    assert prominence(lead) > prominence(detail)
    brief = build_brief([detail, lead], [], ARTICLES)
    assert [b.facts for b in brief] == [["f1"], ["f2"]]
    assert brief[0].text == "The council closed the bridge." and brief[0].sources == ["herald", "ledger"]
    assert brief[1].sources == ["herald", "ledger", "wire"]


def test_a_bare_quotation_gives_way_to_a_mention_with_its_speaker_or_is_left_out() -> None:
    quoted = fact(
        "f1",
        ("herald", 0, "“We will reopen it in May.”"),
        ("ledger", 2, "“We will reopen it in May,” the mayor said."),
    )
    only_quotes = fact("f2", ("herald", 1, "“It is safe.”"), ("ledger", 0, '"It is safe.'))
    brief = build_brief([quoted, only_quotes], [], ARTICLES)
    assert [b.text for b in brief] == ["“We will reopen it in May,” the mayor said."]


def test_differences_follow_the_agreed_facts() -> None:
    shared = fact("f1", ("herald", 0, "Three were hurt."), ("ledger", 0, "Five were hurt."))
    disc = Discrepancy(
        "number",
        "people hurt",
        [DiscrepancyValue("3", "herald", 0, "Three were hurt."), DiscrepancyValue("5", "ledger", 0, "x")],
        "f1",
    )
    brief = build_brief([shared], [disc], ARTICLES)
    assert brief[-1].text == "Outlets differ on people hurt (number): Herald gives 3; Ledger gives 5."
    assert brief[-1].facts == ["f1"]


def test_bare_quotation_recognises_whole_and_run_on_quotations_only() -> None:
    assert bare_quotation("“Yes, we will.”")
    assert bare_quotation('"It is crucial that they answer.')  # the quotation runs on
    assert not bare_quotation("“Yes,” she said.")
    assert not bare_quotation('He said "no".')
    assert not bare_quotation("'Tis the season, he said.")


def test_datelines_and_headlines_are_no_brief_sentences() -> None:
    dateline = fact("f1", ("herald", 0, "Monday, March 3, 2025"), ("ledger", 0, "MONDAY, MARCH 3, 2025"))
    headline = fact(
        "f2", ("herald", 1, "Council Shuts Harbor Bridge"), ("ledger", 1, "Bridge Shut By Council")
    )
    claim = fact(
        "f3", ("herald", 2, "The council closed the bridge on Monday."), ("ledger", 3, "It was shut.")
    )
    brief = build_brief([dateline, headline, claim], [], ARTICLES)
    assert [b.facts for b in brief] == [["f3"]]
    assert brief[0].text == "The council closed the bridge on Monday."


def test_a_fact_whose_weakest_link_is_doubtful_stays_out_of_the_brief() -> None:
    sure = fact(
        "f1", ("herald", 0, "The council closed the bridge."), ("ledger", 0, "The bridge was closed.")
    )
    sure.confidence = 0.99
    doubtful = fact(
        "f2", ("herald", 1, "The mayor spoke to the press."), ("wire", 0, "The mayor met the unions.")
    )
    doubtful.confidence = 0.55
    brief = build_brief([doubtful, sure], [], ARTICLES, trust=0.9)
    assert [b.facts for b in brief] == [["f1"]]
    # Nothing trusted is not nothing shared: no outlet's lead is put forward in its place.
    assert build_brief([doubtful], [], ARTICLES, trust=0.9) == []
