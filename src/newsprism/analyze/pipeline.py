"""Article -> Analysis: one spaCy pass per article, then cheap rule-based readers over the parse.

Every reader works on the parsed `Doc` the pipeline already made, so the whole analysis costs
little more than the spaCy pass itself (bench/analysis_speed.py measures it). This is the one
place that reads the text: what the comparison needs from the words around a name, a number or
a date (who attends, what a figure counts, what a date dates) is read here, once, and emitted
as typed references, so that compare/ only compares them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analyze.attendance import extract_attendance
from newsprism.analyze.citations import extract_citations
from newsprism.analyze.claims import extract_claims
from newsprism.analyze.date_context import read_date_context
from newsprism.analyze.dates import extract_dates
from newsprism.analyze.details import read_details
from newsprism.analyze.entities import extract_entities
from newsprism.analyze.events import extract_events
from newsprism.analyze.light import light_analysis
from newsprism.analyze.lists import extract_lists
from newsprism.analyze.numbers import extract_numbers
from newsprism.analyze.places import extract_places
from newsprism.analyze.punctuation_runs import break_punctuation_runs
from newsprism.analyze.quantities import read_quantities
from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.roles import attach_roles
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.dates import published_day
from newsprism.lang.languages import light_language
from newsprism.lang.nlp import load_nlp, load_sentencizer, parsed_language
from newsprism.model import Analysis, Article
from newsprism.settings import MAX_ANALYZED_ENV, settings_from_env

BATCH_SIZE = 32
ZONE_SIZE = 64
"""Articles analyzed inside one spaCy memory zone. The zone frees the strings and lexemes its
texts added to the shared vocabulary when it closes; without it the vocabulary grows with every
new name and number of a long stream (bench/memory_flat.py)."""

log = logging.getLogger(__name__)


def analyzed_text(article: Article, limit: int | None = None) -> str:
    """The part of the article's text that is analyzed: all of it, or a prefix cut at a break,
    so that every offset of the analysis still points into the article's own text.

    The limit (by default the settings' `max_analyzed_chars`, NEWSPRISM_MAX_ANALYZED_CHARS)
    bounds the parser's memory: a longer text (a book, a dump, a hostile input) is analyzed up to
    the last paragraph or sentence break before it, and a warning names the article.
    """
    limit = settings_from_env().max_analyzed_chars if limit is None else limit
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


def analysis_limit(max_chars: int, nlp: Language) -> int:
    """`max_chars`, or spaCy's own `nlp.max_length` with a warning (once per process) when
    `max_chars` is over it: spaCy refuses a longer text outright (E088), and a refused text would
    end the whole batch."""
    if max_chars <= nlp.max_length:
        return max_chars
    _warn_over_parser_limit(max_chars, int(nlp.max_length))
    return int(nlp.max_length)


@lru_cache(maxsize=8)
def _warn_over_parser_limit(max_chars: int, max_length: int) -> None:
    log.warning(
        "%s=%s is over spaCy's max_length; at most %s characters of an article are analyzed",
        MAX_ANALYZED_ENV,
        f"{max_chars:,}",
        f"{max_length:,}",
    )


def analyze(
    articles: Iterable[Article], nlp: Language | None = None, *, max_chars: int | None = None
) -> Iterator[Analysis]:
    """Analyze articles lazily, in input order, batching the spaCy pass through `nlp.pipe`.

    Blocks of ZONE_SIZE articles run inside `nlp.memory_zone()` so memory stays flat over any
    stream. Zones must not nest: a caller that already opened one (or a second `analyze` consumed
    inside the first) simply runs in the zone that is open. Nothing that leaves this function
    points into a Doc: an Analysis holds plain strings and numbers. Each text is analyzed up to
    `max_chars` (see `analyzed_text`), never more than spaCy's `max_length`.
    """
    nlp = nlp or load_nlp()
    limit = analysis_limit(settings_from_env().max_analyzed_chars if max_chars is None else max_chars, nlp)
    stream = iter(articles)
    while block := list(islice(stream, ZONE_SIZE)):
        zone = nullcontext() if nlp.vocab.in_memory_zone else nlp.memory_zone()  # type: ignore[attr-defined]
        with zone:
            parsed = [article for article in block if parsed_language(article.language)]
            pairs = ((analyzed_text(article, limit), article) for article in parsed)
            done = {
                id(article): analyze_doc(doc, article)
                for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE)
            }
        for article in block:
            yield done[id(article)] if id(article) in done else unparsed_analysis(article, limit)


def unparsed_analysis(article: Article, limit: int) -> Analysis:
    """An article in a language without a parser: read lightly where its words are known
    (analyze/light.py), else only split into sentences."""
    if light_language(article.language):
        return light_analysis(article, analyzed_text(article, limit))
    return sentences_only(article, limit)


def sentences_only(article: Article, limit: int) -> Analysis:
    """The analysis of an article in a language newsprism has no parser for: its sentences, and
    nothing guessed. The English readers would find "names" in capitalised Spanish words and
    "dates" in English month names only, so they do not run; `depth` tells every report so."""
    sentencizer = load_sentencizer(article.language or "xx")
    text = analyzed_text(article, limit)
    with sentencizer.memory_zone():
        split = SentenceIndex(sentencizer(break_punctuation_runs(text))).sentences()
    sentences = [replace(s, text=text[s.start : s.end]) for s in split]
    return Analysis(id=article.id, language=article.language or "xx", sentences=sentences, depth="sentences")


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
    published = published_day(article)
    return Analysis(
        id=article.id,
        language=article.language or "en",
        sentences=sentences.sentences(),
        entities=entities,
        quotes=quotes,
        dates=read_date_context(doc, sentences, extract_dates(doc, sentences, published)),
        numbers=read_quantities(doc, sentences, extract_numbers(doc, sentences)),
        citations=extract_citations(doc, sentences, article.credits),
        events=extract_events(doc, sentences, entities),
        claims=extract_claims(doc, sentences),
        attendance=extract_attendance(doc, sentences, entities),
        lists=extract_lists(doc, sentences, entities),
        places=extract_places(doc, sentences, entities),
        details=read_details(article.title, article.text, published),
    )


def analyze_one(article: Article, nlp: Language | None = None) -> Analysis:
    return next(analyze([article], nlp))
