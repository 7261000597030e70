"""Differences of wording between outlets that report the same thing: how they spell an actor,
which loaded words they add to a shared fact, and which labels they give an actor.

None of these is a disagreement about what happened ("Kiev" and "Kyiv" are one city), so they are
kept apart from the discrepancies; but each tells a reader something about the outlet, which is
why the comparison shows them with the sentence they come from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from newsprism.analyze.quotemarks import quoted_spans
from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.offices import parse_role, story_name_words
from newsprism.compare.spelling import is_spelling_variant
from newsprism.lang.loaded_words import loaded_words
from newsprism.lang.names import strip_possessive
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


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

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


# Loaded words -------------------------------------------------------------------------------


def loaded_words_in(text: str) -> list[tuple[str, str, int]]:
    """(word as written, family, character offset) of each loaded word of a text, leaving out
    neutral uses ("the claims", "supposed to") and whatever stands between quotation marks."""
    lexicon = loaded_words()
    quoted = quoted_spans(text)
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
