"""Outlets by web address: which newsroom a URL belongs to, and what is publicly known of it.

An article read from a file or a JSON row often carries a URL but no outlet name, and a story
whose articles have no outlet can count none. The registry (the "registry" table of
outlets.json, plus whatever file a user adds) names the outlet of a URL's registered domain, so
`edition.cnn.com` and `cnn.com` are both CNN; a domain it does not know names itself, which
still tells two outlets apart. Users extend or override it with a JSON file of the same shape,
`{"map": {"Name": {"domains": [...], ...}}}`, and may attach their own labels (a region, a
lean) under "labels": newsprism ships none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsprism.lang.data import load_table, word_list, words

_FILE = "outlets.json"

KINDS = word_list(_FILE, "outlet_kinds")
"""What an outlet is: wire agency, newspaper (print magazines too), broadcaster, online."""

PUBLIC_SUFFIXES = words(_FILE, "public_suffixes")
_FIELDS = frozenset({"domains", "country", "language", "kind", "parent", "labels"})


@dataclass(frozen=True, slots=True)
class Outlet:
    """One newsroom: its house name, the domains it publishes on, and public facts about it."""

    name: str
    domains: tuple[str, ...] = ()
    country: str | None = None
    language: str | None = None
    kind: str | None = None
    parent: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)


class OutletRegistry:
    """Outlets by name and by domain; a later outlet with a known name updates the earlier one."""

    def __init__(self, outlets: Iterable[Outlet] = ()) -> None:
        self._by_name: dict[str, Outlet] = {}
        for outlet in outlets:
            self._add(outlet)
        self._by_domain = {domain: o for o in self._by_name.values() for domain in o.domains}

    def _add(self, outlet: Outlet) -> None:
        key = outlet.name.casefold()
        known = self._by_name.get(key)
        if known is None:
            self._by_name[key] = outlet
            return
        # An override names only what it changes ({"name": "CNN", "labels": {...}}).
        given = {
            name: getattr(outlet, name) for name in _FIELDS if getattr(outlet, name) not in (None, (), {})
        }
        self._by_name[key] = replace(known, **given)

    @property
    def outlets(self) -> tuple[Outlet, ...]:
        """Every outlet, in the order first added."""
        return tuple(self._by_name.values())

    def by_name(self, name: str) -> Outlet | None:
        """The outlet of this house name, whatever its case ("the guardian" finds "The Guardian"):
        stored articles name their outlet as their source gave it, not as the registry spells it."""
        return self._by_name.get(name.strip().casefold())

    def extended(self, outlets: Iterable[Outlet]) -> OutletRegistry:
        """A new registry of these outlets and `outlets`, the latter winning on a shared name or
        domain."""
        return OutletRegistry([*self.outlets, *outlets])

    def for_host(self, host: str) -> Outlet | None:
        """The outlet publishing on `host` or on a domain above it (news.sky.com, then sky.com)."""
        labels = _clean_host(host).split(".")
        for start in range(len(labels) - 1):
            found = self._by_domain.get(".".join(labels[start:]))
            if found is not None:
                return found
        return None

    def source_for_url(self, url: str | None) -> str | None:
        """The name of the outlet a URL belongs to; for an unknown one its registered domain
        (`harbourgazette.example`); None for a URL without a host."""
        host = url_host(url)
        if host is None:
            return None
        outlet = self.for_host(host)
        return outlet.name if outlet else registered_domain(host)


def url_host(url: str | None) -> str | None:
    """The lower-case host of a URL, or None when it has none (a path, a `urn:`)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return _clean_host(host) or None if host else None


def registered_domain(host: str) -> str:
    """The domain a host was registered under: `edition.cnn.com` -> `cnn.com`, `news.bbc.co.uk`
    -> `bbc.co.uk`. An IP address, or a single label such as `localhost`, is kept whole."""
    clean = _clean_host(host)
    labels = clean.split(".")
    if len(labels) <= 2 or clean.replace(".", "").isdigit() or ":" in clean:
        return clean
    keep = 3 if ".".join(labels[-2:]) in PUBLIC_SUFFIXES else 2
    return ".".join(labels[-keep:])


def _clean_host(host: str) -> str:
    return host.strip().lower().rstrip(".").removeprefix("www.")


def outlets_from_table(table: object, where: str) -> list[Outlet]:
    """The outlets of a registry map ({name: {domains, country, ...}}); ValueError naming
    `where` for a malformed one, so a user's file fails with a message, not half read."""
    if not isinstance(table, dict):
        raise ValueError(f"{where}: 'map' must be an object of outlets by name")
    return [_outlet(name, row, f"{where}: {name!r}") for name, row in table.items()]


def _outlet(name: str, row: object, where: str) -> Outlet:
    if not name.strip() or not isinstance(row, dict):
        raise ValueError(f"{where}: each outlet is a name and an object of its facts")
    unknown = sorted(set(row) - _FIELDS)
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)}; put your own in 'labels'")
    if row.get("kind") is not None and row["kind"] not in KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(KINDS)}")
    domains = row.get("domains") or []
    labels = row.get("labels") or {}
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise ValueError(f"{where}: 'domains' must be a list of strings")
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise ValueError(f"{where}: 'labels' must map names to strings")
    return Outlet(
        name=name.strip(),
        domains=tuple(_clean_host(d) for d in domains if d.strip()),
        country=_optional(row, "country", where),
        language=_optional(row, "language", where),
        kind=row.get("kind"),
        parent=_optional(row, "parent", where),
        labels=dict(labels),
    )


def _optional(row: dict[str, Any], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' must be a string")
    return value or None


SHIPPED = OutletRegistry(outlets_from_table(load_table(_FILE)["registry"]["map"], _FILE))
"""The registry newsprism ships: wire agencies and widely read outlets of many countries."""


def read_outlets_file(path: str | Path, base: OutletRegistry = SHIPPED) -> OutletRegistry:
    """`base` extended and overridden by the user's file `path` ({"map": {name: {...}}}); OSError
    or ValueError for a file that cannot be read or is not of that shape."""
    try:
        table = json.loads(Path(path).read_text("utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not JSON ({err.msg}, line {err.lineno})") from err
    if not isinstance(table, dict) or "map" not in table:
        raise ValueError(f'{path}: expected {{"map": {{"Outlet name": {{"domains": [...], ...}}}}}}')
    return base.extended(outlets_from_table(table["map"], str(path)))
