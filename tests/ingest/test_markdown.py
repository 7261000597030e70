"""Markdown is reduced to readable prose with its paragraphs kept apart."""

from __future__ import annotations

from newsprism.ingest.markdown import inline_to_text, markdown_to_text


def test_inline_markup_is_removed_and_link_text_kept() -> None:
    line = 'A **bold** and _quiet_ [council vote](https://example.org/v "t") with `code` ~~gone~~.'
    assert inline_to_text(line) == "A bold and quiet council vote with code gone."


def test_images_are_dropped() -> None:
    assert inline_to_text("Before ![a flooded street](img/flood.png) after") == "Before after"


def test_opening_heading_is_reported_and_kept_as_its_own_paragraph() -> None:
    text, heading = markdown_to_text("# Council *Passes* Budget\n\nThe vote was close.\n")
    assert heading == "Council Passes Budget"
    assert text == "Council Passes Budget\n\nThe vote was close."


def test_setext_heading_counts_as_a_heading() -> None:
    _, heading = markdown_to_text("Council Passes Budget\n=====\n\nThe vote was close.\n")
    assert heading == "Council Passes Budget"


def test_no_heading_when_the_document_opens_with_prose() -> None:
    _, heading = markdown_to_text("The vote was close.\n\n## Reactions\n\nMany cheered.")
    assert heading is None


def test_code_fences_comments_and_rules_are_dropped() -> None:
    source = "Intro line.\n\n```python\nprint('x')\n```\n\n<!-- note -->\n\n---\n\nLast line."
    assert markdown_to_text(source)[0] == "Intro line.\n\nLast line."


def test_soft_wrapped_paragraph_lines_are_joined_but_list_items_stay_apart() -> None:
    source = "The vote was\nclose on Monday.\n\n- first item\n- second item\n\n> A quoted\n> remark."
    text, _ = markdown_to_text(source)
    assert text == "The vote was close on Monday.\n\nfirst item\nsecond item\n\nA quoted remark."


def test_hard_line_break_is_kept() -> None:
    text, _ = markdown_to_text("First line  \nsecond line\\\nthird line")
    assert text == "First line\nsecond line\nthird line"
