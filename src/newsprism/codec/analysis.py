"""The analysis form: one line of `newsprism analyze` output, and what the archive stores.

Written with every field of the Analysis, so the line is the whole reading of the article and
`show`/`serve` can compare stored stories without analysing them again. Read back tolerantly:
keys the model does not know are dropped and fields missing from the JSON take the model's
defaults, so an analysis stored by an older or newer newsprism still loads as long as the
required fields are there. That tolerance is why the line carries no version field of its own;
ANALYSIS_VERSION names the published schema's version (its `$id`), which changes only when a
field is renamed, removed or changes meaning: fields are added without a new version, as the
schema's description promises.

The defaults are chosen so that a line written before a reading existed compares quietly rather
than wrongly: with no attendance, list or place references and no figure marked `standalone`,
the comparison finds no attendance, participant, place, number or date differences in it until
the article is analysed again (roles are still compared).
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any, TypeVar

from newsprism.model import (
    Analysis,
    AttendanceRef,
    Citation,
    ClaimRef,
    DateRef,
    Entity,
    EventDetails,
    EventRef,
    ListRef,
    Mention,
    NumberRef,
    PlaceRef,
    Quote,
    Role,
    Sentence,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

ANALYSIS_VERSION = "1"
"""The version of analysis.schema.json; the analysis line itself does not carry it."""


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """One line of `newsprism analyze` output: every field of the Analysis."""
    return asdict(analysis)


def _build(cls: type[T], data: dict[str, Any], **nested: Any) -> T:
    names = {f.name for f in fields(cls)}
    values = {key: value for key, value in data.items() if key in names}
    values.update(nested)
    return cls(**values)


def _entity(data: dict[str, Any]) -> Entity:
    return _build(
        Entity,
        data,
        aliases=list(data.get("aliases", [])),
        mentions=[_build(Mention, m) for m in data.get("mentions", [])],
        roles=[_build(Role, r) for r in data.get("roles", [])],
    )


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """The Analysis that `analysis_to_dict` turned into `data`."""
    return _build(
        Analysis,
        data,
        sentences=[_build(Sentence, s) for s in data.get("sentences", [])],
        entities=[_entity(e) for e in data.get("entities", [])],
        quotes=[_build(Quote, q) for q in data.get("quotes", [])],
        dates=[_build(DateRef, d) for d in data.get("dates", [])],
        numbers=[_build(NumberRef, n) for n in data.get("numbers", [])],
        citations=[_build(Citation, c) for c in data.get("citations", [])],
        events=[_build(EventRef, e, themes=list(e.get("themes", []))) for e in data.get("events", [])],
        claims=[_build(ClaimRef, c) for c in data.get("claims", [])],
        attendance=[_build(AttendanceRef, a) for a in data.get("attendance", [])],
        lists=[
            _build(ListRef, r, entities=list(r.get("entities", [])), gaps=list(r.get("gaps", [])))
            for r in data.get("lists", [])
        ],
        places=[
            _build(PlaceRef, p, words_before=list(p.get("words_before", []))) for p in data.get("places", [])
        ],
        details=_build(EventDetails, data.get("details") or {}),
    )
