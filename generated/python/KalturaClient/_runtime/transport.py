"""HTTP transport over urllib3: one connection pool per client, TLS verified by default,
proxies, gzip, streaming multipart uploads and retries only where they are safe.

Retry policy (`config.maxRetries` attempts after the first, exponential back-off from
`config.retryBackoff` seconds):
  * a failure to connect (DNS, refused, connect timeout) happens before anything is sent,
    so it is retried for every request, uploads included (file bodies are rewound first,
    and not retried at all if they cannot be);
  * HTTP 502/503/504 and a connection dropped after sending are retried only for
    idempotent calls (`get`, `list`, `count`, `serve`... without files);
  * nothing else is retried: a read timeout or 500 may mean the action already ran.
Idempotent means `limits.is_safe_read` (never claims such as `batch.getExclusiveJobs`).

Limits (`limits.py`): the whole call, retries included, ends within `config.requestTimeout`
seconds (a watchdog shuts the socket down at the deadline, so a server dripping bytes cannot
hold it), and the body, gzip-decoded here, within `config.maxResponseSize` bytes.
"""

from __future__ import annotations

import io
import mimetypes
import os
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import urllib3
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)

from ..Base import KalturaConfiguration
from ..exceptions import KalturaClientException
from . import limits, logutil

__all__ = ["MultipartBody", "Response", "Transport"]

_RETRY_STATUSES = frozenset((502, 503, 504))
_CHUNK = 256 * 1024


class Response:
    """Status, headers and (decoded) body of one HTTP exchange."""

    __slots__ = ("data", "headers", "status")

    def __init__(self, status: int, headers: Mapping[str, str], data: bytes) -> None:
        self.status = status
        self.headers = headers
        self.data = data


class _FilePart:
    __slots__ = ("content_type", "filename", "name", "size", "source", "start")

    def __init__(self, name: str, value: Any) -> None:
        self.name = name
        self.start: int | None = None
        self.size: int | None = None
        if isinstance(value, (bytes, bytearray, memoryview)):
            data = bytes(value)
            self.filename = name
            self.source: Any = io.BytesIO(data)
            self.size = len(data)
            self.start = 0
        elif isinstance(value, (str, os.PathLike)):
            path = os.fspath(value)
            self.filename = os.path.basename(path)
            self.source = open(path, "rb")  # closed by MultipartBody.close()
            self.size = os.fstat(self.source.fileno()).st_size
            self.start = 0
        elif isinstance(value, tuple):  # (filename, fileobj[, content_type]) as in requests
            self.filename = str(value[0])
            self.source = value[1]
            self._measure()
        else:
            self.filename = os.path.basename(str(getattr(value, "name", name)))
            self.source = value
            self._measure()
        guessed = mimetypes.guess_type(self.filename)[0]
        if isinstance(value, tuple) and len(value) > 2 and value[2]:
            guessed = str(value[2])
        self.content_type = guessed or "application/octet-stream"

    def _measure(self) -> None:
        source = self.source
        try:
            start = source.tell()
            end = source.seek(0, os.SEEK_END)
            source.seek(start)
        except (AttributeError, OSError, ValueError):
            return  # not seekable: sent with chunked encoding, never retried
        self.start = start
        self.size = end - start

    def rewind(self) -> bool:
        if self.start is None:
            return False
        self.source.seek(self.start)
        return True


class MultipartBody:
    """A `multipart/form-data` body (field `json`, then one part per file) streamed in
    chunks: files are never loaded in memory."""

    def __init__(self, json_text: str, files: Mapping[str, Any]) -> None:
        self.boundary = uuid.uuid4().hex
        self.parts = [_FilePart(name, value) for name, value in files.items()]
        self._opened = [p for p in self.parts if isinstance(files[p.name], (str, os.PathLike))]
        self.head = (
            f"--{self.boundary}\r\n"
            'Content-Disposition: form-data; name="json"\r\n\r\n'
            f"{json_text}\r\n"
        ).encode("utf8")
        self.tail = f"--{self.boundary}--\r\n".encode()

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def _part_header(self, part: _FilePart) -> bytes:
        filename = part.filename.replace('"', "%22").replace("\r", "").replace("\n", "")
        return (
            f"--{self.boundary}\r\n"
            f'Content-Disposition: form-data; name="{part.name}"; filename="{filename}"\r\n'
            f"Content-Type: {part.content_type}\r\n\r\n"
        ).encode("utf8")

    def length(self) -> int | None:
        """The body size, or None if a file's size cannot be known."""
        total = len(self.head) + len(self.tail)
        for part in self.parts:
            if part.size is None:
                return None
            total += len(self._part_header(part)) + part.size + 2
        return total

    def rewind(self) -> bool:
        return all(part.rewind() for part in self.parts)

    def chunks(self) -> Iterator[bytes]:
        yield self.head
        for part in self.parts:
            yield self._part_header(part)
            remaining = part.size
            while remaining is None or remaining > 0:
                size = _CHUNK if remaining is None else min(_CHUNK, remaining)
                block = part.source.read(size)
                if not block:
                    break
                if isinstance(block, str):
                    block = block.encode("utf8")
                if remaining is not None:
                    remaining -= len(block)
                yield block
            yield b"\r\n"
        yield self.tail

    def close(self) -> None:
        for part in self._opened:
            part.source.close()


class _IterReader(io.RawIOBase):
    """File-like view of `MultipartBody.chunks()` so urllib3 streams it with a length."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._chunk = b""
        self._pos = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            rest = self._chunk[self._pos :] + b"".join(self._chunks)
            self._chunk, self._pos = b"", 0
            return rest
        while self._pos >= len(self._chunk):
            try:
                self._chunk, self._pos = next(self._chunks), 0
            except StopIteration:
                return b""
        data = self._chunk[self._pos : self._pos + size]
        self._pos += len(data)
        return data


class _DeadlinePools:
    """Pool classes that tell the current call's `Deadline` which connection it got, so the
    watchdog can shut that socket down when the total time limit passes."""

    local = threading.local()

    @classmethod
    def track(cls, conn: Any) -> Any:
        deadline = getattr(cls.local, "deadline", None)
        if deadline is not None:
            deadline.conn = conn
        return conn


class _HTTPPool(HTTPConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        return _DeadlinePools.track(super()._get_conn(timeout))


class _HTTPSPool(HTTPSConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        return _DeadlinePools.track(super()._get_conn(timeout))


class Transport:
    """Sends POST requests through a pooled urllib3 manager built from the configuration.

    Every call is bounded in total by `config.requestTimeout` (or `uploadTimeout` with
    files), retries and back-off included, and its body by `config.maxResponseSize`."""

    def __init__(self, config: KalturaConfiguration) -> None:
        self.config = config
        kwargs: dict[str, Any] = {"num_pools": 4, "maxsize": 4, "block": False}
        verify = config.verifySSL
        if verify is False:
            kwargs["cert_reqs"] = "CERT_NONE"
        else:
            kwargs["cert_reqs"] = "CERT_REQUIRED"
            if isinstance(verify, str):
                kwargs["ca_certs"] = verify
        scheme = config.serviceUrl.split(":", 1)[0].lower()
        proxy = (config.proxies or {}).get(scheme) or (config.proxies or {}).get("all")
        self.pool: urllib3.PoolManager
        if proxy:
            self.pool = urllib3.ProxyManager(proxy, **kwargs)
        else:
            self.pool = urllib3.PoolManager(**kwargs)
        self.pool.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def close(self) -> None:
        self.pool.clear()

    def post(
        self,
        url: str,
        body: str,
        files: Mapping[str, Any],
        headers: dict[str, str],
        idempotent: bool,
    ) -> Response:
        config = self.config
        multipart = MultipartBody(body, files) if files else None
        timeout_s = config.requestTimeout
        if multipart is not None and config.uploadTimeout is not None:
            timeout_s = config.uploadTimeout
        deadline = limits.Deadline(timeout_s)
        limits.watchdog.watch(deadline)
        _DeadlinePools.local.deadline = deadline
        headers = dict(headers)
        payload: Any
        try:
            attempt = 0
            while True:
                remaining = deadline.remaining()
                if remaining <= 0:
                    raise deadline.timeout_error(url)
                timeout = urllib3.Timeout(connect=min(remaining, 30.0), read=remaining)
                chunked = False
                if multipart is None:
                    headers["Content-Type"] = "application/json"
                    payload = body.encode("utf8")
                else:
                    headers["Content-Type"] = multipart.content_type
                    length = multipart.length()
                    payload = _IterReader(multipart.chunks())
                    if length is None:
                        chunked = True
                        payload = multipart.chunks()
                    else:
                        headers["Content-Length"] = str(length)
                try:
                    raw = self.pool.urlopen(
                        "POST",
                        url,
                        body=payload,
                        headers=headers,
                        timeout=timeout,
                        retries=False,
                        redirect=False,
                        preload_content=False,
                        decode_content=False,
                        chunked=chunked,
                    )
                    if raw.status in _RETRY_STATUSES and idempotent and attempt < config.maxRetries:
                        raw.drain_conn()
                        raw.release_conn()
                        attempt = self._backoff(attempt, f"HTTP {raw.status}", deadline, url)
                        continue
                    data = _read_body(raw, config, url, deadline)
                    return Response(raw.status, raw.headers, data)
                except KalturaClientException:
                    raise
                except (NewConnectionError, ConnectTimeoutError) as error:
                    if deadline.expired:
                        raise deadline.timeout_error(url) from None
                    # Nothing was sent: safe to retry if the body can be replayed.
                    if attempt < config.maxRetries and (multipart is None or multipart.rewind()):
                        attempt = self._backoff(
                            attempt, f"connection failed: {error}", deadline, url
                        )
                        continue
                    raise KalturaClientException(
                        f"Cannot connect to {_origin(url)}: {error}",
                        KalturaClientException.ERROR_CONNECTION_FAILED,
                    ) from None
                except ReadTimeoutError:
                    raise deadline.timeout_error(url) from None
                except (ProtocolError, HTTPError, OSError) as error:
                    if deadline.expired:
                        raise deadline.timeout_error(url) from None
                    if idempotent and attempt < config.maxRetries:
                        attempt = self._backoff(attempt, f"connection lost: {error}", deadline, url)
                        continue
                    raise KalturaClientException(
                        f"Request to {_origin(url)} failed: {error}",
                        KalturaClientException.ERROR_CONNECTION_FAILED,
                    ) from None
        finally:
            deadline.done = True
            _DeadlinePools.local.deadline = None
            if multipart is not None:
                multipart.close()

    def _backoff(self, attempt: int, why: str, deadline: limits.Deadline, url: str) -> int:
        delay = self.config.retryBackoff * (2**attempt)
        if delay >= deadline.remaining():
            raise deadline.timeout_error(url)
        logutil.LOGGER.warning("Kaltura request %s; retrying in %.2f s", why, delay)
        if delay > 0:
            time.sleep(delay)
        return attempt + 1


def _read_body(
    raw: Any, config: KalturaConfiguration, url: str, deadline: limits.Deadline
) -> bytes:
    """The whole (decoded) body within the size and time limits; the connection goes back to
    the pool only after a complete, clean read."""
    limit = getattr(config, "maxResponseSize", limits.DEFAULT_MAX_RESPONSE_SIZE)
    try:
        decoder = limits.BodyDecoder(raw.headers.get("Content-Encoding"), limit, url)
        decoder.check_length(raw.headers.get("Content-Length"))
        while True:
            chunk = raw.read(_CHUNK, decode_content=False)
            if not chunk:
                break
            deadline.check(url)
            decoder.feed(chunk)
        deadline.check(url)
        data = decoder.finish()
    except BaseException:
        raw.close()
        raise
    # Done before the connection goes back to the pool: a watchdog firing now must not shut
    # down a socket that another call may take next.
    deadline.done = True
    raw.release_conn()
    return data


def _origin(url: str) -> str:
    return url.split("/api_v3", 1)[0]
