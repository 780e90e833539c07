"""The Python target: a typed, lazily loaded, drop-in compatible `KalturaApiClient` package."""

from __future__ import annotations

from generator.targets.python.render import GenerationError, PythonTarget, render_package

__all__ = ["TARGET", "GenerationError", "PythonTarget", "render_package"]

TARGET = PythonTarget()
