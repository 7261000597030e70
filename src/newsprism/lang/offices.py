"""Titles, offices and forms of address, from offices.json.

Two readers meet the same titles from opposite sides: analyze splits "President" off a name and
records it as a role, and compare decides whether two outlets' roles name the same office. Both
read these tables, so a title spelled one way in one stage is spelled that way in the other.
Each table's `about` in offices.json says what it is for; where two look alike (`NAME_TITLES`
and `POST_WORDS`, `LEADER_ROLE_HEADS` and `LEADER_TITLES`) it says why they differ.
"""

from __future__ import annotations

from newsprism.lang.data import mapping, word_list, words

_FILE = "offices.json"

HONORIFICS = words(_FILE, "honorifics")
NAME_TITLES = words(_FILE, "name_titles")
POST_WORDS = words(_FILE, "post_words")
LEFT_POST = words(_FILE, "left_post")
LEAVING_VERBS = words(_FILE, "leaving_verbs")
FORMER_WORDS = words(_FILE, "former_words") | LEFT_POST
TITLE_SPELLINGS: dict[str, str] = mapping(_FILE, "title_spellings")
PORTFOLIO_WORDS = words(_FILE, "portfolio_words")
HONORIFIC_GENDERS: dict[str, str] = mapping(_FILE, "honorific_genders")
LEADER_ROLE_HEADS = words(_FILE, "leader_role_heads")
LEADER_TITLES = word_list(_FILE, "leader_titles")
SUBORDINATE_RANKS = words(_FILE, "subordinate_ranks")
NOT_OFFICES = words(_FILE, "not_offices")
DESCRIPTORS = words(_FILE, "descriptors")
EXCLUSIVE_HEADS = words(_FILE, "exclusive_heads")
GENERIC_BODIES = words(_FILE, "generic_bodies")


def is_title_word(word: str) -> bool:
    """True for an office or a form of address ("President", "Mr.", "Sen."), in any case."""
    lower = word.lower().rstrip(".")
    return lower in NAME_TITLES or lower in HONORIFICS
