"""The two ways schema text reaches HTML besides Jinja autoescaping: URL/id slugs and JSON.

Every URL path, fragment and element id made from a schema name goes through `slug`; every
JSON value embedded in a page (`<script type="application/json">`) or in a data script
goes through `json_text`, which escapes what could end a script element or a JS string.
"""

from __future__ import annotations

import json
import re

__all__ = ["json_text", "slug"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def slug(name: str) -> str:
    """A file-name and fragment-safe form of a schema name.

    Model names are identifiers already (validate enforces it), so this is the identity for
    them; anything else is reduced to `[A-Za-z0-9_.-]` with `-` and never starts with a dot."""
    text = _UNSAFE.sub("-", name)
    if not text or text.startswith("."):
        text = "_" + text
    return text


def json_text(value: object) -> str:
    """Compact JSON that is safe inside `<script>` and in JavaScript source. Key order is
    the order the generator built the value in (deterministic: schema order)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)
