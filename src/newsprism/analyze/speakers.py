"""Who is speaking: the speaker token of a cue, and the readable name it stands for.

Two steps, because the parse and the article's entities answer different questions: the parse says
which word is the subject of "said" (`cue_speaker`, `nearby_speaker`), and `Resolver` turns that
word into a name - the entity whose mention holds it, the noun phrase itself, or for a pronoun the
nearest earlier actor of the right kind and gender.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.analyze.speech_verbs import PERSON_NOUNS
from newsprism.lang.offices import HONORIFIC_GENDERS, LEADER_ROLE_HEADS, TITLE_SPELLINGS
from newsprism.model import Entity

_PERSONAL = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_GROUP_PRONOUNS = frozenset({"they", "it"})
_RELATIVE = frozenset({"who", "that", "which"})
_SUBJECTS = ("nsubj", "nsubjpass")
_MAIN_DEPS = frozenset({"ROOT", "conj"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_WHEN = frozenset({"DATE", "TIME"})
_GROUP_TYPES = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC"})
_OF_PREPS = frozenset({"of", "for", "at", "from", "by"})
_QUANTIFIERS = frozenset(
    {"one", "some", "many", "several", "most", "few", "none", "each", "all", "both", "two"}
)
# Verb forms that may have lost their subject to a misread subordinator (the tagger often takes
# a past tense for a participle there).
_STRANDABLE = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# Words that open a clause but which the parser may read as a preposition with an object.
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "till", "as", "because"})
# What someone said standing as the subject: "statements from Russian officials indicated ...".
_UTTERANCES = frozenset(
    {"statement", "remark", "comment", "word", "message", "testimony", "post", "tweet", "letter", "briefing"}
)
STOP_PUNCT = frozenset({".", "!", "?"})
_WINDOW = 1500  # characters a pronoun looks back before settling for any fitting mention
# Bounds on climbing the dependency tree: each stops where a further step would leave the clause
# or phrase being read for a speaker.
SUBJECT_CLIMB = 4  # heads from a cue verb to its subject, through "and said", "adding", "by saying"
PERSON_CLIMB = 5  # heads from a "who" clause's noun to the person it describes, through "of"/appositions
HEAD_NOUN_CLIMB = 4  # compound, flat or appositive links from a word of a name to its phrase's head
DESCRIPTION_HOPS = 2  # descriptions followed back to a name: "the leader" -> "the president" -> a name


@dataclass(slots=True)
class _Actor:
    """A mention of a named actor, or an earlier speaker, that a pronoun may point back to."""

    start: int
    name: str
    entity: str | None
    person: bool
    gender: str | None
    subject: bool
    definite: bool = False
    title: str | None = None  # the noun of a description ("leader" of "the Ukrainian leader")


class Resolver:
    """Readable speaker names: the entity whose mention holds a named speaker, the phrase itself
    for a nominal one ("an unnamed US official"), and for a pronoun the nearest earlier subject
    or speaker of the right kind - a person for he/she whose gender, where honorifics or pronouns
    show it, fits; an organisation or place for they/it. Entities may be empty: spaCy's own spans
    then stand in."""

    def __init__(
        self, doc: Doc, text: str, starts: list[int], entities: list[Entity], quoted: list[int]
    ) -> None:
        self.doc = doc
        self.text = text
        self.starts = starts
        spans: list[tuple[int, int, str, str | None, str]] = [
            (m.start, m.end, e.name, e.id, e.type) for e in entities for m in e.mentions
        ]
        taken = {self._tok(s) for s, *_ in spans}
        spans += [
            (x.start_char, x.end_char, x.text, None, x.label_)
            for x in doc.ents
            if (x.label_ == "PERSON" or x.label_ in _GROUP_TYPES) and x.start not in taken
        ]
        spans.sort()
        self.spans = spans
        self.span_starts = [s[0] for s in spans]
        genders = self._genders()
        self.actors: list[_Actor] = []
        for s, e, name, entity, kind in spans:
            i = self._tok(s)
            if i >= len(doc) or quoted[i] >= 0:
                continue  # a name inside a quotation is not who is talking
            root = doc[i : max(i + 1, self._tok(e))].root
            subject = root.dep_ in _SUBJECTS and root.head.dep_ in _MAIN_DEPS
            gender = genders.get(_gender_key(name, entity))
            self.actors.append(_Actor(s, name, entity, kind == "PERSON", gender, subject))
        self.role_heads = {e.id: {role_head(r.role) for r in e.roles} for e in entities if e.roles}
        self.actors += self._described_subjects(quoted)
        self.actors.sort(key=lambda x: x.start)
        self.actor_starts = [x.start for x in self.actors]
        self.history: list[_Actor] = []

    def _described_subjects(self, quoted: list[int]) -> list[_Actor]:
        """People a sentence is about without naming them: "The mayor entered the debate on
        Friday when she seemed to ..." - the "she" is the mayor, not the last name before.
        Only a definite person noun that is the subject of a main clause counts; the name it
        stands for is settled later, across the story, where an outlet's roles can tell."""
        found = []
        for t in self.doc:
            if (
                t.dep_ in _SUBJECTS
                and t.head.dep_ in _MAIN_DEPS
                and t.pos_ == "NOUN"
                and t.tag_ == "NN"
                and t.lemma_.lower() in PERSON_NOUNS
                and quoted[t.i] < 0
                and any(c.lower_ == "the" and c.dep_ == "det" for c in t.lefts)
            ):
                i, j = _phrase(t)
                a, b = self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text)
                if self._named(a, b, t.idx) is None:
                    title = t.lemma_.lower()
                    found.append(
                        _Actor(t.idx, self.text[a:b], None, True, _noun_gender(t), True, True, title)
                    )
        return found

    def _tok(self, char: int) -> int:
        return bisect_left(self.starts, char)

    def _genders(self) -> dict[str, str]:
        """Gender of people from honorifics ("Ms. Lopez") and the first personal pronoun after a
        mention with no other person between; keyed by entity, else by surname."""
        votes: dict[str, list[str]] = {}
        people = [(s, e, _gender_key(name, ent)) for s, e, name, ent, kind in self.spans if kind == "PERSON"]
        for k, (s, e, key) in enumerate(people):
            i = self._tok(s)
            if i and self.doc[i - 1].lower_ in HONORIFIC_GENDERS:
                votes.setdefault(key, []).append(HONORIFIC_GENDERS[self.doc[i - 1].lower_])
            stop = people[k + 1][0] if k + 1 < len(people) else len(self.text)
            j = self._tok(e)
            for t in self.doc[j : min(j + 25, len(self.doc))]:
                if t.idx >= stop or t.text in STOP_PUNCT:
                    break
                if t.lower_ in _PERSONAL:
                    votes.setdefault(key, []).append(_PERSONAL[t.lower_])
                    break
        # max over the votes in reading order: a tie goes to the first cue read, the same in every
        # run (over a set it went by string hashing, which differs from one process to the next).
        return {k: max(v, key=v.count) for k, v in votes.items()}

    def resolve(self, t: Token | None) -> tuple[str | None, str | None]:
        """(speaker name, entity id) for the speaker token `t`."""
        if t is None:
            return None, None
        if t.lower_ in _PERSONAL or t.lower_ in _GROUP_PRONOUNS:
            found = self._antecedent(t.idx, t.lower_)
            return (found.name, found.entity) if found else (t.text, None)
        if t.pos_ == "PRON" and not (t.lower_ in _QUANTIFIERS and any(c.lower_ == "of" for c in t.rights)):
            return t.text, None  # "some of the senators" goes on to its phrase
        i, j = _phrase(t)
        a, b = self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text)
        named = self._named(a, b, t.idx)
        if named is not None and named[4] == "NORP" and t.tag_ in ("NN", "NNP"):
            named = None  # "the council's senior Democrat" is one person, not the Democrats
        appos = next((c for c in t.children if c.dep_ == "appos"), None)
        if named is None and appos is not None:
            named = self._named(appos.left_edge.idx, appos.right_edge.idx + 1, appos.idx)
        if named is None:
            named = self._closing_name(a, b)
        return (named[2], named[3]) if named else (self.text[a:b], None)

    def _closing_name(self, a: int, b: int) -> tuple[int, int, str, str | None, str] | None:
        """The person named at the end of a title the parser took as the head ("Deputy
        Director of Regional Planning Nora Blake")."""
        k = bisect_left(self.span_starts, b) - 1
        if k < 0 or not (self.spans[k][0] > a and self.spans[k][1] == b and self.spans[k][4] == "PERSON"):
            return None
        # The word before the name must be the title's own ("Planning Nora Blake"), not "of"
        # ("the appointment of Medinsky" is an appointment, not Medinsky).
        before = self.doc[self._tok(self.spans[k][0]) - 1]
        return self.spans[k] if before.is_title and before.pos_ in ("PROPN", "NOUN") else None

    def _named(self, a: int, b: int, head: int) -> tuple[int, int, str, str | None, str] | None:
        """The actor mention inside chars [a, b) that holds the phrase's head ("Putin's adviser"
        is not Putin)."""
        k = bisect_left(self.span_starts, b) - 1
        while k >= 0 and self.spans[k][0] >= a - 40:
            if self.spans[k][0] <= head < self.spans[k][1]:
                return self.spans[k]
            k -= 1
        return None

    def spoke(self, t: Token, name: str, entity: str | None) -> None:
        """Remember a resolved speaker: the next 'he added' most likely means them."""
        if t.lower_ in _PERSONAL:
            person, gender = True, _PERSONAL.get(t.lower_)
        elif t.lower_ in _GROUP_PRONOUNS or t.tag_ in ("NNS", "NNPS"):
            person, gender = False, None
        else:
            k = bisect_left(self.actor_starts, t.idx + 1)
            match = next((x for x in self.actors[max(0, k - 3) : k] if x.name == name), None)
            person = match.person if match else t.pos_ == "PROPN" or t.lemma_.lower() in PERSON_NOUNS
            gender = match.gender if match else _noun_gender(t)
        definite = entity is None and t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.lefts)
        title = t.lemma_.lower() if definite else None
        self.history.append(_Actor(t.idx, name, entity, person, gender, True, definite, title))

    def _fits(self, x: _Actor, title: str) -> bool:
        """Whether a named person may be "the <title>": yes unless every role this article gives
        them is another office ("the president" is not the man it calls a spokesman)."""
        title = TITLE_SPELLINGS.get(title, title)
        heads = self.role_heads.get(x.entity or "", set())
        if not heads or title in heads:
            return True
        return title == "leader" and bool(heads & LEADER_ROLE_HEADS)

    def _antecedent(self, at: int, pronoun: str, depth: int = 0, title: str | None = None) -> _Actor | None:
        """The nearest subject or earlier speaker of the right kind whose gender does not clash,
        else the nearest such mention within the window. A description found that way ("the
        Ukrainian leader") is named by the nearest earlier person whose roles fit it."""
        want_person = pronoun in _PERSONAL
        gender = _PERSONAL.get(pronoun)
        k = bisect_left(self.actor_starts, at)
        pool = [*self.actors[max(0, k - 60) : k], *(h for h in self.history[-20:] if h.start < at)]
        pool.sort(key=lambda x: -x.start)
        best = None
        for x in pool:
            if x.person != want_person or (gender and x.gender and x.gender != gender):
                continue
            if title is not None and (x.definite or not self._fits(x, title)):
                continue
            if at - x.start > _WINDOW and best is not None:
                break
            if x.subject:
                best = x
                break
            best = best or x
        if best is not None and best.definite and depth < DESCRIPTION_HOPS:
            # "the Ukrainian leader said ... he added": name the leader if we can.
            return self._antecedent(best.start, pronoun, depth + 1, best.title) or best
        return best


_ROLE_TAIL = re.compile(r"\s+(?:of|for|at|to|in|from)\s+.*$")


def role_head(role: str) -> str:
    """The office word of a role, in the one spelling compare's labels use: "Deputy Defense
    Minister" -> "minister", "head of the service" -> "head", "Sen." -> "senator",
    "spokesman for the mayor" -> "spokesperson"."""
    words = _ROLE_TAIL.sub("", role.lower().split(",")[0]).split()
    head = words[-1].replace(".", "") if words else ""
    return TITLE_SPELLINGS.get(head, head)


def _gender_key(name: str, entity: str | None) -> str:
    return entity or name.rsplit(maxsplit=1)[-1].lower()


def _noun_gender(t: Token) -> str | None:
    low = t.lower_
    if low.endswith(("woman", "women")) or low in ("queen", "mother", "wife", "daughter"):
        return "f"
    if low.endswith(("man", "men")) or low in ("king", "father", "husband", "son"):
        return "m"
    return None


def cue_speaker(doc: Doc, v: Token, quoted: list[int], framed: bool) -> Token | None:
    """The subject of a cue verb, looking through 'and said', 'adding', 'who said', 'by saying'.

    A passive cue ('when asked by a reporter', 'it was announced') names its speaker only
    with "by". In a frame beside a quotation, a subject the parser took from inside the
    quotation (or a date) gives way to the nominal next to the verb.
    """
    if v.dep_ == "advcl" and v.tag_ in _STRANDABLE and not any(c.dep_ in _SUBJECTS for c in v.children):
        stranded = _stranded_subject(v)
        if stranded is not None:
            return stranded
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ in ("advcl", "acl")
    ):
        return _agent(v)
    t = v
    for _ in range(SUBJECT_CLIMB):
        subjects = [c for c in t.children if c.dep_ in _SUBJECTS]
        subj = next((c for c in subjects if not _label(c)), None)
        if subj is None and subjects:
            return nearby_speaker(doc, v, quoted)  # "UPDATE: The ministry said ..."
        if subj is not None:
            if (framed and quoted[subj.i] >= 0) or subj.ent_type_ in _WHEN:
                framed = True
                break
            if subj.lower_ in _RELATIVE and t.dep_ == "relcl":
                return _person_up(t.head) if subj.lower_ == "who" else t.head
            return _author(subj) or subj
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "xcomp":
            # "invited him to come": the object of the governing verb does the coming.
            obj = next((c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i), None)
            if obj is not None:
                return obj
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head
        elif t.dep_ not in ("conj", "advcl", "xcomp", "prep") or t.head is t:
            break
        t = t.head
    return nearby_speaker(doc, v, quoted) if framed else None


def _stranded_subject(v: Token) -> Token | None:
    """The subject the parser hung on a preposition: in "X did A after the leader called for B"
    the small model often reads "after the leader" as a prepositional phrase and leaves the
    finite "called" without a subject, which would hand the cue to X."""
    for c in v.head.children:
        if c.dep_ == "prep" and c.lower_ in _SUBORDINATORS and c.i < v.i:
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in _NOMINAL), None)
            if (
                obj is not None
                and obj.i < v.i
                and not any(t.pos_ in ("VERB", "AUX") for t in v.doc[obj.i + 1 : v.i])
            ):
                return obj
    return None


def _label(t: Token) -> bool:
    """A capitalised tag opening a paragraph ("UPDATE:", "CORRECTION:"), not a subject."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return t.text.isupper() and len(t.text) > 3 and nxt is not None and nxt.text == ":" and not t.ent_type_


def _personal(t: Token) -> bool:
    return t.ent_type_ == "PERSON" or t.lemma_.lower() in PERSON_NOUNS


def _person_up(h: Token) -> Token:
    """The person a "who" clause is about when the parser hung it on the last noun before it:
    in "Jo Lee, a candidate in Oregon's 4th District, who said ..." that is Jo Lee, not the
    district. Climbs through prepositions and appositions; the first head is kept if no person
    is found."""
    t = h
    for _ in range(PERSON_CLIMB):
        if _personal(t):
            break
        if t.head is t:
            return h
        t = t.head
    else:
        return h
    if not _personal(t):
        return h
    if t.dep_ == "appos" and t.head.ent_type_ == "PERSON":
        return t.head  # the name the description stands beside
    return t


def _author(subj: Token) -> Token | None:
    """Y of "statements from Y", "a letter by Y", "the words of Y": the utterance does not
    speak, whoever made it does, and that is the actor a reader groups the report under."""
    if subj.lemma_.lower() not in _UTTERANCES:
        return None
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
    return None


def _agent(v: Token) -> Token | None:
    """X of a passive 'asked by X'."""
    for c in v.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def nearby_speaker(doc: Doc, v: Token, quoted: list[int]) -> Token | None:
    """The speaker of a frame the parser did not link: the nominal just before the cue
    ('," Flynn, an adviser, said') or just after it ('," said Chad Bown')."""
    i, lo = v.i - 1, max(v.i - 12, 0)
    while i >= lo and quoted[i] < 0 and doc[i].text not in STOP_PUNCT:
        t = doc[i]
        if t.text == ")":
            while i > lo and doc[i].text != "(":
                i -= 1
        elif t.pos_ in _NOMINAL and t.ent_type_ not in _WHEN:
            return head_noun(t)
        i -= 1
    for t in doc[v.i + 1 : min(v.i + 5, len(doc))]:
        if quoted[t.i] >= 0 or t.pos_ == "ADP" or t.text in STOP_PUNCT or t.text == ",":
            break
        if t.pos_ in _NOMINAL and t.ent_type_ not in _WHEN:
            return head_noun(t)
    return None


def head_noun(t: Token) -> Token:
    """Climb from a word of a name or an apposition to the noun heading the phrase."""
    for _ in range(HEAD_NOUN_CLIMB):
        near = abs(t.head.i - t.i) < 10
        if t.dep_ not in ("compound", "flat", "appos") or t.head.pos_ not in _NOMINAL or not near:
            break
        t = t.head
    return t


def _phrase(h: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by `h`, without relative clauses or appositions,
    but with a short "of"/"for"/"by" attachment ("a spokesman for the ministry")."""
    i, j = h.i, h.i + 1
    for c in h.lefts:
        if c.dep_ not in ("punct", "cc", "prep", "advmod", "relcl", "acl", "appos"):
            i = min(i, c.left_edge.i)
    for c in h.rights:
        if c.i != j:
            break
        # "a spokesman for the ministry"; a quantifier takes its whole "of" phrase ("One of the
        # nation's oldest civil rights groups"), without which it names nobody.
        room = 16 if h.lower_ in _QUANTIFIERS and c.lower_ == "of" else 10
        short_of = c.dep_ == "prep" and c.lower_ in _OF_PREPS and c.right_edge.i - i < room
        if c.dep_ in ("compound", "flat", "nummod") or short_of:
            j = c.right_edge.i + 1
        else:
            break
    return max(i, h.i - 8), j
