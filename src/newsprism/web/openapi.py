"""The OpenAPI document, completed with the two schemas FastAPI cannot see.

The comparison endpoint returns stored JSON as is, and the ingest endpoint reads its body by
hand (to bound its size), so neither has a pydantic model for FastAPI to describe. Their
schemas are added here: the published comparison JSON Schema (codec/comparison.schema.json,
the one contract, not a copy) and `ArticleIn`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from newsprism.codec import comparison_schema
from newsprism.web.schemas import ArticleIn

COMPONENTS = "#/components/schemas/"
COMPARISON_REF = {"$ref": COMPONENTS + "Comparison"}
ARTICLE_IN_REF = {"$ref": COMPONENTS + "ArticleIn"}
ONE_OR_MANY = {"oneOf": [ARTICLE_IN_REF, {"type": "array", "items": ARTICLE_IN_REF, "minItems": 1}]}
ARTICLES_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": (
            "One article object, or a list of them (the JSON Lines input rows). Fields the schema "
            "does not name are ignored, but the body must still be JSON the server can decode: "
            "nesting up to 500 levels deep and integers up to 4,300 digits are always read; deeper "
            "or longer may be refused (422), as may a body over the server's upload limit (413)."
        ),
        "content": {"application/json": {"schema": ONE_OR_MANY}},
    }
}


def _relink(node: Any, prefix: str) -> Any:
    """Point the schema's local `#/$defs/x` references at the components they are hoisted to."""
    if isinstance(node, dict):
        return {
            key: (COMPONENTS + prefix + value.removeprefix("#/$defs/"))
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
            else _relink(value, prefix)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_relink(item, prefix) for item in node]
    return node


def comparison_components() -> dict[str, Any]:
    """The comparison JSON Schema as OpenAPI components: `Comparison` and `Comparison_<def>`."""
    schema = comparison_schema()
    definitions = schema.pop("$defs", {})
    schema.pop("$schema", None)
    schema.pop("$id", None)  # an $id would change how references inside it resolve
    components = {"Comparison": _relink(schema, "Comparison_")}
    components.update({f"Comparison_{name}": _relink(d, "Comparison_") for name, d in definitions.items()})
    return components


class DocumentedAPI(FastAPI):
    """FastAPI whose OpenAPI document also carries the hand-read bodies' schemas."""

    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            document = get_openapi(
                title=self.title,
                version=self.version,
                description=self.description,
                routes=self.routes,
                tags=self.openapi_tags,
            )
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(comparison_components())
            schemas["ArticleIn"] = ArticleIn.model_json_schema(ref_template=COMPONENTS + "{model}")
            self.openapi_schema = document
        return self.openapi_schema
