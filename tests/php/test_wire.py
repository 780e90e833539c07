"""Wire equality with the official php53 client, for every action of ovp-22.19.0.

Requests: the harness synthesizes arguments for every action (every parameter, nested
objects, arrays, maps, explicit nulls, enums), calls the action in the official client and
in ours (in one PHP process per client; no network: the queued call is read back) and
compares service, action and parameters. Responses: one synthesized object of every class
(every property, read-only ones included) rendered as XML and as JSON is parsed by both
clients and compared field by field.

Differences are allowed only where the official client is wrong; each is listed in
OFFICIAL_BUGS with its reason (the generated README lists them for users).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from generator.model import (
    ArrayType,
    ClassDef,
    EnumKind,
    ObjectType,
    Primitive,
    PrimitiveType,
    Schema,
    Type,
)
from generator.targets.php import DIFFERENCES, decide_names
from generator.targets.php.naming import ACTION_RULES, PARAM_RULES, short_name, ucfirst
from tests.conftest import parsed_real_schema
from tests.php.conftest import HERE, run
from tests.typescript.synth import Synthesizer

pytestmark = pytest.mark.slow

# Official classes PHP >= 7.2 cannot load (`Object`, a reserved word): a fatal error on
# autoload, so no request or response through them can be compared.
# Actions of ovp-22.19.0 the official client has and can send (serve actions included).
EXPECTED_ACTIONS = 813
# Actions of services the official generator leaves out (batch, jobs, systemPartner...).
MISSING_IN_OFFICIAL = 189
# Actions the official client cannot send at all, with the reason.
OFFICIAL_REQUEST_BUGS = {
    "dropfolder_dropfolder.updateBasicFields": (
        "the official package has no class KalturaBasicFieldsDropFolder, which the action takes"
    ),
}


def _unloadable(schema: Schema) -> set[str]:
    names = decide_names(schema)
    return {n for n, fqcn in names.classes.items() if not fqcn.endswith("\\" + short_name(n))}


def _action_spec(schema: Schema, file_path: Path) -> list[dict[str, Any]]:
    bad = _unloadable(schema)
    names = decide_names(schema)

    def available(name: str) -> bool:
        return name not in bad and name in schema.classes

    synth = Synthesizer(schema, available)
    items: list[dict[str, Any]] = []
    by_key = {f"{s.id}.{a.name}": (s, a) for s, a in schema.actions}
    for generated in synth.actions(lambda _name: True):
        service, action = by_key[f"{generated['service']}.{generated['action']}"]
        taken: set[str] = set()
        params = {p.name: p for p in action.params}
        ours = {}
        for p in action.params:
            ours[p.name] = PARAM_RULES.escape(p.name, taken)
            taken.add(ours[p.name])
        plugin_official = (
            None
            if service.plugin is None
            else f"\\Kaltura\\Client\\Plugin\\{ucfirst(service.plugin)}\\"
            f"{ucfirst(service.plugin)}Plugin"
        )
        plugin_ours = None if service.plugin is None else "\\" + names.plugins[service.plugin]
        items.append(
            {
                "service": service.id,
                "action": action.name,
                "accessor": f"get{ucfirst(service.name)}Service",
                "plugin": {"official": plugin_official, "ours": plugin_ours},
                "method": {
                    "official": ACTION_RULES.escape(action.name),
                    "ours": ACTION_RULES.escape(action.name),
                },
                # the official signatures take no NullValue for object and array parameters
                "params": {
                    k: v
                    for k, v in generated["params"].items()
                    if v != {"$null": True} or isinstance(params[k].type, PrimitiveType)
                },
                "paramNames": ours,
                "files": [p.name for p in action.params if p.is_file],
                "filePath": str(file_path),
                "serve": generated["serve"],
                "ks": generated["requestOptions"].get("ks"),
            }
        )
    return items


def _harness(root: Path, mode: str, spec: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / f"{mode}-{root.parent.name}.json"
    path.write_text(json.dumps(spec))
    result = run(["php", str(HERE / "harness.php"), str(root), mode, str(path)], HERE)
    assert result.returncode == 0, (result.stdout[-2000:], result.stderr[-3000:])
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_every_action_sends_the_official_parameters(
    official_library: Path, ovp22_package: Path, tmp_path: Path
) -> None:
    schema = parsed_real_schema("ovp-22.19.0.xml")
    upload = tmp_path / "clip.bin"
    upload.write_bytes(b"\x00clip")
    spec = {"actions": _action_spec(schema, upload)}
    official = _harness(official_library, "requests", spec, tmp_path)
    ours = _harness(ovp22_package / "library", "requests", spec, tmp_path)
    compared, mismatches, official_errors, missing = 0, [], [], []
    for key, theirs in official.items():
        if key.startswith("$"):
            continue
        if "error" in theirs:
            error = theirs["error"]
            if "Call to undefined method" in error or 'Service" not found' in error:
                missing.append(key)  # the official generator leaves the service out
            elif key not in OFFICIAL_REQUEST_BUGS:
                official_errors.append((key, error))
            continue
        compared += 1
        for sent in (theirs, ours[key]):
            if "url" in sent:  # serve URLs carry the whole query: formats and kalsig aside
                for aside in ("format", "kalsig", "clientTag"):
                    sent["params"].pop(aside, None)
        if ours[key] != theirs:
            mismatches.append((key, theirs, ours[key]))
    assert mismatches == [], json.dumps(mismatches[:5], indent=1)[:6000]
    assert official_errors == [], official_errors[:10]
    assert (compared, len(missing)) == (EXPECTED_ACTIONS, MISSING_IN_OFFICIAL), missing
    # a multi-request with {N:result:...} references: the same parameters
    assert ours["$multiRequest"] == official["$multiRequest"]
    assert official["$multiRequest"][1]["entryId"] == "{1:result:id}"
    # the top of every body: the same client configuration, except the client's own tag
    theirs_top, ours_top = official["$clientConfiguration"], ours["$clientConfiguration"]
    assert theirs_top.pop("clientTag").startswith("php5:")
    assert ours_top.pop("clientTag") == "php8:kaltura-codegen"
    assert ours_top == theirs_top == {"apiVersion": "22.19.0"}
    # the allowed differences are in the generated README
    documented = " ".join(f"{what} {why}" for what, why in DIFFERENCES)
    assert "`clientTag` is `php8:kaltura-codegen`" in documented
    assert all(key.replace("dropfolder_", "") in documented for key in OFFICIAL_REQUEST_BUGS)


# ---------------------------------------------------------------- responses


class _Responses:
    """One object of every class with every property set, as XML and as JSON."""

    def __init__(self, schema: Schema, bad: set[str]) -> None:
        self.schema = schema
        self.bad = bad
        self.n = 0

    def concrete(self, cls: ClassDef) -> ClassDef | None:
        for candidate in [cls, *self.schema.descendants(cls)]:
            if not candidate.abstract and candidate.name not in self.bad:
                return candidate
        return None

    def value(self, t: Type, depth: int) -> Any:
        self.n += 1
        if isinstance(t, PrimitiveType):
            if t.enum is not None and t.enum.consts:
                const = t.enum.consts[self.n % len(t.enum.consts)]
                return const.int_value if t.enum.kind is EnumKind.INT else const.value
            return {
                Primitive.BOOL: self.n % 2 == 0,
                Primitive.STRING: f"s{self.n} \u00e9\"'<&>",
                Primitive.FLOAT: self.n + 0.5,
                Primitive.INT: self.n,
                Primitive.BIGINT: 2**40 + self.n,
                Primitive.FILE: None,
            }[t.primitive]
        if isinstance(t, ObjectType):
            if t.cls is None or depth > 2:
                return None
            return self.obj(t.cls, depth + 1)
        inner = t.item if isinstance(t, ArrayType) else t.value
        items = [self.value(inner, depth + 1) for _ in range(2)]
        items = [i for i in items if i is not None]
        if not items:
            return None
        return items if isinstance(t, ArrayType) else {f"k{i}": v for i, v in enumerate(items)}

    def obj(self, declared: ClassDef, depth: int) -> dict[str, Any] | None:
        cls = self.concrete(declared)
        if cls is None:
            return None
        out: dict[str, Any] = {"objectType": cls.name}
        for prop in cls.all_properties:
            if prop.name == "relatedObjects":
                continue
            value = self.value(prop.type, depth)
            if value is not None:
                out[prop.name] = value
        return out


def _xml(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dict) and "objectType" in value:
        return "".join(f"<{k}>{_xml(v)}</{k}>" for k, v in value.items())
    if isinstance(value, list):
        return "".join(f"<item>{_xml(v)}</item>" for v in value)
    if isinstance(value, dict):
        return "".join(
            f"<item><itemKey>{escape(k)}</itemKey>{_xml(v)}</item>" for k, v in value.items()
        )
    return escape(str(value))


def _responses(schema: Schema) -> Iterator[tuple[str, dict[str, Any]]]:
    bad = _unloadable(schema)
    synth = _Responses(schema, bad)
    for cls in schema.classes.values():
        if cls.abstract or cls.name in bad:
            continue
        value = synth.obj(cls, 0)
        assert value is not None
        xml = f"<xml><result>{_xml(value)}</result><executionTime>0</executionTime></xml>"
        yield cls.name, {"declared": cls.name, "xml": xml, "json": json.dumps(value)}


# Where the official parse is wrong (it cannot be fixed by us; ours is compared with the
# value the response holds instead). Empty: the official parse agrees on every class.
OFFICIAL_BUGS: dict[str, str] = {}
# Concrete classes both clients parse, and those the official package leaves out.
PARSED_CLASSES = 1246
ABSENT_CLASSES = 34


def test_every_class_parses_like_the_official(
    official_library: Path, ovp22_package: Path, tmp_path: Path
) -> None:
    schema = parsed_real_schema("ovp-22.19.0.xml")
    spec = {"responses": dict(_responses(schema))}
    official = _harness(official_library, "parse", spec, tmp_path)
    ours = _harness(ovp22_package / "library", "parse", spec, tmp_path)
    mismatches, absent = [], []
    for key, theirs in official.items():
        assert "error" not in ours[key], ours[key]
        if "Invalid object type class" in theirs.get("error", ""):
            absent.append(key)  # a class the official package leaves out
            continue
        if "error" in theirs or key in OFFICIAL_BUGS:
            mismatches.append((key, "official failed", theirs))
            continue
        for how in ("xml", "json"):
            mine = ours[key][how]
            differing = sorted(
                k for k in {*mine, *theirs["xml"]} if mine.get(k) != theirs["xml"].get(k)
            )
            if differing:
                mismatches.append(
                    (key, how, {k: (theirs["xml"].get(k), mine.get(k)) for k in differing})
                )
    assert mismatches == [], json.dumps(mismatches[:4], indent=1)[:6000]
    assert (len(official) - len(absent), len(absent)) == (PARSED_CLASSES, ABSENT_CLASSES)
