"""Model types -> Python annotations, runtime spec kinds and official-style defaults."""

from __future__ import annotations

import math
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
from generator.targets.python.naming import string_literal
from generator.targets.shared.lowering import DefaultKind, param_default

__all__ = ["Annotator", "PythonDefault", "field_kind", "python_default", "type_ref"]

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

    def read(self, t: Type, names: set[str]) -> str:
        """Annotation of a field as parsed responses hold it: an enum field is always its
        enum class (the runtime converts unknown values too), never the raw value type."""
        if isinstance(t, PrimitiveType) and t.enum is not None:
            names.add(t.enum.name)
            return t.enum.name
        if isinstance(t, ArrayType):
            return f"{self.builtin('list')}[{self.read(t.item, names)}]"
        return self.value(t, names)

    def optional(self, t: Type, names: set[str]) -> str:
        return f"{self.value(t, names)} | None"


@dataclass(frozen=True)
class PythonDefault:
    expr: str  # Python source of the default
    is_str: bool  # a str literal (the annotation then also admits `str`)


def python_default(param: ParamDef, *, force_optional: bool = False) -> PythonDefault | None:
    """The Python default of a parameter as the official client spells it; None = required.

    From the shared typed default: no value is `NotImplemented` (not sent), booleans are
    True/False, numbers are parsed and printed by Python (`00012` -> 12: the schema's
    digits never reach code), and a default the type cannot hold (`""` for an int) stays
    the text the official clients send, as a str literal. `force_optional`: a required
    parameter that follows an optional one gets `NotImplemented` (Python cannot declare it).
    """
    default = param_default(param)
    kind = default.kind
    if kind is DefaultKind.REQUIRED:
        return PythonDefault("NotImplemented", False) if force_optional else None
    if kind is DefaultKind.NONE:
        return PythonDefault("NotImplemented", False)
    if kind is DefaultKind.BOOL:
        return PythonDefault("True" if default.value else "False", False)
    if kind is DefaultKind.INT and isinstance(default.value, int):
        return PythonDefault(str(default.value), False)
    if (
        kind is DefaultKind.FLOAT
        and isinstance(default.value, float)
        and math.isfinite(default.value)
    ):
        value = default.value
        # As the official client writes it (`-1`, not `-1.0`): an int is a valid float.
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
        return PythonDefault(text, False)
    return PythonDefault(string_literal(default.raw or ""), True)
