"""Reading the vocabulary files of this package, each once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_table(file: str) -> dict[str, Any]:
    """The parsed JSON file `file` of newsprism.lang; callers share the one copy, so must not
    change it."""
    return json.loads(resources.files("newsprism.lang").joinpath(file).read_text("utf-8"))


def words(file: str, table: str) -> frozenset[str]:
    """The word list `table` of `file`: tables are {"about": ..., "words": [...]}."""
    return frozenset(load_table(file)[table]["words"])


def word_list(file: str, table: str) -> tuple[str, ...]:
    """The word list `table` of `file` in file order, for tables whose order means something."""
    return tuple(load_table(file)[table]["words"])


def mapping(file: str, table: str) -> dict[str, Any]:
    """The word map `table` of `file` ({"about": ..., "map": {...}}), as a fresh dict in file order."""
    return dict(load_table(file)[table]["map"])


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, which keeps long vocabularies compact in code."""
    return frozenset(text.split())
