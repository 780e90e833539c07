"""What the Python templates lay out: one small frozen view per construct.

Every string in a view is already Python source made by `naming` (identifiers, literals,
docstrings, comments) or by `pytypes` (annotations); templates only place them. Views hold
no model objects, so a template cannot reach schema text that did not pass `naming`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AccessorView",
    "ActionView",
    "AssignView",
    "ClassView",
    "ClientAccessorView",
    "ClientView",
    "ConfigMethodView",
    "ConstView",
    "EnumView",
    "FieldSpecView",
    "ModuleView",
    "NamespaceView",
    "ParamSpecView",
    "ParamView",
    "ServiceView",
]


@dataclass(frozen=True, slots=True)
class ConstView:
    name: str  # identifier
    value: str  # literal


@dataclass(frozen=True, slots=True)
class EnumView:
    name: str
    base: str  # KalturaIntEnum / KalturaStringEnum
    doc: str  # docstring literal or ""
    consts: tuple[ConstView, ...]


@dataclass(frozen=True, slots=True)
class FieldSpecView:
    wire: str  # literal of the wire name
    attr: str  # literal of the attribute name
    kind: str  # FieldKind member
    ref: str  # literal of the referenced type, "None", or "" when neither ref nor flags
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AssignView:
    """`self.attr = param` in `__init__`, with the deprecation warning of the property."""

    attr: str
    param: str
    warning: str  # message literal or ""
    cast: str = ""  # literal of the attribute's declared type ("" = assigned as is)


@dataclass(frozen=True, slots=True)
class AccessorView:
    """`getX()` (and `setX()` unless read-only) of one property."""

    attr: str
    getter: str
    setter: str  # "" when read-only
    new_param: str
    annotation: str
    setter_annotation: str  # the same, as the setter's parameter annotation
    doc: str
    warning: str
    cast: str  # literal of the annotation when the runtime types the attribute `Any`
    store_cast: str = ""  # literal of the attribute's declared type for the setter


@dataclass(frozen=True, slots=True)
class ParamView:
    name: str
    annotation: str
    default: str  # "" = required


@dataclass(frozen=True, slots=True)
class ClassView:
    name: str
    base: str
    doc: str
    comment: str  # the schema name as comment text (for overrides: `# {{ c.comment }}`)
    type_literal: str
    str_type: str  # `str` or `builtins.str` when a member shadows the builtin
    tuple_type: str
    fields: tuple[FieldSpecView, ...]
    # class-level `attr: type` of the fields a response carries (first declaration only)
    declarations: tuple[tuple[str, str], ...]
    init_params: tuple[ParamView, ...]
    warning: str
    assigns: tuple[AssignView, ...]
    accessors: tuple[AccessorView, ...]


@dataclass(frozen=True, slots=True)
class ParamSpecView:
    wire: str
    kind: str
    ref: str  # literal, "None", or "" when neither ref nor optional
    optional: bool


@dataclass(frozen=True, slots=True)
class ActionView:
    spec: str  # module-level name of the ActionSpec
    service_id: str  # literal
    action: str  # literal of the wire action name
    param_specs: tuple[ParamSpecView, ...]
    result_kind: str  # FieldKind member, "" = no result
    result_ref: str  # literal or ""
    multi_request: bool
    serve: bool
    name: str  # method name
    params: tuple[ParamView, ...]
    returns: str
    returns_literal: str
    doc: str
    warning: str
    args: tuple[str, ...]
    list_all: ListAllView | None = None


@dataclass(frozen=True, slots=True)
class ListAllView:
    """`<action>All`: every result of a paged list action, as an iterator."""

    name: str
    item: str  # the `objects` item class
    option: str  # the keyword-only page size parameter
    option_annotation: str
    doc: str


@dataclass(frozen=True, slots=True)
class ServiceView:
    name: str
    doc: str
    actions: tuple[ActionView, ...]
    async_name: str = ""  # `AsyncKaltura<X>Service`: the same actions as `async def`


@dataclass(frozen=True, slots=True)
class NamespaceView:
    """`client.<plugin>`: the plugin's services as attributes (and maybe a core service)."""

    name: str
    base: str  # PluginServicesProxy, or the merged core service class
    doc: str
    services: tuple[tuple[str, str], ...]  # (attribute, service class)
    async_name: str = ""
    async_base: str = ""
    async_services: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class PluginClassView:
    """`Kaltura<Plugin>ClientPlugin` / `KalturaCoreClient`: the official registration class,
    as data (the runtime's `KalturaClientPlugin` resolves the names on call)."""

    name: str
    doc: str
    plugin_name: str  # literal
    services: tuple[tuple[str, str], ...]  # literals: (official accessor, service class)
    enums: tuple[str, ...]  # literals
    types: tuple[str, ...]  # literals


@dataclass(frozen=True, slots=True)
class ModuleView:
    header: tuple[str, ...]  # comment lines (text after `# `)
    doc: str
    imports: tuple[str, ...]  # top-level import statements, in order
    checking_imports: tuple[str, ...]  # under `if TYPE_CHECKING:`
    api_version: str  # literal
    all_names: tuple[str, ...]  # literals
    reexports: tuple[str, ...]  # literals of the modules star-imported by the official one
    enums: tuple[EnumView, ...]
    classes: tuple[ClassView, ...]
    services: tuple[ServiceView, ...]
    namespace: NamespaceView | None
    plugin_class: PluginClassView


@dataclass(frozen=True, slots=True)
class ClientAccessorView:
    attr: str
    cls: str
    module: str
    doc: str
    warning: str
    async_cls: str = ""


@dataclass(frozen=True, slots=True)
class ConfigMethodView:
    setter: str
    getter: str
    annotation: str
    annotation_literal: str
    store: str  # clientConfiguration / requestConfiguration
    key: str  # literal of the configuration name
    doc: str


@dataclass(frozen=True, slots=True)
class ClientView:
    header: tuple[str, ...]
    imports: tuple[str, ...]
    checking_imports: tuple[str, ...]
    api_version: str
    exports: tuple[str, ...]  # literals: `__all__`
    volatile: tuple[str, ...]  # literals
    accessors: tuple[ClientAccessorView, ...]
    config_methods: tuple[ConfigMethodView, ...]
