"""People a sentence lists one after another: "Fomin, Deputy Foreign Minister Galuzin and Igor
Kostyukov".

Who takes part is often told as a list (a delegation, a line-up, who travelled), and an outlet
that leaves someone out of it tells a different story. The reader finds runs of person names
joined by commas or "and", counting the words between two names (a title, an age, a home town)
so that the comparison can decide how long a gap may be and still be one list. A name that
describes someone else is not a member: the owner in "Ruiz's deputy chief of staff", the
modifier in "a Ruiz ally". Each list also says whether its sentence is about taking part at
all: "previous hosts Stewart, DeGeneres and Rock" are examples, not participants.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsprism.analyze.lemmas import lemma_set
from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import Entity, ListRef

MIN_MEMBERS = 2  # one name is no list
# Beginnings of words that make a list one of who takes part: "delegation", "members",
# "accompanied", "arrived", "teammates" ...
TAKING_PART_STEMS = (
    "join", "accompan", "attend", "includ", "participa", "delegat", "member", "travel", "arriv",
    "visit", "meet", "panel", "lineup", "line-up", "squad", "team",
)  # fmt: skip
TAKING_PART_WORDS = frozenset({"met"})
# Words that make a list one of who takes part with the word after them: "took part", "led by",
# "along with".
TAKING_PART_PHRASES = {"take": "part", "lead": "by", "along": "with"}
TRAVEL_VERBS = lemma_set(("go",))
TRIP_TAGS = frozenset({"VBD", "VBG"})  # "went", "going": a trip told; "go" alone is a call or an idiom


def extract_lists(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> list[ListRef]:
    """Every run of two or more people a sentence names one after another, in reading order."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            by_sentence.setdefault(mention.sentence, []).append((mention.start, mention.end, entity.id))
    out: list[ListRef] = []
    for index in sorted(by_sentence):
        if index >= len(sentences):
            continue
        sent = sentences.spans[index]
        found = _runs(sent, sorted(by_sentence[index], key=lambda m: m[0]), sentences)
        if found:
            taking_part = about_taking_part(sent)
            for run, gaps, start, end in found:
                out.append(ListRef(run, gaps, taking_part, index, start, end))
    return out


def _runs(
    sent: Span, mentions: list[tuple[int, int, str]], sentences: SentenceIndex
) -> list[tuple[list[str], list[int], int, int]]:
    """(entity ids, gaps in words, start, end) of each run of names joined by "," or "and"."""
    text, base = sent.text, sent.start_char
    runs: list[tuple[list[str], list[int], int, int]] = []
    members: list[str] = []
    gaps: list[int] = []
    run_start = last_end = -1
    for start, end, entity in mentions:
        if last_end >= 0 and start < last_end:
            continue  # a second reading of a name already listed
        if names_someone_else(sent, start, end, sentences):
            continue
        gap = text[last_end - base : start - base] if last_end >= 0 else ""
        if last_end >= 0 and ("," in gap or " and " in f" {gap} "):
            members.append(entity)
            gaps.append(len(gap.split()))
        else:
            if len(members) >= MIN_MEMBERS:
                runs.append((members, gaps, run_start, last_end))
            members, gaps, run_start = [entity], [], start
        last_end = end
    if len(members) >= MIN_MEMBERS:
        runs.append((members, gaps, run_start, last_end))
    return runs


def names_someone_else(sent: Span, start: int, end: int, sentences: SentenceIndex) -> bool:
    """A name used to describe another person, not listed itself: the owner in "Ruiz's deputy
    chief of staff" or the modifier in "a Ruiz ally"."""
    doc = sent.doc
    after = sentences.token_from(end)
    if after < sent.end and doc[after].idx == end and doc[after].text[:1] in ("'", "’"):
        return True
    first = sentences.token_at(start)
    before = next((t for t in reversed(doc[sent.start : first]) if not t.is_space), None)
    following = next((t for t in doc[after : sent.end] if not t.is_space), None)
    return (
        before is not None
        and before.lower_ in ("a", "an", "the")
        and following is not None
        and following.text[:1].islower()
    )


def about_taking_part(sent: Span) -> bool:
    """Whether a sentence tells who takes part: a delegation, members, a line-up, who joined,
    travelled, arrived, met or took part."""
    tokens = [t for t in sent if not t.is_space]
    for i, token in enumerate(tokens):
        word = token.lower_
        trip = token.tag_ in TRIP_TAGS and token in TRAVEL_VERBS
        if word.startswith(TAKING_PART_STEMS) or word in TAKING_PART_WORDS or trip:
            return True
        following = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        if following and following in (
            TAKING_PART_PHRASES.get(token.lemma_.lower()),
            TAKING_PART_PHRASES.get(word),
        ):
            return True
        if word == "line" and following == "-" and i + 2 < len(tokens) and tokens[i + 2].lower_ == "up":
            return True
    return False
