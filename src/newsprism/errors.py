"""The root of every exception newsprism raises, so one `except NewsprismError` catches them all.

Each exception keeps the built-in base its callers already catch (a bad label file is still a
ValueError, a missing model still a RuntimeError); this root is added beside it, never in place
of it, so no existing `except` changes meaning.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Something newsprism refused or could not do; the subclass says which, and what to change."""
