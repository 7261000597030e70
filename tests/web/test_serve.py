"""`serve` opens the store at the URL given and hands uvicorn an app with the environment's tokens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsprism.web import serve

pytest.importorskip("newsprism.store.db")


def test_serve_runs_uvicorn_on_the_opened_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def run(app: FastAPI, **options: Any) -> None:
        seen.update(options, app=app)
        # While "serving", the app answers from the store serve opened, with the env's read token.
        client = TestClient(app)
        assert client.get("/api/v1/stories").status_code == 401
        answer = client.get("/api/v1/stories", headers={"Authorization": "Bearer from-env"})
        seen["stories"] = answer.json()["stories"]

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setenv("NEWSPRISM_READ_TOKEN", "from-env")
    serve(str(tmp_path / "served.db"), host="127.0.0.1", port=8123)
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["stories"] == []
    assert (tmp_path / "served.db").exists()
