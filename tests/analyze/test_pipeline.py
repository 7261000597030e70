"""The analysis pipeline as a stream: results independent of batching, memory held by zones."""

from __future__ import annotations

from dataclasses import asdict

from newsprism.analyze import pipeline
from newsprism.analyze.pipeline import analyze
from newsprism.lang.nlp import load_nlp
from newsprism.model import Article


def article(n: int) -> Article:
    # Invented names and figures, new to the vocabulary on every article.
    text = (
        f"Mayor Quarnoth{n}ix of Velbridge{n} said on Monday that {1000 + n} residents were moved. "
        f'"We acted fast," Quarnoth{n}ix told the Velbridge{n} Courier.'
    )
    return Article(id=f"a{n}", text=text, title=f"Story {n}", published="2024-03-06")


def test_results_do_not_depend_on_zone_boundaries(monkeypatch):
    articles = [article(n) for n in range(7)]
    whole = [asdict(a) for a in analyze(articles)]
    monkeypatch.setattr(pipeline, "ZONE_SIZE", 2)
    split = [asdict(a) for a in analyze(articles)]
    assert split == whole
    direct = [q for q in whole[3]["quotes"] if q["direct"]]
    assert [q["text"] for q in direct] == ["We acted fast"]


def test_vocabulary_does_not_grow_with_the_stream():
    nlp = load_nlp()
    list(analyze([article(n) for n in range(5)]))
    before = len(nlp.vocab.strings)
    list(analyze([article(n) for n in range(100, 300)]))
    assert len(nlp.vocab.strings) <= before + 5


def test_a_stream_consumed_inside_another_does_not_nest_zones():
    outer = analyze([article(n) for n in range(3)])
    first = next(outer)
    inner = list(analyze([article(9)]))
    rest = list(outer)
    assert [a.id for a in [first, *rest, *inner]] == ["a0", "a1", "a2", "a9"]


def test_a_text_over_the_parsers_limit_is_analyzed_up_to_a_break_with_a_warning(monkeypatch, caplog):
    nlp = load_nlp()
    monkeypatch.setattr(nlp, "max_length", 400)  # spaCy refuses longer texts outright (E088)
    paragraph = "The council met on Monday. It approved the budget for the harbour.\n"
    long = Article(id="long", text=paragraph * 40)
    short = Article(id="short", text=paragraph)
    with caplog.at_level("WARNING"):
        analyses = list(analyze([long, short]))
    assert [a.id for a in analyses] == ["long", "short"]  # the next article is still analyzed
    assert analyses[0].sentences and analyses[0].sentences[-1].end <= 400
    assert long.text[: analyses[0].sentences[-1].end].endswith(".")  # cut at a sentence break
    (message,) = [r.getMessage() for r in caplog.records if "analysis limit" in r.getMessage()]
    assert message.startswith("long: text of 2,680 characters")
