"""The light analysis: what rules can read off an article in a language newsprism has no parser for.

No Russian, Spanish or German spaCy model is installed (and nothing is downloaded at run time), so
an article in such a language cannot be parsed. Where languages.json knows the language's words
(LIGHT_LANGUAGES: ru, uk, es, it, nl, de, fr, pt), rules read what does not need a parse:

- sentences, as `sentences_only` splits them;
- names as actors (light_names.py), keyed across scripts and cases ("Путина" = "Putin");
- dates with the language's calendar words, resolved against the publication day (light_dates.py);
- figures written in digits, with the language's decimal comma (light_numbers.py);
- direct quotations in the language's marks, with a speaker where a reporting verb and a name
  stand beside them (light_quotes.py).

Roles, events, claims, citations, attendance, lists, places and the event details need the parse
and are not read; `depth` is "light" so that every report says so.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from newsprism.analyze.date_context import read_date_context
from newsprism.analyze.light_dates import DateReader
from newsprism.analyze.light_names import NameWords, extract_light_entities
from newsprism.analyze.light_numbers import NumberReader
from newsprism.analyze.light_quotes import Attributor, build_quotes, inner_span, scan_marks
from newsprism.analyze.light_words import index_phrases, sentence_words
from newsprism.analyze.punctuation_runs import break_punctuation_runs
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.dates import published_day
from newsprism.lang.languages import base_language, language_words
from newsprism.lang.nlp import load_sentencizer
from newsprism.model import Analysis, Article


@cache
def _name_words(language: str) -> NameWords:
    stop_words = frozenset(load_sentencizer(language).Defaults.stop_words)
    return NameWords(language_words(language), stop_words)


def light_analysis(article: Article, text: str | None = None) -> Analysis:
    """The light analysis of an article in a light language (lang/languages.py: `light_language`).

    `text` is the part of the article's text to read (analyze/pipeline.py's `analyzed_text`, a
    prefix of it); by default all of it. Every offset points into the article's own text.
    """
    text = article.text if text is None else text
    code = base_language(article.language)
    lang = language_words(code)
    names = _name_words(code)
    sentencizer = load_sentencizer(code)
    with sentencizer.memory_zone():
        doc = sentencizer(break_punctuation_runs(text))
        index = SentenceIndex(doc)
        sentences = [replace(s, text=text[s.start : s.end]) for s in index.sentences()]
        by_sentence = sentence_words(text, sentences)
        words = [w for ws in by_sentence for w in ws]
        marks = scan_marks(text, lang.quote_pairs)
        attributions = Attributor(text, words, lang, names, index_phrases(lang.cues)).attribute(marks)
        found = extract_light_entities(text, words, lang, names, [a.slot for a in attributions if a.slot])
        quotes = build_quotes(text, words, attributions, found, index.of_char, article.id)
        dates = DateReader(text, lang, published_day(article)).read(by_sentence)
        numbers = NumberReader(text, lang, words).read(dates, index.of_char)
        dates = read_date_context(doc, index, dates)
    quoted = [inner_span(text, m) for m in marks]
    for ref in dates:
        ref.quoted = any(a <= ref.start < b for a, b in quoted)
    return Analysis(
        id=article.id,
        language=article.language or code,
        sentences=sentences,
        entities=found.entities,
        quotes=quotes,
        dates=dates,
        numbers=numbers,
        depth="light",
    )
