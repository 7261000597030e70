"""Adding articles: duplicates skipped by id and by content, everything read back as written."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from newsprism.model import Article
from newsprism.store import NewArticle, Store, content_hash

NewRow = Callable[..., NewArticle]


def _copy(row: NewArticle, **article_changes: object) -> NewArticle:
    return dataclasses.replace(row, article=dataclasses.replace(row.article, **article_changes))


def test_content_hash_ignores_case_spacing_and_line_breaks() -> None:
    original = Article(
        id="a", title="Bridge Closed", text="The bridge closed at noon.\nTraffic was diverted."
    )
    reformatted = Article(
        id="b", title="bridge  closed ", text="The bridge closed at noon. traffic  was\tdiverted."
    )
    assert content_hash(original) == content_hash(reformatted)
    assert len(content_hash(original)) == 64


def test_content_hash_tells_apart_a_changed_word_and_a_moved_title_boundary() -> None:
    base = Article(id="a", title="Bridge closed", text="Traffic was diverted.")
    assert content_hash(base) != content_hash(
        Article(id="a", title="Bridge closed", text="Traffic was stopped.")
    )
    assert content_hash(Article(id="a", title="Bridge", text="closed Traffic was diverted.")) != content_hash(
        Article(id="a", title="Bridge closed", text="Traffic was diverted.")
    )


def test_add_articles_returns_how_many_were_new(store: Store, new_row: NewRow) -> None:
    assert store.add_articles([new_row(i) for i in range(4)]) == 4
    assert store.add_articles([new_row(i) for i in range(2, 6)]) == 2
    assert store.count_articles() == 6
    assert store.add_articles([]) == 0


def test_an_article_with_a_known_id_is_skipped_even_with_new_text(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(1)])
    assert store.add_articles([_copy(new_row(1), text="A corrected text under the same id.")]) == 0
    assert store.list_articles()[0].text == new_row(1).article.text


def test_a_copy_under_another_id_is_skipped_by_content_hash(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(1)])
    original = new_row(1).article
    copy = _copy(new_row(1), id="wire-copy-1", text=original.text.upper(), title=f"  {original.title}  ")
    assert store.add_articles([copy]) == 0
    assert [a.id for a in store.list_articles()] == ["art-0001"]


def test_repeats_inside_one_batch_are_stored_once(store: Store, new_row: NewRow) -> None:
    same_id = _copy(new_row(2), text="Different words, same id.")
    same_text = _copy(new_row(1), id="another-id")
    assert store.add_articles([new_row(1), new_row(2), same_id, same_text, new_row(1)]) == 2
    assert sorted(a.id for a in store.list_articles()) == ["art-0001", "art-0002"]


def test_known_reports_stored_ids_and_hashes(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(1), new_row(2)])
    stored_hash = content_hash(new_row(2).article)
    ids, hashes = store.known(["art-0001", "art-0009"], iter([stored_hash, "0" * 64]))
    assert ids == {"art-0001"}
    assert hashes == {stored_hash}
    assert store.known([], []) == (set(), set())


def test_known_answers_for_more_ids_than_one_query_holds(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(i) for i in range(0, 1200, 3)])
    ids, _ = store.known((f"art-{i:04d}" for i in range(1200)), [])
    assert len(ids) == 400


def test_article_fields_come_back_as_written(store: Store) -> None:
    article = Article(
        id="kyiv-1",
        title="Київ: нічна тривога",
        text="Sirens sounded over Kyiv for three hours — the longest alert this month.",
        source="Kyiv Independent",
        url="https://news.invalid/kyiv-1",
        published="2025-05-14T06:30:00+03:00",
        language="uk",
        path="/tmp/not-stored.txt",
        author="O. Petrenko",
        credits=["Reuters", "AP"],
        summary_only=True,
    )
    row = NewArticle(article, {"id": "kyiv-1"}, {"k": [1, 2]}, b"\x00\xff\x10", "story-kyiv")
    store.add_articles([row])
    (back,) = store.list_articles()
    assert back == dataclasses.replace(article, path=None)


def test_analyses_come_back_in_the_order_asked(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(i) for i in range(3)])
    ids = ["art-0002", "art-0000", "art-0002"]
    assert store.analyses(ids) == [
        new_row(2).analysis_json,
        new_row(0).analysis_json,
        new_row(2).analysis_json,
    ]
    with pytest.raises(KeyError, match="art-0099"):
        store.analyses(["art-0001", "art-0099"])


def test_replay_rows_follow_insertion_order_with_placements(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(5), new_row(3)])
    store.add_articles([new_row(4)])
    replayed = list(store.replay_rows())
    assert [r.article.id for r in replayed] == ["art-0005", "art-0003", "art-0004"]
    assert [r.seq for r in replayed] == sorted(r.seq for r in replayed)
    first = replayed[0]
    assert (first.features_json, first.vector, first.story_id, first.duplicate_of) == (
        new_row(5).features_json,
        new_row(5).vector,
        "story-000",
        None,
    )
    assert [r.article.id for r in store.replay_rows(since_seq=replayed[1].seq)] == ["art-0004"]


def test_replay_rows_stream_more_rows_than_one_fetch(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(i) for i in range(2500)])
    assert sum(1 for _ in store.replay_rows()) == 2500


def test_duplicate_of_is_kept(store: Store, new_row: NewRow) -> None:
    copy = dataclasses.replace(new_row(2), duplicate_of="art-0001")
    store.add_articles([new_row(1), copy])
    assert [r.duplicate_of for r in store.replay_rows()] == [None, "art-0001"]


def test_list_articles_newest_first_with_paging_and_story_filter(store: Store, new_row: NewRow) -> None:
    store.add_articles([new_row(i) for i in range(12)])
    assert [a.id for a in store.list_articles(limit=3)] == ["art-0011", "art-0010", "art-0009"]
    assert [a.id for a in store.list_articles(limit=2, offset=3)] == ["art-0008", "art-0007"]
    assert {a.id for a in store.list_articles(story="story-001")} == {"art-0010", "art-0011"}
    assert store.count_articles() == 12
