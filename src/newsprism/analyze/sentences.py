"""Sentence numbering shared by every analyzer, so all of them agree on `sentence` indices."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from newsprism.model import Sentence

# Openings that put a sentence's values in an earlier period than the story's: "Prior to that,
# she spent four seasons as ..." (each a sequence of lower-cased tokens).
EARLIER_PERIOD_OPENINGS = (("prior", "to", "that"), ("before", "that"), ("until", "then"), ("previously",))


class SentenceIndex:
    """Map tokens and character offsets of a parsed article to sentence indices.

    Whitespace-only "sentences" that spaCy produces between paragraphs are dropped, and the
    survivors are numbered 0..n-1 in reading order; those numbers are the public `sentence`
    field of every mention, quote, date and fact.
    """

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            if self.spans and not any(c.isalnum() for c in sent.text):
                # A closing quotation mark or a stray bracket that the parser split off is
                # part of the sentence before it, not a sentence of its own.
                prev = self.spans[-1]
                self.spans[-1] = doc[prev.start : sent.end]
                continue
            self.spans.append(sent)
        self._starts = [s.start_char for s in self.spans]
        self._token_starts = [t.idx for t in doc]

    def __len__(self) -> int:
        return len(self.spans)

    def of_char(self, char: int) -> int:
        """Index of the sentence containing character offset `char` (the nearest before it)."""
        return max(0, bisect_right(self._starts, char) - 1)

    def of_span(self, span: Span) -> int:
        return self.of_char(span.start_char)

    def token_at(self, char: int) -> int:
        """Index of the token containing character offset `char` (the nearest before it)."""
        return max(0, bisect_right(self._token_starts, char) - 1)

    def token_from(self, char: int) -> int:
        """Index of the first token that starts at or after character offset `char`."""
        return bisect_left(self._token_starts, char)

    def sentences(self) -> list[Sentence]:
        out = []
        for i, span in enumerate(self.spans):
            text = span.text.rstrip()
            out.append(
                Sentence(
                    index=i,
                    text=text,
                    start=span.start_char,
                    end=span.start_char + len(text),
                    borrowed_values=borrows_values(span),
                )
            )
        return out


def borrows_values(span: Span) -> bool:
    """Whether a sentence's values belong to something other than its own claim: shared out
    among several subjects ("$34 million and $9 million, respectively") or told of an earlier
    period ("Previously, ...", "Prior to that, ...")."""
    if any(t.lower_ == "respectively" for t in span):
        return True
    first = next((i for i, t in enumerate(span) if not (t.is_punct or t.is_space)), len(span))
    opening = tuple(t.lower_ for t in span[first : first + 3])
    return any(opening[: len(phrase)] == phrase for phrase in EARLIER_PERIOD_OPENINGS)
