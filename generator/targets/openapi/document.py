"""The OpenAPI 3.1 document of a (selected) schema, as plain JSON values.

Every mapping is built in a fixed key order: component maps and the error catalog sorted by
name (their order means nothing), paths, tags, properties, parameters and enum values in
schema order (it is meaningful and stable). Schema names become component keys, property
names, tags and operationIds as they are (`validate` guarantees `[A-Za-z_][A-Za-z0-9_]*`,
which OpenAPI's `^[a-zA-Z0-9._-]+$` admits); `check()` reports the names that would collide
with the components, parameters and endpoints this module adds itself. Schema text only ever
becomes JSON string values (the serializers escape it).

What OpenAPI cannot say goes into `x-kaltura-*` extensions (listed in the export's README).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    ConfigEntry,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    ParamDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    ResultKind,
    Schema,
    ServiceDef,
    SessionRequirement,
    Source,
    Type,
)
from generator.targets.shared.lowering import (
    DefaultKind,
    doc_text,
    effective_configurations,
    first_line,
    param_default,
    wraps_json_results,
)

__all__ = [
    "ERROR_SCHEMA",
    "MULTIREQUEST_CALL",
    "OPENAPI_VERSION",
    "RESERVED_SCHEMAS",
    "build_document",
    "collisions",
    "operation_id",
]

JSON = Any
OPENAPI_VERSION = "3.1.0"
DEFAULT_SERVICE_URL = "https://www.kaltura.com"
ERROR_SCHEMA = "KalturaAPIException"
OTT_ERROR_RESULT = "KalturaAPIExceptionResult"  # OTT: `result: {error: KalturaAPIException}`
MULTIREQUEST_CALL = "KalturaMultiRequestCall"
RESERVED_SCHEMAS = (ERROR_SCHEMA, OTT_ERROR_RESULT, MULTIREQUEST_CALL)
MULTIREQUEST = "multirequest"
FORMAT_PARAMETER = "format"
DISCRIMINATOR = "objectType"
SECURITY_SCHEME = "ks"
# The KS travels as the `ks` security scheme, not as one more request parameter.
SECURITY_CONFIG = "ks"
CORE_GROUP = "core"

_SCHEMAS = "#/components/schemas/"
_PARAMETERS = "#/components/parameters/"
_BINARY = {"type": "string", "format": "binary", "contentMediaType": "application/octet-stream"}
_PRIMITIVES: dict[Primitive, dict[str, str]] = {
    Primitive.INT: {"type": "integer"},
    Primitive.BIGINT: {"type": "integer", "format": "int64"},
    Primitive.FLOAT: {"type": "number"},
    Primitive.BOOL: {"type": "boolean"},
    Primitive.STRING: {"type": "string"},
}


def operation_id(service: ServiceDef, action: ActionDef) -> str:
    """`service.action` with the service's wire id (unique, as in `--include` patterns)."""
    return f"{service.id}.{action.name}"


def _ref(name: str) -> JSON:
    return {"$ref": _SCHEMAS + name}


def _nullable(schema: JSON) -> JSON:
    kind = schema.get("type")
    if isinstance(kind, str) and "$ref" not in schema:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


class _Builder:
    def __init__(self, schema: Schema, sample: bool, service_url: str) -> None:
        self.schema = schema
        self.sample = sample
        self.service_url = service_url
        self.wrapped = wraps_json_results(schema)
        self.configs = effective_configurations(schema).request

    # -- types

    def type_schema(self, t: Type) -> JSON:
        if isinstance(t, PrimitiveType):
            if t.enum is not None:
                return _ref(t.enum.name)
            if t.primitive is Primitive.FILE:
                return dict(_BINARY)
            return dict(_PRIMITIVES[t.primitive])
        if isinstance(t, ObjectType):
            if t.cls is None:  # KalturaObjectBase: any object
                return {"type": "object", "properties": {DISCRIMINATOR: {"type": "string"}}}
            return _ref(t.cls.name)
        if isinstance(t, ArrayType):
            return {"type": "array", "items": self.type_schema(t.item)}
        return {"type": "object", "additionalProperties": self.type_schema(t.value)}

    # -- components

    def enum_schema(self, enum: EnumDef) -> JSON:
        out: JSON = {"type": "integer" if enum.kind is EnumKind.INT else "string"}
        text = doc_text(enum.description, enum.deprecated)
        if text:
            out["description"] = text
        values: list[JSON] = []
        names: list[str] = []
        descriptions: list[str] = []
        seen: set[object] = set()
        for const in enum.consts:
            value: JSON = const.int_value if enum.kind is EnumKind.INT else const.value
            if value in seen:  # one value, two names: the first name is the value's name
                continue
            seen.add(value)
            values.append(value)
            names.append(const.name)
            descriptions.append(doc_text(const.description))
        if values:  # JSON Schema wants a non-empty enum; an empty one allows any value
            out["enum"] = values
            out["x-enum-varnames"] = names
            if any(descriptions):
                out["x-enum-descriptions"] = descriptions
        if enum.deprecated:
            out["deprecated"] = True
        if enum.plugin:
            out["x-kaltura-plugin"] = enum.plugin
        return out

    def property_schema(self, prop: PropertyDef) -> JSON:
        out: JSON = self.type_schema(prop.type)
        text = doc_text(prop.description, prop.deprecated)
        if text:
            out["description"] = text
        numeric = isinstance(prop.type, PrimitiveType) and prop.type.primitive in (
            Primitive.INT,
            Primitive.BIGINT,
            Primitive.FLOAT,
        )
        is_string = (
            isinstance(prop.type, PrimitiveType)
            and prop.type.primitive is Primitive.STRING
            and prop.type.enum is None
        )
        if is_string:
            if prop.min_length is not None:
                out["minLength"] = prop.min_length
            if prop.max_length is not None:
                out["maxLength"] = prop.max_length
        if numeric:
            if prop.min_value is not None:
                out["minimum"] = prop.min_value
            if prop.max_value is not None:
                out["maximum"] = prop.max_value
        if prop.read_only:
            out["readOnly"] = True
        if prop.write_only:
            out["writeOnly"] = True
        if prop.deprecated:
            out["deprecated"] = True
        extensions = (
            ("x-kaltura-insertOnly", prop.insert_only or None),
            ("x-kaltura-isTime", prop.is_time or None),
            ("x-kaltura-multiLingual", prop.multi_lingual or None),
            ("x-kaltura-utf8truncate", prop.utf8_truncate),
            ("x-kaltura-valuesEnum", prop.values_enum.name if prop.values_enum else None),
            ("x-kaltura-valuesMinValue", prop.values_min_value),
            ("x-kaltura-requiresPermissions", list(prop.requires_permissions) or None),
        )
        for key, value in extensions:
            if value is not None:
                out[key] = value
        if prop.nullable:  # the schema's flag: a client may send null to clear it
            out["x-kaltura-nullable"] = True
        # Every property is nullable on the wire: OVP servers render the unset ones as
        # explicit nulls in JSON (unless ignoreNull=1), and one schema serves both ways.
        return _nullable(out)

    def class_schema(self, cls: ClassDef) -> JSON:
        properties: JSON = {}
        # A subclass without own properties restates objectType: generators read an own
        # part without properties as "no property at all" (openapi-typescript), and a lone
        # allOf reference as an alias of the base (openapi-python-client).
        if cls.base is None or not cls.properties:
            properties[DISCRIMINATOR] = {
                "type": "string",
                "description": "The class of the object (its schema name); the server "
                "assumes the declared class when it is left out of a request.",
            }
        for prop in cls.properties:
            properties[prop.name] = self.property_schema(prop)
        own: JSON = {"type": "object", "properties": properties}
        out: JSON = own if cls.base is None else {"allOf": [_ref(cls.base.name), own]}
        text = doc_text(cls.description, cls.deprecated)
        if text:
            out["description"] = text
        if self.schema.subclasses[cls.name]:  # leaves (most classes) need no mapping
            concrete = [c for c in (cls, *self.schema.descendants(cls)) if not c.abstract]
            if concrete:
                out["discriminator"] = {
                    "propertyName": DISCRIMINATOR,
                    "mapping": {c.name: _SCHEMAS + c.name for c in sorted(concrete, key=_name)},
                }
        if cls.deprecated:
            out["deprecated"] = True
        if cls.abstract:
            out["x-kaltura-abstract"] = True
        if cls.plugin:
            out["x-kaltura-plugin"] = cls.plugin
        if cls.requires_permissions:
            out["x-kaltura-requiresPermissions"] = list(cls.requires_permissions)
        return out

    def error_schemas(self) -> dict[str, JSON]:
        schemas: dict[str, JSON] = {
            ERROR_SCHEMA: {
                "type": "object",
                "description": "The error of a failed call. Kaltura answers errors with HTTP 200 "
                "and this object in place of the result; `x-kaltura-errors` of the document "
                "and of each operation list the codes.",
                "required": ["objectType", "code", "message"],
                "properties": {
                    "objectType": {"const": ERROR_SCHEMA},
                    "code": {
                        "type": "string",
                        "description": "The error code (a name such as ENTRY_ID_NOT_FOUND, "
                        "or a number for OTT)",
                    },
                    "message": {"type": "string", "description": "The message, filled in"},
                    "args": {
                        "description": "The message's parameters by name (PHP servers send an "
                        "empty list when there are none)",
                        "anyOf": [
                            {"type": "object", "additionalProperties": {"type": "string"}},
                            {"type": "array", "maxItems": 0, "items": {"type": "string"}},
                        ],
                    },
                },
            }
        }
        if self.wrapped:
            schemas[OTT_ERROR_RESULT] = {
                "type": "object",
                "description": "The `result` of a failed call (OTT servers)",
                "required": ["error"],
                "properties": {"error": _ref(ERROR_SCHEMA)},
            }
        schemas[MULTIREQUEST_CALL] = {
            "type": "object",
            "description": "One call of a multi-request: `service`, `action` and the action's "
            "parameters. A string value `{N:result}` or `{N:result:path:to:value}` is replaced "
            "by (a value of) the result of call N (1-based) before this call runs.",
            "required": ["service", "action"],
            "properties": {
                "service": {
                    "type": "string",
                    "description": "Service id",
                    "enum": [s.id for s in self.schema.services.values()],
                },
                "action": {"type": "string", "description": "Action name"},
            },
            "additionalProperties": True,
        }
        if not self.schema.services:
            del schemas[MULTIREQUEST_CALL]["properties"]["service"]["enum"]
        return schemas

    def components(self) -> JSON:
        named: dict[str, JSON] = {}
        for enum in self.schema.enums.values():
            named[enum.name] = self.enum_schema(enum)
        for cls in self.schema.classes.values():
            named[cls.name] = self.class_schema(cls)
        named.update(self.error_schemas())
        parameters: dict[str, JSON] = {FORMAT_PARAMETER: self.format_parameter()}
        for entry in self.configs:
            parameters[entry.name] = self.config_parameter(entry)
        return {
            "schemas": dict(sorted(named.items())),
            "parameters": dict(sorted(parameters.items())),
            "securitySchemes": {
                SECURITY_SCHEME: {
                    "type": "apiKey",
                    "in": "query",
                    "name": "ks",
                    "description": "The Kaltura Session (KS) from `session.start` or a login "
                    "action. Kaltura also takes it in the JSON body or as a `ks` form field.",
                }
            },
        }

    def format_parameter(self) -> JSON:
        return {
            "name": FORMAT_PARAMETER,
            "in": "query",
            "required": True,
            "description": "The response format: 1 is JSON, the format this document "
            "describes (Kaltura's default, 2, is XML).",
            "schema": {"type": "integer", "const": 1},
        }

    def config_parameter(self, entry: ConfigEntry) -> JSON:
        out: JSON = {"name": entry.name, "in": "query", "required": False}
        text = doc_text(entry.description)
        if text:
            out["description"] = text
        schema = self.type_schema(entry.type)
        out["schema"] = schema
        if isinstance(entry.type, (ObjectType, MapType, ArrayType)):
            out["style"] = "deepObject"  # Kaltura reads `responseProfile[fields]=...`
            out["explode"] = True
        if entry.alias:
            out["x-kaltura-alias"] = entry.alias
        if entry.volatile:
            out["x-kaltura-volatile"] = True
        return out

    # -- operations

    def param_schema(self, param: ParamDef) -> JSON:
        out: JSON = self.type_schema(param.type)
        text = doc_text(param.description)
        if text:
            out["description"] = text
        default = param_default(param)
        typed = default.kind in (
            DefaultKind.BOOL,
            DefaultKind.INT,
            DefaultKind.FLOAT,
            DefaultKind.STRING,
        )
        enum = param.enum
        if typed and enum is not None and not _enum_accepts(enum, default.value):
            typed = False  # Kaltura sends defaults outside the enum; JSON Schema cannot
        if typed and _finite(default.value):
            out["default"] = default.value
        elif default.kind is not DefaultKind.REQUIRED and default.raw not in (None, "null"):
            out["x-kaltura-default"] = default.raw
        return out

    def security(self, action: ActionDef) -> JSON:
        required = action.session_required
        if required is SessionRequirement.ALWAYS:
            return [{SECURITY_SCHEME: []}]
        if required is SessionRequirement.NONE:
            return []
        return [{SECURITY_SCHEME: []}, {}]

    def envelope(self, result: JSON) -> JSON:
        """The body Kaltura answers a call with (format=1): the result or an error."""
        if self.wrapped:
            return {
                "type": "object",
                "required": ["result"],
                "properties": {
                    "executionTime": {"type": "number"},
                    "result": {"anyOf": [_ref(OTT_ERROR_RESULT), result]},
                },
            }
        return {"anyOf": [_ref(ERROR_SCHEMA), result]}

    def responses(self, action: ActionDef) -> JSON:
        kind = action.result_kind
        if kind is ResultKind.FILE:
            return {
                "200": {
                    "description": "The file's bytes; a failed call answers with the error "
                    "object (JSON)",
                    "content": {
                        "application/json": {"schema": self.envelope({"not": {}})},
                        "*/*": {"schema": dict(_BINARY)},
                    },
                }
            }
        if kind is ResultKind.VOID:
            result: JSON = {"type": "null"}
        else:
            assert action.result is not None
            result = self.type_schema(action.result)
        return {
            "200": {
                "description": "The result, or the error of a failed call (HTTP 200 either way)",
                "content": {"application/json": {"schema": self.envelope(result)}},
            }
        }

    def request_body(self, action: ActionDef) -> JSON | None:
        if not action.params:
            return None
        properties: JSON = {}
        required: list[str] = []
        encoding: JSON = {}
        for param in action.params:
            properties[param.name] = self.param_schema(param)
            if param_default(param).required:
                required.append(param.name)
            if isinstance(param.type, (ObjectType, ArrayType, MapType)):
                encoding[param.name] = {"contentType": "application/json"}
        body: JSON = {"type": "object", "properties": properties}
        if required:
            body["required"] = required
        if action.file_params:
            media: JSON = {"schema": body}
            if encoding:
                media["encoding"] = encoding
            content = {"multipart/form-data": media}
        else:
            content = {"application/json": {"schema": body}}
        return {"required": bool(required), "content": content}

    def operation(self, service: ServiceDef, action: ActionDef) -> JSON:
        op_id = operation_id(service, action)
        text = doc_text(action.description)
        op: JSON = {
            "operationId": op_id,
            "summary": first_line(text.replace("\t", " ")) or op_id,
        }
        if text:
            op["description"] = text
        op["tags"] = [service.name]
        if action.deprecated or service.deprecated:
            op["deprecated"] = True
        op["security"] = self.security(action)
        names = {p.name for p in action.params}
        op["parameters"] = [{"$ref": _PARAMETERS + FORMAT_PARAMETER}] + [
            {"$ref": _PARAMETERS + e.name}
            for e in self.configs
            # An action parameter of the same name is the one the server reads.
            if e.name != SECURITY_CONFIG and e.name not in names
        ]
        body = self.request_body(action)
        if body is not None:
            op["requestBody"] = body
        op["responses"] = self.responses(action)
        if action.session_required is not None:
            op["x-kaltura-sessionRequired"] = action.session_required.value
        op["x-kaltura-enableInMultiRequest"] = action.enable_in_multi_request
        if action.beta:
            op["x-kaltura-beta"] = True
        if action.action_alias:
            op["x-kaltura-alias"] = action.action_alias
        plugin = action.plugin or service.plugin
        if plugin:
            op["x-kaltura-plugin"] = plugin
        if action.supported_request_formats:
            op["x-kaltura-requestFormats"] = list(action.supported_request_formats)
        if action.supported_response_formats:
            op["x-kaltura-responseFormats"] = list(action.supported_response_formats)
        op["x-kaltura-errors"] = list(action.throws)
        return op

    def multirequest(self) -> JSON:
        calls = {
            "type": "object",
            "description": "Calls `1`, `2`, ... (keys are their 1-based positions) and "
            "parameters shared by all of them (such as `ks`).",
            "patternProperties": {"^[0-9]+$": _ref(MULTIREQUEST_CALL)},
        }
        results: JSON = {
            "type": "array",
            "description": "One entry per call, in order: its result or its KalturaAPIException",
            "items": {},
        }
        if self.wrapped:
            results = {
                "type": "object",
                "required": ["result"],
                "properties": {"executionTime": {"type": "number"}, "result": results},
            }
        return {
            "operationId": MULTIREQUEST,
            "summary": "Run several actions in one request",
            "description": "POST the numbered calls as one JSON object; later calls can use "
            "earlier results through `{N:result:path}` references. Actions with "
            "`x-kaltura-enableInMultiRequest: false` cannot be part of one.",
            "tags": [MULTIREQUEST],
            "security": [{SECURITY_SCHEME: []}, {}],
            "parameters": [{"$ref": _PARAMETERS + FORMAT_PARAMETER}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": calls}}},
            "responses": {
                "200": {
                    "description": "The results of the calls (HTTP 200 even when calls fail)",
                    "content": {"application/json": {"schema": results}},
                }
            },
        }

    # -- the document

    def tags(self) -> tuple[list[JSON], list[JSON]]:
        tags: list[JSON] = []
        groups: dict[str, list[str]] = {CORE_GROUP: []}
        for service in self.schema.services.values():
            tag: JSON = {"name": service.name}
            text = doc_text(service.description, service.deprecated)
            if text:
                tag["description"] = text
            if service.plugin:
                tag["x-kaltura-plugin"] = service.plugin
            tags.append(tag)
            groups.setdefault(service.plugin or CORE_GROUP, []).append(service.name)
        tags.append({"name": MULTIREQUEST, "description": "Several actions in one request"})
        groups[CORE_GROUP].append(MULTIREQUEST)
        ordered = [CORE_GROUP, *sorted(g for g in groups if g != CORE_GROUP)]
        return tags, [{"name": g, "tags": groups[g]} for g in ordered]

    def errors(self) -> JSON:
        catalog: JSON = {}
        for name in sorted(self.schema.errors):
            error = self.schema.errors[name]
            entry: JSON = {"code": error.code, "message": error.message}
            if error.description.strip():
                entry["description"] = doc_text(error.description)
            entry["parameters"] = list(error.parameters)
            catalog[name] = entry
        return catalog

    def document(self) -> JSON:
        paths: JSON = {}
        for service, action in self.schema.actions:
            paths[f"/service/{service.id}/action/{action.name}"] = {
                "post": self.operation(service, action)
            }
        paths[f"/service/{MULTIREQUEST}"] = {"post": self.multirequest()}
        tags, groups = self.tags()
        title = "Kaltura API" + (" (sample schema, not the real API)" if self.sample else "")
        envelope = (
            '`{"executionTime": .., "result": ..}` with errors as `result.error`'
            if self.wrapped
            else "the bare result, or a `KalturaAPIException` object"
        )
        info: JSON = {
            "title": title,
            "version": self.schema.api_version,
            "description": "Generated by kaltura-codegen from the Kaltura API schema "
            "(apiVersion " + self.schema.api_version + "). Every action is "
            "`POST /service/{service}/action/{action}` with its parameters as a JSON body "
            "(multipart when it takes files) and `format=1`; the response is "
            + envelope
            + ", always with HTTP 200. `x-kaltura-*` extensions carry what OpenAPI cannot "
            "say (see the README beside this file).",
        }
        if self.schema.generated_date is not None:
            info["x-kaltura-generatedDate"] = self.schema.generated_date
        return {
            "openapi": OPENAPI_VERSION,
            "info": info,
            "servers": [
                {
                    "url": "{serviceUrl}/api_v3",
                    "description": "A Kaltura server",
                    "variables": {"serviceUrl": {"default": self.service_url}},
                }
            ],
            "tags": tags,
            "x-tagGroups": groups,
            "paths": paths,
            "components": self.components(),
            "x-kaltura-errors": self.errors(),
        }


def _name(cls: ClassDef) -> str:
    return cls.name


def _enum_accepts(enum: EnumDef, value: object) -> bool:
    if not enum.consts:
        return True
    if enum.kind is EnumKind.INT:
        return isinstance(value, int) and any(c.int_value == value for c in enum.consts)
    return any(c.value == value for c in enum.consts)


def build_document(
    schema: Schema, sample: bool = False, service_url: str = DEFAULT_SERVICE_URL
) -> JSON:
    """The OpenAPI 3.1 document of `schema` (already selected by the pipeline)."""
    return _Builder(schema, sample, service_url).document()


# ------------------------------------------------------------------------- collisions


def _diag(source: Source, element: str, message: str, level: Level = Level.ERROR) -> Diagnostic:
    return Diagnostic(level, source.file, source.line, element, message)


def collisions(schema: Schema) -> list[Diagnostic]:
    """Schema names that would clash with what the export adds itself."""
    found: list[Diagnostic] = []
    reserved = set(RESERVED_SCHEMAS)
    named: Iterable[tuple[str, str, Source]] = [
        *(("class", c.name, c.source) for c in schema.classes.values()),
        *(("enum", e.name, e.source) for e in schema.enums.values()),
    ]
    for kind, name, source in named:
        if name in reserved:
            found.append(
                _diag(
                    source,
                    f"{kind} {name}",
                    f"the openapi target defines components/schemas/{name} itself",
                )
            )
    for service in schema.services.values():
        if MULTIREQUEST in (service.id.lower(), service.name.lower()):
            found.append(
                _diag(
                    service.source,
                    f"service {service.id}",
                    "collides with the multirequest endpoint and its tag",
                )
            )
    for cls in schema.classes.values():
        for prop in cls.properties:
            if prop.name == DISCRIMINATOR:
                found.append(
                    _diag(
                        prop.source,
                        f"property {cls.name}.{prop.name}",
                        "collides with the objectType discriminator the openapi target adds",
                    )
                )
    configs = effective_configurations(schema).request
    for entry in configs:
        if entry.name == FORMAT_PARAMETER:
            found.append(
                _diag(
                    entry.source,
                    f"configuration {entry.name}",
                    "collides with the format=1 query parameter of every operation",
                )
            )
    for service, action in schema.actions:
        for param in action.params:
            if param.name == FORMAT_PARAMETER:
                found.append(
                    _diag(
                        param.source,
                        f"param {operation_id(service, action)}.{param.name}",
                        "shares its name with the response format selector (format=1): the "
                        "server reads this parameter as the format",
                        Level.WARNING,
                    )
                )
    return found
