"""Semantic checks over a parsed schema: what is well-formed XML but still wrong.

The parser already reports everything local to one element or one name (missing or
malformed attributes, duplicates, dangling references, inheritance cycles). The checks
here need the whole linked model: inheritance-aware property redefinitions, defaults
against their parameter types, constraint ranges, plugin dependency cycles, names that
would collide on a case-insensitive file system, configuration aliases.

Each check is justified by what a generated client would do with the problem: errors
would produce a client that does not compile or talks wrong on the wire; warnings are
legal but suspicious. All four published schemas pass with zero errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.diagnostics import Diagnostic, Level
from generator.model import (
    ArrayType,
    ClassDef,
    EnumKind,
    ErrorDef,
    MapType,
    ObjectType,
    ParamDef,
    PluginDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    Schema,
    Source,
    Type,
    type_name,
)

__all__ = ["validate_schema"]


def validate_schema(schema: Schema) -> list[Diagnostic]:
    """Return the semantic diagnostics of a parsed schema, in no particular order."""
    checks = (
        _property_redefinitions,
        _enum_kinds,
        _constraints,
        _array_items,
        _param_defaults,
        _param_order,
        _plugin_cycles,
        _case_collisions,
        _configuration_aliases,
        _error_codes,
    )
    found: list[Diagnostic] = []
    for check in checks:
        found.extend(check(schema))
    return found


def _diag(level: Level, source: Source, element: str, message: str) -> Diagnostic:
    return Diagnostic(level, source.file, source.line, element, message)


def _error(source: Source, element: str, message: str) -> Diagnostic:
    return _diag(Level.ERROR, source, element, message)


def _warning(source: Source, element: str, message: str) -> Diagnostic:
    return _diag(Level.WARNING, source, element, message)


def _same_type(a: Type, b: Type) -> bool:
    # Types are values except objects, which hold identity-compared classes: compare
    # their schema spelling, which names every class and enum involved.
    return type_name(a) == type_name(b)


# ------------------------------------------------------------------------- classes


def _property_redefinitions(schema: Schema) -> Iterator[Diagnostic]:
    """A subclass may repeat an inherited property, but only with the same type.

    With another type the generated subclass would not be substitutable for its base
    (and typed targets such as TypeScript refuse to compile it).
    """
    for cls in schema.classes.values():
        if cls.base is None or not cls.properties:
            continue
        inherited: dict[str, tuple[PropertyDef, ClassDef]] = {}
        for owner, prop in _inherited(cls):  # nearest ancestor first: it is the one redefined
            inherited.setdefault(prop.name, (prop, owner))
        for prop in cls.properties:
            hit = inherited.get(prop.name)
            if hit is None:
                continue
            base_prop, owner = hit
            if not _same_type(prop.type, base_prop.type):
                yield _error(
                    prop.source,
                    f"class {cls.name}",
                    f"property {prop.name} is {type_name(prop.type)} but inherited "
                    f"{owner.name}.{prop.name} (line {base_prop.source.line}) is "
                    f"{type_name(base_prop.type)}",
                )


def _inherited(cls: ClassDef) -> Iterator[tuple[ClassDef, PropertyDef]]:
    for ancestor in cls.ancestors():
        for prop in ancestor.properties:
            yield ancestor, prop


def _enum_kinds(schema: Schema) -> Iterator[Diagnostic]:
    """An int value cannot hold a string enum (and the reverse): the wire types differ."""
    for label, source, t in _typed_values(schema):
        if not isinstance(t, PrimitiveType) or t.enum is None:
            continue
        numeric = t.primitive in (Primitive.INT, Primitive.BIGINT)
        if numeric != (t.enum.kind is EnumKind.INT):
            yield _error(
                source,
                label,
                f"enumType {t.enum.name} is {_article(t.enum.kind.value)} enum "
                f"but the value is {t.primitive.value}",
            )


def _article(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _typed_values(schema: Schema) -> Iterator[tuple[str, Source, Type]]:
    for cls in schema.classes.values():
        for prop in cls.properties:
            yield f"class {cls.name}.{prop.name}", prop.source, prop.type
    for service, action in schema.actions:
        for param in action.params:
            yield f"action {service.name}.{action.name}({param.name})", param.source, param.type


def _constraints(schema: Schema) -> Iterator[Diagnostic]:
    for cls in schema.classes.values():
        for prop in cls.properties:
            label = f"class {cls.name}.{prop.name}"
            pairs = (
                ("minValue", prop.min_value, "maxValue", prop.max_value),
                ("minLength", prop.min_length, "maxLength", prop.max_length),
            )
            for low_name, low, high_name, high in pairs:
                if low is not None and high is not None and low > high:
                    yield _error(
                        prop.source, label, f"{low_name} {low} is greater than {high_name} {high}"
                    )
            for name, value in (
                ("minLength", prop.min_length),
                ("maxLength", prop.max_length),
                ("utf8truncate", prop.utf8_truncate),
            ):
                if value is not None and value < 0:
                    yield _error(prop.source, label, f"{name} must not be negative, not {value}")


def _array_items(schema: Schema) -> Iterator[Diagnostic]:
    """Kaltura arrays and maps carry objects (KalturaStringValue wraps a string)."""
    for label, source, t in _typed_values(schema):
        if isinstance(t, ArrayType | MapType):
            item = t.item if isinstance(t, ArrayType) else t.value
            if not isinstance(item, ObjectType):
                yield _warning(
                    source,
                    label,
                    f"{t.name} of {type_name(item)}: Kaltura {t.name}s hold objects "
                    f"(e.g. KalturaStringValue), clients may not serialize it",
                )


# ------------------------------------------------------------------------- actions

_NULLS = ("null", "")  # the schemas write both for "no value" (ovp-3.1.1: int default "")


def _param_defaults(schema: Schema) -> Iterator[Diagnostic]:
    """A default must be a literal of the parameter's type: it is emitted into code."""
    for service, action in schema.actions:
        for param in action.params:
            problem = _default_problem(param)
            if problem is not None:
                yield _error(
                    param.source, f"action {service.name}.{action.name}({param.name})", problem
                )


def _default_problem(param: ParamDef) -> str | None:
    default = param.default
    if default is None or default in _NULLS:
        return None
    t = param.type
    if not isinstance(t, PrimitiveType):
        return f"default '{default}' for a {type_name(t)} parameter (only null is possible)"
    if t.primitive in (Primitive.INT, Primitive.BIGINT):
        if not _is_int(default):
            return f"default '{default}' is not an integer"
    elif t.primitive is Primitive.FLOAT:
        if not _is_float(default):
            return f"default '{default}' is not a number"
    elif t.primitive is Primitive.BOOL:
        if default not in ("true", "false", "0", "1"):
            return f"default '{default}' is not a boolean (true, false, 0 or 1)"
    elif t.primitive is Primitive.FILE:
        return f"default '{default}' for a file parameter (only null is possible)"
    return None


def _is_int(text: str) -> bool:
    body = text[1:] if text[:1] in "+-" else text
    return body.isdigit() and body.isascii()


def _is_float(text: str) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return value == value and value not in (float("inf"), float("-inf"))


def _param_order(schema: Schema) -> Iterator[Diagnostic]:
    """Required after optional cannot be declared positionally (Python, TypeScript, PHP)."""
    for service, action in schema.actions:
        optional: ParamDef | None = None
        for param in action.params:
            if param.optional:
                optional = optional or param
            elif optional is not None:
                yield _error(
                    param.source,
                    f"action {service.name}.{action.name}({param.name})",
                    f"required parameter follows optional parameter {optional.name}; clients "
                    "with positional defaults (Python, TypeScript, PHP) cannot declare it",
                )
                break


# ------------------------------------------------------------------------- plugins


def _plugin_cycles(schema: Schema) -> Iterator[Diagnostic]:
    reported: set[str] = set()
    for plugin in schema.plugins.values():
        cycle = _find_cycle(plugin)
        if cycle is None or plugin.name in reported:
            continue
        reported.update(p.name for p in cycle)
        path = " -> ".join(p.name for p in [*cycle, cycle[0]])
        yield _error(plugin.source, f"plugin {plugin.name}", f"dependency cycle: {path}")


def _find_cycle(start: PluginDef) -> list[PluginDef] | None:
    """The dependency cycle through `start`, if any (iterative DFS)."""
    stack: list[tuple[PluginDef, int]] = [(start, 0)]
    path: list[PluginDef] = [start]
    seen: set[str] = {start.name}
    while stack:
        node, index = stack[-1]
        if index >= len(node.dependencies):
            stack.pop()
            path.pop()
            continue
        stack[-1] = (node, index + 1)
        dep = node.dependencies[index]
        if dep is start:
            return list(path)
        if dep.name not in seen:
            seen.add(dep.name)
            stack.append((dep, 0))
            path.append(dep)
    return None


# ------------------------------------------------------------------ names and files


def _case_collisions(schema: Schema) -> Iterator[Diagnostic]:
    """Targets write one file per class, enum, service or plugin: on case-insensitive
    file systems (macOS, Windows) names that differ only by case overwrite each other."""
    groups: Iterable[tuple[str, Iterable[tuple[str, Source]]]] = (
        (
            "type",
            [
                *((e.name, e.source) for e in schema.enums.values()),
                *((c.name, c.source) for c in schema.classes.values()),
            ],
        ),
        ("service", ((s.name, s.source) for s in schema.services.values())),
        ("plugin", ((p.name, p.source) for p in schema.plugins.values())),
    )
    for kind, items in groups:
        seen: dict[str, tuple[str, Source]] = {}
        for name, source in items:
            key = name.lower()
            first = seen.get(key)
            if first is None:
                seen[key] = (name, source)
            elif first[0] != name:
                yield _warning(
                    source,
                    f"{kind} {name}",
                    f"differs only by case from {first[0]} (line {first[1].line}); "
                    f"generated files collide on case-insensitive file systems",
                )


def _configuration_aliases(schema: Schema) -> Iterator[Diagnostic]:
    for group, entries in (
        ("client", schema.configurations.client),
        ("request", schema.configurations.request),
    ):
        names = {e.name: e for e in entries}
        aliases: dict[str, str] = {}
        for entry in entries:
            alias = entry.alias
            if alias is None:
                continue
            label = f"configuration {group}.{entry.name}"
            if alias in names and alias != entry.name:
                yield _error(entry.source, label, f"alias {alias} is also a {group} entry")
            elif alias in aliases:
                yield _error(
                    entry.source, label, f"alias {alias} is already used by {aliases[alias]}"
                )
            else:
                aliases[alias] = entry.name


def _error_codes(schema: Schema) -> Iterator[Diagnostic]:
    """Clients map a server's error code back to the named error: codes must be unique."""
    seen: dict[str, ErrorDef] = {}
    for error in schema.errors.values():
        first = seen.setdefault(error.code, error)
        if first is not error:
            yield _error(
                error.source,
                f"error {error.name}",
                f"code {error.code} is already used by {first.name} (line {first.source.line})",
            )
