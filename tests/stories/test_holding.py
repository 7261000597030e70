"""The details that hold a story together, as the archive, the API and the story page show them."""

from __future__ import annotations

from newsprism.model import Article, EventDetails
from newsprism.stories.cluster import cluster_assignments
from newsprism.stories.features import placement
from newsprism.stories.holding import story_details


def report(id_: str, day: str, outlet: str, title: str, text: str) -> Article:
    return Article(id=id_, title=title, text=text, published=day, url=f"https://{outlet}/news/{id_}")


ONE_SHOOTING = [
    report(
        "first",
        "2024-03-05",
        "wkrn.example.com",
        "Man shot on Halsted Street in Riverton - WKRN News",
        "A 27-year-old man was shot Monday night in the 4500 block of South Halsted Street in Riverton, "
        "police said. He was taken to a hospital in serious condition. No arrests have been made.",
    ),
    report(
        "second",
        "2024-03-05",
        "gazette.example.com",
        "Riverton police name man shot on Halsted Street",
        "Police identified the man shot on Halsted Street late Monday as Jamal Carter, 27. "
        "Carter was in serious condition at Riverton General, police said.",
    ),
    report(
        "third",
        "2024-03-07",
        "wkrn.example.com",
        "Arrest in Halsted Street shooting - WKRN News",
        "Riverton police on Wednesday arrested a 22-year-old man in Monday's shooting of Jamal Carter, 27, "
        "on South Halsted Street. Carter remains in the hospital.",
    ),
]


def test_three_reports_of_one_shooting_are_held_by_its_street_day_and_victim():
    assert len({a.story for a in cluster_assignments(ONE_SHOOTING)}) == 1
    held = story_details(placement(a).details for a in ONE_SHOOTING)
    # The arrest report's Wednesday and the suspect's age are what one report adds, not what ties.
    assert held == EventDetails(day="2024-03-04", places=["halsted street"], people=["carter"], ages=[27])


def test_a_detail_only_one_of_several_reports_gives_does_not_hold_the_story():
    held = story_details(
        [
            EventDetails(day="2024-03-04", places=["oak avenue"]),
            EventDetails(day="2024-03-05", places=["elm street"], people=["roe"]),
            EventDetails(),
        ]
    )
    # Two days, two streets, one each: nothing is shared; the lone name is the one report's own.
    assert held == EventDetails(people=["roe"])


def test_one_article_is_held_by_all_its_details_and_none_by_nothing():
    alone = EventDetails(day="2024-01-02", places=["main street"], people=["doe"], ages=[19])
    assert story_details([alone]) == alone
    assert story_details([]) == EventDetails()


def test_the_day_most_reports_give_wins_and_a_tie_goes_to_the_earlier():
    days = ["2024-03-04", "2024-03-04", "2024-03-06"]
    assert story_details(EventDetails(day=d) for d in days).day == "2024-03-04"
    assert story_details(EventDetails(day=d) for d in ["2024-03-06", "2024-03-04"] * 2).day == "2024-03-04"
