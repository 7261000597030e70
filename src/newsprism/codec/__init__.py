"""Both directions of every form newsprism stores or exchanges as JSON, with its version.

One place for the shapes, so that the archive, the CLI's JSON output and the web API cannot
drift apart, and so that the stages only ever see the model's dataclasses:

- comparison (`comparison.py`): the contract users script against; the archive stores it per
  story and the API serves it as is. Older versions still load.
- analysis (`analysis.py`): one line of `newsprism analyze`; the archive stores one per article.
- placement (`placement.py`): an article's story-placement features, stored for replay.

The JSON Schemas of the two public forms are package data beside them (`schemas.py`). The codec
depends on the model alone, so every stage and the store may use it.

    from newsprism.codec import comparison_from_dict, comparison_to_dict
"""

from newsprism.codec.analysis import ANALYSIS_VERSION, analysis_from_dict, analysis_to_dict
from newsprism.codec.comparison import COMPARISON_VERSION, comparison_from_dict, comparison_to_dict
from newsprism.codec.placement import details_from_dict, placement_from_dict, placement_to_dict
from newsprism.codec.schemas import (
    analysis_schema,
    comparison_schema,
    validate_analysis,
    validate_comparison,
)

__all__ = [
    "ANALYSIS_VERSION",
    "COMPARISON_VERSION",
    "analysis_from_dict",
    "analysis_schema",
    "analysis_to_dict",
    "comparison_from_dict",
    "comparison_schema",
    "comparison_to_dict",
    "details_from_dict",
    "placement_from_dict",
    "placement_to_dict",
    "validate_analysis",
    "validate_comparison",
]
