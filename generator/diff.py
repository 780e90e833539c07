"""Model-level comparison of two schemas, for release notes and CI gates (`kaltura-codegen diff`).

Every difference that matters to client code becomes a `Change`, classified as breaking
(code written against the old client can fail against the new one) or compatible, with a
short reason. The rules:

* removing anything (service, action, param, class, property, enum, const, plugin, error,
  configuration) is breaking; adding is compatible;
* a type change (param, result, property, configuration; enum constraints count) is breaking,
  except a param that widens (int -> bigint, a class -> one of its bases, an enum constraint
  dropped) and a result that narrows (a class -> one of its subclasses): old code still works;
* a new required param is breaking; a new optional param is compatible when it comes after
  the existing ones and breaking when inserted before one (positional arguments shift);
  existing params changing order is breaking;
* optional -> required is breaking; required -> optional is compatible; a changed default
  is compatible (calls that omit the param may behave differently);
* a removed or renumbered enum value is breaking; int <-> string enums is breaking;
* a changed base class is breaking; becoming abstract is breaking, the reverse compatible;
* readOnly <-> writable either way is breaking; becoming insertOnly or writeOnly is breaking,
  the reverse compatible;
* a service renamed (same id, new client name) or an element moved to another plugin is
  breaking (the accessor or import path in generated clients changes);
* a property that disappears from a class but is still inherited (moved to a base class)
  is compatible; an error whose code changes is breaking, a changed message compatible.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    ConfigEntry,
    EnumDef,
    ErrorDef,
    MapType,
    ObjectType,
    ParamDef,
    PluginDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    Schema,
    ServiceDef,
    Type,
    type_name,
)

__all__ = ["ELEMENTS", "Change", "ChangeKind", "SchemaDiff", "diff_schemas", "render"]

# Element kinds in report order.
ELEMENTS = (
    "service",
    "action",
    "param",
    "result",
    "class",
    "property",
    "enum",
    "const",
    "plugin",
    "error",
    "config",
)
FORMATS = ("text", "markdown", "json")


class ChangeKind(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    element: str  # one of ELEMENTS
    path: str  # media.add, media.add(entry), KalturaMediaEntry.name, KalturaMediaType.VIDEO
    detail: str  # what changed, e.g. "type int -> string"
    breaking: bool
    reason: str

    def sort_key(self) -> tuple[int, str, str, str]:
        return (ELEMENTS.index(self.element), self.path, self.kind.value, self.detail)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "element": self.element,
            "path": self.path,
            "detail": self.detail,
            "breaking": self.breaking,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SchemaDiff:
    old_file: str
    old_version: str
    new_file: str
    new_version: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    @property
    def compatible(self) -> list[Change]:
        return [c for c in self.changes if not c.breaking]

    def find(self, element: str, path: str) -> list[Change]:
        return [c for c in self.changes if c.element == element and c.path == path]


class _Collector:
    def __init__(self, new_schema: Schema) -> None:
        self.changes: list[Change] = []
        self.new_schema = new_schema

    def fits(self, value: Type | None, slot: Type | None) -> bool:
        """Every value of type `value` is also a valid `slot` (classes of the new schema)."""
        if isinstance(value, PrimitiveType) and isinstance(slot, PrimitiveType):
            widening = value.primitive is Primitive.INT and slot.primitive is Primitive.BIGINT
            same_enum = slot.enum is None or (
                value.enum is not None and value.enum.name == slot.enum.name
            )
            return (value.primitive is slot.primitive or widening) and same_enum
        if isinstance(value, ObjectType) and isinstance(slot, ObjectType):
            if slot.cls is None:
                return True
            if value.cls is None:
                return False
            sub = self.new_schema.classes.get(value.cls.name)
            sup = self.new_schema.classes.get(slot.cls.name)
            return sub is not None and sup is not None and sub.is_subclass_of(sup)
        if isinstance(value, ArrayType) and isinstance(slot, ArrayType):
            return self.fits(value.item, slot.item)
        if isinstance(value, MapType) and isinstance(slot, MapType):
            return self.fits(value.value, slot.value)
        return False

    def add(
        self, kind: ChangeKind, element: str, path: str, detail: str, breaking: bool, reason: str
    ) -> None:
        self.changes.append(Change(kind, element, path, detail, breaking, reason))

    def added(self, element: str, path: str, detail: str = "", reason: str = "new") -> None:
        self.add(ChangeKind.ADDED, element, path, detail, False, reason)

    def removed(self, element: str, path: str, reason: str) -> None:
        self.add(ChangeKind.REMOVED, element, path, "", True, reason)

    def changed(self, element: str, path: str, detail: str, breaking: bool, reason: str) -> None:
        self.add(ChangeKind.CHANGED, element, path, detail, breaking, reason)


def diff_schemas(old: Schema, new: Schema) -> SchemaDiff:
    out = _Collector(new)
    _services(out, old.services, new.services)
    _classes(out, old, new)
    _enums(out, old.enums, new.enums)
    _plugins(out, old.plugins, new.plugins)
    _errors(out, old.errors, new.errors)
    _configs(out, "client", old.configurations.client, new.configurations.client)
    _configs(out, "request", old.configurations.request, new.configurations.request)
    return SchemaDiff(
        old_file=old.source_file,
        old_version=old.api_version,
        new_file=new.source_file,
        new_version=new.api_version,
        changes=tuple(sorted(out.changes, key=Change.sort_key)),
    )


def _plugin_name(plugin: str | None) -> str:
    return plugin or "core"


def _plugin_move(
    out: _Collector, element: str, path: str, old: str | None, new: str | None
) -> None:
    if (old or None) != (new or None):
        out.changed(
            element,
            path,
            f"plugin {_plugin_name(old)} -> {_plugin_name(new)}",
            True,
            "moved to another plugin: its import path in generated clients changes",
        )


# ----------------------------------------------------------------------------- services


def _services(
    out: _Collector, old: Mapping[str, ServiceDef], new: Mapping[str, ServiceDef]
) -> None:
    for sid in old.keys() - new.keys():
        out.removed("service", sid, "removed: every call to it fails")
    for sid in new.keys() - old.keys():
        out.added("service", sid, f"{len(new[sid].actions)} action(s)")
    for sid in old.keys() & new.keys():
        before, after = old[sid], new[sid]
        if before.name != after.name:
            out.changed(
                "service",
                sid,
                f"client name {before.name} -> {after.name}",
                True,
                "the client accessor is renamed",
            )
        _plugin_move(out, "service", sid, before.plugin, after.plugin)
        old_actions = {a.name: a for a in before.actions}
        new_actions = {a.name: a for a in after.actions}
        for name in old_actions.keys() - new_actions.keys():
            out.removed("action", f"{sid}.{name}", "removed: calls to it fail")
        for name in new_actions.keys() - old_actions.keys():
            out.added("action", f"{sid}.{name}")
        for name in old_actions.keys() & new_actions.keys():
            _action(out, f"{sid}.{name}", old_actions[name], new_actions[name])


def _action(out: _Collector, path: str, old: ActionDef, new: ActionDef) -> None:
    old_result, new_result = type_name(old.result), type_name(new.result)
    if old_result != new_result:
        if old.result is None:
            out.changed(
                "result",
                path,
                f"result void -> {new_result}",
                False,
                "now returns a value; callers that ignored the result are unaffected",
            )
        elif out.fits(new.result, old.result):
            out.changed(
                "result",
                path,
                f"result {old_result} -> {new_result}",
                False,
                "narrowed: every new result is still a valid old one",
            )
        else:
            out.changed(
                "result",
                path,
                f"result {old_result} -> {new_result}",
                True,
                "a result type change breaks code that reads the result",
            )
    _params(out, path, old.params, new.params)


def _params(
    out: _Collector, path: str, old: tuple[ParamDef, ...], new: tuple[ParamDef, ...]
) -> None:
    old_by_name = {p.name: p for p in old}
    new_by_name = {p.name: p for p in new}
    for p in old:
        if p.name not in new_by_name:
            out.removed("param", f"{path}({p.name})", "removed: calls passing it fail")
    last_kept = max(
        (i for i, p in enumerate(new) if p.name in old_by_name), default=-1
    )  # a param added after this index is appended; before it, it shifts positions
    for i, p in enumerate(new):
        if p.name in old_by_name:
            continue
        where = f"{path}({p.name})"
        kind = f"{'optional' if p.optional else 'required'} {type_name(p.type)}"
        if not p.optional:
            out.add(
                ChangeKind.ADDED,
                "param",
                where,
                kind,
                True,
                "new required param: existing calls do not pass it",
            )
        elif i < last_kept:
            out.add(
                ChangeKind.ADDED,
                "param",
                where,
                kind,
                True,
                "inserted before existing params: positional arguments shift",
            )
        else:
            out.add(ChangeKind.ADDED, "param", where, kind, False, "new optional param")
    for name in old_by_name.keys() & new_by_name.keys():
        before, after = old_by_name[name], new_by_name[name]
        where = f"{path}({name})"
        if type_name(before.type) != type_name(after.type):
            widened = out.fits(before.type, after.type)
            out.changed(
                "param",
                where,
                f"type {type_name(before.type)} -> {type_name(after.type)}",
                not widened,
                (
                    "widened: every value of the old type is still accepted"
                    if widened
                    else "a type change breaks callers passing the old type"
                ),
            )
        if before.optional and not after.optional:
            out.changed("param", where, "optional -> required", True, "calls that omit it now fail")
        elif not before.optional and after.optional:
            out.changed("param", where, "required -> optional", False, "existing calls still work")
        elif before.optional and before.default != after.default:
            out.changed(
                "param",
                where,
                f"default {before.default!r} -> {after.default!r}",
                False,
                "calls that omit it may behave differently",
            )
    common_old = [p.name for p in old if p.name in new_by_name]
    common_new = [p.name for p in new if p.name in old_by_name]
    if common_old != common_new:
        out.changed(
            "param",
            f"{path}(...)",
            f"order ({', '.join(common_old)}) -> ({', '.join(common_new)})",
            True,
            "params reordered: positional arguments bind differently",
        )


# ------------------------------------------------------------------------------ classes


def _classes(out: _Collector, old_schema: Schema, new_schema: Schema) -> None:
    old, new = old_schema.classes, new_schema.classes
    for name in old.keys() - new.keys():
        out.removed("class", name, "removed: code using the type breaks")
    for name in new.keys() - old.keys():
        out.added("class", name, f"{len(new[name].properties)} own property(ies)")
    for name in old.keys() & new.keys():
        _class(out, old[name], new[name])


def _base_name(cls: ClassDef) -> str:
    return cls.base.name if cls.base is not None else "(none)"


def _class(out: _Collector, old: ClassDef, new: ClassDef) -> None:
    name = old.name
    if _base_name(old) != _base_name(new):
        out.changed(
            "class",
            name,
            f"base {_base_name(old)} -> {_base_name(new)}",
            True,
            "a changed base class changes inherited members and isinstance checks",
        )
    if old.abstract != new.abstract:
        if new.abstract:
            out.changed("class", name, "became abstract", True, "it can no longer be created")
        else:
            out.changed("class", name, "no longer abstract", False, "it can now be created")
    _plugin_move(out, "class", name, old.plugin, new.plugin)
    old_props = {p.name: p for p in old.properties}
    new_props = {p.name: p for p in new.properties}
    new_all = {p.name: p for p in new.all_properties}
    old_all = {p.name: p for p in old.all_properties}
    for pname in old_props.keys() - new_props.keys():
        path = f"{name}.{pname}"
        if pname in new_all:
            out.add(
                ChangeKind.REMOVED,
                "property",
                path,
                "now inherited",
                False,
                "moved to a base class; still available",
            )
            _property(out, path, old_props[pname], new_all[pname])
        else:
            out.removed("property", path, "removed: code reading or setting it breaks")
    for pname in new_props.keys() - old_props.keys():
        path = f"{name}.{pname}"
        if pname in old_all:
            out.added("property", path, "was inherited", "now declared on this class")
            _property(out, path, old_all[pname], new_props[pname])
        else:
            out.added("property", path, type_name(new_props[pname].type))
    for pname in old_props.keys() & new_props.keys():
        _property(out, f"{name}.{pname}", old_props[pname], new_props[pname])


def _property(out: _Collector, path: str, old: PropertyDef, new: PropertyDef) -> None:
    if type_name(old.type) != type_name(new.type):
        out.changed(
            "property",
            path,
            f"type {type_name(old.type)} -> {type_name(new.type)}",
            True,
            "a type change breaks code reading or setting it",
        )
    if old.read_only != new.read_only:
        if new.read_only:
            out.changed(
                "property", path, "writable -> readOnly", True, "the server ignores or rejects it"
            )
        else:
            out.changed(
                "property",
                path,
                "readOnly -> writable",
                True,
                "clients now send it: requests change",
            )
    if old.insert_only != new.insert_only:
        if new.insert_only:
            out.changed("property", path, "became insertOnly", True, "updates that set it now fail")
        else:
            out.changed(
                "property", path, "no longer insertOnly", False, "it can now be updated too"
            )
    if old.write_only != new.write_only:
        if new.write_only:
            out.changed("property", path, "became writeOnly", True, "responses no longer return it")
        else:
            out.changed("property", path, "no longer writeOnly", False, "responses now return it")


# -------------------------------------------------------------------------------- enums


def _enums(out: _Collector, old: Mapping[str, EnumDef], new: Mapping[str, EnumDef]) -> None:
    for name in old.keys() - new.keys():
        out.removed("enum", name, "removed: code using its values breaks")
    for name in new.keys() - old.keys():
        out.added("enum", name, f"{new[name].kind.value}, {len(new[name].consts)} value(s)")
    for name in old.keys() & new.keys():
        before, after = old[name], new[name]
        if before.kind != after.kind:
            out.changed(
                "enum",
                name,
                f"{before.kind.value} -> {after.kind.value}",
                True,
                "the value type changes",
            )
        _plugin_move(out, "enum", name, before.plugin, after.plugin)
        old_consts = {c.name: c for c in before.consts}
        new_consts = {c.name: c for c in after.consts}
        for cname in old_consts.keys() - new_consts.keys():
            out.removed("const", f"{name}.{cname}", "removed value: code using it breaks")
        for cname in new_consts.keys() - old_consts.keys():
            out.added("const", f"{name}.{cname}", f"= {new_consts[cname].value}")
        for cname in old_consts.keys() & new_consts.keys():
            if old_consts[cname].value != new_consts[cname].value:
                out.changed(
                    "const",
                    f"{name}.{cname}",
                    f"value {old_consts[cname].value} -> {new_consts[cname].value}",
                    True,
                    "renumbered: stored or sent values change meaning",
                )


# ------------------------------------------------------------- plugins, errors, configs


def _plugins(out: _Collector, old: Mapping[str, PluginDef], new: Mapping[str, PluginDef]) -> None:
    for name in old.keys() - new.keys():
        out.removed("plugin", name, "removed: code importing it breaks")
    for name in new.keys() - old.keys():
        out.added("plugin", name, f"{len(new[name].services)} service(s)")
    for name in old.keys() & new.keys():
        before = sorted(s.id for s in old[name].services)
        after = sorted(s.id for s in new[name].services)
        if before != after:
            out.changed(
                "plugin",
                name,
                f"services [{', '.join(before)}] -> [{', '.join(after)}]",
                False,
                "the services listed under the plugin changed (each is reported on its own)",
            )


def _errors(out: _Collector, old: Mapping[str, ErrorDef], new: Mapping[str, ErrorDef]) -> None:
    for name in old.keys() - new.keys():
        out.removed("error", name, "removed: code handling it by name breaks")
    for name in new.keys() - old.keys():
        out.added("error", name, new[name].code)
    for name in old.keys() & new.keys():
        before, after = old[name], new[name]
        if before.code != after.code:
            out.changed(
                "error",
                name,
                f"code {before.code} -> {after.code}",
                True,
                "code matching the old error code no longer matches",
            )
        if before.message != after.message or before.parameters != after.parameters:
            out.changed(
                "error", name, "message changed", False, "only the text shown to users changes"
            )


def _configs(
    out: _Collector, group: str, old: Iterable[ConfigEntry], new: Iterable[ConfigEntry]
) -> None:
    old_by = {c.name: c for c in old}
    new_by = {c.name: c for c in new}
    for name in old_by.keys() - new_by.keys():
        out.removed("config", f"{group}.{name}", "removed: code setting it breaks")
    for name in new_by.keys() - old_by.keys():
        out.added("config", f"{group}.{name}", type_name(new_by[name].type))
    for name in old_by.keys() & new_by.keys():
        before, after = type_name(old_by[name].type), type_name(new_by[name].type)
        if before != after:
            out.changed(
                "config",
                f"{group}.{name}",
                f"type {before} -> {after}",
                True,
                "a type change breaks code setting it",
            )


# ------------------------------------------------------------------------------ output


def render(diff: SchemaDiff, fmt: str) -> str:
    if fmt == "json":
        return _json(diff)
    if fmt == "markdown":
        return _markdown(diff)
    return _text(diff)


def _header(diff: SchemaDiff) -> str:
    return (
        f"{diff.old_file} (apiVersion {diff.old_version}) -> "
        f"{diff.new_file} (apiVersion {diff.new_version})"
    )


def _line(change: Change) -> str:
    detail = f": {change.detail}" if change.detail else ""
    return f"{change.kind.value} {change.element} {change.path}{detail} ({change.reason})"


def _text(diff: SchemaDiff) -> str:
    breaking, compatible = diff.breaking, diff.compatible
    lines = [
        _header(diff),
        f"{len(breaking)} breaking, {len(compatible)} compatible change(s)",
    ]
    for title, group in (("Breaking", breaking), ("Compatible", compatible)):
        if group:
            lines.append("")
            lines.append(f"{title} changes ({len(group)}):")
            lines.extend(f"  {_line(c)}" for c in group)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(diff: SchemaDiff) -> str:
    breaking, compatible = diff.breaking, diff.compatible
    lines = [
        "# Kaltura API schema changes",
        "",
        f"`{diff.old_file}` (apiVersion {diff.old_version}) → "
        f"`{diff.new_file}` (apiVersion {diff.new_version})",
        "",
        f"**{len(breaking)} breaking**, {len(compatible)} compatible change(s).",
    ]
    for title, group in (("Breaking changes", breaking), ("Compatible changes", compatible)):
        if not group:
            continue
        lines += [
            "",
            f"## {title} ({len(group)})",
            "",
            "| change | element | name | detail | why |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {c.kind.value} | {c.element} | `{_cell(c.path)}` | {_cell(c.detail)} "
            f"| {_cell(c.reason)} |"
            for c in group
        ]
    return "\n".join(lines) + "\n"


def _json(diff: SchemaDiff) -> str:
    data = {
        "old": {"file": diff.old_file, "apiVersion": diff.old_version},
        "new": {"file": diff.new_file, "apiVersion": diff.new_version},
        "summary": {
            "breaking": len(diff.breaking),
            "compatible": len(diff.compatible),
            "total": len(diff.changes),
        },
        "changes": [c.to_json() for c in diff.changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
