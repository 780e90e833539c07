"""Output targets. A target turns the (selected) model into files, in memory; it does no I/O.

A target is one module under `generator/targets/<name>/` plus one template folder
`templates/<name>/`. It declares its settings, may check a schema before rendering
(returning diagnostics with schema lines, never raising for a schema problem), and renders.
Everything targets share (selection, typed defaults, configurations, type walks, name
uniquifying, doc text, the Jinja environment with template overrides, runtime copying and
the render cache) lives once, in `generator.select` and `generator.targets.shared`.

The stages are wired in `generator.pipeline`; dependencies point one way:
cli -> pipeline -> targets -> targets.shared -> model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.diagnostics import Diagnostic
from generator.model import Schema

__all__ = [
    "TARGETS",
    "GenerateOptions",
    "Progress",
    "RenderedFiles",
    "Setting",
    "SettingError",
    "Target",
    "TargetInfo",
    "get_target",
    "no_progress",
]

# Relative POSIX path -> file content. Sorted by the writer, so order here is free.
RenderedFiles = dict[str, bytes]

# Called with (done, total, what) while rendering; the CLI turns it into a progress line.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, what: str) -> None:
    return None


class SettingError(ValueError):
    """A `--set key=value` the target does not declare, or a value it cannot take."""


@dataclass(frozen=True)
class Setting:
    """One declared target setting (`--set name=value`).

    Values stay strings on the way in and in the manifest (they serialize plainly);
    `choices` or `check` say which strings are accepted.
    """

    name: str
    help: str
    default: str = ""
    choices: tuple[str, ...] = ()
    # Returns an error message for a bad value, None when it is fine.
    check: Callable[[str], str | None] | None = None

    def validate(self, value: str) -> str:
        if self.choices and value not in self.choices:
            raise SettingError(
                f"--set {self.name}={value!r}: expected one of {', '.join(self.choices)}"
            )
        if self.check is not None:
            problem = self.check(value)
            if problem:
                raise SettingError(f"--set {self.name}={value!r}: {problem}")
        return value


@dataclass(frozen=True)
class GenerateOptions:
    """Options shared by every target (recorded in the output manifest)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Declared target settings that differ from their defaults, validated by the pipeline.
    settings: Mapping[str, str] = field(default_factory=dict)
    # `--templates DIR`: layered over the built-in templates of the target.
    templates: Path | None = None
    # sha256 of the override set (file names and bytes); "" without overrides.
    templates_digest: str = ""
    # True when the schema is the embedded sample: output must not pass for the real API.
    sample: bool = False

    def setting(self, target: TargetInfo, name: str) -> str:
        """The value of a declared setting (its default when not set)."""
        for declared in target.settings:
            if declared.name == name:
                return self.settings.get(name, declared.default)
        raise KeyError(f"target {target.name!r} declares no setting {name!r}")


class TargetInfo(Protocol):
    name: str
    description: str
    settings: tuple[Setting, ...]


class Target(TargetInfo, Protocol):
    # Template name -> one line on what it lays out (`kaltura-codegen templates`).
    templates: Mapping[str, str]

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        """Problems this target has with the (selected) schema, as diagnostics with sources."""
        ...

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        """Files for the selected schema. Only called when `check` found no error."""
        ...


# name -> "module:attribute"; imported on demand so `validate` never pays for templates.
TARGETS: Mapping[str, str] = {
    "python": "generator.targets.python:TARGET",
    "typescript": "generator.targets.typescript:TARGET",
    "docs": "generator.targets.docs:TARGET",
}


def get_target(name: str) -> Target:
    module_name, _, attribute = TARGETS[name].partition(":")
    module = importlib.import_module(module_name)
    target: Target = getattr(module, attribute)
    return target
