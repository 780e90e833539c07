"""Hand-written stand-in for a generated package (follows docs/python-package.md)."""

from __future__ import annotations

from typing import Any

__all__ = ["KalturaClient", "KalturaConfiguration"]


def __getattr__(name: str) -> Any:
    if name == "KalturaClient":
        from .Client import KalturaClient

        return KalturaClient
    if name == "KalturaConfiguration":
        from .Base import KalturaConfiguration

        return KalturaConfiguration
    raise AttributeError(name)
