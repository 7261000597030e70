"""Analysis JSON (render/json.py's `analysis_to_dict`) back into the model's dataclasses.

The archive stores analyses as the JSON users already see, so that `show` and `serve` can run
the compare stage on stored stories without re-analysing. Keys the model does not know are
dropped and fields missing from the JSON take the model's defaults: an analysis stored by an
older or newer newsprism still loads, as long as the required fields are there.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from newsprism.model import (
    Analysis,
    Citation,
    ClaimRef,
    DateRef,
    Entity,
    EventDetails,
    EventRef,
    Mention,
    NumberRef,
    Quote,
    Role,
    Sentence,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


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
        details=_build(EventDetails, data.get("details") or {}),
    )
