"""The request-equality harness: our generated client vs the official KalturaApiClient.

For every action of a schema a call plan is synthesized from the model (every parameter set;
objects with all their writable properties, some null, nested objects, arrays of several
items, maps, enum constants, files), in two variants:

  * "full": every parameter set;
  * "nulls": required parameters set, every optional one `None` (files omitted).

Each client runs the plan in its own process (`equality_worker.py`) with its HTTP layer
patched out and reports URL, exact JSON body text and file-part names; `compare` then
asserts equality up to `INTENDED_DIFFERENCES`.

Our client is configured as the official one sends (`format=2`, no `ignoreNull`): with that,
bodies must be byte-identical, `kalsig` included. Our defaults differ on purpose, see below.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model import (
    ArrayType,
    ClassDef,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    Primitive,
    PrimitiveType,
    ResultKind,
    Schema,
    Type,
)

WORKER = Path(__file__).with_name("equality_worker.py")

# What differs from the official client on purpose (documented in docs/python-package.md).
INTENDED_DIFFERENCES = {
    "format": "default response format is JSON (format=1), measured faster; XML selectable",
    "ignoreNull": "we send ignoreNull=1 by default so null and empty string stay distinct",
    "file parts": (
        "the official client keeps only the last file of an action with several file params "
        "(metadataProfile.addFromFile drops xsdFile) and sends an omitted optional file "
        "(NotImplemented) as a part; we send exactly the given files. File names are checked "
        "against the plan, and official deviations are listed, not failed"
    ),
    "clientTag": "ours identifies this client; the harness sets the official's tag on both",
    "enum action params": (
        "the official client sends an enum object given as an action parameter as its repr "
        "(a bug); we send its value. The harness gives the official the raw value"
    ),
    "services missing from the official build": (
        "for actions the official public client does not include (e.g. batchcontrol) the "
        "harness runs what the official generator would emit, on the official client's own "
        "primitives (KalturaParams.add*IfDefined, queueServiceActionCall, doQueue/getServeUrl); "
        "actions that also need classes missing from the official build are excluded"
    ),
    "core services shadowed by a plugin": (
        "in the official client `client.bulkUpload` / `client.document` are the plugin "
        "namespaces and the core services of the same name are unreachable; the harness calls "
        "the official service class directly, ours through its combined accessor"
    ),
}


def param_kind(t: Type) -> str:
    if isinstance(t, PrimitiveType):
        return t.primitive.value
    if isinstance(t, ObjectType):
        return "object"
    if isinstance(t, ArrayType):
        return "array"
    return "map"


def module_of(plugin: str | None) -> str:
    if plugin is None:
        return "KalturaClient.Plugins.Core"
    return "KalturaClient.Plugins." + plugin[0].upper() + plugin[1:]


class PlanBuilder:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.modules: dict[str, str] = {}
        self._counter = 0

    def _n(self) -> int:
        self._counter += 1
        return self._counter

    def concrete(self, cls: ClassDef) -> ClassDef:
        if not cls.abstract:
            return cls
        for sub in self.schema.descendants(cls):
            if not sub.abstract:
                return sub
        return cls

    def enum_value(self, enum: EnumDef, index: int) -> list[Any]:
        self.modules[enum.name] = module_of(enum.plugin)
        const = enum.consts[index % len(enum.consts)]
        raw: Any = const.int_value if enum.kind is EnumKind.INT else const.value
        return ["enum", enum.name, raw]

    def scalar(self, t: PrimitiveType, name: str) -> list[Any]:
        n = self._n()
        if t.enum is not None and t.enum.consts:
            return self.enum_value(t.enum, n)
        p = t.primitive
        if p is Primitive.INT:
            return ["i", n]
        if p is Primitive.BIGINT:
            return ["i", 10_000_000_000 + n]
        if p is Primitive.FLOAT:
            return ["f", n + 0.25]
        if p is Primitive.BOOL:
            return ["b", n % 2 == 0]
        if p is Primitive.FILE:
            return ["file", f"file-{name}-{n}"]
        return ["s", f'{name}-\u00e9"{n}']

    def obj(self, cls: ClassDef | None, depth: int) -> list[Any]:
        if cls is None:
            cls = self.schema.classes.get("KalturaFilterPager") or next(
                iter(self.schema.classes.values())
            )
        cls = self.concrete(cls)
        self.modules[cls.name] = module_of(cls.plugin)
        props: list[list[Any]] = []
        for i, prop in enumerate(cls.all_properties):
            if prop.read_only:
                continue
            if i % 7 == 3:
                props.append([prop.name, ["null"]])
                continue
            value = self.value(prop.type, prop.name, depth + 1)
            if value is not None:
                props.append([prop.name, value])
        return ["obj", cls.name, props]

    def value(self, t: Type, name: str, depth: int) -> list[Any] | None:
        if isinstance(t, PrimitiveType):
            return self.scalar(t, name)
        if depth > 2:
            return None  # keep nesting bounded
        if isinstance(t, ObjectType):
            return self.obj(t.cls, depth)
        if isinstance(t, ArrayType):
            if depth == 2:
                return ["arr", []]  # an empty array: {"-": ""}
            item = t.item
            if isinstance(item, ObjectType):
                return ["arr", [self.obj(item.cls, depth), self.obj(item.cls, depth)]]
            return ["arr", []]
        if isinstance(t, MapType):
            value = t.value
            if depth == 2 or not isinstance(value, ObjectType):
                return ["map", {}]
            return ["map", {"k1": self.obj(value.cls, depth), "k2": self.obj(value.cls, depth)}]
        return None

    def calls(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for service, action in self.schema.actions:
            path = [service.name] if service.plugin is None else [service.plugin, service.name]
            for variant in ("full", "nulls"):
                args: list[Any] = []
                for param in action.params:
                    if variant == "nulls" and param.optional:
                        args.append(["unset"] if param.is_file else ["null"])
                    else:
                        value = self.value(param.type, param.name, 0) or ["null"]
                        if value[0] == "enum":
                            # The official client str()s enum objects given as action params
                            # (it sends "<...KalturaSessionType object at 0x..>"): it gets raw.
                            value = [*value, "raw-for-official"]
                        args.append(value)
                files = sorted(
                    p.name
                    for p, a in zip(action.params, args, strict=True)
                    if p.is_file and a[0] != "unset"
                )
                out.append(
                    {
                        "key": f"{service.id}.{action.name}/{variant}",
                        "files": files,
                        "path": path,
                        "service_class": [
                            module_of(service.plugin),
                            "Kaltura" + service.name[0].upper() + service.name[1:] + "Service",
                        ],
                        "method": action.name,
                        "args": args,
                        "params": [[p.name, param_kind(p.type)] for p in action.params],
                        "serve": action.result_kind is ResultKind.FILE,
                    }
                )
        return out

    def plan(self, client_tag: str, api_version: str) -> dict[str, Any]:
        calls = self.calls()
        return {
            "clientTag": client_tag,
            "apiVersion": api_version,
            "modules": self.modules,
            "calls": calls,
        }


def run_worker(side: str, plan_path: Path, out_path: Path, root: Path | None) -> dict[str, Any]:
    cmd = [sys.executable, str(WORKER), side, str(plan_path), str(out_path)]
    if root is not None:
        cmd.append(str(root))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd="/")
    if proc.returncode != 0:
        raise AssertionError(f"{side} worker failed:\n{proc.stderr[-5000:]}")
    result: dict[str, Any] = json.loads(out_path.read_text())
    return result


@dataclass
class Comparison:
    """Outcome of `compare`, per action (an action matches when both its calls match)."""

    matched: set[str] = field(default_factory=set)  # byte-identical, official method
    emulated: set[str] = field(default_factory=set)  # byte-identical, official primitives
    problems: list[str] = field(default_factory=list)
    excluded: dict[str, str] = field(default_factory=dict)  # action -> why not comparable
    official_defects: list[str] = field(default_factory=list)


def compare(plan: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> Comparison:
    planned = {call["key"]: call["files"] for call in plan["calls"]}
    result = Comparison()
    failed: set[str] = set()
    ok: set[str] = set()
    for key, expected in theirs.items():
        action = key.split("/")[0]
        got = ours.get(key)
        problem = None
        if got is None:
            problem = f"{key}: not called by ours"
        elif "error" in expected and expected.get("emulated"):
            # the official build lacks the action and a class it needs
            result.excluded[action] = f"no official counterpart ({expected['error']})"
            continue
        elif "error" in expected:
            problem = f"{key}: official failed: {expected['error']}"
        elif "error" in got:
            problem = f"{key}: ours failed: {got['error']}"
        elif got["url"] != expected["url"]:
            problem = f"{key}: url {got['url']!r} != {expected['url']!r}"
        elif "body" in expected and got.get("body") != expected["body"]:
            problem = f"{key}: body differs:\n ours  {got.get('body')}\n theirs {expected['body']}"
        elif "body" in expected and got["files"] != planned[key]:
            problem = f"{key}: ours sent files {got['files']}, planned {planned[key]}"
        if problem is not None:
            result.problems.append(problem)
            failed.add(action)
            continue
        if "body" in expected and expected["files"] != planned[key]:
            result.official_defects.append(
                f"{key}: official sent files {expected['files']}, given {planned[key]}"
            )
        ok.add(action)
        if expected.get("emulated"):
            result.emulated.add(action)
    good = ok - failed - set(result.excluded)
    result.emulated &= good
    result.matched = good - result.emulated
    return result
