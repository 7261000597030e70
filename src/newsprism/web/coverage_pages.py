"""The coverage pages: every outlet, one outlet's stories, and blindspots by the user's labels.

They show what the coverage API answers (coverage_api.py), with the same rules for parameters:
the query values are checked by the same functions, so a page and the API refuse the same input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from newsprism.web.coverage_api import (
    DEFAULT_MIN_OUTLETS,
    MAX_LABEL,
    MAX_MIN_OUTLETS,
    checked_label,
    known_outlet,
)
from newsprism.web.coverage_schemas import OutletOut
from newsprism.web.outlet_labels import label_values, outlets_labelled
from newsprism.web.schemas import MAX_OFFSET, StoryOut, next_offset
from newsprism.web.settings import WebSettings
from newsprism.web.store_api import StoreAPI

STORIES_PER_PAGE = 30
OUTLETS_PER_PAGE = 100

Gate = Callable[[Request], Response | None]
PageOffset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def page_href(path: str, params: dict[str, Any], offset: int | None) -> str | None:
    """The link to another page of a list, or None when there is no such page."""
    if offset is None:
        return None
    query = urlencode({**params, "offset": offset} if offset else params)
    return f"{path}?{query}" if query else path


def _pages(path: str, params: dict[str, Any], items: list[Any], size: int, offset: int) -> dict[str, Any]:
    previous = max(offset - size, 0) if offset else None
    return {
        "offset": offset,
        "previous_href": page_href(path, params, previous),
        "next_href": page_href(path, params, next_offset(items, size, offset)),
    }


def add_coverage_pages(
    router: APIRouter, store: StoreAPI, settings: WebSettings, env: Environment, gate: Gate
) -> None:
    """Add /outlets, /outlets/{name} and /blindspots to the pages' router; `gate` asks for the
    read token as every page does."""
    registry = settings.outlets

    def html(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(q="", **context))

    @router.get("/outlets", response_class=HTMLResponse)
    def outlets_page(request: Request, offset: PageOffset = 0) -> Response:
        if (redirect := gate(request)) is not None:
            return redirect
        outlets = list(store.list_outlets(limit=OUTLETS_PER_PAGE, offset=offset))
        return html(
            "outlets.html.j2",
            outlets=[OutletOut.of(o, registry) for o in outlets],
            total=store.count_outlets(),
            **_pages("/outlets", {}, outlets, OUTLETS_PER_PAGE, offset),
        )

    # `:path`, so that an outlet named with a slash ("AC/DC", sent as AC%2FDC) has its page too.
    @router.get("/outlets/{name:path}", response_class=HTMLResponse)
    def outlet_page(request: Request, name: str, offset: PageOffset = 0) -> Response:
        if (redirect := gate(request)) is not None:
            return redirect
        outlet = known_outlet(store, name)
        stories = list(store.outlet_stories(outlet.name, limit=STORIES_PER_PAGE, offset=offset))
        path = "/outlets/" + quote(outlet.name, safe="")
        return html(
            "outlet.html.j2",
            outlet=OutletOut.of(outlet, registry),
            stories=[StoryOut.of(s) for s in stories],
            **_pages(path, {}, stories, STORIES_PER_PAGE, offset),
        )

    @router.get("/blindspots", response_class=HTMLResponse)
    def blindspots_page(
        request: Request,
        label: Annotated[str | None, Query(max_length=MAX_LABEL)] = None,
        value: Annotated[str | None, Query(max_length=MAX_LABEL)] = None,
        min_outlets: Annotated[int, Query(ge=1, le=MAX_MIN_OUTLETS)] = DEFAULT_MIN_OUTLETS,
        offset: PageOffset = 0,
    ) -> Response:
        if (redirect := gate(request)) is not None:
            return redirect
        labels = label_values(registry)
        # A form sent with a field blank asks for nothing yet; the API, which needs both, says 422.
        key = checked_label(label, "label") if label and label.strip() else None
        wanted = checked_label(value, "value") if value and value.strip() else None
        context: dict[str, Any] = {
            "labels": labels,
            "label": key or next(iter(labels), ""),
            "value": wanted or "",
            "min_outlets": min_outlets,
            "asked": key is not None and wanted is not None,
            "offset": offset,
        }
        if key is not None and wanted is not None:
            labelled = outlets_labelled(registry, key, wanted)
            stories = list(
                store.blindspots(labelled, min_outlets=min_outlets, limit=STORIES_PER_PAGE, offset=offset)
            )
            params = {"label": key, "value": wanted, "min_outlets": min_outlets}
            context.update(
                labelled=labelled,
                stories=[StoryOut.of(s) for s in stories],
                **_pages("/blindspots", params, stories, STORIES_PER_PAGE, offset),
            )
        return html("blindspots.html.j2", **context)
