"""The server-rendered pages: the story list and one story's comparison (the outlets and
blindspots pages are in coverage_pages.py).

A story page is the HTML report's view (`newsprism.render.view.build_report`) laid out in the
site's frame, with the report's own macros for provenance markers, so the web and the file
report show a comparison the same way. Everything shown is untrusted text from articles:
Jinja autoescapes every template, links are only followed for http(s) URLs, and each page
carries a Content-Security-Policy that allows no inline script (headers.py, for every HTML
response).
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from newsprism.codec import comparison_from_dict
from newsprism.lang.outlet_registry import SHIPPED, OutletRegistry
from newsprism.render.html import STATUS_LABELS
from newsprism.render.view import build_report, human_date
from newsprism.web.api import checked_query, known_story, parse_language
from newsprism.web.auth import COOKIE_NAME, TOKEN_WRONG, read_allowed, require_read
from newsprism.web.coverage_pages import add_coverage_pages
from newsprism.web.outlet_labels import group_by_labels, labels_fingerprint
from newsprism.web.schemas import LANGUAGE_PATTERN, MAX_OFFSET, StoryOut, next_offset
from newsprism.web.settings import WebSettings
from newsprism.web.sources import source_graph
from newsprism.web.store_api import StoreAPI

PAGE_SIZE = 30


def safe_url(value: str | None) -> str | None:
    """The URL when it is http(s), else None: a stored `javascript:` URL must not become a link."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def url_part(value: str) -> str:
    """A value quoted for use as one path segment or query value."""
    return quote(value, safe="")


def day(value: str | None) -> str:
    """'2025-03-04T09:00:00Z' -> '4 March 2025'; whatever cannot be read is shown as given."""
    if not value:
        return ""
    return human_date(value[:10], "day")


@cache
def environment() -> Environment:
    """The pages' templates, with the report's templates behind them for `_macros.html.j2`."""
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("newsprism.web", "templates"), PackageLoader("newsprism.render", "templates")]
        ),
        autoescape=True,  # every template, whatever its name ends with
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters.update(safe_url=safe_url, url_part=url_part, day=day)
    # Languages a list can be filtered by get a link; any other stored value is only shown.
    env.tests["language_code"] = lambda value: re.fullmatch(LANGUAGE_PATTERN, value) is not None
    return env


@cache
def report_css() -> str:
    return files("newsprism.render").joinpath("templates/report.css").read_text(encoding="utf-8")


RENDERED_PAGES = 256
"""Story pages kept rendered in memory (a few hundred KB each at most)."""


def html_page(env: Environment, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A rendered template; its Content-Security-Policy is added with every HTML response's."""
    html = env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code)


def render_story_page(
    store: StoreAPI, env: Environment, summary: Any, outlets: OutletRegistry = SHIPPED
) -> str:
    """The HTML of one story page, built from its stored comparison; its outlets are grouped by
    the labels of `outlets`."""
    story_id = summary.id
    story = StoryOut.of(summary)
    data = store.comparison(story_id)
    context: dict[str, Any] = {
        "story": story,
        "report": None,
        "q": "",
        "label_groups": group_by_labels(outlets, story.outlets),
        "graph": None,
    }
    if data is not None:
        report = build_report(comparison_from_dict(data))
        context.update(
            graph=source_graph(data),
            report=report,
            counts=Counter(view.status for view in report.facts),
            status_labels=STATUS_LABELS,
            facts_by_key={view.key: view for view in report.facts},
            fact_anchors={view.fact.id: view.anchor for view in report.facts},
            fact_keys={view.fact.id: view.key for view in report.facts},
        )
    return env.get_template("story.html.j2").render(**context)


PAGE_LAYOUT = "3"
"""Raised when the story page shows something new (2: the details that hold the story
together; 3: who cites whom, outlet links and label groups), so that pages an archive kept from
an older layout are rendered again."""


def page_version(summary: Any, outlets: OutletRegistry = SHIPPED) -> str:
    """What a story page depends on: its layout, when its story last changed, whether it is
    fresh, and the labels it groups its outlets by (a server started with another labels file
    renders its own)."""
    fresh = "stale" if summary.comparison_stale else "fresh"
    return f"{PAGE_LAYOUT}|{summary.updated_at}|{fresh}|{labels_fingerprint(outlets)}"


def prerender_pages(store: Any, story_ids: Iterable[str], outlets: OutletRegistry = SHIPPED) -> int:
    """Render and keep the pages of these stories, so the web UI serves them without building them.
    `outlets` is the registry whose labels the pages show (a server's NEWSPRISM_OUTLETS)."""
    env = environment()
    done = 0
    for story_id in story_ids:
        summary = store.get_story(story_id)
        if summary is None:
            continue
        html = render_story_page(store, env, summary, outlets)
        store.save_page(story_id, page_version(summary, outlets), html)
        done += 1
    return done


def page_router(store: StoreAPI, settings: WebSettings, env: Environment) -> APIRouter:
    """The HTML routes; with a read token configured they need it (header, cookie or `?token=`)."""
    router = APIRouter(include_in_schema=False)

    def gate(request: Request) -> Response | None:
        """A redirect that trades a `?token=` for a cookie, an error, or None to go on."""
        token = request.query_params.get("token")
        if token is not None and settings.read_token is not None:
            if not read_allowed(token, settings):
                raise HTTPException(status.HTTP_403_FORBIDDEN, TOKEN_WRONG)
            # The token leaves the address bar (and history, and Referer) at once.
            # Relative, so the Location never names a host the client made up.
            clean = request.url.remove_query_params("token")
            target = clean.path + (f"?{clean.query}" if clean.query else "")
            response = RedirectResponse(target, status_code=status.HTTP_303_SEE_OTHER)
            response.set_cookie(
                COOKIE_NAME, token, httponly=True, samesite="lax", secure=request.url.scheme == "https"
            )
            return response
        require_read(request, settings)
        return None

    @router.get("/", response_class=HTMLResponse)
    def stories_page(
        request: Request,
        q: Annotated[str | None, Query(max_length=200)] = None,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        language: str | None = None,
    ) -> Response:
        if (redirect := gate(request)) is not None:
            return redirect
        search, lang = checked_query(q, "q"), parse_language(language)
        stories = store.list_stories(search=search, limit=PAGE_SIZE, offset=offset, language=lang)
        return html_page(
            env,
            "stories.html.j2",
            stories=[StoryOut.of(s) for s in stories],
            q=search or "",
            language=lang or "",
            offset=offset,
            previous_offset=max(offset - PAGE_SIZE, 0) if offset else None,
            next_offset=next_offset(stories, PAGE_SIZE, offset),
        )

    rendered: OrderedDict[tuple[str, str], str] = OrderedDict()
    rendered_lock = threading.Lock()

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: str) -> Response:
        if (redirect := gate(request)) is not None:
            return redirect
        summary = known_story(store, story_id)
        # A story page changes only when its story or its comparison does, and building it (the
        # comparison JSON, the view, the template) costs far more than serving it. Pages are kept
        # by story version: the last ones in memory, all of them in the archive when it can hold
        # them (every ingest renders the pages of the stories it changed: store/workflow.py).
        version = page_version(summary, settings.outlets)
        key = (story_id, version)
        with rendered_lock:
            html = rendered.get(key)
            if html is not None:
                rendered.move_to_end(key)
        if html is None:
            kept = getattr(store, "page", None)
            html = kept(story_id, version) if kept else None
            if html is None:
                html = render_story_page(store, env, summary, settings.outlets)
                save = getattr(store, "save_page", None)
                if save:
                    save(story_id, version, html)
            with rendered_lock:
                rendered[key] = html
                while len(rendered) > RENDERED_PAGES:
                    rendered.popitem(last=False)
        return HTMLResponse(html)

    add_coverage_pages(router, store, settings, env, gate)

    @router.get("/static/report.css")
    def report_stylesheet() -> Response:
        # The report's own stylesheet, served from the render package rather than copied here.
        cache_control = {"Cache-Control": "public, max-age=3600"}
        return Response(report_css(), media_type="text/css", headers=cache_control)

    return router
