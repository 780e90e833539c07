"""Diagnostics: problems found in a schema, reported as values the way a compiler does."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Diagnostic", "Level", "SchemaLoadError", "has_errors"]


class Level(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: `file:line: level: element: message`.

    `element` names the schema element it concerns (`class KalturaFoo`,
    `action media.list`, ...) so a reader can find it without the line number.
    """

    level: Level
    file: str
    line: int
    element: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        subject = f"{self.element}: " if self.element else ""
        return _one_line(f"{where}: {self.level.value}: {subject}{self.message}")

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


def _one_line(text: str) -> str:
    """Schema text quoted in a diagnostic stays on one line: control characters (line
    breaks included) are shown as escapes, so one problem is always one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


class SchemaLoadError(Exception):
    """The input cannot be used at all (unreadable, not XML, hostile, wrong root).

    Carries the diagnostic that explains why; the CLI prints it and exits with 2.
    """

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic
