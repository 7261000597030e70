"""HEAD wherever GET goes, OPTIONS answered, and every 405 naming all the methods of its path.

Starlette tries a request against one route at a time: a path served by a GET route and a POST
route answers a PUT with the `Allow` of whichever it tried first ("GET", though POST works too),
and FastAPI's routes take no HEAD. The rules are kept here, over the whole route table, instead
of in each route, so that no route can forget them.

OPTIONS is answered 204 No Content with `Allow`, before any token is asked for. That is what
RFC 9110 (section 9.3.7) defines the method for, and it gives nothing away: the methods are in
/openapi.json already, and the answer carries no CORS header, so a browser still refuses every
cross-origin call (this server configures no CORS). A 405 would claim OPTIONS is not supported
while describing the very options it asked for.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.routing import BaseRoute, Match, Mount, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

READ_ONLY = frozenset({"GET", "HEAD"})
"""What a mounted app takes: the only one is the static files."""
_ROUTED = ("DELETE", "GET", "PATCH", "POST", "PUT")


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> list[str]:
    """Every method some route takes at the scope's path, sorted; [] when no route has the path.

    Each route is asked, through `matches` alone, whether it takes the path with each method:
    FastAPI nests included routers inside its route table, so a route's own `methods` are not
    always in sight. HEAD goes with GET, and OPTIONS with any path that exists.
    """
    methods: set[str] = set()
    for route in routes:
        if isinstance(route, Mount):  # a mount takes every method, then refuses all but reading
            if route.matches(scope)[0] is not Match.NONE:
                methods |= READ_ONLY
            continue
        for method in _ROUTED:
            match, _ = route.matches({**scope, "method": method})
            if match is Match.FULL:
                methods.add(method)
    if not methods:
        return []
    if "GET" in methods:
        methods.add("HEAD")
    methods.add("OPTIONS")
    return sorted(methods)


def _without_body(send: Send) -> Send:
    """`send` with the body dropped: a HEAD answer is a GET answer's status and headers only,
    Content-Length included."""

    async def send_headers_only(message: Message) -> None:
        if message["type"] in ("http.response.body", "http.response.pathsend"):
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_headers_only


class MethodRules:
    """The middleware that applies the rules above to the app's `router`."""

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method == "OPTIONS":
            allowed = allowed_methods(self.router.routes, scope)
            if allowed:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 204,
                        "headers": [(b"allow", ", ".join(allowed).encode())],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return
        if method == "HEAD":
            # A copy: the server's own scope (and its access log) still says HEAD.
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        # Routing rewrites the scope it is given (a mount moves the path into root_path), so
        # the 405's methods are looked up on the request as it came in.
        await self.app(scope, receive, self._allow_on_405(dict(scope), send))

    def _allow_on_405(self, request_scope: Scope, send: Send) -> Send:
        async def send_with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allowed = allowed_methods(self.router.routes, request_scope)
                headers = [(n, v) for n, v in message.get("headers", []) if n.lower() != b"allow"]
                message = {**message, "headers": [*headers, (b"allow", ", ".join(allowed).encode())]}
            await send(message)

        return send_with_allow
