"""Names in a language without a parser: capitalised words, read back to the nominative and keyed.

Without a named-entity model a name is what the spelling marks as one. In the Romance languages,
Dutch, Russian and Ukrainian only names (and a sentence's first word) are capitalised, so a run
of capitalised words not first in its sentence is taken for a name ("Vladímir Putin", "Lula da
Silva" with its lower-case connector). A sentence's first word is taken only when the text or the
gazetteer shows it is a name: it is written capitalised elsewhere, not first; it is known; or it
stands next to a reporting verb as the speaker of a quotation. Function words (spaCy's stop words
of the language), calendar words and reporting verbs are never names.

German capitalises every noun, so a capitalised word there says nothing: German names are only
those the text marks as names without a lexicon: the speaker beside a reporting verb ("sagte
Peskow", "so Scholz"), names the gazetteer knows, and every other mention of those. The rest of a
German text's names are not read, rather than read wrongly.

Russian and Ukrainian runs are split where they join a title's genitive to a name ("МИД России
Сергей Лавров": the name is the last two words, three with a patronymic), and each name is read
back to the nominative (lang/name_cases.py) before it is keyed, so "Путина" is "Путин" is "Putin".

Types are claimed only on evidence: the gazetteer's type; PERSON for a quotation's speaker, for a
Cyrillic name with a surname's ending ("-ов", "-ский", "-енко"...) unless a preposition of place
stands before it ("в Пекине"), and for a full name one of whose words the text also writes alone
(news names a person in full once, then by surname, "Lula" of "Luiz Inácio Lula da Silva"; an
institution is not named by one of its words). Anything else is MISC: a name whose kind the light
reading cannot tell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsprism.analyze.light_words import Word, joined
from newsprism.lang.languages import LanguageWords
from newsprism.lang.name_cases import NominativeReader
from newsprism.lang.names import canonical_name, known_type, name_key, shortening_roots
from newsprism.lang.translit import has_cyrillic, transliterate
from newsprism.model import Entity, Mention

MAX_NAME_WORDS = 5
"""A longer run of capitalised words is a title-case line, not a name."""
MAX_CONNECTORS = 2
MAX_FOLDED_KEYS = 2000
"""Keys compared for surname folding (the most mentioned first): a news article names far fewer,
and the bound keeps a hostile text of distinct capitalised words linear."""
_PATRONYMIC = ("вич", "вна", "вича", "вичу", "вичем", "виче", "вны", "вне", "вной", "вну", "ьич", "ьича")
_OBLIQUE_GIVEN = ("ии", "ого", "его", "ому", "ему", "ской", "ы")


@dataclass(slots=True)
class Slot:
    """Words a quotation's reporting verb points at as its speaker: word indices [start, end) of
    the article's words, and the case the words before them ask for ("по словам" + genitive)."""

    start: int
    end: int
    case_hint: str | None = None


@dataclass(slots=True)
class _Candidate:
    words: list[Word]
    nominative: str = ""
    key: str = ""
    latin: str | None = None
    initial: bool = False
    slot: bool = False
    locative: bool = False

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


@dataclass(slots=True)
class LightEntities:
    """The entities of an article and, for each mention's span, its entity's id."""

    entities: list[Entity] = field(default_factory=list)
    by_span: dict[tuple[int, int], str] = field(default_factory=dict)


class NameWords:
    """Which words of a language can be part of a name."""

    def __init__(self, words: LanguageWords, stop_words: frozenset[str]) -> None:
        self.words = words
        cue_words = {w for cue in words.cues for w in cue}
        self.never = stop_words | cue_words | words.connectors | words.locatives

    def is_name(self, word: Word) -> bool:
        if not word.capital or word.digits or len(word.text) < 2 or not word.text[-1].isalpha():
            return False
        return word.norm not in self.never and not self.words.calendar_word(word.norm)

    def run_end(self, text: str, words: Sequence[Word], i: int, limit: int | None = None) -> int:
        """The end (exclusive) of the run of name words that starts at word i (a name word), read
        up to `limit` words when given."""
        j = i + 1
        while j < len(words) and joined(text, words, j - 1, j) and (limit is None or j - i < limit):
            if self.is_name(words[j]):
                j += 1
                continue
            k = j
            while k < len(words) and k - j < MAX_CONNECTORS and words[k].text in self.words.connectors:
                if not joined(text, words, k - 1, k):
                    break
                k += 1
            if k == j or k >= len(words) or not joined(text, words, k - 1, k) or not self.is_name(words[k]):
                break
            j = k + 1
        return j


def extract_light_entities(
    text: str, words: Sequence[Word], lang: LanguageWords, names: NameWords, slots: Sequence[Slot]
) -> LightEntities:
    """Every name of an article's `words`, folded into one Entity per actor."""
    seen = [w.text for w in words if w.capital and not w.digits]
    reader = NominativeReader(lang, seen)
    # Words written capitalised where the position does not ask for it: evidence of a name.
    placed = {w.norm for w in words if w.capital and not w.first}
    slot_at = {s.start: s for s in slots}
    for s in slots:  # a speaker's case is known from its cue: evidence for the text's other forms
        reader.confirm(reader.read([w.text for w in words[s.start : s.end]], s.case_hint))
    candidates: list[_Candidate] = []
    i = 0
    while i < len(words):
        if not names.is_name(words[i]):
            i += 1
            continue
        end = names.run_end(text, words, i)
        slot = slot_at.get(i)
        if slot is not None and slot.end != end:
            slot = None  # the quotation pointed into a longer run
        run = list(words[i:end])
        if len(run) > 1 and run[0].first and not _named_elsewhere(run, reader, placed):
            run = run[1:]  # "Встреча Путина", "Hoy Sánchez": capitalised for standing first
            while run and run[0].text in lang.connectors:
                run = run[1:]
        locative = i > 0 and words[i - 1].norm in lang.locatives and joined(text, words, i - 1, i)
        if run and sum(1 for w in run if w.text not in lang.connectors) <= MAX_NAME_WORDS:
            parts = _split(run, lang, names)
            for part in parts:
                c = _Candidate(part, initial=part[0].first and len(part) == 1 and part[0].norm not in placed)
                c.slot = slot is not None and part is parts[-1]  # the name ends the speaker's run
                c.locative = locative and part[0] is run[0]
                _read(c, reader, lang, slot.case_hint if slot else None)
                candidates.append(c)
        i = end
    if lang.names == "marked":
        candidates = _marked_only(candidates, words, names, reader, lang)
    evidence = {c.key for c in candidates if not c.initial or c.slot}
    kept = [c for c in candidates if c.key and (c.key in evidence or known_type(c.key) is not None)]
    return _fold(text, kept, lang)


def _named_elsewhere(run: list[Word], reader: NominativeReader, placed: set[str]) -> bool:
    """Whether the first word of a run that opens a sentence is a name: written capitalised
    elsewhere where the position does not ask for it (in its nominative too: "Владимира Путина"
    beside "президент Владимир Путин"), or a name the gazetteer knows ("Dmitri")."""
    nominative = reader.read([w.text for w in run])[0]
    return run[0].norm in placed or nominative.lower() in placed or reader.known(nominative)


def _split(run: list[Word], lang: LanguageWords, names: NameWords) -> list[list[Word]]:
    """A run as the names it holds: acronyms stand alone ("МИД", "ONU"), and a Cyrillic run ends
    in a name of two words (three with a patronymic) after the words of a title's genitive."""
    parts: list[list[Word]] = []
    current: list[Word] = []
    for w in run:
        acronym = len(w.text) > 1 and w.text.isupper()
        if acronym and len(run) > 1:
            if current:
                parts.append(current)
            parts.append([w])
            current = []
        else:
            current.append(w)
    if current:
        parts.append(current)
    if not lang.name_cases:
        return parts
    out: list[list[Word]] = []
    for part in parts:
        size = 3 if len(part) >= 3 and part[-2].norm.endswith(_PATRONYMIC) else 2
        head, name = part[:-size], part[-size:]
        if (
            len(name) == 2
            and name[0].norm.endswith(_OBLIQUE_GIVEN)
            and not name[1].norm.endswith(_OBLIQUE_GIVEN)
        ):
            head, name = [*head, name[0]], name[1:]  # "России Путин": a genitive, then a name
        out += [[w] for w in head] + [name]
    return out


def _read(c: _Candidate, reader: NominativeReader, lang: LanguageWords, case_hint: str | None) -> None:
    """The nominative, its Latin spelling and its key."""
    nominative = reader.read([w.text for w in c.words], case_hint)
    c.nominative = " ".join(nominative)
    c.latin = transliterate(c.nominative, lang.code) if has_cyrillic(c.nominative) else None
    c.key = name_key(c.latin or c.nominative)


def _marked_only(
    candidates: list[_Candidate],
    words: Sequence[Word],
    names: NameWords,
    reader: NominativeReader,
    lang: LanguageWords,
) -> list[_Candidate]:
    """German: the speakers' names (the last word, with a given name the gazetteer knows before
    it), the names the gazetteer knows, and every capitalised mention of those."""
    allowed: set[str] = set()
    out: list[_Candidate] = []
    for c in candidates:
        if known_type(c.key) is not None:
            allowed.add(c.key)
            out.append(c)
        elif c.slot:
            given = (
                c.words[-2]
                if len(c.words) >= 2 and known_type(name_key(c.words[-2].text)) == "PERSON"
                else None
            )
            short = _Candidate([*([given] if given else []), c.words[-1]], slot=True)
            _read(short, reader, lang, None)
            allowed.add(short.key)
            out.append(short)
    covered = {w.start for c in out for w in c.words}
    for w in words:
        if names.is_name(w) and w.start not in covered:
            single = _Candidate([w])
            _read(single, reader, lang, None)
            if single.key in allowed:
                out.append(single)
    return sorted(out, key=lambda c: c.start)


def _types(candidates: Sequence[_Candidate], lang: LanguageWords) -> dict[str, str]:
    singles = {c.key for c in candidates if " " not in c.key}
    speakers = {c.key for c in candidates if c.slot}
    placed = {c.key for c in candidates if c.locative}
    types: dict[str, str] = {}
    for c in candidates:
        if c.key in types:
            continue
        last = c.nominative.split()[-1].lower()
        if (kind := known_type(c.key)) is not None:
            types[c.key] = kind
        else:
            speaks = c.key in speakers
            surname = bool(lang.person_endings) and last.endswith(lang.person_endings) and c.key not in placed
            named_alone = " " in c.key and not singles.isdisjoint(c.key.split())
            types[c.key] = "PERSON" if speaks or surname or named_alone else "MISC"
    person_words = {w for key, kind in types.items() if kind == "PERSON" and " " in key for w in key.split()}
    for key, kind in types.items():
        if kind == "MISC" and key in person_words:
            types[key] = "PERSON"  # "Путин" beside "Владимир Путин"
    return types


def _fold(text: str, candidates: list[_Candidate], lang: LanguageWords) -> LightEntities:
    types = _types(candidates, lang)
    weights = Counter(c.key for c in candidates)
    roots: dict[str, str] = {}
    for kind, suffix_only in (("PERSON", False), ("ORG", True)):
        keys = [k for k, _ in weights.most_common() if types[k] == kind][:MAX_FOLDED_KEYS]
        roots.update(shortening_roots(keys, suffix_only=suffix_only, weights=weights))
    groups: dict[str, list[_Candidate]] = {}
    for c in candidates:
        groups.setdefault(roots.get(c.key, c.key), []).append(c)
    out = LightEntities()
    for i, (key, members) in enumerate(groups.items()):
        forms = Counter(c.nominative for c in members)
        name = canonical_name(dict(forms))
        latin = [c.latin for c in members if c.latin]
        entity = Entity(
            id=f"e{i}",
            name=name,
            type=types[key],
            key=key,
            aliases=list(dict.fromkeys([name, *(f for f, _ in forms.most_common()), *latin])),
            mentions=[Mention(text[c.start : c.end], c.start, c.end, c.words[0].sentence) for c in members],
        )
        out.entities.append(entity)
        for c in members:
            out.by_span[(c.start, c.end)] = entity.id
    return out
