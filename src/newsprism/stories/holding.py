"""The details that hold a story together: the day, places, people and ages its reports share.

Details decide whether two reports of one kind of event are one story (stories/evidence.py);
this module says which details did, so a reader sees why the articles were grouped ("Halsted
Street, 2024-03-04, Roe") and can spot a story that swallowed two events when nothing is shared.

A detail holds the story together when at least half of the articles that give that kind of
detail give it, and, when two or more give one, at least two of them agree on it: a street that
one report of three names is what that report adds, not what ties the three. The result is an
`EventDetails`, so the archive, the API and the page show it in the form analysis reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from newsprism.model import EventDetails

# At most this many of each kind are shown: a summary, not an index of the story.
MAX_PLACES = 5
MAX_PEOPLE = 8
MAX_AGES = 5

T = TypeVar("T")


def _shared(per_article: Sequence[Sequence[T]], limit: int) -> list[T]:
    # Values the articles that give any share, most reported first, then in first-seen order
    # (Counter keeps insertion order among equal counts, so the result is the same every run).
    giving = [values for values in per_article if values]
    if not giving:
        return []
    counts = Counter(value for values in giving for value in dict.fromkeys(values))
    need = max(2 if len(giving) > 1 else 1, (len(giving) + 1) // 2)
    return [value for value, n in counts.most_common() if n >= need][:limit]


def story_details(members: Iterable[EventDetails]) -> EventDetails:
    """What the members' details have in common: the day most of those giving one agree on
    (the earliest on a tie), and the places, people and ages at least half of them share."""
    details = list(members)
    days = _shared([[d.day] if d.day else [] for d in details], limit=len(details))
    return EventDetails(
        day=min(days, key=lambda day: (-sum(d.day == day for d in details), day)) if days else None,
        places=_shared([d.places for d in details], MAX_PLACES),
        people=_shared([d.people for d in details], MAX_PEOPLE),
        ages=_shared([d.ages for d in details], MAX_AGES),
    )
