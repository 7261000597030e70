"""Comparison and Analysis as JSON: the contract users script against.

The dicts are built field by field rather than with `dataclasses.asdict` so that the public
shape (DESIGN.md, and the JSON Schemas beside this module) stays fixed when the model grows:
a new model field reaches the JSON only when someone adds it here and to the schema.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from newsprism.model import Analysis, Article, Comparison

SCHEMA_VERSION = "1"


def _article(article: Article, analysis: Analysis | None) -> dict[str, Any]:
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
    """The Comparison in the documented JSON shape (version "1")."""
    analyses = {a.id: a for a in comparison.analyses}
    return {
        "version": SCHEMA_VERSION,
        "articles": [_article(a, analyses.get(a.id)) for a in comparison.articles],
        "facts": [
            {
                "id": f.id,
                "status": f.status,
                "mentions": [
                    {"article": m.article, "sentence": m.sentence, "text": m.text} for m in f.mentions
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
            }
            for t in comparison.timeline
        ],
        "brief": [
            {"text": b.text, "sources": list(b.sources), "facts": list(b.facts)} for b in comparison.brief
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
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """One line of `newsprism analyze` output: every field of the Analysis."""
    return asdict(analysis)


def render_json(comparison: Comparison) -> str:
    # ensure_ascii=False keeps names such as "Zelenskyy" or "Kyiv" readable in the file itself.
    return json.dumps(comparison_to_dict(comparison), indent=2, ensure_ascii=False)


@cache
def _schema_text(name: str) -> str:
    return files("newsprism.render").joinpath(name).read_text(encoding="utf-8")


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads(_schema_text(name))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def comparison_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `comparison_to_dict`; a fresh copy the caller may edit."""
    schema: dict[str, Any] = json.loads(_schema_text("comparison.schema.json"))
    return schema


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one `analysis_to_dict` line."""
    schema: dict[str, Any] = json.loads(_schema_text("analysis.schema.json"))
    return schema


def _validate(name: str, data: dict[str, Any]) -> None:
    # best_match names the deepest, most specific failure rather than the first one found.
    error = best_match(_validator(name).iter_errors(data))
    if error is not None:
        raise error


def validate_comparison(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `data` follows the comparison contract."""
    _validate("comparison.schema.json", data)


def validate_analysis(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `data` is a well-formed analysis line."""
    _validate("analysis.schema.json", data)
