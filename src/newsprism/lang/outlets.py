"""The outlet registry: which names are newsrooms, and the one spelling each is cited by.

Citations from different articles must meet ("the Guardian" in one, "The Guardian's" in
another), and a report that leans on a wire service must be told from one that does not, so
every stage that names an outlet normalises it here. The lists are in outlets.json.
"""

from __future__ import annotations

from newsprism.lang.data import load_table, words

_FILE = "outlets.json"

KNOWN_OUTLETS: dict[str, str] = {
    key: name for name, keys in load_table(_FILE)["outlets"]["map"].items() for key in keys
}
"""House spellings, keyed by the lowercase name without a leading "the", dots or possessive."""
MEDIA_WORDS = words(_FILE, "media_words")
GENERIC_MEDIA_WORDS = words(_FILE, "generic_media_words")
WIRE_AGENCIES = frozenset(load_table(_FILE)["wire_agencies"]["words"])
"""Wire agencies as credit lines name them, in the spellings they use ("AP", "Associated Press")."""

_DESCRIPTOR_SUFFIXES = ("", " news agency", " agency", " newspaper", " news", " tv", " television")


def outlet_key(name: str) -> str:
    """The key KNOWN_OUTLETS is read by: lower case, no dots, possessive or leading "the"."""
    low = " ".join(name.lower().replace("’", "'").replace(".", "").split())
    for suffix in ("'s", "'"):
        low = low.removesuffix(suffix)
    return low.removeprefix("the ").strip()


def outlet_name(name: str) -> str:
    """The normalised name of an outlet: its house spelling if known, else the words without "the"."""
    key = outlet_key(name)
    for suffix in _DESCRIPTOR_SUFFIXES:
        if key.removesuffix(suffix) in KNOWN_OUTLETS:  # "Associated Press news agency", "CNN News"
            return KNOWN_OUTLETS[key.removesuffix(suffix)]
    parts = name.replace("’", "'").split()
    if parts and parts[0].lower() == "the":
        parts = parts[1:]
    if parts and parts[-1].endswith(("'s", "'")):
        parts[-1] = parts[-1].removesuffix("'s").removesuffix("'")
    return " ".join(parts)
