"""Inputs for the throughput and memory benchmarks: a real corpus when present, else a synthetic one.

The speed target is stated against real news text, so `load_articles` reads the PolNeAR
development texts from the shared evaluation folder when it exists (read in place, never copied
into the repository). Elsewhere, and for the 10,000-article memory run, `synthetic_articles`
writes news-like articles from our own templates: a cast of people, organisations and places
per story, titles and roles, dated events, figures, direct and reported quotes, and the odd
line from the seed articles in `examples/`. Surnames and place names are built from syllables
so that, like a real feed, the stream keeps bringing words the vocabulary has not seen; a
generator with a closed word list would hide exactly the string-store growth the memory
benchmark is there to catch.

    python bench/corpus.py OUT.jsonl [--n 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from newsprism.model import Article

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
SEEDS = ROOT / "examples"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Anna Maria Olena Sergei Ahmed Fatima Kwame Li Wei Hiroshi Priya Carlos Lucia Tomas "
    "Ingrid Mehmet Ayse Dmitri Yusuf Grace John Sarah David Elena Pavel Nadia Omar Leila "
    "Jorge Ana Marek Zofia Kofi Amara Raj Sunita Kenji Yuki Mateo Sofia Lars Freya Ibrahim "
    "Noor Viktor Irina Samuel Ruth Andre Claire Hans Greta Diego Camila Arjun Meera Tariq "
    "Salma Boris Katya"
)
SYLLABLES = _words(
    "ka lo ven mar tin sel dor rav ni ko zhu bar gal fen tor mil san del vik ros han per lin "
    "mor tes qua bel dra gor ish ul ard eph ny tsa vol kur ben sho mae ric"
)
SURNAME_ENDINGS = ("", "ov", "enko", "son", "ez", "ski", "ani", "ova", "berg", "i", "ar", "ides", "ovic")
PLACE_ENDINGS = ("burg", "ville", "ovo", "abad", "stad", "port", "ia", "grad", " Heights", " Valley")
COUNTRIES = _words(
    "France Germany Kenya Brazil India Japan Turkey Poland Canada Mexico Egypt Norway Chile "
    "Vietnam Ghana Spain Italy Peru Indonesia Morocco"
)
OUTLETS = (
    "the Daily Ledger",
    "Northern Wire",
    "the Evening Courier",
    "Radio Meridian",
    "the Harbor Gazette",
    "Channel Nine News",
    "the Capital Observer",
    "Reuters",
    "the Associated Press",
    "Agence France-Presse",
)
ORG_FORMS = (
    "{P} City Council",
    "the {P} Port Authority",
    "{S} Holdings",
    "the Ministry of {D}",
    "the {P} Workers' Union",
    "{S} & {S2} LLP",
    "the National {D} Agency",
    "{P} University",
)
DOMAINS = ("Finance", "Health", "Defense", "Transport", "Energy", "Education", "Agriculture", "Justice")
ROLES = (
    "Deputy {D} Minister",
    "{D} Minister",
    "Mayor",
    "Senator",
    "chief executive",
    "spokeswoman",
    "spokesman",
    "Judge",
    "Governor",
    "union leader",
    "economist",
    "police chief",
)
TOPICS = {
    "budget": ("budget", "spending plan", "tax cuts", "deficit", "public debt", "pension reform"),
    "flood": ("floods", "evacuation", "river levels", "emergency shelters", "relief funds", "rainfall"),
    "election": ("vote", "ballots", "turnout", "coalition talks", "campaign", "recount"),
    "trade": ("tariffs", "trade deal", "exports", "customs checks", "supply chains", "grain shipments"),
    "strike": ("strike", "wage talks", "walkout", "picket lines", "pay offer", "shift patterns"),
    "court": ("ruling", "appeal", "indictment", "testimony", "verdict", "hearing"),
}
SPEECH = ("said", "told reporters", "warned", "argued", "insisted", "added", "claimed", "noted")
MONTHS = _words("January February March April May June July August September October November December")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
SMALL = _words("two three four five six seven eight nine ten twelve fifteen twenty")


@dataclass(slots=True)
class _Cast:
    people: list[tuple[str, str, str]]  # (first, last, role)
    orgs: list[str]
    places: list[str]
    topic: tuple[str, ...]
    outlet: str
    published: date


def _word(rng: random.Random, endings: Iterable[str]) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return (stem + rng.choice(tuple(endings))).capitalize()


def _cast(rng: random.Random, published: date) -> _Cast:
    places = [_word(rng, PLACE_ENDINGS) for _ in range(rng.randint(1, 2))] + [rng.choice(COUNTRIES)]
    people = []
    for _ in range(rng.randint(3, 6)):
        role = rng.choice(ROLES).format(D=rng.choice(DOMAINS))
        people.append((rng.choice(FIRST), _word(rng, SURNAME_ENDINGS), role))
    orgs = [
        rng.choice(ORG_FORMS).format(
            P=rng.choice(places), S=people[0][1], S2=_word(rng, SURNAME_ENDINGS), D=rng.choice(DOMAINS)
        )
        for _ in range(rng.randint(1, 3))
    ]
    topic = TOPICS[rng.choice(sorted(TOPICS))]
    return _Cast(people, orgs, places, topic, rng.choice(OUTLETS), published)


def _when(rng: random.Random, pub: date) -> str:
    past = pub - timedelta(days=rng.randint(1, 400))
    options = (
        f"on {rng.choice(WEEKDAYS)}",
        "last week",
        "earlier this month",
        f"on {MONTHS[past.month - 1]} {past.day}",
        f"on {past.day} {MONTHS[past.month - 1]} {past.year}",
        f"in {past.year}",
        f"{rng.choice(SMALL)} days ago",
        "next month",
        f"by the end of {pub.year + rng.randint(0, 2)}",
        f"at {rng.randint(1, 12)}:{rng.choice(('00', '15', '30', '45'))} p.m. on {rng.choice(WEEKDAYS)}",
    )
    return rng.choice(options)


def _amount(rng: random.Random) -> str:
    options = (
        f"{rng.randint(2, 9999):,} people",
        f"${rng.randint(1, 950)}.{rng.randint(1, 9)} million",
        f"{rng.randint(1, 99)} percent",
        f"about {rng.choice(SMALL)} hundred families",
        f"{rng.randint(1, 40)}.{rng.randint(0, 9)}%",
        f"more than {rng.randint(10, 90)},000 tonnes",
        f"{rng.choice(SMALL)} officials",
        f"€{rng.randint(2, 80)} billion",
    )
    return rng.choice(options)


def _sentence(rng: random.Random, c: _Cast, introduced: set[int]) -> str:
    i = rng.randrange(len(c.people))
    first, last, role = c.people[i]
    # A person is introduced with full name and role once, then by surname, as news copy does.
    if i in introduced:
        who = last
    else:
        who = f"{role} {first} {last}" if role[0].isupper() else f"{first} {last}, the {role},"
    introduced.add(i)
    org, place, thing = rng.choice(c.orgs), rng.choice(c.places), rng.choice(c.topic)
    other = rng.choice(c.topic)
    templates = (
        f'"We cannot accept {thing} that leaves {place} behind," {who} {rng.choice(SPEECH)}.',
        f"{who} {rng.choice(SPEECH)} that {org} would review the {thing} {_when(rng, c.published)}.",
        f"According to {c.outlet}, {_amount(rng)} were affected by the {thing} in {place}.",
        f"{org[0].upper() + org[1:]} announced {_when(rng, c.published)} that "
        f"{_amount(rng)} had been set aside for {other}.",
        f'"This is not over," {who} told {c.outlet}. "The {thing} will cost us {_amount(rng)}."',
        f"The {thing} followed weeks of {other} in {place}, where {_amount(rng)} gathered "
        f"{_when(rng, c.published)}.",
        f"Officials in {place} expect {_amount(rng)} to be involved before the {other} ends.",
        f"{who} said the figures showed {_amount(rng)} more than a year earlier, a claim {org} disputed.",
        f"Critics noted that {org} had promised {_amount(rng)} {_when(rng, c.published)} but delivered less.",
        f"Asked about the {thing}, {who} declined to comment, {c.outlet} reported.",
    )
    return rng.choice(templates)


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if len(ln.split()) > 8]
    return lines


def synthetic_articles(n: int, seed: int = 7) -> Iterator[Article]:
    """`n` deterministic news-like articles of roughly 300-600 words, generated lazily."""
    rng = random.Random(seed)
    seed_lines = _seed_lines()
    start = date(2024, 1, 1)
    for k in range(n):
        published = start + timedelta(days=rng.randint(0, 540))
        cast = _cast(rng, published)
        target = rng.randint(300, 600)
        introduced: set[int] = set()
        paragraphs: list[str] = []
        words = 0
        while words < target:
            if seed_lines and rng.random() < 0.08:
                para = rng.choice(seed_lines)
            else:
                para = " ".join(_sentence(rng, cast, introduced) for _ in range(rng.randint(1, 3)))
            paragraphs.append(para)
            words += len(para.split())
        last = cast.people[0][1]
        title = f"{last} faces questions over {cast.topic[0]} in {cast.places[0]}"
        yield Article(
            id=f"syn-{seed}-{k:06d}",
            title=title,
            text=title + "\n\n" + "\n\n".join(paragraphs),
            source=cast.outlet.removeprefix("the ").title(),
            url=f"https://example.org/{seed}/{k}",
            published=published.isoformat(),
        )


def story_corpus(n: int, seed: int = 11, copy_rate: float = 0.15) -> Iterator[tuple[Article, str]]:
    """`n` articles grouped in events, with the event each belongs to (the gold story).

    Each event has its own cast and topic and is reported by one to six outlets in their own
    words, within two days of it; some reports are wire copies of another with a new headline
    and a credit line. Articles come out in publication order, events overlapping, as a feed
    delivers them. Surnames are built from syllables, so events rarely share people by chance:
    the hard cases are the shared topics, countries and outlets.
    """
    rng = random.Random(seed)
    seed_lines = _seed_lines()
    clock = datetime(2024, 1, 1)
    pending: list[tuple[datetime, int, Article, str]] = []
    made = emitted = 0
    event = 0
    while emitted < n:
        while made < n and (not pending or pending[0][0] <= clock + timedelta(hours=12)):
            event += 1
            cast = _cast(rng, clock.date())
            reports: list[Article] = []
            for r in range(min(n - made, rng.randint(1, 6))):
                when = clock + timedelta(minutes=rng.randint(0, 48 * 60))
                cast.outlet = rng.choice(OUTLETS)
                if reports and rng.random() < copy_rate:
                    base = rng.choice(reports)
                    title = f"{base.title} ({cast.outlet.removeprefix('the ').title()})"
                    text = f"{title}\n\n{base.text.split(chr(10), 2)[-1]}\n\nReporting by the wire desk."
                else:
                    introduced: set[int] = set()
                    paragraphs = []
                    while sum(len(p.split()) for p in paragraphs) < rng.randint(250, 500):
                        if seed_lines and rng.random() < 0.05:
                            paragraphs.append(rng.choice(seed_lines))
                        else:
                            paragraphs.append(" ".join(_sentence(rng, cast, introduced) for _ in range(2)))
                    person = cast.people[0]
                    title = rng.choice(
                        (
                            f"{person[1]} faces questions over {cast.topic[0]} in {cast.places[0]}",
                            f"{cast.places[0]}: {person[2]} {person[1]} under pressure on {cast.topic[0]}",
                            f"{cast.orgs[0]} and the {cast.topic[0]} row in {cast.places[0]}",
                        )
                    )
                    text = title + "\n\n" + "\n\n".join(paragraphs)
                article = Article(
                    id=f"ev-{seed}-{event:06d}-{r}",
                    title=title,
                    text=text,
                    source=cast.outlet.removeprefix("the ").title(),
                    published=when.isoformat(timespec="minutes"),
                )
                reports.append(article)
                heapq.heappush(pending, (when, made, article, f"event-{event}"))
                made += 1
            clock += timedelta(minutes=rng.randint(5, 60))
        when, _, article, story = heapq.heappop(pending)
        emitted += 1
        yield article, story


def article_row(article: Article) -> dict[str, str | None]:
    """The JSON Lines row the ingest contract reads back into the same Article."""
    return {
        "id": article.id, "title": article.title, "text": article.text, "source": article.source,
        "url": article.url, "published": article.published,
    }  # fmt: skip


def write_jsonl(articles: Iterable[Article], path: Path) -> int:
    """Stream `articles` to a JSON Lines file; returns how many were written."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article_row(article), ensure_ascii=False) + "\n")
            count += 1
    return count


def polnear_articles(path: Path = POLNEAR, limit: int | None = None) -> list[Article]:
    """The first `limit` articles of the shared PolNeAR file, read in place through ingest."""
    from newsprism.ingest import read_jsonl_file

    out: list[Article] = []
    for item in read_jsonl_file(path):
        if isinstance(item, Article):
            out.append(item)
            if limit is not None and len(out) >= limit:
                break
    return out


def load_articles(
    path: Path | None = None, limit: int = 300, seed: int = 7, synthetic: bool = False
) -> tuple[str, list[Article]]:
    """(description, articles): the given or default real corpus when present, else synthetic text."""
    corpus = path or POLNEAR
    if corpus.exists() and not synthetic:
        return str(corpus), polnear_articles(corpus, limit)
    if path is not None:
        raise FileNotFoundError(corpus)
    return f"synthetic (seed {seed})", list(synthetic_articles(limit, seed))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"wrote {write_jsonl(synthetic_articles(args.n, args.seed), args.out)} articles to {args.out}")


if __name__ == "__main__":
    main()
