"""Polite HTTP fetching for the crawl, and the cache of fetched pages.

Polite: a User-Agent naming the service, a delay between requests, timeouts, retries with
exponential backoff on 5xx, 429 and connection errors, gzip, and conditional requests
(`If-None-Match` / `If-Modified-Since`) from what the cache remembers, so an unchanged page
costs the council's server a 304 and us nothing.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import http.client
import json
import logging
import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

USER_AGENT = "minutes-search-service/0.1 (crawler indexing published council minutes)"
# Larger responses are not a page of minutes or a web-service answer: refuse them.
MAX_BYTES = 20 * 1024 * 1024
MAX_BACKOFF = 60.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that could not be fetched after retries; the message names the URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """A response body; `changed` is False when the server answered 304 and the body is cached."""

    url: str
    body: bytes
    changed: bool


@dataclass
class FetchStats:
    """What the client did: requests sent, full responses, 304s, retries and bytes received."""

    requests: int = 0
    fetched: int = 0
    not_modified: int = 0
    retries: int = 0
    bytes: int = 0


@dataclass(frozen=True)
class CachedPage:
    """A cached response body with what the server said about it and what the crawl noted."""

    body_path: Path
    meta: dict[str, Any]

    def body(self) -> bytes:
        """The cached response body."""
        return self.body_path.read_bytes()


class PageCache:
    """Fetched pages on disk, one folder per host: `NAME.body` with `NAME.json` beside it."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, url: str) -> Path:
        """Where a URL's body and metadata live, without the suffix."""
        parts = urlsplit(url)
        host = re.sub(r"[^\w.-]+", "_", parts.netloc) or "local"
        name = parts.path.strip("/") + ("?" + parts.query if parts.query else "")
        safe = re.sub(r"[^\w.=-]+", "_", name).strip("_")[:100] or "index"
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
        return self.root / host / f"{safe}-{digest}"

    @staticmethod
    def _with(base: Path, suffix: str) -> Path:
        # Not Path.with_suffix: the name itself has dots ("ieListDocuments.aspx_CId=1").
        return base.parent / (base.name + suffix)

    def load(self, url: str) -> CachedPage | None:
        """The cached page of a URL, or None when there is none (or it is unreadable)."""
        base = self.path_for(url)
        try:
            meta = json.loads(self._with(base, ".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        body_path = self._with(base, ".body")
        return CachedPage(body_path, meta) if body_path.is_file() else None

    def store(self, url: str, body: bytes, headers: dict[str, str]) -> None:
        """Keep a fetched body with its validators; earlier notes about the URL are kept too."""
        base = self.path_for(url)
        old = self.load(url)
        meta = dict(old.meta) if old else {}
        meta.update(url=url, etag=headers.get("etag"), last_modified=headers.get("last-modified"),
                    fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    sha256=hashlib.sha256(body).hexdigest())
        _write_atomic(self._with(base, ".body"), body)
        _write_atomic(self._with(base, ".json"), _json_bytes(meta))

    def note(self, url: str, **notes: Any) -> None:
        """Record what the crawl knows about a cached URL (council, committee, date...)."""
        cached = self.load(url)
        if cached is None:
            return
        meta = {**cached.meta, **notes}
        if meta != cached.meta:
            _write_atomic(self._with(self.path_for(url), ".json"), _json_bytes(meta))

    def pages(self) -> Iterator[CachedPage]:
        """Every cached page, host by host in name order."""
        for meta_path in sorted(self.root.glob("*/*.json")):
            body_path = meta_path.parent / (meta_path.name[: -len(".json")] + ".body")
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                log.warning("%s: unreadable cache entry (%s)", meta_path, exc)
                continue
            if isinstance(meta, dict) and body_path.is_file():
                yield CachedPage(body_path, meta)


def _json_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a killed crawl never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class PoliteClient:
    """An HTTP GET client that waits between requests, retries transient failures and caches."""

    def __init__(self, cache: PageCache | None = None, *, delay: float = 1.0,
                 timeout: float = 30.0, retries: int = 3, backoff: float = 1.0) -> None:
        self.cache = cache
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.stats = FetchStats()
        self._last_answer = float("-inf")
        # Proxies come from the environment (https_proxy, no_proxy), as for any HTTP client.
        self._opener = urllib.request.build_opener()

    def get(self, url: str, *, cache: bool = True) -> Fetched:
        """GET a URL (conditionally when cached); FetchError once retries are spent."""
        cached = self.cache.load(url) if cache and self.cache else None
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
        if cached:
            if cached.meta.get("etag"):
                headers["If-None-Match"] = cached.meta["etag"]
            if cached.meta.get("last_modified"):
                headers["If-Modified-Since"] = cached.meta["last_modified"]
        for attempt in range(self.retries + 1):
            try:
                status, body, response_headers = self._request(url, headers)
            except _Transient as exc:
                if attempt == self.retries:
                    raise FetchError(url, f"{exc} (gave up after {attempt + 1} attempts)") from None
                self.stats.retries += 1
                wait = min(MAX_BACKOFF, exc.retry_after or self.backoff * 2 ** attempt)
                log.info("%s: %s; retrying in %.1f s", url, exc, wait)
                time.sleep(wait)
                continue
            if status == 304 and cached:
                self.stats.not_modified += 1
                return Fetched(url, cached.body(), changed=False)
            self.stats.fetched += 1
            if cache and self.cache:
                self.cache.store(url, body, response_headers)
            return Fetched(url, body, changed=True)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
        """One request, `delay` seconds after the last answer: (status, body, lower-cased headers)."""
        wait = self._last_answer + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.stats.requests += 1
        request = urllib.request.Request(url, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.status, self._read(url, response), _lower(response.headers)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return 304, b"", _lower(exc.headers)
            if exc.code in RETRY_STATUSES:
                raise _Transient(f"HTTP {exc.code} {exc.reason}",
                                 _retry_after(exc.headers.get("Retry-After"))) from None
            raise FetchError(url, f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError,
                socket.timeout, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise _Transient(f"no answer within {self.timeout:g} s") from None
            raise _Transient(f"connection failed ({reason})") from None
        finally:
            self._last_answer = time.monotonic()

    def _read(self, url: str, response: http.client.HTTPResponse) -> bytes:
        body = response.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            raise FetchError(url, f"response larger than {MAX_BYTES // 1024 // 1024} MB")
        if response.headers.get("Content-Encoding", "").lower() == "gzip":
            try:
                body = gzip.decompress(body)
            except (OSError, EOFError) as exc:
                raise _Transient(f"corrupt gzip body ({exc})") from None
        self.stats.bytes += len(body)
        return body


class _Transient(Exception):
    """A failure worth retrying: 5xx, 429, timeouts, refused or dropped connections."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header given in seconds (dates are ignored)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _lower(headers: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()} if headers else {}
