"""Story rows: counted from their articles, marked stale when they change, gone when emptied."""

from __future__ import annotations

import struct

from newsprism.model import Article
from newsprism.store import NewArticle, Store


def _row(
    aid: str,
    story: str,
    source: str | None,
    published: str | None,
    title: str | None = None,
    language: str | None = None,
) -> NewArticle:
    article = Article(
        id=aid,
        title=title if title is not None else f"Report {aid}",
        text=f"Report {aid} from {source} on the water main that burst under Mill Street.",
        source=source,
        published=published,
        language=language,
    )
    return NewArticle(article, {"id": aid}, {"terms": {}}, struct.pack("<f", 1.0), story)


def _water_main(store: Store) -> None:
    store.add_articles(
        [
            _row("wm-2", "water", "City Desk", "2025-06-02", title="Mill Street reopens"),
            _row(
                "wm-1", "water", "Evening Ledger", "2025-06-01", title="Water main bursts under Mill Street"
            ),
            _row("wm-3", "water", "City Desk", "2025-06-03"),
            _row("fire-1", "fire", "Evening Ledger", "2025-05-20", title="Warehouse fire on the quay"),
        ]
    )


def test_adding_articles_counts_their_stories(store: Store) -> None:
    _water_main(store)
    water = store.get_story("water")
    assert water is not None
    assert (water.article_count, water.outlet_count, water.outlets) == (3, 2, ["City Desk", "Evening Ledger"])
    assert (water.first_published, water.last_published) == ("2025-06-01", "2025-06-03")
    assert water.comparison_stale
    assert water.updated_at.endswith("+00:00")


def test_story_title_is_the_earliest_articles_even_when_added_later(store: Store) -> None:
    _water_main(store)
    water = store.get_story("water")
    assert water is not None and water.title == "Water main bursts under Mill Street"


def test_story_articles_by_publication_date_undated_last(store: Store) -> None:
    _water_main(store)
    store.add_articles([_row("wm-0", "water", "Radio North", None)])
    assert [a.id for a in store.story_articles("water")] == ["wm-1", "wm-2", "wm-3", "wm-0"]


def test_assign_stories_moves_articles_and_recounts_both_stories(store: Store) -> None:
    _water_main(store)
    changed = store.assign_stories({"wm-3": "fire", "wm-1": "water"})
    assert changed == {"water", "fire"}
    water, fire = store.get_story("water"), store.get_story("fire")
    assert water is not None and fire is not None
    assert (water.article_count, water.outlet_count, water.last_published) == (2, 2, "2025-06-02")
    assert (fire.article_count, fire.outlets, fire.first_published) == (
        2,
        ["City Desk", "Evening Ledger"],
        "2025-05-20",
    )


def test_a_story_left_empty_is_deleted_with_its_comparison(store: Store) -> None:
    _water_main(store)
    store.save_comparison("fire", {"facts": []})
    changed = store.assign_stories({"fire-1": "water"})
    assert changed == {"fire", "water"}
    assert store.get_story("fire") is None
    assert store.comparison("fire") is None
    assert [s.id for s in store.list_stories()] == ["water"]


def test_assigning_to_a_new_story_id_creates_it(store: Store) -> None:
    _water_main(store)
    assert store.assign_stories({"wm-2": "reopening"}) == {"water", "reopening"}
    reopening = store.get_story("reopening")
    assert reopening is not None and (reopening.title, reopening.article_count) == ("Mill Street reopens", 1)


def test_assignments_that_change_nothing_touch_nothing(store: Store) -> None:
    _water_main(store)
    store.save_comparison("water", {"facts": []})
    before = store.get_story("water")
    assert store.assign_stories({"wm-1": "water", "no-such-article": "fire"}) == set()
    assert store.assign_stories({}) == set()
    assert store.get_story("water") == before
    assert store.stale_stories() == ["fire"]


def test_changed_stories_are_marked_stale_until_compared(store: Store) -> None:
    _water_main(store)
    assert store.stale_stories() == ["water", "fire"]
    store.save_comparison("water", {"brief": [{"text": "A main burst."}]})
    store.save_comparison("fire", {"brief": []})
    assert store.stale_stories() == []
    assert store.comparison("water") == {"brief": [{"text": "A main burst."}]}
    store.assign_stories({"wm-3": "fire"})
    assert sorted(store.stale_stories()) == ["fire", "water"]
    assert store.comparison("water") == {"brief": [{"text": "A main burst."}]}, "kept until replaced"


def test_a_comparison_of_an_outdated_article_set_leaves_the_story_stale(store: Store) -> None:
    _water_main(store)
    store.save_comparison("water", {"brief": []}, based_on=["wm-1", "wm-2"])
    assert "water" in store.stale_stories()
    store.save_comparison("water", {"brief": ["again"]}, based_on=["wm-1", "wm-2", "wm-3"])
    assert "water" not in store.stale_stories()
    assert store.comparison("water") == {"brief": ["again"]}


def test_saving_a_comparison_of_a_vanished_story_does_nothing(store: Store) -> None:
    store.save_comparison("never-existed", {"brief": []})
    assert store.comparison("never-existed") is None


def test_list_stories_newest_first_with_paging(store: Store) -> None:
    _water_main(store)
    store.add_articles([_row("quiet-1", "quiet", None, None)])
    assert [s.id for s in store.list_stories()] == ["water", "fire", "quiet"]
    assert [s.id for s in store.list_stories(limit=1, offset=1)] == ["fire"]
    quiet = store.get_story("quiet")
    # An article with no source is still one outlet's report, shown by its id, never "0 outlets".
    assert quiet is not None and (quiet.outlets, quiet.outlet_count) == (["quiet-1"], 1)


def test_list_stories_since_filters_on_the_last_publication(store: Store) -> None:
    _water_main(store)
    store.add_articles([_row("quiet-1", "quiet", None, None)])
    assert [s.id for s in store.list_stories(since="2025-06-03")] == ["water"]
    assert [s.id for s in store.list_stories(since="2025-05-01")] == ["water", "fire"]
    assert store.list_stories(since="2026-01-01") == []


def _in_three_languages(store: Store) -> None:
    store.add_articles(
        [
            _row("wm-1", "water", "Evening Ledger", "2025-06-01", language="en"),
            _row("wm-2", "water", "Diario del Puerto", "2025-06-02", language="es"),
            _row("wm-3", "water", "City Desk", "2025-06-03", language="en"),
            _row("fire-1", "fire", "Evening Ledger", "2025-05-20", language="en"),
            _row("fire-2", "fire", "Vesti", "2025-05-21", language="ru"),
            _row("quiet-1", "quiet", None, None),
        ]
    )


def test_list_stories_by_language_keeps_those_with_an_article_in_it(store: Store) -> None:
    _in_three_languages(store)
    assert [s.id for s in store.list_stories(language="en")] == ["water", "fire"]
    assert [s.id for s in store.list_stories(language="es")] == ["water"]
    assert [s.id for s in store.list_stories(language="en", limit=1, offset=1)] == ["fire"]
    assert [s.id for s in store.list_stories(language="en", since="2025-06-01")] == ["water"]
    assert [s.id for s in store.list_stories(language="es", search="Puerto")] == ["water"]
    # Each filter keeps stories: an English story found by a Spanish article's words is kept.
    assert [s.id for s in store.list_stories(language="en", search="Puerto")] == ["water"]
    assert store.list_stories(language="es", search="Vesti") == []
    assert store.list_stories(language="fr") == []
    assert len(store.list_stories()) == 3


def test_story_summaries_list_their_articles_languages(store: Store) -> None:
    _in_three_languages(store)
    listed = {s.id: s.languages for s in store.list_stories()}
    # Sorted and distinct; an article of unknown language adds none.
    assert listed == {"water": ["en", "es"], "fire": ["en", "ru"], "quiet": []}
    water = store.get_story("water")
    assert water is not None and water.languages == ["en", "es"]


def test_list_and_count_articles_by_language(store: Store) -> None:
    _in_three_languages(store)
    assert [a.id for a in store.list_articles(language="en")] == ["fire-1", "wm-3", "wm-1"]
    assert [a.id for a in store.list_articles(language="en", limit=1, offset=1)] == ["wm-3"]
    assert [a.id for a in store.list_articles(language="en", story="water")] == ["wm-1", "wm-3"]
    assert [a.id for a in store.list_articles(language="ru", story="water")] == []
    assert (store.count_articles(), store.count_articles(language="en")) == (6, 3)
    assert (store.count_articles(language="ru"), store.count_articles(language="fr")) == (1, 0)


def test_get_story_of_an_unknown_id_is_none(store: Store) -> None:
    assert store.get_story("nothing-here") is None
