"""The published JSON Schemas (draft 2020-12) of the comparison and analysis forms.

The schema files sit beside the code that writes and reads the forms, so a change to a form
and to its schema is one change in one folder. The web app publishes the comparison schema in
its OpenAPI document; users validate their own files against either.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

COMPARISON_SCHEMA = "comparison.schema.json"
ANALYSIS_SCHEMA = "analysis.schema.json"


@cache
def _schema_text(name: str) -> str:
    return files("newsprism.codec").joinpath(name).read_text(encoding="utf-8")


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads(_schema_text(name))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def comparison_schema() -> dict[str, Any]:
    """The JSON Schema of `comparison_to_dict`; a fresh copy the caller may edit."""
    schema: dict[str, Any] = json.loads(_schema_text(COMPARISON_SCHEMA))
    return schema


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of one `analysis_to_dict` line."""
    schema: dict[str, Any] = json.loads(_schema_text(ANALYSIS_SCHEMA))
    return schema


def _validate(name: str, data: dict[str, Any]) -> None:
    # best_match names the deepest, most specific failure rather than the first one found.
    error = best_match(_validator(name).iter_errors(data))
    if error is not None:
        raise error


def validate_comparison(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `data` follows the comparison contract."""
    _validate(COMPARISON_SCHEMA, data)


def validate_analysis(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `data` is a well-formed analysis line."""
    _validate(ANALYSIS_SCHEMA, data)
