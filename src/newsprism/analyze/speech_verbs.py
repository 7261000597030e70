"""Which words report speech, and what of the parse around them is the report.

The vocabulary of attribution in one place: verbs that frame a quotation (`FRAME_CUES`), what each
reporting verb's content is (`CUE_COMPLEMENTS`), nouns that speak for a clause (`SOURCE_NOUNS`) or
name a person (`PERSON_NOUNS`), and the small grammar readers that apply them to a parsed verb.
`analyze/quotes.py` decides where to look; this module says what counts as speech there.

The lists were tuned on PolNeAR (bench/quotes_polnear.py) and are plain English grammar, not facts
about any article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.lang.data import word_set

# Verbs that introduce a quotation standing beside them. The frame's position already says
# "this is speech", so the list can be generous.
FRAME_CUES = word_set(
    """say tell add write ask continue explain note tweet post reply respond answer argue claim insist
    warn declare state announce remark recall joke quip shout yell scream exclaim observe acknowledge
    admit concede complain conclude confirm contend counter cry demand deny emphasize emphasise stress
    muse mutter offer plead predict promise protest recount reiterate repeat report reveal suggest
    testify thunder urge vow wonder whisper boast assert affirm maintain lament comment caution charge
    interject opine read text email describe agree retort snap sigh laugh chant proclaim pledge
    threaten estimate summarize summarise point mention"""
)
# What each reporting verb's content is: its clausal complement ("said that ..."), its infinitive
# ("vowed to ..."), its object ("announced his resignation"), its object predicate ("called it a
# trap") or the object of a named preposition ("called for talks", "described it as ..."). Without
# quotation marks only the grammar says "this is speech", so a verb is listed with a complement
# only where that pairing mostly reports what someone said, thought or stood for.
_CUE_TABLE = """
say: ccomp xcomp dobj about | tell: ccomp xcomp | add: ccomp | write: ccomp about | note: ccomp dobj
report: ccomp xcomp dobj | announce: ccomp dobj | argue: ccomp for | claim: ccomp xcomp | insist: ccomp
warn: ccomp of about | state: ccomp dobj | declare: ccomp dobj | suggest: ccomp xcomp | explain: ccomp dobj
acknowledge: ccomp dobj | admit: ccomp | believe: ccomp | think: ccomp | know: ccomp | predict: ccomp dobj
promise: ccomp xcomp dobj | vow: ccomp xcomp | pledge: ccomp xcomp | deny: ccomp | confirm: ccomp
reveal: ccomp dobj | allege: ccomp | assert: ccomp | contend: ccomp | maintain: ccomp | stress: ccomp dobj
emphasize: ccomp dobj | emphasise: ccomp dobj | indicate: ccomp | estimate: ccomp | conclude: ccomp
find: ccomp | show: ccomp with | recall: ccomp dobj | agree: ccomp xcomp | complain: ccomp about
worry: ccomp
fear: ccomp | hope: ccomp xcomp for | hop: ccomp xcomp | ask: ccomp xcomp for | urge: xcomp | tweet: ccomp
post: ccomp | reply: ccomp | respond: ccomp | counter: ccomp | testify: ccomp | concede: ccomp
caution: ccomp | charge: ccomp | speculate: ccomp | learn: ccomp | realize: ccomp | recognize: ccomp
remind: ccomp | assure: ccomp | imply: ccomp | signal: ccomp | propose: ccomp xcomp dobj
recommend: ccomp | demand: ccomp | threaten: xcomp | boast: ccomp about | joke: ccomp about
observe: ccomp | remark: ccomp | reiterate: ccomp dobj | question: ccomp dobj
wonder: ccomp | point: ccomp to | convince: ccomp | suspect: ccomp | doubt: ccomp | guess: ccomp
demonstrate: ccomp | clarify: ccomp | decline: xcomp | refuse: xcomp | seek: xcomp | decide: xcomp
aim: xcomp | order: xcomp | prefer: xcomp dobj | like: xcomp
call: oprd xcomp for | dub: oprd | label: oprd as | brand: oprd as | describe: dobj as | portray: as
cast: as | paint: as | view: as | dismiss: dobj as | refer: to as | cite: dobj as | talk: about
speak: about of | comment: on | apologize: for | blame: dobj for | accuse: of | criticize: dobj for
praise: dobj for | endorse: dobj | express: dobj | defend: dobj | oppose: dobj | mention: dobj
discuss: dobj | reject: dobj | denounce: dobj | condemn: dobj | decry: dobj | applaud: dobj | tout: dobj
mock: dobj | blast: dobj | slam: dobj | echo: dobj | reference: dobj | voice: dobj | detail: dobj
outline: dobj | lament: dobj | bemoan: dobj | recount: dobj | articulate: dobj | dispute: dobj
deem: dobj | thank: for | advocate: for | rail: against | brag: about | hint: at | liken: to | vouch: for
"""
CUE_COMPLEMENTS: dict[str, frozenset[str]] = {
    verb.strip(): word_set(deps)
    for entry in _CUE_TABLE.replace("\n", " | ").split("|")
    if ":" in entry
    for verb, deps in [entry.split(":")]
}
# Documents that speak for the clause they open: "In a new poll, 18 percent ...".
SOURCE_NOUNS = word_set("poll polls survey surveys study report analysis")
# Heads of common nouns that name one person ("the official said"); a pronoun may point at them.
PERSON_NOUNS = word_set(
    """president leader minister official spokesman spokeswoman spokesperson senator governor chancellor
    secretary candidate lawmaker aide adviser advisor chief director ambassador mayor representative
    congressman congresswoman judge lawyer attorney analyst expert officer diplomat general commander
    chairman chairwoman founder host nominee king queen pope prince author economist professor
    scientist researcher doctor man woman mother father wife husband son daughter source negotiator
    envoy premier deputy head executive manager owner activist member resident witness survivor
    prosecutor investigator strategist pollster consultant commentator columnist reporter editor"""
)
# A direct object joins the content beside a predicate or preposition: "accused him of lying".
_WITH_OBJECT = word_set("oprd as of for to with")
_PREP_OBJECTS = word_set("pobj pcomp")
_CLAUSAL = word_set("ccomp xcomp dobj oprd")


def cue_words(v: Token, content_start: int | None = None) -> str:
    """The cue as a reader needs it: the verb, with its auxiliaries when it is negated, so that
    "did not mention Putin" is not shown as a mention of Putin, and with the preposition that
    opens its content ("called for", "warned of", given the content's first token)."""
    cue = v.text
    if any(c.dep_ == "neg" for c in v.children):
        start = min((c.i for c in v.children if c.dep_ in ("aux", "neg") and c.i < v.i), default=v.i)
        cue = v.doc[start : v.i + 1].text
    if content_start is not None and content_start - 1 > v.i:
        prep = v.doc[content_start - 1]
        if prep.dep_ == "prep" and prep.head == v:
            cue = f"{cue} {prep.text}"
    return cue


def is_according(t: Token) -> bool:
    """Whether `t` opens "according to", the one attribution that is no verb."""
    return t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"


def according_source(doc: Doc, v: Token) -> Token | None:
    """X of 'according to X': the object of "to", else the word after it when the parse left it
    unattached."""
    if v.i + 2 >= len(doc):
        return None
    return next((c for c in doc[v.i + 1].children if c.dep_ == "pobj"), doc[v.i + 2])


def frame_cue(frame: list[Token]) -> Token | None:
    """The speech verb of a short frame after a quotation; None if another verb leads it.

    Any verb with its subject in the frame and nothing after it reads as a manner of speaking
    ('," Oliver barked.'), so it counts too.
    """
    start = frame[0].i if frame else 0
    for t in frame[:15]:
        if is_according(t) or (t.pos_ == "VERB" and t.lemma_.lower() in FRAME_CUES):
            return t
        if t.pos_ == "VERB" and t.dep_ in ("ROOT", "conj", "ccomp", "advcl", "parataxis"):
            intransitive = not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in t.children)
            subject = any(c.dep_ == "nsubj" and start <= c.i < t.i for c in t.children)
            return t if intransitive and subject else None
    return None


def is_aside(v: Token) -> bool:
    """A cue standing aside its content: 'X, she said, Y' or 'as Comey noted, Y'."""
    if v.dep_ == "parataxis":
        return True
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)


def complement(v: Token, allowed: frozenset[str]) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports: its allowed complements, side by side."""
    picked: list[tuple[str, Token]] = []
    obj = None
    for c in v.children:
        dep = c.lower_ if c.dep_ == "prep" and c.lower_ in allowed else c.dep_
        if dep == "dobj" and "dobj" not in allowed:
            obj = c
        elif dep in allowed and (dep in _CLAUSAL or any(g.dep_ in _PREP_OBJECTS for g in c.children)):
            picked.append((dep, c))
        elif (
            dep == "conj"
            and picked
            and picked[-1][0] == "ccomp"
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ):
            picked.append(("ccomp", c))  # "said that A and that B": both are what was said
    if not picked and "ccomp" in allowed:
        # "said in a statement that ...": the parser hangs the clause on the statement.
        nested = (g for c in v.rights if c.dep_ == "prep" for p in c.children for g in p.children)
        picked = [
            ("ccomp", g)
            for g in nested
            if g.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
        ]
    if not picked:
        return None
    if obj is not None and any(dep in _WITH_OBJECT for dep, _ in picked):
        picked.append(("dobj", obj))
    if any(dep == "ccomp" for dep, _ in picked):
        picked = [(dep, c) for dep, c in picked if dep == "ccomp"]
    first = min((c for _, c in picked), key=lambda c: c.i)
    if first.dep_ == "prep":
        # "called for talks": the content is the talks, not "for".
        first = next((g for g in first.children if g.dep_ in _PREP_OBJECTS), first)
    last = max((c for _, c in picked), key=lambda c: c.i)
    end = last.right_edge.i + 1
    if last.dep_ == "dobj":
        # "revealed a yawning gulf in the way ...": a prepositional phrase right after the object
        # still belongs to it, however the parser attached it.
        for c in v.rights:
            if c.i == end and c.dep_ == "prep":
                end = c.right_edge.i + 1
    return first.left_edge.i, end
