"""The coverage API's response bodies: outlets, the stories each covered, labels and blindspots.

An outlet is named as the archive names it (an article's source, else the article's id); what the
registry knows of it (`registry`) is looked up by that name whatever its case, so it is null for
an outlet the registry does not list.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from newsprism.lang.outlet_registry import Outlet, OutletRegistry
from newsprism.web.outlet_labels import LabelGroups, group_by_labels
from newsprism.web.schemas import Page, StoryOut, iso
from newsprism.web.store_api import OutletSummaryLike, StorySummaryLike


class RegistryFactsOut(BaseModel):
    """What the outlet registry (shipped, plus the server's NEWSPRISM_OUTLETS file) says of an outlet."""

    name: str = Field(description="The name as the registry spells it.")
    domains: list[str]
    country: str | None = Field(description="ISO 3166 country code.")
    language: str | None
    kind: str | None = Field(description="wire agency, newspaper, broadcaster or online.")
    parent: str | None = Field(description="The owning company, where public.")
    labels: dict[str, str] = Field(description="The server operator's own labels (newsprism ships none).")

    @classmethod
    def of(cls, outlet: Outlet) -> RegistryFactsOut:
        return cls(
            name=outlet.name,
            domains=list(outlet.domains),
            country=outlet.country,
            language=outlet.language,
            kind=outlet.kind,
            parent=outlet.parent,
            labels=dict(outlet.labels),
        )


class OutletOut(BaseModel):
    name: str = Field(description="The outlet as stories list it: an article's source, else its id.")
    story_count: int = Field(description="Stories with at least one of its articles.")
    article_count: int = Field(description="Its articles in the archive.")
    first_published: str | None = Field(description="ISO 8601: its earliest article's publication.")
    last_published: str | None = Field(description="ISO 8601: its latest article's publication.")
    registry: RegistryFactsOut | None = Field(description="What the registry knows of it; null if unlisted.")

    @classmethod
    def of(cls, outlet: OutletSummaryLike, registry: OutletRegistry) -> OutletOut:
        known = registry.by_name(outlet.name)
        return cls(
            name=outlet.name,
            story_count=outlet.story_count,
            article_count=outlet.article_count,
            first_published=iso(outlet.first_published),
            last_published=iso(outlet.last_published),
            registry=RegistryFactsOut.of(known) if known else None,
        )


class OutletList(Page):
    outlets: list[OutletOut] = Field(description="Those that covered the most stories first.")
    total: int = Field(description="Outlets in the archive.")


class OutletStories(Page):
    outlet: OutletOut
    stories: list[StoryOut] = Field(description="The stories it covered, the most recently published first.")


class LabelGroupsOut(BaseModel):
    """A story's outlets split by one label key of the registry."""

    groups: dict[str, list[str]] = Field(description="The outlets of each value of the label.")
    unlabelled: list[str] = Field(description="Outlets without this label (or unknown to the registry).")

    @classmethod
    def of(cls, grouped: LabelGroups) -> LabelGroupsOut:
        return cls(groups=grouped.groups, unlabelled=grouped.unlabelled)


class StoryLabelsOut(StoryOut):
    outlets_by_label: dict[str, LabelGroupsOut] = Field(
        description=(
            "The story's outlets grouped by each label key of the server's outlets file "
            "(NEWSPRISM_OUTLETS); empty when it gives no labels."
        )
    )

    @classmethod
    def with_labels(cls, story: StorySummaryLike, registry: OutletRegistry) -> StoryLabelsOut:
        grouped = group_by_labels(registry, story.outlets)
        return cls(
            **StoryOut.of(story).model_dump(),
            outlets_by_label={g.key: LabelGroupsOut.of(g) for g in grouped},
        )


class BlindspotList(Page):
    label: str
    value: str
    min_outlets: int
    labelled_outlets: list[str] = Field(
        description=(
            "The registry's outlets whose label is the one asked for; when empty, no outlet carries "
            "it and every story with enough outlets is listed."
        )
    )
    stories: list[StoryOut] = Field(description="Newest first.")

    @classmethod
    def of(
        cls,
        stories: Sequence[StorySummaryLike],
        *,
        label: str,
        value: str,
        min_outlets: int,
        labelled_outlets: list[str],
        limit: int,
        offset: int,
        next_offset: int | None,
    ) -> BlindspotList:
        return cls(
            label=label,
            value=value,
            min_outlets=min_outlets,
            labelled_outlets=labelled_outlets,
            stories=[StoryOut.of(s) for s in stories],
            limit=limit,
            offset=offset,
            next_offset=next_offset,
        )
