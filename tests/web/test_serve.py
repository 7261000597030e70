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


def test_the_access_log_never_shows_a_token_from_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    import logging.config

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    serve(str(tmp_path / "served.db"))
    logging.config.dictConfig(seen["log_config"])
    records: list[str] = []
    handler = logging.getLogger("uvicorn.access").handlers[0]
    monkeypatch.setattr(handler, "emit", lambda record: records.append(record.getMessage()))
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d',
        "127.0.0.1:5000",
        "GET",
        "/stories?since=2025&token=s3cret-read",
        "1.1",
        303,
    )
    assert records == ['127.0.0.1:5000 - "GET /stories?since=2025&token=*** HTTP/1.1" 303']
