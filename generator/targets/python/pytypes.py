"""Model types -> Python annotations, runtime spec kinds and official-style defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import (
    ANY_OBJECT_NAME,
    ArrayType,
    EnumKind,
    ObjectType,
    ParamDef,
    Primitive,
    PrimitiveType,
    Type,
)
from generator.targets.python.text import string_literal

__all__ = ["Annotator", "field_kind", "param_default", "type_ref"]

_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")

_KIND = {
    Primitive.INT: "INT",
    Primitive.BIGINT: "BIGINT",
    Primitive.FLOAT: "FLOAT",
    Primitive.BOOL: "BOOL",
    Primitive.STRING: "STRING",
    Primitive.FILE: "FILE",
}
_SCALAR = {
    Primitive.INT: "int",
    Primitive.BIGINT: "int",
    Primitive.FLOAT: "float",
    Primitive.BOOL: "bool",
    Primitive.STRING: "str",
}


def field_kind(t: Type) -> str:
    """`FieldKind.X` member name for a type."""
    if isinstance(t, PrimitiveType):
        return _KIND[t.primitive]
    if isinstance(t, ObjectType):
        return "OBJECT"
    if isinstance(t, ArrayType):
        return "ARRAY"
    return "MAP"


def type_ref(t: Type) -> str | None:
    """The `ref` of a spec: enum name, class name, or item class name; None = none / any."""
    if isinstance(t, PrimitiveType):
        return t.enum.name if t.enum is not None else None
    if isinstance(t, ObjectType):
        return t.cls.name if t.cls is not None else None
    inner = t.item if isinstance(t, ArrayType) else t.value
    if isinstance(inner, ObjectType):
        return inner.cls.name if inner.cls is not None else None
    if isinstance(inner, PrimitiveType):
        return inner.primitive.value
    return None


@dataclass
class Annotator:
    """Spells annotations for one class body; `shadowed` builtins get `builtins.` (rule 3)."""

    shadowed: frozenset[str] = frozenset()
    uses_builtins: bool = False

    def builtin(self, name: str) -> str:
        if name in self.shadowed:
            self.uses_builtins = True
            return f"builtins.{name}"
        return name

    def value(self, t: Type, names: set[str]) -> str:
        """Annotation of a value of type `t` (without `| None`); adds referenced names."""
        if isinstance(t, PrimitiveType):
            if t.primitive is Primitive.FILE:
                names.add("IO")
                return f"IO[{self.builtin('bytes')}]"
            scalar = self.builtin(_SCALAR[t.primitive])
            if t.enum is not None:
                names.add(t.enum.name)
                raw = "str" if t.enum.kind is EnumKind.STRING else "int"
                return f"{t.enum.name} | {self.builtin(raw)}"
            return scalar
        if isinstance(t, ObjectType):
            name = t.cls.name if t.cls is not None else ANY_OBJECT_NAME
            names.add(name)
            return name
        if isinstance(t, ArrayType):
            return f"{self.builtin('list')}[{self.value(t.item, names)}]"
        return f"{self.builtin('dict')}[{self.builtin('str')}, {self.value(t.value, names)}]"

    def optional(self, t: Type, names: set[str]) -> str:
        return f"{self.value(t, names)} | None"


def param_default(param: ParamDef) -> tuple[str | None, bool]:
    """(Python default expression, whether it is a str literal) as the official client.

    None = required. The official generator renders `null` (and a missing default of an
    optional param) as `NotImplemented`, booleans as True/False, strings quoted, numbers
    verbatim, and an empty default of a number param as `""` (kept for compatibility).
    """
    if not param.optional:
        return None, False
    raw = param.default
    if raw is None or raw == "null":
        return "NotImplemented", False
    t = param.type
    if isinstance(t, PrimitiveType):
        if t.primitive is Primitive.BOOL:
            return ("True" if raw.lower() in ("true", "1") else "False"), False
        if t.primitive in (Primitive.INT, Primitive.BIGINT, Primitive.FLOAT):
            if raw == "":
                return '""', True
            if not _NUMBER.fullmatch(raw):
                return string_literal(raw), True
            return raw, False
        if t.primitive is Primitive.STRING:
            return string_literal(raw), True
    return "NotImplemented", False
