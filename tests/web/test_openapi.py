"""/openapi.json lists every API route, documents the hand-read bodies, and every reference resolves;
and it states every rule the API applies, so that a request it allows is never refused."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from newsprism.web import WebSettings
from newsprism.web.api import parse_since
from newsprism.web.schemas import (
    LANGUAGE_PATTERN,
    SINCE_PATTERN,
    STORABLE_PATTERN,
    TEXT_PATTERN,
    check_body,
    check_text,
)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_openapi_lists_the_api_and_not_the_pages(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/stories/{story_id}/comparison",
        "/api/v1/articles",
        "/api/v1/outlets",
        "/api/v1/outlets/{name}",
        "/api/v1/blindspots",
    }
    assert set(document["paths"]["/api/v1/articles"]) == {"get", "post"}
    assert document["paths"]["/api/v1/stories"]["get"]["operationId"] == "list_stories"


def test_every_reference_resolves(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    refs = _refs(document)
    assert "#/components/schemas/Comparison" in refs
    assert "#/components/schemas/ArticleIn" in refs
    for ref in refs:
        _resolve(document, ref)


def test_documented_bodies_match_what_the_endpoints_take_and_give(
    client: TestClient, comparison_data: dict[str, Any]
) -> None:
    document = client.get("/openapi.json").json()
    post = document["paths"]["/api/v1/articles"]["post"]
    assert post["requestBody"]["required"] is True
    assert {"413", "422", "401", "403"} <= set(post["responses"])
    article_in = document["components"]["schemas"]["ArticleIn"]
    assert article_in["required"] == ["text"]
    comparison = document["paths"]["/api/v1/stories/{story_id}/comparison"]["get"]["responses"]
    assert {"200", "404", "409"} <= set(comparison)
    # The Comparison component, with the document as its root, validates the real pipeline's output.
    root = {**document, "$ref": "#/components/schemas/Comparison"}
    Draft202012Validator(root).validate(comparison_data)
    broken = {**comparison_data, "facts": [{"id": "f1", "status": "rumoured", "mentions": []}]}
    assert not Draft202012Validator(root).is_valid(broken)
    limit = next(p for p in document["paths"]["/api/v1/stories"]["get"]["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 200)


# What a client that trusts /openapi.json may send: every rule the API applies is in the schema,
# and a request is refused as invalid (422) exactly when the schema says it is invalid.

WRITE_TOKEN = "write-secret-token"
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}", "Content-Type": "application/json"}
ARTICLE = {"text": "The Millbrook ferry resumed service on Friday after the flood waters fell."}


def _string_schemas(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if node.get("type") == "string" else []
        return found + [s for value in node.values() for s in _string_schemas(value)]
    if isinstance(node, list):
        return [s for item in node for s in _string_schemas(item)]
    return []


def _parameter(document: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    parameters = document["paths"][path]["get"]["parameters"]
    found: dict[str, Any] = next(p for p in parameters if p["name"] == name)
    return found


def test_every_string_the_api_takes_states_its_rules(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    article_in = document["components"]["schemas"]["ArticleIn"]
    strings = _string_schemas(article_in)
    assert len(strings) == 8  # id, title, text, source, url, published, language, author
    for schema in strings:
        assert "pattern" in schema and ("maxLength" in schema or "minLength" in schema), schema
    text = article_in["properties"]["text"]
    assert (text["pattern"], text["minLength"]) == (TEXT_PATTERN, 1)
    assert "white space" in text["description"] and "boilerplate" in text["description"]
    for name in ("title", "source", "url", "language", "author"):
        assert article_in["properties"][name]["anyOf"][0]["pattern"] == STORABLE_PATTERN
    id_number = article_in["properties"]["id"]["anyOf"][1]
    assert (id_number["type"], id_number["minimum"], id_number["maximum"]) == (
        "integer",
        -(2**63 - 1),
        2**63 - 1,
    )
    for path, name, pattern in [
        ("/api/v1/stories", "q", STORABLE_PATTERN),
        ("/api/v1/stories", "since", SINCE_PATTERN),
        ("/api/v1/stories", "language", LANGUAGE_PATTERN),
        ("/api/v1/articles", "story", STORABLE_PATTERN),
        ("/api/v1/articles", "language", LANGUAGE_PATTERN),
        ("/api/v1/blindspots", "label", TEXT_PATTERN),
        ("/api/v1/blindspots", "value", TEXT_PATTERN),
    ]:
        [schema] = _string_schemas(_parameter(document, path, name))
        assert schema["pattern"] == pattern and "maxLength" in schema


def _body_validator(document: dict[str, Any]) -> Draft202012Validator:
    body = document["paths"]["/api/v1/articles"]["post"]["requestBody"]["content"]["application/json"]
    return Draft202012Validator({**document, **body["schema"]})


HOSTILE_STRINGS = [
    "",
    " ",
    "\x1c\u2029\u3000",  # white space to Python's strip(), though not to every regex dialect's \s
    "\ufeff",
    "***",
    "-",
    "123",
    "Advertisement",  # boilerplate only: reported in `errors`, not refused
    "Reporting by Jane Doe",
    "nul \x00 inside",
    "lone \ud800 surrogate",
    "pair \U0001f600 fine",
    "2025-05-14",
    "x" * 36,
    "x" * 257,
    "x" * 2_001,
]
HOSTILE_VALUES: list[Any] = [
    *HOSTILE_STRINGS,
    7,
    7.0,
    7.5,
    -(2**63 - 1),
    2**63,
    10**120,
    1e300,
    1741334400,
    True,
    None,
    [],
    {"nested": 1},
]


@pytest.mark.parametrize(
    "field", ["id", "title", "text", "source", "url", "published", "language", "author", "extra"]
)
def test_a_body_is_refused_exactly_when_the_schema_says_it_is_invalid(
    make_client: Any, fake_ingest: Any, field: str
) -> None:
    client = make_client(WebSettings(write_token=WRITE_TOKEN))
    validator = _body_validator(client.get("/openapi.json").json())
    for value in HOSTILE_VALUES:
        body = {**ARTICLE, field: value}
        valid = validator.is_valid(body)
        response = client.post("/api/v1/articles", content=json.dumps(body).encode(), headers=AUTH)
        assert response.status_code == (200 if valid else 422), (field, value, response.text)


LANGUAGES = [
    "en", "es", "fra", "", " ", "e", "engl", "EN", "EN1", "en-GB", "e1", "é", "ру", "en\n", " en", "en ",
    "eng\n", "en\x00",
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "name", "values"),
    [
        ("/api/v1/stories", "q", ["ferry", "", " ", "a\x00b", "\U0001f600", "x" * 200, "x" * 201]),
        ("/api/v1/articles", "story", ["ferry-2025", "", "a\x00b", "x" * 256, "x" * 257]),
        *(("/api/v1/" + path, "language", LANGUAGES) for path in ("stories", "articles")),
        (
            "/api/v1/stories",
            "since",
            [
                "", "2025-05-14", "2024-02-29", "2025-02-29", "2000-02-29", "1900-02-29", "0001-01-01",
                "0000-01-01", "9999-12-31T23:59:59.999999Z", "2025-05-14T10", "2025-05-14 10:30",
                "2025-05-14T10:30:15.123+05:30", "2025-05-14T10:30-0330", "2025-05-14T24:00",
                "2025-05-14T10:60", "2025-05-14Z", "20250514", "2025-W20-3", "yesterday", "2025-13-45",
                "2025-05-14\x00",
            ],
        ),
    ],
)  # fmt: skip
def test_a_query_is_refused_exactly_when_the_schema_says_it_is_invalid(
    client: TestClient, path: str, name: str, values: list[str]
) -> None:
    document = client.get("/openapi.json").json()
    validator = Draft202012Validator({**document, **_parameter(document, path, name)["schema"]})
    for value in values:
        response = client.get(path, params={name: value})
        expected = 200 if validator.is_valid(value) else 422
        assert response.status_code == expected, (name, value, response.text)


def test_the_text_patterns_and_the_checks_agree_on_every_character() -> None:
    storable, text = re.compile(STORABLE_PATTERN), re.compile(TEXT_PATTERN)
    for code in range(0x110000):
        char = chr(code)
        assert bool(storable.fullmatch(char)) == _accepts(check_text, char), hex(code)
        assert bool(text.fullmatch(char)) == _accepts(check_body, char), hex(code)
        assert bool(text.fullmatch(f" {char}\n")) == _accepts(check_body, f" {char}\n"), hex(code)


def _accepts(check: Any, value: str) -> bool:
    try:
        check(value)
    except ValueError:
        return False
    return True


def _since_accepted(value: str) -> bool:
    try:
        parse_since(value)
    except HTTPException as err:
        assert err.status_code == 422
        return False
    return True


def test_every_date_the_since_pattern_allows_is_read_and_no_other() -> None:
    since = re.compile(SINCE_PATTERN)
    candidates = [f"{year:04d}-{md}" for year in range(10_000) for md in ("02-29", "02-28", "12-31")]
    for year in (1, 4, 100, 400, 1900, 2000, 2024, 2025, 9999):
        candidates += [f"{year:04d}-{month:02d}-{day:02d}" for month in range(14) for day in range(33)]
    day = "2025-05-14"
    clocks = [f"{hour:02d}" for hour in range(25)] + [f"10:{minute:02d}" for minute in (0, 59, 60)]
    clocks += [
        f"10:30:{second:02d}{fraction}" for second in (0, 59, 60) for fraction in ("", ".1", ".123456")
    ]
    offsets = ["", "Z", "+00:00", "-23:59", "+24:00", "+05", "+0530", "-12:60"]
    candidates += [f"{day}{sep}{clock}{offset}" for sep in "T " for clock in clocks for offset in offsets]
    for value in candidates:
        assert bool(since.fullmatch(value)) == _since_accepted(value), value


@pytest.mark.skipif(shutil.which("node") is None, reason="no JavaScript engine to run ECMA-262 regexes")
def test_the_patterns_mean_the_same_to_an_ecma_262_engine() -> None:
    # JSON Schema's `pattern` is an ECMA-262 regex; a validator may compile it with or without
    # the `u` flag. Both must agree with Python on what is valid (a trailing newline aside,
    # which Python's `$` lets through and the server strips anyway).
    patterns = {"storable": STORABLE_PATTERN, "text": TEXT_PATTERN, "since": SINCE_PATTERN}
    samples = [
        *HOSTILE_STRINGS,
        "\U0001f600",
        " \U0001f600 ",
        "2024-02-29",
        "2025-02-29",
        "2025-05-14T10:30+05:30",
    ]
    program = (
        f"const patterns = {json.dumps(patterns)}, samples = {json.dumps(samples)};"
        "const out = {};"
        "for (const [name, p] of Object.entries(patterns))"
        "  for (const flags of ['', 'u'])"
        "    out[name + flags] = samples.map((s) => new RegExp(p, flags).test(s));"
        "console.log(JSON.stringify(out));"
    )
    ran = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True, timeout=60)
    answers = json.loads(ran.stdout)
    for name, pattern in patterns.items():
        python = [bool(re.search(pattern, sample)) for sample in samples]
        assert answers[name] == python, name
        assert answers[name + "u"] == python, name
