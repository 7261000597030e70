"""The vocabulary files and their readers: every table says what it is for, each read once."""

from __future__ import annotations

import pytest

from newsprism.lang.data import load_table, mapping, word_list, word_set, words

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


def test_a_table_reads_as_a_set_a_list_in_file_order_or_a_map() -> None:
    assert "the" in words("stopwords.json", "stopwords")
    titles = word_list("offices.json", "leader_titles")
    assert titles == tuple(load_table("offices.json")["leader_titles"]["words"]) and len(titles) > 1
    spellings = mapping("offices.json", "title_spellings")
    spellings["made-up"] = "x"  # a fresh dict: the shared table stays as it was
    assert "made-up" not in mapping("offices.json", "title_spellings")
    assert load_table("numbers.json") is load_table("numbers.json")


def test_a_word_set_written_as_one_string() -> None:
    assert word_set("""attend join
        travel""") == frozenset({"attend", "join", "travel"})
