"""Limits that hold against a hostile or broken server, shared by the sync and async clients.

* `BodyDecoder`: the response body (gzip / deflate decoded here, never by the HTTP library)
  is refused as soon as it, or what it inflates to, passes `config.maxResponseSize`: a 1 MB
  gzip bomb costs at most that much memory, not the 1 GB it expands to.
* `Watchdog`: one daemon thread that enforces the TOTAL time limit of a sync call
  (`config.requestTimeout`, covering connect, retries, headers and body): a socket read
  timeout alone restarts on every byte, so a server dripping a byte per second could hold a
  call forever. At the deadline the watchdog shuts the connection's socket down, which ends
  the blocked read at once; the transport then reports the timeout.
* `is_safe_read`: which actions may be retried after a failure that may have reached the
  server (see its docstring for the rule).
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
import zlib
from typing import Any

from ..exceptions import KalturaClientException

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "BodyDecoder",
    "Deadline",
    "Watchdog",
    "is_safe_read",
    "watchdog",
]

DEFAULT_MAX_RESPONSE_SIZE = 256 * 1024 * 1024
_READ_VERBS = ("get", "list", "count", "serve", "search", "is")
# Reads by name that change server state: batch workers claim jobs with them (a retry would
# claim a second batch and leave the first locked), `getOrCreate*` creates.
_CLAIMING_PREFIXES = ("getExclusive", "getOrCreate")
_CLAIMING_ACTIONS = frozenset({"getJobs"})

_safe_cache: dict[tuple[str, str], bool] = {}


def is_safe_read(service: str, action: str) -> bool:
    """Whether `service.action` only reads, so repeating it after a lost reply is harmless.

    The rule: the action's verb is `get`, `list`, `count`, `serve`, `search` or `is`, alone
    or followed by a capital letter (`get`, `listByEntry`, `isLive`), and it is not a claim:
    not `getExclusive*` (batch job claims: `batch.getExclusiveJobs`, `dropFolder.
    getExclusiveDropFolder`, ...), not `getOrCreate*`, not `getJobs` (Reach vendors pull
    tasks), and not on a batch-worker service (`batch`, `batchcontrol`, ids ending in
    `batch`), whose every call is part of a job protocol. Anything else may change state.
    """
    key = (service, action)
    known = _safe_cache.get(key)
    if known is None:
        service_id = service.lower()
        known = (
            any(
                action == verb or (action.startswith(verb) and action[len(verb)].isupper())
                for verb in _READ_VERBS
            )
            and not action.startswith(_CLAIMING_PREFIXES)
            and action not in _CLAIMING_ACTIONS
            and not service_id.endswith("batch")
            and service_id != "batchcontrol"
        )
        _safe_cache[key] = known
    return known


# --------------------------------------------------------------------------------------------
# Response size


class BodyDecoder:
    """Accumulates a response body, decoding `Content-Encoding` itself, within `limit` bytes
    (both the bytes received and the bytes they inflate to)."""

    __slots__ = ("_chunks", "_inflater", "_received", "_size", "limit", "url")

    def __init__(self, content_encoding: str | None, limit: int, url: str) -> None:
        self.limit = limit
        self.url = url
        self._chunks: list[bytes] = []
        self._size = 0
        self._received = 0
        encoding = (content_encoding or "").strip().lower()
        if encoding in ("", "identity"):
            self._inflater: Any = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib header (auto)
        else:
            raise KalturaClientException(
                f"Unsupported Content-Encoding {content_encoding!r} from {_origin(url)}",
                KalturaClientException.ERROR_READ_GZIP_FAILED,
            )

    def check_length(self, content_length: Any) -> None:
        """Refuse early when the declared length already passes the limit."""
        try:
            declared = int(content_length)
        except (TypeError, ValueError):
            return
        if declared > self.limit:
            self._too_large(f"declares {declared} bytes")

    def _too_large(self, what: str) -> None:
        raise KalturaClientException(
            f"Response from {_origin(self.url)} {what}, more than the limit of {self.limit} "
            "bytes (KalturaConfiguration.maxResponseSize)",
            KalturaClientException.ERROR_RESPONSE_TOO_LARGE,
        )

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        self._received += len(chunk)
        if self._received > self.limit:
            self._too_large(f"sent more than {self.limit} bytes")
        inflater = self._inflater
        if inflater is None:
            self._add(chunk)
            return
        try:
            data = inflater.decompress(chunk, self.limit - self._size + 1)
            self._add(data)
            while inflater.unconsumed_tail:
                data = inflater.decompress(inflater.unconsumed_tail, self.limit - self._size + 1)
                self._add(data)
        except zlib.error as error:
            raise KalturaClientException(
                f"Cannot decompress the response from {_origin(self.url)}: {error}",
                KalturaClientException.ERROR_READ_GZIP_FAILED,
            ) from None

    def _add(self, data: bytes) -> None:
        if data:
            self._size += len(data)
            if self._size > self.limit:
                self._too_large(f"inflates to more than {self.limit} bytes")
            self._chunks.append(data)

    def finish(self) -> bytes:
        inflater = self._inflater
        if inflater is not None:
            try:
                self._add(inflater.flush())
            except zlib.error as error:
                raise KalturaClientException(
                    f"Cannot decompress the response from {_origin(self.url)}: {error}",
                    KalturaClientException.ERROR_READ_GZIP_FAILED,
                ) from None
            if not inflater.eof and self._received:
                raise KalturaClientException(
                    f"Truncated compressed response from {_origin(self.url)}",
                    KalturaClientException.ERROR_READ_GZIP_FAILED,
                )
        if len(self._chunks) == 1:
            return self._chunks[0]
        return b"".join(self._chunks)


# --------------------------------------------------------------------------------------------
# Total time limit (sync transport)


class Deadline:
    """One call's total time limit; `conn` is the connection it currently uses (set by the
    transport's pool), which the watchdog shuts down when the limit passes."""

    __slots__ = ("at", "conn", "done", "expired", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.conn: Any = None
        self.done = False
        self.expired = False

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def check(self, url: str) -> None:
        if self.expired or time.monotonic() >= self.at:
            self.expired = True
            raise self.timeout_error(url)

    def timeout_error(self, url: str) -> KalturaClientException:
        return KalturaClientException(
            f"No complete response from {_origin(url)} within {self.seconds:g} s "
            "(KalturaConfiguration.requestTimeout, the total time of a call)",
            KalturaClientException.ERROR_READ_TIMEOUT,
        )

    def fire(self) -> None:
        if self.done:
            return
        self.expired = True
        conn = self.conn
        sock = getattr(conn, "sock", None) if conn is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Watchdog:
    """A single daemon thread firing `Deadline`s that are not done in time."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Deadline]] = []
        self._lock = threading.Condition(threading.Lock())
        self._counter = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline) -> None:
        with self._lock:
            heap = self._heap
            if len(heap) > 256:  # drop finished calls now and then
                live = [item for item in heap if not item[2].done]
                if len(live) < len(heap):
                    heapq.heapify(live)
                    self._heap = heap = live
            earliest = heap[0][0] if heap else None
            heapq.heappush(heap, (deadline.at, next(self._counter), deadline))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="KalturaClient-watchdog", daemon=True
                )
                self._thread.start()
            elif earliest is None or deadline.at < earliest:
                self._lock.notify()

    def _run(self) -> None:
        lock = self._lock
        with lock:
            while True:
                heap = self._heap
                while heap and heap[0][2].done:
                    heapq.heappop(heap)
                if not heap:
                    lock.wait()
                    continue
                delay = heap[0][0] - time.monotonic()
                if delay > 0:
                    lock.wait(delay)
                    continue
                _, _, deadline = heapq.heappop(heap)
                deadline.fire()


watchdog = Watchdog()


def _origin(url: str) -> str:
    return url.split("/api_v3", 1)[0]
