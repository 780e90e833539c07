"""Where a schema comes from: a path, `-` for standard input, or an http(s) URL."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.diagnostics import Diagnostic, Level, SchemaLoadError
from generator.parser import ParseResult, parse_bytes
from generator.paths import DEFAULT_SCHEMA

__all__ = ["DEFAULT_SCHEMA", "load_schema", "read_source"]


def read_source(source: str) -> tuple[bytes, str]:
    """Return the bytes of a schema source and the name diagnostics should use for it."""
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    path = Path(source)
    try:
        return path.read_bytes(), source
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SchemaLoadError(
            Diagnostic(Level.ERROR, source, 0, "", f"cannot read schema: {reason}")
        ) from None


def load_schema(source: str) -> ParseResult:
    data, name = read_source(source)
    return parse_bytes(data, name)
