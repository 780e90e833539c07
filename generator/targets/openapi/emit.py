"""The document as bytes: JSON (`json.dumps`) and YAML (a block-style writer of JSON values).

YAML needs no library here: the document holds only dicts with string keys, lists, strings,
numbers, booleans and null. Every string scalar is written double-quoted: `json.dumps`
escapes (a subset of YAML's double-quoted ones), then every non-ASCII character as a 16-bit
or 32-bit escape (YAML pairs no surrogates), so the output is ASCII and holds no character
YAML treats specially (line separators, BOM, C1 controls). Keys are written plain only when
they cannot read as anything but a string.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["to_json", "to_yaml"]

JSON = Any

# Keys YAML 1.1 or 1.2 could read as a boolean, null or number when unquoted.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_SPECIAL = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"})


# Levels laid out one key per line; deeper values are one line each (a component schema,
# an operation), written by the C encoder: diffable per element and fast (the pure-Python
# indenting encoder takes most of a second for ovp-22.19.0).
PRETTY_DEPTH = 3


def to_json(document: JSON) -> bytes:
    """JSON in the document's own key order (built deterministically), LF line ends."""
    out: list[str] = []
    _json(out, document, 0)
    out.append("\n")
    return "".join(out).encode("utf-8")


_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def _json(out: list[str], value: JSON, depth: int) -> None:
    if depth >= PRETTY_DEPTH or not isinstance(value, (dict, list)) or not value:
        out.append(_COMPACT.encode(value))
        return
    pad = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(("," if index else "") + pad + _COMPACT.encode(key) + ": ")
            _json(out, item, depth + 1)
        out.append("\n" + "  " * depth + "}")
    else:
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + pad)
            _json(out, item, depth + 1)
        out.append("\n" + "  " * depth + "]")


_NON_ASCII = re.compile("[\x7f-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # YAML's \u takes 16 bits and does not pair surrogates: astral characters need \U.
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _quote(text: str) -> str:
    """A double-quoted YAML scalar in ASCII (JSON escapes quotes, backslashes, controls)."""
    return _NON_ASCII.sub(_escape, json.dumps(text, ensure_ascii=False))


def _scalar(value: JSON, quoted: dict[str, str]) -> str:
    if isinstance(value, str):
        text = quoted.get(value)
        if text is None:  # most strings repeat ("type", "string", references)
            text = quoted[value] = _quote(value)
        return text
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return json.dumps(value, allow_nan=False)  # int or float


def _key(key: str, keys: dict[str, str]) -> str:
    text = keys.get(key)
    if text is None:
        plain = _PLAIN_KEY.match(key) and key.lower() not in _SPECIAL
        text = keys[key] = (key if plain else _quote(key)) + ":"
    return text


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.quoted: dict[str, str] = {}
        self.keys: dict[str, str] = {}

    def block(self, value: JSON, indent: str) -> None:
        """`value` (a non-empty dict or list) as block lines at `indent`."""
        out = self.out
        deeper = indent + "  "
        if isinstance(value, dict):
            for key, item in value.items():
                head = indent + _key(key, self.keys)
                if isinstance(item, (dict, list)):
                    if item:
                        out.append(head)
                        self.block(item, deeper)
                    else:
                        out.append(head + (" {}" if isinstance(item, dict) else " []"))
                else:
                    out.append(head + " " + _scalar(item, self.quoted))
            return
        for item in value:
            if isinstance(item, dict) and item:
                # `- key: value` with the other keys under it (compact block mapping)
                start = len(out)
                self.block(item, deeper)
                out[start] = indent + "- " + out[start][len(deeper) :]
            elif isinstance(item, list) and item:
                out.append(indent + "-")
                self.block(item, deeper)
            elif isinstance(item, (dict, list)):
                out.append(indent + ("- {}" if isinstance(item, dict) else "- []"))
            else:
                out.append(indent + "- " + _scalar(item, self.quoted))


def to_yaml(document: JSON) -> bytes:
    writer = _Writer()
    if isinstance(document, (dict, list)) and document:
        writer.block(document, "")
    elif isinstance(document, (dict, list)):
        writer.out.append("{}" if isinstance(document, dict) else "[]")
    else:
        writer.out.append(_scalar(document, writer.quoted))
    return ("\n".join(writer.out) + "\n").encode("ascii")
