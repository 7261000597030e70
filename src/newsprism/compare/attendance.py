"""Who takes part: lists of participants that differ, and outlets that say an actor attends
against outlets that say it does not.

Attendance is read off the words right after an actor's name ("will not travel to Istanbul"),
and a claim counts only when it is plain: a hedge ("could travel"), a condition ("if Putin
shows up") or another verb makes the sentence no claim at all. Unlike other values, attendance
claims may meet across facts, when they use the same verb about the same destination or event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.compare.config import DEFAULT_CONFIG, CompareConfig
from newsprism.compare.story_view import WORDS, StoryView, Where
from newsprism.lang.lexicon import content_stems
from newsprism.model import Discrepancy, DiscrepancyValue, Fact

CLAIM_TYPES = frozenset({"PERSON", "ORG", "GPE"})  # who can be said to attend
APPOSITIVE_TOKENS = 30  # tokens an aside after a name may run before its closing comma
CLAIM_WORDS = 9  # words read after a name to reach its verb: "would not be able to" and the like
# fmt: off
ATTEND_VERBS = {
    **dict.fromkeys(("attend", "attends", "attended", "attending"), "attend"),
    **dict.fromkeys(("participate", "participates", "participated", "participating"), "attend"),
    **dict.fromkeys(("join", "joins", "joined", "joining"), "attend"),
    **dict.fromkeys(("travel", "travels", "traveled", "travelled", "traveling", "travelling"), "travel"),
    **dict.fromkeys(("go", "goes", "went", "going", "gone"), "travel"),
    **dict.fromkeys(("come", "comes", "came", "coming"), "travel"),
    **dict.fromkeys(("visit", "visits", "visited", "visiting"), "travel"),
}
# Verbs that say the actor stays away; they read as a negated "attend".
AVOID_VERBS = {
    w: "attend"
    for w in ("skip", "skips", "skipped", "skipping", "miss", "misses", "missed", "boycott",
              "boycotts", "boycotted", "boycotting", "snub", "snubs", "snubbed", "shun", "shuns", "shunned")
    # "missing" is left out: "three people are missing" is no absence from an event.
}
PARTICLE_VERBS = {"take": "part", "takes": "part", "took": "part", "taking": "part", "taken": "part",
                  "show": "up", "shows": "up", "showed": "up", "shown": "up", "turn": "up", "turned": "up"}
NEGATIONS = frozenset({"not", "never", "no", "cannot", "neither", "nor"})
NEGATING_CONTROLLERS = frozenset({"declined", "declines", "refused", "refuses", "refusing", "declining"})
AUXILIARIES = frozenset(
    {"will", "would", "shall", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
     "do", "does", "did", "also", "still", "now", "then", "himself", "herself", "itself", "themselves",
     "personally", "either", "to", "plans", "planned", "plan", "intends", "intended", "decided", "agreed",
     "set", "due", "scheduled", "expected", "longer", "already", "eventually", "later", "soon", "ultimately",
     "definitely", "certainly", "all", "both"}
)
# Hedges that make the sentence no claim at all: "would consider traveling", "if Putin shows up".
UNCERTAIN = frozenset(
    {"may", "might", "could", "should", "can", "likely", "unlikely", "consider", "considering", "considered",
     "contemplate", "contemplating", "ready", "want", "wants", "wanted", "hope", "hopes", "hoped", "wish",
     "possibly", "perhaps", "maybe", "only", "if", "whether", "probably"}
)
IRREALIS_BEFORE = frozenset(
    {"if", "unless", "whether", "hope", "hopes", "hoped", "hoping", "urged", "urge", "urges", "asked",
     "invited", "invite", "challenged", "pressed", "pressure", "want", "wants", "wanted", "wish", "demanded",
     "should", "once", "until", "would"}
)
_BE = frozenset({"be", "been", "being", "is", "are", "was", "were"})
# Particles that turn go/come into something other than a trip: "go ahead", "came under fire".
_NOT_TRAVEL = frozenset(
    {"ahead", "on", "through", "back", "beyond", "wrong", "missing", "under", "out", "up", "down", "as",
     "from", "after", "about", "off", "against", "along", "over", "forward", "together", "true", "close"}
)
# fmt: on


# Participants -------------------------------------------------------------------------------


def participant_conflicts(
    fact: Fact, pairs: list[tuple[Where, Where]], story: StoryView, config: CompareConfig = DEFAULT_CONFIG
) -> list[Discrepancy]:
    """A sentence listing people ("Fomin, Galuzin and Kostyukov") against a parallel sentence
    listing people too, where one article never names, anywhere, someone the other lists; the
    lists must be long enough to be lists (`min_listed`, `min_listed_other`)."""
    values: dict[Where, DiscrepancyValue] = {}
    for a, b in pairs:
        if not (_about_taking_part(a, story) and _about_taking_part(b, story)):
            continue  # "previous hosts Stewart, DeGeneres, Rock": examples, not who takes part
        gap = config.list_gap_words
        people_a, people_b = _listed_people(a, story, gap), _listed_people(b, story, gap)
        longer, shorter = max(len(people_a), len(people_b)), min(len(people_a), len(people_b))
        if longer < config.min_listed or shorter < config.min_listed_other:
            continue
        names_a = [story.names.get(p, p) for p in people_a]
        names_b = [story.names.get(p, p) for p in people_b]
        # Only full names count as missing: a lone capitalised word tagged as a person is too
        # often a site, a title or a nickname ("Twitter", "Sgt").
        missing = [n for n in names_a if " " in n and not story.names_person(b[0], n)]
        missing += [n for n in names_b if " " in n and not story.names_person(a[0], n)]
        if missing:
            values.setdefault(a, story.value(", ".join(names_a), a))
            values.setdefault(b, story.value(", ".join(names_b), b))
    if not values:
        return []
    return [Discrepancy("attendance", "participants", list(values.values()), fact.id)]


# Words that make a list of people a list of who takes part: a delegation, a meeting, a trip.
_TAKING_PART = re.compile(
    r"\b(?:join|accompan|attend|includ|participa|delegat|member|travel|arriv|going|went|visit|meet"
    r"|met\b|panel|line-?up|squad|team|took part|take part|taking part|led by|along with)",
    re.IGNORECASE,
)


def _about_taking_part(where: Where, story: StoryView) -> bool:
    sentence = story.sentences.get(where)
    return sentence is not None and _TAKING_PART.search(sentence.text) is not None


def _names_someone_else(text: str, start: int, end: int) -> bool:
    """A name used to describe another person, not listed itself: the owner in "Ruiz's
    deputy chief of staff" or the modifier in "a Ruiz ally"."""
    after = text[end:]
    if after.startswith(("'s", "’s", "'", "’")):
        return True
    before = text[:start].rstrip().rsplit(" ", 1)[-1].lower()
    following = after.lstrip().split(" ", 1)[0]
    return before in ("a", "an", "the") and following[:1].islower()


def _listed_people(where: Where, story: StoryView, gap_words: int) -> list[str]:
    """The longest run of people a sentence lists: person names joined by commas or "and", with
    at most `gap_words` words between them, a title or an aside ("Fomin, Deputy Foreign Minister
    Galuzin and")."""
    sentence = story.sentences.get(where)
    if sentence is None:
        return []
    best: dict[str, None] = {}
    run: dict[str, None] = {}
    last_end = None
    for actor, kind, start, end in story.mentions.get(where, []):
        if kind != "PERSON" or (last_end is not None and start < last_end):
            continue
        if _names_someone_else(sentence.text, start - sentence.start, end - sentence.start):
            continue
        gap = "" if last_end is None else sentence.text[last_end - sentence.start : start - sentence.start]
        joined = len(gap.split()) <= gap_words and ("," in gap or " and " in f" {gap} ")
        if last_end is not None and not joined:
            run = {}
        run[actor] = None
        last_end = end
        if len(run) > len(best):
            best = dict(run)
    return list(best)


# Attendance claims --------------------------------------------------------------------------


@dataclass(slots=True)
class _Claim:
    actor: str
    where: Where
    lemma: str
    positive: bool
    phrase: str
    target: frozenset[str]


def read_claim(tail: str) -> tuple[str, bool, str, str] | None:
    """Read "will not travel to Istanbul" off the text that follows an actor's name.

    Returns (lemma, positive, the verb phrase as written, the words after the verb), or None when
    the words after the name are no plain claim of taking part (a hedge, another verb, a clause).
    """
    tokens = [(m.group(), m.start(), m.end()) for m in WORDS.finditer(tail)]
    i = 0
    if tokens and tokens[0][0] == ",":  # skip an appositive: "Trump, currently on a trip, would ..."
        close = next((k for k in range(1, min(len(tokens), APPOSITIVE_TOKENS)) if tokens[k][0] == ","), None)
        if close is None:
            return None
        i = close + 1
    negations, start = 0, None
    for _ in range(CLAIM_WORDS):
        if i >= len(tokens):
            return None
        word = tokens[i][0].lower().replace("’", "'")
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        start = tokens[i][1] if start is None else start
        if word in UNCERTAIN:
            return None
        end, lemma = i, ATTEND_VERBS.get(word) or AVOID_VERBS.get(word)
        if word in PARTICLE_VERBS and nxt == PARTICLE_VERBS[word]:
            end, lemma = i + 1, "attend"
        if word == "going" and nxt == "to":
            lemma = None  # "is going to attend": read on
        if lemma is not None:
            if word == "joined" and i > 0 and tokens[i - 1][0].lower() in _BE:
                return None  # "will be joined by": the actor is joined, not joining
            if lemma == "travel" and nxt in _NOT_TRAVEL:
                return None
            positive = (negations % 2 == 0) != (word in AVOID_VERBS)
            rest = " ".join(t for t, _, _ in tokens[end + 1 : end + 7] if t.isalpha())
            return lemma, positive, tail[start : tokens[end][2]], rest
        if word in NEGATIONS or word in NEGATING_CONTROLLERS or word.endswith("n't"):
            negations += 1
        elif word not in AUXILIARIES and word != "going":
            return None
        i += 1
    return None


def _claims(story: StoryView) -> list[_Claim]:
    out = []
    for where, found in story.mentions.items():
        sentence = story.sentences.get(where)
        if sentence is None:
            continue
        for actor, kind, m_start, m_end in found:
            if kind not in CLAIM_TYPES:
                continue
            rel_start, rel_end = m_start - sentence.start, m_end - sentence.start
            before = {w.lower() for w in WORDS.findall(sentence.text[: max(0, rel_start)])[-5:]}
            if before & IRREALIS_BEFORE:
                continue
            read = read_claim(sentence.text[max(0, rel_end) :])
            if read is not None:
                lemma, positive, phrase, rest = read
                out.append(_Claim(actor, where, lemma, positive, phrase, content_stems(rest)))
    return out


def attendance_conflicts(story: StoryView) -> list[Discrepancy]:
    """One article says an actor takes part, another that it does not: in one fact, or with the
    same verb and the same destination or event anywhere in the story."""
    by_actor: dict[str, list[_Claim]] = {}
    for claim in _claims(story):
        by_actor.setdefault(claim.actor, []).append(claim)
    out = []
    for actor, claims in by_actor.items():
        values: dict[Where, DiscrepancyValue] = {}
        facts: set[str | None] = set()
        for n, a in enumerate(claims):
            for b in claims[n + 1 :]:
                if a.where[0] == b.where[0] or a.positive == b.positive:
                    continue
                shared = set(story.facts_of.get(a.where, [])) & set(story.facts_of.get(b.where, []))
                same_event = a.lemma == b.lemma and (bool(a.target & b.target) or not (a.target or b.target))
                if not shared and not same_event:
                    continue
                facts.add(min(shared) if shared else None)
                for c in (a, b):
                    values.setdefault(c.where, story.value(c.phrase, c.where))
        if values:
            fact = next(iter(facts)) if len(facts) == 1 else None
            subject = f"{story.names.get(actor, actor)} attending"
            out.append(Discrepancy("attendance", subject, list(values.values()), fact))
    return out
