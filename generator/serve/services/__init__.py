"""Named per-service behaviour where the generic semantics are not enough.

Each module has `install(host)`, which registers handlers for `(service id, action)` pairs
(`core.register`: only when the schema has that service and action, so every schema works
with whatever subset it defines) and hooks for tables. Adding a module is one file plus its
name in `MODULES`.
"""

from __future__ import annotations

from generator.serve.services import (
    assets,
    category,
    entries,
    esearch,
    metadata,
    session,
    system,
)

__all__ = ["MODULES"]

MODULES = (session, entries, assets, metadata, category, system, esearch)
