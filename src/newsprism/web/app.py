"""The web app: the REST API, the pages, their static files and error handling, put together.

`create_app` only composes: the store and the settings come in from outside (the CLI's
`newsprism serve`, a test, an ASGI server's factory), so the same app runs against SQLite,
PostgreSQL or an in-memory fake. `serve` is the one place that opens a store and runs uvicorn;
the tokens come from the environment so they stay out of shell history and process lists.
"""

from __future__ import annotations

import copy
import logging
import re
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsprism.web.api import api_router
from newsprism.web.coverage_api import coverage_router
from newsprism.web.docs import docs_router
from newsprism.web.errors import install_error_handlers
from newsprism.web.headers import SecurityHeaders
from newsprism.web.methods import MethodRules
from newsprism.web.openapi import DocumentedAPI
from newsprism.web.pages import environment, page_router
from newsprism.web.settings import WebSettings, settings_from_env

if TYPE_CHECKING:
    from newsprism.web.store_api import StoreAPI

DESCRIPTION = """\
Stories from many outlets, compared sentence by sentence.

Reading needs no token unless the server sets `NEWSPRISM_READ_TOKEN`; writing
(`POST /api/v1/articles`) needs `Authorization: Bearer <NEWSPRISM_WRITE_TOKEN>` and is disabled
when no write token is set. Errors are JSON objects with a `detail` sentence.

A request that follows this document is never refused as invalid (422): every rule the server
applies to a parameter or a body is stated here, as a length, a range or a `pattern`. HEAD works
wherever GET does, and OPTIONS answers with the path's methods in `Allow`.
"""

TAGS = [
    {"name": "stories", "description": "Stories and the comparison of their articles."},
    {"name": "articles", "description": "Stored articles, and ingesting new ones."},
    {"name": "outlets", "description": "The archive's outlets, the stories each covered, and blindspots."},
]

_LOOPBACK = ("127.0.0.1", "::1", "localhost")
log = logging.getLogger("newsprism.web")


def _version() -> str:
    try:
        return version("newsprism")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def create_app(store: StoreAPI, settings: WebSettings) -> FastAPI:
    """The newsprism web app over `store`: /api/v1 (OpenAPI at /openapi.json, read at /api/docs),
    pages, /static."""
    app = DocumentedAPI(
        title="newsprism",
        version=_version(),
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,  # FastAPI's page loads its scripts from a CDN; docs.py renders ours
        redoc_url=None,
        generate_unique_id_function=lambda route: route.name,
    )
    pages = environment()
    app.include_router(api_router(store, settings))
    app.include_router(coverage_router(store, settings))
    app.include_router(docs_router(pages))
    app.include_router(page_router(store, settings, pages))
    app.mount("/static", StaticFiles(packages=[("newsprism.web", "static")]), name="static")
    install_error_handlers(app, pages)
    app.add_middleware(MethodRules, router=app.router)
    app.add_middleware(SecurityHeaders, private=settings.read_token is not None)
    app.state.store = store
    app.state.settings = settings
    return app


_TOKEN_IN_QUERY = re.compile(r"(?i)([?&](?:token|access_token)=)[^&#\s]*")


class HideTokens(logging.Filter):
    """Masks a `?token=` value in every access-log line: a one-time link's token is a credential,
    and logs are read by more people than tokens are meant for."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN_IN_QUERY.sub(r"\1***", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = _TOKEN_IN_QUERY.sub(r"\1***", record.msg)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration with HideTokens on its access log."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["hide_tokens"] = {"()": f"{__name__}.HideTokens"}
    config["handlers"]["access"]["filters"] = ["hide_tokens"]
    return config


def serve(store_url: str | None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at `store_url` (None: the store's default archive) until interrupted."""
    from newsprism.store.db import open_store

    with open_store(store_url) as store:
        serve_store(store, host=host, port=port)


def serve_store(store: StoreAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve an opened store until interrupted, with the environment's tokens."""
    import uvicorn

    settings = settings_from_env()
    if host not in _LOOPBACK and settings.read_token is None:
        log.warning("serving on %s with no read token: anyone who can reach it can read every story", host)
    uvicorn.run(
        create_app(store, settings), host=host, port=port, server_header=False, log_config=log_config()
    )
