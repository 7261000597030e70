"""Coverage under /api/v1: the archive's outlets, the stories each covered, and blindspots.

A blindspot is a story many outlets covered but none carrying a label of the user's own
(`{"lean": "left"}` in their outlets file): what aggregators show from their ratings, computed
here from the user's archive and labels. Like the rest of the API, every rule a parameter must
follow is stated in the OpenAPI document, so a request that follows it is never refused as invalid.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status

from newsprism.web.api import ERRORS, Limit, Offset
from newsprism.web.auth import require_read
from newsprism.web.body import unprocessable
from newsprism.web.coverage_schemas import BlindspotList, OutletList, OutletOut, OutletStories
from newsprism.web.outlet_labels import outlets_labelled
from newsprism.web.schemas import TEXT_PATTERN, ErrorOut, Pattern, StoryOut, check_body, next_offset
from newsprism.web.settings import WebSettings
from newsprism.web.store_api import OutletSummaryLike, StoreAPI

MAX_LABEL = 100
DEFAULT_MIN_OUTLETS = 3
MAX_MIN_OUTLETS = 1000
LABEL_RULE = "At least one character other than white space; no NUL characters or unpaired surrogates."

OutletName = Annotated[
    str,
    Path(
        min_length=1,
        max_length=1000,
        description="The outlet as stories list it (its articles' source, else an article id); "
        "URL-encoded, slashes included.",
    ),
]
LabelText = Annotated[str, Pattern(TEXT_PATTERN)]
MinOutlets = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_MIN_OUTLETS,
        description=f"Only stories covered by at least this many outlets, 1 to {MAX_MIN_OUTLETS}.",
    ),
]


def checked_label(value: str, name: str) -> str:
    """A label key or value, stripped; 422 for a blank one or one no store could hold."""
    try:
        return check_body(value).strip()
    except ValueError as err:
        raise unprocessable(f"Invalid request: query.{name}: {err}.") from None


def known_outlet(store: StoreAPI, name: str) -> OutletSummaryLike:
    """The outlet of exactly this name in the archive, or 404 (also for a name no store can hold)."""
    try:
        check_body(name)
    except ValueError:
        outlet = None
    else:
        outlet = store.get_outlet(name)
    if outlet is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No outlet named {name!r} in this archive.")
    return outlet


def coverage_router(store: StoreAPI, settings: WebSettings) -> APIRouter:
    """The /api/v1 coverage routes over `store`, with the access rules and registry of `settings`."""

    def reader(request: Request) -> None:
        require_read(request, settings)

    router = APIRouter(prefix="/api/v1", responses=ERRORS, dependencies=[Depends(reader)], tags=["outlets"])
    registry = settings.outlets

    @router.get("/outlets", summary="List the archive's outlets")
    def list_outlets(limit: Limit = 50, offset: Offset = 0) -> OutletList:
        """Every outlet of the archive with its counts and what the registry knows of it, those that
        covered the most stories first."""
        outlets = store.list_outlets(limit=limit, offset=offset)
        return OutletList(
            outlets=[OutletOut.of(o, registry) for o in outlets],
            total=store.count_outlets(),
            limit=limit,
            offset=offset,
            next_offset=next_offset(outlets, limit, offset),
        )

    @router.get(
        "/outlets/{name:path}",
        summary="One outlet and the stories it covered",
        responses={404: {"model": ErrorOut, "description": "No outlet of this name in the archive."}},
    )
    def get_outlet(name: OutletName, limit: Limit = 50, offset: Offset = 0) -> OutletStories:
        """The outlet's counts and registry facts, and a page of the stories it covered, newest first."""
        outlet = known_outlet(store, name)
        stories = store.outlet_stories(outlet.name, limit=limit, offset=offset)
        return OutletStories(
            outlet=OutletOut.of(outlet, registry),
            stories=[StoryOut.of(s) for s in stories],
            limit=limit,
            offset=offset,
            next_offset=next_offset(stories, limit, offset),
        )

    @router.get("/blindspots", summary="Stories no outlet of a label covered")
    def list_blindspots(
        label: Annotated[
            LabelText,
            Query(min_length=1, max_length=MAX_LABEL, description=f"A label key, such as lean. {LABEL_RULE}"),
        ],
        value: Annotated[
            LabelText,
            Query(
                min_length=1,
                max_length=MAX_LABEL,
                description=f"The label's value, such as left. {LABEL_RULE}",
            ),
        ],
        min_outlets: MinOutlets = DEFAULT_MIN_OUTLETS,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> BlindspotList:
        """Stories covered by at least `min_outlets` outlets, none of which the server's outlets
        file (NEWSPRISM_OUTLETS) labels `label` = `value` (any case), newest first.

        Without such a file, or when no outlet carries the label, no outlet is excluded and every
        story with enough outlets is listed: `labelled_outlets` is then empty.
        """
        key, wanted = checked_label(label, "label"), checked_label(value, "value")
        labelled = outlets_labelled(registry, key, wanted)
        stories = store.blindspots(labelled, min_outlets=min_outlets, limit=limit, offset=offset)
        return BlindspotList.of(
            stories,
            label=key,
            value=wanted,
            min_outlets=min_outlets,
            labelled_outlets=labelled,
            limit=limit,
            offset=offset,
            next_offset=next_offset(stories, limit, offset),
        )

    return router
