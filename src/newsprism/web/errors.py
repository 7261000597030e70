"""Every error as the client expects it: JSON under /api, an HTML page elsewhere, never internals.

Bad input is answered by validation (422), size checks (413) or a lookup (404) before it can
reach code that might fail; what still fails is a bug or an outage, logged here in full and
answered with a generic 500 that names nothing of the server.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.web.body import UNPROCESSABLE
from newsprism.web.headers import security_headers

log = logging.getLogger("newsprism.web")

INTERNAL_ERROR = "Internal server error. The details are in the server's log."
_TITLES = {
    400: "Bad request",
    401: "Token needed",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Not ready yet",
    413: "Too large",
    422: "Invalid request",
    500: "Something went wrong",
    503: "Unavailable",
}
API_PREFIXES = ("/api/", "/openapi.json")


def wants_json(request: Request) -> bool:
    """API clients get JSON errors; people browsing the pages get HTML."""
    path = request.url.path.removeprefix(request.scope.get("root_path", ""))
    return path.startswith(API_PREFIXES)


def _problems(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only where and what: the input may be large or secret, and pydantic's links are noise.
    return [{"loc": list(e.get("loc", ())), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]


def _sentence(problem: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}" if where else str(problem["msg"])


def install_error_handlers(app: FastAPI, pages: Environment) -> None:
    """JSON or HTML answers for HTTP errors, validation errors and unexpected exceptions."""

    def page(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        template = pages.get_template("error.html.j2")
        html = template.render(
            status=status, title=_TITLES.get(status, "Error"), message=message, path=request.url.path
        )
        return HTMLResponse(html, status_code=status, headers=headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        headers = dict(exc.headers or {})
        if wants_json(request):
            body = exc.detail if isinstance(exc.detail, dict) else {"detail": exc.detail}
            return JSONResponse(body, status_code=exc.status_code, headers=headers)
        detail = exc.detail["detail"] if isinstance(exc.detail, dict) else exc.detail
        return page(request, exc.status_code, str(detail), headers)

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = _problems(exc)
        detail = "Invalid request: " + "; ".join(_sentence(p) for p in problems[:3])
        if wants_json(request):
            return JSONResponse({"detail": detail, "errors": problems}, status_code=UNPROCESSABLE)
        return page(request, UNPROCESSABLE, detail)

    async def unexpected(request: Request, exc: Exception) -> Response:
        # Sent from outside every middleware (Starlette answers crashes outermost), so this
        # response carries its security headers itself; never cached, whoever may read.
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        if wants_json(request):
            headers = security_headers("application/json", private=True)
            return JSONResponse({"detail": INTERNAL_ERROR}, status_code=500, headers=headers)
        try:
            return page(request, 500, INTERNAL_ERROR, security_headers("text/html", private=True))
        except Exception:  # a broken template must not hide the original error
            headers = security_headers("text/plain", private=True)
            return Response(INTERNAL_ERROR, status_code=500, media_type="text/plain", headers=headers)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(Exception, unexpected)
