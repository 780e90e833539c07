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


def to_json(document: JSON) -> bytes:
    """Pretty JSON in the document's own key order (built deterministically), LF line ends."""
    return (json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode(
        "utf-8"
    )


_NON_ASCII = re.compile("[\x7f-\U0010ffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # YAML's \u takes 16 bits and does not pair surrogates: astral characters need \U.
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _quote(text: str) -> str:
    """A double-quoted YAML scalar in ASCII (JSON escapes quotes, backslashes, controls)."""
    return _NON_ASCII.sub(_escape, json.dumps(text, ensure_ascii=False))


def _scalar(value: JSON) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _quote(value)
    return json.dumps(value, allow_nan=False)  # int or float


def _key(key: str) -> str:
    if _PLAIN_KEY.match(key) and key.lower() not in _SPECIAL:
        return key
    return _quote(key)


def _write(out: list[str], value: JSON, indent: str) -> None:
    """`value` (a non-empty dict or list) as block lines at `indent`."""
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{indent}{_key(key)}:"
            _item(out, head, item, indent)
    else:
        for item in value:
            if isinstance(item, dict) and item:
                # `- key: value` with the other keys under it (compact block mapping)
                start = len(out)
                _write(out, item, indent + "  ")
                out[start] = f"{indent}- " + out[start][len(indent) + 2 :]
            else:
                _item(out, f"{indent}-", item, indent)


def _item(out: list[str], head: str, item: JSON, indent: str) -> None:
    if isinstance(item, (dict, list)) and item:
        out.append(head)
        _write(out, item, indent + "  ")
    elif isinstance(item, dict):
        out.append(f"{head} {{}}")
    elif isinstance(item, list):
        out.append(f"{head} []")
    else:
        out.append(f"{head} {_scalar(item)}")


def to_yaml(document: JSON) -> bytes:
    out: list[str] = []
    if isinstance(document, (dict, list)) and document:
        _write(out, document, "")
    else:
        out.append(_scalar(document) if not isinstance(document, (dict, list)) else "{}")
    return ("\n".join(out) + "\n").encode("ascii")
