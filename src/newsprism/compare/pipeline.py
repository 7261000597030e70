"""Story -> Comparison: analyze each article once, align sentences into facts, read the differences.

This module only composes: the actors are folded in actors.py, facts aligned in align.py, and
each kind of difference found by its own module; `compare` calls them in order and marks the
facts a discrepancy disputes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from newsprism.analyze.pipeline import analyze
from newsprism.compare.actors import fold_actors, story_quotes
from newsprism.compare.align import align_facts
from newsprism.compare.brief import build_brief
from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.discrepancies import find_discrepancies
from newsprism.compare.framing import find_framing
from newsprism.compare.links import load_model
from newsprism.compare.sources import attach_sources, find_copies, story_citations
from newsprism.compare.timeline import build_timeline
from newsprism.model import Analysis, Article, Comparison

ONE_ARTICLE_NOTE = (
    "Only one article was given: one article is not a story, so this is its analysis, "
    "with nothing to corroborate or contradict."
)


def unparsed_note(analysis: Analysis) -> str:
    """What a report must say about an article newsprism could not parse: read lightly by rules
    (depth "light"), or only split into sentences."""
    if analysis.depth == "light":
        return (
            f"{analysis.id} is in {analysis.language!r}, a language newsprism has no parser for: it was "
            "read by rules only: its sentences, names, dates, figures and direct quotations were read "
            "(its figures without what they count, so they are not compared); its roles, events, "
            "claims, citations, attendance, lists and places were not analyzed."
        )
    return (
        f"{analysis.id} is in {analysis.language!r}, a language newsprism has no parser for: it was "
        "split into sentences and compared by their meaning only; its names, quotes, dates, figures "
        "and citations were not analyzed."
    )


def compare(
    articles: Sequence[Article],
    analyses: Sequence[Analysis] | None = None,
    *,
    config: CompareConfig = DEFAULT_CONFIG,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
) -> Comparison:
    """Compare the articles of one story. `analyses`, when given, must be in the same order;
    `config` holds the alignment (`config.align.granularity`: "claim", sentences that state the
    same claim are one fact, or "event", sentences about the same happening are) and every
    threshold of the rules after it (see `CompareConfig`)."""
    articles = list(articles)
    if analyses is None:
        stream: Iterable[Article] = progress(articles) if progress else articles
        analyses = list(analyze(stream))
    analyses = list(analyses)
    by_id = {a.id: a for a in analyses}
    actors, actor_index = fold_actors(analyses)
    model = load_model(config.align.granularity)
    facts = align_facts(articles, analyses, actor_index, model, config.align)
    discrepancies = find_discrepancies(facts, by_id, actors, actor_index, config)
    disputed = {d.fact for d in discrepancies if d.fact}
    for fact in facts:
        if fact.id in disputed and fact.status == "corroborated":
            fact.status = "disputed"
    copies = find_copies(articles)
    attach_sources(facts, articles, analyses, copies)
    notes = [ONE_ARTICLE_NOTE] if len(articles) == 1 else []
    notes += [unparsed_note(a) for a in analyses if a.depth != "full"]
    return Comparison(
        articles=articles,
        analyses=analyses,
        facts=facts,
        entities=actors,
        quotes=story_quotes(analyses, actors, actor_index),
        discrepancies=discrepancies,
        framing=find_framing(facts, by_id, actors, actor_index, config),
        timeline=build_timeline(analyses),
        brief=build_brief(facts, discrepancies, articles, model.trust, config),
        notes=notes,
        citations=story_citations(articles, analyses),
        copies=copies,
    )
