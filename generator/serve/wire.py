"""The wire: HTTP requests into parameter trees, results into XML (format=2) or JSON (format=1).

Requests arrive as a JSON body, a form, a query string, or multipart (a `json` field plus
file parts); nested parameters use `a[b][c]` (or the legacy `a:b:c`) keys, `name__null`
marks an explicit null and `{"-": ""}` an empty array. Everything is folded into one tree of
dicts; typing against the schema happens later (`coerce`).

Responses use the envelope official clients parse: ``<xml><result>...</result>
<executionTime>..</executionTime></xml>``, objects as ``<objectType>`` then properties,
arrays and maps as ``<item>`` children (maps with ``<itemKey>``), empty ones as ``<name/>``,
errors as ``<error><objectType>KalturaAPIException</objectType><code>..`` .
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.serve.errors import ApiError

__all__ = [
    "UploadedFile",
    "error_to_json",
    "merge_param",
    "render_json",
    "render_xml",
    "split_key",
]

Obj = dict[str, Any]
# Marks an object cut down to chosen fields (a response profile): no nulls for the rest.
SELECTED_FIELDS = "_selectedFields"


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content: bytes
    content_type: str


_KEY_PART = re.compile(r"\[([^\]]*)\]")


def split_key(key: str) -> list[str]:
    """`filter[nameLike]` / `filter:nameLike` / `1:filter[a]` -> path segments."""
    head, bracket, rest = key.partition("[")
    parts = head.split(":") if ":" in head else [head]
    if bracket:
        parts.extend(_KEY_PART.findall("[" + rest))
    return [p for p in parts if p != ""] or [key]


def merge_param(tree: Obj, key: str, value: Any) -> None:
    """Put one flat `key=value` into the nested `tree`."""
    path = split_key(key)
    node = tree
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[path[-1]] = value


def deep_merge(target: Obj, source: Mapping[str, Any]) -> None:
    for key, value in source.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            deep_merge(target[key], value)
        else:
            target[key] = value


# --------------------------------------------------------------------------- XML

_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INVALID_XML_CHARS.sub("", text)


def scalar_text(value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


# Orders an object's keys the way the schema lists its properties.
KeyOrder = Callable[[str], Sequence[str]]


def _xml_value(out: list[str], tag: str, value: Any, order: KeyOrder) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        if not value:
            out.append(f"<{tag}/>")
            return
        out.append(f"<{tag}>")
        _xml_inner(out, value, order)
        out.append(f"</{tag}>")
    elif isinstance(value, list):
        if not value:
            out.append(f"<{tag}/>")
            return
        out.append(f"<{tag}>")
        for item in value:
            _xml_item(out, item, order, None)
        out.append(f"</{tag}>")
    else:
        out.append(f"<{tag}>{_escape(scalar_text(value))}</{tag}>")


def _xml_item(out: list[str], item: Any, order: KeyOrder, key: str | None) -> None:
    out.append("<item>")
    if key is not None:
        out.append(f"<itemKey>{_escape(key)}</itemKey>")
    if isinstance(item, dict):
        _xml_inner(out, item, order)
    elif isinstance(item, list):
        for sub in item:
            _xml_item(out, sub, order, None)
    elif item is not None:
        out.append(_escape(scalar_text(item)))
    out.append("</item>")


def _xml_inner(out: list[str], value: Obj, order: KeyOrder) -> None:
    object_type = value.get("objectType")
    if isinstance(object_type, str):
        out.append(f"<objectType>{_escape(object_type)}</objectType>")
        known = order(object_type)
        for key in known:
            if key in value:
                _xml_value(out, key, value[key], order)
        known_set = set(known)
        for key in [
            k for k in value if k != "objectType" and k not in known_set and not k.startswith("_")
        ]:
            if key == "relatedObjects" and isinstance(value[key], dict):
                _xml_map(out, key, value[key], order)
            else:
                _xml_value(out, key, value[key], order)
    else:  # a map
        for key, item in value.items():
            _xml_item(out, item, order, str(key))


def _xml_map(out: list[str], tag: str, value: Obj, order: KeyOrder) -> None:
    if not value:
        out.append(f"<{tag}/>")
        return
    out.append(f"<{tag}>")
    for key, item in value.items():
        _xml_item(out, item, order, str(key))
    out.append(f"</{tag}>")


def xml_result_body(value: Any, order: KeyOrder, is_map: bool = False) -> str:
    """The inside of `<result>` (or a multi-request `<item>`)."""
    out: list[str] = []
    if isinstance(value, ApiError):
        out.append(_xml_error(value))
    elif isinstance(value, dict):
        if is_map or "objectType" not in value:
            for key, item in value.items():
                _xml_item(out, item, order, str(key))
        else:
            _xml_inner(out, value, order)
    elif isinstance(value, list):
        for item in value:
            _xml_item(out, item, order, None)
    elif value is not None:
        out.append(_escape(scalar_text(value)))
    return "".join(out)


def _xml_error(error: ApiError) -> str:
    args = "".join(
        "<item><objectType>KalturaApiExceptionArg</objectType>"
        f"<name>{_escape(k)}</name><value>{_escape(v)}</value></item>"
        for k, v in error.args_.items()
    )
    return (
        "<error><objectType>KalturaAPIException</objectType>"
        f"<code>{_escape(error.code)}</code><message>{_escape(error.message)}</message>"
        + (f"<args>{args}</args>" if args else "<args/>")
        + "</error>"
    )


def render_xml(body: str, execution_time: float) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f"<xml><result>{body}</result><executionTime>{execution_time:.6f}</executionTime></xml>"
    ).encode()


# --------------------------------------------------------------------------- JSON


def error_to_json(error: ApiError) -> Obj:
    return {
        "code": error.code,
        "message": error.message,
        "objectType": "KalturaAPIException",
        "args": dict(error.args_),
    }


def json_value(value: Any, order: KeyOrder, nulls: bool = False) -> Any:
    """JSON-ready `value`; objects list their class's properties in schema order, every one
    of them (unset ones as null) when `nulls`, as Kaltura does unless `ignoreNull=1`."""
    if isinstance(value, ApiError):
        return error_to_json(value)
    if isinstance(value, dict):
        object_type = value.get("objectType")
        if isinstance(object_type, str):
            return _object(value, object_type, order, nulls)
        return {str(k): json_value(v, order, nulls) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v, order, nulls) for v in value]
    return value


_TEMPLATES: dict[tuple[int, str], Obj] = {}
_PLAIN = frozenset({str, int, float, bool})


def _object(value: Obj, object_type: str, order: KeyOrder, nulls: bool) -> Obj:
    """With `nulls`: the class's properties in schema order (a copied template of nulls,
    filled in), then any others. Without: the set properties only, as stored."""
    if not nulls or SELECTED_FIELDS in value:  # only what is set (JSON keys have no order)
        out: Obj = {"objectType": object_type}
        for k, item in value.items():
            if item is None or k[:1] == "_" or k == "objectType":
                continue
            out[k] = item if type(item) in _PLAIN else json_value(item, order, nulls)
        return out
    template = _TEMPLATES.get((id(order), object_type))
    if template is None:
        template = {"objectType": object_type}
        template.update(dict.fromkeys(k for k in order(object_type) if k != "objectType"))
        _TEMPLATES[(id(order), object_type)] = template
    out = template.copy()
    for k, item in value.items():
        if item is None or k == "objectType" or k[:1] == "_":
            continue
        out[k] = item if type(item) in _PLAIN else json_value(item, order, nulls)
    return out


def render_json(value: Any, order: KeyOrder, nulls: bool = False) -> bytes:
    return json.dumps(
        json_value(value, order, nulls), ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
