"""One person spelled as each language spells them: "Zelensky", "Zelenski", "Зеленский", and
Russian renderings of foreign names ("Трамп"), are one actor of a story in several languages;
within one language two spellings stay two names."""

from __future__ import annotations

import pytest

from newsprism.compare.pipeline import compare
from newsprism.lang.names import name_key, sound_skeleton
from newsprism.model import Article, Comparison


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Zelenski", "Zelensky"),
        ("Selenskyj", "Zelensky"),
        ("Poutine", "Putin"),
        ("Трамп", "Trump"),
        ("Макрон", "Macron"),
        ("Шольц", "Scholz"),
        ("Байден", "Biden"),
    ],
)
def test_spellings_of_one_name_share_a_sound_skeleton(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)
    assert sound_skeleton(name_key(one)) == sound_skeleton(name_key(other)) is not None


@pytest.mark.parametrize(("one", "other"), [("Putin", "Pichon"), ("Macron", "Mercer"), ("Trump", "Tramble")])
def test_other_names_have_other_skeletons(one: str, other: str) -> None:
    assert sound_skeleton(name_key(one)) != sound_skeleton(name_key(other))


def test_short_names_have_no_skeleton_to_match() -> None:
    assert sound_skeleton("li") is None
    assert sound_skeleton("lee") is None


ENGLISH = Article(
    id="en",
    title="Zelensky and Trump to meet in Rome",
    text=(
        "Ukrainian President Volodymyr Zelensky will meet Donald Trump in Rome on Saturday, "
        "his office said.\n"
        "Zelensky said he would ask Trump for more air defence systems.\n"
        "Trump said the meeting would be short."
    ),
    source="English Daily",
    published="2025-04-24",
    language="en",
)
SPANISH = Article(
    id="es",
    title="Zelenski y Trump se reunirán en Roma",
    text=(
        "El presidente ucraniano, Volodímir Zelenski, se reunirá con Donald Trump en Roma el sábado, "
        "informó su oficina.\n"
        "Zelenski dijo que pedirá a Trump más sistemas de defensa aérea."
    ),
    source="Diario",
    published="2025-04-24",
    language="es",
)
RUSSIAN = Article(
    id="ru",
    title="Зеленский и Трамп встретятся в Риме",
    text=(
        "Президент Украины Владимир Зеленский в субботу встретится с Дональдом Трампом в Риме, "
        "сообщили в его офисе.\n"
        "Зеленский заявил, что попросит Трампа о дополнительных системах ПВО.\n"
        "«Встреча будет короткой», — сказал Трамп."
    ),
    source="Газета",
    published="2025-04-24",
    language="ru",
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare([ENGLISH, SPANISH, RUSSIAN])


def actor_with(comparison: Comparison, name: str) -> set[str]:
    found = [e for e in comparison.entities if name in e.aliases or e.name == name]
    assert found, f"no actor named {name!r}: {[e.name for e in comparison.entities]}"
    return set(found[0].articles)


def test_each_languages_spelling_of_one_person_is_one_actor(comparison: Comparison) -> None:
    assert actor_with(comparison, "Zelenski") >= {"en", "es"}
    assert actor_with(comparison, "Zelensky") == actor_with(comparison, "Zelenski")


def test_a_foreign_name_as_russian_renders_it_is_the_same_actor(comparison: Comparison) -> None:
    assert {"en", "ru"} <= actor_with(comparison, "Trump")


def test_two_spellings_within_one_language_stay_two_names() -> None:
    a = Article(id="a", title="Putin meets envoy", text="Putin met the envoy on Monday.", language="en")
    b = Article(
        id="b",
        title="Poutine wins cooking prize",
        text="Chef Marc Poutine won the prize on Monday.",
        language="en",
    )
    names = {e.name for e in compare([a, b]).entities}
    assert {"Putin", "Marc Poutine"} <= names
