"""The outlet registry by web address: a URL names its outlet, and users extend the registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.lang.data import load_table
from newsprism.lang.outlet_registry import KINDS, SHIPPED, read_outlets_file, registered_domain, url_host


def test_the_shipped_registry_covers_agencies_and_many_outlets_with_their_facts() -> None:
    outlets = SHIPPED.outlets
    assert len(outlets) >= 200
    assert set(KINDS) == {"wire agency", "newspaper", "broadcaster", "online"}
    for outlet in outlets:
        assert outlet.name and outlet.domains and outlet.country and outlet.language, outlet
        assert outlet.kind in KINDS, outlet
        assert all(domain == domain.lower() and "/" not in domain for domain in outlet.domains), outlet
    kinds = {outlet.kind for outlet in outlets}
    assert kinds == set(KINDS)
    assert len({outlet.country for outlet in outlets}) >= 20
    assert sum(outlet.kind == "wire agency" for outlet in outlets) >= 20
    domains = [domain for outlet in outlets for domain in outlet.domains]
    assert len(domains) == len(set(domains)), "a domain belongs to one outlet"


def test_every_outlet_of_the_citation_map_is_in_the_registry_by_the_same_name() -> None:
    names = {outlet.name for outlet in SHIPPED.outlets}
    assert set(load_table("outlets.json")["outlets"]["map"]) <= names


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.reuters.com/world/europe/talks-2025-05-14/", "Reuters"),
        ("https://edition.cnn.com/2025/05/14/europe/talks", "CNN"),
        ("https://news.bbc.co.uk/2/hi/europe/1.stm", "BBC"),
        ("https://www.theguardian.com/world/2025/may/14/talks", "The Guardian"),
        ("https://news.sky.com/story/talks", "Sky News"),
        ("https://abcnews.go.com/International/talks", "ABC News"),
        ("HTTPS://WWW.NYTIMES.COM./2025/05/14/world/talks.html", "The New York Times"),
        ("https://harbourgazette.example/2025/ferry", "harbourgazette.example"),
        ("https://news.harbourgazette.example/ferry", "harbourgazette.example"),
        ("https://live.portnews.co.uk/ferry", "portnews.co.uk"),
        ("http://127.0.0.1:8000/page", "127.0.0.1"),
        ("urn:x-page", None),
        ("ferry.txt", None),
        (None, None),
    ],
)
def test_a_url_names_its_outlet_else_its_registered_domain(url: str | None, source: str | None) -> None:
    assert SHIPPED.source_for_url(url) == source


def test_registered_domains_and_hosts() -> None:
    assert registered_domain("edition.cnn.com") == "cnn.com"
    assert registered_domain("www.smh.com.au") == "smh.com.au"
    assert registered_domain("localhost") == "localhost"
    assert url_host("https://[::1]:8000/x") == "::1"
    assert url_host("http://[bad/") is None  # urlsplit's ValueError: no host, not a crash


def write(tmp_path: Path, table: object) -> Path:
    path = tmp_path / "outlets.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    return path


def test_a_users_file_adds_outlets_overrides_facts_and_attaches_labels(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "about": "my outlets",
            "map": {
                "Harbour Gazette": {"domains": ["harbourgazette.example"], "kind": "newspaper"},
                "CNN": {"labels": {"region": "north america", "lean": "mine to say"}},
                "Reuters Europe": {"domains": ["uk.reuters.com"]},
            },
        },
    )
    registry = read_outlets_file(path)
    assert registry.source_for_url("https://www.harbourgazette.example/a") == "Harbour Gazette"
    cnn = registry.for_host("edition.cnn.com")
    assert cnn is not None and cnn.labels["region"] == "north america" and cnn.domains == ("cnn.com",)
    assert cnn.kind == "broadcaster"  # what the override leaves out stays as shipped
    assert registry.source_for_url("https://uk.reuters.com/x") == "Reuters Europe"
    assert registry.source_for_url("https://www.reuters.com/x") == "Reuters"
    assert not SHIPPED.for_host("cnn.com").labels  # type: ignore[union-attr]  # the shipped one is untouched


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"outlets": []}, "expected"),
        ({"map": []}, "object of outlets"),
        ({"map": {"X": {"kind": "blog"}}}, "kind must be one of"),
        ({"map": {"X": {"lean": "left"}}}, "put your own in 'labels'"),
        ({"map": {"X": {"domains": "x.example"}}}, "list of strings"),
        ({"map": {"X": {"labels": {"lean": 3}}}}, "map names to strings"),
        ({"map": {"X": {"country": 3}}}, "'country' must be a string"),
        ({"map": {"": {}}}, "name and an object"),
    ],
)
def test_a_malformed_users_file_is_refused_with_a_reason(tmp_path: Path, table: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_outlets_file(write(tmp_path, table))


def test_a_users_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outlets.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not JSON"):
        read_outlets_file(path)


def test_an_outlet_is_found_by_its_name_whatever_its_case(tmp_path: Path) -> None:
    guardian = SHIPPED.by_name("the guardian")
    assert guardian is not None and guardian.name == "The Guardian" and guardian.kind == "newspaper"
    assert SHIPPED.by_name("  REUTERS ") is SHIPPED.by_name("Reuters")
    assert SHIPPED.by_name("Harbour Gazette") is None
    assert SHIPPED.by_name("") is None
    registry = read_outlets_file(write(tmp_path, {"map": {"Süddeutsche Zeitung": {"labels": {"lean": "x"}}}}))
    found = registry.by_name("SÜDDEUTSCHE ZEITUNG")
    assert found is not None and found.labels == {"lean": "x"}
