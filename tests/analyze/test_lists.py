"""Lists of people: names one after another, the words between them, and whether the sentence
is about who takes part."""

from __future__ import annotations

from spacy.language import Language

from newsprism.analyze.lists import about_taking_part
from newsprism.analyze.pipeline import analyze_doc
from newsprism.model import Analysis, Article


def analysis(nlp: Language, text: str) -> Analysis:
    return analyze_doc(nlp(text), Article(id="t", text=text))


def listed(nlp: Language, text: str) -> list[tuple[list[str], list[int], bool]]:
    found = analysis(nlp, text)
    names = {e.id: e.name for e in found.entities}
    return [([names[e] for e in ref.entities], ref.gaps, ref.taking_part) for ref in found.lists]


def test_a_delegation_is_a_list_of_who_takes_part_with_the_words_between_names(nlp: Language) -> None:
    text = "The delegation includes Sergei Lavrov, Deputy Foreign Minister Mikhail Galuzin and John Smith."
    [(people, gaps, taking_part)] = listed(nlp, text)
    assert people == ["Sergei Lavrov", "Mikhail Galuzin", "John Smith"]
    assert gaps == [4, 1] and taking_part  # ", Deputy Foreign Minister" is four words, "and" one


def test_names_not_joined_by_a_comma_or_and_are_no_list(nlp: Language) -> None:
    assert listed(nlp, "Angela Merkel met Emmanuel Macron in Paris.") == []


def test_a_name_that_describes_someone_else_is_not_listed(nlp: Language) -> None:
    text = "The team includes Mikhail Galuzin, a Putin ally, and Igor Kostyukov, Putin's aide."
    people = [names for names, _, _ in listed(nlp, text)]
    assert all("Vladimir Putin" not in names and "Putin" not in names for names in people)


def test_examples_are_not_about_taking_part(nlp: Language) -> None:
    past = analysis(nlp, "Past hosts were Jon Stewart, Ellen DeGeneres and Chris Rock.")
    assert [ref.taking_part for ref in past.lists] == [False]
    doc = nlp("The squad travelled to Lisbon. Prices rose. Fomin took part. They went home.")
    assert [about_taking_part(s) for s in doc.sents] == [True, False, True, True]
