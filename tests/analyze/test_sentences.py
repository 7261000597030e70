"""One sentence numbering for every reader, and what a sentence says of its own values."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.sentences import SentenceIndex, borrows_values


def test_sentences_are_numbered_in_reading_order_with_offsets_into_the_text(nlp: Language) -> None:
    text = "The bridge closed on Monday.\n\nIt will reopen in May."
    index = SentenceIndex(nlp(text))
    sentences = index.sentences()
    assert [s.text for s in sentences] == ["The bridge closed on Monday.", "It will reopen in May."]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert index.of_char(text.index("reopen")) == 1 and index.of_char(0) == 0


def test_a_stray_closing_mark_stays_with_the_sentence_before_it(nlp: Language) -> None:
    index = SentenceIndex(nlp('"We will win."\n"\nThe crowd cheered.'))
    assert len(index) == 2


def test_token_lookups_by_character(nlp: Language) -> None:
    doc = nlp("Talks open in Istanbul.")
    index = SentenceIndex(doc)
    assert doc[index.token_at(doc.text.index("Istanbul") + 3)].text == "Istanbul"
    assert doc[index.token_from(doc.text.index("Istanbul") + 1)].text == "."


def test_values_shared_out_or_of_an_earlier_period_are_borrowed(nlp: Language) -> None:
    def borrowed(text: str) -> bool:
        return borrows_values(next(iter(nlp(text).sents)))

    assert borrowed("The club paid $34 million and $9 million, respectively.")
    assert borrowed("Prior to that, she spent four seasons as the club's scout.")
    assert borrowed('"Previously, the talks took place on Tuesday.')
    assert not borrowed("The club paid $34 million for the striker.")
    assert not borrowed("She had previously spent four seasons there.")
