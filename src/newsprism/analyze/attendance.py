"""Who is said to take part, or to stay away: "Putin will not travel to Istanbul".

Outlets contradict each other on attendance more plainly than on anything else, and only in a
few words right after the actor's name: an auxiliary or two, perhaps a negation, then a verb of
taking part ("attend", "join", "take part", "travel", "visit") or of staying away ("skip",
"boycott"). So the reader walks the tokens after each name, by lemma, and records what it finds
with its polarity and modality: plain ("will attend"), hedged ("could travel", "would consider
going") or irrealis, when the words before the name make it a wish, a request or a condition
("urged Putin to attend", "if Putin shows up"). Anything else between the name and the verb
("said the talks will go ahead") means the name is not the one said to attend, and nothing is
recorded. Compare only sets plain claims against each other (compare/attendance.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.lemmas import LemmaTable, is_one_of, lemma_set
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.data import word_set
from newsprism.model import AttendanceRef, Entity, Modality

CLAIM_TYPES = frozenset({"PERSON", "ORG", "GPE"})  # who can be said to attend
APPOSITIVE_TOKENS = 30  # tokens an aside after a name may run before its closing comma
CLAIM_WORDS = 9  # words read after a name to reach its verb: "would not be able to" and the like
TARGET_WORDS = 6  # tokens after the verb that say where or what
LOOK_BACK = 5  # tokens before a name that may make its claim irrealis

TAKING_PART = LemmaTable(
    {
        **dict.fromkeys(("attend", "participate", "join"), "attend"),
        **dict.fromkeys(("travel", "go", "come", "visit"), "travel"),
    }
)
STAYING_AWAY = LemmaTable(dict.fromkeys(("skip", "miss", "boycott", "snub", "shun"), "attend"))
"""Verbs that say the actor stays away; they read as a negated "attend"."""
PARTICLES = {"take": "part", "show": "up", "turn": "up"}  # "take part", "show up", "turn up"
NEGATIONS = word_set("not n't never no neither nor")  # "cannot" comes out of the parse as can + not
NEGATING_CONTROLLERS = lemma_set(("decline", "refuse"))  # "declined to attend"
AUXILIARIES = word_set(
    """will would shall be have do also still now then himself herself itself themselves personally
    either to plan intend decide agree set due schedule expect longer already eventually later soon
    ultimately definitely certainly all both"""
)
HEDGES = word_set(
    """may might could should can likely unlikely consider contemplate ready want hope wish possibly
    perhaps maybe only if whether probably"""
)
IRREALIS_WORDS = word_set("if unless whether hope want wish should once until would pressure")
IRREALIS_VERBS = lemma_set(("urge", "ask", "invite", "challenge", "press", "demand"))
_NOT_TRAVEL = word_set(
    """ahead on through back beyond wrong missing under out up down as from after about off against
    along over forward together true close"""
)
"""Words after go/come that make it something other than a trip: "go ahead", "came under fire"."""


def extract_attendance(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> list[AttendanceRef]:
    """Every attendance claim made of a person, an organisation or a country, in the reading
    order of the names they follow."""
    found: list[tuple[int, int, AttendanceRef]] = []
    for entity in entities:
        if entity.type not in CLAIM_TYPES:
            continue
        for mention in entity.mentions:
            if mention.sentence >= len(sentences):
                continue
            sent = sentences.spans[mention.sentence]
            name_start = sentences.token_at(mention.start)
            tail = doc[max(sent.start, sentences.token_from(mention.end)) : sent.end]
            ref = read_claim(tail, entity.id, mention.sentence)
            if ref is None:
                continue
            before = [t for t in doc[sent.start : max(sent.start, name_start)] if not t.is_space]
            if any(_irrealis(t) for t in before[-LOOK_BACK:]):
                ref.modality = "irrealis"
            found.append((mention.sentence, mention.start, ref))
    found.sort(key=lambda item: item[:2])  # stable: one name read twice keeps the entities' order
    return [ref for _, _, ref in found]


def read_claim(tail: Span, entity: str = "", sentence: int = 0) -> AttendanceRef | None:
    """Read "will not travel to Istanbul" off the tokens that follow an actor's name; None when
    they are no claim of taking part (another verb, a clause, the actor being joined)."""
    tokens = [t for t in tail if not t.is_space]
    i = 0
    if tokens and tokens[0].text == ",":  # skip an aside: "Trump, currently on a trip, would ..."
        close = next(
            (k for k in range(1, min(len(tokens), APPOSITIVE_TOKENS)) if tokens[k].text == ","), None
        )
        if close is None:
            return None
        i = close + 1
    if i >= len(tokens):
        return None
    first, negations = tokens[i], 0
    modality: Modality = "asserted"
    for _ in range(CLAIM_WORDS):
        if i >= len(tokens):
            return None
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if is_one_of(token, HEDGES):
            if not _fused_negation(token, following):
                modality = "hedged"  # "could travel": read on, but it is no plain claim
            i += 1
            continue
        end, kind = i, _taking_part(token)
        lemma = token.lemma_.lower()
        if following is not None and PARTICLES.get(lemma) == following.lower_:
            end, kind = i + 1, "attend"
        if token.lower_ == "going" and following is not None and following.lower_ == "to":
            kind = None  # "is going to attend": read on
        if kind is not None:
            if lemma == "join" and token.tag_ in ("VBN", "VBD") and i > 0 and tokens[i - 1].lemma_ == "be":
                return None  # "will be joined by": the actor is joined, not joining
            if kind == "travel" and following is not None and following.lower_ in _NOT_TRAVEL:
                return None
            staying_away = token in STAYING_AWAY
            target = [t.text for t in tokens[end + 1 : end + 1 + TARGET_WORDS] if t.text.isalpha()]
            phrase = tail.doc[first.i : tokens[end].i + 1]
            return AttendanceRef(
                entity=entity,
                lemma=kind,
                negated=(negations % 2 == 1) != staying_away,
                modality=modality,
                text=phrase.text,
                target=" ".join(target),
                sentence=sentence,
                start=phrase.start_char,
                end=phrase.end_char,
            )
        if is_one_of(token, NEGATIONS) or token in NEGATING_CONTROLLERS:
            negations += 1
        elif not is_one_of(token, AUXILIARIES) and token.lower_ != "going":
            return None
        i += 1
    return None


def _taking_part(token: Token) -> str | None:
    """ "attend" or "travel" for a verb of taking part, "attend" for one of staying away; "missing"
    is left out: "three people are missing" is no absence from an event."""
    kind = TAKING_PART.get(token)
    if kind is None and token.lower_ != "missing":
        kind = STAYING_AWAY.get(token)
    return kind


def _fused_negation(token: Token, following: Token | None) -> bool:
    """A modal written together with its negation ("can't", "cannot", "couldn't") denies; it
    does not hedge."""
    return following is not None and not token.whitespace_ and is_one_of(following, NEGATIONS)


def _irrealis(token: Token) -> bool:
    return is_one_of(token, IRREALIS_WORDS) or (token.pos_ in ("VERB", "AUX") and token in IRREALIS_VERBS)
