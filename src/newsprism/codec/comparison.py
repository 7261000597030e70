"""The comparison form: the contract users script against, and what the archive stores.

The dicts are built field by field rather than with `dataclasses.asdict` so that the public
shape (DESIGN.md, and comparison.schema.json beside this module) stays fixed when the model
grows: a new model field reaches the JSON only when someone adds it here and to the schema.
The story's articles travel inside it (`articles`), each with its analysis's sentences, so a
stored comparison renders without the archive's article rows.
"""

from __future__ import annotations

from typing import Any

from newsprism.model import (
    Analysis,
    Article,
    BriefSentence,
    Comparison,
    CopyOf,
    Discrepancy,
    DiscrepancyValue,
    Fact,
    FactMention,
    FramingDifference,
    Role,
    Sentence,
    StoryCitation,
    StoryEntity,
    StoryQuote,
    TimelineEntry,
    WordingVariant,
)

COMPARISON_VERSION = "3"
"""3: who cites whom (`citations`), copies inside the story (`copies`), the independent sources
of each fact (`facts[].sources`) and brief sentence (`brief[].independent`). 2: a fact is a
claim (a sentence may be a mention of several facts); mentions carry the span of the part that
states it (`start`, `end`) and facts their `confidence`. Versions 1 and 2 still load."""


def _article_to_dict(article: Article, analysis: Analysis | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        # The analysis settles the language when the source did not state one.
        "language": article.language or (analysis.language if analysis else None),
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end}
            for s in (analysis.sentences if analysis else [])
        ],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The Comparison in the documented JSON shape (COMPARISON_VERSION)."""
    analyses = {a.id: a for a in comparison.analyses}
    return {
        "version": COMPARISON_VERSION,
        "articles": [_article_to_dict(a, analyses.get(a.id)) for a in comparison.articles],
        "facts": [
            {
                "id": f.id,
                "status": f.status,
                "confidence": f.confidence,
                "sources": list(f.sources),
                "mentions": [
                    {
                        "article": m.article,
                        "sentence": m.sentence,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                    }
                    for m in f.mentions
                ],
            }
            for f in comparison.facts
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "roles": [{"role": r.role, "article": r.article, "sentence": r.sentence} for r in e.roles],
                "articles": list(e.articles),
            }
            for e in comparison.entities
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "speaker_entity": q.speaker_entity,
                "text": q.text,
                "direct": q.direct,
                "cue": q.cue,
                "article": q.article,
                "sentence": q.sentence,
                "start": q.start,
                "end": q.end,
            }
            for q in comparison.quotes
        ],
        "discrepancies": [
            {
                "kind": d.kind,
                "subject": d.subject,
                "values": [
                    {"value": v.value, "article": v.article, "sentence": v.sentence, "text": v.text}
                    for v in d.values
                ],
            }
            for d in comparison.discrepancies
        ],
        "timeline": [
            {
                "date": t.date,
                "precision": t.precision,
                "text": t.text,
                "article": t.article,
                "sentence": t.sentence,
                "tense": t.tense,
            }
            for t in comparison.timeline
        ],
        "brief": [
            {
                "text": b.text,
                "sources": list(b.sources),
                "facts": list(b.facts),
                "independent": list(b.independent),
            }
            for b in comparison.brief
        ],
        "framing": [
            {
                "kind": f.kind,
                "subject": f.subject,
                "variants": [
                    {"article": v.article, "text": v.text, "sentence": v.sentence} for v in f.variants
                ],
            }
            for f in comparison.framing
        ],
        "notes": list(comparison.notes),
        "citations": [
            {"article": c.article, "outlet": c.outlet, "kind": c.kind, "sentence": c.sentence, "text": c.text}
            for c in comparison.citations
        ],
        "copies": [
            {"article": c.article, "original": c.original, "similarity": c.similarity}
            for c in comparison.copies
        ],
    }


def _text_from_sentences(sentences: list[Sentence]) -> str:
    # The JSON carries sentences, not the article's text; placing each sentence at its own
    # offset keeps `start`/`end` pointing at the right characters (the gaps become spaces).
    chars = [" "] * max((s.end for s in sentences), default=0)
    for s in sentences:
        chars[s.start : s.start + len(s.text)] = s.text
    return "".join(chars)


def _article_from_dict(row: dict[str, Any]) -> tuple[Article, Analysis]:
    sentences = [Sentence(s["index"], s["text"], s["start"], s["end"]) for s in row["sentences"]]
    article = Article(
        id=row["id"],
        text=_text_from_sentences(sentences),
        title=row.get("title"),
        source=row.get("source"),
        url=row.get("url"),
        published=row.get("published"),
        language=row.get("language"),
        path=row.get("path"),
    )
    return article, Analysis(id=row["id"], language=row.get("language") or "", sentences=sentences)


def comparison_from_dict(data: dict[str, Any]) -> Comparison:
    """A Comparison read back from `comparison_to_dict` output, for rendering stored comparisons.

    The JSON is a projection, so some things do not come back: each analysis holds only its
    sentences, an article's text is rebuilt from them, role and quote offsets other than the
    quote's own are zero, and a discrepancy is not linked to its fact. Validate first
    (`validate_comparison`) when the dict comes from outside; a malformed one raises KeyError.
    """
    pairs = [_article_from_dict(row) for row in data["articles"]]
    return Comparison(
        articles=[article for article, _ in pairs],
        analyses=[analysis for _, analysis in pairs],
        facts=[
            Fact(
                f["id"],
                f["status"],
                [
                    FactMention(m["article"], m["sentence"], m["text"], m.get("start"), m.get("end"))
                    for m in f["mentions"]
                ],
                f.get("confidence"),
                list(f.get("sources", [])),
            )
            for f in data["facts"]
        ],
        entities=[
            StoryEntity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                aliases=list(e["aliases"]),
                roles=[Role(r["role"], r["sentence"], 0, 0, r["article"]) for r in e["roles"]],
                articles=list(e["articles"]),
            )
            for e in data["entities"]
        ],
        quotes=[
            StoryQuote(
                speaker=q["speaker"],
                speaker_entity=q["speaker_entity"],
                text=q["text"],
                direct=q["direct"],
                article=q["article"],
                sentence=q["sentence"],
                start=q["start"],
                end=q["end"],
                cue=q.get("cue"),
            )
            for q in data["quotes"]
        ],
        discrepancies=[
            Discrepancy(
                d["kind"],
                d["subject"],
                [DiscrepancyValue(v["value"], v["article"], v["sentence"], v["text"]) for v in d["values"]],
            )
            for d in data["discrepancies"]
        ],
        framing=[
            FramingDifference(
                f["kind"],
                f["subject"],
                [WordingVariant(v["article"], v["text"], v["sentence"]) for v in f["variants"]],
            )
            for f in data.get("framing", [])
        ],
        timeline=[
            TimelineEntry(t["date"], t["precision"], t["text"], t["article"], t["sentence"], t.get("tense"))
            for t in data["timeline"]
        ],
        brief=[
            BriefSentence(b["text"], list(b["sources"]), list(b["facts"]), list(b.get("independent", [])))
            for b in data["brief"]
        ],
        notes=list(data.get("notes", [])),
        citations=[
            StoryCitation(c["article"], c["outlet"], c["kind"], c["sentence"], c["text"])
            for c in data.get("citations", [])
        ],
        copies=[CopyOf(c["article"], c["original"], c["similarity"]) for c in data.get("copies", [])],
    )
