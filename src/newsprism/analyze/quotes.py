"""Who said what: direct quotations and reported speech, read off the parse.

Two passes over one parsed `Doc`, both linear in its length:

1. Quotation marks are paired per paragraph (curly, straight, doubled `''`, guillemets; see
   `analyze/quotemarks.py`), and each quotation is tied to the attribution frame beside it -
   `"...," she said.`, `He said: "..."`, `"A," she said, "B."` - found by position, because the
   parser often mangles long quotations.
2. Every reporting verb left over ("said that", "told Reuters", "warned", "called it", "according
   to") gives reported speech: the complement its grammar names is the content (the verb tables
   are in `analyze/speech_verbs.py`), its subject the speaker.

Speakers are resolved to the article's entities, and pronouns to the nearest fitting earlier actor
(see `analyze/speakers.py`). Malformed punctuation never raises: an unclosed quotation closes at the
end of its paragraph. `direct` follows the PolNeAR convention: the content opens with quoted words.

The verb lists and thresholds were tuned on PolNeAR (bench/quotes_polnear.py) and are plain
English grammar, not facts about any article.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsprism.analyze.quotemarks import (
    Quotation,
    completes_sentence,
    inner_span,
    opens_clause,
    scan_quotations,
)
from newsprism.analyze.sentences import SentenceIndex
from newsprism.analyze.speakers import STOP_PUNCT, Resolver, cue_speaker, head_noun, nearby_speaker
from newsprism.analyze.speech_verbs import (
    CUE_COMPLEMENTS,
    FRAME_CUES,
    SOURCE_NOUNS,
    according_source,
    complement,
    cue_words,
    frame_cue,
    is_according,
    is_aside,
)
from newsprism.model import Entity, Quote

# `Quotation` and `scan_quotations` moved to quotemarks.py; callers still import them from here.
__all__ = ["Quotation", "extract_quotes", "scan_quotations"]

_BARE = frozenset({"PRON", "DET"})
_QUOTE_TOKENS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'", "„", "«", "»"})
_FRAME_LIMIT = 40  # tokens of a frame after a quotation


def extract_quotes(doc: Doc, sentences: SentenceIndex, entities: list[Entity]) -> list[Quote]:
    """Every direct quotation and reported statement of `doc`, in reading order."""
    if not len(doc) or not doc.text.strip():
        return []
    return _Extractor(doc, sentences, entities).run()


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
                covered[self._tok(a) : self._tok(b)] = [True] * (self._tok(b) - self._tok(a))
        found += self._reported(covered)
        found.sort(key=lambda f: f.parts[0][0])
        resolver = Resolver(self.doc, self.text, self.starts, self.entities, self.quoted)
        quotes = []
        for f in found:
            name, entity = resolver.resolve(f.speaker)
            if name is None or f.speaker is None:
                continue
            a, b = f.parts[0][0], f.parts[-1][1]
            text = " … ".join(self.text[s:e] for s, e in f.parts)
            quotes.append(
                Quote(
                    speaker=name,
                    speaker_entity=entity,
                    text=text,
                    direct=f.direct,
                    sentence=self.sentences.of_char(a),
                    start=a,
                    end=b,
                    cue=f.cue,
                )
            )
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
            found.parts.append(inner_span(self.text, q))
            # Later quotations of the paragraph that start sentences and have no frame of their
            # own go on with the same speaker's words ('"A," she said, adding ... "B."'); the
            # fragments quoted inside the frame itself are passed over.
            while k < n and "\n" not in self.text[q.close : self.marked[k].open]:
                nxt = self.marked[k]
                if opens_clause(self.text, nxt):
                    lead = self._leading(nxt, self.marked[k - 1])
                    if self._trailing(nxt) or (lead is not None and (cue is None or lead.i != cue.i)):
                        break
                    found.parts.append(inner_span(self.text, nxt))
                    q = nxt
                k += 1
            out.append(found)
            last = (found, q)
        return out

    def _attribute(self, cue: Token) -> _Found | None:
        if cue.text == ":":
            # 'Former secretary of state Hillary Clinton: "We learned ..."' - a transcript's label.
            speaker: Token | None = head_noun(cue.nbor(-1))
        elif is_according(cue):
            speaker = according_source(self.doc, cue)
        else:
            speaker = cue_speaker(self.doc, cue, self.quoted, framed=True)
        if speaker is None:
            return None
        self.used_cues.add(cue.i)
        return _Found(speaker, "according to" if is_according(cue) else cue_words(cue), [], True)

    def _continued(self, q: Quotation, last: tuple[_Found, Quotation] | None) -> _Found | None:
        """A paragraph-long quotation continuing the previous paragraph's unclosed one."""
        if last is None or last[1].closed:
            return None
        line_start = self.text.rfind("\n", 0, q.open) + 1
        between = self.text[last[1].close : line_start]
        if self.text[line_start : q.open].strip() or between.strip() or between.count("\n") > 2:
            return None
        return _Found(last[0].speaker, last[0].cue, [], True)

    def _trailing(self, q: Quotation) -> Token | None:
        """The cue of a frame right after a closed quotation ('," he said on Tuesday.')."""
        if not q.closed or not opens_clause(self.text, q) or self.text[q.inner_end - 1 : q.inner_end] == ".":
            # A quotation ending in a full stop ended its sentence; what follows is news.
            return None
        i, n = self._tok(q.close), len(self.doc)
        if i >= n or "\n" in self.text[q.close : self.starts[i]]:
            return None
        frame: list[Token] = []
        while i < n and len(frame) < _FRAME_LIMIT and self.quoted[i] < 0 and not self.doc[i].is_space:
            frame.append(self.doc[i])
            if self.doc[i].text in STOP_PUNCT or "\n" in self.doc[i].whitespace_:
                break
            i += 1
        cue = frame_cue(frame)
        # A cue with a clause right after it frames that clause, not this quotation
        # ('On "Face the Nation," Ryan said the plan ...').
        if cue is None or any(
            c.dep_ == "ccomp"
            and c.i > cue.i
            and not any(t.is_punct for t in self.doc[cue.i + 1 : c.left_edge.i])
            for c in cue.children
        ):
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
        if self.text[line_start : q.open].strip():
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
        frame = self.doc[max(lo, floor) : o]
        if not len(frame):
            return None
        colon = frame[-1].text == ":"
        if not colon and not completes_sentence(self.text, q):
            return None
        for t in reversed(frame):
            # After a colon any reporting clause will do: 'McCaskill scolded him: "..."'.
            said = t.lemma_.lower() in FRAME_CUES or (colon and any(c.dep_ == "nsubj" for c in t.children))
            if is_according(t) or (t.pos_ == "VERB" and said):
                gap = o - t.i - 1
                ok = (gap <= (12 if colon else 6) and frame[-1].text in ":,") or gap == 0
                return t if ok and self.quoted[t.i] < 0 else None
            if t.pos_ in ("VERB", "AUX") and t.i != o - 1:
                return None
        if colon and len(frame) <= 8 and len(frame) > 1 and frame[-2].pos_ == "PROPN":
            return frame[-1]
        return None

    # --- pass 2: reported speech -------------------------------------------------------------

    def _reported(self, covered: list[bool]) -> list[_Found]:
        out: list[_Found] = []
        for v in self.doc:
            if v.i in self.used_cues or self.quoted[v.i] >= 0:
                continue
            if is_according(v):
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
        if (
            v.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            and not any(c.dep_ == "ccomp" for c in v.children)
        ):
            return None  # "came to Istanbul to discuss a deal": a purpose, nothing said yet.
        comp = complement(v, CUE_COMPLEMENTS[v.lemma_.lower()])
        if comp is not None:
            # "said the talks would resume, according to Reuters": the source is no content.
            end = next((t.i for t in self.doc[v.i + 1 : comp[1]] if is_according(t)), comp[1])
            comp = (comp[0], max(end, comp[0] + 1))
            # "conditions that Kiev rejected": a bare relative pronoun reports nothing.
            bare = comp[1] - comp[0] == 1 and self.doc[comp[0]].pos_ in _BARE
            part = None if bare else self._trim(*comp)
            parts = [part] if part else []
        elif is_aside(v) and self.quoted[v.head.i] < 0:
            # "Over the years, she said, email has helped" / "as Comey noted, people ...": the
            # content is the clause around the aside.
            parts = self._around(v.head, v.left_edge.i, v.right_edge.i + 1)
        else:
            return None
        speaker = cue_speaker(self.doc, v, self.quoted, framed=False) if parts else None
        if speaker is None and parts and comp is not None and comp[1] <= v.i:
            # "..., said a former official": content first, speaker after the verb.
            speaker = nearby_speaker(self.doc, v, self.quoted)
        if speaker is None:
            return None
        direct = False
        if len(parts) == 1:
            direct, parts[0] = self._as_quotation(parts[0])
        return _Found(speaker, cue_words(v, comp[0] if comp is not None else None), parts, direct)

    def _according(self, v: Token) -> _Found | None:
        """'According to X, ...': the content is the rest of the sentence around the phrase."""
        source = according_source(self.doc, v)
        if source is None:
            return None
        sent = v.sent
        end = max(v.right_edge.i, source.right_edge.i) + 1
        parts = [p for p in (self._trim(sent.start, v.i), self._trim(end, sent.end)) if p]
        return _Found(source, "according to", parts, False) if parts else None

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
            c.pos_ == "VERB" and c.lemma_.lower() in CUE_COMPLEMENTS for c in head.children
        ):
            return None  # 'In a statement, she said ...': the verb's own frame covers it.
        parts = self._around(head, v.left_edge.i, v.right_edge.i + 1)
        return _Found(source, "in", parts, False) if parts else None

    def _labelled(self, colon: Token) -> _Found | None:
        """'Trump: My plans are not set in stone' - a headline or transcript line opening with a
        name and a colon."""
        label = self.doc[self._tok(self.text.rfind("\n", 0, colon.idx) + 1) : colon.i]
        if (
            not 0 < len(label) <= 5
            or not any(t.pos_ == "PROPN" for t in label)
            or any(t.pos_ not in ("PROPN", "NOUN", "PUNCT") or self.quoted[t.i] >= 0 for t in label)
        ):
            return None
        end, doc = colon.i + 1, self.doc
        while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_space:
            end += 1
        part = self._trim(colon.i + 1, end) if end - colon.i >= 4 else None
        if part is None:
            return None
        direct, part = self._as_quotation(part)
        return _Found(head_noun(colon.nbor(-1)), ":", [part], direct)

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
        return True, inner_span(self.text, q) if q.close >= b - 1 else part
