"""What every target's identifier and literal layer builds on.

`validate` guarantees that every schema name used as an identifier matches `NAME` (ASCII
letters, digits and underscores, not starting with a digit; enum constants may start with
a digit) and is at most `MAX_NAME_LENGTH` long. A target's identifier types then only have
to avoid its language's keywords and its runtime's own members, which `IdentifierRules`
does by appending underscores, and report what still collides as a diagnostic.

Schema *text* (descriptions, string values, versions, messages) reaches code only as a
literal or a comment made by the target's literal functions; `comment_text` is the shared
first step of every comment: no line breaks or control characters survive it, so text
can never end a comment line and start code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import MAX_NAME_LENGTH

__all__ = [
    "CONST_NAME",
    "MAX_NAME_LENGTH",
    "NAME",
    "IdentifierRules",
    "UnsafeNameError",
    "comment_lines",
    "comment_text",
]

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
CONST_NAME = re.compile(r"[A-Za-z0-9_]+\Z")


class UnsafeNameError(ValueError):
    """A name reached a target without passing `validate`: a bug of ours, not the schema's."""


@dataclass(frozen=True)
class IdentifierRules:
    """One language's words an identifier may not be, and how a name avoids them."""

    language: str
    keywords: frozenset[str]
    # Names the generated code or its runtime uses itself in the same scope.
    reserved: frozenset[str] = frozenset()
    suffix: str = "_"

    def escape(self, name: str, also: Iterable[str] = ()) -> str:
        """`name` with the suffix appended until it is no keyword or reserved name."""
        if not CONST_NAME.match(name):
            raise UnsafeNameError(f"{self.language}: {name!r} is not a name; validate it first")
        taken = frozenset(also)
        candidate = name
        while candidate in self.keywords or candidate in self.reserved or candidate in taken:
            candidate += self.suffix
        return candidate


_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")


def _printable(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Control, format (bidi overrides), surrogates, unassigned and private use never
    # reach output: they can hide or reorder what a reader sees.
    return not category.startswith("C") or ch == "\t"


def comment_text(text: str) -> str:
    """`text` as one line of plain printable characters (line breaks become spaces)."""
    flat = _BREAKS.sub(" ", text)
    return "".join(ch if _printable(ch) else " " for ch in flat).replace("\t", " ").strip()


def comment_lines(text: str) -> list[str]:
    """`text` as printable lines (for multi-line doc comments; each line is safe alone)."""
    lines = _BREAKS.split(text.replace("\r\n", "\n"))
    return ["".join(ch if _printable(ch) else " " for ch in line).rstrip() for line in lines]
