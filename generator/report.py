"""Human and machine views of a schema model, for `kaltura-codegen inspect`.

`summary` / `service_listing` / `class_listing` produce plain text; `schema_to_json`
produces the whole model as JSON that is stable (keys sorted, schema order kept where
order means something: properties, params, consts) so it can be diffed and snapshotted.
Source lines are included, file names are not (they depend on how the tool was called).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.model import (
    ActionDef,
    ClassDef,
    ConfigEntry,
    EnumDef,
    EnumKind,
    ErrorDef,
    ExtraElement,
    ParamDef,
    PluginDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    Schema,
    ServiceDef,
    type_name,
)

__all__ = [
    "action_signature",
    "class_listing",
    "schema_to_dict",
    "schema_to_json",
    "service_listing",
    "summary",
]

JSON_FORMAT_VERSION = 1


# ------------------------------------------------------------------------------ text


def summary(schema: Schema) -> str:
    enums = schema.enums.values()
    int_enums = sum(1 for e in enums if e.kind is EnumKind.INT)
    classes = schema.classes.values()
    abstract = sum(1 for c in classes if c.abstract)
    actions = [a for _, a in schema.actions]
    generated = schema.generated_date
    string_enums = len(schema.enums) - int_enums
    lines = [
        f"schema        {schema.source_file}",
        f"apiVersion    {schema.api_version or '(none)'}",
        f"generatedDate {generated if generated is not None else '(none)'}",
        f"enums         {len(schema.enums)} ({int_enums} int, {string_enums} string)",
        f"classes       {len(schema.classes)} ({abstract} abstract)",
        f"properties    {schema.property_count}",
        f"services      {len(schema.services)}",
        f"actions       {len(actions)} ({sum(1 for a in actions if a.file_params)} with files, "
        f"{sum(1 for a in actions if a.deprecated)} deprecated)",
        f"plugins       {len(schema.plugins)}",
        f"errors        {len(schema.errors)}",
        f"configuration {len(schema.configurations.client)} client, "
        f"{len(schema.configurations.request)} request",
    ]
    if schema.plugins:
        lines.append("")
        lines.append("plugins:")
        width = max(len(p) for p in schema.plugins)
        for plugin in sorted(schema.plugins.values(), key=lambda p: p.name.lower()):
            lines.append(f"  {plugin.name:<{width}}  {_plugin_detail(schema, plugin)}".rstrip())
    return "\n".join(lines) + "\n"


def _plugin_detail(schema: Schema, plugin: PluginDef) -> str:
    parts = []
    if plugin.services:
        parts.append("services: " + ", ".join(s.name for s in plugin.services))
    if plugin.dependencies:
        parts.append("depends on: " + ", ".join(d.name for d in plugin.dependencies))
    owned = sum(1 for c in schema.classes.values() if c.plugin == plugin.name)
    owned_enums = sum(1 for e in schema.enums.values() if e.plugin == plugin.name)
    if owned or owned_enums:
        parts.append(f"{_count(owned, 'class', 'classes')}, {_count(owned_enums, 'enum', 'enums')}")
    return "; ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def action_signature(action: ActionDef) -> str:
    params = ", ".join(_param_text(p) for p in action.params)
    return f"{action.name}({params}) -> {type_name(action.result)}"


def _param_text(param: ParamDef) -> str:
    text = f"{param.name}: {type_name(param.type)}"
    if param.optional:
        text += " = " + _default_text(param)
    return text


def _default_text(param: ParamDef) -> str:
    """Schema defaults as a reader expects them: null, -1, false, "text"."""
    default = param.default
    if default is None or default == "null":
        return "null"
    is_text = isinstance(param.type, PrimitiveType) and param.type.primitive is Primitive.STRING
    return json.dumps(default, ensure_ascii=False) if is_text or default == "" else default


def service_listing(service: ServiceDef) -> str:
    head = f"service {service.name} (id {service.id}"
    head += f", plugin {service.plugin})" if service.plugin else ")"
    if service.deprecated:
        head += " [deprecated]"
    lines = [head]
    if service.description:
        lines.append(_indent(service.description, "  "))
    for action in service.actions:
        flags = _action_flags(action)
        lines.append(f"  {action_signature(action)}" + (f"  [{flags}]" if flags else ""))
        if action.throws:
            lines.append(f"      throws {', '.join(action.throws)}")
    return "\n".join(lines) + "\n"


def _action_flags(action: ActionDef) -> str:
    flags = []
    if action.session_required is not None:
        flags.append(f"session {action.session_required.value}")
    if not action.enable_in_multi_request:
        flags.append("not in multirequest")
    if action.deprecated:
        flags.append("deprecated")
    if action.beta:
        flags.append("beta")
    if action.action_alias:
        flags.append(f"alias {action.action_alias}")
    if action.plugin:
        flags.append(f"plugin {action.plugin}")
    if action.supported_request_formats:
        flags.append("request " + ",".join(action.supported_request_formats))
    return ", ".join(flags)


def class_listing(cls: ClassDef) -> str:
    chain = " -> ".join([cls.name, *(a.name for a in cls.ancestors())])
    head = f"class {chain}"
    marks = [
        m
        for m, on in (
            ("abstract", cls.abstract),
            ("deprecated", cls.deprecated),
            (f"plugin {cls.plugin}", cls.plugin is not None),
            ("requires " + ",".join(cls.requires_permissions), bool(cls.requires_permissions)),
        )
        if on
    ]
    if marks:
        head += f" [{', '.join(marks)}]"
    lines = [head]
    if cls.description:
        lines.append(_indent(cls.description, "  "))
    owners = _owners(cls)
    props = cls.all_properties
    width = max((len(p.name) for p in props), default=0)
    for prop in props:
        owner = owners[prop.name]
        flags = _property_flags(prop)
        origin = "" if owner is cls else f"  (from {owner.name})"
        lines.append(
            f"  {prop.name:<{width}}  {type_name(prop.type)}"
            + (f"  [{flags}]" if flags else "")
            + origin
        )
    return "\n".join(lines) + "\n"


def _owners(cls: ClassDef) -> dict[str, ClassDef]:
    owners: dict[str, ClassDef] = {}
    for owner in [*reversed(list(cls.ancestors())), cls]:
        for prop in owner.properties:
            owners.setdefault(prop.name, owner)
    return owners


def _property_flags(prop: PropertyDef) -> str:
    flags = [
        name
        for name, on in (
            ("readOnly", prop.read_only),
            ("insertOnly", prop.insert_only),
            ("writeOnly", prop.write_only),
            ("nullable", prop.nullable),
            ("isTime", prop.is_time),
            ("multiLingual", prop.multi_lingual),
            ("deprecated", prop.deprecated),
        )
        if on
    ]
    if prop.values_enum is not None:
        flags.append(f"values {prop.values_enum.name}")
    for name, value in (
        ("min", prop.min_value),
        ("max", prop.max_value),
        ("minLength", prop.min_length),
        ("maxLength", prop.max_length),
        ("valuesMin", prop.values_min_value),
        ("utf8truncate", prop.utf8_truncate),
    ):
        if value is not None:
            flags.append(f"{name} {value}")
    if prop.requires_permissions:
        flags.append("requires " + ",".join(prop.requires_permissions))
    return ", ".join(flags)


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


# ------------------------------------------------------------------------------ JSON


def schema_to_json(schema: Schema) -> str:
    return json.dumps(schema_to_dict(schema), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_to_dict(schema: Schema) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT_VERSION,
        "apiVersion": schema.api_version,
        "generatedDate": schema.generated_date,
        "extraAttributes": dict(schema.extra_attributes),
        "extraElements": _extra_elements(schema.extra_elements),
        "enums": {e.name: _enum(e) for e in schema.enums.values()},
        "classes": {c.name: _class(c) for c in schema.classes.values()},
        "services": {s.id: _service(s) for s in schema.services.values()},
        "plugins": {p.name: _plugin(p) for p in schema.plugins.values()},
        "errors": {e.name: _error(e) for e in schema.errors.values()},
        "configurations": {
            "client": [_config(c) for c in schema.configurations.client],
            "request": [_config(c) for c in schema.configurations.request],
        },
    }


def _common(item: Any) -> dict[str, Any]:
    extras: Mapping[str, str] = item.extra_attributes
    data: dict[str, Any] = {"line": item.source.line}
    if extras:
        data["extraAttributes"] = dict(extras)
    if item.extra_elements:
        data["extraElements"] = _extra_elements(item.extra_elements)
    return data


def _extra_elements(elements: tuple[ExtraElement, ...]) -> list[dict[str, Any]]:
    return [
        {"tag": e.tag, "attributes": dict(e.attributes), "xml": e.xml, "line": e.source.line}
        for e in elements
    ]


def _enum(enum: EnumDef) -> dict[str, Any]:
    return {
        **_common(enum),
        "kind": enum.kind.value,
        "plugin": enum.plugin,
        "deprecated": enum.deprecated,
        "description": enum.description,
        "consts": [{**_common(c), "name": c.name, "value": c.value} for c in enum.consts],
    }


def _class(cls: ClassDef) -> dict[str, Any]:
    return {
        **_common(cls),
        "base": cls.base.name if cls.base is not None else None,
        "abstract": cls.abstract,
        "plugin": cls.plugin,
        "deprecated": cls.deprecated,
        "requiresPermissions": list(cls.requires_permissions),
        "description": cls.description,
        "properties": [_property(p) for p in cls.properties],
    }


def _property(prop: PropertyDef) -> dict[str, Any]:
    return {
        **_common(prop),
        "name": prop.name,
        "type": type_name(prop.type),
        "description": prop.description,
        "readOnly": prop.read_only,
        "insertOnly": prop.insert_only,
        "writeOnly": prop.write_only,
        "nullable": prop.nullable,
        "isTime": prop.is_time,
        "multiLingual": prop.multi_lingual,
        "deprecated": prop.deprecated,
        "valuesEnumType": prop.values_enum.name if prop.values_enum is not None else None,
        "minValue": prop.min_value,
        "maxValue": prop.max_value,
        "minLength": prop.min_length,
        "maxLength": prop.max_length,
        "valuesMinValue": prop.values_min_value,
        "utf8truncate": prop.utf8_truncate,
        "requiresPermissions": list(prop.requires_permissions),
    }


def _service(service: ServiceDef) -> dict[str, Any]:
    return {
        **_common(service),
        "id": service.id,
        "name": service.name,
        "plugin": service.plugin,
        "deprecated": service.deprecated,
        "description": service.description,
        "actions": [_action(a) for a in service.actions],
    }


def _action(action: ActionDef) -> dict[str, Any]:
    return {
        **_common(action),
        "name": action.name,
        "description": action.description,
        "params": [_param(p) for p in action.params],
        "result": type_name(action.result),
        "resultKind": action.result_kind.value,
        "throws": list(action.throws),
        "enableInMultiRequest": action.enable_in_multi_request,
        "sessionRequired": (
            action.session_required.value if action.session_required is not None else None
        ),
        "deprecated": action.deprecated,
        "beta": action.beta,
        "actionAlias": action.action_alias,
        "plugin": action.plugin,
        "supportedRequestFormats": list(action.supported_request_formats),
        "supportedResponseFormats": list(action.supported_response_formats),
    }


def _param(param: ParamDef) -> dict[str, Any]:
    return {
        **_common(param),
        "name": param.name,
        "type": type_name(param.type),
        "optional": param.optional,
        "default": param.default,
        "description": param.description,
    }


def _plugin(plugin: PluginDef) -> dict[str, Any]:
    return {
        **_common(plugin),
        "services": [s.id for s in plugin.services],
        "serviceNames": list(plugin.service_names),
        "dependencies": [d.name for d in plugin.dependencies],
    }


def _error(error: ErrorDef) -> dict[str, Any]:
    return {
        **_common(error),
        "code": error.code,
        "message": error.message,
        "description": error.description,
        "parameters": list(error.parameters),
    }


def _config(entry: ConfigEntry) -> dict[str, Any]:
    return {
        **_common(entry),
        "name": entry.name,
        "type": type_name(entry.type),
        "alias": entry.alias,
        "volatile": entry.volatile,
        "description": entry.description,
    }
