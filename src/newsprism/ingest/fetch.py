"""Pages and feeds by URL: fetched politely, within limits, and never from the local network.

A URL list is input nobody vetted: a page can redirect anywhere, a host name can resolve to a
router or the cloud metadata service, and a server can stream forever. So every hop of a fetch
is checked before it connects (scheme, and every address its host resolves to, in
`addresses.py`), redirects are followed here rather than by httpx so that each one is checked,
the body is cut off at a size limit while it streams, and requests to one host are spaced out.

DNS pinning: the request goes to the address that was checked, not to a name httpx would
resolve again (a second lookup is where DNS rebinding strikes). The checked IP goes in the
request URL, the real host in the `Host` header and, for HTTPS, in the TLS server name
(httpx's `sni_hostname` request extension), so certificates are still verified against the
host name. Every request says `Connection: close`, because the connection pool keys
connections by that IP: a kept-alive TLS connection made for one name must not carry a request
for another name served from the same CDN address. Residual risks: a `client` passed in with a
proxy or HTTP/2 is on its own (the default client ignores proxy variables in the environment;
an HTTPS proxy tunnel would verify the certificate against the IP and fail), and a body that
compresses extremely well is bounded per network chunk only, which is why only gzip and
deflate are accepted.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import httpx

from newsprism.errors import NewsprismError
from newsprism.ingest.addresses import Resolver, refusal_reason, resolve_host
from newsprism.ingest.encoding import BOMS, decode_bytes, mostly_utf8, normalize_text, read_bytes
from newsprism.ingest.errors import IngestError, IngestFailure
from newsprism.ingest.fields import NO_DEFAULTS, ArticleDefaults, normalize_published, text_id
from newsprism.ingest.html import html_to_article
from newsprism.ingest.politeness import HostThrottle, backoff_delay, retry_after_seconds
from newsprism.model import Article
from newsprism.settings import settings_from_env

PROJECT_URL = "https://pypi.org/project/newsprism/"
"""Where the project is described. The operator's own contact (NEWSPRISM_CONTACT, an address or
a URL) is added to the User-Agent when set: it is the operator, not the project, a site owner
needs to reach."""


def _version() -> str:
    try:
        return metadata.version("newsprism")
    except metadata.PackageNotFoundError:
        return "dev"


def user_agent(contact: str = "") -> str:
    """The User-Agent of newsprism's requests, with the operator's `contact` when there is one."""
    return f"newsprism/{_version()} (+{PROJECT_URL}{'; ' + contact if contact else ''})"


# Honest: a site owner who sees this in a log knows what asked and where to complain.
USER_AGENT = user_agent(settings_from_env().contact)
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# Brotli and zstd can expand a small body a thousandfold more than gzip does within one chunk.
_ACCEPT_ENCODING = "gzip, deflate"
_SCHEMES = {"http": 80, "https": 443}
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_BOMS = tuple(bom for bom, _ in BOMS)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How patient, how greedy and how polite a fetch is. Times are in seconds.

    `deadline` bounds one URL from first connect to last byte, retries and redirects included;
    `retries` counts the extra tries of one request after a connection error, a timeout, a 429
    or a 5xx; the first retry waits between `backoff`/2 and `backoff`, doubling each time up to
    `max_backoff`, unless the server's Retry-After says otherwise (more than `max_retry_after`
    and the fetch gives up instead of hammering early). `min_interval` spaces the starts of
    requests to one host. `max_bytes` bounds one body as it is decoded (by default the settings'
    `max_fetch_bytes`, NEWSPRISM_MAX_FETCH_MB). `allow_private` lets a fetch reach loopback and
    private addresses: for a local test server or an intranet, never for URLs from elsewhere.
    `resolve`, `clock` and `sleep` let a test stand in for DNS and time.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = field(default_factory=lambda: settings_from_env().max_fetch_bytes)
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 30.0
    max_retry_after: float = 120.0
    min_interval: float = 1.0
    user_agent: str = USER_AGENT
    allow_private: bool = False
    resolve: Resolver = resolve_host
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep


DEFAULT_POLICY = FetchPolicy()


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetched document. `url` is where it was found after redirects, without a fragment."""

    url: str
    status: int
    content_type: str | None  # the media type, lower case, without parameters
    charset: str | None
    body: bytes
    fetched_at: datetime
    headers: dict[str, str] = field(default_factory=dict)  # names lower case
    redirects: tuple[str, ...] = ()  # the URLs that redirected, in order


class FetchError(NewsprismError):
    """A URL that could not be fetched; `str()` is one line naming the URL and the reason."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(url, reason, status)
        self.url = url
        self.reason = " ".join(reason.split())
        self.status = status  # the HTTP status when the server answered with an error

    def __str__(self) -> str:
        return f"{' '.join(self.url.split())}: {self.reason}"


class BlockedAddressError(FetchError):
    """The URL, or a redirect, leads to an address that is not public (see `allow_private`)."""


class ResponseTooLargeError(FetchError):
    """The body is over `max_bytes`; it was not read further."""


def shared_throttle(policy: FetchPolicy) -> HostThrottle:
    """The throttle all fetches under an equal policy share, so separate calls stay polite."""
    try:
        return _throttle_for(policy)
    except TypeError:  # a policy holding an unhashable callable cannot be shared; it gets its own
        return HostThrottle(policy.min_interval, policy.clock, policy.sleep)


@lru_cache(maxsize=32)
def _throttle_for(policy: FetchPolicy) -> HostThrottle:
    return HostThrottle(policy.min_interval, policy.clock, policy.sleep)


def allowed_addresses(url: str | httpx.URL, policy: FetchPolicy = DEFAULT_POLICY) -> list[str]:
    """The addresses a fetch of `url` may connect to: all its host resolves to, each checked.

    Raises BlockedAddressError when any of them is not public (unless `policy.allow_private`):
    a name resolving to a public and a private address at once is how rebinding attacks start.
    Raises FetchError for a scheme other than http(s) or a host that does not resolve.
    """
    label = str(url)
    parsed = _parse(url, label)
    host = parsed.raw_host.decode("ascii")
    try:
        addresses = policy.resolve(host, parsed.port or _SCHEMES[parsed.scheme])
    except OSError as err:  # socket.gaierror: no such host, or no DNS; not retried
        raise FetchError(label, f"host {host} not found ({err.strerror or err})") from err
    except UnicodeError as err:  # a label over 63 characters
        raise FetchError(label, f"host {host} is not a valid host name") from err
    if not addresses:
        raise FetchError(label, f"host {host} resolves to no address")
    if not policy.allow_private:
        for address in addresses:
            why = refusal_reason(address)
            if why:
                article = "an" if why[0] in "aeiou" else "a"  # "an unspecified address"
                raise BlockedAddressError(
                    label, f"refused: {host} resolves to {address}, {article} {why} address"
                )
    return addresses


def fetch(
    url: str,
    policy: FetchPolicy = DEFAULT_POLICY,
    client: httpx.Client | None = None,
    *,
    throttle: HostThrottle | None = None,
) -> FetchResult:
    """Fetch one page or feed by URL under `policy`; raises FetchError (or a subclass).

    Any 2xx is a result whatever its type; other statuses after retries are errors. Pass a
    `client` to reuse one across calls; it must not follow redirects itself for the checks to
    hold, and `fetch` asks it not to. `throttle` defaults to one shared by every fetch under
    an equal policy.
    """
    with _client_for(policy, client) as active:
        return _fetch(url.strip(), policy, active, throttle or shared_throttle(policy))


def fetch_articles(
    urls: Iterable[str],
    policy: FetchPolicy = DEFAULT_POLICY,
    defaults: ArticleDefaults = NO_DEFAULTS,
    *,
    client: httpx.Client | None = None,
) -> Iterator[Article | IngestError]:
    """Fetch each URL and read its page as an Article; a failure is an IngestError named by the URL."""
    throttle = shared_throttle(policy)
    with _client_for(policy, client) as active:
        for raw in urls:
            url = raw.strip()
            item: Article | IngestError
            try:
                item = page_to_article(_fetch(url, policy, active, throttle), defaults)
            except FetchError as err:
                item = IngestError(url, err.reason)
            except IngestFailure as err:
                item = err.at(url)
            yield item


def page_to_article(result: FetchResult, defaults: ArticleDefaults = NO_DEFAULTS) -> Article:
    """A fetched HTML page as an Article; raises IngestFailure for another type or no text.

    The page's own metadata comes first; then what the response says about itself (Last-Modified);
    then `defaults`; last the guesses: the URL's outlet (fields.resolve_source), the Date header
    (the time of the response, not of writing) for the publication date.
    """
    if not _is_html(result):
        raise IngestFailure(f"not an HTML page ({result.content_type or 'no content type'})")
    dates = (result.headers.get("last-modified"), defaults.published, result.headers.get("date"))
    filled = replace(
        defaults,
        published=next((value for value in dates if normalize_published(value)), None),
    )
    html = _decode_page(result.body, result.charset, result.url)
    article = html_to_article(html, id=text_id(result.url), path=None, defaults=filled, url=result.url)
    article.url = result.url
    return article


def read_url_list(path: str | Path) -> list[str]:
    """The URLs in a text file, one a line; blank lines and lines starting with # are skipped.

    A # later in a line stays: it is a URL's fragment, not a comment. Read as any local text
    is: a regular file under the input size cap, so a list linked to /dev/zero is refused.
    """
    lines = decode_bytes(read_bytes(path), str(path)).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@contextmanager
def _client_for(policy: FetchPolicy, client: httpx.Client | None) -> Iterator[httpx.Client]:
    if client is not None:
        yield client
        return
    # No proxies or certificates from the environment: a proxy would redo the DNS lookup this
    # module pins. A user who needs one passes a client, and the residual risk with it.
    timeout = httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout)
    with httpx.Client(trust_env=False, follow_redirects=False, timeout=timeout) as own:
        yield own


def _fetch(url: str, policy: FetchPolicy, client: httpx.Client, throttle: HostThrottle) -> FetchResult:
    deadline = policy.clock() + policy.deadline
    current = _parse(url, url)
    chain: list[str] = []
    for _ in range(policy.max_redirects + 1):
        try:
            reply = _get_with_retries(current, policy, client, throttle, deadline, url)
        except FetchError as err:
            if chain:  # say which hop failed; the error still names the URL that was asked for
                raise type(err)(url, f"after a redirect to {current}: {err.reason}", err.status) from err
            raise
        response = reply.response
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location", "").strip()
            if not location:
                raise FetchError(url, f"{_status_text(response)} without a Location", response.status_code)
            chain.append(str(current))
            current = _parse(_join(current, location, url), url)
            continue
        if not 200 <= response.status_code < 300:
            raise FetchError(url, _status_text(response), response.status_code)
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return FetchResult(
            url=str(current.copy_with(fragment=None)),
            status=response.status_code,
            content_type=content_type or None,
            charset=response.charset_encoding,
            body=reply.body,
            fetched_at=reply.fetched_at,
            headers={name.lower(): value for name, value in response.headers.items()},
            redirects=tuple(chain),
        )
    raise FetchError(url, f"more than {policy.max_redirects} redirects")


@dataclass(slots=True)
class _Reply:
    response: httpx.Response  # closed; its body is in `body`, read only for a 2xx
    body: bytes
    fetched_at: datetime


def _get_with_retries(
    url: httpx.URL,
    policy: FetchPolicy,
    client: httpx.Client,
    throttle: HostThrottle,
    deadline: float,
    label: str,
) -> _Reply:
    failure = ""
    status: int | None = None
    for attempt in range(policy.retries + 1):
        try:
            reply = _exchange(url, policy, client, throttle, deadline, label)
        except _RETRYABLE_ERRORS as err:
            failure, status = _describe(err), None
            wait = backoff_delay(attempt, policy.backoff, policy.max_backoff)
        except httpx.HTTPError as err:  # a broken gzip body, a protocol violation: trying again won't help
            raise FetchError(label, _describe(err)) from err
        else:
            status = reply.response.status_code
            if status != 429 and status < 500:
                return reply
            failure = _status_text(reply.response)
            asked = retry_after_seconds(reply.response.headers.get("retry-after"))
            if asked is not None and asked > policy.max_retry_after:
                raise FetchError(label, f"{failure}; asked to wait {asked:.0f} s, over the cap", status)
            wait = backoff_delay(attempt, policy.backoff, policy.max_backoff) if asked is None else asked
        if attempt == policy.retries:
            break
        if policy.clock() + wait > deadline:
            raise FetchError(label, f"{failure}; no time left to retry within {policy.deadline:g} s", status)
        policy.sleep(wait)
    retried = f" (after {policy.retries} retries)" if policy.retries else ""
    raise FetchError(label, failure + retried, status)


def _exchange(
    url: httpx.URL,
    policy: FetchPolicy,
    client: httpx.Client,
    throttle: HostThrottle,
    deadline: float,
    label: str,
) -> _Reply:
    """One GET of `url`, sent to a checked address; tries the next address if one refuses."""
    addresses = allowed_addresses(url, policy)
    host = url.raw_host.decode("ascii")
    headers = {
        "Host": url.netloc.decode("ascii"),
        "User-Agent": policy.user_agent,
        "Accept": _ACCEPT,
        "Accept-Encoding": _ACCEPT_ENCODING,
        "Connection": "close",
    }
    extensions = {"sni_hostname": host} if url.scheme == "https" else {}
    throttle.wait(host)
    failed: httpx.TransportError | None = None
    for address in addresses:
        remaining = _remaining(policy, deadline, label)
        timeout = httpx.Timeout(
            min(policy.read_timeout, remaining), connect=min(policy.connect_timeout, remaining)
        )
        request = client.build_request(
            "GET", url.copy_with(host=address), headers=headers, extensions=extensions, timeout=timeout
        )
        try:
            response = client.send(request, stream=True, follow_redirects=False)
        except (httpx.ConnectError, httpx.ConnectTimeout) as err:
            failed = err
            continue
        try:
            return _Reply(response, _read_body(response, policy, deadline, label), datetime.now(UTC))
        finally:
            response.close()
    assert failed is not None  # allowed_addresses never returns an empty list
    raise failed


def _read_body(response: httpx.Response, policy: FetchPolicy, deadline: float, label: str) -> bytes:
    """The decoded body of a 2xx, stopped as soon as it passes `max_bytes` or the deadline."""
    if not 200 <= response.status_code < 300:
        return b""  # redirects and errors are judged by their status; their bodies are not needed
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise ResponseTooLargeError(
            label, f"response of {int(declared):,} bytes is over the {policy.max_bytes:,}-byte limit"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decoded, so a gzip bomb counts at its full size
        size += len(chunk)
        if size > policy.max_bytes:
            raise ResponseTooLargeError(
                label, f"response is over the {policy.max_bytes:,}-byte limit; stopped reading"
            )
        chunks.append(chunk)
        if policy.clock() > deadline:
            raise FetchError(label, f"still reading after {policy.deadline:g} s; gave up")
    return b"".join(chunks)


def _remaining(policy: FetchPolicy, deadline: float, label: str) -> float:
    left = deadline - policy.clock()
    if left <= 0:
        raise FetchError(label, f"gave up after {policy.deadline:g} s")
    return left


def _parse(value: str | httpx.URL, label: str) -> httpx.URL:
    try:
        parsed = httpx.URL(value)
    except httpx.InvalidURL as err:
        raise FetchError(label, f"not a valid URL ({err})") from err
    if parsed.scheme not in _SCHEMES:
        raise FetchError(label, f"only http and https URLs are fetched, not {parsed.scheme or 'no scheme'}")
    if not parsed.raw_host:
        raise FetchError(label, "the URL has no host")
    return parsed


def _join(base: httpx.URL, location: str, label: str) -> httpx.URL:
    try:
        return base.join(location)
    except httpx.InvalidURL as err:
        raise FetchError(label, f"redirect to an invalid URL ({err})") from err


def _status_text(response: httpx.Response) -> str:
    return f"HTTP {response.status_code} {response.reason_phrase}".strip()


def _describe(err: httpx.HTTPError) -> str:
    detail = str(err) or type(err).__name__
    if isinstance(err, httpx.ConnectTimeout):
        return "timed out connecting"
    if isinstance(err, httpx.TimeoutException):
        return "timed out waiting for the server"
    if isinstance(err, httpx.ConnectError):
        return f"could not connect ({detail})"
    if isinstance(err, httpx.DecodingError):
        return f"the body could not be decoded ({detail})"
    return f"connection failed ({detail})"


def _is_html(result: FetchResult) -> bool:
    if result.content_type in _HTML_TYPES:
        return True
    if result.content_type not in (None, "application/octet-stream"):
        return False
    head = result.body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _decode_page(body: bytes, charset: str | None, url: str) -> str:
    """Bytes that are valid UTF-8, or nearly, are UTF-8 whatever the header says (servers declare
    ISO-8859-1 by default); otherwise a declared charset beats guessing."""
    if charset and not body.startswith(_BOMS):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            if mostly_utf8(body):
                return decode_bytes(body, url)  # UTF-8, its few bad bytes replaced, with a warning
            try:
                return normalize_text(body.decode(charset))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(body, url)
