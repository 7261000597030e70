"""HTML fragments and plain text laid out the same way: paragraphs apart, lines kept."""

from __future__ import annotations

from newsprism.ingest.html_text import html_fragment_to_text, plain_text_paragraphs


def test_paragraphs_breaks_and_entities_of_an_html_fragment() -> None:
    fragment = "<p>The  bridge\n closed.</p><p>It reopens<br>in May &amp; June.</p><script>x()</script>"
    assert html_fragment_to_text(fragment) == "The bridge closed.\n\nIt reopens\nin May & June."


def test_a_fragment_that_is_no_html_still_gives_its_words() -> None:
    assert html_fragment_to_text("plain words") == "plain words"
    assert html_fragment_to_text("") == ""


def test_plain_text_gets_the_same_layout() -> None:
    text = "The  bridge closed.\r\n\r\n\r\nIt reopens\nin May."
    assert plain_text_paragraphs(text) == "The bridge closed.\n\nIt reopens\nin May."
