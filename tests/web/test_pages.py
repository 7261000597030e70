"""The pages: the story list, a story laid out from the real pipeline's output, escaping, 404s."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

STORY_ID = "ferry-2025"


def test_story_list_shows_titles_outlets_counts_and_dates(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.text
    assert f'href="/stories/{STORY_ID}"' in page
    assert "Council budget vote" in page
    assert "Millbrook Gazette" in page and "Valley Courier" in page
    assert "2 articles" in page and "2 outlets" in page
    assert "4 March 2025" in page
    assert '<input id="site-q" type="search" name="q" value=""' in page


def test_search_box_passes_q_and_keeps_it(client: TestClient, store: Any) -> None:
    page = client.get("/", params={"q": "budget"}).text
    assert store.calls[-1] == (
        "list_stories",
        {"since": None, "search": "budget", "limit": 30, "offset": 0, "language": None},
    )
    assert 'value="budget"' in page
    assert "Council budget vote" in page and f"/stories/{STORY_ID}" not in page
    assert "No story matches" in client.get("/", params={"q": "zebra"}).text


def test_story_page_puts_the_sources_side_by_side(client: TestClient) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    assert 'id="src-A"' in page and 'id="src-B"' in page
    assert "Millbrook Gazette" in page and "Valley Courier" in page
    assert "Flooding on the Wren River closed the Millbrook ferry" in page
    assert "The Millbrook ferry was closed on Monday" in page


def test_story_page_highlights_each_kind_of_fact(client: TestClient) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    for status in ("corroborated", "single_source", "disputed"):
        assert re.search(rf'<li id="[AB]-s\d+" class="s {status}"', page), status
    # The disputed figure, with what each outlet says.
    assert re.search(r'<td class="value">40</td>', page) and re.search(r'<td class="value">60</td>', page)


def test_story_page_shows_actors_roles_quotes_timeline_and_brief(client: TestClient) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    assert "Tomas Vidal" in page
    assert '<span class="role">Harbour master</span>' in page
    assert '<span class="role">Port official</span>' in page
    assert "Quotes by speaker" in page and "“We will reopen when the water falls”" in page
    assert '<time datetime="2025-03-03">3 March 2025</time>' in page
    brief = page.split('id="brief"', 1)[1].split("</section>", 1)[0]
    assert 'class="chip" href="#src-A"' in brief and 'class="chip" href="#src-B"' in brief
    assert f'href="/api/v1/stories/{STORY_ID}/comparison"' in page


def test_script_tags_in_titles_and_text_are_shown_as_text(client: TestClient) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # headline
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page  # a sentence of the text
    listing = client.get("/").text
    assert "<script>alert" not in listing and "&lt;script&gt;alert(1)" in listing


def test_only_http_links_are_followed(client: TestClient) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    assert 'href="https://gazette.example/ferry"' in page
    assert "javascript:" not in page


def test_pages_forbid_inline_script(client: TestClient) -> None:
    response = client.get(f"/stories/{STORY_ID}")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert '<script src="/static/story.js" defer></script>' in response.text
    assert client.get("/static/story.js").status_code == 200


def test_story_page_shows_the_place_day_and_people_that_hold_the_story_together(client: TestClient) -> None:
    text = client.get(f"/stories/{STORY_ID}").text
    held = text[text.index('class="held') :]
    held = held[: held.index("</p>")].casefold()
    for shown in ("2025-03-03", "wren river", "vidal"):
        assert shown in held


def test_a_story_without_its_comparison_says_so(client: TestClient) -> None:
    response = client.get("/stories/pending-1")
    assert response.status_code == 200
    assert "Comparison not computed yet" in response.text


def test_missing_story_and_unknown_page_are_html_404s(client: TestClient) -> None:
    for path in ("/stories/no-such-story", "/no/such/page"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "Not found" in response.text


def test_bad_page_parameters_are_an_html_422(client: TestClient) -> None:
    response = client.get("/", params={"offset": "-3"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")


def test_story_list_shows_each_storys_languages_as_filter_links(client: TestClient, store: Any) -> None:
    page = client.get("/").text
    assert page.count('href="/?language=en"') == 2 and page.count('href="/?language=es"') == 1
    filtered = client.get("/", params={"language": "es"}).text
    assert store.calls[-1][1]["language"] == "es"
    assert "Council budget vote" in filtered and f"/stories/{STORY_ID}" not in filtered
    assert "Only stories with an article in es" in filtered and '<a href="/">All languages</a>' in filtered
    assert "No story has an article in ru." in client.get("/", params={"language": "ru"}).text
    assert (
        "No story in ru matches “budget”." in client.get("/", params={"q": "budget", "language": "ru"}).text
    )


def test_story_list_paging_links_keep_the_language_and_the_search(client: TestClient, store: Any) -> None:
    store.stories = [replace(store.stories[1], id=f"vote-{i}") for i in range(31)]
    first = client.get("/", params={"q": "budget", "language": "es"}).text
    assert 'href="/?q=budget&amp;language=es&amp;offset=30"' in first
    assert '<a href="/?q=budget">All languages</a>' in first
    second = client.get("/", params={"language": "es", "offset": 30}).text
    assert 'href="/?language=es&amp;offset=0"' in second


@pytest.mark.parametrize("language", ["EN1", "EN", "", "engl", "é", "ру", "en-GB"])
def test_a_bad_language_on_the_story_list_is_an_html_422(
    client: TestClient, store: Any, language: str
) -> None:
    response = client.get("/", params={"language": language})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert not [c for c in store.calls if c[0] == "list_stories"]


def test_a_story_id_with_markup_is_escaped_on_the_404_page(client: TestClient) -> None:
    response = client.get("/stories/<img src=x onerror=alert(1)>")
    assert response.status_code == 404
    assert "<img" not in response.text
