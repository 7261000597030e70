"""Fetching by URL: limits, retries, politeness and the private-address guard, against a local server.

Every test that connects talks to a server on 127.0.0.1 started here, with `allow_private=True`
said explicitly; the guard tests either refuse before connecting or talk to a mock transport,
so nothing reaches the internet. Sleeps are recorded, not slept, wherever a wait is the point.
"""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from newsprism.ingest.addresses import refusal_reason, resolve_host
from newsprism.ingest.errors import IngestError
from newsprism.ingest.fetch import (
    PROJECT_URL,
    BlockedAddressError,
    FetchError,
    FetchPolicy,
    ResponseTooLargeError,
    allowed_addresses,
    fetch,
    fetch_articles,
    read_url_list,
)
from newsprism.ingest.fields import ArticleDefaults, text_id
from newsprism.ingest.politeness import HostThrottle, backoff_delay, retry_after_seconds
from newsprism.model import Article

PARAGRAPHS = (
    "The harbour authority closed the northern pier on Tuesday after inspectors found cracks in a support.",
    "Ferry services will use the southern terminal until repairs are finished, a spokesperson said.",
    "Local traders said the closure would cost them customers during the busiest weeks of the summer.",
)
NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour Pier Closed | Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2025-06-10T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Harbour Pier Closed</h1>
{"".join(f"<p>{text}</p>" for text in PARAGRAPHS)}
</article>
<footer>Copyright Coastal Herald</footer>
</body></html>""".encode()
UNDATED_PAGE = f"""<!DOCTYPE html><html><head><title>Pier Repairs Begin</title></head><body>
<article>{"".join(f"<p>{text}</p>" for text in PARAGRAPHS)}</article></body></html>""".encode()
SCRIPTS_PAGE = b"""<!DOCTYPE html><html><head><title>App</title>
<script>window.app = {start: function () { return 1; }};</script></head>
<body><script src="/bundle.js"></script><script>app.start();</script></body></html>"""
LAST_MODIFIED = "Mon, 09 Jun 2025 07:30:00 GMT"
CHUNK = b"x" * 65536
ENDLESS_LIMIT = 2 * 1024**3  # the endless body stops here if nobody hangs up first


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: LocalServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        path = self.path
        count = self.server.count(path)
        other = self.server.other_port
        routes: dict[str, Callable[[], None]] = {
            "/article": lambda: self.reply(200, NEWS_PAGE, "text/html; charset=utf-8"),
            "/undated": lambda: self.reply(200, UNDATED_PAGE, "text/html", {"Last-Modified": LAST_MODIFIED}),
            "/undated-plain": lambda: self.reply(200, UNDATED_PAGE, "text/html"),
            "/broken-gzip": lambda: self.reply(
                200, b"not gzip at all", "text/html", {"Content-Encoding": "gzip"}
            ),
            "/scripts": lambda: self.reply(200, SCRIPTS_PAGE, "text/html"),
            "/data.json": lambda: self.reply(200, b'{"ok": true}', "application/json"),
            "/feed.xml": lambda: self.reply(200, b"<rss version='2.0'></rss>", "application/rss+xml"),
            "/echo": lambda: self.reply(200, self.echo(), "text/plain"),
            "/missing": lambda: self.reply(404, b"not here", "text/plain"),
            "/loop": lambda: self.reply(302, b"", "text/plain", {"Location": "/loop"}),
            "/other-port": lambda: self.reply(
                302, b"", "text/plain", {"Location": f"http://127.0.0.1:{other}/article"}
            ),
            "/flaky": lambda: self.reply(503 if count == 1 else 200, b"ok", "text/plain"),
            "/always-503": lambda: self.reply(503, b"down", "text/plain"),
            "/busy": lambda: self.reply(
                429 if count == 1 else 200, b"ok", "text/plain", {"Retry-After": "2"} if count == 1 else {}
            ),
            "/busy-for-an-hour": lambda: self.reply(429, b"", "text/plain", {"Retry-After": "3600"}),
            "/slow": self.slow,
            "/endless": self.endless,
            "/declares-2gb": self.declares_2gb,
            "/gzip-bomb": lambda: self.reply(
                200, gzip.compress(b"a" * 1_000_000), "text/html", {"Content-Encoding": "gzip"}
            ),
        }
        if path.startswith("/chain/"):
            hops = int(path.removeprefix("/chain/"))
            target = f"/chain/{hops - 1}" if hops > 1 else "/article"
            self.reply(302, b"", "text/plain", {"Location": target})
        else:
            routes.get(path, lambda: self.reply(404, b"", "text/plain"))()

    def reply(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def echo(self) -> bytes:
        return f"{self.headers['Host']}\n{self.headers['User-Agent']}".encode()

    def slow(self) -> None:
        self.server.stopping.wait(5)  # far past the test's read timeout; released at teardown
        self.reply(200, b"late", "text/plain")

    def endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.stream(lambda chunk: b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def declares_2gb(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(2 * 1024**3))
        self.end_headers()
        self.stream(lambda chunk: chunk)

    def stream(self, frame: Callable[[bytes], bytes]) -> None:
        """Write the body lazily, a chunk at a time, until the client hangs up (or 2 GiB)."""
        sent = 0
        try:
            while sent < ENDLESS_LIMIT and not self.server.stopping.is_set():
                self.wfile.write(frame(CHUNK))
                sent += len(CHUNK)
        except OSError:  # the client closed the connection: the point of the test
            self.close_connection = True


class LocalServer(ThreadingHTTPServer):
    """A threading server that counts requests per path, for the retry tests."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.other_port = 0
        self.stopping = threading.Event()
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def count(self, path: str) -> int:
        with self._lock:
            self._counts[path] = self._counts.get(path, 0) + 1
            return self._counts[path]

    def requests(self, path: str) -> int:
        with self._lock:
            return self._counts.get(path, 0)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@pytest.fixture
def servers() -> Iterator[tuple[LocalServer, LocalServer]]:
    first, second = LocalServer(), LocalServer()
    first.other_port = second.server_address[1]
    threads = [
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True) for server in (first, second)
    ]
    for thread in threads:
        thread.start()
    yield first, second
    for server in (first, second):
        server.stopping.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def server(servers: tuple[LocalServer, LocalServer]) -> LocalServer:
    return servers[0]


class Sleeper:
    """Records the waits it is asked for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@dataclass
class FakeClock:
    """A clock that moves only when something sleeps on it."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __hash__(self) -> int:  # a policy holding its methods must stay hashable
        return id(self)

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def sleeper() -> Sleeper:
    return Sleeper()


@pytest.fixture
def local(sleeper: Sleeper) -> FetchPolicy:
    """The policy for the local server: private addresses allowed on purpose, no real waiting."""
    return FetchPolicy(allow_private=True, min_interval=0.0, backoff=0.2, retries=2, sleep=sleeper)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def no_network() -> httpx.Client:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"connected to {request.url}")

    return httpx.Client(transport=httpx.MockTransport(refuse))


# --- fetching -------------------------------------------------------------------------------


def test_policy_defaults_are_polite_and_bounded() -> None:
    policy = FetchPolicy()
    assert (policy.connect_timeout, policy.read_timeout) == (10.0, 20.0)
    assert (policy.max_bytes, policy.max_redirects, policy.retries) == (10 * 1024 * 1024, 5, 3)
    assert policy.min_interval == 1.0
    assert policy.allow_private is False
    assert policy.user_agent.startswith("newsprism/") and PROJECT_URL in policy.user_agent


def test_fetch_returns_the_page_with_its_type_charset_and_time(
    server: LocalServer, local: FetchPolicy
) -> None:
    result = fetch(server.url("/article"), local)
    assert result.url == server.url("/article")
    assert (result.status, result.content_type, result.charset) == (200, "text/html", "utf-8")
    assert result.body == NEWS_PAGE
    assert isinstance(result.fetched_at, datetime) and result.fetched_at.tzinfo is not None
    assert result.redirects == ()


def test_fetch_returns_feed_documents_too(server: LocalServer, local: FetchPolicy) -> None:
    result = fetch(server.url("/feed.xml"), local)
    assert result.content_type == "application/rss+xml"
    assert result.body.startswith(b"<rss")


def test_fetch_sends_an_honest_user_agent(server: LocalServer, local: FetchPolicy) -> None:
    _, user_agent = fetch(server.url("/echo"), local).body.decode().split("\n")
    assert user_agent == local.user_agent


def test_request_goes_to_the_checked_address_under_the_original_host_name(server: LocalServer) -> None:
    # "news.test" exists only in this resolver: the request can only arrive if the address the
    # guard checked is the one connected to, with the name kept for the Host header.
    port = server.server_address[1]
    policy = FetchPolicy(allow_private=True, min_interval=0.0, resolve=lambda host, _: ["127.0.0.1"])
    host, _ = fetch(f"http://news.test:{port}/echo", policy).body.decode().split("\n")
    assert host == f"news.test:{port}"


def test_redirect_chain_is_followed_to_the_final_url(server: LocalServer, local: FetchPolicy) -> None:
    result = fetch(server.url("/chain/3"), local)
    assert result.url == server.url("/article")
    assert result.redirects == (server.url("/chain/3"), server.url("/chain/2"), server.url("/chain/1"))


def test_every_redirect_hop_is_checked_including_another_port(
    servers: tuple[LocalServer, LocalServer],
) -> None:
    first, second = servers
    looked_up: list[tuple[str, int]] = []

    def resolve(host: str, port: int) -> list[str]:
        looked_up.append((host, port))
        return resolve_host(host, port)

    policy = FetchPolicy(allow_private=True, min_interval=0.0, resolve=resolve)
    result = fetch(first.url("/other-port"), policy)
    assert result.url == second.url("/article")
    assert looked_up == [("127.0.0.1", first.server_address[1]), ("127.0.0.1", second.server_address[1])]


def test_too_many_redirects_is_an_error(server: LocalServer, local: FetchPolicy) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(server.url("/loop"), local)
    assert server.requests("/loop") == 6


def test_5xx_is_retried_after_a_jittered_backoff(
    server: LocalServer, local: FetchPolicy, sleeper: Sleeper
) -> None:
    result = fetch(server.url("/flaky"), local)
    assert result.body == b"ok"
    assert server.requests("/flaky") == 2
    [wait] = sleeper.calls
    assert local.backoff / 2 <= wait <= local.backoff


def test_429_waits_as_long_as_retry_after_says(
    server: LocalServer, local: FetchPolicy, sleeper: Sleeper
) -> None:
    assert fetch(server.url("/busy"), local).body == b"ok"
    assert sleeper.calls == [2.0]


def test_retry_after_over_the_cap_gives_up_without_waiting(
    server: LocalServer, local: FetchPolicy, sleeper: Sleeper
) -> None:
    with pytest.raises(FetchError, match="asked to wait 3600 s") as caught:
        fetch(server.url("/busy-for-an-hour"), local)
    assert caught.value.status == 429
    assert sleeper.calls == []


def test_persistent_5xx_fails_after_the_retries(
    server: LocalServer, local: FetchPolicy, sleeper: Sleeper
) -> None:
    with pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable \(after 2 retries\)") as caught:
        fetch(server.url("/always-503"), local)
    assert caught.value.status == 503
    assert server.requests("/always-503") == 3
    first, second = sleeper.calls  # the second wait is drawn from a window twice as long
    assert local.backoff / 2 <= first <= local.backoff <= second <= 2 * local.backoff


def test_retries_stop_at_the_deadline(server: LocalServer) -> None:
    clock = FakeClock()
    policy = FetchPolicy(
        allow_private=True, min_interval=0.0, deadline=5.0, backoff=4.0, clock=clock.time, sleep=clock.sleep
    )
    with pytest.raises(FetchError, match="no time left to retry within 5 s"):
        fetch(server.url("/always-503"), policy)
    assert server.requests("/always-503") == 2


def test_http_error_is_a_fetch_error_with_its_status(server: LocalServer, local: FetchPolicy) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/missing"), local)
    assert caught.value.status == 404
    assert str(caught.value) == f"{server.url('/missing')}: HTTP 404 Not Found"


def test_slow_server_times_out(server: LocalServer) -> None:
    policy = FetchPolicy(allow_private=True, min_interval=0.0, read_timeout=0.2, retries=0)
    with pytest.raises(FetchError, match="timed out waiting for the server"):
        fetch(server.url("/slow"), policy)


def test_unreachable_host_is_retried_then_reported(local: FetchPolicy, sleeper: Sleeper) -> None:
    url = f"http://127.0.0.1:{closed_port()}/article"
    with pytest.raises(FetchError, match=r"could not connect .*\(after 2 retries\)"):
        fetch(url, local)
    assert len(sleeper.calls) == 2


def test_endless_response_is_cut_off_at_the_size_limit(server: LocalServer) -> None:
    policy = FetchPolicy(allow_private=True, min_interval=0.0, max_bytes=256 * 1024)
    with pytest.raises(ResponseTooLargeError, match="over the 262,144-byte limit; stopped reading"):
        fetch(server.url("/endless"), policy)


def test_declared_huge_response_is_refused_before_reading(server: LocalServer) -> None:
    with pytest.raises(ResponseTooLargeError, match="2,147,483,648 bytes is over the 10,485,760-byte limit"):
        fetch(server.url("/declares-2gb"), FetchPolicy(allow_private=True, min_interval=0.0))


def test_compressed_body_counts_at_its_decoded_size(server: LocalServer) -> None:
    policy = FetchPolicy(allow_private=True, min_interval=0.0, max_bytes=100_000)
    with pytest.raises(ResponseTooLargeError):
        fetch(server.url("/gzip-bomb"), policy)


def test_undecodable_body_is_an_error_not_retried(
    server: LocalServer, local: FetchPolicy, sleeper: Sleeper
) -> None:
    with pytest.raises(FetchError, match="the body could not be decoded"):
        fetch(server.url("/broken-gzip"), local)
    assert server.requests("/broken-gzip") == 1
    assert sleeper.calls == []


def test_unresolvable_host_is_an_error() -> None:
    def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(FetchError, match=r"host nowhere\.example not found"):
        fetch("https://nowhere.example/", FetchPolicy(resolve=nxdomain), no_network())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/file", "gopher://example.com/"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url, FetchPolicy(), no_network())


def test_fetch_error_is_one_line() -> None:
    error = FetchError("http://example.com/a", "first line\nsecond line")
    assert str(error) == "http://example.com/a: first line second line"


# --- the private-address guard --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/admin",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0x7f000001/",
    ],
)
def test_default_policy_refuses_local_and_private_addresses_before_connecting(url: str) -> None:
    with pytest.raises(BlockedAddressError, match=r"refused: .* a (loopback|private|link-local) address"):
        fetch(url, FetchPolicy(), no_network())


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "non-public"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fe80::1", "link-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:a00:1::", "private"),  # 6to4 wrapping 10.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 wrapping 169.254.169.254
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_refusal_reason_names_the_kind_of_address(address: str, reason: str | None) -> None:
    assert refusal_reason(address) == reason


def test_a_host_with_any_private_address_is_refused() -> None:
    policy = FetchPolicy(resolve=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(BlockedAddressError, match=r"10\.0\.0\.7, a private address"):
        allowed_addresses("https://news.example/story", policy)


def test_allowed_addresses_accepts_public_and_explicitly_private_hosts() -> None:
    public = FetchPolicy(resolve=lambda host, port: ["93.184.216.34"])
    assert allowed_addresses("https://news.example/", public) == ["93.184.216.34"]
    private = FetchPolicy(allow_private=True, resolve=lambda host, port: ["10.0.0.7"])
    assert allowed_addresses("http://intranet.example/", private) == ["10.0.0.7"]


@pytest.mark.parametrize(
    ("location", "refusal"),
    [
        ("http://169.254.169.254/latest/meta-data/", r"169\.254\.169\.254, a link-local address"),
        ("http://rebind.example/", r"rebind\.example resolves to 10\.0\.0\.5, a private address"),
        ("http://[::ffff:7f00:1]:6379/", r"resolves to ::ffff:127\.0\.0\.1, a loopback address"),
        ("http://0.0.0.0:8080/", r"resolves to 0\.0\.0\.0, an unspecified address"),
    ],
)
def test_redirect_from_a_public_host_to_a_private_address_is_refused(location: str, refusal: str) -> None:
    names = {"news.example": ["93.184.216.34"], "rebind.example": ["10.0.0.5"]}
    sent: list[httpx.Request] = []

    def public_site(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(302, headers={"Location": location})

    def resolve(host: str, port: int) -> list[str]:
        return names.get(host) or resolve_host(host, port)  # IP literals resolve to themselves

    policy = FetchPolicy(resolve=resolve, min_interval=0.0)
    with pytest.raises(BlockedAddressError, match=refusal):
        fetch("https://news.example/story", policy, httpx.Client(transport=httpx.MockTransport(public_site)))
    [request] = sent  # only the public hop was sent, to its checked address
    assert request.url.host == "93.184.216.34"
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


def test_redirect_to_another_scheme_is_refused() -> None:
    def public_site(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "file:///etc/passwd"})

    policy = FetchPolicy(resolve=lambda host, port: ["93.184.216.34"], min_interval=0.0)
    client = httpx.Client(transport=httpx.MockTransport(public_site))
    with pytest.raises(FetchError, match="only http and https URLs are fetched, not file"):
        fetch("http://news.example/", policy, client)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LocalServer, ssl.SSLContext]]:
    """The local server behind TLS with a certificate for news.test only, and a context trusting it."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    server = LocalServer()
    server.socket = server_side.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server, ssl.create_default_context(cafile=str(cert))
    server.stopping.set()
    server.shutdown()
    server.server_close()


def test_https_to_the_checked_address_verifies_the_certificate_for_the_host_name(
    tls_server: tuple[LocalServer, ssl.SSLContext],
) -> None:
    server, trusting = tls_server
    port = server.server_address[1]
    policy = FetchPolicy(allow_private=True, min_interval=0.0, retries=0, resolve=lambda h, p: ["127.0.0.1"])
    with httpx.Client(verify=trusting, trust_env=False) as client:
        host, _ = fetch(f"https://news.test:{port}/echo", policy, client).body.decode().split("\n")
        assert host == f"news.test:{port}"
        # Same address, another name: the certificate is checked against the name, not the IP.
        with pytest.raises(FetchError, match=r"could not connect .*certificate verify failed"):
            fetch(f"https://other.test:{port}/echo", policy, client)


# --- politeness -----------------------------------------------------------------------------


def test_host_throttle_spaces_requests_to_one_host() -> None:
    clock = FakeClock()
    throttle = HostThrottle(1.0, clock.time, clock.sleep)
    waits = [throttle.wait(host) for host in ("a.example", "a.example", "b.example", "a.example")]
    assert waits == [0.0, 1.0, 0.0, 1.0]
    assert clock.now == 1002.0


def test_host_throttle_does_not_wait_when_the_interval_has_passed() -> None:
    clock = FakeClock()
    throttle = HostThrottle(1.0, clock.time, clock.sleep)
    throttle.wait("a.example")
    clock.now += 5
    assert throttle.wait("a.example") == 0.0
    assert clock.sleeps == []


def test_fetch_articles_waits_between_requests_to_one_host(server: LocalServer) -> None:
    clock = FakeClock()
    policy = FetchPolicy(allow_private=True, min_interval=1.5, clock=clock.time, sleep=clock.sleep)
    urls = [server.url("/article"), server.url("/undated"), server.url("/article")]
    assert all(isinstance(item, Article) for item in fetch_articles(urls, policy))
    assert clock.sleeps == [1.5, 1.5]


# --- articles -------------------------------------------------------------------------------


def test_fetch_articles_reads_pages_and_reports_each_failure(server: LocalServer) -> None:
    unreachable = f"http://127.0.0.1:{closed_port()}/article"
    urls = [
        server.url("/chain/2"),
        server.url("/data.json"),
        server.url("/scripts"),
        server.url("/missing"),
        unreachable,
        server.url("/endless"),
        server.url("/undated"),
    ]
    policy = FetchPolicy(allow_private=True, min_interval=0.0, retries=0, max_bytes=256 * 1024)
    items = list(fetch_articles(urls, policy))
    article, *errors, undated = items
    assert isinstance(article, Article)
    assert article.title == "Harbour Pier Closed"
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)
    assert article.author == "Ana Ruiz"
    assert article.published is not None and article.published.startswith("2025-06-10")
    assert article.source == "Coastal Herald"
    assert article.url == server.url("/article")
    assert article.id == text_id(server.url("/article"))
    assert article.path is None
    assert all(isinstance(error, IngestError) for error in errors)
    reasons = {error.input: error.reason for error in errors if isinstance(error, IngestError)}
    assert list(reasons) == urls[1:-1]
    assert reasons[server.url("/data.json")] == "not an HTML page (application/json)"
    assert reasons[server.url("/scripts")] == "no article text found"
    assert reasons[server.url("/missing")] == "HTTP 404 Not Found"
    assert reasons[unreachable].startswith("could not connect")
    assert "over the 262,144-byte limit" in reasons[server.url("/endless")]
    assert isinstance(undated, Article)


def test_page_without_metadata_falls_back_to_the_response_and_the_host(
    server: LocalServer, local: FetchPolicy
) -> None:
    [article] = fetch_articles([server.url("/undated")], local)
    assert isinstance(article, Article)
    assert article.title == "Pier Repairs Begin"
    assert article.published == "2025-06-09T07:30:00+00:00"  # Last-Modified
    assert article.source == "127.0.0.1"


def test_date_header_is_the_last_resort_for_the_publication_date(
    server: LocalServer, local: FetchPolicy
) -> None:
    url = server.url("/undated-plain")
    [from_date_header] = fetch_articles([url], local)
    [from_defaults] = fetch_articles([url], local, ArticleDefaults(published="2025-01-02"))
    assert isinstance(from_date_header, Article) and isinstance(from_defaults, Article)
    assert from_date_header.published is not None  # the server's Date header: the time of the response
    assert from_defaults.published == "2025-01-02"


def test_defaults_fill_what_the_page_lacks_before_the_host(server: LocalServer, local: FetchPolicy) -> None:
    defaults = ArticleDefaults(source="Harbour Weekly", language="en")
    [undated, dated] = fetch_articles([server.url("/undated"), server.url("/article")], local, defaults)
    assert isinstance(undated, Article) and isinstance(dated, Article)
    assert undated.source == "Harbour Weekly"
    assert dated.source == "Coastal Herald"


def test_fetch_articles_refuses_private_addresses_by_default(server: LocalServer) -> None:
    [error] = fetch_articles([server.url("/article")], FetchPolicy(min_interval=0.0))
    assert isinstance(error, IngestError)
    assert error.input == server.url("/article")
    assert error.reason.startswith("refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address")


# --- URL lists ------------------------------------------------------------------------------


def test_read_url_list_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(
        "# morning run\nhttps://a.example/one\n\n   \n"
        "  https://b.example/two#section  \n  # indented comment\n",
        encoding="utf-8",
    )
    assert read_url_list(path) == ["https://a.example/one", "https://b.example/two#section"]


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_backoff_doubles_within_a_jittered_window_up_to_the_cap() -> None:
    for attempt, (low, high) in enumerate([(0.5, 1.0), (1.0, 2.0), (2.0, 4.0), (2.5, 5.0)]):
        assert low <= backoff_delay(attempt, base=1.0, cap=5.0) <= high
