"""What an outlet puts around every article it publishes: a title suffix and widget lines.

"Teen shot on Crump Road - WMC Action News 5 - Memphis, Tennessee" and "Copyright 2017 WMC
Action News 5. All rights reserved." appear in every report of one station, so to a word
comparison two shootings that station covered months apart share them, and look alike. They
are evidence of the outlet, never of the event, so story placement reads an article without
them. Plain string rules, cheap enough to run on every article of a 100,000-article stream:

- a title's last part after " - " or " | " is dropped when it reads as an outlet's name (a web
  address, a station's call letters, or words such as News, TV, Weather);
- a short line made of site furniture (copyright, sign-up and notification forms, paywall and
  app prompts, video and sharing prompts) or a lone button ("Close", "Share") is dropped from the
  text. A page whose crawl caught only such furniture is then read by its headline alone, not by
  the site's form that every page of the site shares (stories/dedup.py).
"""

from __future__ import annotations

import re

from newsprism.lang.data import word_set

_TITLE_PARTS = re.compile(r"\s+[|–—-]+\s+|\s*[|]\s*")
# Case matters: "News" and "TV" name an outlet, "the news conference" does not.
_OUTLET_PART = re.compile(
    r"\.(?:com|net|org)\b|\b(?:TV|News|NEWS|Weather|Channel|Radio|Sports|Times|Post|Tribune|Gazette|"
    r"Herald|Journal|Daily|Press|ABC|CBS|NBC|FOX|Fox|CNN|PBS|NPR)\b"
)
_CALL_LETTERS = re.compile(r"\b[KW][A-Z]{2,3}\b")
TITLE_PART_WORDS = 12
"""An outlet's name in a title runs to a few words; a longer last part is the headline's own."""

_WIDGET = re.compile(
    r"copyright|©|all rights reserved|sign (?:up|in)|log ?in\b|subscri|newsletter|notification|"
    r"verification|javascript|click (?:here|on)|registering|registration|your (?:email|profile|account)|"
    r"terms of (?:service|use)|privacy policy|already have an account|like this|loading\.\.\.|"
    r"follow (?:us|\w+ on)|facebook page|on twitter|the characters|report an error|submit a tip|"
    r"\{\*|\[website\]|this material may not be|just one more thing|owner of this article|"
    r"why are we asking|get digital access|premium clicks|posts new content|thank you for reading!|"
    r"need an account\?|e-?edition|you(?:'|’)re all set!|e-?mail news updates|enjoyed your preview|"
    r"we apologize for the inconvenience|your news tips?\b|use your facebook account|"
    r"(?:hide|show) transcript|download (?:the|our) [\w ]*\bapp\b|having trouble viewing|"
    r"scroll down for video"
)
"""Matched against the lower-cased line: a case-blind search tries every alternative at every
character and costs six times as much, on every line of every article placed."""
WIDGET_LINE_WORDS = 40
"""Site furniture comes in short lines; a body paragraph that mentions a newsletter is longer."""


def title_without_outlet(title: str) -> str:
    """The headline without the outlet's name that follows it after " - " or " | ", with what
    comes after that name ("- WMC Action News 5 - Memphis, Tennessee")."""
    current = title.strip()
    separators = list(_TITLE_PARTS.finditer(current))
    for k, separator in enumerate(separators):
        end = separators[k + 1].start() if k + 1 < len(separators) else len(current)
        part = current[separator.end() : end]
        tail = current[separator.end() :]
        if len(tail.split()) <= TITLE_PART_WORDS and (
            _OUTLET_PART.search(part) or _CALL_LETTERS.search(part)
        ):
            head = current[: separator.start()].strip()
            return head or current
    return current


_BUTTONS = word_set("close menu share print email e-mail facebook twitter comments tweet submit")
"""Lines of one word that are a page's buttons, not its text."""


def is_widget_line(line: str) -> bool:
    """Whether a line of text is site furniture (a form, a copyright, a prompt, a button), not
    reporting."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > WIDGET_LINE_WORDS:
        return False
    lowered = stripped.lower()
    return lowered.strip(".:!") in _BUTTONS or bool(_WIDGET.search(lowered))


def reported_text(text: str) -> str:
    """The article's text without its widget lines."""
    return "\n".join(line for line in text.split("\n") if not is_widget_line(line))
