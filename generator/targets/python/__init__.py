"""The Python target: a typed, lazily loaded, drop-in compatible `KalturaApiClient` package."""

from __future__ import annotations

from generator.targets.python.render import (
    TARGET_INFO,
    GenerationError,
    PythonTarget,
    render_package,
)

__all__ = ["TARGET", "GenerationError", "PythonTarget", "render_package"]

TARGET = TARGET_INFO
