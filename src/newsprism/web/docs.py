"""The API reference at /api/docs: the OpenAPI document, read by people, rendered by this server.

FastAPI's own docs page loads Swagger UI's scripts from a CDN, which an offline install cannot
reach and a strict Content-Security-Policy forbids. This page is plain HTML from the site's
templates, built from `app.openapi()` (the document /openapi.json serves), so the two never
disagree: every path and method, its parameters with their constraints, the request body's
fields, the response codes, and the schemas they name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from markupsafe import Markup, escape

_METHODS = ("get", "head", "post", "put", "patch", "delete")
_RULES = (
    ("minLength", "at least {} character{}"),
    ("maxLength", "at most {} character{}"),
    ("minimum", "at least {}"),
    ("maximum", "at most {}"),
    ("exclusiveMinimum", "more than {}"),
    ("exclusiveMaximum", "less than {}"),
    ("minItems", "at least {} item{}"),
    ("maxItems", "at most {} item{}"),
    ("format", "format {}"),
)


@dataclass(frozen=True, slots=True)
class FieldView:
    """A parameter or a property: its type, and each rule a value must follow."""

    name: str
    type: str
    required: bool
    rules: list[str]
    patterns: list[str]
    description: str = ""
    where: str = ""


@dataclass(frozen=True, slots=True)
class ResponseView:
    status: str
    description: str
    type: str
    schema: str = ""  # the component the body is, to link to; "" when it is none or several


@dataclass(frozen=True, slots=True)
class BodyView:
    type: str
    required: bool
    description: str
    schemas: list[str]


@dataclass(frozen=True, slots=True)
class OperationView:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list[FieldView]
    body: BodyView | None
    responses: list[ResponseView]


@dataclass(frozen=True, slots=True)
class SchemaView:
    name: str
    description: str
    fields: list[FieldView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reference:
    """What the page shows: the API's description, its operations, and the schemas they name."""

    title: str
    version: str
    description: str
    operations: list[OperationView]
    schemas: list[SchemaView]


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_of(schema: Any) -> str:
    """A schema's type in words: 'string', 'integer or null', 'list of StoryOut'."""
    if not isinstance(schema, dict):
        return "any"
    if isinstance(schema.get("$ref"), str):
        return _ref_name(schema["$ref"])
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list):
            return " or ".join(dict.fromkeys(type_of(option) for option in schema[key]))
    if "const" in schema:
        return json.dumps(schema["const"])
    if isinstance(schema.get("enum"), list):
        return "one of " + ", ".join(json.dumps(value) for value in schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    if kind == "array":
        return f"list of {type_of(schema.get('items'))}"
    return str(kind) if kind else "any"


def _own_rules(schema: dict[str, Any]) -> list[str]:
    rules = [
        text.format(json.dumps(schema[key]), "" if schema[key] == 1 else "s")
        for key, text in _RULES
        if key in schema
    ]
    if "default" in schema and schema["default"] is not None:
        rules.append(f"default {json.dumps(schema['default'])}")
    return rules


def rules_of(schema: Any) -> tuple[list[str], list[str]]:
    """A schema's constraints in words, and its `pattern`s, including those of its alternatives."""
    if not isinstance(schema, dict):
        return [], []
    rules = _own_rules(schema)
    patterns = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key) or []:
            option_rules, option_patterns = rules_of(option)
            if option_rules:
                rules.append(f"as {type_of(option)}: " + ", ".join(option_rules))
            patterns += option_patterns
    return rules, patterns


def _paragraphs(text: str | None) -> str:
    # Docstrings wrap their lines; a blank line is what ends a paragraph.
    return re.sub(r"(?<!\n)[ \t]*\n(?![ \t]*\n)[ \t]*", " ", (text or "").strip())


_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """Text escaped, with its Markdown `code spans` set as <code>: the descriptions use them."""
    escaped = str(escape(text))
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", escaped))


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [_ref_name(node["$ref"])] if isinstance(node.get("$ref"), str) else []
        return found + [name for value in node.values() for name in _refs(value)]
    if isinstance(node, list):
        return [name for item in node for name in _refs(item)]
    return []


def _parameter(parameter: dict[str, Any]) -> FieldView:
    schema = parameter.get("schema", {})
    rules, patterns = rules_of(schema)
    return FieldView(
        name=str(parameter.get("name", "")),
        type=type_of(schema),
        required=bool(parameter.get("required")),
        rules=rules,
        patterns=patterns,
        description=_paragraphs(parameter.get("description") or schema.get("description")),
        where=str(parameter.get("in", "")),
    )


def _json_schema(content: Any) -> Any:
    if not isinstance(content, dict) or not content:
        return None
    media = content.get("application/json") or next(iter(content.values()))
    return media.get("schema") if isinstance(media, dict) else None


def _operation(path: str, method: str, operation: dict[str, Any]) -> OperationView:
    body = None
    request_body = operation.get("requestBody")
    if isinstance(request_body, dict):
        schema = _json_schema(request_body.get("content"))
        body = BodyView(
            type=type_of(schema),
            required=bool(request_body.get("required")),
            description=_paragraphs(request_body.get("description")),
            schemas=list(dict.fromkeys(_refs(schema))),
        )
    responses = []
    for status, answer in sorted((operation.get("responses") or {}).items()):
        schema = _json_schema(answer.get("content"))
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        responses.append(
            ResponseView(
                status=str(status),
                description=_paragraphs(answer.get("description")),
                type=type_of(schema) if schema is not None else "",
                schema=_ref_name(ref) if isinstance(ref, str) else "",
            )
        )
    return OperationView(
        method=method.upper(),
        path=path,
        anchor=operation.get("operationId") or f"{method}-{path}",
        summary=str(operation.get("summary", "")),
        description=_paragraphs(operation.get("description")),
        parameters=[_parameter(p) for p in operation.get("parameters", [])],
        body=body,
        responses=responses,
    )


def _schema(name: str, schema: dict[str, Any]) -> SchemaView:
    required = set(schema.get("required") or [])
    fields = []
    for prop, prop_schema in (schema.get("properties") or {}).items():
        rules, patterns = rules_of(prop_schema)
        description = prop_schema.get("description") if isinstance(prop_schema, dict) else None
        fields.append(
            FieldView(prop, type_of(prop_schema), prop in required, rules, patterns, _paragraphs(description))
        )
    described = schema.get("description") or (type_of(schema) if not fields else "")
    return SchemaView(name=name, description=_paragraphs(described), fields=fields)


def reference(document: dict[str, Any]) -> Reference:
    """The page's view of an OpenAPI document."""
    info = document.get("info", {})
    operations = [
        _operation(path, method, item[method])
        for path, item in document.get("paths", {}).items()
        for method in _METHODS
        if method in item
    ]
    schemas = document.get("components", {}).get("schemas", {})
    return Reference(
        title=str(info.get("title", "API")),
        version=str(info.get("version", "")),
        description=_paragraphs(info.get("description")),
        operations=operations,
        schemas=[_schema(name, schema) for name, schema in sorted(schemas.items())],
    )


def docs_router(env: Environment) -> APIRouter:
    """GET /api/docs: the reference page, rendered once per app from its OpenAPI document."""
    router = APIRouter(include_in_schema=False)
    env.filters["code_spans"] = code_spans
    rendered: list[str] = []  # one router per app, so one page

    @router.get("/api/docs", response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        if not rendered:
            rendered.append(env.get_template("api_docs.html.j2").render(api=reference(request.app.openapi())))
        return HTMLResponse(rendered[0])

    return router
