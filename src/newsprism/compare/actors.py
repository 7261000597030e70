"""Fold the entities of a story's articles into story-level actors.

Each article's analysis already has one Entity per actor it names; across articles the same
actor arrives under different spellings ("Erdogan", "Recep Tayyip Erdoğan", "Kiev"/"Kyiv") or
by surname alone. Folding them lets a reader see every role each outlet gives one actor, and lets
the quote and discrepancy stages speak of actors rather than strings. The rules are the ones the
article-level extraction uses (lang/names.py), applied to the union of a story's names.

A speaker is often described rather than named ("the Ukrainian leader", "the senator"); which
actor that is only the story's roles together can say, so that resolution is here too, and the
story's quotes are attributed to actors with it (`story_quotes`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from newsprism.compare.offices import parse_role
from newsprism.lang.fold import fold
from newsprism.lang.languages import base_language, language_words, light_language
from newsprism.lang.name_cases import nominatives
from newsprism.lang.names import (
    canonical_name,
    known_type,
    name_key,
    shortening_roots,
    slugify,
    sound_skeleton,
)
from newsprism.lang.offices import LEADER_TITLES
from newsprism.lang.translit import has_cyrillic
from newsprism.model import Analysis, Entity, Role, StoryEntity, StoryQuote

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
    cased = _case_forms(analyses, {key for _, _, key in entries})
    entries = [(article, entity, cased.get(key, key)) for article, entity, key in entries]
    spelled = _spellings_across_languages(analyses, entries)
    entries = [(article, entity, spelled.get(key, key)) for article, entity, key in entries]
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


def _case_forms(analyses: Sequence[Analysis], keys: set[str]) -> dict[str, str]:
    """Russian and Ukrainian one-word names that one article read in another case than the
    nominative ("Томска", of Tomsk), mapped to the story's name they are a case of, where the
    story names exactly one: the article alone had no evidence to undo the ending, the story has.
    """
    out: dict[str, str] = {}
    for analysis in analyses:
        if not light_language(analysis.language):
            continue
        cases = language_words(analysis.language).name_cases
        for entity in analysis.entities:
            key = _key(entity)
            if not cases or " " in key or not has_cyrillic(entity.name):
                continue
            found = {name_key(form) for form, _ in nominatives(entity.name, cases)} & keys
            if len(found - {key}) == 1 and key not in found:
                out[key] = found.pop()
    return out


def _spellings_across_languages(
    analyses: Sequence[Analysis], entries: Sequence[tuple[str, Entity, str]]
) -> dict[str, str]:
    """Spellings of one name that each language writes its own way ("Zelenski" in Spanish,
    "Selenskyj" in German, "Трамп" read as "tramp"), mapped to the most mentioned of them.

    Keys meet when they share a sound skeleton (lang/names.sound_skeleton) and no language writes
    two of them: within one language two spellings are two names, so a story in one language is
    never touched, and the English path keeps its keys.
    """
    language_of = {a.id: base_language(a.language) or "en" for a in analyses}
    if len(set(language_of.values())) < 2:
        return {}
    languages: dict[str, set[str]] = {}
    weights: Counter[str] = Counter()
    for article, entity, key in entries:
        languages.setdefault(key, set()).add(language_of.get(article, "en"))
        weights[key] += _weight(entity)
    groups: dict[str, list[str]] = {}
    for key in languages:
        skeleton = sound_skeleton(key)
        if skeleton is not None:
            groups.setdefault(skeleton, []).append(key)
    out: dict[str, str] = {}
    for keys in groups.values():
        written = [language for key in keys for language in languages[key]]
        if len(keys) < 2 or len(written) != len(set(written)):
            continue
        main = max(keys, key=lambda k: (weights[k], "en" in languages[k], k))
        out.update({key: main for key in keys if key != main})
    return out


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


# Speakers described, not named --------------------------------------------------------------------


_LEADERS = "|".join(LEADER_TITLES)
_TITLE = re.compile(rf"^the (?:([a-z]+) )?({_LEADERS})$")
# "Vice President X" is not "the president"; nor is a former one.
_HEAD_OF_STATE = re.compile(rf"(?<!vice )(?<!deputy )(?<!former )\b({_LEADERS})\b")


def _plain(text: str) -> str:
    """Folded and without dots, so "U.S. President" and "the US president" compare."""
    return fold(text).replace(".", "")


def described_actor(speaker: str, actors: Sequence[StoryEntity]) -> StoryEntity | None:
    """The actor a descriptive speaker stands for: "the Ukrainian leader" is the one person some
    outlet of the story calls "Ukrainian President ...", "the president" the one person any
    outlet calls a president; None unless exactly one fits.

    Reporters name a leader once and then describe them; the article alone cannot say which
    leader is Ukrainian, but the roles the outlets give together often can.
    """
    match = _TITLE.match(_plain(speaker))
    if match is None:
        return _titled_actor(speaker, actors)
    country, title = match.groups()

    def fits(role: str) -> bool:
        # "leader" is any head of government; "president" must be called a president.
        said = [m.group(1) for m in _HEAD_OF_STATE.finditer(role)]
        if not (said if title == "leader" else title in said):
            return False
        return country is None or country in role.split()

    return _the_one(actors, lambda role: fits(_plain(role)))


_DESCRIBED = re.compile(r"^the (?:([a-z]+) )?([a-z]+)$")


def _titled_actor(speaker: str, actors: Sequence[StoryEntity]) -> StoryEntity | None:
    """ "the congressman", "the Democratic senator", "the spokesman": the one person whose role,
    in some outlet, is that office (abbreviations and synonyms folded: "Rep." is a congressman),
    with the qualifier among its words; None unless exactly one fits."""
    match = _DESCRIBED.match(_plain(speaker))
    if match is None:
        return None
    qualifier, title = match.groups()
    wanted = parse_role(title)
    if wanted is None:
        return None

    def fits(role: str) -> bool:
        parts = parse_role(role)
        words = _plain(role).split()
        if parts is None or parts.head != wanted.head or parts.former or parts.ranks or "prime" in words:
            return False  # a former or deputy one is not "the senator", a prime minister not "the minister"
        return qualifier is None or qualifier in words

    return _the_one(actors, fits)


def _the_one(actors: Sequence[StoryEntity], fits: Callable[[str], bool]) -> StoryEntity | None:
    """The only person with a role that fits; None for nobody, and for two or more."""
    found = [a for a in actors if a.type == "PERSON" and any(fits(r.role) for r in a.roles)]
    return found[0] if len(found) == 1 else None


def story_quotes(
    analyses: Sequence[Analysis], actors: Sequence[StoryEntity], actor_index: ActorIndex
) -> list[StoryQuote]:
    """Quotes of all articles, each speaker mapped to the story-level actor where one is known."""
    names = {a.id: a.name for a in actors}
    out = []
    for analysis in analyses:
        for q in analysis.quotes:
            entity = actor_index.get((analysis.id, q.speaker_entity)) if q.speaker_entity else None
            if entity is None and q.speaker:
                described = described_actor(q.speaker, actors)
                entity = described.id if described else None
            out.append(
                StoryQuote(
                    speaker=names.get(entity, q.speaker) if entity else q.speaker,
                    speaker_entity=entity,
                    text=q.text,
                    direct=q.direct,
                    article=analysis.id,
                    sentence=q.sentence,
                    start=q.start,
                    end=q.end,
                    cue=q.cue,
                )
            )
    return out
