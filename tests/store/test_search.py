"""Full-text search over stored articles: finds words in title or text, never chokes on input."""

from __future__ import annotations

import pytest

from newsprism.model import Article
from newsprism.store import NewArticle, Store
from newsprism.store.search import search_words

ARTICLES = [
    (
        "flood-1",
        "flood",
        "River Ouse bursts its banks",
        "Sandbags were handed out in York after the river rose.",
    ),
    (
        "flood-2",
        "flood",
        "York residents evacuated",
        "Volunteers moved furniture upstairs as water reached the door.",
    ),
    (
        "budget-1",
        "budget",
        "Council approves budget",
        "The vote passed 31 to 12; the library cuts were dropped.",
    ),
    (
        "zoo-1",
        "zoo",
        "Penguin chicks hatch",
        'Keepers at the zoo said the chicks are healthy. "We are thrilled".',
    ),
]

HOSTILE = [
    '"',
    "AND (",
    '"unbalanced quote',
    "NEAR(river",
    "river OR",
    "title:river",
    "*",
    "-river",
    "^river",
    "'; DROP TABLE articles; --",
    "river) OR (1=1",
    "\\",
    "{title text}: river",
    "river & | ! :*",
]


@pytest.fixture
def archive(store: Store) -> Store:
    store.add_articles(
        [
            NewArticle(Article(id=aid, title=title, text=text), {"id": aid}, {}, b"", story)
            for aid, story, title, text in ARTICLES
        ]
    )
    return store


def _found(store: Store, query: str) -> list[str]:
    return sorted(story.id for story in store.list_stories(search=query))


def test_finds_a_word_in_the_text(archive: Store) -> None:
    assert _found(archive, "sandbags") == ["flood"]
    assert _found(archive, "library") == ["budget"]


def test_finds_a_word_in_the_title_whatever_its_case(archive: Store) -> None:
    assert _found(archive, "PENGUIN") == ["zoo"]


def test_every_word_must_occur(archive: Store) -> None:
    assert _found(archive, "york volunteers") == ["flood"]
    assert _found(archive, "york penguin") == []


def test_a_story_is_listed_once_however_many_articles_match(archive: Store) -> None:
    assert [s.id for s in archive.list_stories(search="york")] == ["flood"]


def test_quoted_and_punctuated_words_still_match(archive: Store) -> None:
    assert _found(archive, '"thrilled"') == ["zoo"]
    assert _found(archive, "river,") == ["flood"]


@pytest.mark.parametrize("query", HOSTILE)
def test_user_input_never_raises_a_syntax_error(archive: Store, query: str) -> None:
    found = _found(archive, query)
    assert set(found) <= {"flood"}
    assert archive.count_articles() == len(ARTICLES)


def test_only_punctuation_finds_nothing_and_blank_filters_nothing(archive: Store) -> None:
    assert _found(archive, '" ( ) *') == []
    assert _found(archive, "   ") == ["budget", "flood", "zoo"]


def test_search_combines_with_since_and_paging(archive: Store) -> None:
    assert archive.list_stories(search="york", since="2999-01-01") == []
    assert archive.list_stories(search="the", limit=1, offset=5) == []


def test_search_words_drops_tokens_without_letters_or_digits() -> None:
    assert search_words('  "river" AND ( 1=1 -- ') == ['"river"', "AND", "1=1"]
