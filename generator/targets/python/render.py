"""The Python target: model -> files of a `KalturaApiClient`-compatible package, in memory.

All decisions (naming, types, ordering, escaping, layout) are made here; the Jinja
templates in `templates/python/` only place the prepared pieces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.model import (
    ANY_OBJECT_NAME,
    ActionDef,
    ClassDef,
    EnumDef,
    EnumKind,
    PrimitiveType,
    PropertyDef,
    ResultKind,
    Schema,
    ServiceDef,
    Type,
)
from generator.paths import TEMPLATES_DIR
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress
from generator.targets.python import naming
from generator.targets.python.pytypes import Annotator, field_kind, param_default, type_ref
from generator.targets.python.text import (
    Expr,
    Item,
    annotated_param,
    docstring,
    layout,
    safe_text,
    statement,
    string_literal,
)
from generator.targets.shared.cache import cached_render
from generator.targets.shared.package import package_meta, package_settings
from generator.targets.shared.templating import environment, runtime_files, source_files

__all__ = ["GenerationError", "PythonTarget", "render_package"]

PACKAGE = "KalturaClient"
PLUGINS = f"{PACKAGE}.Plugins"
TEMPLATE_DIR = TEMPLATES_DIR / "python"
RUNTIME_DIR = TEMPLATE_DIR / "runtime"
BASE_MODULE = f"{PACKAGE}.Base"
CLIENT_BASE_MODULE = f"{PACKAGE}._runtime.client"

# Builtins and helper names a generated class body refers to (rule 3 of `naming`).
_BUILTINS_USED = frozenset({"int", "str", "float", "bool", "bytes", "list", "dict", "tuple"})
_HELPERS_USED = frozenset(
    {"ClassVar", "IO", "FieldSpec", "KalturaObjectBase", "NotImplemented", "None", "builtins"}
)

# Attributes KalturaObjectBase itself declares (typed `Any` there).
_RUNTIME_ATTRIBUTES = frozenset({"relatedObjects"})

# Request/client configuration of schemas that declare no <configurations> (ovp-3.x).
_DEFAULT_CLIENT_CONFIG = (("clientTag", "str"), ("apiVersion", "str"))
_DEFAULT_REQUEST_CONFIG = (("partnerId", "int"), ("ks", "str"))


class GenerationError(ValueError):
    """The schema cannot be turned into a valid package (a name collision we cannot solve)."""


# ----------------------------------------------------------------------------- helpers


def _comment_safe(text: str) -> str:
    """One line of free text for a `#` comment or a Markdown line (non-printables escaped)."""
    return safe_text(re.sub(r"\s+", " ", text).strip(), keep_newlines=False)


def _one_line(text: str) -> str:
    """Whitespace collapsed, nothing escaped (for text that goes through `docstring()`)."""
    return re.sub(r"\s+", " ", text).strip()


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's)."""
    return json.dumps(text, ensure_ascii=True)


def _import_lines(module: str, names: Iterable[str], indent: int = 0) -> list[str]:
    ordered = sorted(set(names), key=lambda n: (n.lower(), n))
    if not ordered:
        return []
    expr = Expr(f"from {module} import (", tuple(ordered), ")")
    one = " " * indent + f"from {module} import {', '.join(ordered)}"
    if len(one) <= 100:
        return [one]
    return layout(Expr(expr.head, expr.items, expr.tail, magic=True), indent)


def _tuple_expr(head: str, items: Sequence[Item], tail: str) -> Expr:
    """A tuple display: magic (exploded) from two items, a one-tuple keeps its comma."""
    if len(items) == 1:
        only = items[0]
        if isinstance(only, str):
            return Expr(head, (only + ",",), tail)
        return Expr(head, (Expr(only.head, only.items, only.tail + ",", only.magic),), tail)
    return Expr(head, tuple(items), tail, magic=len(items) >= 2)


@dataclass
class _Names:
    """Python names of every schema element, computed once per package."""

    schema: Schema
    enum_module: dict[str, str] = field(default_factory=dict)
    class_module: dict[str, str] = field(default_factory=dict)
    service_class: dict[str, str] = field(default_factory=dict)  # service id -> class name
    service_module: dict[str, str] = field(default_factory=dict)  # service id -> module
    spec_name: dict[tuple[str, str], str] = field(default_factory=dict)

    def module_of(self, name: str) -> str | None:
        return self.enum_module.get(name) or self.class_module.get(name)


@dataclass
class _Module:
    short: str  # Core, Metadata
    plugin: str | None
    enums: list[EnumDef] = field(default_factory=list)
    classes: list[ClassDef] = field(default_factory=list)
    services: list[ServiceDef] = field(default_factory=list)

    @property
    def qualname(self) -> str:
        return f"{PLUGINS}.{self.short}"


# ----------------------------------------------------------------------------- target


_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?\Z")

TEMPLATE_CATALOG: Mapping[str, str] = {
    "module.py.jinja": "one plugin module: imports, enums, classes, services, namespace",
    "client.py.jinja": "KalturaClient.Client: the client class with its service accessors",
    "init.py.jinja": "KalturaClient/__init__.py: the package's public names",
    "plugins_init.py.jinja": "KalturaClient/Plugins/__init__.py",
    "registry.py.jinja": "the lazy-loading registry of class, enum and service modules",
    "pyproject.toml.jinja": "the package metadata (name, version, license, dependencies)",
    "README.md.jinja": "the generated package's README",
}


class PythonTarget:
    name = "python"
    description = "typed, lazy, drop-in compatible successor of KalturaApiClient"
    settings: tuple[Setting, ...] = package_settings(
        _NAME, "a PyPI distribution name (letters, digits, '.', '_', '-')"
    )
    templates = TEMPLATE_CATALOG

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        return []

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        return cached_render(
            self.name,
            schema,
            options,
            source_files(self.name, Path(__file__).resolve().parent),
            lambda: render_package(schema, progress, options),
            progress,
        )


def render_package(
    schema: Schema, progress: Progress = no_progress, options: GenerateOptions | None = None
) -> RenderedFiles:
    return _Renderer(schema, progress, options or GenerateOptions()).render()


class _Renderer:
    def __init__(self, schema: Schema, progress: Progress, options: GenerateOptions) -> None:
        self.schema = schema
        self.progress = progress
        self.options = options
        self.meta = package_meta(TARGET_INFO, options, "KalturaApiClient")
        self.env = environment("python", options.templates)
        self.names = _Names(schema)
        self.modules = self._plan_modules()

    # -- planning

    def _plan_modules(self) -> dict[str, _Module]:
        schema = self.schema
        modules: dict[str, _Module] = {"Core": _Module("Core", None)}
        lowered: dict[str, str] = {"core": "Core"}

        def module_for(plugin: str | None) -> _Module:
            short = naming.module_name(plugin)
            module = modules.get(short)
            if module is None:
                other = lowered.get(short.lower())
                if other is not None:
                    raise GenerationError(
                        f"plugin module {short} differs only in case from {other} "
                        "(would collide on case-insensitive file systems)"
                    )
                lowered[short.lower()] = short
                module = modules[short] = _Module(short, plugin)
            elif module.plugin != plugin:
                raise GenerationError(
                    f"plugins {module.plugin!r} and {plugin!r} would share the module "
                    f"Plugins/{short}.py (plugin names differing only in case)"
                )
            return module

        for plugin in schema.plugins:
            module_for(plugin)
        for enum in schema.enums.values():
            mod = module_for(enum.plugin)
            mod.enums.append(enum)
            self.names.enum_module[enum.name] = mod.qualname
        for cls in _base_first(schema.classes.values()):
            mod = module_for(cls.plugin)
            mod.classes.append(cls)
            self.names.class_module[cls.name] = mod.qualname
        for cfg_class in self._config_classes():
            modules["Core"].classes.append(cfg_class)
            self.names.class_module[cfg_class.name] = modules["Core"].qualname
        taken = set(schema.enums) | set(self.names.class_module)
        for service in schema.services.values():
            mod = module_for(service.plugin)
            mod.services.append(service)
            cls_name = f"Kaltura{naming.ucfirst(service.name)}Service"
            while cls_name in taken:
                cls_name += "_"
            taken.add(cls_name)
            self.names.service_class[service.id] = cls_name
            self.names.service_module[service.id] = mod.qualname
            for action in service.actions:
                spec = f"_A_{service.id}__{action.name}"
                self.names.spec_name[(service.id, action.name)] = spec
        _check_import_cycles(schema, self.names)
        return dict(sorted(modules.items(), key=lambda kv: (kv[0] != "Core", kv[0])))

    def _config_classes(self) -> list[ClassDef]:
        """The official client has `KalturaClientConfiguration` / `KalturaRequestConfiguration`
        object classes built from <configurations>; so do we."""
        result: list[ClassDef] = []
        configs = self.schema.configurations
        for group, cls_name in (
            (configs.client, "KalturaClientConfiguration"),
            (configs.request, "KalturaRequestConfiguration"),
        ):
            if not group or cls_name in self.schema.classes:
                continue
            props = tuple(
                PropertyDef(
                    name=e.name,
                    type=e.type,
                    description=e.description,
                    read_only=False,
                    insert_only=False,
                    write_only=False,
                    nullable=False,
                    is_time=False,
                    multi_lingual=False,
                    deprecated=False,
                    values_enum=None,
                    min_value=None,
                    max_value=None,
                    min_length=None,
                    max_length=None,
                    values_min_value=None,
                    utf8_truncate=None,
                    requires_permissions=(),
                    source=e.source,
                )
                for e in group
            )
            description = (
                "Define client optional configurations"
                if cls_name == "KalturaClientConfiguration"
                else "Define client request optional configurations"
            )
            result.append(
                ClassDef(
                    name=cls_name,
                    base=None,
                    abstract=False,
                    plugin=None,
                    deprecated=False,
                    requires_permissions=(),
                    description=description,
                    properties=props,
                    source=group[0].source,
                )
            )
        return result

    # -- rendering

    def render(self) -> RenderedFiles:
        files: RenderedFiles = {}
        total = len(self.modules) + 5
        done = 0
        for module in self.modules.values():
            path = f"{PACKAGE}/Plugins/{module.short}.py"
            files[path] = self._module(module).encode()
            done += 1
            self.progress(done, total, path)
        files[f"{PACKAGE}/Plugins/__init__.py"] = self._tpl(
            "plugins_init.py.jinja", header=self._header()
        ).encode()
        files[f"{PACKAGE}/Client.py"] = self._client().encode()
        files[f"{PACKAGE}/_registry.py"] = self._registry().encode()
        files[f"{PACKAGE}/__init__.py"] = self._tpl(
            "init.py.jinja", header=self._header(), api_version=self.schema.api_version
        ).encode()
        files[f"{PACKAGE}/py.typed"] = b""
        done += 4
        self.progress(done, total, "package files")
        version = _pep440(self.schema.api_version)
        if self.meta.suffixes:
            version += "+" + ".".join(self.meta.suffixes)
        files["pyproject.toml"] = self._tpl(
            "pyproject.toml.jinja",
            package_name=_toml_string(self.meta.name),
            license=_toml_string(self.meta.license) if self.meta.license else "",
            version=version,
            description=_toml_string(
                f"Kaltura API client (API version {self.schema.api_version}), "
                "generated by kaltura-codegen"
            ),
            dependencies=[string_literal(d) for d in _runtime_dependencies()],
        ).encode()
        files["README.md"] = self._readme().encode()
        if _longest_name(self.schema) > LONG_NAME:
            _black_fallback(files)
        files.update(runtime_files("python", only=PACKAGE))
        done += 1
        self.progress(done, total, "runtime")
        return files

    def _tpl(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    def _header(self) -> list[str]:
        version = _comment_safe(self.schema.api_version)
        return [
            f"# Generated by kaltura-codegen from the Kaltura API schema (API version {version}).",
            "# Do not edit: regenerate with `kaltura-codegen generate --target python`.",
        ]

    # -- one plugin module

    def _module(self, module: _Module) -> str:
        imports = _Imports(module.qualname, self.names)
        blocks: list[list[str]] = []
        all_names: list[str] = []
        for enum in module.enums:
            blocks.append(self._enum(enum, imports))
            all_names.append(enum.name)
        for cls in module.classes:
            blocks.append(self._class(cls, imports))
            all_names.append(cls.name)
        service_blocks: list[tuple[list[str], list[str]]] = []
        for service in module.services:
            specs, body = self._service(service, imports)
            service_blocks.append((specs, body))
            all_names.append(self.names.service_class[service.id])
        namespace: list[str] = []
        if module.plugin is not None:
            namespace = self._namespace(module, imports)
        reexports: list[str] = []
        if module.plugin is not None:
            reexports = self._reexport_sources(module)
        what = f"plugin {module.plugin}" if module.plugin else "core"
        description = f"Kaltura API {what}: enums, object classes and services."
        return self._tpl(
            "module.py.jinja",
            header=self._header(),
            docstring=docstring(description, 0),
            future=True,
            import_lines=imports.lines(),
            api_version=string_literal(self.schema.api_version),
            all_lines=layout(
                Expr("__all__ = [", tuple(string_literal(n) for n in all_names), "]", magic=True),
                0,
            ),
            blocks=blocks,
            service_blocks=service_blocks,
            namespace=namespace,
            reexports=(
                layout(
                    _tuple_expr(
                        "_REEXPORTED_FROM = (", [string_literal(r) for r in reexports], ")"
                    ),
                    0,
                )
                if reexports
                else []
            ),
        )

    def _reexport_sources(self, module: _Module) -> list[str]:
        """Modules whose names the official plugin module star-imports: Core and the
        plugin's dependencies (transitively)."""
        sources = [f"{PLUGINS}.Core"]
        plugin = self.schema.plugins.get(module.plugin or "")
        seen: set[str] = set()
        stack = list(plugin.dependencies) if plugin is not None else []
        while stack:
            dep = stack.pop(0)
            if dep.name in seen:
                continue
            seen.add(dep.name)
            sources.append(f"{PLUGINS}.{naming.module_name(dep.name)}")
            stack.extend(dep.dependencies)
        return sources

    def _enum(self, enum: EnumDef, imports: _Imports) -> list[str]:
        base = "KalturaStringEnum" if enum.kind is EnumKind.STRING else "KalturaIntEnum"
        imports.runtime(BASE_MODULE, base)
        lines = [f"class {enum.name}({base}):"]
        doc = docstring(_describe(enum.description, enum.deprecated), 4)
        lines.extend(doc)
        consts: list[str] = []
        seen: set[str] = set()
        for const in enum.consts:
            name = naming.const_name(const.name)
            if name in seen:
                continue
            seen.add(name)
            if enum.kind is EnumKind.STRING:
                value = string_literal(const.value)
            else:
                value = str(const.int_value)
            consts.extend(statement(f"{name} = {value}", 4, atom=True))
        if doc and consts:
            lines.append("")
        lines.extend(consts)
        if not doc and not consts:
            lines.append("    pass")
        return lines

    # -- object classes

    def _class(self, cls: ClassDef, imports: _Imports) -> list[str]:
        base_name = cls.base.name if cls.base is not None else ANY_OBJECT_NAME
        if cls.base is None:
            imports.runtime(BASE_MODULE, ANY_OBJECT_NAME)
        else:
            imports.base_class(base_name)
        imports.runtime(BASE_MODULE, "FieldSpec")
        imports.typing("ClassVar")
        all_props = cls.all_properties
        members = {naming.attr_name(p.name) for p in all_props}
        for p in cls.properties:
            attr = naming.attr_name(p.name)
            members.add(f"get{naming.ucfirst(attr)}")
            if not p.read_only:
                members.add(f"set{naming.ucfirst(attr)}")
        ann = Annotator(frozenset(members & (_BUILTINS_USED | {"object"})))
        self._check_helpers(cls.name, members)
        used: set[str] = set()

        lines = layout(Expr(f"class {cls.name}(", (base_name,), "):"), 0)
        doc = docstring(_describe(cls.description, cls.deprecated), 4)
        lines.extend(doc)
        if doc:
            lines.append("")
        lines.append(
            f"    _kaltura_type_: ClassVar[{ann.builtin('str')}] = {string_literal(cls.name)}"
        )
        specs: list[Item] = []
        for p in cls.properties:
            specs.append(self._field_spec(p, imports))
        fields_head = f"    _kaltura_fields_: ClassVar[{ann.builtin('tuple')}[FieldSpec, ...]] = ("
        lines.extend(layout(_tuple_expr(fields_head.strip(), specs, ")"), 4))
        lines.append("")

        # __init__: every property, inherited first (official positional order).
        params: list[Item] = ["self"]
        body: list[str] = []
        for p in all_props:
            pname = naming.param_name(p.name)
            annotation = ann.optional(p.type, used)
            params.append(annotated_param(pname, annotation, "NotImplemented"))
        if cls.deprecated:
            body.extend(self._warn(f"{cls.name} is deprecated", imports, 8))
        body.append(f"        {ANY_OBJECT_NAME}.__init__(self)")
        imports.runtime(BASE_MODULE, ANY_OBJECT_NAME)
        for p in all_props:
            attr = naming.attr_name(p.name)
            pname = naming.param_name(p.name)
            if p.deprecated:
                warn = self._warn(f"{cls.name}.{p.name} is deprecated", imports, 12)
                body.append(f"        if {pname} is not NotImplemented:")
                body.extend(warn)
            body.extend(statement(f"self.{attr} = {pname}", 8))
        lines.extend(layout(Expr("def __init__(", tuple(params), ") -> None:"), 4))
        lines.extend(body)

        for p in cls.properties:
            attr = naming.attr_name(p.name)
            getter = f"get{naming.ucfirst(attr)}"
            annotation = ann.optional(p.type, used)
            lines.append("")
            lines.extend(layout(Expr(f"def {getter}(", ("self",), f") -> {annotation}:"), 4))
            lines.extend(docstring(_property_doc(p), 8))
            if p.deprecated:
                lines.extend(self._warn(f"{cls.name}.{p.name} is deprecated", imports, 8))
            if attr in _RUNTIME_ATTRIBUTES:
                # declared `Any` by the runtime base: keep the getter's declared type
                imports.typing("cast as _cast")
                lines.extend(
                    statement(f"return _cast({string_literal(annotation)}, self.{attr})", 8)
                )
            else:
                lines.extend(statement(f"return self.{attr}", 8))
            if p.read_only:
                continue
            new = f"new{naming.ucfirst(attr)}"
            lines.append("")
            lines.extend(
                layout(
                    Expr(
                        f"def set{naming.ucfirst(attr)}(",
                        ("self", annotated_param(new, annotation, None)),
                        ") -> None:",
                    ),
                    4,
                )
            )
            if p.deprecated:
                lines.extend(self._warn(f"{cls.name}.{p.name} is deprecated", imports, 8))
            lines.extend(statement(f"self.{attr} = {new}", 8))
        for name in used:
            imports.annotation(name)
        if ann.uses_builtins:
            imports.plain("builtins")
        return lines

    def _check_helpers(self, owner: str, members: set[str]) -> None:
        clash = members & _HELPERS_USED
        if clash:
            raise GenerationError(
                f"{owner}: member name(s) {sorted(clash)} would shadow names the generated "
                "code uses"
            )

    def _field_spec(self, p: PropertyDef, imports: _Imports) -> Item:
        imports.runtime(BASE_MODULE, "FieldKind")
        args = [
            string_literal(p.name),
            string_literal(naming.attr_name(p.name)),
            f"FieldKind.{field_kind(p.type)}",
        ]
        flags = []
        for flag, on in (
            ("READ_ONLY", p.read_only),
            ("INSERT_ONLY", p.insert_only),
            ("WRITE_ONLY", p.write_only),
            ("IS_TIME", p.is_time),
            ("DEPRECATED", p.deprecated),
        ):
            if on:
                flags.append(flag)
                imports.runtime(BASE_MODULE, flag)
        ref = type_ref(p.type)
        if ref is not None or flags:
            args.append(string_literal(ref) if ref is not None else "None")
        if flags:
            args.append(" | ".join(flags))
        return Expr("FieldSpec(", tuple(args), ")")

    def _warn(self, message: str, imports: _Imports, indent: int) -> list[str]:
        imports.plain("warnings as _warnings")
        return layout(
            Expr(
                "_warnings.warn(",
                (string_literal(message), "DeprecationWarning", "stacklevel=2"),
                ")",
            ),
            indent,
        )

    # -- services

    def _service(self, service: ServiceDef, imports: _Imports) -> tuple[list[str], list[str]]:
        cls_name = self.names.service_class[service.id]
        imports.runtime(BASE_MODULE, "KalturaServiceBase")
        members = {naming.attr_name(a.name) for a in service.actions} | {"client"}
        ann = Annotator(frozenset(members & (_BUILTINS_USED | {"object"})))
        self._check_helpers(cls_name, members)
        used: set[str] = set()
        specs: list[str] = []
        lines = [f"class {cls_name}(KalturaServiceBase):"]
        lines.extend(docstring(_describe(service.description, service.deprecated), 4))
        for action in service.actions:
            specs.extend(self._action_spec(service, action, imports))
            if len(lines) > 1:
                lines.append("")
            lines.extend(self._action_method(service, action, ann, used, imports))
        if len(lines) == 1:
            lines.append("    pass")
        for name in used:
            imports.annotation(name)
        if ann.uses_builtins:
            imports.plain("builtins")
        return specs, lines

    def _action_spec(self, service: ServiceDef, action: ActionDef, imports: _Imports) -> list[str]:
        for name in ("ActionSpec", "ParamSpec", "ResultSpec", "FieldKind"):
            imports.runtime(BASE_MODULE, name)
        params: list[Item] = []
        for p in action.params:
            args = [string_literal(p.name), f"FieldKind.{field_kind(p.type)}"]
            ref = type_ref(p.type)
            if ref is not None or p.optional:
                args.append(string_literal(ref) if ref is not None else "None")
            if p.optional:
                args.append("OPTIONAL")
                imports.runtime(BASE_MODULE, "OPTIONAL")
            params.append(Expr("ParamSpec(", tuple(args), ")"))
        result = action.result
        kind = action.result_kind
        if result is None:
            result_expr: Item = "ResultSpec(None)"
        elif kind is ResultKind.FILE:
            result_expr = "ResultSpec(FieldKind.FILE)"
        else:
            ref = type_ref(result)
            rargs = [f"FieldKind.{field_kind(result)}"]
            if ref is not None:
                rargs.append(string_literal(ref))
            result_expr = Expr("ResultSpec(", tuple(rargs), ")")
        items: list[Item] = [
            string_literal(service.id),
            string_literal(action.name),
            _tuple_expr("(", params, ")") if params else "()",
            result_expr,
        ]
        if not action.enable_in_multi_request:
            items.append("multi_request=False")
        if kind is ResultKind.FILE:
            items.append("serve=True")
        spec = self.names.spec_name[(service.id, action.name)]
        return layout(Expr(f"{spec} = ActionSpec(", tuple(items), ")", magic=True), 0)

    def _action_method(
        self,
        service: ServiceDef,
        action: ActionDef,
        ann: Annotator,
        used: set[str],
        imports: _Imports,
    ) -> list[str]:
        params: list[Item] = ["self"]
        arg_names: list[str] = []
        for p in action.params:
            pname = naming.param_name(p.name)
            arg_names.append(pname)
            default, default_is_str = param_default(p)
            annotation = ann.value(p.type, used)
            if default is not None:
                if default_is_str and not _is_str_type(p.type):
                    annotation += f" | {ann.builtin('str')}"
                annotation += " | None"
                params.append(annotated_param(pname, annotation, default))
            else:
                params.append(annotated_param(pname, annotation, None))
        returns = self._return_annotation(action, ann, used)
        name = naming.attr_name(action.name)
        lines = layout(Expr(f"def {name}(", tuple(params), f") -> {returns}:"), 4)
        doc_text = _describe(action.description, action.deprecated)
        param_docs = [
            f":param {naming.param_name(p.name)}: {_one_line(p.description)}"
            for p in action.params
            if p.description.strip()
        ]
        if param_docs:
            doc_text = (doc_text + "\n\n" if doc_text else "") + "\n".join(param_docs)
        lines.extend(docstring(doc_text, 8))
        if action.deprecated or service.deprecated:
            what = f"{service.name}.{action.name}"
            lines.extend(self._warn(f"{what} is deprecated", imports, 8))
        spec = self.names.spec_name[(service.id, action.name)]
        args = _tuple_expr("(", list(arg_names), ")") if arg_names else "()"
        imports.typing("cast as _cast")
        lines.extend(layout(Expr("_result = self.client._call(", (spec, args), ")"), 8))
        lines.append(f"        return _cast({string_literal(returns)}, _result)")
        return lines

    def _return_annotation(self, action: ActionDef, ann: Annotator, used: set[str]) -> str:
        result = action.result
        if result is None:
            return "None"
        if action.result_kind is ResultKind.FILE:
            return ann.builtin("str")
        if isinstance(result, PrimitiveType) and result.enum is None:
            return ann.value(result, used)
        return ann.value(result, used)

    # -- plugin namespace (client.<plugin>.<service>)

    def namespace_class(self, plugin: str) -> str:
        return f"{naming.module_name(plugin)}PluginServices"

    def core_service_named(self, name: str) -> ServiceDef | None:
        return next(
            (s for s in self.schema.services.values() if s.plugin is None and s.name == name),
            None,
        )

    def _namespace(self, module: _Module, imports: _Imports) -> list[str]:
        plugin = module.plugin or ""
        cls_name = self.namespace_class(plugin)
        merged = self.core_service_named(plugin)
        imports.annotation_from(CLIENT_BASE_MODULE, "KalturaClientBase")
        if merged is not None:
            core_cls = self.names.service_class[merged.id]
            imports.runtime(f"{PLUGINS}.Core", core_cls)
            base = core_cls
            taken = {naming.attr_name(a.name) for a in merged.actions} | {"client", "setClient"}
        else:
            base = ""
            taken = set()
        lines = [f"class {cls_name}{f'({base})' if base else ''}:"]
        doc = f"Services of the {plugin} plugin: `client.{plugin}.<service>`."
        if merged is not None:
            doc += (
                f"\n\nThe plugin shares its name with the core service `{merged.name}`, so this "
                f"object is also that service (its actions are methods here)."
            )
        lines.extend(docstring(doc, 4))
        lines.append("")
        lines.extend(
            layout(Expr("def __init__(", ("self", "client: KalturaClientBase"), ") -> None:"), 4)
        )
        if base:
            lines.append(f"        {base}.__init__(self, client)")
        assigned = False
        for service in module.services:
            attr = naming.attr_name(service.name)
            if attr in taken:
                attr += "Service"
            taken.add(attr)
            svc_cls = self.names.service_class[service.id]
            lines.extend(layout(Expr(f"self.{attr} = {svc_cls}(", ("client",), ")"), 8))
            assigned = True
        if not assigned and not base:
            lines.append("        self.client = client")
        return lines

    # -- the client

    def _client(self) -> str:
        imports = _Imports(f"{PACKAGE}.Client", self.names)
        imports.runtime(CLIENT_BASE_MODULE, "KalturaClientBase")
        imports.typing("ClassVar")
        imports.typing("cast as _cast")
        imports.plain_from("functools", "cached_property")
        accessors: list[list[str]] = []
        taken: set[str] = set(naming.CLIENT_RESERVED)
        config_entries = self._config_entries()
        for entry in config_entries:
            taken.update(entry.methods())
        core_services = [s for s in self.schema.services.values() if s.plugin is None]
        plugin_names = [m.plugin for m in self.modules.values() if m.plugin is not None]
        merged_plugins = {p for p in plugin_names if self.core_service_named(p) is not None}
        used: set[str] = set()
        ann = Annotator(frozenset())
        for service in core_services:
            if service.name in merged_plugins:
                continue  # served by the plugin accessor (naming rule 6)
            attr = self._client_attr(service.name, taken)
            cls_name = self.names.service_class[service.id]
            module = self.names.service_module[service.id]
            imports.annotation_from(module, cls_name)
            accessors.append(
                self._accessor(
                    attr, cls_name, module, service.description, service.deprecated, imports
                )
            )
        for plugin in plugin_names:
            attr = self._client_attr(plugin, taken)
            cls_name = self.namespace_class(plugin)
            module = f"{PLUGINS}.{naming.module_name(plugin)}"
            imports.annotation_from(module, cls_name)
            desc = f"Services of the {plugin} plugin."
            accessors.append(self._accessor(attr, cls_name, module, desc, False, imports))
        config_methods: list[list[str]] = []
        for entry in config_entries:
            config_methods.extend(entry.render(ann, used))
        for name in used:
            imports.annotation(name)
        volatile = [string_literal(e.name) for e in config_entries if e.volatile]
        return self._tpl(
            "client.py.jinja",
            header=self._header(),
            import_lines=imports.lines(),
            api_version=string_literal(self.schema.api_version),
            volatile=(
                layout(
                    _tuple_expr(
                        "VOLATILE_REQUEST_CONFIGURATION: ClassVar[tuple[str, ...]] = (",
                        volatile,
                        ")",
                    ),
                    4,
                )
                if volatile
                else ["    VOLATILE_REQUEST_CONFIGURATION: ClassVar[tuple[str, ...]] = ()"]
            ),
            accessors=accessors,
            config_methods=config_methods,
        )

    def _client_attr(self, name: str, taken: set[str]) -> str:
        attr = naming.attr_name(name)
        while attr in taken:
            attr += "_"
        taken.add(attr)
        return attr

    def _accessor(
        self,
        attr: str,
        cls_name: str,
        module: str,
        description: str,
        deprecated: bool,
        imports: _Imports,
    ) -> list[str]:
        lines = ["    @cached_property"]
        lines.extend(layout(Expr(f"def {attr}(", ("self",), f") -> {cls_name}:"), 4))
        first = _first_line(description)
        if first:
            lines.extend(docstring(first, 8))
        if deprecated:
            lines.extend(self._warn(f"service {attr} is deprecated", imports, 8))
        lines.extend(_import_lines(module, [cls_name], 8))
        lines.append("")
        lines.append(f"        return {cls_name}(self)")
        return lines

    def _config_entries(self) -> list[_ConfigEntry]:
        configs = self.schema.configurations
        entries: list[_ConfigEntry] = []
        if configs.client or configs.request:
            for group, store in (
                (configs.client, "clientConfiguration"),
                (configs.request, "requestConfiguration"),
            ):
                for e in group:
                    entries.append(
                        _ConfigEntry(
                            e.name, e.type, None, e.alias, e.volatile, e.description, store
                        )
                    )
        else:
            for name, py in _DEFAULT_CLIENT_CONFIG:
                entries.append(_ConfigEntry(name, None, py, None, False, "", "clientConfiguration"))
            for name, py in _DEFAULT_REQUEST_CONFIG:
                alias = "sessionId" if name == "ks" else None
                entries.append(
                    _ConfigEntry(name, None, py, alias, False, "", "requestConfiguration")
                )
        return entries

    # -- registry, readme

    def _registry(self) -> str:
        def mapping(name: str, items: Mapping[str, str]) -> list[str]:
            entries = tuple(
                f"{string_literal(k)}: {string_literal(v)}" for k, v in sorted(items.items())
            )
            if not entries:
                return [f"{name}: dict[str, str] = {{}}"]
            return layout(Expr(f"{name}: dict[str, str] = {{", entries, "}", magic=True), 0)

        services = {
            self.names.service_class[sid]: mod for sid, mod in self.names.service_module.items()
        }
        return self._tpl(
            "registry.py.jinja",
            header=self._header(),
            classes=mapping("CLASS_MODULES", self.names.class_module),
            enums=mapping("ENUM_MODULES", self.names.enum_module),
            services=mapping("SERVICE_MODULES", services),
        )

    def _readme(self) -> str:
        collisions = sorted(
            m.plugin
            for m in self.modules.values()
            if m.plugin and self.core_service_named(m.plugin)
        )
        return self._tpl(
            "README.md.jinja",
            api_version=_comment_safe(self.schema.api_version),
            collisions=collisions,
            plugin_count=len(self.modules) - 1,
            service_count=len(self.schema.services),
            action_count=sum(len(s.actions) for s in self.schema.services.values()),
            class_count=len(self.names.class_module),
            enum_count=len(self.names.enum_module),
        )


@dataclass
class _ConfigEntry:
    name: str
    type: Type | None
    python_type: str | None
    alias: str | None
    volatile: bool
    description: str
    store: str

    def methods(self) -> list[str]:
        out = []
        for n in (self.name, self.alias):
            if n:
                out += [f"set{naming.ucfirst(n)}", f"get{naming.ucfirst(n)}"]
        return out

    def render(self, ann: Annotator, used: set[str]) -> list[list[str]]:
        if self.type is not None:
            annotation = ann.optional(self.type, used)
        else:
            annotation = f"{self.python_type} | None"
        blocks: list[list[str]] = []
        for n in (self.name, self.alias):
            if not n:
                continue
            setter = layout(
                Expr(
                    f"def set{naming.ucfirst(n)}(", ("self", f"value: {annotation}"), ") -> None:"
                ),
                4,
            )
            doc = docstring(_first_line(self.description), 8)
            setter.extend(doc)
            setter.append(f"        self.{self.store}[{string_literal(self.name)}] = value")
            blocks.append(setter)
            getter = layout(
                Expr(f"def get{naming.ucfirst(n)}(", ("self",), f") -> {annotation}:"), 4
            )
            getter.extend(doc)
            getter.extend(
                layout(
                    Expr(
                        "return _cast(",
                        (
                            string_literal(annotation),
                            f"self.{self.store}.get({string_literal(self.name)})",
                        ),
                        ")",
                    ),
                    8,
                )
            )
            blocks.append(getter)
        return blocks


class _Imports:
    """Imports of one module: runtime imports (bases) and TYPE_CHECKING-only imports."""

    def __init__(self, module: str, names: _Names) -> None:
        self.module = module
        self.names = names
        self.plain_imports: set[str] = set()
        self.from_plain: dict[str, set[str]] = {}
        self.typing_names: set[str] = set()
        self.runtime_from: dict[str, set[str]] = {}
        self.checking_from: dict[str, set[str]] = {}

    def plain(self, name: str) -> None:
        self.plain_imports.add(name)

    def plain_from(self, module: str, name: str) -> None:
        self.from_plain.setdefault(module, set()).add(name)

    def typing(self, name: str) -> None:
        self.typing_names.add(name)

    def runtime(self, module: str, name: str) -> None:
        if module != self.module:
            self.runtime_from.setdefault(module, set()).add(name)

    def base_class(self, name: str) -> None:
        module = self.names.module_of(name)
        if module is None:
            raise GenerationError(f"base class {name} is not generated")
        self.runtime(module, name)

    def annotation(self, name: str) -> None:
        if name == ANY_OBJECT_NAME:
            self.runtime(BASE_MODULE, name)
            return
        if name in ("IO",):
            self.typing(name)
            return
        module = self.names.module_of(name)
        if module is None:
            raise GenerationError(f"type {name} is not generated")
        self.annotation_from(module, name)

    def annotation_from(self, module: str, name: str) -> None:
        if module != self.module:
            self.checking_from.setdefault(module, set()).add(name)

    def lines(self) -> list[str]:
        out: list[str] = []
        stdlib: list[str] = []
        for name in sorted(self.plain_imports):
            stdlib.append(f"import {name}")
        for module in sorted(self.from_plain):
            stdlib.extend(_import_lines(module, self.from_plain[module]))
        checking = {
            m: names - self.runtime_from.get(m, set()) for m, names in self.checking_from.items()
        }
        checking = {m: n for m, n in checking.items() if n}
        typing_names = set(self.typing_names)
        if checking:
            typing_names.add("TYPE_CHECKING")
        if typing_names:
            stdlib.extend(_typing_import(typing_names))
        stdlib.sort(key=_import_sort_key)
        out.extend(stdlib)
        runtime: list[str] = []
        for module in sorted(self.runtime_from, key=_module_sort_key):
            runtime.extend(_import_lines(module, self.runtime_from[module]))
        if runtime:
            if out:
                out.append("")
            out.extend(runtime)
        if checking:
            out.append("")
            out.append("if TYPE_CHECKING:")
            for module in sorted(checking, key=_module_sort_key):
                out.extend(_import_lines(module, checking[module], 4))
        return out


def _typing_import(names: set[str]) -> list[str]:
    plain = sorted(n for n in names if " as " not in n)
    aliased = sorted(n for n in names if " as " in n)
    return _import_lines("typing", [*plain, *aliased])


def _import_sort_key(line: str) -> tuple[int, str]:
    return (0 if line.startswith("import ") else 1, line)


def _module_sort_key(module: str) -> tuple[int, str]:
    order = {BASE_MODULE: 0, CLIENT_BASE_MODULE: 1, f"{PLUGINS}.Core": 2}
    return (order.get(module, 3), module)


# The emitter reproduces black's layout for the shapes that names of real-schema length
# produce (the longest in the published schemas has 58 characters). Longer names can need
# splits it does not model (nested subscripts, parenthesized return annotations); for such
# a schema every generated module goes through black itself, so the output stays formatted.
LONG_NAME = 60


def _longest_name(schema: Schema) -> int:
    names: list[str] = [*schema.enums, *schema.classes, *schema.plugins]
    for enum in schema.enums.values():
        names.extend(c.name for c in enum.consts)
    for cls in schema.classes.values():
        names.extend(p.name for p in cls.properties)
    for service in schema.services.values():
        names.extend((service.id, service.name))
        for action in service.actions:
            names.append(action.name)
            names.extend(p.name for p in action.params)
    return max((len(n) for n in names), default=0)


def _black_fallback(files: RenderedFiles) -> None:
    import black
    from black.mode import Mode, TargetVersion

    mode = Mode(line_length=100, target_versions={TargetVersion.PY310})
    for name, content in files.items():
        if name.endswith(".py"):
            files[name] = black.format_str(content.decode("utf-8"), mode=mode).encode("utf-8")


def _check_import_cycles(schema: Schema, names: _Names) -> None:
    """Base classes are imported at run time; modules whose classes extend each other's
    classes would be a circular import, so refuse them with a clear message."""
    edges: dict[str, set[str]] = {}
    for cls in schema.classes.values():
        if cls.base is None:
            continue
        here, there = names.class_module[cls.name], names.class_module[cls.base.name]
        if here != there:
            edges.setdefault(here, set()).add(there)
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                cycle = " -> ".join([*path[path.index(target) :], target])
                raise GenerationError(f"circular base-class imports between modules: {cycle}")
            if target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])


def _describe(description: str, deprecated: bool) -> str:
    text = description.strip()
    if deprecated:
        text = (text + "\n\n" if text else "") + "Deprecated: using it emits a DeprecationWarning."
    return text


def _property_doc(p: PropertyDef) -> str:
    """Getter docstring: the schema description plus the flags the server enforces."""
    notes = [
        label
        for label, on in (
            ("read-only", p.read_only),
            ("insert-only", p.insert_only),
            ("write-only", p.write_only),
            ("a Unix time (seconds)", p.is_time),
        )
        if on
    ]
    text = p.description.strip()
    if notes:
        text = (text + "\n\n" if text else "") + "Server-side: " + ", ".join(notes) + "."
    return _describe(text, p.deprecated)


def _first_line(text: str) -> str:
    for line in text.replace("\r", "\n").split("\n"):
        if line.strip():
            return line.strip()
    return ""


def _is_str_type(t: Type) -> bool:
    from generator.model import Primitive

    return isinstance(t, PrimitiveType) and t.primitive is Primitive.STRING


def _base_first(classes: Iterable[ClassDef]) -> list[ClassDef]:
    """Schema order, except that a base class always comes before its subclasses."""
    ordered: list[ClassDef] = []
    placed: set[str] = set()

    def place(cls: ClassDef) -> None:
        if cls.name in placed:
            return
        if cls.base is not None:
            place(cls.base)
        placed.add(cls.name)
        ordered.append(cls)

    for cls in classes:
        place(cls)
    return ordered


def _pep440(version: str) -> str:
    if re.fullmatch(r"[0-9]+(\.[0-9]+)*", version):
        return version
    cleaned = re.sub(r"[^0-9.]", "", version).strip(".")
    return cleaned or "0"


def _runtime_dependencies() -> list[str]:
    path = RUNTIME_DIR / "requirements.txt"
    if not path.is_file():
        return []
    deps = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            deps.append(line)
    return deps


TARGET_INFO = PythonTarget()
