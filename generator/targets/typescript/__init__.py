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
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import jinja2

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
    Primitive,
    PrimitiveType,
    ResultKind,
    Schema,
    ServiceDef,
    Source,
    Type,
)
from generator.paths import TEMPLATES_DIR
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress
from generator.targets.shared.cache import cached_render
from generator.targets.shared.identifiers import IdentifierRules, comment_text
from generator.targets.shared.lowering import uniquify
from generator.targets.shared.package import package_meta, package_settings
from generator.targets.shared.templating import environment, runtime_files
from generator.targets.typescript.naming import (
    CLIENT_MEMBERS,
    FIELD_NAMES,
    KEYWORDS,
    REQUEST_FIELD_NAMES,
    SERVICE_MEMBERS,
    TYPE_NAMES,
    action_class_name,
    default_literal,
    enum_member_names,
    field_spec,
    jsdoc,
    npm_version,
    ts_dq_string,
    ts_string,
    ts_type,
)

__all__ = ["TARGET", "TypeScriptTarget", "action_class_names"]

TEMPLATE_DIR = TEMPLATES_DIR / "typescript"
RUNTIME_DIR = TEMPLATE_DIR / "runtime"
TYPES_DIR = "api/types"
SERVICES_DIR = "api/services"
RUNTIME_OBJECT_BASE = "KalturaObjectBase"
# KalturaObjectBase's one schema field (`relatedObjects?: Record<string, KalturaObjectBase>`).
INHERITED_RELATED_OBJECTS = "relatedObjects"


def _object_map(t: Type) -> bool:
    return isinstance(t, MapType) and isinstance(t.value, ObjectType)


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
    value_js: str


@dataclass(frozen=True)
class Module:
    """One generated module: its TypeScript source and the JavaScript and declarations tsc
    would emit for it (made here, so generation needs no Node)."""

    ts: str
    js: str
    dts: str


@dataclass
class Imports:
    """The imports of one module under src/api/types/, rendered in a stable order."""

    values: set[str] = field(default_factory=set)  # sibling modules imported as values
    types: set[str] = field(default_factory=set)  # sibling modules imported as types only
    uses_object_base: bool = False  # the runtime KalturaObjectBase as a type
    rename: Mapping[str, str] = field(default_factory=dict)  # schema name -> TypeScript name

    def add_type(self, t: Type) -> None:
        for name in _type_names(t):
            if name == RUNTIME_OBJECT_BASE:
                self.uses_object_base = True
            else:
                self.types.add(self.rename.get(name, name))

    def lines(self, own: str, used: set[str] | None = None, prefix: str = "./") -> list[str]:
        """The sibling imports; `used`: only these names (declarations keep only what they
        reference, as tsc's declaration emit does)."""
        lines = []
        for name in sorted(self.values - {own}):
            if used is None or name in used:
                lines.append(f"import {{ {name} }} from '{prefix}{name}.js';")
        for name in sorted(self.types - self.values - {own}):
            if used is None or name in used:
                lines.append(f"import type {{ {name} }} from '{prefix}{name}.js';")
        return lines

    def value_lines(self, own: str, prefix: str = "./") -> list[str]:
        """The sibling imports JavaScript keeps (values only)."""
        return [f"import {{ {n} }} from '{prefix}{n}.js';" for n in sorted(self.values - {own})]


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


def _used_names(types: Iterable[Type | None]) -> set[str]:
    return {name for t in types if t is not None for name in _type_names(t)}


@dataclass(frozen=True)
class ListAllView:
    """`listAll` of a list action that takes a pager: the pager, then the createdAt cursor."""

    method: str
    filter_field: str
    filter_class: str
    pager_field: str
    pager_class: str
    item_type: str
    result_type: str


@dataclass
class MethodView:
    name: str
    action_class: str
    args: str
    data_optional: bool
    result_type: str
    doc: str
    list_all: ListAllView | None = None

    @property
    def dts_result_type(self) -> str:
        """As tsc prints the type in declarations (object literal types one member a line)."""
        if self.result_type == "{ url: string }":
            return "{\n        url: string;\n    }"
        return self.result_type


class _Renderer:
    """Renders one schema; holds the per-run caches (closures, names)."""

    def __init__(self, schema: Schema, options: GenerateOptions, env: jinja2.Environment) -> None:
        self.schema = schema
        self.options = options
        self.env = env
        self.meta = package_meta(TARGET, options, DEFAULT_PACKAGE_NAME)
        self.header = (
            f"// Generated by kaltura-codegen from a Kaltura API schema "
            f"(apiVersion {comment_text(schema.api_version)}). Do not edit.\n"
        )
        self._closures: dict[str, frozenset[str]] = {}
        self._field_names: dict[str, dict[str, str]] = {}

    # -- selection and names

    @cached_property
    def type_names(self) -> dict[str, str]:
        """Schema class / enum name -> TypeScript name (and module file name)."""
        taken: set[str] = set()
        result = {}
        for name in sorted((*self.schema.enums, *self.schema.classes)):
            result[name] = TYPE_NAMES.escape(name, taken)
            taken.add(result[name].lower())
        return result

    def tname(self, name: str) -> str:
        return self.type_names.get(name, name)

    @cached_property
    def actions(self) -> list[tuple[ServiceDef, ActionDef, str]]:
        """The (selected) schema's actions with their class names; clashes get a numeric
        suffix."""
        taken = {n.lower() for n in self.type_names.values()}
        result = []
        for service, action in self.schema.actions:
            base = action_class_name(service.name, action.name)
            name, n = base, 2
            while name.lower() in taken or name in KEYWORDS or name in TYPE_NAMES.reserved:
                name = f"{base}{n}"  # file names must differ on case-insensitive disks
                n += 1
            taken.add(name.lower())
            result.append((service, action, name))
        return result

    @cached_property
    def services(self) -> list[tuple[ServiceDef, str, str, list[tuple[ActionDef, str]]]]:
        """(service, getter name, class name, [(action, action class)]) in schema order."""
        by_service: dict[str, list[tuple[ActionDef, str]]] = {}
        for service, action, name in self.actions:
            by_service.setdefault(service.id, []).append((action, name))
        getters: set[str] = set()
        classes = {n.lower() for n in self.type_names.values()}
        classes |= {name.lower() for _, _, name in self.actions}
        result = []
        for service in self.schema.services.values():
            actions = by_service.get(service.id)
            if not actions:
                continue
            getter = IdentifierRules("TypeScript", frozenset(), CLIENT_MEMBERS).escape(
                service.name, getters
            )
            getters.add(getter)
            base = f"{service.name[:1].upper()}{service.name[1:]}Service"
            cls, n = base, 2
            while cls.lower() in classes or cls in TYPE_NAMES.reserved:
                cls = f"{base}{n}"
                n += 1
            classes.add(cls.lower())
            result.append((service, getter, cls, actions))
        return result

    def field_names(self, cls: ClassDef) -> dict[str, str]:
        """Wire name -> TypeScript field name for every property of `cls`, inherited ones
        included (a subclass never takes a name its base gave to another property)."""
        cached = self._field_names.get(cls.name)
        if cached is not None:
            return cached
        inherited = dict(self.field_names(cls.base)) if cls.base is not None else {}
        taken = set(inherited.values())
        for prop in cls.properties:
            if prop.name not in inherited:
                avoid = taken
                if prop.name == INHERITED_RELATED_OBJECTS and not _object_map(prop.type):
                    # the runtime base declares it as a map of objects: only such a
                    # property may share its name
                    avoid = taken | {prop.name}
                inherited[prop.name] = FIELD_NAMES.escape(prop.name, avoid)
                taken.add(inherited[prop.name])
        self._field_names[cls.name] = inherited
        return inherited

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

    def ts_type(self, t: Type, *, is_time: bool = False) -> str:
        return ts_type(t, is_time=is_time, names=self.type_names)

    def imports(self) -> Imports:
        return Imports(rename=self.type_names)

    # -- modules

    def _render(self, template: str, **values: object) -> Module:
        return Module(
            self.env.get_template(f"{template}.ts.j2").render(**values),
            self.env.get_template(f"{template}.js.j2").render(**values),
            self.env.get_template(f"{template}.d.ts.j2").render(**values),
        )

    def render_enum(self, enum: EnumDef) -> Module:
        members = enum_member_names([c.name for c in enum.consts])
        is_int = enum.kind is EnumKind.INT
        items = [
            (member, str(const.int_value) if is_int else ts_string(const.value))
            for const, member in zip(enum.consts, members, strict=True)
        ]
        dts_members = [
            (member, str(const.int_value) if is_int else ts_dq_string(const.value))
            for const, member in zip(enum.consts, members, strict=True)
        ]
        js_members = [(ts_dq_string(member), value, is_int) for (member, value) in dts_members]
        extra = ("@deprecated",) if enum.deprecated else ()
        return self._render(
            "enum",
            header=self.header,
            doc=jsdoc(enum.description, extra=extra),
            name=self.tname(enum.name),
            members=items,
            dts_members=dts_members,
            js_members=js_members,
        )

    def _fields(
        self,
        props: Iterable[tuple[str, Type, str, bool, bool]],
        names: Mapping[str, str],
    ) -> list[FieldView]:
        views = []
        for name, t, description, read_only, is_time in props:
            ts_name = names[name]
            wire = name if ts_name != name else ""
            views.append(
                FieldView(
                    name=ts_name,
                    wire=name,
                    type=self.ts_type(t, is_time=is_time),
                    spec=field_spec(t, read_only=read_only, is_time=is_time, wire=wire),
                    doc=jsdoc(description, "    "),
                    readonly=read_only,
                )
            )
        return views

    def render_class(self, cls: ClassDef) -> Module:
        imports = self.imports()
        name = self.tname(cls.name)
        base = self.tname(cls.base.name) if cls.base is not None else RUNTIME_OBJECT_BASE
        for prop in cls.properties:
            imports.add_type(prop.type)
        fields = self._fields(
            (
                (p.name, p.type, _prop_doc(p.description, p.deprecated), p.read_only, p.is_time)
                for p in cls.properties
            ),
            self.field_names(cls),
        )
        for view, prop in zip(fields, cls.properties, strict=True):
            if not prop.read_only:
                view.type += " | null"
        factory = "import { KalturaTypesFactory } from '../kaltura-types-factory.js';"
        if cls.base is None:
            base_line = (
                "import { KalturaObjectBase, type KalturaObjectBaseArgs, "
                "type KalturaTypeMetadata } from '../kaltura-object-base.js';"
            )
            runtime = [factory, base_line]
            js_imports = [factory, "import { KalturaObjectBase } from '../kaltura-object-base.js';"]
            dts_runtime = [base_line]
        else:
            names = "type KalturaObjectBase, " if imports.uses_object_base else ""
            object_line = (
                f"import {{ {names}type KalturaTypeMetadata }} from '../kaltura-object-base.js';"
            )
            base_line = f"import {{ {base}, type {base}Args }} from './{base}.js';"
            runtime = [factory, object_line, base_line]
            js_imports = [factory, f"import {{ {base} }} from './{base}.js';"]
            dts_runtime = [object_line, base_line]
            imports.types.discard(base)
        extra = ("@deprecated",) if cls.deprecated else ()
        return self._render(
            "class",
            header=self.header,
            imports=runtime + imports.lines(name),
            js_imports=js_imports,
            dts_imports=dts_runtime + imports.lines(name),
            doc=jsdoc(cls.description, extra=extra),
            name=name,
            base=base,
            base_args=f"{base}Args",
            object_type=ts_string(cls.name),
            fields=fields,
            arg_fields=[f for f in fields if not f.readonly],
        )

    def render_action(self, service: ServiceDef, action: ActionDef, name: str) -> Module:
        imports = self.imports()
        kind = action.result_kind
        for param in action.params:
            imports.add_type(param.type)
        taken: set[str] = set()
        names = {}
        for p in action.params:
            names[p.name] = REQUEST_FIELD_NAMES.escape(p.name, taken)
            taken.add(names[p.name])
        fields = self._fields(
            ((p.name, p.type, p.description, False, False) for p in action.params), names
        )
        defaults = []
        for view, param in zip(fields, action.params, strict=True):
            view.optional = param.optional
            if param.optional:
                view.type += " | null"
            value = default_literal(param, self.type_names)
            if value is not None:
                defaults.append(DefaultView(view.name, value[0], value[1]))
        result_type = "void"
        result_spec = ""
        used_in_declarations = _used_names(p.type for p in action.params)
        if kind is ResultKind.FILE:
            base = "KalturaFileRequest"
        else:
            base = "KalturaUploadRequest" if action.file_params else "KalturaRequest"
            if action.result is not None:
                result_type = self.ts_type(action.result)
                imports.add_type(action.result)
                used_in_declarations |= _used_names([action.result])
                closure: set[str] = set()
                for cls in _classes_in(action.result):
                    closure |= self.closure(cls)
                imports.values |= {self.tname(n) for n in closure}
                spec = field_spec(action.result)
                kind_literal, _, rest = spec[1:-1].partition(", ")
                sub = rest.partition(", ")[2] if rest else "''"
                listed_types = sorted(self.tname(n) for n in closure)
                types = ", ".join(listed_types)
                result_spec = f"{{ kind: {kind_literal}, subType: {sub}, types: [{types}] }}"
                if len(result_spec) > 70:  # one class per line, as a formatter would
                    listed = "".join(f"        {n},\n" for n in listed_types)
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
        object_names = ("type KalturaObjectBase, " if imports.uses_object_base else "") + (
            "type KalturaTypeMetadata"
        )
        object_line = f"import {{ {object_names} }} from '../kaltura-object-base.js';"
        runtime = [
            f"import {{ {', '.join(runtime_names)} }} from '../kaltura-request.js';",
            object_line,
        ]
        dts_runtime = [
            f"import {{ {base}, type {args_base} }} from '../kaltura-request.js';",
            object_line,
        ]
        js_runtime = [f"import {{ {base} }} from '../kaltura-request.js';"]
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
        used_renamed = {self.tname(n) for n in used_in_declarations}
        return self._render(
            "action",
            header=self.header,
            imports=runtime + imports.lines(name),
            js_imports=js_runtime + imports.value_lines(name),
            dts_imports=dts_runtime + imports.lines(name, used_renamed),
            doc=jsdoc("\n".join(doc_lines)),
            name=name,
            base=base if kind is ResultKind.FILE else f"{base}<{result_type}>",
            js_base=base,
            args_base=args_base,
            service=ts_string(service.id),
            action=ts_string(action.name),
            result_spec=result_spec,
            fields=fields,
            data_optional=all(p.optional for p in action.params),
            no_multi_request=not action.enable_in_multi_request,
            defaults=defaults,
        )

    def _list_all(self, action: ActionDef, name: str) -> ListAllView | None:
        """The pagination helper of a `list` action that takes a pager and returns `objects`."""
        if action.name != "list" or not isinstance(action.result, ObjectType):
            return None
        result_cls = action.result.cls
        if result_cls is None:
            return None
        objects = next((p for p in result_cls.all_properties if p.name == "objects"), None)
        if objects is None or not isinstance(objects.type, ArrayType):
            return None
        item = objects.type.item
        if not isinstance(item, ObjectType):
            return None
        filter_param = pager_param = None
        for param in action.params:
            t = param.type
            if not isinstance(t, ObjectType) or t.cls is None:
                continue
            if t.name.endswith("Pager"):
                pager_param = param
            elif param.name == "filter":
                filter_param = param
            elif not param.optional:
                return None  # a required argument the helper cannot supply
        if pager_param is None or filter_param is None:
            return None
        if any(not p.optional for p in action.params if p not in (pager_param, filter_param)):
            return None
        assert isinstance(filter_param.type, ObjectType)
        assert isinstance(pager_param.type, ObjectType)
        names = {}
        taken: set[str] = set()
        for p in action.params:
            names[p.name] = REQUEST_FIELD_NAMES.escape(p.name, taken)
            taken.add(names[p.name])
        return ListAllView(
            method="",
            filter_field=names[filter_param.name],
            filter_class=self.tname(filter_param.type.name),
            pager_field=names[pager_param.name],
            pager_class=self.tname(pager_param.type.name),
            item_type=self.tname(item.name),
            result_type=self.tname(result_cls.name),
        )

    def render_service(
        self, service: ServiceDef, cls: str, actions: list[tuple[ActionDef, str]]
    ) -> Module:
        types = Imports()
        values: set[str] = set()
        taken: set[str] = set()
        methods = []
        for action, action_class in actions:
            method = IdentifierRules("TypeScript", frozenset(), SERVICE_MEMBERS).escape(
                action.name, taken
            )
            taken.add(method)
            methods.append((action, action_class, method))
        views = []
        for action, action_class, method in methods:
            values.add(action_class)
            types.types.add(f"{action_class}Args")
            if action.result_kind is ResultKind.FILE:
                result = "{ url: string }"
            elif action.result is None:
                result = "void"
            else:
                result = self.ts_type(action.result)
                for n in _type_names(action.result):
                    if n == RUNTIME_OBJECT_BASE:
                        types.uses_object_base = True
                    else:
                        types.types.add(self.tname(n))
            view = MethodView(
                name=method,
                action_class=action_class,
                args=f"{action_class}Args",
                data_optional=all(p.optional for p in action.params),
                result_type=result,
                doc=jsdoc(comment_text(action.description), "    "),
            )
            list_all = self._list_all(action, action_class)
            if list_all is not None:
                helper = uniquify(f"{method}All", taken)
                list_all = ListAllView(helper, *list(list_all.__dict__.values())[1:])
                values |= {list_all.filter_class, list_all.pager_class}
                types.types.add(list_all.item_type)
                view.list_all = list_all
            views.append(view)
        arg_types = {t for t in types.types if t.endswith("Args") and t[:-4] in values}
        runtime = [
            "import type { CancelablePromise, KalturaCallOptions, KalturaClient } from "
            "'../../kaltura-client.js';"
        ]
        uses_list_all = any(v.list_all for v in views)
        if uses_list_all:
            runtime.append(
                "import { listAll, type KalturaListAllOptions } from '../../kaltura-list-all.js';"
            )
        if types.uses_object_base:
            runtime.append("import type { KalturaObjectBase } from '../kaltura-object-base.js';")
        sibling_values = sorted(values)
        sibling_types = sorted((types.types - arg_types) - values)
        ts_imports = list(runtime)
        for n in sibling_values:
            names = [n]
            if f"{n}Args" in arg_types:
                names.append(f"type {n}Args")
            ts_imports.append(f"import {{ {', '.join(names)} }} from '../types/{n}.js';")
        for n in sibling_types:
            ts_imports.append(f"import type {{ {n} }} from '../types/{n}.js';")
        js_imports = []
        if uses_list_all:
            js_imports.append("import { listAll } from '../../kaltura-list-all.js';")
        js_imports += [f"import {{ {n} }} from '../types/{n}.js';" for n in sibling_values]
        dts_imports = [runtime[0]]
        if uses_list_all:
            dts_imports.append(
                "import { type KalturaListAllOptions } from '../../kaltura-list-all.js';"
            )
        if types.uses_object_base:
            dts_imports.append(runtime[-1])
        # declarations name the Args types, the filter classes and the result types only
        in_signatures = {v.list_all.filter_class for v in views if v.list_all is not None}
        for n in sibling_values:
            names = [n] if n in in_signatures else []
            if f"{n}Args" in arg_types:
                names.append(f"type {n}Args")
            if names:
                dts_imports.append(f"import {{ {', '.join(names)} }} from '../types/{n}.js';")
        for n in sibling_types:
            dts_imports.append(f"import type {{ {n} }} from '../types/{n}.js';")
        return self._render(
            "service",
            header=self.header,
            imports=ts_imports,
            js_imports=js_imports,
            dts_imports=dts_imports,
            name=cls,
            doc=jsdoc(
                f"Service '{service.name}'"
                + (f": {service.description.strip()}" if service.description.strip() else "")
            ),
            methods=views,
        )

    def render_services_client(self) -> Module:
        services = [
            (getter, cls, jsdoc(comment_text(s.description), "    "))
            for s, getter, cls, _ in self.services
        ]
        return self._render("services-client", header=self.header, services=services)

    def render_request_options(self) -> Module:
        entries: tuple[ConfigEntry, ...] = self.schema.configurations.request
        if not entries:  # schemas without <configurations>: what every Kaltura server takes
            entries = tuple(
                ConfigEntry(n, PrimitiveType(p), None, False, d, _NO_SOURCE)
                for n, p, d in _DEFAULT_REQUEST_CONFIG
            )
        imports = self.imports()
        for entry in entries:
            imports.add_type(entry.type)
        taken: set[str] = {"acceptedTypes"}
        names = {}
        for e in entries:
            names[e.name] = FIELD_NAMES.escape(e.name, taken)
            taken.add(names[e.name])
        fields = self._fields(
            ((e.name, e.type, e.description, False, False) for e in entries), names
        )
        lines = [
            line.replace("from './", "from './types/")
            for line in imports.lines("")
            if line.startswith("import type")
        ]
        return self._render(
            "kaltura-request-options", header=self.header, imports=lines, fields=fields
        )

    def render_all_types(self) -> Module:
        names = sorted(self.tname(n) for n in self.schema.classes)
        return self._render("all-types", header=self.header, names=names)

    def render_types_index(self) -> Module:
        exports = [(self.tname(name), True) for name in self.schema.classes]
        exports += [(self.tname(name), False) for name in self.schema.enums]
        exports += [(name, True) for _, _, name in self.actions]
        lines = [
            f"export {{ {name}{f', type {name}Args' if has_args else ''} }} from './{name}.js';"
            for name, has_args in sorted(exports)
        ]
        js_lines = [f"export {{ {name} }} from './{name}.js';" for name, _ in sorted(exports)]
        return Module(
            self.env.get_template("types-index.ts.j2").render(header=self.header, lines=lines),
            self.env.get_template("types-index.js.j2").render(header=self.header, lines=js_lines),
            self.env.get_template("types-index.d.ts.j2").render(lines=lines),
        )

    def render_environment(self) -> Module:
        return self._render(
            "environment",
            header=self.header,
            api_version=ts_string(self.schema.api_version),
            api_version_type=ts_dq_string(self.schema.api_version),
        )

    def gitignore(self) -> str:
        return "".join(f"{pattern}\n" for pattern in UNTRACKED)

    def package_json(self) -> str:
        version = npm_version(self.schema.api_version)
        if self.meta.suffixes:  # a semver pre-release: 22.19.0-sample
            version = version.split("+")[0] + "-" + ".".join(self.meta.suffixes)
        package: dict[str, object] = {
            "name": self.meta.name,
            "version": version,
            "description": (
                "Kaltura API client for TypeScript and JavaScript "
                f"(API {self.schema.api_version}); generated by kaltura-codegen"
            ),
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
            "files": ["dist", "src", "tsconfig.json", "README.md"],
            "engines": {"node": ">=18"},
            # No scripts and no dependencies: dist/ ships compiled (exactly what
            # `npx tsc -p tsconfig.json` would write from src/), so installing runs nothing.
            "keywords": ["kaltura", "api", "client", "typescript"],
        }
        if self.meta.license:
            package["license"] = self.meta.license
        return json.dumps(package, indent=2) + "\n"

    def readme(self, counts: dict[str, int]) -> str:
        example = self._example_action()
        return self.env.get_template("README.md.j2").render(
            api_version=comment_text(self.schema.api_version),
            package_name=self.meta.name,
            counts=counts,
            example=example,
            typescript_version=TYPESCRIPT_VERSION,
        )

    def _example_action(self) -> dict[str, str] | None:
        """A list action for the README's example (media.list when the schema has it)."""
        preferred = [a for a in self.actions if a[0].name == "media" and a[1].name == "list"]
        candidates = preferred or [a for a in self.actions if a[1].name == "list"]
        if not candidates:
            return None
        service, action, name = candidates[0]
        getter = next((g for s, g, _, _ in self.services if s is service), service.name)
        list_all = self._list_all(action, name)
        return {
            "class": name,
            "service": getter,
            "action": action.name,
            "filter": list_all.filter_class if list_all else "",
        }


def _prop_doc(description: str, deprecated: bool) -> str:
    return description + ("\n@deprecated" if deprecated else "")


_DEFAULT_REQUEST_CONFIG = (
    ("partnerId", Primitive.INT, "Impersonated partner id"),
    ("ks", Primitive.STRING, "Kaltura API session"),
)
_NO_SOURCE = Source("<default>", 0)


_NPM_NAME = re.compile(r"(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*\Z")

# What building or installing in the generated tree leaves there: the tree's .gitignore lists
# it and `check` does not report it (dist/ is generated, so it is not among them).
UNTRACKED = ("node_modules/", "*.tgz", "package-lock.json", "*.tsbuildinfo")

TEMPLATE_CATALOG: Mapping[str, str] = {
    "enum.ts.j2": "one enum module (src/api/types/<Enum>.ts; .js.j2 / .d.ts.j2: its dist/ files)",
    "class.ts.j2": "one object class module (src/api/types/<Class>.ts; also .js.j2, .d.ts.j2)",
    "action.ts.j2": "one action request class (src/api/types/<Service><Action>Action.ts; "
    "also .js.j2, .d.ts.j2)",
    "service.ts.j2": "one service class, a method per action and listAll "
    "(src/api/services/<Service>Service.ts; also .js.j2, .d.ts.j2)",
    "services-client.ts.j2": "src/kaltura-services-client.ts: KalturaServicesClient, a getter "
    "per service (also .js.j2, .d.ts.j2)",
    "all-types.ts.j2": "src/api/all-types.ts: every class, for full polymorphism (also .js.j2, "
    ".d.ts.j2)",
    "types-index.ts.j2": "src/api/types/index.ts: the barrel of every type (also .js.j2, .d.ts.j2)",
    "environment.ts.j2": "src/environment.ts: the apiVersion the client sends (also .js.j2, "
    ".d.ts.j2)",
    "kaltura-request-options.ts.j2": "the request options from <configurations><request> "
    "(also .js.j2, .d.ts.j2)",
    "tsconfig.json": "the package's compiler settings",
    "README.md.j2": "the generated package's README",
}


class TypeScriptTarget:
    name = "typescript"
    description = "npm package: strict TypeScript, ES modules + .d.ts, zero runtime dependencies"
    settings: tuple[Setting, ...] = package_settings(
        _NPM_NAME, "an npm package name (lower case, optionally @scope/name)"
    )
    templates = TEMPLATE_CATALOG
    untracked = UNTRACKED

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        """Names the TypeScript output cannot keep as written (renamed, so code still
        compiles), and generated file names that differ only by case."""
        renderer = _Renderer(schema, options, environment(self.name, options.templates))
        found: list[Diagnostic] = []

        def warn(source: Source, element: str, message: str) -> None:
            found.append(Diagnostic(Level.WARNING, source.file, source.line, element, message))

        for name, ts_name in sorted(renderer.type_names.items()):
            if ts_name != name:
                item: ClassDef | EnumDef = schema.classes.get(name) or schema.enums[name]
                kind = "class" if name in schema.classes else "enum"
                warn(
                    item.source,
                    f"{kind} {name}",
                    f"is a TypeScript keyword or a name the generated code uses; "
                    f"generated as {ts_name}",
                )
        for cls in schema.classes.values():
            names = renderer.field_names(cls)
            for prop in cls.properties:
                if names[prop.name] != prop.name:
                    warn(
                        prop.source,
                        f"property {cls.name}.{prop.name}",
                        f"would hide a member every object or the runtime has; the "
                        f"TypeScript field is {names[prop.name]} (the wire name is kept)",
                    )
        for service, action, name in renderer.actions:
            if name != action_class_name(service.name, action.name):
                warn(
                    action.source,
                    f"action {service.id}.{action.name}",
                    f"its class name is taken by another type; generated as {name}",
                )
        return found

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        return cached_render(
            self.name,
            schema,
            options,
            lambda: self._render(schema, options, progress),
            progress,
        )

    def _render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        env = environment(self.name, options.templates)
        renderer = _Renderer(schema, options, env)
        files: RenderedFiles = runtime_files(self.name)
        total = len(schema.enums) + len(schema.classes) + len(renderer.actions)
        done = 0

        def put(path: str, text: str) -> None:
            files[path] = text.encode("utf-8")

        def module(path: str, rendered: Module) -> None:
            """src/<path>.ts and what tsc makes of it: dist/<path>.js and .d.ts."""
            put(f"src/{path}.ts", rendered.ts)
            put(f"dist/{path}.js", rendered.js)
            put(f"dist/{path}.d.ts", rendered.dts)

        for enum in schema.enums.values():
            module(f"{TYPES_DIR}/{renderer.tname(enum.name)}", renderer.render_enum(enum))
        done += len(schema.enums)
        progress(done, total, "enums")
        for cls in schema.classes.values():
            module(f"{TYPES_DIR}/{renderer.tname(cls.name)}", renderer.render_class(cls))
        done += len(schema.classes)
        progress(done, total, "classes")
        for service, action, name in renderer.actions:
            module(f"{TYPES_DIR}/{name}", renderer.render_action(service, action, name))
        done += len(renderer.actions)
        progress(done, total, "actions")
        for service, _, class_name, actions in renderer.services:
            module(
                f"{SERVICES_DIR}/{class_name}",
                renderer.render_service(service, class_name, actions),
            )
        module("kaltura-services-client", renderer.render_services_client())
        module("api/kaltura-request-options", renderer.render_request_options())
        module("api/all-types", renderer.render_all_types())
        module(f"{TYPES_DIR}/index", renderer.render_types_index())
        module("environment", renderer.render_environment())
        put("package.json", renderer.package_json())
        put(".gitignore", renderer.gitignore())
        put("tsconfig.json", env.get_template("tsconfig.json").render())
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
    renderer = _Renderer(schema, options or GenerateOptions(), environment(TARGET.name))
    return {f"{s.id}.{a.name}": name for s, a, name in renderer.actions}
