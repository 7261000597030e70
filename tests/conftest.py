"""Shared fixtures: the NLP pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.lang.nlp import load_nlp

SEEDS = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
