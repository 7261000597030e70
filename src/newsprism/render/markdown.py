"""A Comparison as Markdown, for reading in a terminal or pasting into an issue.

Every statement ends with its provenance, `[A §3]` = sentence 3 (counting from 0, as in the
JSON) of source A, so a reader can check any line against the article it came from.
"""

from __future__ import annotations

import re

from newsprism.model import Comparison
from newsprism.render.view import (
    Cited,
    DifferenceView,
    FactView,
    Report,
    Source,
    build_report,
    snippet,
    window,
)

_SNIPPET = 220
_NONE = "_None found._"


_MARKUP = re.compile(r"([\\`*_\[\]<>])")


def escape(text: str) -> str:
    """Text from an article, safe to place in Markdown: emphasis, code, link and HTML marks are
    escaped, so a title with `<script>` or `[x](javascript:...)` reads as the characters it is."""
    return _MARKUP.sub(r"\\\1", text)


def _flat(text: str) -> str:
    # A line break inside a list item would end the item; a sentence must stay one line.
    return escape(" ".join(text.split()))


def _piece(text: str) -> str:
    """Part of a line (the words before a bolded expression): one line, its edge spaces kept."""
    return escape(re.sub(r"\s+", " ", text))


def _snippet(text: str, limit: int = _SNIPPET) -> str:
    return escape(snippet(text, limit))


def _link(url: str) -> str:
    """An autolink for a web address; any other scheme (javascript:, data:) is shown as text."""
    if re.fullmatch(r"https?://[^\s<>]+", url):
        return f"<{url}>"
    return escape(" ".join(url.split()))


def _markers(cited: list[Cited]) -> str:
    return " ".join(c.ref.marker for c in cited)


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *(lines or [_NONE]), ""]


def _sources(report: Report) -> list[str]:
    lines = []
    for source in report.sources:
        parts = [f"- **{source.label}** — {_flat(source.outlet)}: “{_flat(source.title)}”"]
        if source.published:
            parts.append(f"({source.published})")
        if source.article.url:
            parts.append(_link(source.article.url))
        lines.append(" ".join(parts))
    if lines:
        lines += ["", "_[A §3] points to sentence 3 of source A, counting from 0._"]
    return lines


def _brief(report: Report) -> list[str]:
    return [
        f"{n}. {_flat(b.text)} "
        + "".join(f"[{s.label}]" for s in b.sources)
        + (f" _(all rest on {_flat(b.rests_on)})_" if b.rests_on else "")
        for n, b in enumerate(report.brief, start=1)
    ]


def _who_cites_whom(report: Report) -> list[str]:
    """Each article's cited outlets with the sentence that cites them, then the copies."""
    lines = []
    for c in report.citations:
        where = f" {c.cited.ref.marker}: “{_snippet(c.cited.text)}”" if c.cited else f": “{_flat(c.words)}”"
        lines.append(
            f"- **{c.source.label}** {_flat(c.source.outlet)} cites {_flat(c.outlet)} ({c.how}){where}"
        )
    for copy in report.copies:
        lines.append(
            f"- **{copy.copy.label}** {_flat(copy.copy.outlet)} is a copy of **{copy.original.label}** "
            f"{_flat(copy.original.outlet)} ({copy.similarity:.0%} of its word sequences the same)"
        )
    return lines


def _by_outlet(cited: list[Cited]) -> str:
    """'Coastal Herald [A §0], Daily Ledger [B §0] [B §4]': each outlet once, in source order."""
    groups: dict[str, list[Cited]] = {}
    for c in cited:
        groups.setdefault(c.ref.label, []).append(c)
    return ", ".join(f"{_flat(group[0].outlet)} {_markers(group)}" for group in groups.values())


def _worded(cited: Cited) -> str:
    """The sentence, the words that state the fact in bold where they are fewer than it."""
    if not cited.part:
        return _snippet(cited.text)
    before, part, after = window(cited.text, cited.part, _SNIPPET)
    return f"{_piece(before)}**{_flat(part)}**{_piece(after)}" if part else _flat(before)


def _fact_lines(fact: FactView) -> list[str]:
    """The fact as its first outlet words it, every outlet citing it, then each other
    sentence in its own outlet's words: agreement is only worth as much as the wording shows."""
    sure = f" (confidence {fact.fact.confidence:.2f})" if fact.fact.confidence is not None else ""
    independence = f" — {fact.independence}" if fact.independence else ""
    lines = [f"- {_worded(fact.cited[0])} — {_by_outlet(fact.cited)}{sure}{independence}"]
    lines += [f"  - {c.ref.label}: {_worded(c)} {c.ref.marker}" for c in fact.cited[1:]]
    return lines


def _single(groups: list[tuple[Source, list[FactView]]]) -> list[str]:
    lines: list[str] = []
    for source, facts in groups:
        lines += [f"### {source.label} — {_flat(source.outlet)}", ""]
        lines += [f"- {_snippet(f.text)} {_markers(f.cited)}" for f in facts]
        lines.append("")
    return lines[:-1]


def _differences(differences: list[DifferenceView], disputed: list[FactView]) -> list[str]:
    lines: list[str] = []
    for difference in differences:
        lines += [f"### {_flat(difference.subject)} ({difference.kind})", ""]
        lines += [
            f"- {c.ref.label} ({_flat(c.outlet)}): **{_flat(c.value)}** — “{_snippet(c.text)}” {c.ref.marker}"
            for c in difference.values
        ]
        lines.append("")
    if disputed:
        lines += ["### Other disputed accounts", ""]
        for fact in disputed:
            lines.append(f"- {fact.key}:")
            lines += [f"  - {c.ref.label}: “{_snippet(c.text)}” {c.ref.marker}" for c in fact.cited]
        lines.append("")
    return lines[:-1]


def _framing(framing: list[DifferenceView]) -> list[str]:
    return [
        f"- **{_flat(f.subject)}** ({f.kind.replace('_', ' ')}): "
        + "; ".join(f"{c.ref.label} writes “{_flat(c.value)}” {c.ref.marker}" for c in f.values)
        for f in framing
    ]


def _actors(report: Report) -> list[str]:
    """A line per actor some outlet gives a role, then the actors named in passing, one line
    per set of outlets that name them."""
    lines = []
    for actor in report.actors:
        if not actor.has_roles:
            continue
        entity = actor.entity
        parts = [
            f"{cell.source.label}: " + ", ".join(f"{_flat(r.value)} {r.ref.marker}" for r in cell.roles)
            for cell in actor.cells
            if cell.roles
        ]
        unroled = [cell.source.label for cell in actor.cells if cell.mentioned and not cell.roles]
        if unroled:
            parts.append(f"named without a role by {', '.join(unroled)}")
        line = f"- **{_flat(entity.name)}** ({entity.type}) — " + "; ".join(parts)
        if actor.other_names:
            line += " — also written " + ", ".join(f"“{_flat(a)}”" for a in actor.other_names)
        lines.append(line)
    for group in report.passing:
        labels = [s.label for s in group.sources]
        by = ", ".join(labels) if len(labels) > 1 else f"{labels[0]} only"
        names = []
        for actor in group.actors:
            others = actor.other_names
            also = f" (also {', '.join(f'“{_flat(a)}”' for a in others)})" if others else ""
            names.append(f"{_flat(actor.entity.name)}{also}")
        lines.append(f"- Named by {by}, without a role: {', '.join(names)}")
    return lines


def _quotes(report: Report) -> list[str]:
    lines: list[str] = []
    for group in report.quotes:
        lines += [f"### {_flat(group.speaker)}", ""]
        for view in group.quotes:
            if view.quote.direct:
                lines.append(f"- “{_snippet(view.quote.text, 400)}” {view.cited.ref.marker}")
            else:
                lines.append(f"- _{view.tag}:_ {_snippet(view.quote.text, 400)} {view.cited.ref.marker}")
        lines.append("")
    return lines[:-1]


def _timeline(report: Report) -> list[str]:
    lines = []
    for group in report.timeline:
        lines.append(f"- **{group.date}** ({group.precision})")
        for item in group.entries:
            said = (
                f"{_piece(item.before)}**{_flat(item.expression)}**{_piece(item.after)}"
                if item.expression
                else _flat(item.before)
            )
            markers = " ".join(c.ref.marker for c in item.cited)
            lines.append(f"  - {said} {markers}{' _(scheduled)_' if item.scheduled else ''}")
    return lines


def render_markdown(comparison: Comparison) -> str:
    """The comparison as one Markdown document, every statement followed by its `[A §n]`."""
    report = build_report(comparison)
    lines = [f"# {_flat(report.title)}", ""]
    for note in report.notes:
        lines += [f"> {_flat(note)}", ""]
    lines += _section("Sources", _sources(report))
    lines += _section("Who cites whom", _who_cites_whom(report))
    lines += _section("In brief", _brief(report))
    lines += _section("Reported by several outlets", [line for f in report.agreed for line in _fact_lines(f)])
    lines += _section("Only in one outlet", _single(report.single_by_source))
    lines += _section("Where they differ", _differences(report.differences, report.disputed))
    lines += _section("Wording and framing", _framing(report.framing))
    lines += _section("Actors", _actors(report))
    lines += _section("Quotes by speaker", _quotes(report))
    lines += _section("Timeline", _timeline(report))
    return "\n".join(lines).rstrip() + "\n"
