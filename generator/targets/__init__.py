"""Output targets. A target turns the model into files, in memory; it does no I/O.

The CLI looks targets up by name here, renders, and hands the files to
`generator.output`, which owns writing (atomic swap, manifest) and drift checks.
Dependencies point one way: cli -> targets -> model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from generator.model import Schema

__all__ = ["TARGETS", "GenerateOptions", "Progress", "RenderedFiles", "Target", "get_target"]

# Relative POSIX path -> file content. Sorted by the writer, so order here is free.
RenderedFiles = dict[str, bytes]

# Called with (done, total, what) while rendering; the CLI turns it into a progress line.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, what: str) -> None:
    return None


@dataclass(frozen=True)
class GenerateOptions:
    """Options shared by every target (recorded in the output manifest)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Target-specific settings, e.g. {"format": "false"}; strings so they serialize plainly.
    settings: Mapping[str, str] = field(default_factory=dict)


class Target(Protocol):
    name: str
    description: str

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles: ...


# name -> "module:attribute"; imported on demand so `validate` never pays for templates.
TARGETS: Mapping[str, str] = {
    "python": "generator.targets.python:TARGET",
    "typescript": "generator.targets.typescript:TARGET",
}


def get_target(name: str) -> Target:
    module_name, _, attribute = TARGETS[name].partition(":")
    module = importlib.import_module(module_name)
    target: Target = getattr(module, attribute)
    return target
