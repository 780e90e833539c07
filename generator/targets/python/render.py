"""The Python target: model -> files of a `KalturaApiClient`-compatible package, in memory.

Python code decides (names through `naming`, types through `pytypes`, order, imports) and
builds the small views of `views`; the Jinja macros in `templates/python/` lay each
construct out (one macro per construct: enum, class, action, service, namespace, client,
module); `ruff format` gives the text its final layout (`formatting`). Problems this
target has with a schema (names that still collide after escaping, import cycles,
shadowed names) are found by `plan()` and reported by `check()` as diagnostics.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, Level
from generator.model import (
    ANY_OBJECT_NAME,
    ActionDef,
    ArrayType,
    ClassDef,
    EnumDef,
    EnumKind,
    ObjectType,
    Primitive,
    PrimitiveType,
    PropertyDef,
    ResultKind,
    Schema,
    ServiceDef,
    Source,
)
from generator.paths import TEMPLATES_DIR
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress
from generator.targets.python import naming, views
from generator.targets.python.formatting import LINE_LENGTH, RuffBatches
from generator.targets.python.pytypes import Annotator, field_kind, python_default, type_ref
from generator.targets.shared.cache import cached_render
from generator.targets.shared.lowering import (
    DEFAULT_SOURCE,
    base_first,
    config_class,
    doc_text,
    effective_configurations,
    first_line,
    property_notes,
    uniquify,
)
from generator.targets.shared.package import package_meta, package_settings
from generator.targets.shared.templating import environment, runtime_files

if TYPE_CHECKING:
    import jinja2

__all__ = ["TARGET_INFO", "PythonTarget", "plan", "render_package"]

PACKAGE = "KalturaClient"
PLUGINS = f"{PACKAGE}.Plugins"
TEMPLATE_DIR = TEMPLATES_DIR / "python"
RUNTIME_DIR = TEMPLATE_DIR / "runtime"
BASE_MODULE = f"{PACKAGE}.Base"
CLIENT_BASE_MODULE = f"{PACKAGE}._runtime.client"
# Runtime names the official `Plugins.Core` module has (`from KalturaClient.Plugins.Core import
# KalturaParams`), re-exported by the generated Core module.
CORE_REEXPORTS = (
    "KalturaClientPlugin",
    "KalturaEnumsFactory",
    "KalturaObjectFactory",
    "KalturaParams",
)
# The official `KalturaClient.Client` module's names that the runtime defines; Client.py
# re-exports them (tests tie this tuple to the runtime's `CLIENT_MODULE_EXPORTS`).
CLIENT_MODULE_EXPORTS = (
    "IKalturaClientPlugin",
    "IKalturaLogger",
    "KALTURA_SERVICE_FORMAT_JSON",
    "KALTURA_SERVICE_FORMAT_XML",
    "KalturaClientException",
    "KalturaEnumsFactory",
    "KalturaException",
    "KalturaObjectBase",
    "KalturaObjectFactory",
    "KalturaParams",
    "KalturaServiceActionCall",
    "MultiRequestSubResult",
    "PluginServicesProxy",
    "debug_requests_off",
    "debug_requests_on",
    "getXmlNodeFloat",
    "getXmlNodeText",
    "retry_on_exception",
)
# Those of them `_runtime/client.py` defines; the others come from `KalturaClient.Base`, whose
# `__all__` lists them (mypy --strict accepts no implicit re-export).
CLIENT_RUNTIME_DEFINED = frozenset(
    {
        "KalturaServiceActionCall",
        "MultiRequestSubResult",
        "debug_requests_off",
        "debug_requests_on",
        "retry_on_exception",
    }
)
DEFAULT_PACKAGE_NAME = "KalturaApiClient"
OTT_PACKAGE_NAME = "KalturaOttApiClient"

# Builtins a generated class body refers to (annotations spell them `builtins.x` when a
# member of the class has the same name).
_BUILTINS_USED = frozenset({"int", "str", "float", "bool", "bytes", "list", "dict", "tuple"})
# Names a class body's annotations or defaults use: no member may have them.
_HELPERS_USED = frozenset(
    {"ClassVar", "IO", "FieldSpec", "KalturaObjectBase", "NotImplemented", "None", "builtins"}
)
# Attributes KalturaObjectBase itself declares (typed `Any` there).
_RUNTIME_ATTRIBUTES = frozenset({"relatedObjects"})
LIST_RESPONSE_BASE = "KalturaListResponse"

_DESCRIPTION = {
    "KalturaClientConfiguration": "Define client optional configurations",
    "KalturaRequestConfiguration": "Define client request optional configurations",
}


def _describe(description: str, deprecated: bool) -> str:
    return doc_text(description, deprecated, "Deprecated: using it emits a DeprecationWarning.")


def _doc(text: str, indent: int) -> str:
    return naming.docstring(text, indent)


def _lit(text: str) -> str:
    return naming.string_literal(text)


# ----------------------------------------------------------------------------- planning


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


@dataclass
class Plan:
    """Every Python name of a package, decided once; `diagnostics` says what cannot be."""

    schema: Schema
    modules: dict[str, _Module] = field(default_factory=dict)
    enum_module: dict[str, str] = field(default_factory=dict)
    class_module: dict[str, str] = field(default_factory=dict)
    service_class: dict[str, str] = field(default_factory=dict)  # service id -> class
    service_module: dict[str, str] = field(default_factory=dict)  # service id -> module
    spec_name: dict[tuple[str, str], str] = field(default_factory=dict)
    config_classes: list[ClassDef] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def module_of(self, name: str) -> str | None:
        return self.enum_module.get(name) or self.class_module.get(name)

    def error(self, source: Source, element: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(Level.ERROR, source.file, source.line, element, message))

    def warning(self, source: Source, element: str, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(Level.WARNING, source.file, source.line, element, message)
        )

    def core_service_named(self, name: str) -> ServiceDef | None:
        return next(
            (s for s in self.schema.services.values() if s.plugin is None and s.name == name),
            None,
        )


def plan(schema: Schema) -> Plan:
    """Module layout and names of the package for `schema`, with what cannot be generated."""
    result = Plan(schema)
    modules: dict[str, _Module] = {"Core": _Module("Core", None)}
    lowered: dict[str, str] = {"core": "Core"}
    shared: set[tuple[str, str | None]] = set()  # (module, plugin) already reported

    def module_for(plugin: str | None, source: Source) -> _Module:
        short = naming.module_name(plugin)
        module = modules.get(short)
        if module is None:
            other = lowered.get(short.lower())
            if other is not None:
                result.error(
                    source,
                    f"plugin {plugin}",
                    f"python: module Plugins/{short}.py differs only in case from "
                    f"Plugins/{other}.py (they collide on case-insensitive file systems)",
                )
            lowered.setdefault(short.lower(), short)
            module = modules[short] = _Module(short, plugin)
        elif module.plugin != plugin and (short, plugin) not in shared:
            shared.add((short, plugin))
            result.error(
                source,
                f"plugin {plugin}",
                f"python: plugins {module.plugin} and {plugin} would share the module "
                f"Plugins/{short}.py",
            )
        return module

    for plugin in schema.plugins.values():
        module_for(plugin.name, plugin.source)
    for enum in schema.enums.values():
        mod = module_for(enum.plugin, enum.source)
        mod.enums.append(enum)
        result.enum_module[enum.name] = mod.qualname
    for cls in base_first(schema.classes.values()):
        mod = module_for(cls.plugin, cls.source)
        mod.classes.append(cls)
        result.class_module[cls.name] = mod.qualname
    configs = effective_configurations(schema)
    if schema.configurations.client or schema.configurations.request:
        for entries, name in (
            (configs.client, "KalturaClientConfiguration"),
            (configs.request, "KalturaRequestConfiguration"),
        ):
            if entries and name not in schema.classes:
                cfg = config_class(name, entries, _DESCRIPTION[name])
                result.config_classes.append(cfg)
                modules["Core"].classes.append(cfg)
                result.class_module[name] = modules["Core"].qualname
    taken = set(schema.enums) | set(result.class_module)
    for service in schema.services.values():
        mod = module_for(service.plugin, service.source)
        mod.services.append(service)
        cls_name = uniquify(f"Kaltura{naming.ucfirst(service.name)}Service", taken)
        result.service_class[service.id] = cls_name
        result.service_module[service.id] = mod.qualname
        for action in service.actions:
            result.spec_name[(service.id, action.name)] = f"_A_{service.id}__{action.name}"
    result.modules = dict(sorted(modules.items(), key=lambda kv: (kv[0] != "Core", kv[0])))
    _check_module_names(result)
    _check_members(result)
    _check_list_all(result)
    _check_import_cycles(result)
    return result


def _check_module_names(result: Plan) -> None:
    """Classes, enums and service classes are module globals next to the helpers the
    module imports: one with a helper's (or a builtin's) name would replace it."""
    schema = result.schema
    defined: dict[str, tuple[str, Source]] = {}
    named: list[tuple[str, str, Source]] = [
        *((e.name, f"enum {e.name}", e.source) for e in schema.enums.values()),
        *((c.name, f"class {c.name}", c.source) for c in schema.classes.values()),
    ]
    for service in schema.services.values():
        named.append((result.service_class[service.id], f"service {service.id}", service.source))
    # the registration classes and the runtime names Core re-exports are module globals too
    registration = {"KalturaCoreClient", "PluginServicesProxy", *CORE_REEXPORTS}
    registration.update(
        plugin_class_name(m.plugin) for m in result.modules.values() if m.plugin is not None
    )
    # and the async twins of the service and namespace classes
    registration.update(async_class(name) for name in result.service_class.values())
    registration.update(
        async_class(_namespace_class(m.plugin))
        for m in result.modules.values()
        if m.plugin is not None
    )
    for name, element, source in named:
        if name in naming.MODULE_NAMES or name in naming.KEYWORDS or name in registration:
            result.error(
                source,
                element,
                f"python: the name {name} is one the generated modules use themselves "
                "(a builtin, keyword or runtime helper); rename it",
            )
        if name.startswith("_A_"):
            result.error(
                source, element, f"python: names starting with _A_ are the target's own ({name})"
            )
        other = defined.get(name)
        if other is not None and other[0] != element:
            result.error(
                source,
                element,
                f"python: {name} is also the name of {other[0]} ({other[1].file}:{other[1].line})",
            )
        defined.setdefault(name, (element, source))


def _check_list_all(result: Plan) -> None:
    """`<action>All` of a paged list action is skipped when a real action has its name."""
    for service in result.schema.services.values():
        names = {naming.service_attr(a.name) for a in service.actions}
        for action in service.actions:
            if paged_item(action) is None:
                continue
            name = naming.service_attr(action.name + LIST_ALL_SUFFIX)
            if name in names:
                result.warning(
                    action.source,
                    f"action {service.id}.{action.name}",
                    f"python: no {name}() iterator, an action of that name exists",
                )


def _check_members(result: Plan) -> None:
    """Members of one generated class that end up with the same name, or that Python
    would mangle, or that hide a helper the class body uses."""
    schema = result.schema
    # member name -> property that owns it, per class (its own properties only); a class
    # sees its bases' through the chain, so each property is checked once, where declared.
    own_members: dict[str, dict[str, str]] = {}
    for cls in base_first(schema.classes.values()):
        element = f"class {cls.name}"
        owners: dict[str, str] = {}
        own_members[cls.name] = owners
        for p in cls.properties:
            if naming.is_mangled(p.name):
                result.error(
                    p.source,
                    f"{element}.{p.name}",
                    "python: a name starting with __ is private in a class body "
                    "(Python mangles it); rename it",
                )
                continue
            attr = naming.property_attr(p.name)
            accessor = naming.ucfirst(attr)
            # the constructor keyword lives in the same per-class namespace, marked
            keyword = "(" + naming.property_param(p.name)
            names = (
                (attr, "get" + accessor, keyword)
                if p.read_only
                else (attr, "get" + accessor, "set" + accessor, keyword)
            )
            for name in names:
                owner = owners.setdefault(name, p.name)
                base = cls.base
                while owner == p.name and base is not None:
                    owner = own_members.get(base.name, {}).get(name, p.name)
                    base = base.base
                if owner != p.name:
                    what = (
                        f"constructor parameter {name[1:]}" if name[0] == "(" else f"member {name}"
                    )
                    result.error(
                        p.source,
                        f"{element}.{p.name}",
                        f"python: the {what} would be generated for both "
                        f"properties {owner} and {p.name}",
                    )
                if name in _HELPERS_USED:
                    result.error(
                        p.source,
                        f"{element}.{p.name}",
                        f"python: member {name} would shadow a name the generated code uses",
                    )
    for enum in schema.enums.values():
        consts: dict[str, str] = {}
        for const in enum.consts:
            if naming.is_mangled(const.name):
                result.error(
                    const.source,
                    f"enum {enum.name}.{const.name}",
                    "python: a name starting with __ is private in a class body "
                    "(Python mangles it); rename it",
                )
                continue
            name = naming.const_name(const.name)
            owner = consts.setdefault(name, const.name)
            if owner != const.name:
                result.error(
                    const.source,
                    f"enum {enum.name}.{const.name}",
                    f"python: constants {owner} and {const.name} would both be {name}",
                )
    for service in schema.services.values():
        methods: dict[str, str] = {}
        for action in service.actions:
            where = f"action {service.id}.{action.name}"
            if naming.is_mangled(action.name):
                result.error(
                    action.source,
                    where,
                    "python: a name starting with __ is private in a class body "
                    "(Python mangles it); rename it",
                )
                continue
            name = naming.service_attr(action.name)
            if name in _HELPERS_USED:
                result.error(
                    action.source,
                    where,
                    f"python: method {name} would shadow a name the generated code uses",
                )
            owner = methods.setdefault(name, action.name)
            if owner != action.name:
                result.error(
                    action.source,
                    where,
                    f"python: actions {owner} and {action.name} would both be {name}",
                )
            params: dict[str, str] = {}
            for param in action.params:
                pname = naming.param_name(param.name)
                if naming.is_mangled(param.name):
                    result.error(
                        param.source,
                        f"{where} param {param.name}",
                        "python: a name starting with __ is private in a class body "
                        "(Python mangles it); rename it",
                    )
                if pname.startswith("_A_"):
                    result.error(
                        param.source,
                        f"{where} param {param.name}",
                        "python: parameter names starting with _A_ are the target's own",
                    )
                owner = params.setdefault(pname, param.name)
                if owner != param.name:
                    result.error(
                        param.source,
                        f"{where} param {param.name}",
                        f"python: parameters {owner} and {param.name} would both be {pname}",
                    )
    configs = effective_configurations(schema)
    accessors: dict[str, str] = {}
    for entry in (*configs.client, *configs.request):
        for name in (entry.name, entry.alias or ""):
            if not name:
                continue
            for method in (f"set{naming.ucfirst(name)}", f"get{naming.ucfirst(name)}"):
                escaped = naming.client_attr(method)
                owner = accessors.setdefault(escaped, entry.name)
                if owner != entry.name:
                    result.error(
                        entry.source,
                        f"configuration {entry.name}",
                        f"python: the client accessor {escaped} would be generated for both "
                        f"configurations {owner} and {entry.name}",
                    )


def _check_import_cycles(result: Plan) -> None:
    """Base classes are imported at run time; modules whose classes extend each other's
    classes would import each other circularly."""
    edges: dict[str, set[str]] = {}
    first_edge: dict[tuple[str, str], ClassDef] = {}
    for cls in result.schema.classes.values():
        if cls.base is None or cls.base.name not in result.class_module:
            continue
        here, there = result.class_module[cls.name], result.class_module[cls.base.name]
        if here != there:
            edges.setdefault(here, set()).add(there)
            first_edge.setdefault((here, there), cls)
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(start: str) -> None:
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            module, path = stack.pop()
            if state.get(module) == 2:
                continue
            state[module] = 1
            for target in sorted(edges.get(module, ())):
                if target in path:
                    cycle = [*path[path.index(target) :], target]
                    key = frozenset(cycle)
                    if key in reported:
                        continue
                    reported.add(key)
                    cls = first_edge[(module, target)]
                    result.error(
                        cls.source,
                        f"class {cls.name}",
                        "python: circular base-class imports between modules: "
                        + " -> ".join(m.rsplit(".", 1)[1] for m in cycle),
                    )
                elif state.get(target) != 2:
                    stack.append((target, [*path, target]))
            state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)


# ----------------------------------------------------------------------------- target

_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?\Z")

TEMPLATE_CATALOG: Mapping[str, str] = {
    "module.py.jinja": "macro module: one plugin module (imports, enums, classes, services)",
    "enum.py.jinja": "macro enum: one enum class and its constants",
    "class.py.jinja": "macro class_: one object class (field specs, constructor, accessors)",
    "service.py.jinja": "macro service: one service class and the specs of its actions",
    "action.py.jinja": "macros action, action_spec: one action method and its ActionSpec",
    "namespace.py.jinja": "macro namespace: `client.<plugin>`, a plugin's services",
    "plugin.py.jinja": "macro plugin_class: Kaltura<Plugin>ClientPlugin / KalturaCoreClient",
    "client.py.jinja": "macro client: KalturaClient.Client with service/config accessors",
    "init.py.jinja": "KalturaClient/__init__.py: the package's public names",
    "plugins_init.py.jinja": "KalturaClient/Plugins/__init__.py",
    "registry.py.jinja": "the lazy-loading registry of class, enum and service modules",
    "pyproject.toml.jinja": "the package metadata (name, version, dependencies, tool config)",
    "README.md.jinja": "the generated package's README",
}


def is_ott(schema: Schema) -> bool:
    """An OTT (TV platform) schema: it has OTT's user service and none of OVP's entries."""
    names = {s.name for s in schema.services.values() if s.plugin is None}
    return "ottUser" in names and "baseEntry" not in names


class PythonTarget:
    name = "python"
    description = "typed, lazy, drop-in compatible successor of KalturaApiClient"
    settings: tuple[Setting, ...] = package_settings(
        _NAME, "a PyPI distribution name (letters, digits, '.', '_', '-')"
    )
    templates = TEMPLATE_CATALOG

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        return list(_plan_once(schema).diagnostics)

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        return cached_render(
            self.name,
            schema,
            options,
            lambda: render_package(schema, progress, options),
            progress,
        )


_last_plan: list[Plan] = []  # the pipeline checks, then renders the same schema


def _plan_once(schema: Schema) -> Plan:
    if _last_plan and _last_plan[0].schema is schema:
        return _last_plan[0]
    result = plan(schema)
    _last_plan[:] = [result]
    return result


def render_package(
    schema: Schema, progress: Progress = no_progress, options: GenerateOptions | None = None
) -> RenderedFiles:
    layout = _plan_once(schema)
    errors = [d for d in layout.diagnostics if d.is_error]
    if errors:  # `check()` stops the pipeline before; a caller that skipped it is a bug
        raise ValueError("python: " + "; ".join(str(d) for d in errors))
    return _Renderer(layout, progress, options or GenerateOptions()).render()


class _Renderer:
    def __init__(self, layout: Plan, progress: Progress, options: GenerateOptions) -> None:
        self.plan = layout
        self.schema = layout.schema
        self.progress = progress
        self.options = options
        default_name = OTT_PACKAGE_NAME if is_ott(self.schema) else DEFAULT_PACKAGE_NAME
        self.meta = package_meta(TARGET_INFO, options, default_name)
        self.env: jinja2.Environment = environment("python", options.templates)
        version = naming.comment(self.schema.api_version)
        self.header = (
            f"Generated by kaltura-codegen from the Kaltura API schema (API version {version}).",
            "Do not edit: regenerate with `kaltura-codegen generate --target python`.",
        )
        self.api_version = _lit(self.schema.api_version)
        # (property, shadowed builtins) -> its constructor parameter, assignment and the
        # names its annotation uses: subclasses repeat every inherited property.
        self._property_views: dict[
            tuple[int, frozenset[str]], tuple[views.ParamView, views.AssignView, frozenset[str]]
        ] = {}

    def _macro(self, template: str, name: str) -> jinja2.runtime.Macro:
        macro: jinja2.runtime.Macro = getattr(self.env.get_template(template).module, name)
        return macro

    def _tpl(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    def render(self) -> RenderedFiles:
        modules = self.plan.modules
        total = len(modules) + 2
        done = 0
        module_macro = self._macro("module.py.jinja", "module")
        with RuffBatches() as batches:
            for module in modules.values():
                path = f"{PACKAGE}/Plugins/{module.short}.py"
                # ruff starts on a batch once enough text waits (Core, the biggest, alone)
                batches.add(path, str(module_macro(self._module(module))))
                done += 1
                self.progress(done, total, path)
            batches.add(
                f"{PACKAGE}/Plugins/__init__.py",
                self._tpl("plugins_init.py.jinja", header=self.header),
            )
            batches.add(
                f"{PACKAGE}/Client.py",
                str(self._macro("client.py.jinja", "client")(self._client())),
            )
            batches.add(f"{PACKAGE}/_registry.py", self._registry())
            batches.add(
                f"{PACKAGE}/__init__.py",
                self._tpl("init.py.jinja", header=self.header, api_version=self.api_version),
            )
            formatted = batches.result()
        done += 1
        self.progress(done, total, "formatted")
        files: RenderedFiles = {name: text.encode("utf-8") for name, text in formatted.items()}
        files[f"{PACKAGE}/py.typed"] = b""
        files["pyproject.toml"] = self._pyproject().encode()
        files["README.md"] = self._readme().encode()
        files.update(runtime_files("python", only=PACKAGE))
        done += 1
        self.progress(done, total, "runtime")
        return files

    # -- one plugin module

    def _module(self, module: _Module) -> views.ModuleView:
        imports = _Imports(module.qualname, self.plan)
        enums = tuple(self._enum(e, imports) for e in module.enums)
        classes = tuple(self._class(c, imports) for c in module.classes)
        services = tuple(self._service(s, imports) for s in module.services)
        all_names = [
            *(e.name for e in module.enums),
            *(c.name for c in module.classes),
            *(self.plan.service_class[s.id] for s in module.services),
        ]
        namespace = self._namespace(module, imports) if module.plugin is not None else None
        plugin_class = self._plugin_class(module, imports)
        all_names.append(plugin_class.name)
        if module.plugin is None:
            # the official Core module has these runtime names too
            for name in CORE_REEXPORTS:
                imports.runtime(BASE_MODULE, name)
            all_names.extend(CORE_REEXPORTS)
        reexports = self._reexport_sources(module) if module.plugin is not None else []
        what = f"plugin {module.plugin}" if module.plugin else "core"
        top, checking = imports.lines()
        return views.ModuleView(
            header=self.header,
            doc=_doc(f"Kaltura API {what}: enums, object classes and services.", 0),
            imports=tuple(top),
            checking_imports=tuple(checking),
            api_version=self.api_version,
            all_names=tuple(_lit(n) for n in all_names),
            reexports=tuple(_lit(r) for r in reexports),
            enums=enums,
            classes=classes,
            services=services,
            namespace=namespace,
            plugin_class=plugin_class,
        )

    def _plugin_class(self, module: _Module, imports: _Imports) -> views.PluginClassView:
        imports.runtime(BASE_MODULE, "KalturaClientPlugin")
        imports.typing("ClassVar")
        if module.plugin is None:
            name, what = "KalturaCoreClient", "the core API"
        else:
            name = plugin_class_name(module.plugin)
            what = f"the {module.plugin} plugin"
        return views.PluginClassView(
            name=name,
            doc=_doc(f"Official plugin registration class of {what}.", 4),
            plugin_name=_lit(module.plugin or ""),
            services=tuple(
                (_lit(s.name), _lit(self.plan.service_class[s.id])) for s in module.services
            ),
            enums=tuple(_lit(e.name) for e in module.enums),
            types=tuple(_lit(c.name) for c in module.classes),
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

    def _enum(self, enum: EnumDef, imports: _Imports) -> views.EnumView:
        base = "KalturaStringEnum" if enum.kind is EnumKind.STRING else "KalturaIntEnum"
        imports.runtime(BASE_MODULE, base)
        consts: list[views.ConstView] = []
        seen: set[str] = set()
        for const in enum.consts:
            name = naming.const_name(const.name)
            if name in seen:
                continue  # the schema repeats a constant: the first one counts
            seen.add(name)
            value = _lit(const.value) if enum.kind is EnumKind.STRING else str(const.int_value)
            consts.append(views.ConstView(name, value))
        return views.EnumView(
            enum.name, base, _doc(_describe(enum.description, enum.deprecated), 4), tuple(consts)
        )

    # -- object classes

    def _class(self, cls: ClassDef, imports: _Imports) -> views.ClassView:
        base_name = cls.base.name if cls.base is not None else ANY_OBJECT_NAME
        if cls.base is None:
            imports.runtime(BASE_MODULE, ANY_OBJECT_NAME)
        else:
            imports.base_class(base_name)
        imports.runtime(BASE_MODULE, "FieldSpec")
        imports.runtime(BASE_MODULE, ANY_OBJECT_NAME)
        if cls.properties:
            imports.runtime(BASE_MODULE, "FieldKind")
        imports.typing("ClassVar")
        all_props = cls.all_properties
        members = {naming.property_attr(p.name) for p in all_props}
        for p in cls.properties:
            attr = naming.property_attr(p.name)
            members.add(f"get{naming.ucfirst(attr)}")
            if not p.read_only:
                members.add(f"set{naming.ucfirst(attr)}")
        ann = Annotator(frozenset(members & (_BUILTINS_USED | {"object"})))
        used: set[str] = set()

        init_params: list[views.ParamView] = []
        assigns: list[views.AssignView] = []
        memo = self._property_views
        for p in all_props:
            key = (id(p), ann.shadowed)
            known = memo.get(key)
            if known is None:
                names: set[str] = set()
                param = naming.property_param(p.name)
                attr = naming.property_attr(p.name)
                # the attribute is declared with the read type; the keyword also takes None
                store = "" if attr in _RUNTIME_ATTRIBUTES else _lit(ann.read(p.type, names))
                known = (
                    _param_view(param, ann.optional(p.type, names), "NotImplemented"),
                    views.AssignView(attr, param, "", store),
                    frozenset(names),
                )
                memo[key] = known
            init_params.append(known[0])
            used.update(known[2])
            if "builtins." in known[0].annotation:
                ann.uses_builtins = True
            if p.deprecated:
                warning = self._warning(f"{cls.name}.{p.name} is deprecated", imports)
                assigns.append(
                    views.AssignView(known[1].attr, known[1].param, warning, known[1].cast)
                )
            else:
                assigns.append(known[1])
        inherited = {p.name for a in cls.ancestors() for p in a.properties}
        declarations: list[tuple[str, str]] = []
        accessors: list[views.AccessorView] = []
        if any(assign.cast for assign in assigns):
            imports.typing("cast as _cast")
        for p in cls.properties:
            attr = naming.property_attr(p.name)
            annotation = ann.optional(p.type, used)
            store_cast = ""
            if attr not in _RUNTIME_ATTRIBUTES:
                read = ann.read(p.type, used)
                store_cast = _lit(read)
                if p.name not in inherited:
                    declarations.append((attr, read))
            cast = ""
            if attr in _RUNTIME_ATTRIBUTES:
                # declared `Any` by the runtime base: keep the getter's declared type
                imports.typing("cast as _cast")
                cast = _lit(annotation)
            warning = ""
            if p.deprecated:
                warning = self._warning(f"{cls.name}.{p.name} is deprecated", imports)
            accessors.append(
                views.AccessorView(
                    attr=attr,
                    getter=f"get{naming.ucfirst(attr)}",
                    setter="" if p.read_only else f"set{naming.ucfirst(attr)}",
                    new_param=f"new{naming.ucfirst(attr)}",
                    annotation=annotation,
                    setter_annotation=_param_view(
                        f"new{naming.ucfirst(attr)}", annotation, ""
                    ).annotation,
                    doc=_doc(_property_doc(p), 8),
                    warning=warning,
                    cast=cast,
                    store_cast=store_cast,
                )
            )
        for name in used:
            imports.annotation(name)
        if ann.uses_builtins:
            imports.plain("builtins")
        return views.ClassView(
            name=cls.name,
            base=base_name,
            doc=_doc(_describe(cls.description, cls.deprecated), 4),
            comment=naming.comment(cls.name),
            type_literal=_lit(cls.name),
            str_type=ann.builtin("str"),
            tuple_type=ann.builtin("tuple"),
            fields=tuple(self._field_spec(cls, p, imports) for p in cls.properties),
            declarations=tuple(declarations),
            init_params=tuple(init_params),
            warning=(self._warning(f"{cls.name} is deprecated", imports) if cls.deprecated else ""),
            assigns=tuple(assigns),
            accessors=tuple(accessors),
        )

    def _field_spec(self, cls: ClassDef, p: PropertyDef, imports: _Imports) -> views.FieldSpecView:
        flags = []
        # `objects` of a list response is always a list once parsed (GENERATED_CONTRACT 6)
        always_list = (
            p.name == "objects"
            and isinstance(p.type, ArrayType)
            and any(a.name == LIST_RESPONSE_BASE for a in cls.ancestors())
        )
        for flag, on in (
            ("READ_ONLY", p.read_only),
            ("INSERT_ONLY", p.insert_only),
            ("WRITE_ONLY", p.write_only),
            ("IS_TIME", p.is_time),
            ("DEPRECATED", p.deprecated),
            ("ALWAYS_LIST", always_list),
        ):
            if on:
                flags.append(flag)
                imports.runtime(BASE_MODULE, flag)
        ref = type_ref(p.type)
        ref_text = ""
        if ref is not None or flags:
            ref_text = _lit(ref) if ref is not None else "None"
        return views.FieldSpecView(
            _lit(p.name),
            _lit(naming.property_attr(p.name)),
            field_kind(p.type),
            ref_text,
            tuple(flags),
        )

    def _warning(self, message: str, imports: _Imports) -> str:
        imports.plain("warnings as _warnings")
        return _lit(message)

    # -- services

    def _service(self, service: ServiceDef, imports: _Imports) -> views.ServiceView:
        cls_name = self.plan.service_class[service.id]
        imports.runtime(BASE_MODULE, "KalturaServiceBase")
        members = {naming.service_attr(a.name) for a in service.actions} | {"client"}
        ann = Annotator(frozenset(members & (_BUILTINS_USED | {"object"})))
        used: set[str] = set()
        actions = tuple(
            self._action(service, a, ann, used, imports, members) for a in service.actions
        )
        for name in used:
            imports.annotation(name)
        if ann.uses_builtins:
            imports.plain("builtins")
        imports.runtime(BASE_MODULE, "AsyncKalturaServiceBase")
        if any(a.list_all for a in actions):
            imports.plain_from("collections.abc", "AsyncIterator")
        return views.ServiceView(
            cls_name,
            _doc(_describe(service.description, service.deprecated), 4),
            actions,
            async_class(cls_name),
        )

    def _action(
        self,
        service: ServiceDef,
        action: ActionDef,
        ann: Annotator,
        used: set[str],
        imports: _Imports,
        members: set[str],
    ) -> views.ActionView:
        for name in ("ActionSpec", "ParamSpec", "ResultSpec", "FieldKind"):
            imports.runtime(BASE_MODULE, name)
        param_specs: list[views.ParamSpecView] = []
        params: list[views.ParamView] = []
        for p in action.params:
            ref = type_ref(p.type)
            ref_text = ""
            if ref is not None or p.optional:
                ref_text = _lit(ref) if ref is not None else "None"
            if p.optional:
                imports.runtime(BASE_MODULE, "OPTIONAL")
            param_specs.append(
                views.ParamSpecView(_lit(p.name), field_kind(p.type), ref_text, p.optional)
            )
        # A required parameter after an optional one (a `validate` error; rendered anyway
        # when asked) cannot follow a default in Python: from the first optional one on,
        # every parameter gets a default.
        seen_optional = False
        for p in action.params:
            annotation = ann.value(p.type, used)
            default = python_default(p)
            seen_optional = seen_optional or p.optional
            if default is None and seen_optional:
                default = python_default(p, force_optional=True)
            if default is not None:
                if default.is_str and not _is_str_type(p.type):
                    annotation += f" | {ann.builtin('str')}"
                annotation += " | None"
                params.append(_param_view(naming.param_name(p.name), annotation, default.expr))
            else:
                params.append(_param_view(naming.param_name(p.name), annotation, ""))
        result = action.result
        kind = action.result_kind
        result_kind, result_ref = "", ""
        if result is not None and kind is ResultKind.FILE:
            result_kind = "FILE"
        elif result is not None:
            result_kind = field_kind(result)
            ref = type_ref(result)
            result_ref = _lit(ref) if ref is not None else ""
        returns = self._return_annotation(action, ann, used)
        text = _describe(action.description, action.deprecated)
        param_docs = [
            f":param {naming.param_name(p.name)}: {' '.join(p.description.split())}"
            for p in action.params
            if p.description.strip()
        ]
        raises = self._raises(action)
        if param_docs or raises:
            text = (text + "\n\n" if text else "") + "\n".join([*param_docs, *raises])
        warning = ""
        if action.deprecated or service.deprecated:
            warning = self._warning(f"{service.name}.{action.name} is deprecated", imports)
        imports.typing("cast as _cast")
        return views.ActionView(
            spec=self.plan.spec_name[(service.id, action.name)],
            service_id=_lit(service.id),
            action=_lit(action.name),
            param_specs=tuple(param_specs),
            result_kind=result_kind,
            result_ref=result_ref,
            multi_request=action.enable_in_multi_request,
            serve=kind is ResultKind.FILE,
            name=naming.service_attr(action.name),
            params=tuple(params),
            returns=returns,
            returns_literal=_lit(returns),
            doc=_doc(text, 8),
            warning=warning,
            args=tuple(naming.param_name(p.name) for p in action.params),
            list_all=self._list_all(service, action, raises, members, ann, imports),
        )

    def _list_all(
        self,
        service: ServiceDef,
        action: ActionDef,
        raises: list[str],
        members: set[str],
        ann: Annotator,
        imports: _Imports,
    ) -> views.ListAllView | None:
        item = paged_item(action)
        if item is None:
            return None
        name = naming.service_attr(action.name + LIST_ALL_SUFFIX)
        if name in members or PAGE_SIZE_PARAM in {naming.param_name(p.name) for p in action.params}:
            return None  # a real action has the name (a check() warning) or the option clashes
        imports.plain_from("collections.abc", "Iterator")
        imports.annotation(item)
        text = (
            f"Every result of `{naming.service_attr(action.name)}`, page after page.\n\n"
            "Past the 10,000-result window it switches from the pager to the createdAt "
            'cursor (see the README\'s "Pagination").\n\n'
            f":param {PAGE_SIZE_PARAM}: results per request (default: the pager's, else 500)"
        )
        if raises:
            text += "\n" + "\n".join(raises)
        return views.ListAllView(
            name, item, PAGE_SIZE_PARAM, f"{ann.builtin('int')} | None", _doc(text, 8)
        )

    def _raises(self, action: ActionDef) -> list[str]:
        """`:raises:` lines: the error codes the schema lists for the action."""
        codes = []
        for name in action.throws:
            error = self.schema.errors.get(name)
            code = error.code if error is not None and error.code else name
            if code not in codes:
                codes.append(code)
        if not codes:
            return []
        return [
            ":raises KalturaException: with code " + ", ".join(" ".join(c.split()) for c in codes)
        ]

    def _return_annotation(self, action: ActionDef, ann: Annotator, used: set[str]) -> str:
        result = action.result
        if result is None:
            return "None"
        if action.result_kind is ResultKind.FILE:
            return ann.builtin("str")
        return ann.value(result, used)

    # -- plugin namespace (client.<plugin>.<service>)

    def _namespace(self, module: _Module, imports: _Imports) -> views.NamespaceView:
        plugin = module.plugin or ""
        cls_name = _namespace_class(plugin)
        merged = self.plan.core_service_named(plugin)
        imports.annotation_from(CLIENT_BASE_MODULE, "KalturaClientBase")
        base = "PluginServicesProxy"
        taken: set[str] = set()
        if merged is None:
            imports.runtime(BASE_MODULE, base)
        else:
            base = self.plan.service_class[merged.id]
            imports.runtime(f"{PLUGINS}.Core", base)
            taken = {naming.service_attr(a.name) for a in merged.actions} | {"client", "setClient"}
        services: list[tuple[str, str]] = []
        for service in module.services:
            attr = naming.service_attr(service.name)
            if attr in taken:
                attr += "Service"
            attr = uniquify(attr, taken)
            services.append((attr, self.plan.service_class[service.id]))
        text = f"Services of the {plugin} plugin: `client.{plugin}.<service>`."
        if merged is not None:
            text += (
                f"\n\nThe plugin shares its name with the core service `{merged.name}`, so this "
                f"object is also that service (its actions are methods here)."
            )
        imports.annotation_from(AIO_MODULE, "AsyncKalturaClientBase")
        async_base = base
        if merged is not None:
            async_base = async_class(base)
            imports.runtime(f"{PLUGINS}.Core", async_base)
        return views.NamespaceView(
            cls_name,
            base,
            _doc(text, 4),
            tuple(services),
            async_class(cls_name),
            async_base,
            tuple((attr, async_class(cls)) for attr, cls in services),
        )

    # -- the client

    def _client(self) -> views.ClientView:
        imports = _Imports(f"{PACKAGE}.Client", self.plan)
        imports.runtime(CLIENT_BASE_MODULE, "KalturaClientBase")
        imports.runtime(AIO_MODULE, "AsyncKalturaClientBase")
        for name in CLIENT_MODULE_EXPORTS:
            imports.runtime(
                CLIENT_BASE_MODULE if name in CLIENT_RUNTIME_DEFINED else BASE_MODULE, name
            )
        imports.typing("ClassVar")
        imports.typing("cast as _cast")
        imports.plain_from("functools", "cached_property")
        configs = effective_configurations(self.schema)
        entries = [(e, "clientConfiguration") for e in configs.client] + [
            (e, "requestConfiguration") for e in configs.request
        ]
        taken: set[str] = set(naming.CLIENT_MEMBERS)
        for entry, _store in entries:
            for n in (entry.name, entry.alias):
                if n:
                    taken.add(naming.client_attr(f"set{naming.ucfirst(n)}"))
                    taken.add(naming.client_attr(f"get{naming.ucfirst(n)}"))
        plugin_names = [m.plugin for m in self.plan.modules.values() if m.plugin is not None]
        merged_plugins = {p for p in plugin_names if self.plan.core_service_named(p) is not None}
        accessors: list[views.ClientAccessorView] = []
        for service in self.schema.services.values():
            if service.plugin is not None or service.name in merged_plugins:
                continue  # a merged one is served by the plugin accessor
            attr = uniquify(naming.client_attr(service.name), taken)
            cls_name = self.plan.service_class[service.id]
            module = self.plan.service_module[service.id]
            imports.annotation_from(module, cls_name)
            warning = ""
            if service.deprecated:
                warning = self._warning(f"service {attr} is deprecated", imports)
            imports.annotation_from(module, async_class(cls_name))
            accessors.append(
                views.ClientAccessorView(
                    attr,
                    cls_name,
                    module,
                    _doc(first_line(service.description), 8),
                    warning,
                    async_class(cls_name),
                )
            )
        for plugin in plugin_names:
            attr = uniquify(naming.client_attr(plugin), taken)
            cls_name = _namespace_class(plugin)
            module = f"{PLUGINS}.{naming.module_name(plugin)}"
            imports.annotation_from(module, cls_name)
            imports.annotation_from(module, async_class(cls_name))
            accessors.append(
                views.ClientAccessorView(
                    attr,
                    cls_name,
                    module,
                    _doc(f"Services of the {plugin} plugin.", 8),
                    "",
                    async_class(cls_name),
                )
            )
        ann = Annotator(frozenset())
        used: set[str] = set()
        config_methods: list[views.ConfigMethodView] = []
        for entry, store in entries:
            annotation = ann.optional(entry.type, used)
            for n in (entry.name, entry.alias):
                if not n:
                    continue
                config_methods.append(
                    views.ConfigMethodView(
                        setter=naming.client_attr(f"set{naming.ucfirst(n)}"),
                        getter=naming.client_attr(f"get{naming.ucfirst(n)}"),
                        annotation=annotation,
                        annotation_literal=_lit(annotation),
                        store=store,
                        key=_lit(entry.name),
                        doc=(
                            _doc(first_line(entry.description), 8)
                            if entry.source is not DEFAULT_SOURCE
                            else ""
                        ),
                    )
                )
        for name in used:
            imports.annotation(name)
        top, checking = imports.lines()
        return views.ClientView(
            header=self.header,
            imports=tuple(top),
            checking_imports=tuple(checking),
            api_version=self.api_version,
            exports=tuple(
                _lit(n)
                for n in sorted(
                    ("API_VERSION", "AsyncKalturaClient", "KalturaClient", *CLIENT_MODULE_EXPORTS)
                )
            ),
            volatile=tuple(_lit(e.name) for e, _store in entries if e.volatile),
            accessors=tuple(accessors),
            config_methods=tuple(config_methods),
        )

    # -- registry, pyproject, readme

    def _registry(self) -> str:
        services = {
            self.plan.service_class[sid]: mod for sid, mod in self.plan.service_module.items()
        }
        services.update({async_class(name): mod for name, mod in list(services.items())})
        tables = [
            (name, [(_lit(k), _lit(v)) for k, v in sorted(items.items())])
            for name, items in (
                ("CLASS_MODULES", self.plan.class_module),
                ("ENUM_MODULES", self.plan.enum_module),
                ("SERVICE_MODULES", services),
            )
        ]
        return self._tpl("registry.py.jinja", header=self.header, tables=tables)

    def _pyproject(self) -> str:
        version = _pep440(self.schema.api_version)
        if self.meta.suffixes:
            version += "+" + ".".join(self.meta.suffixes)
        return self._tpl(
            "pyproject.toml.jinja",
            package_name=_toml_string(self.meta.name),
            license=_toml_string(self.meta.license) if self.meta.license else "",
            version=version,
            description=_toml_string(
                f"Kaltura API client (API version {self.schema.api_version}), "
                "generated by kaltura-codegen"
            ),
            dependencies=[_toml_string(d) for d in _runtime_dependencies()],
            line_length=100,
            target_version="py310",
        )

    def _readme(self) -> str:
        collisions = sorted(
            naming.comment(m.plugin)
            for m in self.plan.modules.values()
            if m.plugin and self.plan.core_service_named(m.plugin)
        )
        return self._tpl(
            "README.md.jinja",
            package_name=naming.comment(self.meta.name),
            api_version=naming.comment(self.schema.api_version),
            collisions=collisions,
            plugin_count=len(self.plan.modules) - 1,
            service_count=len(self.schema.services),
            action_count=sum(len(s.actions) for s in self.schema.services.values()),
            class_count=len(self.plan.class_module),
            enum_count=len(self.plan.enum_module),
        )


def _param_view(name: str, annotation: str, default: str) -> views.ParamView:
    """A parameter of an exploded signature (8 columns deep). black wraps a union
    annotation that overflows the line in parentheses, ruff keeps parentheses it is given
    but does not add them: given here, both formatters agree on the result."""
    tail = len(default) + 3 if default else 0
    if " | " in annotation and 8 + len(name) + 2 + len(annotation) + tail + 1 > LINE_LENGTH:
        annotation = f"({annotation})"
    return views.ParamView(name, annotation, default)


def _namespace_class(plugin: str) -> str:
    return f"{naming.module_name(plugin)}PluginServices"


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's)."""
    return json.dumps(text, ensure_ascii=True)


class _Imports:
    """Imports of one module: runtime imports (bases) and TYPE_CHECKING-only imports."""

    def __init__(self, module: str, layout: Plan) -> None:
        self.module = module
        self.plan = layout
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
        module = self.plan.module_of(name)
        if module is None:
            raise AssertionError(f"base class {name} is not generated")  # selection keeps bases
        self.runtime(module, name)

    def annotation(self, name: str) -> None:
        if name == ANY_OBJECT_NAME:
            self.runtime(BASE_MODULE, name)
            return
        if name == "IO":
            self.typing(name)
            return
        module = self.plan.module_of(name)
        if module is None:
            raise AssertionError(f"type {name} is not generated")  # selection keeps types
        self.annotation_from(module, name)

    def annotation_from(self, module: str, name: str) -> None:
        if module != self.module:
            self.checking_from.setdefault(module, set()).add(name)

    def lines(self) -> tuple[list[str], list[str]]:
        """(top-level import statements with blank-line groups as "", TYPE_CHECKING ones)."""
        stdlib = [f"import {name}" for name in sorted(self.plain_imports)]
        stdlib.extend(_from_import(m, self.from_plain[m]) for m in sorted(self.from_plain))
        checking = {
            m: names - self.runtime_from.get(m, set()) for m, names in self.checking_from.items()
        }
        checking = {m: n for m, n in checking.items() if n}
        typing_names = set(self.typing_names)
        if checking:
            typing_names.add("TYPE_CHECKING")
        if typing_names:
            plain = sorted(n for n in typing_names if " as " not in n)
            aliased = sorted(n for n in typing_names if " as " in n)
            stdlib.append(_from_import("typing", [*plain, *aliased]))
        stdlib.sort(key=lambda line: (0 if line.startswith("import ") else 1, line))
        top = list(stdlib)
        runtime = [
            _from_import(m, self.runtime_from[m])
            for m in sorted(self.runtime_from, key=_module_sort_key)
        ]
        if runtime and top:
            top.append("")
        top.extend(runtime)
        checking_lines = [
            _from_import(m, checking[m]) for m in sorted(checking, key=_module_sort_key)
        ]
        return top, checking_lines


ASYNC_PREFIX = "Async"
AIO_MODULE = f"{PACKAGE}._runtime.aio"


def async_class(sync_name: str) -> str:
    """`AsyncKaltura<X>Service` / `Async<Plugin>PluginServices` beside the sync class."""
    return ASYNC_PREFIX + sync_name


LIST_ALL_SUFFIX = "All"
# The keyword-only option every `<action>All` takes (a schema parameter of that name skips it).
PAGE_SIZE_PARAM = "page_size"


def paged_item(action: ActionDef) -> str | None:
    """The `objects` item class of a list action that takes a pager (`list`, `listByX`), whose
    results `<action>All` iterates; None when the action is not one (GENERATED_CONTRACT 4)."""
    name = action.name
    if not (name == "list" or (name.startswith("list") and name[4:5].isupper())):
        return None
    if not any(
        isinstance(p.type, ObjectType)
        and p.type.cls is not None
        and p.type.cls.name.endswith("Pager")
        for p in action.params
    ):
        return None
    result = action.result
    if not isinstance(result, ObjectType) or result.cls is None:
        return None
    for prop in result.cls.all_properties:
        if prop.name == "objects" and isinstance(prop.type, ArrayType):
            item = prop.type.item
            if isinstance(item, ObjectType) and item.cls is not None:
                return item.cls.name
    return None


def plugin_class_name(plugin: str) -> str:
    """The official registration class: `'Kaltura%sClientPlugin' % <module file name>`."""
    return f"Kaltura{naming.module_name(plugin)}ClientPlugin"


def _from_import(module: str, names: Iterable[str]) -> str:
    ordered = sorted(set(names), key=lambda n: (n.lower(), n))
    return f"from {module} import {', '.join(ordered)}"


def _module_sort_key(module: str) -> tuple[int, str]:
    order = {BASE_MODULE: 0, CLIENT_BASE_MODULE: 1, f"{PLUGINS}.Core": 2}
    return (order.get(module, 3), module)


def _property_doc(p: PropertyDef) -> str:
    """Getter docstring: the schema description plus the flags the server enforces."""
    text = p.description.strip()
    notes = property_notes(p)
    if notes:
        text = (text + "\n\n" if text else "") + "Server-side: " + ", ".join(notes) + "."
    return _describe(text, p.deprecated)


def _is_str_type(t: object) -> bool:
    return isinstance(t, PrimitiveType) and t.primitive is Primitive.STRING


def _pep440(version: str) -> str:
    if re.fullmatch(r"[0-9]+(\.[0-9]+)*", version):
        return version
    cleaned = re.sub(r"[^0-9.]", "", version).strip(".")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
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
