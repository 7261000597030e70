"""A Comparison as one self-contained HTML page a person can read, print or mail around.

Everything (CSS, the few lines of script that light up matching sentences) is inlined, so the
file works offline and leaks no request to a third party when opened. Article text is
untrusted input: the Jinja environment escapes every value, and nothing is marked safe.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsprism.model import Comparison
from newsprism.render.view import NO_FACT, build_report

STATUS_LABELS = {
    "corroborated": "Reported by several outlets",
    "single_source": "Only one outlet",
    "disputed": "Outlets disagree",
    NO_FACT: "Not matched to a fact",
}


@cache
def _environment() -> Environment:
    # Autoescape for every template (not only *.html): the template is named .html.j2.
    return Environment(
        loader=PackageLoader("newsprism.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )


def render_html(comparison: Comparison) -> str:
    """The comparison as a standalone HTML document: brief, sources side by side, then the details."""
    report = build_report(comparison)
    counts = Counter(view.status for view in report.facts)
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        counts=counts,
        status_labels=STATUS_LABELS,
        facts_by_key={view.key: view for view in report.facts},
    )
