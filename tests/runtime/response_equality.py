"""Response-parsing equality: for every concrete class of a schema, one synthesized response
object (every property, read-only ones included, with nested objects, arrays, maps, enums),
written as XML and as JSON; the official client parses the XML, ours parses both, and the
normalized results (wire names, enums as raw values) must be equal.

Runs each client in its own process (`response_worker.py`), like the request harness.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

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

from .equality import module_of

WORKER = Path(__file__).with_name("response_worker.py")


class ResponseBuilder:
    """Builds one value tree per class; renders it as Kaltura XML and JSON."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.modules: dict[str, str] = {}
        self._n = 0

    def concrete(self, cls: ClassDef) -> ClassDef:
        if not cls.abstract:
            return cls
        return next((s for s in self.schema.descendants(cls) if not s.abstract), cls)

    def scalar(self, t: PrimitiveType) -> Any:
        self._n += 1
        if t.enum is not None and t.enum.consts:
            const = t.enum.consts[self._n % len(t.enum.consts)]
            return const.int_value if t.enum.kind is EnumKind.INT else const.value
        p = t.primitive
        if p is Primitive.INT:
            return self._n
        if p is Primitive.BIGINT:
            return 10_000_000_000 + self._n
        if p is Primitive.FLOAT:
            return self._n + 0.5
        if p is Primitive.BOOL:
            return self._n % 2 == 0
        return f"text <{self._n}> & \u00e9"

    def obj(self, cls: ClassDef, depth: int) -> dict[str, Any]:
        cls = self.concrete(cls)
        self.modules[cls.name] = module_of(cls.plugin)
        out: dict[str, Any] = {"objectType": cls.name}
        for prop in cls.all_properties:
            value = self.value(prop.type, depth + 1)
            if value is not None:
                out[prop.name] = value
        return out

    def value(self, t: Type, depth: int) -> Any:
        if isinstance(t, PrimitiveType):
            return None if t.primitive is Primitive.FILE else self.scalar(t)
        if depth > 2:
            return None
        if isinstance(t, ObjectType):
            return self.obj(t.cls, depth) if t.cls is not None else None
        if isinstance(t, ArrayType):
            if isinstance(t.item, ObjectType) and t.item.cls is not None and depth < 2:
                return [self.obj(t.item.cls, depth), self.obj(t.item.cls, depth)]
            return None
        if isinstance(t, MapType):
            if isinstance(t.value, ObjectType) and t.value.cls is not None and depth < 2:
                return {"k1": self.obj(t.value.cls, depth)}
            return None
        return None

    def build(self) -> dict[str, Any]:
        cases: dict[str, Any] = {}
        for cls in self.schema.classes.values():
            if cls.abstract:
                continue
            tree = self.obj(cls, 0)
            cases[cls.name] = {"xml": to_xml(tree), "json": json.dumps(tree)}
        return {"modules": self.modules, "cases": cases}


def _xml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return escape(str(value))


def to_xml_body(value: dict[str, Any]) -> str:
    parts = []
    for key, item in value.items():
        if isinstance(item, dict) and "objectType" in item:
            parts.append(f"<{key}>{to_xml_body(item)}</{key}>")
        elif isinstance(item, dict):  # map
            inner = "".join(
                f"<item><itemKey>{escape(k)}</itemKey>{to_xml_body(v)}</item>"
                for k, v in item.items()
            )
            parts.append(f"<{key}>{inner}</{key}>")
        elif isinstance(item, list):
            inner = "".join(f"<item>{to_xml_body(v)}</item>" for v in item)
            parts.append(f"<{key}>{inner}</{key}>")
        else:
            parts.append(f"<{key}>{_xml_scalar(item)}</{key}>")
    return "".join(parts)


def to_xml(tree: dict[str, Any]) -> str:
    return f"<result>{to_xml_body(tree)}</result>"


def run_worker(side: str, cases: Path, out: Path, root: Path | None) -> dict[str, Any]:
    cmd = [sys.executable, str(WORKER), side, str(cases), str(out)]
    if root is not None:
        cmd.append(str(root))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd="/")
    if proc.returncode != 0:
        raise AssertionError(f"{side} worker failed:\n{proc.stderr[-5000:]}")
    result: dict[str, Any] = json.loads(out.read_text())
    return result
