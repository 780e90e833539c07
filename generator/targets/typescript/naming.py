"""TypeScript names, types, literals and comments for the model (no templates here).

The names follow the official Kaltura TypeScript client (clients-generator, typescript
target) so that code written for it compiles against ours: classes and enums keep their
schema names, enum members are camel-cased constant names (`LIVE_STREAM_FLASH` ->
`liveStreamFlash`), action classes are `{Service}{Action}Action`.
"""

from __future__ import annotations

import json
import re
import textwrap

from generator.model import (
    ArrayType,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    ParamDef,
    Primitive,
    PrimitiveType,
    Type,
)

__all__ = [
    "OBJECT_MEMBERS",
    "REQUEST_MEMBERS",
    "action_class_name",
    "default_literal",
    "enum_member_names",
    "field_spec",
    "jsdoc",
    "npm_version",
    "ts_string",
    "ts_type",
]

# Instance members of the runtime's KalturaObjectBase / KalturaRequest: a schema property or
# parameter of the same name gets a trailing underscore as its TypeScript field name (the
# wire name is kept in the field's metadata).
OBJECT_MEMBERS = frozenset(
    {
        "constructor",
        "getTypeName",
        "hasMetadataProperty",
        "setData",
        "allowEmptyArray",
        "setDependency",
        "toRequestObject",
        "fromResponseObject",
        "_dependentProperties",
        "_allowedEmptyArray",
        "_encode",
        "__proto__",
    }
)
REQUEST_MEMBERS = OBJECT_MEMBERS | frozenset(
    {
        "setNetworkTag",
        "getNetworkTag",
        "_networkTag",
        "setRequestOptions",
        "getRequestOptions",
        "setCompletion",
        "buildRequest",
        "handleResponse",
        "setProgress",
        "getProgress",
        "__requestOptions__",
        "__callback__",
        "__service__",
        "__action__",
        "__result__",
        "__progress__",
    }
)

_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def action_class_name(service_name: str, action_name: str) -> str:
    return f"{_upper_first(service_name)}{_upper_first(action_name)}Action"


def _camel_const(name: str) -> str:
    words = name.split("_")
    lead = ""
    while words and words[0] == "":
        lead += "_"
        words.pop(0)
    if not words:
        return lead or "_"
    head, *rest = words
    return lead + head.lower() + "".join(w[:1].upper() + w[1:].lower() for w in rest)


def enum_member_names(const_names: list[str]) -> list[str]:
    """Member names for an enum's constants, in the same order; unique and valid.

    As the official generator: camel case of the constant name, `name` becomes `_name`;
    additionally a leading digit gets a `_` and clashes get a numeric suffix.
    """
    result: list[str] = []
    seen: set[str] = set()
    for const in const_names:
        member = _camel_const(const)
        if member == "name":
            member = "_name"
        if not _IDENTIFIER.fullmatch(member):
            member = "_" + re.sub(r"[^A-Za-z0-9_$]", "_", member)
        candidate, n = member, 2
        while candidate in seen:
            candidate = f"{member}{n}"
            n += 1
        seen.add(candidate)
        result.append(candidate)
    return result


def ts_string(text: str) -> str:
    """A TypeScript string literal (single-quoted, escaped)."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    body = body.replace('\\"', '"').replace("'", "\\'")
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"'{body}'"


def ts_type(t: Type, *, is_time: bool = False) -> str:
    """The TypeScript type of a value of `t` (time integers are `Date`s, as the official)."""
    if isinstance(t, PrimitiveType):
        if t.enum is not None:
            return t.enum.name
        if t.primitive is Primitive.BOOL:
            return "boolean"
        if t.primitive is Primitive.STRING:
            return "string"
        if t.primitive is Primitive.FILE:
            return "Blob"
        return "Date" if is_time else "number"
    if isinstance(t, ObjectType):
        return t.name
    if isinstance(t, ArrayType):
        item = ts_type(t.item)
        return f"{item}[]"
    if isinstance(t, MapType):
        return f"Record<string, {ts_type(t.value)}>"
    raise TypeError(t)


def _scalar_kind(t: PrimitiveType, is_time: bool) -> str:
    if t.enum is not None:
        return "en" if t.enum.kind is EnumKind.INT else "es"
    return {
        Primitive.BOOL: "b",
        Primitive.STRING: "s",
        Primitive.FILE: "f",
        Primitive.INT: "d" if is_time else "n",
        Primitive.BIGINT: "d" if is_time else "n",
        Primitive.FLOAT: "n",
    }[t.primitive]


def _sub_type(t: Type) -> str:
    if isinstance(t, ObjectType):
        return t.cls.name if t.cls is not None else ""
    if isinstance(t, PrimitiveType):
        return ":" + _scalar_kind(t, False)
    return ""  # nested containers do not occur in schemas; items are then left as received


def field_spec(t: Type, *, read_only: bool = False, is_time: bool = False, wire: str = "") -> str:
    """The runtime's `[kind, flags, subType, wireName]` literal for a field."""
    if isinstance(t, PrimitiveType):
        kind, sub = _scalar_kind(t, is_time), None
    elif isinstance(t, ObjectType):
        kind, sub = "o", _sub_type(t)
    elif isinstance(t, ArrayType):
        kind, sub = "a", _sub_type(t.item)
    else:
        kind, sub = "m", _sub_type(t.value)
    parts = [ts_string(kind)]
    flags = 1 if read_only else 0
    if flags or sub is not None or wire:
        parts.append(str(flags))
    if sub is not None or wire:
        parts.append(ts_string(sub or ""))
    if wire:
        parts.append(ts_string(wire))
    return f"[{', '.join(parts)}]"


def default_literal(param: ParamDef) -> str | None:
    """The value an omitted optional parameter is sent with, as the official client sends it.

    The official generator sets a default unless it is empty in PHP's sense (`null`, ``,
    `0`); booleans become `true`/`false`, numbers stay numbers, strings are quoted.
    """
    raw = param.default
    if raw is None or raw in ("", "null", "0") or not isinstance(param.type, PrimitiveType):
        return None
    primitive = param.type.primitive
    enum: EnumDef | None = param.type.enum
    if primitive is Primitive.BOOL:
        if raw.lower() in ("true", "1"):
            return "true"
        if raw.lower() in ("false",):
            return "false"
        return None
    if primitive is Primitive.FILE:
        return None
    if primitive is Primitive.STRING:
        if enum is not None and enum.kind is EnumKind.STRING:
            return f"{ts_string(raw)} as unknown as {enum.name}"
        return ts_string(raw)
    try:
        number = float(raw)
    except ValueError:
        return None
    text = raw if re.fullmatch(r"-?\d+(\.\d+)?", raw) else repr(number)
    if enum is not None:
        return f"{text} as {enum.name}"
    return text


def jsdoc(text: str, indent: str = "", extra: tuple[str, ...] = ()) -> str:
    """A `/** ... */` block for a description (empty when there is nothing to say)."""
    raw = [line.rstrip() for line in text.strip().split("\n")] if text.strip() else []
    width = max(40, 100 - len(indent) - 3)
    lines: list[str] = []
    for line in raw:  # wrapped at 100 columns, words never split
        wrapped = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        lines += wrapped or [""]
    lines += list(extra)
    if not lines:
        return ""
    lines = [line.replace("*/", "*\\/") for line in lines]
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */\n"
    body = "".join(f"{indent} *{' ' + line if line else ''}\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def npm_version(api_version: str) -> str:
    """A semver for the package from the schema's apiVersion (`5.3.7.28130` -> `5.3.7+28130`)."""
    parts = re.findall(r"\d+", api_version)
    if not parts:
        return "0.0.0"
    core = [*parts, "0", "0"][:3]
    version = ".".join(str(int(p)) for p in core)
    if len(parts) > 3:
        version += "+" + ".".join(parts[3:])
    return version
