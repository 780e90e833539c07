"""Lowering every target shares: facts derived from the model once, in language-neutral form.

Targets turn these values into their own identifiers and literals; none of them re-derives
a default, a configuration list, a doc text or a class order on its own.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import (
    ClassDef,
    ConfigEntry,
    Configurations,
    EnumKind,
    ParamDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    Schema,
    Source,
)

__all__ = [
    "DEFAULT_SOURCE",
    "Default",
    "DefaultKind",
    "base_first",
    "config_class",
    "doc_text",
    "effective_configurations",
    "first_line",
    "param_default",
    "property_notes",
    "uniquify",
    "wraps_json_results",
]

DEFAULT_SOURCE = Source("<default>", 0)


class DefaultKind(enum.Enum):
    REQUIRED = "required"  # no default: the caller must pass it
    NONE = "none"  # optional, no value (`null` or no default): not sent when omitted
    BOOL = "bool"
    INT = "int"
    FLOAT = "float"
    STRING = "string"
    # A default the type cannot hold (`""` for an int, `abc` for a float): kept as text,
    # because the official clients send it as written.
    TEXT = "text"


@dataclass(frozen=True)
class Default:
    kind: DefaultKind
    value: bool | int | float | str | None = None
    raw: str | None = None  # the schema's text

    @property
    def required(self) -> bool:
        return self.kind is DefaultKind.REQUIRED

    @property
    def is_empty(self) -> bool:
        """Empty in PHP's sense (`null`, ``, `0`, `false`): the official generators send
        nothing for it, so several targets omit such a default."""
        return self.kind is DefaultKind.NONE or self.raw in ("", "0", "null")


_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")


def param_default(param: ParamDef) -> Default:
    """The typed default of a parameter. Numbers are parsed (`00012` is the int 12), so no
    target ever pastes the schema's digits into code."""
    if not param.optional:
        return Default(DefaultKind.REQUIRED)
    raw = param.default
    if raw is None or raw == "null":
        return Default(DefaultKind.NONE, None, raw)
    t = param.type
    if not isinstance(t, PrimitiveType) or t.primitive is Primitive.FILE:
        return Default(DefaultKind.NONE, None, raw)
    primitive = t.primitive
    if primitive is Primitive.BOOL:
        return Default(DefaultKind.BOOL, raw.strip().lower() in ("true", "1"), raw)
    if primitive is Primitive.STRING:
        return Default(DefaultKind.STRING, raw, raw)
    if primitive in (Primitive.INT, Primitive.BIGINT) and _INT.fullmatch(raw):
        return Default(DefaultKind.INT, int(raw), raw)
    if _FLOAT.fullmatch(raw):
        number = float(raw)
        if number.is_integer() and primitive is not Primitive.FLOAT:
            return Default(DefaultKind.INT, int(number), raw)
        return Default(DefaultKind.FLOAT, number, raw)
    return Default(DefaultKind.TEXT, raw, raw)


def required_after_optional(params: Iterable[ParamDef]) -> list[ParamDef]:
    """Required parameters that follow an optional one (languages with positional
    defaults cannot declare them as written)."""
    seen_optional = False
    late: list[ParamDef] = []
    for param in params:
        if param.optional:
            seen_optional = True
        elif seen_optional:
            late.append(param)
    return late


# What every Kaltura server accepts when a schema has no <configurations> (old schemas).
_FALLBACK_CLIENT = (
    ("clientTag", "Client tag, sent with every request"),
    ("apiVersion", "API version"),
)
_FALLBACK_REQUEST = (
    ("partnerId", "Impersonated partner id", Primitive.INT, None),
    ("ks", "Kaltura API session", Primitive.STRING, "sessionId"),
)


def effective_configurations(schema: Schema) -> Configurations:
    """The schema's <configurations>, or what every server takes when it has none."""
    configs = schema.configurations
    if configs.client or configs.request:
        return configs
    return Configurations(
        client=tuple(
            ConfigEntry(name, PrimitiveType(Primitive.STRING), None, False, doc, DEFAULT_SOURCE)
            for name, doc in _FALLBACK_CLIENT
        ),
        request=tuple(
            ConfigEntry(name, PrimitiveType(primitive), alias, False, doc, DEFAULT_SOURCE)
            for name, doc, primitive, alias in _FALLBACK_REQUEST
        ),
    )


def config_class(name: str, entries: tuple[ConfigEntry, ...], description: str) -> ClassDef:
    """A configuration group as an object class (the official clients have
    `KalturaClientConfiguration` / `KalturaRequestConfiguration`)."""
    props = tuple(
        PropertyDef(
            name=e.name,
            type=e.type,
            description=e.description,
            read_only=False,
            insert_only=False,
            write_only=False,
            nullable=False,
            is_time=False,
            multi_lingual=False,
            deprecated=False,
            values_enum=None,
            min_value=None,
            max_value=None,
            min_length=None,
            max_length=None,
            values_min_value=None,
            utf8_truncate=None,
            requires_permissions=(),
            source=e.source,
        )
        for e in entries
    )
    return ClassDef(
        name=name,
        base=None,
        abstract=False,
        plugin=None,
        deprecated=False,
        requires_permissions=(),
        description=description,
        properties=props,
        source=entries[0].source if entries else DEFAULT_SOURCE,
    )


def doc_text(description: str, deprecated: bool = False, deprecation: str = "Deprecated.") -> str:
    """A description as doc text: trimmed, with the deprecation note every target shows."""
    text = description.strip().replace("\r\n", "\n").replace("\r", "\n")
    if deprecated:
        text = (text + "\n\n" if text else "") + deprecation
    return text


def property_notes(p: PropertyDef) -> list[str]:
    """The server-side flags of a property, as short phrases."""
    return [
        label
        for label, on in (
            ("read-only", p.read_only),
            ("insert-only", p.insert_only),
            ("write-only", p.write_only),
            ("a Unix time (seconds)", p.is_time),
        )
        if on
    ]


def first_line(text: str) -> str:
    for line in text.replace("\r", "\n").split("\n"):
        if line.strip():
            return line.strip()
    return ""


def uniquify(name: str, taken: set[str], suffix: str = "_") -> str:
    """`name`, or `name` plus the suffix repeated until it is not in `taken`; adds it."""
    candidate = name
    while candidate in taken:
        candidate += suffix
    taken.add(candidate)
    return candidate


def base_first(classes: Iterable[ClassDef]) -> list[ClassDef]:
    """Schema order, except that a base class always comes before its subclasses
    (iterative: inheritance chains can be deep)."""
    ordered: list[ClassDef] = []
    placed: set[str] = set()
    for cls in classes:
        chain = [cls]
        base = cls.base
        while base is not None and base.name not in placed:
            chain.append(base)
            base = base.base
        for item in reversed(chain):
            if item.name not in placed:
                placed.add(item.name)
                ordered.append(item)
    return ordered


def is_string_enum(param: ParamDef) -> bool:
    enum_def = param.enum
    return enum_def is not None and enum_def.kind is EnumKind.STRING


def wraps_json_results(schema: Schema) -> bool:
    """True for OTT (Phoenix) schemas, whose servers answer `format=1` as
    `{"executionTime": .., "result": ..}` with errors under `result.error`; OVP servers answer
    with the bare result. Same rule as `generator.serve.app` (OTT schemas have `ottUser`)."""
    return "ottuser" in schema.services or "KalturaOTTUser" in schema.classes
