"""Text and Markdown files: front matter, headline, byline, boilerplate, and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest.errors import IngestFailure
from newsprism.ingest.fields import ArticleDefaults
from newsprism.ingest.text import read_text_file, split_headline

SEEDS = Path(__file__).resolve().parents[2] / "examples"
BODY = (
    "The city council approved the new budget late on Monday after a long debate.\n\n"
    "The mayor said the vote was a relief for the schools that had waited for months."
)


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def test_seed_with_headline_gets_title_and_credit_and_loses_both_lines() -> None:
    path = seed("001")
    article = read_text_file(path)
    title = "Kremlin Appoints Medinsky to Lead Russian Delegation as Putin Skips Istanbul Talks"
    assert article.title == title
    assert not article.text.startswith(title)
    assert "Reporting contributed by Reuters." not in article.text
    assert article.credits == ["Reuters"]
    assert article.id == path.stem
    assert article.path == str(path)


def test_seed_without_headline_keeps_its_first_sentence_and_loses_the_promo() -> None:
    path = seed("000")
    article = read_text_file(path)
    assert article.title is None
    assert article.text.startswith(path.read_text(encoding="utf-8").split("\n")[0])
    assert "Bonus video:" not in article.text
    assert article.id == path.stem


def test_default_published_fills_a_file_without_a_date(tmp_path: Path) -> None:
    article = read_text_file(seed("000"), ArticleDefaults(published="2025-05-14"))
    assert article.published == "2025-05-14"


def test_front_matter_supplies_metadata_and_leaves_the_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "budget.txt",
        "---\nid: council-budget\ntitle: Council Passes Budget\nsource: City Courier\n"
        "url: https://courier.example/budget\npublished: 2025-03-04\nlanguage: en-GB\n"
        "author: Jane Doe\n---\n" + BODY + "\n",
    )
    article = read_text_file(path, ArticleDefaults(published="2020-01-01", source="Other"))
    assert article.id == "council-budget"
    assert article.title == "Council Passes Budget"
    assert (article.source, article.url) == ("City Courier", "https://courier.example/budget")
    assert article.published == "2025-03-04"  # the file's own date wins over the default
    assert (article.language, article.author) == ("en", "Jane Doe")
    assert article.text == BODY


def test_invalid_front_matter_is_a_failure_with_a_reason(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", "---\ntitle: [unclosed\n---\n" + BODY)
    with pytest.raises(IngestFailure, match="invalid YAML front matter"):
        read_text_file(path)


def test_leading_rule_without_keys_is_not_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "rule.txt", "---\n" + BODY + "\n---\nMore text follows here.\n")
    assert read_text_file(path).text.startswith("---\nThe city council")


def test_headline_followed_by_blank_line_becomes_the_title(tmp_path: Path) -> None:
    article = read_text_file(write(tmp_path, "a.txt", "Council Passes Budget\n\n" + BODY))
    assert article.title == "Council Passes Budget"
    assert article.text == BODY


@pytest.mark.parametrize(
    "first",
    [
        "The council approved the budget on Monday.",  # ends like a sentence
        "Council Passes Budget " + "after a very long debate " * 10,  # too long
    ],
)
def test_first_line_that_is_not_a_headline_stays_in_the_text(first: str) -> None:
    text = first + "\n\n" + BODY
    assert split_headline(text) == (None, text)


def test_short_first_line_without_blank_line_is_not_a_title() -> None:
    text = "Council Passes Budget\n" + BODY
    assert split_headline(text) == (None, text)


def test_byline_after_headline_becomes_the_author(tmp_path: Path) -> None:
    article = read_text_file(write(tmp_path, "b.txt", "Council Passes Budget\n\nBy Jane Doe\n\n" + BODY))
    assert (article.title, article.author) == ("Council Passes Budget", "Jane Doe")
    assert article.text == BODY


def test_markdown_heading_is_the_title_and_markup_is_gone(tmp_path: Path) -> None:
    source = (
        "# Council Passes **Budget**\n\nThe [city council](https://example.org) approved the\n"
        "new budget on *Monday*.\n\n![photo](p.jpg)\n\n```\ncode\n```\n\nRead more: Other story\n"
    )
    article = read_text_file(write(tmp_path, "c.md", source))
    assert article.title == "Council Passes Budget"
    assert article.text == "The city council approved the new budget on Monday."


def test_markdown_front_matter_title_is_not_repeated_by_its_heading(tmp_path: Path) -> None:
    source = "---\ntitle: Council Passes Budget\n---\n# Council Passes Budget\n\n" + BODY
    article = read_text_file(write(tmp_path, "d.markdown", source))
    assert article.title == "Council Passes Budget"
    assert article.text == BODY


def test_language_is_guessed_when_nobody_gives_one(tmp_path: Path) -> None:
    german = (
        "Der Stadtrat hat den Haushalt am Montag beschlossen, und die Bürgermeisterin sagte, "
        "dass die Schulen nicht länger auf das Geld warten müssen, das ihnen versprochen wurde."
    )
    assert read_text_file(write(tmp_path, "de.txt", german)).language == "de"
    assert read_text_file(write(tmp_path, "en.txt", BODY), ArticleDefaults(language="fr")).language == "fr"


def test_file_of_only_boilerplate_is_a_failure(tmp_path: Path) -> None:
    with pytest.raises(IngestFailure, match="no article text"):
        read_text_file(write(tmp_path, "promo.txt", "Advertisement\n\nShare this article\n"))


def test_front_matter_with_yaml_aliases_is_refused_before_it_can_expand(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]" for n in range(8)]
    bomb = "---\ntitle: Bomb\n" + "\n".join(levels) + "\nauthor: *i\n---\n" + BODY
    path = write(tmp_path, "bomb.md", bomb)
    with pytest.raises(IngestFailure, match="YAML aliases"):
        read_text_file(path)


def test_front_matter_beyond_its_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.md", "---\ntitle: Big\nnote: " + "y" * 70_000 + "\n---\n" + BODY)
    with pytest.raises(IngestFailure, match="front matter over"):
        read_text_file(path)
