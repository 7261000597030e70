"""The web face of the store: a REST API under /api/v1 and server-rendered pages.

`create_app(store, settings)` builds the FastAPI app; `serve(url)` opens the store and runs it
under uvicorn; `settings_from_env()` reads the tokens from the environment.
"""

from __future__ import annotations

from newsprism.web.app import create_app, serve
from newsprism.web.settings import WebSettings, settings_from_env

__all__ = ["WebSettings", "create_app", "serve", "settings_from_env"]
