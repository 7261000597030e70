"""Fold the entities of a story's articles into story-level actors.

Each article's analysis already has one Entity per actor it names; across articles the same
actor arrives under different spellings ("Erdogan", "Recep Tayyip Erdoğan", "Kiev"/"Kyiv") or
by surname alone. Folding them lets a reader see every role each outlet gives one actor, and lets
the quote and discrepancy stages speak of actors rather than strings. The rules are the ones the
article-level extraction uses (lang/names.py), applied to the union of a story's names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsprism.lang.names import canonical_name, known_type, name_key, shortening_roots, slugify
from newsprism.model import Analysis, Entity, Role, StoryEntity

ActorIndex = dict[tuple[str, str], str]
"""(article id, article-level entity id) -> story entity id."""

# Nationality adjectives ("Russian") are in nearly every article of a story; listing them after
# the actors keeps them from crowding the people and places a reader is looking for.
_LOW_VALUE_TYPES = frozenset({"NORP"})


@dataclass(slots=True)
class _Actor:
    key: str
    members: list[tuple[str, Entity]] = field(default_factory=list)
    first: int = 0


def fold_actors(analyses: Sequence[Analysis]) -> tuple[list[StoryEntity], ActorIndex]:
    """One StoryEntity per actor of the story, and where each article's entity went.

    Entities fold when their keys match, or when one is a shortened form (a surname) of exactly
    one longer name of the same type elsewhere in the story. A key's type is the majority over
    its mentions. Actors are sorted by the number of articles naming them, then by mentions;
    nationality adjectives (NORP) come after everything else.
    """
    entries = [(analysis.id, entity, _key(entity)) for analysis in analyses for entity in analysis.entities]
    votes: dict[str, Counter[str]] = {}
    for _, entity, key in entries:
        votes.setdefault(key, Counter())[entity.type] += _weight(entity)
    types = _resolve_types(votes)
    weights = {key: counter.total() for key, counter in votes.items()}
    roots: dict[str, str] = {}
    for kind, suffix_only in (("PERSON", False), ("ORG", True)):
        keys = [k for k, t in types.items() if t == kind]
        roots.update(shortening_roots(keys, suffix_only=suffix_only, weights=weights))

    actors: dict[str, _Actor] = {}
    for position, (article, entity, key) in enumerate(entries):
        root = roots.get(key, key)
        actor = actors.setdefault(root, _Actor(key=root, first=position))
        actor.members.append((article, entity))

    built = [(_story_entity(actor, types[actor.key]), actor) for actor in actors.values()]
    built.sort(
        key=lambda pair: (
            pair[0].type in _LOW_VALUE_TYPES,
            -len(pair[0].articles),
            -sum(_weight(entity) for _, entity in pair[1].members),
            pair[1].first,
        )
    )
    index: ActorIndex = {}
    taken: set[str] = set()
    for story_entity, actor in built:
        story_entity.id = _unique_id(slugify(story_entity.name), taken)
        for article, entity in actor.members:
            index[(article, entity.id)] = story_entity.id
    return [story_entity for story_entity, _ in built], index


def _resolve_types(votes: dict[str, Counter[str]]) -> dict[str, str]:
    """Majority type per key, except that a surname of a person named in full anywhere in the
    story is a person: one outlet's model read "Etheridge" as a place, another's did not."""
    types = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    surnames = {key.split()[-1] for key, kind in types.items() if kind == "PERSON" and " " in key}
    for key, kind in types.items():
        if key in surnames and kind in ("ORG", "GPE", "LOC") and known_type(key) is None:
            types[key] = "PERSON"
    return types


def _key(entity: Entity) -> str:
    # Re-keying is idempotent for keys made by analyze/, and gives keys to entities made elsewhere.
    return name_key(entity.key or entity.name)


def _weight(entity: Entity) -> int:
    return max(1, len(entity.mentions))


def _story_entity(actor: _Actor, kind: str) -> StoryEntity:
    forms: Counter[str] = Counter()
    aliases: dict[str, None] = {}
    articles: dict[str, None] = {}
    roles: list[Role] = []
    seen_roles: set[tuple[str, str]] = set()
    for article, entity in actor.members:
        forms.update([m.text for m in entity.mentions] or [entity.name])
        aliases.update(dict.fromkeys([entity.name, *entity.aliases]))
        articles[article] = None
        for role in entity.roles:
            owner = role.article or article
            mark = (owner, " ".join(role.role.replace("’", "'").lower().split()))
            if mark not in seen_roles:
                seen_roles.add(mark)
                roles.append(replace(role, article=owner))
    name = canonical_name(dict(forms))
    ordered_aliases = [name, *(alias for alias in aliases if alias != name)]
    return StoryEntity(
        id="",
        name=name,
        type=kind,
        aliases=ordered_aliases,
        roles=roles,
        articles=list(articles),
    )


def _unique_id(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
