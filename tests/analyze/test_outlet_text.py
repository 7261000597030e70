"""Site furniture is left out of what story placement and copy detection read; reporting is not."""

from __future__ import annotations

from newsprism.analyze.outlet_text import is_widget_line, reported_text
from newsprism.model import Article
from newsprism.stories.features import lead_text

# A crawl of a page whose article did not load: the site's forms and buttons (written for these tests).
FURNITURE_ONLY = (
    "Just One More Thing...\n\n"
    "We have sent you a message. Open it to activate your profile.\n\n"
    "Close\n"
    "Whenever Dana Whitlock posts new content, you'll get an email delivered to your inbox with a link.\n"
    "You are the owner of this article.\n"
    "We hope you've enjoyed your preview of valleycourier.com.\n"
    "Share"
)


def test_forms_paywall_prompts_and_lone_buttons_are_furniture() -> None:
    assert reported_text(FURNITURE_ONLY).split() == []


def test_reporting_that_uses_the_same_words_is_kept() -> None:
    lines = [
        "The utility apologized for the inconvenience and said power would return by noon.",
        "Deputies set up a road block on Route 9 after the crash.",
        "Police closed the street for two hours.",
        "Close to 200 people attended the vigil on Sunday.",
        "The app's maker said it would download the records to investigators.",
    ]
    assert not any(is_widget_line(line) for line in lines)
    assert reported_text("\n".join(lines)) == "\n".join(lines)


def test_a_page_of_furniture_is_placed_by_its_headline_alone() -> None:
    article = Article(id="a", title="Two hurt in shooting outside Elm Street bar", text=FURNITURE_ONLY)
    assert lead_text(article) == "Two hurt in shooting outside Elm Street bar\n"
