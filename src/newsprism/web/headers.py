"""What every response says about itself: no sniffing, no framing, and a Content-Security-Policy.

The policy follows what the response is, not which route made it: HTML (a page, an error page,
the API reference) may load the site's own styles and scripts and nothing else, inline or
remote; anything else (JSON, CSS, a script file) may load nothing at all. Deciding it here, by
content type, covers the responses no route renders, such as error pages.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""For HTML: the site's own files only, no inline script or style, no plugin, no framing."""
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"
"""For everything else: a JSON answer opened in a browser runs and loads nothing."""

_ALWAYS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
_NO_STORE = (b"cache-control", b"no-store")


def policy_for(content_type: str | None) -> str:
    """The Content-Security-Policy for a response of this content type."""
    is_html = (content_type or "").split(";")[0].strip().lower() == "text/html"
    return PAGE_POLICY if is_html else DATA_POLICY


def security_headers(content_type: str | None, private: bool) -> dict[str, str]:
    """Every security header for a response of this type, as a plain dict for a Response."""
    headers = {name.decode(): value.decode() for name, value in _ALWAYS}
    headers["content-security-policy"] = policy_for(content_type)
    if private:
        headers[_NO_STORE[0].decode()] = _NO_STORE[1].decode()
    return headers


class SecurityHeaders:
    """Adds the security headers a response lacks; `no-store` too when reading is private, so no
    cache keeps what a token opened."""

    def __init__(self, app: ASGIApp, private: bool) -> None:
        self.app = app
        self.headers = [*_ALWAYS, *([_NO_STORE] if private else [])]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = [(name, value) for name, value in self.headers if name not in present]
                if b"content-security-policy" not in present:
                    content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                    policy = policy_for(content_type.decode("latin-1"))
                    extra.append((b"content-security-policy", policy.encode()))
                message["headers"] = [*headers, *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)
