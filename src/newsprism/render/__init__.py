"""Render a Comparison for people (Markdown, HTML) and for programs (JSON).

`render(comparison, "html")` is what the CLI's `--format` calls; the per-format functions are
exported too for callers that know which one they want. The JSON's shape, its schema and the
way back from JSON to a Comparison belong to `newsprism.codec`.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprism.errors import NewsprismError
from newsprism.model import Comparison
from newsprism.render.html import render_html
from newsprism.render.json import render_json
from newsprism.render.markdown import render_markdown

RENDERERS: dict[str, Callable[[Comparison], str]] = {
    "json": render_json,
    "md": render_markdown,
    "markdown": render_markdown,
    "html": render_html,
}


class UnknownFormatError(NewsprismError, ValueError):
    """The requested output format is not one newsprism can write."""


def render(comparison: Comparison, format: str) -> str:
    """Render in the named format: "json", "md" (or "markdown") or "html"."""
    try:
        renderer = RENDERERS[format.lower()]
    except KeyError:
        known = ", ".join(sorted(RENDERERS))
        raise UnknownFormatError(f"unknown format {format!r}; choose one of: {known}") from None
    return renderer(comparison)


__all__ = [
    "RENDERERS",
    "UnknownFormatError",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
