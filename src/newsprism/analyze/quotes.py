"""Who said what: direct quotations and reported speech, read off the parse.

Two passes over one parsed `Doc`, both linear in its length:

1. Quotation marks are paired per paragraph (curly, straight, doubled `''`, guillemets), and each
   quotation is tied to the attribution frame beside it - `"...," she said.`, `He said: "..."`,
   `"A," she said, "B."` - found by position, because the parser often mangles long quotations.
2. Every reporting verb left over ("said that", "told Reuters", "warned", "called it", "according
   to") gives reported speech: the complement its grammar names is the content, its subject the
   speaker.

Speakers are resolved to the article's entities, and pronouns to the nearest fitting earlier actor
(see `_Resolver`). Malformed punctuation never raises: an unclosed quotation closes at the end of
its paragraph. `direct` follows the PolNeAR convention: the content opens with quoted words.

The verb lists and thresholds were tuned on PolNeAR (bench/quotes_polnear.py) and are plain
English grammar, not facts about any article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.analyze.sentences import SentenceIndex
from newsprism.model import Entity, Quote


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce a quotation standing beside them. The frame's position already says
# "this is speech", so the list can be generous.
FRAME_CUES = _words(
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
    verb.strip(): _words(deps)
    for entry in _CUE_TABLE.replace("\n", " | ").split("|") if ":" in entry
    for verb, deps in [entry.split(":")]
}
# Documents that speak for the clause they open: "In a new poll, 18 percent ...".
SOURCE_NOUNS = _words("poll polls survey surveys study report analysis")
# Heads of common nouns that name one person ("the official said"); a pronoun may point at them.
PERSON_NOUNS = _words(
    """president leader minister official spokesman spokeswoman spokesperson senator governor chancellor
    secretary candidate lawmaker aide adviser advisor chief director ambassador mayor representative
    congressman congresswoman judge lawyer attorney analyst expert officer diplomat general commander
    chairman chairwoman founder host nominee king queen pope prince author economist professor
    scientist researcher doctor man woman mother father wife husband son daughter source negotiator
    envoy premier deputy head executive manager owner activist member resident witness survivor
    prosecutor investigator strategist pollster consultant commentator columnist reporter editor"""
)
_PERSONAL = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f"}
_HONORIFIC = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
              "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "lady": "f",
              "queen": "f", "dame": "f", "princess": "f"}
_GROUP_PRONOUNS = _words("they it")
_RELATIVE = _words("who that which")
_SUBJECTS = ("nsubj", "nsubjpass")
_MAIN_DEPS = _words("ROOT conj")
_NOMINAL = _words("PROPN NOUN PRON")
_WHEN = _words("DATE TIME")
_BARE = _words("PRON DET")
_GROUP_TYPES = _words("ORG NORP GPE FAC LOC")
# A direct object joins the content beside a predicate or preposition: "accused him of lying".
_WITH_OBJECT = _words("oprd as of for to with")
_PREP_OBJECTS = _words("pobj pcomp")
_CLAUSAL = _words("ccomp xcomp dobj oprd")
_OF_PREPS = _words("of for at from by")
_QUOTE_TOKENS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'", "„", "«", "»"})
_STOP_PUNCT = frozenset({".", "!", "?"})

_MARK = re.compile(r"''|``|[\"“”„«»]")
_LINE = re.compile(r"[^\n]+")
_CONTINUED = re.compile(r"\s*(?:''|``|[\"“„«‘'])")
_SINGLE_CLOSE = re.compile(r"[.,!?…][’'](?=\s|$)")
_OPENERS = frozenset({"“", "„", "«", "``"})
_CLOSERS = frozenset({"”", "»"})
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…")
_BEFORE_OPEN = frozenset("([{—–-/")
_FRAME_LIMIT = 40  # tokens of a frame after a quotation
_WINDOW = 1500  # characters a pronoun looks back before settling for any fitting mention


@dataclass(slots=True)
class Quotation:
    """Text between paired quotation marks: the marks sit at [open, inner) and [inner_end, close)."""

    open: int
    inner: int
    inner_end: int
    close: int
    closed: bool


def extract_quotes(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> list[Quote]:
    """Every direct quotation and reported statement of `doc`, in reading order."""
    if not len(doc) or not doc.text.strip():
        return []
    return _Extractor(doc, sentences, entities).run()


def scan_quotations(text: str) -> list[Quotation]:
    """Pair quotation marks paragraph by paragraph.

    Marks are read by what surrounds them, not by their glyph alone, because outlets mix curly and
    straight marks and sometimes type a closing mark where an opening one belongs. A quotation
    still open when its line ends is closed there: that is the print convention for quotations
    running over several paragraphs, and the graceful reading of a mark never closed.
    """
    out: list[Quotation] = []
    for line in _LINE.finditer(text):
        lo, hi = line.span()
        depth, start, inner = 0, -1, -1
        for m in _MARK.finditer(text, lo, hi):
            mark, p, q = m.group(), m.start(), m.end()
            prev = text[p - 1] if p > lo else " "
            nxt = text[q] if q < hi else " "
            opens = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
            closes = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
            if mark in _OPENERS:
                is_open = not (depth and closes and not opens)
            elif mark in _CLOSERS:
                is_open = not depth and opens and not closes
            else:
                is_open = not depth or (opens and not closes)
            if is_open:
                if not depth:
                    start, inner = p, q
                depth += 1
            elif depth:
                depth -= 1
                if not depth and text[inner:p].strip():
                    out.append(Quotation(start, inner, p, q, True))
        if depth and text[inner:hi].strip():
            end = hi
            while text[end - 1].isspace():
                end -= 1
            typo = None if _CONTINUED.match(text, hi) else _SINGLE_CLOSE.search(text, inner, hi)
            if typo:
                # Not the multi-paragraph convention: a mistyped closing mark may still show
                # where the speaker stopped ('... StopGunViolence.’ Schumer was ...').
                out.append(Quotation(start, inner, typo.start() + 1, typo.end(), True))
            else:
                out.append(Quotation(start, inner, end, end, False))
    return out


@dataclass(slots=True)
class _Found:
    """A quote before its speaker is resolved: the speaker is still a token of the parse."""

    speaker: Token | None
    cue: str
    parts: list[tuple[int, int]]
    direct: bool


class _Extractor:
    """State shared by the passes over one document (token offsets, which tokens are quoted)."""

    def __init__(self, doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentences = sentences
        self.entities = entities
        self.starts = [t.idx for t in doc]
        self.marked = scan_quotations(self.text)
        self.quoted = [-1] * len(doc)
        for k, q in enumerate(self.marked):
            for i in range(self._tok(q.open), self._tok(q.close)):
                self.quoted[i] = k
        self.used_cues: set[int] = set()

    def _tok(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect_left(self.starts, char)

    def run(self) -> list[Quote]:
        found = self._direct()
        covered = [False] * len(self.doc)
        for f in found:
            for a, b in f.parts:
                covered[self._tok(a):self._tok(b)] = [True] * (self._tok(b) - self._tok(a))
        found += self._reported(covered)
        found.sort(key=lambda f: f.parts[0][0])
        resolver = _Resolver(self.doc, self.text, self.starts, self.entities, self.quoted)
        quotes = []
        for f in found:
            name, entity = resolver.resolve(f.speaker)
            if name is None or f.speaker is None:
                continue
            a, b = f.parts[0][0], f.parts[-1][1]
            text = " … ".join(self.text[s:e] for s, e in f.parts)
            quotes.append(Quote(speaker=name, speaker_entity=entity, text=text, direct=f.direct,
                                sentence=self.sentences.of_char(a), start=a, end=b, cue=f.cue))
            resolver.spoke(f.speaker, name, entity)
        return quotes

    # --- pass 1: quotations and the frames beside them -------------------------------------

    def _direct(self) -> list[_Found]:
        out: list[_Found] = []
        last: tuple[_Found, Quotation] | None = None
        k, n = 0, len(self.marked)
        while k < n:
            q = self.marked[k]
            cue = self._trailing(q) or self._leading(q, self.marked[k - 1] if k else None)
            found = self._attribute(cue) if cue is not None else self._continued(q, last)
            k += 1
            if found is None:
                continue
            found.parts.append(self._inner(q))
            # Later quotations of the paragraph that start sentences and have no frame of their
            # own go on with the same speaker's words ('"A," she said, adding ... "B."'); the
            # fragments quoted inside the frame itself are passed over.
            while k < n and "\n" not in self.text[q.close:self.marked[k].open]:
                nxt = self.marked[k]
                if self._opens_clause(nxt):
                    lead = self._leading(nxt, self.marked[k - 1])
                    if self._trailing(nxt) or (lead is not None and (cue is None or lead.i != cue.i)):
                        break
                    found.parts.append(self._inner(nxt))
                    q = nxt
                k += 1
            out.append(found)
            last = (found, q)
        return out

    def _attribute(self, cue: Token) -> _Found | None:
        if cue.text == ":":
            # 'Former secretary of state Hillary Clinton: "We learned ..."' - a transcript's label.
            speaker: Token | None = _head_noun(cue.nbor(-1))
        elif _is_according(cue):
            speaker = self._according_source(cue)
        else:
            speaker = self._speaker(cue, framed=True)
        if speaker is None:
            return None
        self.used_cues.add(cue.i)
        return _Found(speaker, "according to" if _is_according(cue) else cue.text, [], True)

    def _continued(self, q: Quotation, last: tuple[_Found, Quotation] | None) -> _Found | None:
        """A paragraph-long quotation continuing the previous paragraph's unclosed one."""
        if last is None or last[1].closed:
            return None
        line_start = self.text.rfind("\n", 0, q.open) + 1
        between = self.text[last[1].close:line_start]
        if self.text[line_start:q.open].strip() or between.strip() or between.count("\n") > 2:
            return None
        return _Found(last[0].speaker, last[0].cue, [], True)

    def _trailing(self, q: Quotation) -> Token | None:
        """The cue of a frame right after a closed quotation ('," he said on Tuesday.')."""
        if not q.closed or not self._opens_clause(q) or self.text[q.inner_end - 1:q.inner_end] == ".":
            # A quotation ending in a full stop ended its sentence; what follows is news.
            return None
        i, n = self._tok(q.close), len(self.doc)
        if i >= n or "\n" in self.text[q.close:self.starts[i]]:
            return None
        frame: list[Token] = []
        while i < n and len(frame) < _FRAME_LIMIT and self.quoted[i] < 0 and not self.doc[i].is_space:
            frame.append(self.doc[i])
            if self.doc[i].text in _STOP_PUNCT or "\n" in self.doc[i].whitespace_:
                break
            i += 1
        cue = _frame_cue(frame)
        # A cue with a clause right after it frames that clause, not this quotation
        # ('On "Face the Nation," Ryan said the plan ...').
        if cue is None or any(c.dep_ == "ccomp" and c.i > cue.i and not any(
                t.is_punct for t in self.doc[cue.i + 1:c.left_edge.i]) for c in cue.children):
            return None
        return cue

    def _leading(self, q: Quotation, before: Quotation | None) -> Token | None:
        """The cue of a frame ending right before a quotation ('He told reporters: "...'), or
        ending the paragraph before it with a colon.

        A quotation that stops mid-clause ('called it "a trap" and left') is a fragment inside
        reported speech, left to the second pass.
        """
        o = self._tok(q.open)
        if o >= len(self.doc):
            return None
        line_start = self.text.rfind("\n", 0, q.open) + 1
        if self.text[line_start:q.open].strip():
            floor = max(self._tok(line_start), self._tok(before.close) if before else 0)
            lo = self.doc[o - 1].sent.start if o and self.doc[o - 1].text == ":" else self.doc[o].sent.start
        else:
            end = line_start
            while end and self.text[end - 1].isspace():
                end -= 1
            o = self._tok(end)
            if not o or self.doc[o - 1].text != ":":
                return None
            floor = self._tok(self.text.rfind("\n", 0, self.doc[o - 1].idx) + 1)
            lo = self.doc[o - 1].sent.start
        frame = self.doc[max(lo, floor):o]
        if not len(frame):
            return None
        colon = frame[-1].text == ":"
        if not colon and not self._completes(q):
            return None
        for t in reversed(frame):
            # After a colon any reporting clause will do: 'McCaskill scolded him: "..."'.
            said = t.lemma_.lower() in FRAME_CUES or (colon and any(c.dep_ == "nsubj" for c in t.children))
            if _is_according(t) or (t.pos_ == "VERB" and said):
                gap = o - t.i - 1
                ok = (gap <= (12 if colon else 6) and frame[-1].text in ":,") or gap == 0
                return t if ok and self.quoted[t.i] < 0 else None
            if t.pos_ in ("VERB", "AUX") and t.i != o - 1:
                return None
        if colon and len(frame) <= 8 and len(frame) > 1 and frame[-2].pos_ == "PROPN":
            return frame[-1]
        return None

    def _opens_clause(self, q: Quotation) -> bool:
        """Whether a quotation starts its sentence or follows a break ('He said: "', '— "'), rather
        than finishing a clause ('Paul suggested that Rubio was "...')."""
        before = self.text[self.text.rfind("\n", 0, q.open) + 1:q.open].rstrip()
        return not before or before[-1] in ":,;.!?—–-(“”\"'"

    def _completes(self, q: Quotation) -> bool:
        """Whether a quotation ends its sentence (so it is not a fragment inside a clause)."""
        inner = self.text[q.inner:q.inner_end].rstrip()
        rest = self.text[q.close:q.close + 3].lstrip(" ")
        return not q.closed or inner[-1:] in ".!?" or not rest or rest[0] in ".!?\n“\""

    def _inner(self, q: Quotation) -> tuple[int, int]:
        a, b = q.inner, q.inner_end
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and (self.text[b - 1].isspace() or self.text[b - 1] in ",;:—–-"):
            b -= 1
        return a, b

    # --- pass 2: reported speech -------------------------------------------------------------

    def _reported(self, covered: list[bool]) -> list[_Found]:
        out: list[_Found] = []
        for v in self.doc:
            if v.i in self.used_cues or self.quoted[v.i] >= 0:
                continue
            if _is_according(v):
                found = self._according(v)
            elif v.pos_ == "VERB" and v.lemma_.lower() in CUE_COMPLEMENTS:
                found = self._clause(v)
            elif v.lower_ == "in" and v.dep_ == "prep":
                found = self._in_source(v)
            elif v.text == ":":
                found = self._labelled(v)
            else:
                continue
            if found is None:
                continue
            i, j = self._tok(found.parts[0][0]), self._tok(found.parts[-1][1])
            if j > i and sum(covered[i:j]) * 2 <= j - i:  # not a quotation pass 1 already took
                out.append(found)
        return out

    def _clause(self, v: Token) -> _Found | None:
        if v.dep_ == "xcomp" and "xcomp" in CUE_COMPLEMENTS.get(v.head.lemma_.lower(), ()):
            return None  # "declined to say whether ...": the outer verb reports it all.
        comp = _complement(v, CUE_COMPLEMENTS[v.lemma_.lower()])
        if comp is not None:
            # "said the talks would resume, according to Reuters": the source is no content.
            end = next((t.i for t in self.doc[v.i + 1:comp[1]] if _is_according(t)), comp[1])
            comp = (comp[0], max(end, comp[0] + 1))
            # "conditions that Kiev rejected": a bare relative pronoun reports nothing.
            bare = comp[1] - comp[0] == 1 and self.doc[comp[0]].pos_ in _BARE
            part = None if bare else self._trim(*comp)
            parts = [part] if part else []
        elif _is_aside(v) and self.quoted[v.head.i] < 0:
            # "Over the years, she said, email has helped" / "as Comey noted, people ...": the
            # content is the clause around the aside.
            parts = self._around(v.head, v.left_edge.i, v.right_edge.i + 1)
        else:
            return None
        speaker = self._speaker(v, framed=False) if parts else None
        if speaker is None and parts and comp is not None and comp[1] <= v.i:
            # "..., said a former official": content first, speaker after the verb.
            speaker = _nearby(self.doc, v, self.quoted)
        if speaker is None:
            return None
        direct = False
        if len(parts) == 1:
            direct, parts[0] = self._as_quotation(parts[0])
        return _Found(speaker, v.text, parts, direct)

    def _according(self, v: Token) -> _Found | None:
        """'According to X, ...': the content is the rest of the sentence around the phrase."""
        source = self._according_source(v)
        if source is None:
            return None
        sent = v.sent
        end = max(v.right_edge.i, source.right_edge.i) + 1
        parts = [p for p in (self._trim(sent.start, v.i), self._trim(end, sent.end)) if p]
        return _Found(source, "according to", parts, False) if parts else None

    def _according_source(self, v: Token) -> Token | None:
        if v.i + 2 >= len(self.doc):
            return None
        return next((c for c in self.doc[v.i + 1].children if c.dep_ == "pobj"), self.doc[v.i + 2])

    def _in_source(self, v: Token) -> _Found | None:
        """'In a new poll, 18 percent ...': a poll that opens its sentence speaks for all of it
        ('trails in the polls' does not)."""
        source = next((c for c in v.children if c.dep_ == "pobj"), None)
        head = v.head
        if source is None or source.lemma_.lower() not in SOURCE_NOUNS or head.pos_ not in ("VERB", "AUX"):
            return None
        start = v.sent.start
        if not (v.i == start or (v.i - 1 == start and v.nbor(-1).pos_ == "CCONJ")):
            return None
        if head.lemma_.lower() in CUE_COMPLEMENTS or any(
                c.pos_ == "VERB" and c.lemma_.lower() in CUE_COMPLEMENTS for c in head.children):
            return None  # 'In a statement, she said ...': the verb's own frame covers it.
        parts = self._around(head, v.left_edge.i, v.right_edge.i + 1)
        return _Found(source, "in", parts, False) if parts else None

    def _labelled(self, colon: Token) -> _Found | None:
        """'Trump: My plans are not set in stone' - a headline or transcript line opening with a
        name and a colon."""
        label = self.doc[self._tok(self.text.rfind("\n", 0, colon.idx) + 1):colon.i]
        if not 0 < len(label) <= 5 or not any(t.pos_ == "PROPN" for t in label) or any(
                t.pos_ not in ("PROPN", "NOUN", "PUNCT") or self.quoted[t.i] >= 0 for t in label):
            return None
        end, doc = colon.i + 1, self.doc
        while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_space:
            end += 1
        part = self._trim(colon.i + 1, end) if end - colon.i >= 4 else None
        if part is None:
            return None
        direct, part = self._as_quotation(part)
        return _Found(_head_noun(colon.nbor(-1)), ":", [part], direct)

    def _speaker(self, v: Token, framed: bool) -> Token | None:
        """The subject of a cue verb, looking through 'and said', 'adding', 'who said', 'by saying'.

        A passive cue ('when asked by a reporter', 'it was announced') names its speaker only
        with "by". In a frame beside a quotation, a subject the parser took from inside the
        quotation (or a date) gives way to the nominal next to the verb.
        """
        if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in v.children) or (
                v.tag_ == "VBN" and v.dep_ in ("advcl", "acl")):
            return _agent(v)
        t = v
        for _ in range(4):
            subj = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
            if subj is not None:
                if (framed and self.quoted[subj.i] >= 0) or subj.ent_type_ in _WHEN:
                    framed = True
                    break
                return t.head if subj.lower_ in _RELATIVE and t.dep_ == "relcl" else subj
            if t.dep_ == "relcl":
                return t.head
            if t.dep_ == "pcomp" and t.head.dep_ == "prep":
                t = t.head
            elif t.dep_ not in ("conj", "advcl", "xcomp", "prep") or t.head is t:
                break
            t = t.head
        return _nearby(self.doc, v, self.quoted) if framed else None

    def _around(self, head: Token, i: int, j: int) -> list[tuple[int, int]]:
        """The parts of `head`'s clause left and right of tokens [i, j)."""
        return [p for p in (self._trim(head.left_edge.i, i), self._trim(j, head.right_edge.i + 1)) if p]

    def _trim(self, i: int, j: int) -> tuple[int, int] | None:
        """Char span of tokens [i, j) without edge punctuation; None when nothing is left."""
        doc = self.doc
        while i < j and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in _QUOTE_TOKENS:
            i += 1
        while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space) and doc[j - 1].text not in _QUOTE_TOKENS:
            j -= 1
        if j <= i:
            return None
        end = doc[j - 1].idx + len(doc[j - 1].text)
        k = self.quoted[j - 1]
        if k >= 0 and self.marked[k].open >= doc[i].idx:
            # The parse often stops a clause inside the quotation it ends with ('was "futile,"
            # because ...'); the content runs to the closing mark.
            end = max(end, self.marked[k].close)
        return doc[i].idx, end

    def _as_quotation(self, part: tuple[int, int]) -> tuple[bool, tuple[int, int]]:
        """Content that opens with a quotation is direct speech: the quotation alone when it is
        the whole content ('by saying "Too many."'), else the content as written, marks and all
        ('"We are horrified" by the shooting, Nefzi said')."""
        a, b = part
        k = self.quoted[self._tok(a)]
        if k < 0 or self.marked[k].open < a - 1:
            return False, part
        q = self.marked[k]
        return True, self._inner(q) if q.close >= b - 1 else part


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


class _Resolver:
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
        spans += [(x.start_char, x.end_char, x.text, None, x.label_) for x in doc.ents
                  if (x.label_ == "PERSON" or x.label_ in _GROUP_TYPES) and x.start not in taken]
        spans.sort()
        self.spans = spans
        self.span_starts = [s[0] for s in spans]
        genders = self._genders()
        self.actors: list[_Actor] = []
        for s, e, name, entity, kind in spans:
            i = self._tok(s)
            if i >= len(doc) or quoted[i] >= 0:
                continue  # a name inside a quotation is not who is talking
            root = doc[i:max(i + 1, self._tok(e))].root
            subject = root.dep_ in _SUBJECTS and root.head.dep_ in _MAIN_DEPS
            gender = genders.get(_gender_key(name, entity))
            self.actors.append(_Actor(s, name, entity, kind == "PERSON", gender, subject))
        self.actor_starts = [x.start for x in self.actors]
        self.history: list[_Actor] = []

    def _tok(self, char: int) -> int:
        return bisect_left(self.starts, char)

    def _genders(self) -> dict[str, str]:
        """Gender of people from honorifics ("Ms. Lopez") and the first personal pronoun after a
        mention with no other person between; keyed by entity, else by surname."""
        votes: dict[str, list[str]] = {}
        people = [(s, e, _gender_key(name, ent)) for s, e, name, ent, kind in self.spans if kind == "PERSON"]
        for k, (s, e, key) in enumerate(people):
            i = self._tok(s)
            if i and self.doc[i - 1].lower_ in _HONORIFIC:
                votes.setdefault(key, []).append(_HONORIFIC[self.doc[i - 1].lower_])
            stop = people[k + 1][0] if k + 1 < len(people) else len(self.text)
            j = self._tok(e)
            for t in self.doc[j:min(j + 25, len(self.doc))]:
                if t.idx >= stop or t.text in _STOP_PUNCT:
                    break
                if t.lower_ in _PERSONAL:
                    votes.setdefault(key, []).append(_PERSONAL[t.lower_])
                    break
        return {k: max(set(v), key=v.count) for k, v in votes.items()}

    def resolve(self, t: Token | None) -> tuple[str | None, str | None]:
        """(speaker name, entity id) for the speaker token `t`."""
        if t is None:
            return None, None
        if t.lower_ in _PERSONAL or t.lower_ in _GROUP_PRONOUNS:
            found = self._antecedent(t.idx, t.lower_)
            return (found.name, found.entity) if found else (t.text, None)
        if t.pos_ == "PRON":
            return t.text, None
        i, j = _phrase(t)
        a, b = self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text)
        named = self._named(a, b, t.idx)
        appos = next((c for c in t.children if c.dep_ == "appos"), None)
        if named is None and appos is not None:
            named = self._named(appos.left_edge.idx, appos.right_edge.idx + 1, appos.idx)
        return (named[2], named[3]) if named else (self.text[a:b], None)

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
            match = next((x for x in self.actors[max(0, k - 3):k] if x.name == name), None)
            person = match.person if match else t.pos_ == "PROPN" or t.lemma_.lower() in PERSON_NOUNS
            gender = match.gender if match else _noun_gender(t)
        definite = entity is None and t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.lefts)
        self.history.append(_Actor(t.idx, name, entity, person, gender, True, definite))

    def _antecedent(self, at: int, pronoun: str, depth: int = 0) -> _Actor | None:
        """The nearest subject or earlier speaker of the right kind whose gender does not clash,
        else the nearest such mention within the window."""
        want_person = pronoun in _PERSONAL
        gender = _PERSONAL.get(pronoun)
        k = bisect_left(self.actor_starts, at)
        pool = [*self.actors[max(0, k - 60):k], *(h for h in self.history[-20:] if h.start < at)]
        pool.sort(key=lambda x: -x.start)
        best = None
        for x in pool:
            if x.person != want_person or (gender and x.gender and x.gender != gender):
                continue
            if at - x.start > _WINDOW and best is not None:
                break
            if x.subject:
                best = x
                break
            best = best or x
        if best is not None and best.definite and depth < 2:
            # "the Ukrainian leader said ... he added": name the leader if we can.
            return self._antecedent(best.start, pronoun, depth + 1) or best
        return best


def _gender_key(name: str, entity: str | None) -> str:
    return entity or name.rsplit(maxsplit=1)[-1].lower()


def _noun_gender(t: Token) -> str | None:
    low = t.lower_
    if low.endswith(("woman", "women")) or low in ("queen", "mother", "wife", "daughter"):
        return "f"
    if low.endswith(("man", "men")) or low in ("king", "father", "husband", "son"):
        return "m"
    return None


def _is_according(t: Token) -> bool:
    return t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"


def _frame_cue(frame: list[Token]) -> Token | None:
    """The speech verb of a short frame after a quotation; None if another verb leads it.

    Any verb with its subject in the frame and nothing after it reads as a manner of speaking
    ('," Oliver barked.'), so it counts too.
    """
    start = frame[0].i if frame else 0
    for t in frame[:15]:
        if _is_according(t) or (t.pos_ == "VERB" and t.lemma_.lower() in FRAME_CUES):
            return t
        if t.pos_ == "VERB" and t.dep_ in ("ROOT", "conj", "ccomp", "advcl", "parataxis"):
            intransitive = not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in t.children)
            subject = any(c.dep_ == "nsubj" and start <= c.i < t.i for c in t.children)
            return t if intransitive and subject else None
    return None


def _is_aside(v: Token) -> bool:
    """A cue standing aside its content: 'X, she said, Y' or 'as Comey noted, Y'."""
    if v.dep_ == "parataxis":
        return True
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)


def _agent(v: Token) -> Token | None:
    """X of a passive 'asked by X'."""
    for c in v.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _nearby(doc: Doc, v: Token, quoted: list[int]) -> Token | None:
    """The speaker of a frame the parser did not link: the nominal just before the cue
    ('," Flynn, an adviser, said') or just after it ('," said Chad Bown')."""
    i, lo = v.i - 1, max(v.i - 12, 0)
    while i >= lo and quoted[i] < 0 and doc[i].text not in _STOP_PUNCT:
        t = doc[i]
        if t.text == ")":
            while i > lo and doc[i].text != "(":
                i -= 1
        elif t.pos_ in _NOMINAL and t.ent_type_ not in _WHEN:
            return _head_noun(t)
        i -= 1
    for t in doc[v.i + 1:min(v.i + 5, len(doc))]:
        if quoted[t.i] >= 0 or t.pos_ == "ADP" or t.text in _STOP_PUNCT or t.text == ",":
            break
        if t.pos_ in _NOMINAL and t.ent_type_ not in _WHEN:
            return _head_noun(t)
    return None


def _head_noun(t: Token) -> Token:
    """Climb from a word of a name or an apposition to the noun heading the phrase."""
    for _ in range(4):
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
        short_of = c.dep_ == "prep" and c.lower_ in _OF_PREPS and c.right_edge.i - i < 10
        if c.dep_ in ("compound", "flat", "nummod") or short_of:
            j = c.right_edge.i + 1
        else:
            break
    return max(i, h.i - 8), j


def _complement(v: Token, allowed: frozenset[str]) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports: its allowed complements, side by side."""
    picked: list[tuple[str, Token]] = []
    obj = None
    for c in v.children:
        dep = c.lower_ if c.dep_ == "prep" and c.lower_ in allowed else c.dep_
        if dep == "dobj" and "dobj" not in allowed:
            obj = c
        elif dep in allowed and (dep in _CLAUSAL or any(g.dep_ in _PREP_OBJECTS for g in c.children)):
            picked.append((dep, c))
        elif dep == "conj" and picked and picked[-1][0] == "ccomp" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            picked.append(("ccomp", c))  # "said that A and that B": both are what was said
    if not picked and "ccomp" in allowed:
        # "said in a statement that ...": the parser hangs the clause on the statement.
        nested = (g for c in v.rights if c.dep_ == "prep" for p in c.children for g in p.children)
        picked = [("ccomp", g) for g in nested if g.dep_ in ("acl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
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
