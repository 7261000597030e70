"""Quotation marks paired per language, and a speaker only beside a reporting word (light_quotes.py)."""

from __future__ import annotations

from newsprism.analyze.light import light_analysis
from newsprism.analyze.light_quotes import inner_span, scan_marks
from newsprism.lang.languages import language_words
from newsprism.model import Article


def quoted(text: str, language: str) -> list[str]:
    marks = scan_marks(text, language_words(language).quote_pairs)
    return [text[slice(*inner_span(text, m))] for m in marks]


def quotes(text: str, language: str) -> list[tuple[str | None, str | None, str]]:
    analysis = light_analysis(Article("a", text, language=language))
    return [(q.speaker, q.cue, q.text) for q in analysis.quotes]


def test_each_language_pairs_its_own_marks() -> None:
    assert quoted("„Wir sind bereit“, sagte er.", "de") == ["Wir sind bereit"]
    assert quoted("“No iremos”, dijo.", "es") == ["No iremos"]
    assert quoted("«Мы готовы, „в принципе“, к переговорам», — заявил он.", "ru") == [
        "Мы готовы, „в принципе“, к переговорам"
    ]
    assert quoted("« Nous sommes prêts », a-t-il dit.", "fr") == ["Nous sommes prêts"]


def test_an_apostrophe_is_no_closing_mark_and_an_open_quotation_ends_with_its_line() -> None:
    assert quoted("‘L’Ucraina resiste’, ha detto.", "it") == ["L’Ucraina resiste"]
    assert quoted("«Мы будем ждать\nНовый абзац.", "ru") == ["Мы будем ждать"]


def test_the_speaker_is_the_name_beside_the_reporting_word_on_either_side() -> None:
    assert quotes("«Переговоры идут», — сказал журналистам пресс-секретарь Дмитрий Песков.", "ru") == [
        ("Дмитрий Песков", "сказал", "Переговоры идут")
    ]
    assert quotes("Лавров заявил: «Мы ничего не обещали».", "ru") == [
        ("Лавров", "заявил", "Мы ничего не обещали")
    ]
    assert quotes("“Estamos prontos”, disse Lula.", "pt") == [("Lula", "disse", "Estamos prontos")]
    assert quotes("‘Het is genoeg’, aldus De Jonge.", "nl") == [("Jonge", "aldus", "Het is genoeg")]


def test_a_genitive_after_po_slovam_is_read_back_to_the_nominative() -> None:
    text = "По словам Захаровой, «ответ будет». По словам Пескова, «ничего не решено»."
    assert quotes(text, "ru") == [
        ("Захарова", "По словам", "ответ будет"),
        ("Песков", "По словам", "ничего не решено"),
    ]


def test_a_reporting_word_with_no_name_gives_a_quotation_without_speaker() -> None:
    assert quotes("«Удар был нанесен ночью», — говорится в заявлении.", "ru") == [
        (None, "говорится", "Удар был нанесен ночью")
    ]
    assert quotes("« C'est clair », a-t-il dit.", "fr") == [(None, "a-t-il dit", "C'est clair")]


def test_marks_with_no_reporting_word_are_names_or_titles_not_quotations() -> None:
    assert quotes("Компания «Газпром» сократила поставки, сообщила газета «Коммерсантъ».", "ru") == []
