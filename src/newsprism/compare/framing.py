"""Differences of wording between outlets that report the same thing: how they spell an actor,
which loaded words they add to a shared fact, and which labels they give an actor.

None of these is a disagreement about what happened ("Kiev" and "Kyiv" are one city), so they are
kept apart from the discrepancies; but each tells a reader something about the outlet, which is
why the comparison shows them with the sentence they come from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.lang.fold import fold_diacritics
from newsprism.lang.names import name_key, plain_key, strip_possessive
from newsprism.lang.offices import (
    DESCRIPTORS,
    EXCLUSIVE_HEADS,
    FORMER_WORDS,
    GENERIC_BODIES,
    NOT_OFFICES,
    PORTFOLIO_WORDS,
    SUBORDINATE_RANKS,
    TITLE_SPELLINGS,
)
from newsprism.model import Analysis, Fact, FramingDifference, Role, StoryEntity, WordingVariant

# Uses of a loaded word that carry no judgement, by the word just before or after it:
# "the claims" is a noun, "admitted to the party" a fact, "supposed to be" a modal, "sanctions
# regime" a system of rules, "failed to" a plain outcome.
NEUTRAL_BEFORE: dict[str, frozenset[str]] = {
    "claims": frozenset({"the", "their", "his", "her", "its", "these", "those", "such", "of", "our", "your"}),
    "regime": frozenset(
        {
            "sanctions",
            "tax",
            "visa",
            "trade",
            "tariff",
            "inspection",
            "regulatory",
            "exchange",
            "legal",
            "treatment",
            "training",
            "fitness",
            "diet",
        }
    ),
}
NEUTRAL_AFTER: dict[str, frozenset[str]] = {
    "admitted": frozenset({"into", "hospital"}),
    "supposed": frozenset({"to"}),
    "failed": frozenset({"to"}),
}


@lru_cache(maxsize=1)
def loaded_words() -> dict[str, str]:
    """Loaded word -> its family, from loaded_words.txt (read once)."""
    text = resources.files("newsprism.compare").joinpath("loaded_words.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        family, sep, words = line.partition(":")
        if sep and not line.lstrip().startswith("#"):
            out.update(dict.fromkeys(words.lower().split(), family.strip()))
    return out


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")

# Role parsing -------------------------------------------------------------------------------
_ROLE_STOP = frozenset({"the", "a", "an", "and", "his", "her", "its", "their", "our", "who", "is", "was"})
_ROLE_SPLITS = frozenset({"of", "for", "to", "at", "in", "on", "with"})
_ROLE_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class RoleParts:
    """A role read as an office: its head noun and the words that say which office it is.

    "Russia's former deputy foreign minister" -> head "minister", specifics {"foreign"},
    ranks {"deputy"}, former True.
    """

    head: str
    specifics: frozenset[str]
    ranks: frozenset[str]
    former: bool
    names: frozenset[str] = frozenset()  # the story's names in the role: "Celtics" coach


def parse_role(text: str, ignore: frozenset[str] = frozenset()) -> RoleParts | None:
    """Read a role's head and specifics; `ignore` holds words that never count as specifics
    (the story's place and organisation names: "Kremlin aide" and "presidential aide" agree).

    Spelling variants (Defence/Defense), dots (U.S.), possessors ("Russia's") and descriptive
    words ("longtime", "ultra-conservative") are normalised away so that only what defines the
    office remains.
    """
    # An appositive after a comma is another label ("chairman of X, the team's owner").
    clean = _PARENS.sub(" ", fold_diacritics(text).translate({0x2019: "'", 0x2018: "'"}).lower())
    clean = clean.split(",")[0]
    words = [TITLE_SPELLINGS.get(w, w) for w in _ROLE_TOKEN.findall(clean.replace(".", ""))]
    split: list[str] = []
    for word in words:
        prefix, _, rest = word.partition("-")
        if rest and prefix in SUBORDINATE_RANKS | FORMER_WORDS:
            split.extend([prefix, TITLE_SPELLINGS.get(rest, rest)])  # "vice-president", "ex-minister"
        else:
            split.append(word)
    cut = next((i for i, w in enumerate(split) if w in _ROLE_SPLITS and i > 0), len(split))
    before, after = [w for w in split[:cut] if w not in _ROLE_STOP], split[cut + 1 :]
    if not before:
        return None
    head, modifiers = before[-1], before[:-1]
    if head == "old" or any(ch.isdigit() for ch in head):
        return None  # "36-year-old", "59 - year - old": an age, not a role
    if head in NOT_OFFICES:
        return None  # "a 54-year-old Ottawa man": who someone is, not a post they hold
    bare = [w.removesuffix("'s").rstrip("'") for w in split]
    specifics = {
        w
        for w in (*modifiers, *after)
        if w not in _ROLE_STOP
        and w not in _ROLE_SPLITS
        and not w.endswith("'s")
        and not w.endswith("'")
        and w not in DESCRIPTORS
        and w not in loaded_words()
        and w not in SUBORDINATE_RANKS
        and w not in FORMER_WORDS
        and w not in GENERIC_BODIES
        and ("-" not in w)
        and (w not in ignore or w in PORTFOLIO_WORDS)
        and not w.isdigit()
    }
    return RoleParts(
        head=head,
        specifics=frozenset(specifics),
        ranks=frozenset(w for w in modifiers if w in SUBORDINATE_RANKS),
        former=any(w in FORMER_WORDS for w in modifiers),
        names=frozenset(w for w in bare if w in ignore and w not in PORTFOLIO_WORDS),
    )


def roles_conflict(a: RoleParts, b: RoleParts) -> bool:
    """Whether one person cannot hold both roles at once: same head and a different office
    ("deputy foreign minister" / "deputy defense minister"), a different rank ("deputy
    minister" / "minister") or one of them former. Different heads are complementary labels."""
    if a.head != b.head:
        return False
    if a.names and b.names and not a.names & b.names:
        return False  # "former Celtics coach" and "Sixers coach": two posts, both true
    if a.former != b.former:
        return True
    if a.head not in EXCLUSIVE_HEADS:
        return False
    if a.ranks != b.ranks:
        return True
    return bool(a.specifics and b.specifics and not a.specifics & b.specifics)


def story_name_words(analyses: Iterable[Analysis]) -> frozenset[str]:
    """Lower-cased words of every place, group and organisation name in the story."""
    forms = {
        form
        for analysis in analyses
        for entity in analysis.entities
        if entity.type != "PERSON"
        for form in (entity.name, *entity.aliases, *(m.text for m in entity.mentions))
    }
    folded = (fold_diacritics(form).lower().replace(".", "") for form in forms)
    return frozenset(w for form in folded for w in _ROLE_TOKEN.findall(form))


# The public entry point ---------------------------------------------------------------------


def find_framing(
    facts: Sequence[Fact],
    analyses: Mapping[str, Analysis],
    actors: Sequence[StoryEntity],
    actor_index: Mapping[tuple[str, str], str],
    config: CompareConfig = DEFAULT_CONFIG,
) -> list[FramingDifference]:
    """Spelling variants of actors, loaded words one outlet adds to a shared fact, and the
    different labels outlets give one actor, in that order; `config` says what a respelling is."""
    return [
        *find_spellings(analyses, actors, actor_index, config),
        *find_loaded_words(facts, analyses),
        *find_labels(analyses, actors),
    ]


# Spelling -----------------------------------------------------------------------------------


def find_spellings(
    analyses: Mapping[str, Analysis],
    actors: Sequence[StoryEntity],
    actor_index: Mapping[tuple[str, str], str],
    config: CompareConfig = DEFAULT_CONFIG,
) -> list[FramingDifference]:
    """One entry per actor that two outlets write differently ("Kiev" / "Kyiv", "Erdogan" /
    "Erdoğan"), with the form each outlet uses; shortenings ("Putin") and abbreviations ("US")
    are not spellings. An outlet that uses both forms differs from nobody on that name."""
    forms: dict[str, dict[str, dict[str, int]]] = {}  # actor -> article -> form -> first sentence
    for article, analysis in analyses.items():
        for entity in analysis.entities:
            actor_id = actor_index.get((article, entity.id))
            if actor_id is None:
                continue
            seen = forms.setdefault(actor_id, {}).setdefault(article, {})
            for mention in sorted(entity.mentions, key=lambda m: m.start):
                seen.setdefault(" ".join(strip_possessive(mention.text).split()), mention.sentence)
    out = []
    for actor in actors:
        per_article = forms.get(actor.id, {})
        chosen: dict[str, str] = {}
        articles = list(per_article)
        for i, first in enumerate(articles):
            for second in articles[i + 1 :]:
                for a, b in _variant_pairs(per_article[first], per_article[second], config):
                    chosen[first] = max(chosen.get(first, ""), a, key=len)
                    chosen[second] = max(chosen.get(second, ""), b, key=len)
        if len(chosen) >= 2:
            variants = [WordingVariant(art, form, per_article[art][form]) for art, form in chosen.items()]
            out.append(FramingDifference(kind="spelling", subject=actor.name, variants=variants))
    return out


def _variant_pairs(
    first: dict[str, int], second: dict[str, int], config: CompareConfig
) -> Iterable[tuple[str, str]]:
    lowered_first = {f.lower() for f in first}
    lowered_second = {f.lower() for f in second}
    for a in first:
        if a.lower() in lowered_second:
            continue
        for b in second:
            if b.lower() not in lowered_first and is_spelling_variant(a, b, config):
                yield a, b


def is_spelling_variant(a: str, b: str, config: CompareConfig = DEFAULT_CONFIG) -> bool:
    """Two written forms of one name that differ in spelling, not in length or abbreviation.

    Word by word, the shorter form's words must each match a word of the longer one, at least one
    of them only up to diacritics or a close respelling ("Kiev" / "Kyiv", "Zelensky" /
    "Zelenskyy"). Forms of one length the gazetteer lists as variants ("Burma" / "Myanmar")
    count too.
    """
    if plain_key(a) == plain_key(b) and fold_diacritics(a) == a and fold_diacritics(b) == b:
        return False  # case, dots or a possessive only: "US" / "U.S."
    if _is_abbreviation(a) or _is_abbreviation(b):
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    changed = False
    for word in words_a:
        if any(word.lower() == other.lower() for other in words_b):
            continue
        if not any(respelled(word, other, config) for other in words_b):
            break
        changed = True
    else:
        if changed:
            return True
    # One name for another, word for word ("Burma" / "Myanmar"); "America" for "United States"
    # is a shorter name, not another spelling.
    key_a, key_b = plain_key(a).split(), plain_key(b).split()
    return len(key_a) == len(key_b) and name_key(a) == name_key(b) and not set(key_a) & set(key_b)


def respelled(a: str, b: str, config: CompareConfig = DEFAULT_CONFIG) -> bool:
    """One word written two ways: up to diacritics, or a close respelling (`respelling_ratio`) of
    a word of `respelling_min_letters` letters or more with the same first letter ("Kiev" /
    "Kyiv", "Priebus" / "Preibus")."""
    fa, fb = fold_diacritics(a).lower(), fold_diacritics(b).lower()
    if fa == fb:
        return True
    shortest = config.respelling_min_letters
    if len(fa) < shortest or len(fb) < shortest or fa[0] != fb[0]:
        return False
    return SequenceMatcher(None, fa, fb).ratio() >= config.respelling_ratio


def _is_abbreviation(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or "." in form)


# Loaded words -------------------------------------------------------------------------------


def loaded_words_in(text: str) -> list[tuple[str, str, int]]:
    """(word as written, family, character offset) of each loaded word of a text, leaving out
    neutral uses ("the claims", "supposed to") and whatever stands between quotation marks."""
    lexicon = loaded_words()
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    words = list(_WORD.finditer(text))
    out = []
    for i, match in enumerate(words):
        word = match.group().lower().replace("’", "'").removesuffix("'s")
        if word not in lexicon or any(s <= match.start() < e for s, e in quoted):
            continue
        before = words[i - 1].group().lower() if i else ""
        after = words[i + 1].group().lower() if i + 1 < len(words) else ""
        if before in NEUTRAL_BEFORE.get(word, ()) or after in NEUTRAL_AFTER.get(word, ()):
            continue
        if (
            word == "admitted"
            and after == "to"
            and i + 2 < len(words)
            and words[i + 2].group().lower()
            in (
                "the",
                "a",
                "an",
                "hospital",
            )
        ):
            continue  # "admitted to the association": accepted, not confessed
        out.append((match.group(), lexicon[word], match.start()))
    return out


def find_loaded_words(facts: Sequence[Fact], analyses: Mapping[str, Analysis]) -> list[FramingDifference]:
    """Loaded words one outlet uses in a fact that other outlets report without any word of the
    same family. Single-source facts have nothing to compare with and are skipped; words inside
    a direct quote are the speaker's, not the outlet's, and are skipped too.

    Variants: first the sentences that use the word, then one sentence of each outlet that does
    not, so a reader sees the two wordings side by side.
    """
    quoted = {art: [(q.start, q.end) for q in an.quotes if q.direct] for art, an in analyses.items()}
    starts = {
        (article, s.index): s.start for article, analysis in analyses.items() for s in analysis.sentences
    }
    out: list[FramingDifference] = []
    reported: set[tuple[str, tuple[tuple[str, int], ...]]] = set()
    for fact in facts:
        by_article: dict[str, list[tuple[int, str]]] = {}
        for mention in fact.mentions:
            by_article.setdefault(mention.article, []).append((mention.sentence, mention.text))
        if len(by_article) < 2:
            continue
        # family -> article -> [(word, sentence, text)]
        uses: dict[str, dict[str, list[tuple[str, int, str]]]] = {}
        for article, sentences in by_article.items():
            for index, text in sentences:
                base = starts.get((article, index))
                for word, family, offset in loaded_words_in(text):
                    at = None if base is None else base + offset
                    if at is not None and any(s <= at < e for s, e in quoted.get(article, ())):
                        continue
                    uses.setdefault(family, {}).setdefault(article, []).append((word, index, text))
        for family_uses in uses.values():
            if len(family_uses) == len(by_article):
                continue  # every outlet frames it alike
            users = [(art, i, text, word) for art, hits in family_uses.items() for word, i, text in hits]
            mark = (users[0][3].lower(), tuple(sorted({(art, index) for art, index, _, _ in users})))
            if mark in reported:
                continue
            reported.add(mark)
            places = dict.fromkeys((art, index, text) for art, index, text, _ in users)
            variants = [WordingVariant(art, text, index) for art, index, text in places]
            for article, sentences in by_article.items():
                if article not in family_uses:
                    index, text = sentences[0]
                    variants.append(WordingVariant(article, text, index))
            out.append(FramingDifference(kind="loaded_word", subject=users[0][3].lower(), variants=variants))
    return out


# Labels -------------------------------------------------------------------------------------


def find_labels(analyses: Mapping[str, Analysis], actors: Sequence[StoryEntity]) -> list[FramingDifference]:
    """One entry per actor two outlets label with no kind of role in common ("presidential
    aide" in one, "former culture minister" in the other), listing each outlet's labels once.

    Roles with one head ("Deputy Defense Minister" in both, "Sen." and "Senator") are the same
    label however worded. An outlet that adds a label to one the others also use ("Senator"
    in one, "Senator" and "majority leader" in another) says more, not something else, and is
    not reported: the actors table shows every role.
    """
    ignore = story_name_words(analyses.values())
    out = []
    for actor in actors:
        heads: dict[str, dict[str, Role]] = {}
        for role in actor.roles:
            parts = parse_role(role.role, ignore)
            if parts is not None and role.article:
                heads.setdefault(role.article, {}).setdefault(parts.head, role)
        labelled = list(heads.values())
        if not any(not a.keys() & b.keys() for i, a in enumerate(labelled) for b in labelled[i + 1 :]):
            continue
        variants = [
            WordingVariant(article, role.role, role.sentence)
            for article, by_head in heads.items()
            for role in by_head.values()
        ]
        out.append(FramingDifference(kind="label", subject=actor.name, variants=variants))
    return out
