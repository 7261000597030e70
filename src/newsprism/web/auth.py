"""Bearer tokens: who may read and who may write.

Writing needs the write token in an `Authorization: Bearer` header and nowhere else, so a
browser cannot be tricked into writing with a cookie it holds (no CSRF surface). Reading
takes the header, or for people in a browser a cookie set from a one-time `?token=` link.
Tokens are compared with `secrets.compare_digest`, so timing tells an attacker nothing.
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request, status

from newsprism.web.settings import WebSettings

COOKIE_NAME = "newsprism_token"
WRITING_DISABLED = "Writing is disabled on this server: start it with NEWSPRISM_WRITE_TOKEN set."
TOKEN_MISSING = "This endpoint needs a token: send 'Authorization: Bearer <token>'."
TOKEN_WRONG = "The token is not valid for this endpoint."
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def matches(given: str, *expected: str | None) -> bool:
    """True when `given` equals one of the configured tokens; every one is compared, in constant time."""
    found = False
    for token in expected:
        if token is not None and secrets.compare_digest(given.encode(), token.encode()):
            found = True
    return found


def require_write(request: Request, settings: WebSettings) -> None:
    """Raise 403 when writing is off, 401 without a token, 403 with a wrong one."""
    if settings.write_token is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN, WRITING_DISABLED)
    given = bearer_token(request)
    if given is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, TOKEN_MISSING, headers=_CHALLENGE)
    if not matches(given, settings.write_token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, TOKEN_WRONG)


def read_allowed(given: str | None, settings: WebSettings) -> bool | None:
    """True to let a reader in, None when a token is needed and missing, False when it is wrong."""
    if settings.read_token is None:
        return True
    if given is None:
        return None
    return matches(given, settings.read_token, settings.write_token)


def require_read(request: Request, settings: WebSettings) -> None:
    """Raise 401/403 unless reading is open or the request carries a valid token (header or cookie)."""
    allowed = read_allowed(bearer_token(request) or request.cookies.get(COOKIE_NAME), settings)
    if allowed is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, TOKEN_MISSING, headers=_CHALLENGE)
    if not allowed:
        raise HTTPException(status.HTTP_403_FORBIDDEN, TOKEN_WRONG)
