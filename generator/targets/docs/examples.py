"""Code examples made from the client targets' own naming code (so they cannot drift).

This is the ONE module of the docs target that imports the Python and TypeScript targets.
It calls exactly these of their functions:

* Python (`generator.targets.python.naming`): `attr_name`, `param_name`, `const_name`,
  `module_name`, `CLIENT_RESERVED`.
* TypeScript (`generator.targets.typescript`): `action_class_names` (the class of every
  action, clashes resolved as the target does), and from `.naming`: `enum_member_names`,
  `OBJECT_MEMBERS`, `REQUEST_MEMBERS`, `ts_string`.

Everything else (the call layout) is ours. `Names` collects the identifiers once per
schema; the console's "Show code" gets the same tables in its data files, so the static
examples (rendered here) and the interactive ones (assembled by console.js) use the same
names.

Example values are wire-shaped: scalars, `{"objectType": ..., prop: ...}` for objects,
lists and string-keyed dicts; enum values are the const's value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    EnumDef,
    MapType,
    ObjectType,
    Primitive,
    PrimitiveType,
    Schema,
    ServiceDef,
    Type,
)
from generator.targets import GenerateOptions
from generator.targets.python import naming as py_naming
from generator.targets.shared.package import package_meta
from generator.targets.typescript import TARGET as TS_TARGET
from generator.targets.typescript import action_class_names
from generator.targets.typescript import naming as ts_naming

__all__ = [
    "EXAMPLE_FILE",
    "Call",
    "Names",
    "curl_example",
    "example_call",
    "python_example",
    "python_multirequest",
    "typescript_example",
    "typescript_multirequest",
]

EXAMPLE_FILE = "example.bin"
PY_PACKAGE = "KalturaClient"
TS_DEFAULT_PACKAGE = "kaltura-typescript-client"
_INDENT = "    "


@dataclass(frozen=True)
class Call:
    service: ServiceDef
    action: ActionDef
    values: Mapping[str, Any]  # param name -> wire-shaped value


@dataclass
class Names:
    """Identifiers of one schema in both client languages."""

    schema: Schema
    sample: bool = False
    ts_actions: dict[str, str] = field(default_factory=dict)
    ts_package: str = TS_DEFAULT_PACKAGE
    _enum_members: dict[str, list[str]] = field(default_factory=dict)
    _py_consts: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        options = GenerateOptions(sample=self.sample)
        self.ts_actions = action_class_names(self.schema, options)
        self.ts_package = package_meta(TS_TARGET, options, TS_DEFAULT_PACKAGE).name

    # -- Python

    def py_module(self, plugin: str | None) -> str:
        return f"{PY_PACKAGE}.Plugins.{py_naming.module_name(plugin)}"

    def py_service_path(self, service: ServiceDef) -> str:
        """`client.media`, `client.metadata.metadataProfile` (as the client exposes them)."""

        client_attr = py_naming.client_attr
        if service.plugin is None:
            return f"client.{client_attr(service.name)}"
        attr = py_naming.attr_name(service.name)
        merged = next(
            (
                s
                for s in self.schema.services.values()
                if s.plugin is None and s.name == service.plugin
            ),
            None,
        )
        if merged is not None and attr in {py_naming.attr_name(a.name) for a in merged.actions}:
            attr += "Service"
        return f"client.{client_attr(service.plugin)}.{attr}"

    def py_method(self, action: ActionDef) -> str:
        return py_naming.service_attr(action.name)

    def py_param(self, name: str) -> str:
        return py_naming.param_name(name)

    def py_const(self, enum: EnumDef, value: str) -> str | None:
        table = self._py_consts.get(enum.name)
        if table is None:
            table = {}
            for const in enum.consts:
                table.setdefault(const.value, py_naming.const_name(const.name))
            self._py_consts[enum.name] = table
        return table.get(value)

    # -- TypeScript

    def ts_action(self, service: ServiceDef, action: ActionDef) -> str:
        return self.ts_actions[f"{service.id}.{action.name}"]

    def ts_request_field(self, name: str) -> str:
        return f"{name}_" if name in ts_naming.REQUEST_MEMBERS else name

    def ts_object_field(self, name: str) -> str:
        return f"{name}_" if name in ts_naming.OBJECT_MEMBERS else name

    def ts_members(self, enum: EnumDef) -> list[str]:
        members = self._enum_members.get(enum.name)
        if members is None:
            members = ts_naming.enum_member_names([c.name for c in enum.consts])
            self._enum_members[enum.name] = members
        return members

    def ts_member(self, enum: EnumDef, value: str) -> str | None:
        for const, member in zip(enum.consts, self.ts_members(enum), strict=True):
            if const.value == value:
                return member
        return None


# ----------------------------------------------------------------------- example values


def _concrete(schema: Schema, cls: ClassDef) -> ClassDef:
    if not cls.abstract:
        return cls
    return next((c for c in schema.descendants(cls) if not c.abstract), cls)


def _scalar_example(t: PrimitiveType, name: str) -> Any:
    if t.enum is not None and t.enum.consts:
        return t.enum.consts[0].value
    primitive = t.primitive
    if primitive is Primitive.BOOL:
        return True
    if primitive in (Primitive.INT, Primitive.BIGINT):
        return 1
    if primitive is Primitive.FLOAT:
        return 1.5
    if primitive is Primitive.FILE:
        return EXAMPLE_FILE
    return "example"


def example_value(schema: Schema, t: Type, name: str, depth: int = 0) -> Any:
    """A small value of type `t`. Objects get their `name` and their insert-only enum
    properties (what an `add` usually needs, e.g. `mediaType`)."""
    if isinstance(t, PrimitiveType):
        return _scalar_example(t, name)
    if isinstance(t, ObjectType):
        if t.cls is None:
            return {}
        cls = _concrete(schema, t.cls)
        value: dict[str, Any] = {"objectType": cls.name}
        for prop in cls.all_properties:
            if prop.read_only or not isinstance(prop.type, PrimitiveType):
                continue
            if prop.name == "name" or (prop.insert_only and prop.type.enum is not None):
                value[prop.name] = _scalar_example(prop.type, prop.name)
        return value
    if depth > 1:
        return [] if isinstance(t, ArrayType) else {}
    if isinstance(t, ArrayType):
        return [example_value(schema, t.item, name, depth + 1)]
    return {"key": example_value(schema, t.value, name, depth + 1)}


def example_call(schema: Schema, service: ServiceDef, action: ActionDef) -> Call:
    """The call an action page shows: every required parameter, with example values."""
    values = {
        p.name: example_value(schema, p.type, p.name) for p in action.params if not p.optional
    }
    return Call(service, action, values)


# ----------------------------------------------------------------------------- Python


@dataclass
class _PyImports:
    names: Names
    by_module: dict[str, set[str]] = field(default_factory=dict)

    def add(self, plugin: str | None, name: str) -> None:
        self.by_module.setdefault(self.names.py_module(plugin), set()).add(name)

    def lines(self) -> list[str]:
        return [
            f"from {module} import {', '.join(sorted(names))}"
            for module, names in sorted(self.by_module.items())
        ]


def _py_str(text: str) -> str:
    # JSON string syntax is valid Python (no raw newlines, \uXXXX escapes).
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _py_value(names: Names, t: Type, value: Any, imports: _PyImports, level: int) -> str:
    pad = _INDENT * (level + 1)
    end = _INDENT * level
    if value is None:
        return "None"
    if isinstance(t, PrimitiveType):
        if t.enum is not None:
            const = names.py_const(t.enum, str(value))
            if const is not None:
                imports.add(t.enum.plugin, t.enum.name)
                return f"{t.enum.name}.{const}"
        if t.primitive is Primitive.FILE:
            return f'open({_py_str(str(value))}, "rb")'
        if t.primitive is Primitive.BOOL:
            return "True" if value in (True, "true", "1", 1) else "False"
        if t.primitive in (Primitive.INT, Primitive.BIGINT) and _is_int(value):
            return str(int(value))
        if t.primitive is Primitive.FLOAT and _is_number(value):
            return repr(float(value))
        return _py_str(str(value))
    if isinstance(t, ObjectType):
        cls = _object_class(names.schema, t, value)
        if cls is None:
            return _py_str(json.dumps(value))
        imports.add(cls.plugin, cls.name)
        props = {p.name: p for p in cls.all_properties}
        args = [
            f"{pad}{names.py_param(key)}="
            f"{_py_value(names, props[key].type, v, imports, level + 1)},"
            for key, v in value.items()
            if key in props
        ]
        if not args:
            return f"{cls.name}()"
        return f"{cls.name}(\n" + "\n".join(args) + f"\n{end})"
    if isinstance(t, ArrayType):
        items = [f"{pad}{_py_value(names, t.item, v, imports, level + 1)}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{end}]" if items else "[]"
    if isinstance(t, MapType):
        items = [
            f"{pad}{_py_str(str(k))}: {_py_value(names, t.value, v, imports, level + 1)},"
            for k, v in value.items()
        ]
        return "{\n" + "\n".join(items) + f"\n{end}}}" if items else "{}"
    raise TypeError(t)


def _is_int(value: Any) -> bool:
    try:
        int(value)
    except (TypeError, ValueError):
        return False
    return True


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _object_class(schema: Schema, t: ObjectType, value: Any) -> ClassDef | None:
    if not isinstance(value, Mapping):
        return None
    named = schema.classes.get(str(value.get("objectType", "")))
    if named is not None and (t.cls is None or named.is_subclass_of(t.cls)):
        return named
    return t.cls


def _py_call_expr(names: Names, call: Call, imports: _PyImports, level: int) -> str:
    params = {p.name: p for p in call.action.params}
    args = [
        f"{_INDENT * (level + 1)}{names.py_param(key)}="
        f"{_py_value(names, params[key].type, value, imports, level + 1)},"
        for key, value in call.values.items()
        if key in params
    ]
    head = f"{names.py_service_path(call.service)}.{names.py_method(call.action)}("
    if not args:
        return head + ")"
    return head + "\n" + "\n".join(args) + f"\n{_INDENT * level})"


def _py_prelude(service_url: str, ks: str) -> list[str]:
    return [
        f"config = KalturaConfiguration({_py_str(service_url)})",
        "client = KalturaClient(config)",
        f"client.setKs({_py_str(ks)})",
    ]


def python_example(names: Names, call: Call, service_url: str, ks: str) -> str:
    imports = _PyImports(names)
    expr = _py_call_expr(names, call, imports, 0)
    head = [f"from {PY_PACKAGE} import KalturaClient, KalturaConfiguration", *imports.lines()]
    body = _py_prelude(service_url, ks)
    if call.action.result is None:
        body.append(expr)
    else:
        body += [f"result = {expr}", "print(result)"]
    return "\n".join([*head, "", *body]) + "\n"


def python_multirequest(names: Names, calls: Sequence[Call], service_url: str, ks: str) -> str:
    imports = _PyImports(names)
    exprs = [_py_call_expr(names, call, imports, 0) for call in calls]
    head = [f"from {PY_PACKAGE} import KalturaClient, KalturaConfiguration", *imports.lines()]
    body = [*_py_prelude(service_url, ks), "client.startMultiRequest()", *exprs]
    body += ["results = client.doMultiRequest()", "for result in results:", "    print(result)"]
    return "\n".join([*head, "", *body]) + "\n"


# ------------------------------------------------------------------------- TypeScript


def _ts_str(text: str) -> str:
    return ts_naming.ts_string(text)


def _ts_value(names: Names, t: Type, value: Any, imports: set[str], level: int) -> str:
    pad = _INDENT * (level + 1)
    end = _INDENT * level
    if value is None:
        return "null"
    if isinstance(t, PrimitiveType):
        if t.enum is not None:
            member = names.ts_member(t.enum, str(value))
            if member is not None:
                imports.add(t.enum.name)
                return f"{t.enum.name}.{member}"
        if t.primitive is Primitive.FILE:
            return f"new Blob([{_ts_str(str(value))}])"
        if t.primitive is Primitive.BOOL:
            return "true" if value in (True, "true", "1", 1) else "false"
        if t.primitive in (Primitive.INT, Primitive.BIGINT, Primitive.FLOAT) and _is_number(value):
            number = float(value)
            return str(int(number)) if number.is_integer() else repr(number)
        return _ts_str(str(value))
    if isinstance(t, ObjectType):
        cls = _object_class(names.schema, t, value)
        if cls is None:
            return json.dumps(value)
        imports.add(cls.name)
        props = {p.name: p for p in cls.all_properties}
        args = [
            f"{pad}{names.ts_object_field(key)}: "
            f"{_ts_value(names, props[key].type, v, imports, level + 1)},"
            for key, v in value.items()
            if key in props
        ]
        if not args:
            return f"new {cls.name}()"
        return f"new {cls.name}({{\n" + "\n".join(args) + f"\n{end}}})"
    if isinstance(t, ArrayType):
        items = [f"{pad}{_ts_value(names, t.item, v, imports, level + 1)}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{end}]" if items else "[]"
    if isinstance(t, MapType):
        items = [
            f"{pad}{_ts_str(str(k))}: {_ts_value(names, t.value, v, imports, level + 1)},"
            for k, v in value.items()
        ]
        return "{\n" + "\n".join(items) + f"\n{end}}}" if items else "{}"
    raise TypeError(t)


def _ts_action_expr(names: Names, call: Call, imports: set[str], level: int) -> str:
    cls = names.ts_action(call.service, call.action)
    imports.add(cls)
    params = {p.name: p for p in call.action.params}
    args = [
        f"{_INDENT * (level + 1)}{names.ts_request_field(key)}: "
        f"{_ts_value(names, params[key].type, value, imports, level + 1)},"
        for key, value in call.values.items()
        if key in params
    ]
    if not args:
        return f"new {cls}({{}})"
    return f"new {cls}({{\n" + "\n".join(args) + f"\n{_INDENT * level}}})"


def _ts_head(names: Names, imports: set[str], service_url: str, ks: str) -> list[str]:
    package = names.ts_package
    lines = [f"import {{ KalturaClient }} from {_ts_str(package)};"]
    lines += [
        f"import {{ {name} }} from {_ts_str(f'{package}/api/types/{name}')};"
        for name in sorted(imports)
    ]
    lines += [
        "",
        "const client = new KalturaClient(",
        f"    {{ endpointUrl: {_ts_str(service_url)}, clientTag: 'kaltura-codegen-docs' }},",
        f"    {{ ks: {_ts_str(ks)} }},",
        ");",
    ]
    return lines


def typescript_example(names: Names, call: Call, service_url: str, ks: str) -> str:
    imports: set[str] = set()
    expr = _ts_action_expr(names, call, imports, 0)
    lines = _ts_head(names, imports, service_url, ks)
    lines += [f"const result = await client.request({expr});", "console.log(result);"]
    return "\n".join(lines) + "\n"


def typescript_multirequest(names: Names, calls: Sequence[Call], service_url: str, ks: str) -> str:
    imports: set[str] = set()
    exprs = [_ts_action_expr(names, call, imports, 1) for call in calls]
    lines = _ts_head(names, imports, service_url, ks)
    lines += ["const responses = await client.multiRequest(["]
    lines += [f"    {expr}," for expr in exprs]
    lines += ["]);", "for (const response of responses) {", "    console.log(response.result);"]
    lines += ["}"]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------- curl


def _flatten(prefix: str, value: Any, out: list[tuple[str, str]]) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{prefix}[{key}]", item, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _flatten(f"{prefix}[{index}]", item, out)
    elif value is None:
        out.append((f"{prefix}__null", ""))
    elif isinstance(value, bool):
        out.append((prefix, "1" if value else "0"))
    else:
        out.append((prefix, str(value)))


def _shell(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def curl_example(call: Call, service_url: str, ks: str) -> str:
    """Raw REST: `POST /api_v3/service/S/action/A` with `format=1`, the KS and the
    parameters as form fields (`a[b]` for nesting, `-F` parts for files)."""
    url = f"{service_url.rstrip('/')}/api_v3/service/{call.service.id}/action/{call.action.name}"
    files = {p.name for p in call.action.file_params}
    fields: list[tuple[str, str]] = [("format", "1"), ("ks", ks)]
    parts: list[str] = []
    for key, value in call.values.items():
        if key in files:
            parts.append(f"  -F {_shell(f'{key}=@{value}')}")
        else:
            _flatten(key, value, fields)
    flag = "-F" if parts else "--data-urlencode"
    lines = [f"curl -X POST {_shell(url)}"]
    lines += [f"  {flag} {_shell(f'{k}={v}')}" for k, v in fields]
    lines += parts
    return " \\\n".join(lines) + "\n"
