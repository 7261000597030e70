"""Outlet pages and coverage: every outlet of the archive, the stories each covered, the registry's
facts and the user's labels, over the API and as pages; names with slashes, accents and markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

Archive = Any  # conftest.Archive: the store, a client, and one started with a labels file
SLASHED = "AC/DC Weekly"  # the outlets conftest.COVERAGE stores
ACCENTED = "Zürich Zeitung"


def path_of(name: str) -> str:
    return "/outlets/" + quote(name, safe="")


def test_the_api_lists_every_outlet_with_its_counts_busiest_first(archive: Archive) -> None:
    body = archive.client.get("/api/v1/outlets").json()
    names = [o["name"] for o in body["outlets"]]
    assert body["total"] == len(names) == 11
    assert names[0] == "Valley Courier"  # the one outlet of two stories
    courier = body["outlets"][0]
    assert (courier["story_count"], courier["article_count"]) == (2, 2)
    assert (courier["first_published"], courier["last_published"]) == ("2025-05-12", "2025-05-13")
    # An article without a source is an outlet of its own, named by its id, as stories count it.
    assert "bare-file" in names and SLASHED in names and ACCENTED in names
    reuters = next(o for o in body["outlets"] if o["name"] == "Reuters")
    assert reuters["registry"]["kind"] == "wire agency" and reuters["registry"]["parent"] == "Thomson Reuters"
    assert next(o for o in body["outlets"] if o["name"] == "bare-file")["registry"] is None


def test_the_outlet_list_pages_without_overlap(archive: Archive) -> None:
    first = archive.client.get("/api/v1/outlets", params={"limit": 5}).json()
    second = archive.client.get("/api/v1/outlets", params={"limit": 5, "offset": 5}).json()
    last = archive.client.get("/api/v1/outlets", params={"limit": 5, "offset": 10}).json()
    assert first["next_offset"] == 5 and last["next_offset"] is None
    names = [o["name"] for page in (first, second, last) for o in page["outlets"]]
    assert len(names) == len(set(names)) == 11


def test_one_outlet_with_its_stories_newest_first_paged(archive: Archive) -> None:
    body = archive.client.get("/api/v1/outlets/Valley%20Courier").json()
    assert body["outlet"]["name"] == "Valley Courier" and body["outlet"]["story_count"] == 2
    assert [s["id"] for s in body["stories"]] == ["budget", "ferry"]
    page = archive.client.get("/api/v1/outlets/Valley%20Courier", params={"limit": 1, "offset": 1}).json()
    assert [s["id"] for s in page["stories"]] == ["ferry"] and page["next_offset"] == 2
    end = archive.client.get("/api/v1/outlets/Valley%20Courier", params={"limit": 1, "offset": 2}).json()
    assert end["stories"] == [] and end["next_offset"] is None


def test_the_registry_and_the_users_labels_are_found_whatever_the_case(archive: Archive) -> None:
    body = archive.labelled.get("/api/v1/outlets" + path_of(ACCENTED)[len("/outlets") :]).json()
    assert body["outlet"]["name"] == ACCENTED
    assert body["outlet"]["registry"]["labels"] == {"lean": "centre"}
    assert body["outlet"]["registry"]["country"] == "CH"
    cnn = archive.labelled.get("/api/v1/outlets/CNN").json()["outlet"]["registry"]
    assert cnn["labels"] == {"lean": "left"} and cnn["kind"] == "broadcaster"  # shipped facts kept
    # Without the file, the server knows no labels.
    assert archive.client.get("/api/v1/outlets/CNN").json()["outlet"]["registry"]["labels"] == {}


def test_outlet_names_with_slashes_and_accents_are_reachable(archive: Archive) -> None:
    for name in (SLASHED, ACCENTED):
        encoded = quote(name, safe="")
        api = archive.client.get(f"/api/v1/outlets/{encoded}")
        assert api.status_code == 200 and api.json()["outlet"]["name"] == name
        assert [s["id"] for s in api.json()["stories"]]
        page = archive.client.get(f"/outlets/{encoded}")
        assert page.status_code == 200 and f"<h1>{name}</h1>" in page.text


def test_an_unknown_outlet_is_a_404_in_the_apis_error_shape(archive: Archive) -> None:
    for name in ("Nobody", "valley courier", "x" * 1000, "a%00b", "%F0%9F%98%80", "Valley%20Courier/"):
        response = archive.client.get(f"/api/v1/outlets/{name}")
        assert response.status_code == 404, name
        assert response.headers["content-type"].startswith("application/json")
        assert set(response.json()) == {"detail"} and "No outlet named" in response.json()["detail"]
    too_long = archive.client.get("/api/v1/outlets/" + "x" * 1001)
    assert too_long.status_code == 422 and too_long.json()["errors"][0]["loc"] == ["path", "name"]


def test_an_unknown_outlet_page_is_an_html_404(archive: Archive) -> None:
    for name in ("Nobody", "<img src=x onerror=alert(1)>", "x" * 5000, "a%00b"):
        response = archive.client.get(f"/outlets/{name}")
        assert response.status_code == 404, name
        assert response.headers["content-type"].startswith("text/html")
        assert "<img" not in response.text


def test_the_outlets_page_lists_counts_facts_labels_and_links(archive: Archive) -> None:
    page = archive.labelled.get("/outlets").text
    assert "11 outlets in this archive" in page
    for name in ("Reuters", "Valley Courier", "bare-file", SLASHED, ACCENTED):
        assert f'href="{path_of(name)}"' in page, name
    assert 'href="/outlets/AC%2FDC%20Weekly"' in page and 'href="/outlets/Z%C3%BCrich%20Zeitung"' in page
    assert "wire agency" in page and '<span class="tag">lean: left</span>' in page
    assert archive.labelled.get("/outlets", params={"offset": 100}).text.count("No more outlets") == 1
    assert archive.labelled.get("/outlets", params={"offset": -1}).status_code == 422


def test_an_outlet_page_shows_its_registry_facts_and_its_stories(archive: Archive) -> None:
    page = archive.labelled.get("/outlets/Reuters").text
    for fact in ("wire agency", "GB", "Thomson Reuters", "reuters.com"):
        assert f"<dd>{fact}" in page, fact
    assert 'href="/stories/quake"' in page and 'href="/api/v1/outlets/Reuters"' in page
    cnn = archive.labelled.get("/outlets/CNN").text
    assert "<dt>lean" in cnn and "<dd>left</dd>" in cnn
    assert "Not in the outlet registry" in archive.labelled.get("/outlets/bare-file").text
    accented = archive.labelled.get(path_of(ACCENTED)).text
    assert "<dt>In the registry as</dt><dd>zürich zeitung</dd>" in accented and "<dd>centre</dd>" in accented


def test_an_outlet_page_is_paged_newest_first(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.web.coverage_pages as pages

    monkeypatch.setattr(pages, "STORIES_PER_PAGE", 1)
    client = TestClient(archive.client.app)
    first = client.get("/outlets/Valley%20Courier").text
    assert 'href="/stories/budget"' in first and 'href="/stories/ferry"' not in first
    assert 'rel="next" href="/outlets/Valley%20Courier?offset=1"' in first
    second = client.get("/outlets/Valley%20Courier", params={"offset": 1}).text
    assert 'href="/stories/ferry"' in second and 'rel="prev" href="/outlets/Valley%20Courier"' in second


def test_story_lists_and_story_pages_link_their_outlets(archive: Archive) -> None:
    listing = archive.client.get("/").text
    assert f'<a class="outlet-link" href="{path_of(SLASHED)}">{SLASHED}</a>' in listing
    assert 'href="/outlets/bare-file"' in listing
    story = archive.client.get("/stories/ferry").text
    assert 'href="/outlets/AC%2FDC%20Weekly"' in story and 'href="/outlets/Fox%20News"' in story


def test_markup_in_an_outlet_name_is_shown_as_text(archive: Archive) -> None:
    from newsprism.model import Article
    from newsprism.store import NewArticle

    hostile = "<script>alert(1)</script> Daily"
    archive.store.add_articles(
        [
            NewArticle(
                Article(id="h1", text="A hostile outlet's report.", source=hostile), {}, {}, b"", "hostile"
            )
        ]
    )
    for path in ("/outlets", path_of(hostile), "/"):
        page = archive.client.get(path).text
        assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Daily" in page, path


def test_the_story_api_groups_its_outlets_by_the_users_labels(archive: Archive) -> None:
    quake = archive.labelled.get("/api/v1/stories/quake").json()
    assert quake["outlets_by_label"] == {
        "lean": {"groups": {"left": ["CNN"]}, "unlabelled": ["Harbour Gazette", "Reuters"]},
        "region": {"groups": {"coast": ["Harbour Gazette"]}, "unlabelled": ["CNN", "Reuters"]},
    }
    ferry = archive.labelled.get("/api/v1/stories/ferry").json()["outlets_by_label"]["lean"]
    assert ferry["groups"] == {"right": ["Fox News"]}
    storm = archive.labelled.get("/api/v1/stories/storm").json()["outlets_by_label"]["lean"]
    assert storm["groups"] == {"centre": [ACCENTED]}  # the registry's lower-case name still matches
    # Without a labels file there is nothing to group by.
    assert archive.client.get("/api/v1/stories/quake").json()["outlets_by_label"] == {}


def test_the_story_page_groups_its_outlets_by_the_users_labels(archive: Archive) -> None:
    page = archive.labelled.get("/stories/quake").text
    groups = page[page.index('class="label-groups') : page.index("</dl>")]
    assert "<dt>By lean</dt>" in groups and "<dt>By region</dt>" in groups
    assert '<span class="tag">left</span> <a class="outlet-link" href="/outlets/CNN">CNN</a>' in groups
    assert '<span class="tag unlabelled">unlabelled</span>' in groups
    assert 'class="label-groups' not in archive.client.get("/stories/quake").text


def test_a_page_kept_without_labels_is_not_served_by_a_server_with_labels(archive: Archive) -> None:
    from newsprism.web.pages import prerender_pages

    assert prerender_pages(archive.store, ["quake"]) == 1
    assert 'class="label-groups' not in archive.client.get("/stories/quake").text
    assert 'class="label-groups' in archive.labelled.get("/stories/quake").text


def test_coverage_needs_the_read_token_when_one_is_set(archive: Archive) -> None:
    from newsprism.web import WebSettings, create_app

    client = TestClient(create_app(archive.store, WebSettings(read_token="secret")))
    paths = ["/outlets", "/outlets/Reuters", "/blindspots", "/api/v1/outlets", "/api/v1/outlets/Reuters"]
    paths.append("/api/v1/blindspots?label=lean&value=left")
    for path in paths:
        assert client.get(path).status_code == 401, path
        assert client.get(path, headers={"Authorization": "Bearer secret"}).status_code == 200, path
