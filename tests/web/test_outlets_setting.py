"""NEWSPRISM_OUTLETS: `serve` names posted articles' outlets with the user's registry file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.lang.outlet_registry import SHIPPED
from newsprism.web.settings import settings_from_env


def test_the_outlets_setting_reads_the_users_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"map": {"Harbour Gazette": {"domains": ["harbour.example"]}}}), "utf-8")
    settings = settings_from_env({"NEWSPRISM_OUTLETS": str(path)})
    assert settings.outlets.source_for_url("https://harbour.example/x") == "Harbour Gazette"
    assert settings_from_env({}).outlets is SHIPPED


def test_a_bad_outlets_file_stops_the_server_from_starting(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        settings_from_env({"NEWSPRISM_OUTLETS": str(tmp_path / "missing.json")})
