"""The language-neutral intermediate model of a Kaltura API schema.

The parser builds it; targets, `diff` and `serve` read it. It knows nothing of any output
language: names are kept exactly as the schema spells them and every type is a resolved
reference (an `ObjectType` points at its `ClassDef`, an enum-typed value at its `EnumDef`).

All nodes are frozen. Nodes that can take part in reference cycles (classes refer to each
other through properties) compare by identity (`eq=False`) and the parser completes their
links in one linking pass before the schema is handed out; after that nothing changes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

__all__ = [
    "MAX_NAME_LENGTH",
    "ActionDef",
    "ArrayType",
    "ClassDef",
    "ConfigEntry",
    "Configurations",
    "EnumConst",
    "EnumDef",
    "EnumKind",
    "ErrorDef",
    "ExtraElement",
    "MapType",
    "ObjectType",
    "ParamDef",
    "PluginDef",
    "Primitive",
    "PrimitiveType",
    "PropertyDef",
    "ResultKind",
    "Schema",
    "ServiceDef",
    "SessionRequirement",
    "Source",
    "Type",
]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an element was read from: file name as given to the parser, 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class ExtraElement:
    """An element the parser does not understand, kept verbatim (forward compatibility:
    newer servers may add elements; targets can ignore them, `inspect --json` shows them).
    """

    tag: str
    attributes: Mapping[str, str]
    xml: str  # the element serialized as written, children included
    source: Source


class Primitive(enum.Enum):
    """Scalar types of the Kaltura wire format (the `type` attribute spellings)."""

    INT = "int"
    BIGINT = "bigint"
    FLOAT = "float"
    BOOL = "bool"
    STRING = "string"
    FILE = "file"


class EnumKind(enum.Enum):
    INT = "int"
    STRING = "string"


@dataclass(frozen=True, slots=True)
class EnumConst:
    name: str
    value: str  # raw text as in the schema; `EnumDef.kind` says how to read it
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()
    description: str = ""  # what the value means (ovp-22.19.0 describes a few)

    @property
    def int_value(self) -> int:
        return int(self.value)


@dataclass(frozen=True, eq=False)
class EnumDef:
    name: str
    kind: EnumKind
    consts: tuple[EnumConst, ...]
    plugin: str | None
    deprecated: bool
    description: str
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    def __repr__(self) -> str:
        return f"EnumDef({self.name!r})"


@dataclass(frozen=True, slots=True)
class PrimitiveType:
    """A scalar, optionally constrained to the values of an enum (`enumType`)."""

    primitive: Primitive
    enum: EnumDef | None = None

    @property
    def name(self) -> str:
        return self.primitive.value


@dataclass(frozen=True, eq=False, slots=True)
class ObjectType:
    """An object of a schema class; `cls` None is the untyped `KalturaObjectBase`."""

    cls: ClassDef | None

    @property
    def name(self) -> str:
        return self.cls.name if self.cls is not None else ANY_OBJECT_NAME


@dataclass(frozen=True, eq=False, slots=True)
class ArrayType:
    item: Type

    @property
    def name(self) -> str:
        return "array"


@dataclass(frozen=True, eq=False, slots=True)
class MapType:
    """A string-keyed map (`type="map"`); `value` is the `arrayType` of the schema."""

    value: Type

    @property
    def name(self) -> str:
        return "map"


Type = PrimitiveType | ObjectType | ArrayType | MapType

# Every name a client turns into an identifier is at most this long (real schemas' longest
# is 58 characters; a 20-million-character class name once took a minute and 1.5 GB).
MAX_NAME_LENGTH = 128

# The schema names the root of every object `KalturaObjectBase` without defining it.
ANY_OBJECT_NAME = "KalturaObjectBase"


@dataclass(frozen=True, eq=False)
class PropertyDef:
    name: str
    type: Type
    description: str
    read_only: bool
    insert_only: bool
    write_only: bool
    nullable: bool
    is_time: bool
    multi_lingual: bool
    deprecated: bool
    # Enum whose values a comma-separated string property may hold (`valuesEnumType`).
    values_enum: EnumDef | None
    min_value: int | None
    max_value: int | None
    min_length: int | None
    max_length: int | None
    values_min_value: int | None
    utf8_truncate: int | None
    requires_permissions: tuple[str, ...]
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    @property
    def enum(self) -> EnumDef | None:
        return self.type.enum if isinstance(self.type, PrimitiveType) else None

    def __repr__(self) -> str:
        return f"PropertyDef({self.name!r}: {type_name(self.type)})"


@dataclass(frozen=True, eq=False)
class ClassDef:
    name: str
    base: ClassDef | None
    abstract: bool
    plugin: str | None
    deprecated: bool
    requires_permissions: tuple[str, ...]
    description: str
    properties: tuple[PropertyDef, ...]  # declared on this class only, schema order
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    def ancestors(self) -> Iterator[ClassDef]:
        """Base classes, nearest first (the parser guarantees there is no cycle)."""
        base = self.base
        while base is not None:
            yield base
            base = base.base

    def is_subclass_of(self, other: ClassDef) -> bool:
        return self is other or any(a is other for a in self.ancestors())

    @cached_property
    def all_properties(self) -> tuple[PropertyDef, ...]:
        """Inherited then own properties; a redeclared property keeps its first position."""
        chain = [*reversed(list(self.ancestors())), self]
        merged: dict[str, PropertyDef] = {}
        for cls in chain:
            for prop in cls.properties:
                merged[prop.name] = prop
        return tuple(merged.values())

    @cached_property
    def inherited_properties(self) -> tuple[PropertyDef, ...]:
        return self.base.all_properties if self.base is not None else ()

    def __repr__(self) -> str:
        return f"ClassDef({self.name!r})"


class SessionRequirement(enum.Enum):
    ALWAYS = "always"
    OPTIONAL = "optional"
    NONE = "none"


@dataclass(frozen=True, eq=False)
class ParamDef:
    name: str
    type: Type
    optional: bool
    # Raw `default` text ("null", "false", "-1", "" ...) or None when the schema gives none.
    default: str | None
    description: str
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    @property
    def enum(self) -> EnumDef | None:
        return self.type.enum if isinstance(self.type, PrimitiveType) else None

    @property
    def is_file(self) -> bool:
        return isinstance(self.type, PrimitiveType) and self.type.primitive is Primitive.FILE

    def __repr__(self) -> str:
        return f"ParamDef({self.name!r}: {type_name(self.type)})"


class ResultKind(enum.Enum):
    VOID = "void"
    SIMPLE = "simple"
    OBJECT = "object"
    ARRAY = "array"
    MAP = "map"
    FILE = "file"  # a "serve" action: the client returns a URL instead of calling


@dataclass(frozen=True, eq=False)
class ErrorDef:
    name: str
    code: str
    message: str
    description: str
    parameters: tuple[str, ...]
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    def __repr__(self) -> str:
        return f"ErrorDef({self.name!r})"


@dataclass(frozen=True, eq=False)
class ActionDef:
    name: str
    description: str
    params: tuple[ParamDef, ...]
    result: Type | None  # None: the action returns nothing
    throws: tuple[str, ...]  # error names, resolvable through `Schema.errors`
    enable_in_multi_request: bool
    session_required: SessionRequirement | None
    deprecated: bool
    beta: bool
    action_alias: str | None
    plugin: str | None
    supported_request_formats: tuple[str, ...]
    supported_response_formats: tuple[str, ...]
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    @property
    def result_kind(self) -> ResultKind:
        result = self.result
        if result is None:
            return ResultKind.VOID
        if isinstance(result, PrimitiveType):
            return ResultKind.FILE if result.primitive is Primitive.FILE else ResultKind.SIMPLE
        if isinstance(result, ObjectType):
            return ResultKind.OBJECT
        if isinstance(result, ArrayType):
            return ResultKind.ARRAY
        return ResultKind.MAP

    @property
    def file_params(self) -> tuple[ParamDef, ...]:
        return tuple(p for p in self.params if p.is_file)

    def __repr__(self) -> str:
        return f"ActionDef({self.name!r})"


@dataclass(frozen=True, eq=False)
class ServiceDef:
    id: str  # wire name: /service/{id}/action/{action}
    name: str  # client-facing name (`client.media`)
    plugin: str | None
    deprecated: bool
    description: str
    actions: tuple[ActionDef, ...]
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    def action(self, name: str) -> ActionDef | None:
        return next((a for a in self.actions if a.name == name), None)

    def __repr__(self) -> str:
        return f"ServiceDef({self.id!r})"


@dataclass(frozen=True, eq=False)
class PluginDef:
    name: str
    # `pluginService` entries resolved to services; names that match no service are dropped
    # (with a warning) because real schemas list some that do not exist.
    services: tuple[ServiceDef, ...]
    service_names: tuple[str, ...]  # the raw `pluginService` names, as written
    dependencies: tuple[PluginDef, ...]
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    def __repr__(self) -> str:
        return f"PluginDef({self.name!r})"


@dataclass(frozen=True, eq=False)
class ConfigEntry:
    name: str
    type: Type
    alias: str | None
    volatile: bool
    description: str
    source: Source
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()


@dataclass(frozen=True, eq=False)
class Configurations:
    client: tuple[ConfigEntry, ...] = ()
    request: tuple[ConfigEntry, ...] = ()


@dataclass(frozen=True, eq=False)
class Schema:
    api_version: str
    generated_date: int | None
    source_file: str
    enums: Mapping[str, EnumDef]
    classes: Mapping[str, ClassDef]
    services: Mapping[str, ServiceDef]  # keyed by service id
    plugins: Mapping[str, PluginDef]
    errors: Mapping[str, ErrorDef]
    configurations: Configurations
    extra_attributes: Mapping[str, str] = field(default_factory=dict)
    extra_elements: tuple[ExtraElement, ...] = ()

    @cached_property
    def subclasses(self) -> Mapping[str, tuple[ClassDef, ...]]:
        """Direct subclasses of each class, in schema order."""
        children: dict[str, list[ClassDef]] = {name: [] for name in self.classes}
        for cls in self.classes.values():
            if cls.base is not None:
                children[cls.base.name].append(cls)
        return {name: tuple(kids) for name, kids in children.items()}

    def descendants(self, cls: ClassDef) -> Iterator[ClassDef]:
        """All subclasses, depth first in schema order (iterative: chains can be deep)."""
        stack = list(reversed(self.subclasses[cls.name]))
        while stack:
            child = stack.pop()
            yield child
            stack.extend(reversed(self.subclasses[child.name]))

    def service_by_name(self, name: str) -> ServiceDef | None:
        return next((s for s in self.services.values() if s.name == name), None)

    @property
    def actions(self) -> Iterator[tuple[ServiceDef, ActionDef]]:
        for service in self.services.values():
            for action in service.actions:
                yield service, action

    @property
    def property_count(self) -> int:
        return sum(len(c.properties) for c in self.classes.values())


def type_name(t: Type | None) -> str:
    """Schema-style spelling of a type, for messages and `inspect`."""
    if t is None:
        return "void"
    if isinstance(t, ArrayType):
        return f"array<{type_name(t.item)}>"
    if isinstance(t, MapType):
        return f"map<{type_name(t.value)}>"
    if isinstance(t, PrimitiveType) and t.enum is not None:
        return f"{t.primitive.value}<{t.enum.name}>"
    return t.name


def referenced_classes(t: Type | None) -> Iterator[ClassDef]:
    """Classes a type mentions (through arrays and maps)."""
    if isinstance(t, ObjectType) and t.cls is not None:
        yield t.cls
    elif isinstance(t, ArrayType):
        yield from referenced_classes(t.item)
    elif isinstance(t, MapType):
        yield from referenced_classes(t.value)
