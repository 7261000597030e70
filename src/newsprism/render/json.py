"""A Comparison as the JSON text `newsprism compare --format json` writes.

The shape is the codec's (`newsprism.codec`, with its JSON Schema); rendering only chooses how
the text looks, so the file a user reads is the document the archive stores and the API serves.
"""

from __future__ import annotations

import json

from newsprism.codec import comparison_to_dict
from newsprism.model import Comparison


def render_json(comparison: Comparison) -> str:
    # ensure_ascii=False keeps names such as "Zelenskyy" or "Kyiv" readable in the file itself.
    return json.dumps(comparison_to_dict(comparison), indent=2, ensure_ascii=False)
