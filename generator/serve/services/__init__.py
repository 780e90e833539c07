"""Named per-service behaviour where the generic semantics are not enough.

Each module registers handlers for `(service id, action)` pairs and hooks for tables; a
handler is only installed when the schema has that service and action, so every schema works
with whatever subset it defines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.serve.engine import Call, Engine

__all__ = ["install"]


def install(engine: Engine) -> None:
    from generator.serve.services import category, entries, metadata, session

    for module in (session, entries, metadata, category):
        module.install(engine)


def register(engine: Engine, service: str, action: str, handler: Callable[[Call], Any]) -> None:
    """Register `handler` for `service.action` when the schema defines it."""
    svc = engine.service(service)
    if svc is None or svc.action(action) is None:
        return
    engine.handlers[(svc.id, action)] = handler
