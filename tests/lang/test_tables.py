"""The vocabulary files: every table says what it is for, and look-alike tables stay apart."""

from __future__ import annotations

import pytest

from newsprism.lang.data import load_table
from newsprism.lang.offices import NAME_TITLES, POST_WORDS, is_title_word

FILES = ["dates.json", "events.json", "numbers.json", "offices.json", "outlets.json", "stopwords.json"]


@pytest.mark.parametrize("file", FILES)
def test_every_table_has_an_about_and_one_body(file: str) -> None:
    data = load_table(file)
    assert data["about"]
    for name, table in data.items():
        if name == "about":
            continue
        assert table["about"], name
        assert set(table) in ({"about", "words"}, {"about", "map"}), name
        body = table.get("words", table.get("map"))
        assert len(body) == len(set(body)), f"{file}:{name} lists a word twice"


def test_a_post_word_is_not_always_a_title_before_a_name() -> None:
    # "Foreign Ministry" is no outlet, but "Ministry" does not open a person's name.
    assert "ministry" in POST_WORDS and "ministry" not in NAME_TITLES
    assert is_title_word("Sen.") and is_title_word("Mr") and not is_title_word("Ministry")
