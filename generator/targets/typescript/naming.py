"""TypeScript names, types, literals and comments for the model (no templates here).

The names follow the official Kaltura TypeScript client (clients-generator, typescript
target) so that code written for it compiles against ours: classes and enums keep their
schema names, enum members are camel-cased constant names (`LIVE_STREAM_FLASH` ->
`liveStreamFlash`), action classes are `{Service}{Action}Action`.
"""

from __future__ import annotations

import functools
import json
import re
import textwrap
from collections.abc import Mapping

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
from generator.targets.shared.identifiers import IdentifierRules, comment_lines, comment_text
from generator.targets.shared.lowering import DefaultKind, param_default

__all__ = [
    "CLIENT_MEMBERS",
    "ENUM_MEMBERS",
    "FIELD_NAMES",
    "KEYWORDS",
    "OBJECT_MEMBERS",
    "OBJECT_PROTOTYPE",
    "REQUEST_FIELD_NAMES",
    "REQUEST_MEMBERS",
    "SERVICE_MEMBERS",
    "TYPE_NAMES",
    "action_class_name",
    "default_literal",
    "enum_member_names",
    "field_spec",
    "jsdoc",
    "line_comment",
    "npm_version",
    "ts_dq_string",
    "ts_string",
    "ts_type",
]

# JavaScript / TypeScript reserved words (ECMAScript, strict mode, TypeScript's own): never a
# binding name (class, enum) in generated code.
_KEYWORD_TEXT = """
    break case catch class const continue debugger default delete do else enum export extends
    false finally for function if import in instanceof new null return super switch this throw
    true try typeof var void while with implements interface let package private protected
    public static yield await any boolean number string symbol type of as async declare
    namespace module require undefined never unknown object bigint readonly keyof infer is
    abstract constructor get set override accessor satisfies global arguments eval
"""
KEYWORDS = frozenset(_KEYWORD_TEXT.split())
# Members every object inherits from Object.prototype: a schema property of the same name
# would shadow them (`toString` as a string field breaks string conversion, `__proto__`
# re-prototypes the object).
OBJECT_PROTOTYPE = frozenset(
    {
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
        "__proto__",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
    }
)
# Instance members of the runtime's KalturaObjectBase / KalturaRequest (a test reads them from
# templates/typescript/runtime/src): a schema property or parameter of the same name gets a
# trailing underscore as its TypeScript field name (the wire name is kept in the field's
# metadata). `relatedObjects` is not among the object members: the base declares the schema's
# own field. A request inherits that field, so there it is reserved like the others.
OBJECT_MEMBERS = OBJECT_PROTOTYPE | frozenset(
    {
        "getTypeName",
        "hasMetadataProperty",
        "setData",
        "allowEmptyArray",
        "setDependency",
        "toRequestObject",
        "fromResponseObject",
        "toJSON",
        "_dependentProperties",
        "_allowedEmptyArray",
        "_encode",
    }
)
REQUEST_MEMBERS = OBJECT_MEMBERS | frozenset(
    {
        "relatedObjects",
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
# Members of the runtime's KalturaClient: a service getter of the same name would hide them.
CLIENT_MEMBERS = OBJECT_PROTOTYPE | frozenset(
    {
        "appendOptions",
        "setOptions",
        "appendDefaultRequestOptions",
        "setDefaultRequestOptions",
        "getDefaultRequestOptions",
        "toJSON",
        "request",
        "multiRequest",
        "_options",
        "_defaultRequestOptions",
        "_checkedOptions",
        "_endpoint",
        "_files",
        "_formData",
        "_chunkable",
        "_chunkSize",
        "_chunkedUpload",
        "_send",
        "_transmit",
        "_services",
    }
)
# Members of a generated service class besides its actions.
SERVICE_MEMBERS = OBJECT_PROTOTYPE | frozenset({"client"})
# Names a generated module binds or uses besides the schema's own types: a class or enum of
# the same name would shadow the runtime import or the global.
RUNTIME_TYPE_NAMES = frozenset(
    {
        "KalturaObjectBase",
        "KalturaObjectBaseArgs",
        "KalturaTypeMetadata",
        "KalturaTypesFactory",
        "KalturaObjectClass",
        "KalturaRequest",
        "KalturaRequestArgs",
        "KalturaUploadRequest",
        "KalturaUploadRequestArgs",
        "KalturaFileRequest",
        "KalturaResultSpec",
        "KalturaRequestOptions",
        "KalturaRequestOptionsArgs",
        "KalturaClient",
        "KalturaServicesClient",
        "KalturaCallOptions",
        "KalturaListAllOptions",
        "CancelablePromise",
        "listAll",
        "objectTypeOf",
        "allTypes",
        "environment",
        "RESULT",
        "Array",
        "Blob",
        "Date",
        "JSON",
        "Object",
        "Promise",
        "Record",
        "String",
        "Symbol",
        "AsyncIterableIterator",
        "AsyncGenerator",
    }
)
TYPE_NAMES = IdentifierRules("TypeScript", KEYWORDS, RUNTIME_TYPE_NAMES)
FIELD_NAMES = IdentifierRules("TypeScript", frozenset(), OBJECT_MEMBERS)
REQUEST_FIELD_NAMES = IdentifierRules("TypeScript", frozenset(), REQUEST_MEMBERS)
# Enum members are properties of the enum object: only `__proto__` would break it.
ENUM_MEMBERS = IdentifierRules("TypeScript", frozenset(), frozenset({"__proto__", "constructor"}))

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
        member = ENUM_MEMBERS.escape(member)
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


def ts_type(t: Type, *, is_time: bool = False, names: Mapping[str, str] | None = None) -> str:
    """The TypeScript type of a value of `t` (time integers are `Date`s, as the official);
    `names`: schema type name -> TypeScript name, where they differ."""
    rename = names or {}
    if isinstance(t, PrimitiveType):
        if t.enum is not None:
            return rename.get(t.enum.name, t.enum.name)
        if t.primitive is Primitive.BOOL:
            return "boolean"
        if t.primitive is Primitive.STRING:
            return "string"
        if t.primitive is Primitive.FILE:
            return "Blob"
        return "Date" if is_time else "number"
    if isinstance(t, ObjectType):
        return rename.get(t.name, t.name)
    if isinstance(t, ArrayType):
        item = ts_type(t.item, names=names)
        return f"{item}[]"
    if isinstance(t, MapType):
        return f"Record<string, {ts_type(t.value, names=names)}>"
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


def default_literal(
    param: ParamDef, names: Mapping[str, str] | None = None
) -> tuple[str, str] | None:
    """The value an omitted optional parameter is sent with, as the official client sends it:
    (TypeScript expression, the same in JavaScript), or None.

    The official generator sets a default unless it is empty in PHP's sense (`null`, ``,
    `0`); booleans become `true`/`false`, numbers are parsed (`00012` is 12: schema digits
    are never pasted), strings are quoted.
    """
    default = param_default(param)
    if default.is_empty or not isinstance(param.type, PrimitiveType):
        return None
    enum: EnumDef | None = param.type.enum
    enum_name = (names or {}).get(enum.name, enum.name) if enum is not None else ""
    raw = default.raw or ""
    if default.kind is DefaultKind.BOOL:
        if raw.strip().lower() not in ("true", "1", "false"):
            return None
        text = "true" if default.value else "false"
        return text, text
    if default.kind is DefaultKind.STRING:
        literal = ts_string(raw)
        if enum is not None and enum.kind is EnumKind.STRING:
            return f"{literal} as unknown as {enum_name}", literal
        return literal, literal
    if default.kind is DefaultKind.INT:
        text = str(default.value)
    elif default.kind is DefaultKind.FLOAT and isinstance(default.value, float):
        text = _js_number(default.value)
    else:
        return None
    if enum is not None:
        return f"{text} as {enum_name}", text
    return text, text


def _js_number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(value)


def line_comment(text: str) -> str:
    """Schema text for a `//` comment: one line, and it cannot end the comment."""
    return comment_text(text)


_DQ_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\t": "\\t",
    "\v": "\\v",
    "\f": "\\f",
    "\b": "\\b",
    "\r": "\\r",
    "\n": "\\n",
}


def ts_dq_string(text: str) -> str:
    """A double-quoted string literal escaped as tsc prints one it made itself (enum values in
    JavaScript and declarations, literal types): ASCII only, `\\uXXXX` for everything else."""
    out = []
    for ch in text:
        escaped = _DQ_ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
        elif ch < " " or ch > "~":
            for unit in _utf16_units(ch):
                out.append(f"\\u{unit:04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _utf16_units(ch: str) -> list[int]:
    code = ord(ch)
    if code < 0x10000:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


_PLAIN = re.compile(r"[ -~]*\Z")


def _comment_line(line: str) -> str:
    if _PLAIN.match(line):  # printable ASCII: nothing to remove (the common case, fast)
        return line.rstrip()
    return " ".join(comment_lines(line)).rstrip()


@functools.lru_cache(maxsize=65536)
def jsdoc(text: str, indent: str = "", extra: tuple[str, ...] = ()) -> str:
    """A `/** ... */` block for a description (empty when there is nothing to say)."""
    # comment_lines drops control characters and splits on every kind of line break;
    # blank lines (paragraphs) are kept.
    raw = [_comment_line(line) for line in text.strip().split("\n")] if text.strip() else []
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
