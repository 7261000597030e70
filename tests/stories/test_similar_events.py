"""Reports of one kind of event in one town: details decide which are one story (issue 16)."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.stories.cluster import cluster_assignments


def story_sets(corpus: list[Article]) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for a in cluster_assignments(corpus):
        groups.setdefault(a.story, set()).add(a.id)
    return sorted(groups.values(), key=lambda g: sorted(g))


def report(id_: str, day: str, outlet: str, title: str, text: str) -> Article:
    return Article(id=id_, title=title, text=text, published=day, url=f"https://{outlet}/news/{id_}")


def test_two_shootings_in_one_city_a_day_apart_with_other_victims_are_two_stories():
    corpus = [
        report(
            "elm1",
            "2023-06-05",
            "kxtv.example.com",
            "Man shot on Elm Street in Fairhaven - KXTV News",
            "A 24-year-old man was shot Sunday night on Elm Street in Fairhaven, police said. "
            "Marcus Webb, 24, was taken to a hospital with wounds to the leg. "
            "Police said no arrests have been made.",
        ),
        report(
            "elm2",
            "2023-06-05",
            "ledger.example.com",
            "Fairhaven police investigate Elm Street shooting",
            "Marcus Webb was shot on Elm Street late Sunday, Fairhaven police said. The 24-year-old is "
            "expected to survive. Detectives are asking witnesses to come forward.",
        ),
        report(
            "oak1",
            "2023-06-06",
            "kxtv.example.com",
            "Woman wounded in Fairhaven shooting - KXTV News",
            "A 31-year-old woman was shot Monday night outside the Riverside Apartments on Oak Avenue in "
            "Fairhaven, police said. Tanya Ruiz, 31, was taken to a hospital. Police said no arrests have "
            "been made.",
        ),
        report(
            "oak2",
            "2023-06-06",
            "ledger.example.com",
            "Woman shot outside Fairhaven apartments",
            "Tanya Ruiz was shot outside the Riverside Apartments on Oak Avenue late Monday, Fairhaven "
            "police said. The 31-year-old was in stable condition. Detectives are asking witnesses to "
            "come forward.",
        ),
    ]
    assert story_sets(corpus) == [{"elm1", "elm2"}, {"oak1", "oak2"}]


def test_one_shooting_reported_on_three_days_with_growing_detail_is_one_story():
    corpus = [
        report(
            "day1",
            "2023-09-11",
            "wbrt.example.com",
            "Teen shot near Lincoln Park in Brookdale - WBRT News",
            "A teenager was shot Sunday evening near Lincoln Park in Brookdale, police said. The victim was "
            "taken to a hospital. Police did not release the victim's name.",
        ),
        report(
            "day2",
            "2023-09-12",
            "courier.example.com",
            "Brookdale teen shot near Lincoln Park identified",
            "Police identified the teenager shot near Lincoln Park in Brookdale on Sunday as Devon Harris, "
            "16. Harris was in critical condition Monday. Investigators said the shots came from a passing "
            "car on Grant Street.",
        ),
        report(
            "day3",
            "2023-09-13",
            "wbrt.example.com",
            "Arrest made in Lincoln Park shooting - WBRT News",
            "Brookdale police on Tuesday arrested a 19-year-old man in Sunday's shooting of Devon Harris, "
            "16, near Lincoln Park. Police said the suspect fired from a car on Grant Street. Harris remains "
            "in the hospital.",
        ),
    ]
    assert story_sets(corpus) == [{"day1", "day2", "day3"}]


def test_a_crash_and_the_lawsuit_months_later_are_one_story():
    corpus = [
        report(
            "crash1",
            "2023-02-04",
            "tribune.example.com",
            "Bus and truck collide on Route 9 near Millport",
            "A school bus and a delivery truck collided on Route 9 near Millport on Friday morning, injuring "
            "eleven children and the bus driver, Helen Porter, state police said. The truck driver, Raymond "
            "Keel, 52, was cited for running a red light.",
        ),
        report(
            "crash2",
            "2023-02-04",
            "wmpt.example.com",
            "Eleven children hurt in Route 9 bus crash",
            "Eleven children were hurt when a delivery truck ran a red light and struck their school bus on "
            "Route 9 near Millport on Friday. Bus driver Helen Porter was treated for a broken arm; Raymond "
            "Keel, the truck's driver, was cited.",
        ),
        report(
            "suit1",
            "2023-07-19",
            "tribune.example.com",
            "Families sue over Route 9 school bus crash",
            "Families of the eleven children hurt in the February school bus crash on Route 9 near Millport "
            "sued the delivery company on Wednesday. The lawsuit says its driver, Raymond Keel, ran a red "
            "light and struck the bus driven by Helen Porter.",
        ),
    ]
    assert story_sets(corpus) == [{"crash1", "crash2", "suit1"}]


def test_one_stations_reports_of_two_shootings_months_apart_are_two_stories():
    # The same station, town, wording and kind of event, five months apart, and no person in
    # common: that is the outlet speaking, not a follow-up.
    template = (
        "A man was shot {when} in the {street} area of Fairhaven, police said. Officers found him "
        "with a gunshot wound and he was taken to Fairhaven General Hospital. Police said no arrests "
        "have been made. Anyone with information is asked to call Fairhaven police."
    )
    corpus = [
        report(
            "jan",
            "2023-01-10",
            "kxtv.example.com",
            "Man shot in Fairhaven - KXTV News",
            template.format(when="Monday night", street="Birch Road"),
        ),
        report(
            "jun",
            "2023-06-13",
            "kxtv.example.com",
            "Man shot in Fairhaven - KXTV News",
            template.format(when="Monday night", street="Cedar Lane"),
        ),
    ]
    assert story_sets(corpus) == [{"jan"}, {"jun"}]


def test_a_story_followed_for_months_does_not_take_another_event_between_its_reports():
    # A shooting in January, its trial in May (the same people): one story spanning months. A
    # robbery at the same bank in March is another event, though it lies inside that span.
    corpus = [
        report(
            "shot",
            "2023-01-09",
            "ledger.example.com",
            "Guard shot during robbery at Fairhaven Savings Bank",
            "A security guard was shot Monday during a robbery at the Fairhaven Savings Bank on Main "
            "Street, police said. The guard, Dale Morrow, 58, was taken to a hospital. Police arrested "
            "Kevin Lusk, 27, a few blocks away.",
        ),
        report(
            "trial",
            "2023-05-16",
            "ledger.example.com",
            "Trial opens in Fairhaven Savings Bank shooting",
            "The trial of Kevin Lusk, 27, accused of shooting security guard Dale Morrow, 58, during a "
            "January robbery at the Fairhaven Savings Bank on Main Street, opened Monday. Police "
            "arrested Lusk a few blocks from the bank after the guard was shot, prosecutors said.",
        ),
        report(
            "march",
            "2023-03-14",
            "ledger.example.com",
            "Robbery at Fairhaven Savings Bank",
            "A robbery was reported Monday at the Fairhaven Savings Bank on Main Street, police said. "
            "No one was hurt and no arrests have been made.",
        ),
    ]
    assert story_sets(corpus) == [{"march"}, {"shot", "trial"}]


MARKET_DAY = (
    "US stocks {moved} on {day}, with the Dow Jones Industrial Average {closing} and the "
    "Nasdaq Composite {nasdaq}. Traders said worries about banks and the Federal Reserve weighed on "
    "shares of General Motors, Citigroup and Bank of America. The S&P 500 {spx}."
)


MARKET_DAYS = {
    "Thursday": (
        "2024-02-16",
        "Dow closes at lowest level in six years",
        {
            "moved": "fell sharply",
            "closing": "closing at 7,465.95 points",
            "nasdaq": "losing 2.2 percent",
            "spx": "ended at 778.94",
        },
    ),
    "Monday": (
        "2024-02-20",
        "US markets slide again on bank worries",
        {
            "moved": "slid again",
            "closing": "down 251 points at 7,114.78",
            "nasdaq": "down 3.7 percent",
            "spx": "lost 3.5 percent to 743.33",
        },
    ),
}


def market_report(id_: str, day: str) -> Article:
    """One wire site's English market report of Thursday 15 or Monday 19 February 2024."""
    published, title, figures = MARKET_DAYS[day]
    return report(id_, published, "wirenews.example.org", title, MARKET_DAY.format(day=day, **figures))


def test_one_outlets_reports_of_two_market_days_are_two_stories():
    # One site writes about the market again four days later: the same index and company names,
    # but no place, person or age of the first report. That is a new day's event, not a follow-up.
    corpus = [
        market_report("thu", "Thursday"),
        market_report("mon", "Monday"),
    ]
    assert story_sets(corpus) == [{"mon"}, {"thu"}]


def test_one_outlets_follow_up_days_later_that_names_the_same_man_is_one_story():
    corpus = [
        report(
            "fire1",
            "2024-03-04",
            "kxtv.example.com",
            "House fire on Birch Road in Fairhaven - KXTV News",
            "A house fire on Birch Road in Fairhaven injured one man on Sunday night, firefighters said. "
            "Walter Grimes, 67, was taken to a hospital with burns. The cause is under investigation.",
        ),
        report(
            "fire2",
            "2024-03-08",
            "kxtv.example.com",
            "Cause of Birch Road house fire found - KXTV News",
            "Firefighters said Thursday that a space heater caused the house fire that injured Walter "
            "Grimes, 67, in Fairhaven. Grimes remains in the hospital. The cause had been under "
            "investigation since the fire.",
        ),
    ]
    assert story_sets(corpus) == [{"fire1", "fire2"}]


def test_translations_of_two_market_day_reports_are_two_stories_of_two_languages():
    # Each day's report and its Spanish translation are one story; the two days stay apart even
    # though each story then holds two articles (a translation is not a second report).
    spanish = (
        "Las bolsas de EE. UU. {moved} el {day}: el Dow Jones Industrial Average {closing}. Los "
        "operadores dijeron que la preocupación por los bancos y la Reserva Federal pesó sobre General "
        "Motors, Citigroup y Bank of America."
    )
    corpus = [
        market_report("thu-en", "Thursday"),
        report(
            "thu-es",
            "2024-02-16",
            "wirenews.example.org",
            "El Dow cierra en su nivel más bajo en seis años",
            spanish.format(moved="cayeron con fuerza", day="jueves", closing="cerró en 7.465,95 puntos"),
        ),
        market_report("mon-en", "Monday"),
        report(
            "mon-es",
            "2024-02-20",
            "wirenews.example.org",
            "Los mercados de EE. UU. vuelven a caer",
            spanish.format(moved="volvieron a caer", day="lunes", closing="bajó 251 puntos hasta 7.114,78"),
        ),
    ]
    assert story_sets(corpus) == [{"mon-en", "mon-es"}, {"thu-en", "thu-es"}]
