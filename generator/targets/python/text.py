"""Text-level helpers of the Python target: the one escaping path and black-stable layout.

Everything the generated code contains that came from the schema as free text goes through
`docstring()` or `string_literal()`; nothing else turns schema text into source.

Layout: the target emits code that black (line length 100) leaves unchanged, so the
output is black-formatted without running black at generation time (black on ~170 kLOC
takes minutes; the tests run `black --check` on the output to keep the guarantee).
`layout()` reproduces black's split of one bracketed expression: one line when it fits,
else the contents on one indented line, else one item per line with a trailing comma.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TypeAlias

__all__ = ["LINE_LENGTH", "Expr", "docstring", "layout", "safe_text", "string_literal"]

LINE_LENGTH = 100
INDENT = "    "


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def safe_text(text: str, *, keep_newlines: bool) -> str:
    """Escape backslashes and anything non-printable (incl. U+2028 & co., which black's
    `splitlines()` would treat as line breaks); printable non-ASCII stays readable."""
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text  # the common case, and the hot path of rendering
    out: list[str] = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n" and keep_newlines:
            out.append("\n")
        elif ch == " " or ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def string_literal(text: str) -> str:
    """A double-quoted Python literal for `text` in black's preferred quoting."""
    body = safe_text(text, keep_newlines=False).replace("\n", "\\n")
    # black's choice: double quotes unless single quotes need fewer escapes.
    if body.count("'") < body.count('"'):
        return "'" + body.replace("'", "\\'") + "'"
    return '"' + body.replace('"', '\\"') + '"'


def _docstring_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = [line.strip() for line in text.split("\n")]
    # Drop leading/trailing empty lines and collapse runs of empty lines.
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    collapsed: list[str] = []
    for line in lines:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    return collapsed


def docstring(text: str, indent: int) -> list[str]:
    """Docstring lines (already indented) for free schema text; [] when there is none.

    Safe for any input: backslashes and non-printables are escaped, quote runs are broken
    so `\"\"\"` cannot close the literal, and the layout is the one black settles on.
    """
    lines = _docstring_lines(text)
    if not lines:
        return []
    pad = " " * indent
    safe = [safe_text(line, keep_newlines=False) for line in lines]
    # Escape every quote that touches another quote or the closing delimiter.
    fixed: list[str] = []
    for i, line in enumerate(safe):
        chars = list(line)
        out: list[str] = []
        for j, ch in enumerate(chars):
            if ch == '"':
                prev_quote = j > 0 and chars[j - 1] == '"'
                next_quote = j + 1 < len(chars) and chars[j + 1] == '"'
                at_start = i == 0 and j == 0
                if prev_quote or next_quote or at_start:
                    out.append('\\"')
                    continue
            out.append(ch)
        fixed.append("".join(out))
    if fixed[-1].endswith('"'):
        fixed[-1] += " "  # as black does: a quote right before the closing quotes
    if len(fixed) == 1:
        # black never moves the closing quotes of a one-line docstring.
        return [f'{pad}"""{fixed[0]}"""']
    result = [f'{pad}"""{fixed[0]}']
    result.extend(f"{pad}{line}" if line else "" for line in fixed[1:])
    if len(result[-1]) + 3 <= LINE_LENGTH:
        result[-1] += '"""'
    else:
        result.append(f'{pad}"""')
    return result


@dataclass(frozen=True)
class Expr:
    """A bracketed expression: `head` ends with the opening bracket, `tail` starts with the
    closing one. `magic`: one item per line always (a magic trailing comma; black keeps it)."""

    head: str
    items: tuple[Item, ...]
    tail: str
    magic: bool = False
    # A parameter whose annotation black may parenthesize: its one-line form has no parens.
    param: bool = False

    def flat(self) -> str:
        if self.param:
            return self.head[:-1] + flat(self.items[0]) + self.tail[1:]
        return self.head + ", ".join(flat(i) for i in self.items) + self.tail


Item: TypeAlias = "str | Expr"


def flat(item: Item) -> str:
    return item if isinstance(item, str) else item.flat()


def layout(item: Item, indent: int, suffix: str = "") -> list[str]:
    """Lines for `item + suffix` at `indent`, split the way black splits them."""
    pad = " " * indent
    if isinstance(item, str):
        return [pad + item + suffix]
    one = pad + item.flat() + suffix
    if not item.items or (not item.magic and len(one) <= LINE_LENGTH):
        return [one]
    inner = indent + len(INDENT)
    lone_def = len(item.items) == 1 and item.head.startswith("def ")
    if not item.magic and not lone_def:
        middle = " " * inner + ", ".join(flat(i) for i in item.items)
        if len(middle) <= LINE_LENGTH:
            return [pad + item.head, middle, pad + item.tail + suffix]
    lines = [pad + item.head]
    if len(item.items) == 1 and not item.magic and not item.head.startswith("def "):
        # black adds no comma to a lone argument it cannot split (only to a `def`'s).
        lines.extend(layout(item.items[0], inner))
    else:
        for sub in item.items:
            lines.extend(layout(sub, inner, ","))
    lines.append(pad + item.tail + suffix)
    return lines


def statement(line: str, indent: int, *, atom: bool = False) -> list[str]:
    """A simple `target = value` / `return value` line; black wraps a too-long right-hand
    side that has no brackets of its own in parentheses. `atom`: the value is one literal
    (brackets inside it are text)."""
    pad = " " * indent
    one = pad + line
    if len(one) <= LINE_LENGTH:
        return [one]
    for sep in (" = ", "return "):
        head, found, value = line.partition(sep)
        if not found or not value:
            continue
        if not atom and any(b in value for b in "([{"):
            break
        wrapped = f"{pad}{INDENT}{value}"
        if len(wrapped) <= LINE_LENGTH:  # black gives up when even that does not fit
            return [f"{pad}{head}{found}(", wrapped, f"{pad})"]
        break
    return [one]


def annotated_param(name: str, annotation: str, default: str | None) -> Item:
    """A parameter; black parenthesizes a too-long union annotation (`x: (\\n A | B\\n) = d`)."""
    tail = f" = {default}" if default is not None else ""
    if " | " in annotation:
        return Expr(f"{name}: (", (annotation,), f"){tail}", param=True)
    return f"{name}: {annotation}{tail}"
