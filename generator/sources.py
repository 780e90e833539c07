"""Where a schema comes from: a path, `-` for standard input, or an http(s) URL.

A URL is fetched with a timeout and a size limit; every failure (DNS, refused
connection, timeout, HTTP status, oversize body) becomes one clear diagnostic, never a
traceback. With a cache directory, the body of a successful download is stored under a
name derived from the URL (SHA-256), and later loads of the same URL read it from disk
without touching the network; delete the file (or pass `refresh=True`) to fetch again.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from generator import __version__
from generator.diagnostics import Diagnostic, Level, SchemaLoadError
from generator.parser import ParseResult, parse_bytes
from generator.paths import DEFAULT_SCHEMA

__all__ = [
    "DEFAULT_SCHEMA",
    "DEFAULT_TIMEOUT",
    "MAX_DOWNLOAD_BYTES",
    "cache_path",
    "is_url",
    "load_schema",
    "read_source",
]

DEFAULT_TIMEOUT = 30.0  # seconds, per socket operation
MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024  # real schemas are 0.2 - 2 MB


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def cache_path(cache_dir: Path, url: str) -> Path:
    """The file a URL is cached in: stable across runs, safe as a file name."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    return cache_dir / f"{digest}.xml"


def read_source(
    source: str,
    *,
    cache_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    refresh: bool = False,
) -> tuple[bytes, str]:
    """Return the bytes of a schema source and the name diagnostics should use for it."""
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    if is_url(source):
        return _read_url(source, cache_dir, timeout, refresh), source
    path = Path(source)
    try:
        return path.read_bytes(), source
    except OSError as exc:
        raise _unusable(source, f"cannot read schema: {exc.strerror or exc}") from None


def load_schema(
    source: str,
    *,
    cache_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    refresh: bool = False,
) -> ParseResult:
    """Read, parse and validate a schema. Raises `SchemaLoadError` when it is unusable."""
    data, name = read_source(source, cache_dir=cache_dir, timeout=timeout, refresh=refresh)
    return parse_bytes(data, name)


def _unusable(source: str, message: str) -> SchemaLoadError:
    return SchemaLoadError(Diagnostic(Level.ERROR, source, 0, "", message))


def _read_url(url: str, cache_dir: Path | None, timeout: float, refresh: bool) -> bytes:
    cached = cache_path(cache_dir, url) if cache_dir is not None else None
    if cached is not None and not refresh:
        try:
            return cached.read_bytes()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise _unusable(url, f"cannot read cached copy {cached}: {exc.strerror}") from None
    data = _download(url, timeout)
    if cached is not None:
        _store(cached, data, url)
    return data


def _download(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": f"kaltura-codegen/{__version__}", "Accept": "*/*"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read(MAX_DOWNLOAD_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise _unusable(url, f"cannot download schema: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            message = f"timed out after {timeout:g} s"
        else:
            message = str(getattr(reason, "strerror", None) or reason)
        raise _unusable(url, f"cannot download schema: {message}") from None
    except TimeoutError:
        raise _unusable(url, f"cannot download schema: timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        # ValueError: malformed URL (e.g. "http://"); OSError: connection reset mid-body.
        raise _unusable(url, f"cannot download schema: {exc}") from None
    if len(data) > MAX_DOWNLOAD_BYTES:
        raise _unusable(
            url, f"cannot download schema: larger than {MAX_DOWNLOAD_BYTES // 2**20} MiB"
        )
    return data


def _store(path: Path, data: bytes, url: str) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a schema."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".download-", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _unusable(url, f"cannot write cache {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
