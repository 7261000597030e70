"""Blindspots: stories many outlets covered but none carrying one of the user's labels, over the
API and as a page; parameters bounded, and refused (422) exactly when the OpenAPI schema says so."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

Archive = Any  # conftest.Archive: the store, a client, and one started with a labels file


def ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/v1/blindspots", params=params)
    assert response.status_code == 200, response.text
    return [s["id"] for s in response.json()["stories"]]


def test_stories_no_outlet_of_the_label_covered_newest_first(archive: Archive) -> None:
    client = archive.labelled
    # quake has CNN (lean: left); budget has only two outlets.
    assert ids(client, label="lean", value="left") == ["ferry", "storm"]
    assert ids(client, label="lean", value="right") == ["storm", "quake"]
    # The registry names it "zürich zeitung"; the archive "Zürich Zeitung".
    assert ids(client, label="lean", value="centre") == ["ferry", "quake"]
    assert ids(client, label="region", value="coast") == ["ferry", "storm"]
    assert ids(client, label="lean", value="left", min_outlets=4) == ["ferry"]
    assert ids(client, label="lean", value="left", min_outlets=2) == ["budget", "ferry", "storm"]


def test_labels_and_values_are_matched_whatever_their_case(archive: Archive) -> None:
    body = archive.labelled.get("/api/v1/blindspots", params={"label": " LEAN ", "value": "Left"}).json()
    assert (body["label"], body["value"], body["min_outlets"]) == ("LEAN", "Left", 3)
    assert body["labelled_outlets"] == ["CNN"]
    assert [s["id"] for s in body["stories"]] == ["ferry", "storm"]


def test_a_label_no_outlet_carries_excludes_nothing_and_says_so(archive: Archive) -> None:
    body = archive.labelled.get("/api/v1/blindspots", params={"label": "lean", "value": "far"}).json()
    assert body["labelled_outlets"] == []
    assert [s["id"] for s in body["stories"]] == ["ferry", "storm", "quake"]
    # Without a labels file, likewise.
    assert ids(archive.client, label="lean", value="left") == ["ferry", "storm", "quake"]


def test_blindspots_are_paged(archive: Archive) -> None:
    first = archive.labelled.get(
        "/api/v1/blindspots", params={"label": "lean", "value": "x", "limit": 2}
    ).json()
    assert [s["id"] for s in first["stories"]] == ["ferry", "storm"] and first["next_offset"] == 2
    assert ids(archive.labelled, label="lean", value="x", limit=2, offset=2) == ["quake"]


@pytest.mark.parametrize(
    "params",
    [
        {"label": "lean"},
        {"value": "left"},
        {"label": " ", "value": "left"},
        {"label": "lean", "value": "\u3000"},
        {"label": "lean", "value": "a\x00b"},
        {"label": "x" * 101, "value": "left"},
        {"label": "lean", "value": "left", "min_outlets": 0},
        {"label": "lean", "value": "left", "min_outlets": 1001},
        {"label": "lean", "value": "left", "min_outlets": "three"},
        {"label": "lean", "value": "left", "limit": 0},
        {"label": "lean", "value": "left", "offset": -1},
    ],
)
def test_bad_parameters_are_a_422_in_the_apis_error_shape(archive: Archive, params: dict[str, Any]) -> None:
    response = archive.labelled.get("/api/v1/blindspots", params=params)
    assert response.status_code == 422, params
    assert response.json()["detail"].startswith("Invalid request")


def test_the_page_without_labels_says_how_to_add_them(archive: Archive) -> None:
    page = archive.client.get("/blindspots").text
    assert "No labels are configured" in page
    assert "NEWSPRISM_OUTLETS=outlets.json newsprism serve" in page and "--outlets" in page
    assert '"labels": {"lean": "left"}' in page.replace("&#34;", '"')


def test_the_page_offers_the_users_labels_and_lists_blindspots(archive: Archive) -> None:
    form = archive.labelled.get("/blindspots").text
    assert '<option value="lean" selected>lean</option>' in form and '<option value="region">' in form
    assert '<option value="centre">lean: centre</option>' in form
    assert 'href="/stories/' not in form  # nothing asked yet
    page = archive.labelled.get("/blindspots", params={"label": "lean", "value": "left"}).text
    assert "none with lean = left" in page
    assert 'href="/stories/ferry"' in page and 'href="/stories/storm"' in page
    assert 'href="/stories/quake"' not in page
    assert 'Outlets with lean = left: <a class="outlet-link" href="/outlets/CNN">CNN</a>' in page
    nothing = archive.labelled.get("/blindspots", params={"label": "lean", "value": "far"}).text
    assert "No outlet in your outlets file has lean = far" in nothing


def test_the_page_is_paged_with_its_query_kept(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.web.coverage_pages as pages

    monkeypatch.setattr(pages, "STORIES_PER_PAGE", 1)
    client = TestClient(archive.labelled.app)
    page = client.get("/blindspots", params={"label": "lean", "value": "left & right"}).text
    assert (
        'rel="next" href="/blindspots?label=lean&amp;value=left+%26+right&amp;min_outlets=3&amp;offset=1"'
        in page
    )


@pytest.mark.parametrize(
    "params",
    [
        {"label": "lean", "value": "left", "min_outlets": 0},
        {"label": "a\x00b", "value": "left"},
        {"label": "lean", "value": "x" * 101},
        {"offset": -1},
    ],
)
def test_bad_page_parameters_are_an_html_422(archive: Archive, params: dict[str, Any]) -> None:
    response = archive.labelled.get("/blindspots", params=params)
    assert response.status_code == 422, params
    assert response.headers["content-type"].startswith("text/html")


def test_a_half_filled_form_asks_for_nothing_yet(archive: Archive) -> None:
    for params in ({"label": "lean"}, {"label": "lean", "value": " "}, {"value": "left"}):
        response = archive.labelled.get("/blindspots", params=params)
        assert response.status_code == 200 and 'href="/stories/' not in response.text


# The OpenAPI document states every rule: a value is refused exactly when the schema says it is
# invalid. Query values arrive as text; one the schema types as an integer is read as a client
# reads the schema, a string of digits being that integer.


def _schema_says(document: dict[str, Any], schema: dict[str, Any], value: str) -> bool:
    if schema.get("type") == "integer":
        try:
            number: Any = int(value, 10)
        except ValueError:
            return False
        return Draft202012Validator({**document, **schema}).is_valid(number)
    return Draft202012Validator({**document, **schema}).is_valid(value)


def _parameter(document: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)
    return found


BLINDSPOT_VALUES = {
    "label": ["lean", "", " ", "\t\n", "\u3000x", "a\x00b", "\U0001f600", "x" * 100, "x" * 101],
    "value": ["left", "", " Left ", "\u2029", "\x00", "x" * 100, "x" * 101],
    "min_outlets": ["3", "1", "0", "-1", "1000", "1001", "2.5", "three", "", "0x3"],
    "limit": ["1", "200", "0", "201", "ten"],
    "offset": ["0", "-1", str(2**31 - 1), str(2**31)],
}


@pytest.mark.parametrize("name", sorted(BLINDSPOT_VALUES))
def test_a_blindspot_query_is_refused_exactly_when_the_schema_says_so(client: TestClient, name: str) -> None:
    document = client.get("/openapi.json").json()
    parameter = _parameter(document, "/api/v1/blindspots", name)
    assert parameter["required"] is (name in ("label", "value"))
    for value in BLINDSPOT_VALUES[name]:
        params = {"label": "lean", "value": "left", name: value}
        response = client.get("/api/v1/blindspots", params=params)
        expected = 200 if _schema_says(document, parameter["schema"], value) else 422
        assert response.status_code == expected, (name, value, response.text)


def test_an_outlet_name_is_refused_exactly_when_the_schema_says_so(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    schema = _parameter(document, "/api/v1/outlets/{name}", "name")["schema"]
    assert (schema["minLength"], schema["maxLength"]) == (1, 1000)
    for name in ["Valley Courier", "x" * 1000, "x" * 1001, "AC/DC", "\U0001f600", " "]:
        response = client.get("/api/v1/outlets/" + quote(name, safe=""))
        expected = {200, 404} if _schema_says(document, schema, name) else {422}
        assert response.status_code in expected, (name, response.text)
    for name, value in [("limit", "0"), ("limit", "200"), ("offset", "-1")]:
        parameter = _parameter(document, "/api/v1/outlets/{name}", name)["schema"]
        response = client.get("/api/v1/outlets/Valley%20Courier", params={name: value})
        assert response.status_code == (200 if _schema_says(document, parameter, value) else 422)


def test_the_coverage_routes_are_documented_with_their_answers(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    outlet = document["paths"]["/api/v1/outlets/{name}"]["get"]
    assert {"200", "404", "422"} <= set(outlet["responses"])
    assert outlet["tags"] == ["outlets"]
    story = document["paths"]["/api/v1/stories/{story_id}"]["get"]["responses"]["200"]
    ref = story["content"]["application/json"]["schema"]["$ref"]
    assert "outlets_by_label" in document["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
    assert {t["name"] for t in document["tags"]} >= {"stories", "articles", "outlets"}
