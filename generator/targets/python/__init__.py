"""The Python target: a typed, lazily loaded, drop-in compatible `KalturaApiClient` package."""

from __future__ import annotations

from generator.targets.python.render import TARGET_INFO, PythonTarget, plan, render_package

__all__ = ["TARGET", "PythonTarget", "plan", "render_package"]

TARGET = TARGET_INFO
