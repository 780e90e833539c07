"""The TypeScript target: an npm package (ES modules + .d.ts) compatible with the official client.

Layout of the package (see `templates/typescript/README.md.j2` for what users read):

    package.json, tsconfig.json, README.md
    src/index.ts, src/kaltura-client.ts, src/api/*.ts     runtime, copied verbatim from
                                                         templates/typescript/runtime/
    src/environment.ts                                   generated: apiVersion
    src/api/kaltura-request-options.ts                   generated from <configurations><request>
    src/api/types/<Name>.ts                              one module per enum, class and action
    src/api/all-types.ts                                 every class, for full polymorphism

All decisions (names, types, ordering, escaping, imports) are made here and in `naming`;
the Jinja2 templates only lay the text out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jinja2

from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    ConfigEntry,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    Primitive,
    PrimitiveType,
    ResultKind,
    Schema,
    ServiceDef,
    Source,
    Type,
)
from generator.paths import TEMPLATES_DIR
from generator.targets import GenerateOptions, Progress, RenderedFiles, no_progress
from generator.targets.typescript.naming import (
    OBJECT_MEMBERS,
    REQUEST_MEMBERS,
    action_class_name,
    default_literal,
    enum_member_names,
    field_spec,
    jsdoc,
    npm_version,
    ts_string,
    ts_type,
)

__all__ = ["TARGET", "TypeScriptTarget", "action_class_names"]

TEMPLATE_DIR = TEMPLATES_DIR / "typescript"
RUNTIME_DIR = TEMPLATE_DIR / "runtime"
TYPES_DIR = "src/api/types"
RUNTIME_OBJECT_BASE = "KalturaObjectBase"
DEFAULT_PACKAGE_NAME = "kaltura-typescript-client"
# The compiler the package builds with (the version tools/ts pins and the tests use).
TYPESCRIPT_VERSION = "5.9.3"


@dataclass
class FieldView:
    name: str  # TypeScript field name
    wire: str  # name on the wire
    type: str
    spec: str
    doc: str
    readonly: bool = False
    optional: bool = True


@dataclass
class DefaultView:
    name: str
    value: str


@dataclass
class Imports:
    """The imports of one module under src/api/types/, rendered in a stable order."""

    values: set[str] = field(default_factory=set)  # sibling modules imported as values
    types: set[str] = field(default_factory=set)  # sibling modules imported as types only
    uses_object_base: bool = False  # the runtime KalturaObjectBase as a type

    def add_type(self, t: Type) -> None:
        for name in _type_names(t):
            if name == RUNTIME_OBJECT_BASE:
                self.uses_object_base = True
            else:
                self.types.add(name)

    def lines(self, own: str) -> list[str]:
        lines = []
        for name in sorted(self.values - {own}):
            lines.append(f"import {{ {name} }} from './{name}.js';")
        for name in sorted(self.types - self.values - {own}):
            lines.append(f"import type {{ {name} }} from './{name}.js';")
        return lines


def _type_names(t: Type) -> Iterator[str]:
    if isinstance(t, PrimitiveType):
        if t.enum is not None:
            yield t.enum.name
    elif isinstance(t, ObjectType):
        yield t.name
    elif isinstance(t, ArrayType):
        yield from _type_names(t.item)
    elif isinstance(t, MapType):
        yield from _type_names(t.value)


def _classes_in(t: Type | None) -> Iterator[ClassDef]:
    if isinstance(t, ObjectType) and t.cls is not None:
        yield t.cls
    elif isinstance(t, ArrayType):
        yield from _classes_in(t.item)
    elif isinstance(t, MapType):
        yield from _classes_in(t.value)


def _field_name(name: str, reserved: frozenset[str]) -> str:
    return f"{name}_" if name in reserved else name


def _matches(patterns: Iterable[str], service: ServiceDef, action: ActionDef) -> bool:
    """`service.action`, `service.*` (service name or id), `plugin:NAME` / `plugin:*`;
    case-insensitive, the semantics of the shared `--include` / `--exclude` options."""
    for pattern in patterns:
        text = pattern.strip()
        if text.startswith("plugin:"):
            name = text[len("plugin:") :].lower()
            plugin = service.plugin
            if plugin is not None and name in ("*", plugin.lower()):
                return True
            continue
        svc, _, act = text.partition(".")
        svc, act = svc.lower(), (act or "*").lower()
        if svc in ("*", service.name.lower(), service.id.lower()) and act in (
            "*",
            action.name.lower(),
        ):
            return True
    return False


class _Renderer:
    """Renders one schema; holds the per-run caches (closures, names)."""

    def __init__(self, schema: Schema, options: GenerateOptions, env: jinja2.Environment) -> None:
        self.schema = schema
        self.options = options
        self.env = env
        self.header = (
            f"// Generated by kaltura-codegen from a Kaltura API schema "
            f"(apiVersion {schema.api_version}). Do not edit.\n"
        )
        self._closures: dict[str, frozenset[str]] = {}

    # -- selection and names

    @cached_property
    def actions(self) -> list[tuple[ServiceDef, ActionDef, str]]:
        """Selected actions with their class names; clashes get a numeric suffix."""
        for pattern in (*self.options.include, *self.options.exclude):
            if not any(_matches((pattern,), s, a) for s, a in self.schema.actions):
                raise ValueError(f"'{pattern}' matches no action of the schema")
        taken = {n.lower() for n in (*self.schema.classes, *self.schema.enums)}
        result = []
        for service, action in self.schema.actions:
            if self.options.include and not _matches(self.options.include, service, action):
                continue
            if self.options.exclude and _matches(self.options.exclude, service, action):
                continue
            base = action_class_name(service.name, action.name)
            name, n = base, 2
            while name.lower() in taken:  # file names must differ on case-insensitive disks
                name = f"{base}{n}"
                n += 1
            taken.add(name.lower())
            result.append((service, action, name))
        return result

    # -- closures: the classes a response of some type may hold (declared types only)

    def closure(self, cls: ClassDef) -> frozenset[str]:
        cached = self._closures.get(cls.name)
        if cached is not None:
            return cached
        seen: set[str] = set()
        stack = [cls]
        while stack:
            current = stack.pop()
            if current.name in seen:
                continue
            seen.add(current.name)
            done = self._closures.get(current.name)
            if done is not None:
                seen |= done
                continue
            for prop in current.all_properties:
                stack.extend(_classes_in(prop.type))
        result = frozenset(seen)
        self._closures[cls.name] = result
        return result

    # -- modules

    def render_enum(self, enum: EnumDef) -> str:
        members = enum_member_names([c.name for c in enum.consts])
        is_int = enum.kind is EnumKind.INT
        items = [
            (member, str(const.int_value) if is_int else ts_string(const.value))
            for const, member in zip(enum.consts, members, strict=True)
        ]
        extra = ("@deprecated",) if enum.deprecated else ()
        return self.env.get_template("enum.ts.j2").render(
            header=self.header,
            doc=jsdoc(enum.description, extra=extra),
            name=enum.name,
            members=items,
        )

    def _fields(
        self, props: Iterable[tuple[str, Type, str, bool, bool]], reserved: frozenset[str]
    ) -> list[FieldView]:
        views = []
        for name, t, description, read_only, is_time in props:
            ts_name = _field_name(name, reserved)
            wire = name if ts_name != name else ""
            views.append(
                FieldView(
                    name=ts_name,
                    wire=name,
                    type=ts_type(t, is_time=is_time),
                    spec=field_spec(t, read_only=read_only, is_time=is_time, wire=wire),
                    doc=jsdoc(description, "    "),
                    readonly=read_only,
                )
            )
        return views

    def render_class(self, cls: ClassDef) -> str:
        imports = Imports()
        base = cls.base.name if cls.base is not None else RUNTIME_OBJECT_BASE
        for prop in cls.properties:
            imports.add_type(prop.type)
        fields = self._fields(
            (
                (p.name, p.type, _prop_doc(p.description, p.deprecated), p.read_only, p.is_time)
                for p in cls.properties
            ),
            OBJECT_MEMBERS,
        )
        for view, prop in zip(fields, cls.properties, strict=True):
            if not prop.read_only:
                view.type += " | null"
        runtime = ["import { KalturaTypesFactory } from '../kaltura-types-factory.js';"]
        if cls.base is None:
            runtime.append(
                "import { KalturaObjectBase, type KalturaObjectBaseArgs, "
                "type KalturaTypeMetadata } from '../kaltura-object-base.js';"
            )
        else:
            names = "type KalturaObjectBase, " if imports.uses_object_base else ""
            runtime.append(
                f"import {{ {names}type KalturaTypeMetadata }} from '../kaltura-object-base.js';"
            )
            runtime.append(f"import {{ {base}, type {base}Args }} from './{base}.js';")
            imports.types.discard(base)
        extra = ("@deprecated",) if cls.deprecated else ()
        return self.env.get_template("class.ts.j2").render(
            header=self.header,
            imports=runtime + imports.lines(cls.name),
            doc=jsdoc(cls.description, extra=extra),
            name=cls.name,
            base=base,
            base_args=f"{base}Args",
            object_type=ts_string(cls.name),
            fields=fields,
            arg_fields=[f for f in fields if not f.readonly],
        )

    def render_action(self, service: ServiceDef, action: ActionDef, name: str) -> str:
        imports = Imports()
        kind = action.result_kind
        for param in action.params:
            imports.add_type(param.type)
        fields = self._fields(
            ((p.name, p.type, p.description, False, False) for p in action.params),
            REQUEST_MEMBERS,
        )
        defaults = []
        for view, param in zip(fields, action.params, strict=True):
            view.optional = param.optional
            if param.optional:
                view.type += " | null"
            value = default_literal(param)
            if value is not None:
                defaults.append(DefaultView(view.name, value))
        result_type = "void"
        result_spec = ""
        if kind is ResultKind.FILE:
            base = "KalturaFileRequest"
        else:
            base = "KalturaUploadRequest" if action.file_params else "KalturaRequest"
            if action.result is not None:
                result_type = ts_type(action.result)
                imports.add_type(action.result)
                closure: set[str] = set()
                for cls in _classes_in(action.result):
                    closure |= self.closure(cls)
                imports.values |= closure
                spec = field_spec(action.result)
                kind_literal, _, rest = spec[1:-1].partition(", ")
                sub = rest.partition(", ")[2] if rest else "''"
                types = ", ".join(sorted(closure))
                result_spec = f"{{ kind: {kind_literal}, subType: {sub}, types: [{types}] }}"
                if len(result_spec) > 70:  # one class per line, as a formatter would
                    listed = "".join(f"        {name},\n" for name in sorted(closure))
                    result_spec = (
                        f"{{\n    kind: {kind_literal},\n    subType: {sub},\n"
                        f"    types: [\n{listed}    ],\n}}"
                    )
            else:
                result_spec = "{ kind: 'v' }"
        args_base = f"{base}Args" if base == "KalturaUploadRequest" else "KalturaRequestArgs"
        runtime_names = [base, f"type {args_base}"]
        if result_spec:
            runtime_names.append("type KalturaResultSpec")
        runtime = [
            f"import {{ {', '.join(runtime_names)} }} from '../kaltura-request.js';",
            "import { "
            + ("type KalturaObjectBase, " if imports.uses_object_base else "")
            + "type KalturaTypeMetadata } from '../kaltura-object-base.js';",
        ]
        doc_lines = [
            f"Build request payload for service '{service.name}' action '{action.name}'.",
            "",
        ]
        if action.description.strip():
            doc_lines += ["Usage: " + action.description.strip(), ""]
        shown_result = "{ url: string }" if kind is ResultKind.FILE else result_type
        doc_lines.append(f"Server response type:         {shown_result}")
        doc_lines.append("Server failure response type: KalturaAPIException")
        if action.deprecated or service.deprecated:
            doc_lines.append("@deprecated")
        return self.env.get_template("action.ts.j2").render(
            header=self.header,
            imports=runtime + imports.lines(name),
            doc=jsdoc("\n".join(doc_lines)),
            name=name,
            base=base if kind is ResultKind.FILE else f"{base}<{result_type}>",
            args_base=args_base,
            service=ts_string(service.id),
            action=ts_string(action.name),
            result_spec=result_spec,
            fields=fields,
            data_optional=all(p.optional for p in action.params),
            no_multi_request=not action.enable_in_multi_request,
            defaults=defaults,
        )

    def render_request_options(self) -> str:
        entries: tuple[ConfigEntry, ...] = self.schema.configurations.request
        if not entries:  # schemas without <configurations>: what every Kaltura server takes
            entries = tuple(
                ConfigEntry(n, PrimitiveType(p), None, False, d, _NO_SOURCE)
                for n, p, d in _DEFAULT_REQUEST_CONFIG
            )
        imports = Imports()
        for entry in entries:
            imports.add_type(entry.type)
        fields = self._fields(
            ((e.name, e.type, e.description, False, False) for e in entries), OBJECT_MEMBERS
        )
        lines = [
            line.replace("from './", "from './types/")
            for line in imports.lines("")
            if line.startswith("import type")
        ]
        return self.env.get_template("kaltura-request-options.ts.j2").render(
            header=self.header, imports=lines, fields=fields
        )

    def render_all_types(self) -> str:
        names = sorted(self.schema.classes)
        return self.env.get_template("all-types.ts.j2").render(header=self.header, names=names)

    def render_types_index(self) -> str:
        exports = [(name, True) for name in self.schema.classes]
        exports += [(name, False) for name in self.schema.enums]
        exports += [(name, True) for _, _, name in self.actions]
        lines = [
            f"export {{ {name}{f', type {name}Args' if has_args else ''} }} from './{name}.js';"
            for name, has_args in sorted(exports)
        ]
        return self.env.get_template("types-index.ts.j2").render(header=self.header, lines=lines)

    def render_environment(self) -> str:
        return self.env.get_template("environment.ts.j2").render(
            header=self.header, api_version=ts_string(self.schema.api_version)
        )

    def package_json(self) -> str:
        settings = self.options.settings
        name = settings.get("package_name", DEFAULT_PACKAGE_NAME)
        package = {
            "name": name,
            "version": npm_version(self.schema.api_version),
            "description": (
                "Kaltura API client for TypeScript and JavaScript "
                f"(API {self.schema.api_version}); generated by kaltura-codegen"
            ),
            "license": settings.get("license", "AGPL-3.0"),
            "type": "module",
            "sideEffects": False,
            "main": "./dist/index.js",
            "types": "./dist/index.d.ts",
            "exports": {
                ".": {"types": "./dist/index.d.ts", "default": "./dist/index.js"},
                "./api/types": {
                    "types": "./dist/api/types/index.d.ts",
                    "default": "./dist/api/types/index.js",
                },
                "./api/types/*": {
                    "types": "./dist/api/types/*.d.ts",
                    "default": "./dist/api/types/*.js",
                },
                "./api/all-types": {
                    "types": "./dist/api/all-types.d.ts",
                    "default": "./dist/api/all-types.js",
                },
                # the official client's other deep imports (api/kaltura-request-options, ...)
                "./api/*": {"types": "./dist/api/*.d.ts", "default": "./dist/api/*.js"},
                "./*": {"types": "./dist/*.d.ts", "default": "./dist/*.js"},
                "./package.json": "./package.json",
            },
            "files": ["dist", "src", "README.md"],
            "engines": {"node": ">=18"},
            "scripts": {"build": "tsc -p tsconfig.json", "prepare": "tsc -p tsconfig.json"},
            # Build-time only; the package has no runtime dependencies.
            "devDependencies": {"typescript": TYPESCRIPT_VERSION},
            "keywords": ["kaltura", "api", "client", "typescript"],
        }
        return json.dumps(package, indent=2) + "\n"

    def readme(self, counts: dict[str, int]) -> str:
        example = self._example_action()
        return self.env.get_template("README.md.j2").render(
            api_version=self.schema.api_version,
            package_name=self.options.settings.get("package_name", DEFAULT_PACKAGE_NAME),
            counts=counts,
            example=example,
        )

    def _example_action(self) -> dict[str, str] | None:
        """A list action for the README's example (media.list when the schema has it)."""
        preferred = [a for a in self.actions if a[0].name == "media" and a[1].name == "list"]
        candidates = preferred or [a for a in self.actions if a[1].name == "list"]
        if not candidates:
            return None
        service, action, name = candidates[0]
        return {"class": name, "service": service.name, "action": action.name}


def _prop_doc(description: str, deprecated: bool) -> str:
    return description + ("\n@deprecated" if deprecated else "")


_DEFAULT_REQUEST_CONFIG = (
    ("partnerId", Primitive.INT, "Impersonated partner id"),
    ("ks", Primitive.STRING, "Kaltura API session"),
)
_NO_SOURCE = Source("<default>", 0)


def _runtime_files() -> Iterator[tuple[str, bytes]]:
    for path in sorted(RUNTIME_DIR.rglob("*")):
        if path.is_file():
            yield path.relative_to(RUNTIME_DIR).as_posix(), path.read_bytes()


class TypeScriptTarget:
    name = "typescript"
    description = "npm package: strict TypeScript, ES modules + .d.ts, zero runtime dependencies"

    def __init__(self, template_dir: Path = TEMPLATE_DIR) -> None:
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)),
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        renderer = _Renderer(schema, options, self._env)
        files: RenderedFiles = dict(_runtime_files())
        total = len(schema.enums) + len(schema.classes) + len(renderer.actions)
        done = 0

        def put(path: str, text: str) -> None:
            files[path] = text.encode("utf-8")

        for enum in schema.enums.values():
            put(f"{TYPES_DIR}/{enum.name}.ts", renderer.render_enum(enum))
        done += len(schema.enums)
        progress(done, total, "enums")
        for cls in schema.classes.values():
            put(f"{TYPES_DIR}/{cls.name}.ts", renderer.render_class(cls))
        done += len(schema.classes)
        progress(done, total, "classes")
        for service, action, name in renderer.actions:
            put(f"{TYPES_DIR}/{name}.ts", renderer.render_action(service, action, name))
        done += len(renderer.actions)
        progress(done, total, "actions")
        put("src/api/kaltura-request-options.ts", renderer.render_request_options())
        put("src/api/all-types.ts", renderer.render_all_types())
        put(f"{TYPES_DIR}/index.ts", renderer.render_types_index())
        put("src/environment.ts", renderer.render_environment())
        put("package.json", renderer.package_json())
        put("tsconfig.json", self._env.get_template("tsconfig.json").render())
        counts = {
            "enums": len(schema.enums),
            "classes": len(schema.classes),
            "actions": len(renderer.actions),
        }
        put("README.md", renderer.readme(counts))
        return files


TARGET = TypeScriptTarget()


def action_class_names(schema: Schema, options: GenerateOptions | None = None) -> dict[str, str]:
    """`service_id.action` -> the name of its generated action class (for tools and tests)."""
    renderer = _Renderer(schema, options or GenerateOptions(), TARGET._env)
    return {f"{s.id}.{a.name}": name for s, a, name in renderer.actions}
