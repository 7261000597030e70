"""The user's outlet labels applied to the archive's outlets: groups per story, blindspots.

newsprism ships no labels. A user adds them in a registry file (`--outlets FILE`, and
NEWSPRISM_OUTLETS for `serve`): `{"map": {"CNN": {"labels": {"lean": "left"}}}}`. The file is
written by hand, so keys and values are matched whatever their case, and an outlet of the archive
is found in the registry by its name whatever its case (`OutletRegistry.by_name`). Everything here
reads the registry the server was started with, never the archive: the API and the pages share it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from newsprism.lang.outlet_registry import Outlet, OutletRegistry


@dataclass(frozen=True, slots=True)
class LabelGroups:
    """One label key over a set of outlets: those of each value, and those the registry does not
    label with that key (unknown to it, or known without the label)."""

    key: str
    groups: dict[str, list[str]] = field(default_factory=dict)
    unlabelled: list[str] = field(default_factory=list)


def _label(outlet: Outlet | None, key: str) -> str | None:
    if outlet is None:
        return None
    folded = key.casefold()
    return next((value for name, value in outlet.labels.items() if name.casefold() == folded), None)


@cache
def label_values(registry: OutletRegistry) -> dict[str, list[str]]:
    """Each label key the registry carries, with its values: what a reader may ask blindspots for.

    Keys and values keep the spelling first met; later spellings that differ only in case are the
    same key or value. Cached per registry, which a server holds for its whole life."""
    keys: dict[str, str] = {}
    values: dict[str, dict[str, str]] = {}
    for outlet in registry.outlets:
        for key, value in outlet.labels.items():
            shown = keys.setdefault(key.casefold(), key)
            values.setdefault(shown, {}).setdefault(value.casefold(), value)
    return {key: sorted(values[key].values(), key=str.casefold) for key in sorted(values, key=str.casefold)}


def outlets_labelled(registry: OutletRegistry, key: str, value: str) -> list[str]:
    """The names of the registry's outlets whose label `key` is `value` (both in any case)."""
    wanted = value.casefold()
    return [
        o.name
        for o in registry.outlets
        if (found := _label(o, key)) is not None and found.casefold() == wanted
    ]


def group_by_labels(registry: OutletRegistry, outlets: Iterable[str]) -> list[LabelGroups]:
    """`outlets` grouped by each label key the registry carries; [] when it carries none.

    Every key the registry knows is listed, even where none of these outlets has it: "no outlet
    of this story is labelled" is worth seeing next to the others."""
    names = list(dict.fromkeys(outlets))
    found = {name: registry.by_name(name) for name in names}
    grouped = []
    for key, values in label_values(registry).items():
        spelt = {value.casefold(): value for value in values}
        groups: dict[str, list[str]] = {}
        unlabelled = []
        for name in names:
            value = _label(found[name], key)
            if value is None:
                unlabelled.append(name)
            else:
                groups.setdefault(spelt.get(value.casefold(), value), []).append(name)
        grouped.append(
            LabelGroups(key, dict(sorted(groups.items(), key=lambda kv: kv[0].casefold())), unlabelled)
        )
    return grouped


@cache
def labels_fingerprint(registry: OutletRegistry) -> str:
    """A short digest of every outlet's labels: a story page shows them, so a page kept from
    another labels file must not be served (web/pages.py puts this in the page's version)."""
    labelled = sorted((o.name, sorted(o.labels.items())) for o in registry.outlets if o.labels)
    if not labelled:
        return ""
    return hashlib.sha256(json.dumps(labelled).encode("utf-8")).hexdigest()[:12]
