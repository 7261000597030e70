"""Loaded words: evaluative vocabulary, one family per judgement, from loaded_words.txt.

Two readers need it: the framing comparison reports a loaded word one outlet adds to a shared
fact, and the office reading leaves such words out of what defines a post ("embattled minister"
and "minister" are one office). Both read this one table.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def loaded_words() -> dict[str, str]:
    """Loaded word -> its family, from loaded_words.txt (read once)."""
    text = resources.files("newsprism.lang").joinpath("loaded_words.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        family, sep, words = line.partition(":")
        if sep and not line.lstrip().startswith("#"):
            out.update(dict.fromkeys(words.lower().split(), family.strip()))
    return out
