"""What an operator decides about the web app: who may read, who may write, how much one upload may be.

Kept apart from the app so that tests, the CLI and `settings_from_env` all build the same
frozen value, and nothing in a request handler reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from newsprism.lang.outlet_registry import SHIPPED, OutletRegistry, read_outlets_file

WRITE_TOKEN_ENV = "NEWSPRISM_WRITE_TOKEN"
READ_TOKEN_ENV = "NEWSPRISM_READ_TOKEN"
OUTLETS_ENV = "NEWSPRISM_OUTLETS"
DEFAULT_MAX_UPLOAD_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Access and limits. Writing is off unless a write token is set; reading is open unless a read
    token is set (the write token reads too, so one secret is enough for a trusted client)."""

    write_token: str | None = None
    read_token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    outlets: OutletRegistry = SHIPPED
    """The outlet registry posted articles' URLs are named by: the built-in one, or the built-in one
    with NEWSPRISM_OUTLETS's file over it (the same file `--outlets` takes)."""

    def __post_init__(self) -> None:
        if self.max_upload_bytes < 1:
            raise ValueError("max_upload_bytes must be at least 1")
        # An empty token would let an empty header through; treat it as a mistake, not as "open".
        for name in ("write_token", "read_token"):
            if getattr(self, name) == "":
                raise ValueError(f"{name} must not be empty; use None to leave it unset")


def _token(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "").strip()
    return value or None


def settings_from_env(environ: Mapping[str, str] | None = None) -> WebSettings:
    """Settings from NEWSPRISM_WRITE_TOKEN and NEWSPRISM_READ_TOKEN (unset or blank means no token)
    and NEWSPRISM_OUTLETS (a registry file; a bad one stops the server from starting: OSError or
    ValueError)."""
    env = os.environ if environ is None else environ
    outlets_file = env.get(OUTLETS_ENV, "").strip()
    return WebSettings(
        write_token=_token(env, WRITE_TOKEN_ENV),
        read_token=_token(env, READ_TOKEN_ENV),
        outlets=read_outlets_file(outlets_file) if outlets_file else SHIPPED,
    )
