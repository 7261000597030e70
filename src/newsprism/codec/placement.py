"""The placement form: an article's story-placement features as the archive stores them.

Stored beside every article so that a later run replays the clusterer without reading the
article again (store/workflow.py). The archive keeps the dict opaque; only this module knows
its shape. It carries no version field: reading takes the terms, names, dates, details and
outlet as optional (rows stored before details existed read as having none),
and a change that older code could not read would have to add one.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from newsprism.model import EventDetails, Placement


def placement_to_dict(features: Placement) -> dict[str, object]:
    """A Placement as JSON, for the archive to replay without reading the article again."""
    return {
        "id": features.id,
        "lead": features.lead,
        "terms": features.terms,
        "names": features.names,
        "dates": [d.isoformat() for d in features.dates],
        "published": features.published.isoformat() if features.published else None,
        "details": asdict(features.details),
        "outlet": features.outlet,
    }


def placement_from_dict(data: dict[str, object]) -> Placement:
    """The Placement that `placement_to_dict` turned into `data`."""
    published = data.get("published")
    return Placement(
        id=str(data["id"]),
        lead=str(data["lead"]),
        terms={str(k): float(v) for k, v in dict(data.get("terms") or {}).items()},  # type: ignore[call-overload]
        names={str(k): float(v) for k, v in dict(data.get("names") or {}).items()},  # type: ignore[call-overload]
        dates=[date.fromisoformat(str(d)) for d in list(data.get("dates") or [])],  # type: ignore[call-overload]
        published=date.fromisoformat(str(published)) if published else None,
        details=details_from_dict(data.get("details")),
        outlet=str(data["outlet"]) if data.get("outlet") else None,
    )


def details_from_dict(data: object) -> EventDetails:
    """The `details` part of a stored placement, read alone: the archive's story summary takes
    only this part, not the terms and names that make most of a placement's size."""
    return EventDetails(**_mapping(data))


def _mapping(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}
