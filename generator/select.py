"""`--include` / `--exclude` over the model, with type tree-shaking (language-neutral).

Patterns: `service.action`, `service.*` (service name or id, case-insensitive),
`plugin:NAME` (every service of a plugin; `plugin:*` = every plugin service).
Kept actions are those matching an include (all when there is none) and no exclude.

Tree-shaking follows the official clients-generator: the kept types are those reachable
from kept actions (parameters and results) and from the client configuration, closed
over property types, enum references and base classes, plus every subclass of a
reachable class (the server may return any of them) and the `*OrderBy` enum of each
kept `*Filter`. With neither option the schema is returned unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    EnumDef,
    MapType,
    ObjectType,
    PrimitiveType,
    Schema,
    ServiceDef,
    Type,
)

__all__ = ["SelectionError", "matches", "select"]


class SelectionError(ValueError):
    """A pattern is malformed or matches nothing."""


def _parse(pattern: str) -> tuple[str, str, str]:
    """('plugin', NAME, '') or ('action', SERVICE, ACTION)."""
    text = pattern.strip()
    if text.startswith("plugin:"):
        name = text[len("plugin:") :]
        if not name:
            raise SelectionError(f"'{pattern}': plugin pattern needs a name (plugin:NAME)")
        return "plugin", name, ""
    service, dot, action = text.partition(".")
    if not dot or not service or not action or "." in action:
        raise SelectionError(f"'{pattern}': expected service.action, service.* or plugin:NAME")
    return "action", service, action


def matches(pattern: str, service: ServiceDef, action: ActionDef) -> bool:
    kind, first, second = _parse(pattern)
    if kind == "plugin":
        if service.plugin is None:
            return False
        return first == "*" or first.lower() == service.plugin.lower()
    names = {service.name.lower(), service.id.lower()}
    if first != "*" and first.lower() not in names:
        return False
    return second == "*" or second.lower() == action.name.lower()


def select(schema: Schema, include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Schema:
    includes = tuple(include)
    excludes = tuple(exclude)
    if not includes and not excludes:
        return schema
    for pattern in (*includes, *excludes):
        _parse(pattern)
        if not any(matches(pattern, s, a) for s, a in schema.actions):
            raise SelectionError(f"'{pattern}' matches no action of the schema")

    services: dict[str, ServiceDef] = {}
    for sid, service in schema.services.items():
        kept = tuple(
            a
            for a in service.actions
            if (not includes or any(matches(p, service, a) for p in includes))
            and not any(matches(p, service, a) for p in excludes)
        )
        if kept:
            services[sid] = dataclasses.replace(service, actions=kept)
    if not services:
        raise SelectionError("--include/--exclude leave no action to generate")

    dropped = {
        _parse(p)[1].lower() for p in excludes if _parse(p)[0] == "plugin" and _parse(p)[1] != "*"
    }
    classes, enums = _reachable(schema, services.values(), dropped)
    kept_plugins = (
        {s.plugin for s in services.values()}
        | {c.plugin for c in classes}
        | {e.plugin for e in enums}
    )
    plugins = {
        name: dataclasses.replace(
            plugin, services=tuple(services[s.id] for s in plugin.services if s.id in services)
        )
        for name, plugin in schema.plugins.items()
        if name in kept_plugins
    }
    return dataclasses.replace(
        schema,
        enums={n: e for n, e in schema.enums.items() if e in enums},
        classes={n: c for n, c in schema.classes.items() if c in classes},
        services=services,
        plugins=plugins,
    )


def _type_refs(t: Type | None) -> Iterator[ClassDef | EnumDef]:
    if isinstance(t, PrimitiveType):
        if t.enum is not None:
            yield t.enum
    elif isinstance(t, ObjectType):
        if t.cls is not None:
            yield t.cls
    elif isinstance(t, ArrayType):
        yield from _type_refs(t.item)
    elif isinstance(t, MapType):
        yield from _type_refs(t.value)


def _reachable(
    schema: Schema, services: Iterable[ServiceDef], dropped_plugins: set[str]
) -> tuple[set[ClassDef], set[EnumDef]]:
    """Closure of the kept actions' types. Subclasses of an excluded plugin are not pulled
    in (an excluded plugin is absent, as in the official build); `valuesEnumType` enums
    are not followed (they only document a comma-separated string)."""
    classes: set[ClassDef] = set()
    enums: set[EnumDef] = set()
    pending: list[ClassDef | EnumDef] = []
    for service in services:
        for action in service.actions:
            for param in action.params:
                pending.extend(_type_refs(param.type))
            pending.extend(_type_refs(action.result))
    configs = schema.configurations
    for entry in (*configs.client, *configs.request):
        pending.extend(_type_refs(entry.type))

    while pending:
        item = pending.pop()
        if isinstance(item, EnumDef):
            enums.add(item)
            continue
        if item in classes:
            continue
        classes.add(item)
        if item.base is not None:
            pending.append(item.base)
        for prop in item.properties:
            pending.extend(_type_refs(prop.type))
        pending.extend(
            sub
            for sub in schema.subclasses.get(item.name, ())
            if (sub.plugin or "").lower() not in dropped_plugins
        )
        if item.name.endswith("Filter"):
            order_by = schema.enums.get(item.name[: -len("Filter")] + "OrderBy")
            if order_by is not None:
                pending.append(order_by)
    return classes, enums
