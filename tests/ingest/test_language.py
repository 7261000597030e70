"""The language of an article: the shipped model tells languages a word list cannot, and a text too
short to tell defaults to English."""

from __future__ import annotations

import pytest

from newsprism.ingest.language import guess_language

SAMPLES = {
    "en": "The minister said that the talks with the delegation were over and that a deal was close.",
    "de": "Der Minister sagte, dass die Gespräche mit der Delegation nicht beendet sind und eine Einigung "
    "auf dem Tisch liegt, die auch für die Nachbarn gilt.",
    "fr": "Le ministre a déclaré que les discussions avec la délégation sont terminées et qu'un accord est "
    "dans les mains des négociateurs pour une paix qui a été promise.",
    "es": "El ministro dijo que las conversaciones con los delegados fueron largas, pero el acuerdo está "
    "cerca y también sus socios lo apoyan entre todos.",
    "it": "Il ministro ha detto che i colloqui con la delegazione sono finiti e che anche gli alleati non "
    "sono contrari alla proposta più recente nel documento.",
    "pt": "O ministro disse que as conversas com os delegados foram longas, mas o acordo não foi assinado "
    "pelo governo e são esperadas novas reuniões em breve ao longo da semana.",
    "nl": "De minister zei dat het overleg met de delegatie niet voorbij is en dat een akkoord ook voor de "
    "buurlanden bij de top werd besproken op het ministerie.",
    "ru": "Министр заявил, что переговоры с делегацией завершены и соглашение близко.",
    # Scripts and neighbours a function-word list confused: Ukrainian is not Russian, Turkish and
    # Polish are not English.
    "uk": "Міністр заявив, що переговори з делегацією завершено і угода вже близька.",
    "tr": "Bakan, heyetle yapılan görüşmelerin sona erdiğini ve anlaşmanın yakın olduğunu söyledi.",
    "pl": "Minister powiedział, że rozmowy z delegacją zakończyły się, a porozumienie jest blisko.",
    "ar": "قال الوزير إن المحادثات مع الوفد انتهت وإن الاتفاق أصبح قريبا.",
    "zh": "部长说，与代表团的会谈已经结束，协议即将达成。",
}


@pytest.mark.parametrize(("code", "text"), SAMPLES.items())
def test_each_supported_language_is_recognised(code: str, text: str) -> None:
    assert guess_language(text) == code


@pytest.mark.parametrize("text", ["", "12 34 56", "OK", "Kyiv, 2025"])
def test_thin_evidence_falls_back_to_english(text: str) -> None:
    assert guess_language(text) == "en"
