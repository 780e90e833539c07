"""Synthesized arguments for every action of a schema, as a JSON value tree.

The tree is language-neutral; the node harness turns it into objects of each client
(official and ours) and compares the request bodies both build. Values are deterministic and
cover every parameter kind: scalars, enums (int and string), time properties (Dates), nested
objects (a concrete subclass where the declared class is abstract), arrays, maps, empty
arrays and explicit nulls.

Tree encoding: scalars as JSON; `{"$null": true}`; `{"$date": seconds}`;
`{"$class": name, "props": {...}}`; `{"$array": [...]}`; `{"$map": {...}}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.model import (
    ArrayType,
    ClassDef,
    EnumKind,
    MapType,
    ObjectType,
    Primitive,
    PrimitiveType,
    Schema,
    Type,
)
from generator.targets.typescript.naming import action_class_name

MAX_DEPTH = 2


class Synthesizer:
    def __init__(self, schema: Schema, available: Callable[[str], bool]) -> None:
        self.schema = schema
        self.available = available  # is this class present in every client compared?
        self.counter = 0

    def _tick(self) -> int:
        self.counter += 1
        return self.counter

    def concrete(self, cls: ClassDef) -> ClassDef | None:
        """The class to instantiate for a declared class: itself, or a concrete subclass."""
        candidates = [cls] if not cls.abstract else []
        candidates += [c for c in self.schema.descendants(cls) if not c.abstract]
        candidates.append(cls)
        for candidate in candidates:
            if self.available(candidate.name):
                return candidate
        return None

    def value(self, t: Type, name: str, depth: int, is_time: bool = False) -> Any:
        n = self._tick()
        if isinstance(t, PrimitiveType):
            if t.enum is not None and t.enum.consts:
                const = t.enum.consts[n % len(t.enum.consts)]
                return const.int_value if t.enum.kind is EnumKind.INT else const.value
            if t.primitive is Primitive.BOOL:
                return n % 2 == 0
            if t.primitive is Primitive.STRING:
                return f"{name}-{n} \u00e9\"'<&>"
            if t.primitive is Primitive.FILE:
                return None
            if t.primitive is Primitive.FLOAT:
                return n + 0.5
            if is_time:
                return {"$date": 1700000000 + n}
            return n
        if isinstance(t, ObjectType):
            if t.cls is None or depth >= MAX_DEPTH:
                return None
            return self.obj(t.cls, depth + 1)
        if isinstance(t, ArrayType):
            if n % 7 == 0:
                return {"$array": []}
            items = [self.value(t.item, name, depth) for _ in range(2)]
            items = [i for i in items if i is not None]
            return {"$array": items} if items else None
        if isinstance(t, MapType):
            entries = {k: self.value(t.value, name, depth) for k in ("first", "second")}
            entries = {k: v for k, v in entries.items() if v is not None}
            return {"$map": entries} if entries else None
        return None

    def obj(self, declared: ClassDef, depth: int) -> Any:
        cls = self.concrete(declared)
        if cls is None:
            return None
        props: dict[str, Any] = {}
        for prop in cls.all_properties:
            if prop.read_only or prop.name == "relatedObjects":
                continue
            if isinstance(prop.type, PrimitiveType) and prop.type.primitive is Primitive.FILE:
                continue
            if self._tick() % 9 == 0:
                props[prop.name] = {"$null": True}
                continue
            v = self.value(prop.type, prop.name, depth, prop.is_time)
            if v is not None:
                props[prop.name] = v
        return {"$class": cls.name, "props": props}

    def actions(self, class_available: Callable[[str], bool]) -> Iterator[dict[str, Any]]:
        for service, action in self.schema.actions:
            name = action_class_name(service.name, action.name)
            if not class_available(name):
                continue
            params: dict[str, Any] = {}
            for i, param in enumerate(action.params):
                if param.is_file:
                    continue
                if param.optional and (self._tick() + i) % 11 == 0:
                    params[param.name] = {"$null": True}
                    continue
                v = self.value(param.type, param.name, 0)
                if v is not None:
                    params[param.name] = v
            options: dict[str, Any] = {}
            profile = self.schema.classes.get("KalturaBaseResponseProfile")
            if self._tick() % 5 == 0 and profile is not None:
                options = {"ks": f"ks-{self.counter}", "responseProfile": self.obj(profile, 0)}
            yield {
                "requestOptions": options,
                "class": name,
                "service": service.id,
                "action": action.name,
                "serve": action.result_kind.value == "file",
                "params": params,
            }
