"""Article -> Analysis: one spaCy pass per article, then cheap rule-based readers over the parse.

Every reader works on the parsed `Doc` the pipeline already made, so the whole analysis costs
little more than the spaCy pass itself (see bench/analysis_speed.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analyze.citations import extract_citations
from newsprism.analyze.claims import extract_claims
from newsprism.analyze.dates import extract_dates
from newsprism.analyze.details import read_details
from newsprism.analyze.entities import extract_entities
from newsprism.analyze.events import extract_events
from newsprism.analyze.numbers import extract_numbers
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.roles import attach_roles
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.dates import published_day
from newsprism.lang.nlp import load_nlp
from newsprism.model import Analysis, Article

BATCH_SIZE = 32
ZONE_SIZE = 64
"""Articles analyzed inside one spaCy memory zone. The zone frees the strings and lexemes its
texts added to the shared vocabulary when it closes; without it the vocabulary grows with every
new name and number of a long stream (about 11 strings per article, bench/memory_flat.py)."""


MAX_ANALYZED_CHARS = 200_000
"""Characters of one article analyzed at most (spaCy's parser needs about 1 GB per 100,000): a
longer text (a book, a dump, a hostile input) is analyzed up to the last paragraph or sentence
break before the limit, and a warning names the article. News articles run to a few thousand."""

log = logging.getLogger(__name__)


def analyzed_text(article: Article, limit: int = MAX_ANALYZED_CHARS) -> str:
    """The part of the article's text that is analyzed: all of it, or a prefix cut at a break,
    so that every offset of the analysis still points into the article's own text."""
    text = article.text
    if len(text) <= limit:
        return text
    cut = max(text.rfind("\n", 0, limit), text.rfind(". ", 0, limit - 1) + 1)
    if cut < limit // 2:
        cut = limit
    log.warning(
        "%s: text of %s characters is over the analysis limit; the first %s are analyzed",
        article.id,
        f"{len(text):,}",
        f"{cut:,}",
    )
    return text[:cut]


def analyze(articles: Iterable[Article], nlp: Language | None = None) -> Iterator[Analysis]:
    """Analyze articles lazily, in input order, batching the spaCy pass through `nlp.pipe`.

    Blocks of ZONE_SIZE articles run inside `nlp.memory_zone()` so memory stays flat over any
    stream. Zones must not nest: a caller that already opened one (or a second `analyze` consumed
    inside the first) simply runs in the zone that is open. Nothing that leaves this function
    points into a Doc: an Analysis holds plain strings and numbers.
    """
    nlp = nlp or load_nlp()
    stream = iter(articles)
    while block := list(islice(stream, ZONE_SIZE)):
        zone = nullcontext() if nlp.vocab.in_memory_zone else nlp.memory_zone()  # type: ignore[attr-defined]
        with zone:
            limit = min(MAX_ANALYZED_CHARS, nlp.max_length)
            pairs = ((analyzed_text(article, limit), article) for article in block)
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
                yield analyze_doc(doc, article)


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """Run every reader over one parsed article."""
    sentences = SentenceIndex(doc)
    entities = extract_entities(doc, sentences)
    attach_roles(doc, sentences, entities)
    for entity in entities:
        for role in entity.roles:
            role.article = article.id
    quotes = extract_quotes(doc, sentences, entities)
    for quote in quotes:
        quote.article = article.id
    return Analysis(
        id=article.id,
        language=article.language or "en",
        sentences=sentences.sentences(),
        entities=entities,
        quotes=quotes,
        dates=extract_dates(doc, sentences, published_day(article)),
        numbers=extract_numbers(doc, sentences),
        citations=extract_citations(doc, sentences, article.credits),
        events=extract_events(doc, sentences, entities),
        claims=extract_claims(doc, sentences),
        details=read_details(article.title, article.text, published_day(article)),
    )


def analyze_one(article: Article, nlp: Language | None = None) -> Analysis:
    return next(analyze([article], nlp))
