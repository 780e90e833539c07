"""The PHP target: a Composer package for PHP >= 8.1, drop-in for Kaltura's php53 client.

Layout (PSR-0 under `library/`, exactly the official package's class-to-file layout):

    composer.json, README.md, autoload.php          autoload.php: the bundled PSR-0 loader
    library/Kaltura/Client/*.php                     hand-written runtime (templates/php/runtime)
    library/Kaltura/Client/Client.php                generated: core service accessors, configs
    library/Kaltura/Client/TypeMap.php               generated: objectType -> class
    library/Kaltura/Client/{Type,Enum,Service}/X.php one file per class, enum and service
    library/Kaltura/Client/Plugin/<P>/...            the same per plugin, and <P>Plugin.php

Every decision (names, types, defaults, escaping) is made here and in `naming`; the
templates only lay text out. Problems the PHP names cannot survive (two schema names that
become one PHP class, case-insensitive clashes) are `check()` diagnostics.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.diagnostics import Diagnostic, Level
from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
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
    Source,
    Type,
)
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress
from generator.targets.php.naming import (
    ACTION_RULES,
    CLASS_RULES,
    ENUM_RULES,
    PARAM_RULES,
    PROPERTY_RULES,
    const_name,
    line_comment,
    php_string,
    phpdoc,
    scalar_php_type,
    short_name,
    ucfirst,
)
from generator.targets.shared.cache import cached_render
from generator.targets.shared.identifiers import comment_text
from generator.targets.shared.lowering import (
    DefaultKind,
    base_first,
    doc_text,
    effective_configurations,
    param_default,
)
from generator.targets.shared.package import package_meta, package_settings, version_parts
from generator.targets.shared.templating import environment, runtime_files, source_files

__all__ = ["TARGET", "PhpTarget", "class_map"]

DEFAULT_PACKAGE_NAME = "kaltura/api-client-library"
LIB = "library"
ROOT_NS = "Kaltura\\Client"
NULL_VALUE = "\\Kaltura\\Client\\NullValue"
SUB_RESULT = "\\Kaltura\\Client\\MultiRequestSubResult"
OBJECT_BASE = "\\Kaltura\\Client\\ObjectBase"
# Properties the runtime's ObjectBase declares itself, with their PHP type.
OBJECT_BASE_PROPERTIES = {"relatedObjects": "?array"}
# Client methods a configuration accessor must not replace (Base.php and Client.php).
CLIENT_METHODS = frozenset(
    m.lower()
    for m in [
        "__construct",
        "__get",
        "getConfig",
        "setConfig",
        "setClientConfiguration",
        "setRequestConfiguration",
        "addParam",
        "addArrayParam",
        "queueServiceActionCall",
        "doQueue",
        "call",
        "serveUrl",
        "startMultiRequest",
        "doMultiRequest",
        "isMultiRequest",
        "getMultiRequestQueueSize",
        "getMultiRequestResult",
        "generateSession",
        "generateSessionV2",
        "getKalturaNullValue",
        "getClientException",
        "getAPIException",
        "getResponseHeaders",
        "getServeUrl",
        "jsonEncode",
        "resetRequest",
        "log",
        "parse",
    ]
)
_COMPOSER_NAME = re.compile(r"[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*\Z")

TEMPLATE_CATALOG: Mapping[str, str] = {
    "class.php.j2": "one object class (library/Kaltura/Client/Type/<Name>.php)",
    "enum.php.j2": "one enum class of constants (library/Kaltura/Client/Enum/<Name>.php)",
    "service.php.j2": "one service with its actions (.../Service/<Name>Service.php)",
    "client.php.j2": "Kaltura\\Client\\Client: core service accessors and configuration setters",
    "plugin.php.j2": "one plugin class with its service accessors (Plugin/<P>/<P>Plugin.php)",
    "typemap.php.j2": "Kaltura\\Client\\TypeMap: objectType -> PHP class",
    "README.md.j2": "the generated package's README (naming rules, differences from php53)",
}

_SPEC_OF = {
    Primitive.INT.value: "i",
    Primitive.BIGINT.value: "s",  # as the official: a string, exact on every platform
    Primitive.FLOAT.value: "f",
    Primitive.BOOL.value: "b",
    Primitive.STRING.value: "s",
    Primitive.FILE.value: "s",
}

# Differences from the official php53 client, each with its reason (the README lists them,
# tests/php/test_surface.py and the wire harness allow exactly these).
DIFFERENCES: tuple[tuple[str, str], ...] = (
    (
        "Classes PHP 8 reserves are suffixed: `Type\\Object` is `Type\\ObjectType`",
        "the official file is a fatal error under PHP >= 7.2 (`Object` is reserved), so no "
        "code can use it",
    ),
    (
        "JSON responses by default (`Configuration::setFormat(Client::KALTURA_SERVICE_FORMAT_XML)` "
        "for XML)",
        "the official client throws for any format but XML; JSON parses about 3x faster",
    ),
    (
        "`clientTag` is `php8:kaltura-codegen`",
        "it names the client library that sends the request",
    ),
    (
        "An `objectType` that does not fit the declared class falls back to the declared "
        "class (an unknown one does in both clients)",
        "the official returns the unrelated class and then throws `Invalid object type`",
    ),
    (
        "Objects are not built by a constructor taking a `SimpleXMLElement` "
        "(`new MediaEntry($xml)`); `ParseUtils` builds them from JSON or XML",
        "one parser per format for every class instead of one XML constructor per class",
    ),
    (
        "`Base` has no `readHeader`, `jsObjectToClientObject`, `validateObjectType`, "
        "`setClientConfiguration`, `setRequestConfiguration`; `ServiceActionCall` no "
        "`parseParams`",
        "transport callbacks and checks the typed signatures make redundant; the configuration "
        "setters (`setClientTag`, `setKs`, ...) are generated from the schema",
    ),
    (
        "Enums (and one service) the official package writes as empty files are real classes",
        "the official generator leaves 83 files of ovp-22.19.0 without a class",
    ),
    (
        "`dropfolder.updateBasicFields` works",
        "the official package lacks the class `BasicFieldsDropFolder` the action takes",
    ),
    (
        "TLS certificates are always verified (`setVerifySSL(false)` is refused), a failed "
        "HTTP status is a `ClientException`, and neither the KS nor secrets nor response bodies "
        "reach the logger",
        "security: the official logs every request and response, KS included",
    ),
)


# ---------------------------------------------------------------- views for the templates


@dataclass
class PropertyView:
    name: str  # PHP property name
    wire: str
    decl: str  # PHP type declaration
    doc: str


@dataclass
class ClassView:
    name: str
    namespace: str
    base: str
    abstract: bool
    object_type: str  # PHP literal
    doc: str
    properties: list[PropertyView]
    kinds: list[str]  # `'wire' => ['php', 'spec']` lines
    hydrate: list[str]  # the `case` lines of fillFromJson, one per property
    hydrate_xml: list[str]  # the same for fillFromXml


@dataclass
class ParamView:
    name: str  # PHP variable name, without `$`
    wire: str  # PHP literal
    decl: str  # `type $name = default`
    kind: str  # scalar | object | array | file


@dataclass
class ActionView:
    method: str
    service: str  # PHP literal of the service id
    action: str  # PHP literal
    params: list[ParamView]
    returns: str
    doc: str
    serve: bool
    no_multi_request: bool
    result_spec: str  # PHP literal list for the runtime's parser


@dataclass
class ServiceView:
    name: str
    namespace: str
    doc: str
    actions: list[ActionView]


@dataclass
class AccessorView:
    method: str
    fqcn: str
    key: str  # PHP literal


@dataclass
class ConfigView:
    setter: str
    getter: str
    param: str  # the setter's parameter name (the official's: the configuration name)
    group: str  # clientConfiguration | requestConfiguration
    key: str  # PHP literal
    decl: str  # parameter type
    doc: str
    volatile: bool


@dataclass
class Names:
    """Every PHP name of one schema, decided once."""

    classes: dict[str, str] = field(default_factory=dict)  # schema name -> FQCN
    enums: dict[str, str] = field(default_factory=dict)
    services: dict[str, str] = field(default_factory=dict)  # service id -> FQCN
    plugins: dict[str, str] = field(default_factory=dict)  # plugin name -> FQCN
    sources: dict[str, Source] = field(default_factory=dict)  # FQCN -> where it comes from
    problems: list[Diagnostic] = field(default_factory=list)


def _plugin_ns(plugin: str | None) -> str:
    if plugin is None:
        return ROOT_NS
    return f"{ROOT_NS}\\Plugin\\{CLASS_RULES.escape(ucfirst(plugin))}"


def _error(source: Source, element: str, message: str) -> Diagnostic:
    return Diagnostic(Level.ERROR, source.file, source.line, element, message)


def _file_of(fqcn: str) -> str:
    """The PSR-0 path of a class: namespace separators and `_` in the class name are `/`."""
    namespace, _, name = fqcn.rpartition("\\")
    return f"{LIB}/{namespace.replace(chr(92), '/')}/{name.replace('_', '/')}.php"


def decide_names(schema: Schema) -> Names:
    names = Names()
    taken: dict[str, str] = {}  # lower-cased PSR-0 file -> element description

    def claim(fqcn: str, what: str, source: Source) -> None:
        path = _file_of(fqcn)
        short = fqcn.rpartition("\\")[2]
        if short.startswith("_") or short.endswith("_") or "__" in short:
            names.problems.append(
                _error(
                    source,
                    what,
                    f"the PHP class {fqcn} has an empty PSR-0 path segment ({path})",
                )
            )
        key = path.lower()
        if key in taken:
            names.problems.append(
                _error(
                    source,
                    what,
                    f"becomes the PHP class {fqcn}, as {taken[key]} does "
                    "(PHP class names and the files of the PSR-0 layout ignore case)",
                )
            )
        else:
            taken[key] = what
        names.sources[fqcn] = source

    for ns_kind, rules in (("Enum", ENUM_RULES),):
        for enum in schema.enums.values():
            fqcn = f"{_plugin_ns(enum.plugin)}\\{ns_kind}\\{rules.escape(short_name(enum.name))}"
            names.enums[enum.name] = fqcn
            claim(fqcn, f"enum {enum.name}", enum.source)
    for cls in schema.classes.values():
        fqcn = f"{_plugin_ns(cls.plugin)}\\Type\\{CLASS_RULES.escape(short_name(cls.name))}"
        names.classes[cls.name] = fqcn
        claim(fqcn, f"class {cls.name}", cls.source)
    for service in schema.services.values():
        fqcn = f"{_plugin_ns(service.plugin)}\\Service\\{ucfirst(service.name)}Service"
        names.services[service.id] = fqcn
        claim(fqcn, f"service {service.id}", service.source)
    for plugin in schema.plugins.values():
        ns = _plugin_ns(plugin.name)
        fqcn = f"{ns}\\{ns.rpartition(chr(92))[2]}Plugin"
        names.plugins[plugin.name] = fqcn
        claim(fqcn, f"plugin {plugin.name}", plugin.source)
    return names


# ---------------------------------------------------------------- rendering


def _split(fqcn: str) -> tuple[str, str]:
    namespace, _, name = fqcn.rpartition("\\")
    return namespace, name


class _Renderer:
    def __init__(self, schema: Schema, options: GenerateOptions, env: jinja2.Environment) -> None:
        self.schema = schema
        self.options = options
        self.env = env
        self.names = decide_names(schema)
        self.meta = package_meta(TARGET, options, DEFAULT_PACKAGE_NAME)
        self.header = (
            "// Generated by kaltura-codegen from a Kaltura API schema "
            f"(apiVersion {line_comment(schema.api_version)}). Do not edit."
        )
        self._kinds: dict[str, dict[str, str]] = {}
        self._templates: dict[str, jinja2.Template] = {}
        self._specs: dict[int, str] = {}
        self._spec_types: list[Type] = []
        # (id of the property, PHP name, json|xml) -> its hydrator `case` line
        self._cases: dict[tuple[int, str, str], str] = {}
        self._prop_names: dict[str, dict[str, str]] = {}

    def template(self, name: str) -> jinja2.Template:
        """Loaded once per render (Jinja would stat the file on every lookup)."""
        found = self._templates.get(name)
        if found is None:
            found = self._templates[name] = self.env.get_template(name)
        return found

    # -- types

    def class_ref(self, cls: ClassDef | None) -> str:
        return "\\" + self.names.classes[cls.name] if cls is not None else OBJECT_BASE

    def value_type(self, t: Type) -> tuple[str, str]:
        """(PHP type declaration without null, PHPDoc type)."""
        if isinstance(t, PrimitiveType):
            php = scalar_php_type(t)
            return php, php
        if isinstance(t, ObjectType):
            ref = self.class_ref(t.cls)
            return ref, ref
        if isinstance(t, ArrayType):
            return "array", f"array<int, {self.value_type(t.item)[1]}>"
        return "array", f"array<string, {self.value_type(t.value)[1]}>"

    def spec(self, t: Type) -> str:
        """The runtime's parse spec of a value: `s`, `i`, `f`, `b`, `o:Kaltura...`, `a:...`."""
        key = id(t)
        found = self._specs.get(key)
        if found is None:
            found = self._specs[key] = self._spec(t)
            self._spec_types.append(t)  # keeps `t` alive, so its id stays its own
        return found

    def _spec(self, t: Type) -> str:
        if isinstance(t, PrimitiveType):
            if t.enum is not None:
                return "i" if t.enum.kind is EnumKind.INT else "s"
            return _SPEC_OF[t.primitive.value]
        if isinstance(t, ObjectType):
            return "o:" + (t.cls.name if t.cls is not None else "")
        inner = t.item if isinstance(t, ArrayType) else t.value
        prefix = "a" if isinstance(t, ArrayType) else "m"
        sub = self.spec(inner)
        return f"{prefix}:{sub[2:] if sub.startswith('o:') else '=' + sub}"

    # -- classes

    def prop_names(self, cls: ClassDef) -> dict[str, str]:
        """wire name -> PHP property name for every property of `cls` (inherited first)."""
        cached = self._prop_names.get(cls.name)
        if cached is not None:
            return cached
        result = dict(self.prop_names(cls.base)) if cls.base is not None else {}
        for prop in cls.properties:
            if prop.name in result:
                continue
            name = PROPERTY_RULES.escape(prop.name)
            if prop.name in OBJECT_BASE_PROPERTIES and self.prop_decl(prop) != (
                OBJECT_BASE_PROPERTIES[prop.name]
            ):
                name += "_"
            taken = set(result.values())
            while name in taken:
                name += "_"
            result[prop.name] = name
        self._prop_names[cls.name] = result
        return result

    def prop_decl(self, prop: PropertyDef) -> str:
        php, _ = self.value_type(prop.type)
        if prop.read_only:
            return f"?{php}"
        return f"{php}|{NULL_VALUE}|null"

    def kinds(self, cls: ClassDef) -> dict[str, str]:
        """wire name -> the PHP line of `PROPERTIES` for every property of `cls`: the base's,
        then its own (a redeclared property keeps its place and takes the new type)."""
        cached = self._kinds.get(cls.name)
        if cached is not None:
            return cached
        names = self.prop_names(cls)
        result = dict(self.kinds(cls.base)) if cls.base is not None else {}
        for prop in cls.properties:
            result[prop.name] = (
                f"{php_string(prop.name)} => "
                f"[{php_string(names[prop.name])}, {php_string(self.spec(prop.type))}]"
            )
        self._kinds[cls.name] = result
        return result

    def case(self, prop: PropertyDef, name: str, fmt: str) -> str:
        """A hydrator line, made once per property (subclasses repeat their bases' lines)."""
        key = (id(prop), name, fmt)
        found = self._cases.get(key)
        if found is None:
            make = self.hydrate_case if fmt == "json" else self.hydrate_xml_case
            found = self._cases[key] = make(prop, name)
        return found

    def hydrate_case(self, prop: PropertyDef, name: str) -> str:
        """One `case` of the generated JSON hydrator: the value cast by its declared type.
        A `switch` over the response's keys compiles to a hash jump table; a generic loop
        over PROPERTIES costs several times more per field."""
        spec = self.spec(prop.type)
        target = f"$this->{name}"
        if spec in ("s", "i", "f"):
            cast = {"s": "string", "i": "int", "f": "float"}[spec]
            body = f"if (\\is_scalar($v)) {{ {target} = ({cast}) $v; }}"
        elif spec == "b":
            body = f"if ($v !== null) {{ {target} = \\Kaltura\\Client\\ParseUtils::toBool($v); }}"
        else:
            body = (
                f"if ($v !== null) {{ {target} = "
                f"\\Kaltura\\Client\\ParseUtils::fromJson($v, {php_string(spec)}); }}"
            )
        return f"case {php_string(prop.name)}: {body} break;"

    def hydrate_xml_case(self, prop: PropertyDef, name: str) -> str:
        """One `case` of the generated XML hydrator (as the official reads each element)."""
        spec = self.spec(prop.type)
        target = f"$this->{name}"
        if spec == "s":
            body = f"{target} = (string) $child;"
        elif spec in ("i", "f"):
            cast = "int" if spec == "i" else "float"
            body = f"{target} = ({cast}) (string) $child;"
        elif spec == "b":
            body = f"{target} = \\Kaltura\\Client\\ParseUtils::toBool((string) $child);"
        elif spec.startswith("o:"):
            body = (
                f"if ($child->count() > 0) {{ {target} = "
                f"\\Kaltura\\Client\\ParseUtils::fromXml($child, {php_string(spec)}); }}"
            )
        else:
            body = f"{target} = \\Kaltura\\Client\\ParseUtils::fromXml($child, {php_string(spec)});"
        return f"case {php_string(prop.name)}: {body} break;"

    def render_class(self, cls: ClassDef) -> tuple[str, str]:
        fqcn = self.names.classes[cls.name]
        namespace, name = _split(fqcn)
        names = self.prop_names(cls)
        inherited = set(self.prop_names(cls.base)) if cls.base is not None else set()
        props = []
        for prop in cls.properties:
            if prop.name in inherited:
                continue  # redeclared with the same type: the base declares it
            if prop.name in OBJECT_BASE_PROPERTIES and names[prop.name] == prop.name:
                continue  # ObjectBase declares it with this very type
            _, doc_type = self.value_type(prop.type)
            extra = [
                f"@var {doc_type}|null" if prop.read_only else f"@var {doc_type}|{NULL_VALUE}|null"
            ]
            if prop.read_only:
                extra.append("@readonly")
            if prop.insert_only:
                extra.append("@insertonly")
            if prop.deprecated:
                extra.append("@deprecated")
            props.append(
                PropertyView(
                    name=names[prop.name],
                    wire=prop.name,
                    decl=self.prop_decl(prop),
                    doc=phpdoc(prop.description, "    ", tuple(extra)),
                )
            )
        kinds = list(self.kinds(cls).values())
        hydrate = [self.hydrate_case(prop, names[prop.name]) for prop in cls.all_properties]
        hydrate_xml = [self.hydrate_xml_case(prop, names[prop.name]) for prop in cls.all_properties]
        if "relatedObjects" not in names:
            hydrate.append(
                "case 'relatedObjects': $this->relatedObjects = "
                "\\Kaltura\\Client\\ParseUtils::fromJson($v, 'm:KalturaListResponse'); break;"
            )
            hydrate_xml.append(
                "case 'relatedObjects': $this->relatedObjects = "
                "\\Kaltura\\Client\\ParseUtils::fromXml($child, 'm:KalturaListResponse'); break;"
            )
        extra_doc = ("@deprecated",) if cls.deprecated else ()
        view = ClassView(
            name=name,
            namespace=namespace,
            base=self.class_ref(cls.base) if cls.base is not None else OBJECT_BASE,
            abstract=cls.abstract,
            object_type=php_string(cls.name),
            doc=phpdoc(doc_text(cls.description), "", extra_doc),
            properties=props,
            kinds=kinds,
            hydrate=hydrate,
            hydrate_xml=hydrate_xml,
        )
        text = self.template("class.php.j2").render(header=self.header, c=view)
        return _file_of(fqcn), text

    def render_enum(self, enum: EnumDef) -> tuple[str, str]:
        fqcn = self.names.enums[enum.name]
        namespace, name = _split(fqcn)
        consts = []
        seen: set[str] = set()
        for const in enum.consts:
            cname = const_name(const.name)
            while cname.lower() in seen:
                cname += "_"
            seen.add(cname.lower())
            value = str(const.int_value) if enum.kind is EnumKind.INT else php_string(const.value)
            consts.append((cname, value))
        text = self.template("enum.php.j2").render(
            header=self.header,
            namespace=namespace,
            name=name,
            doc=phpdoc(doc_text(enum.description, enum.deprecated), ""),
            consts=consts,
        )
        return _file_of(fqcn), text

    # -- services

    def param_view(self, param: ParamDef, taken: set[str]) -> ParamView:
        name = PARAM_RULES.escape(param.name, taken)
        taken.add(name)
        default = param_default(param)
        t = param.type
        if param.is_file:
            kind = "file"
        elif isinstance(t, ObjectType):
            kind = "object"
        elif isinstance(t, (ArrayType, MapType)):
            kind = "array"
        else:
            kind = "scalar"
        php, _ = self.value_type(t)
        if kind == "scalar":
            php = f"{php}|{SUB_RESULT}|{NULL_VALUE}"
            if default.kind is DefaultKind.TEXT:
                php = f"{php}|string" if "string" not in php.split("|") else php
        elif kind == "object" and not default.required:
            php = f"{php}|{NULL_VALUE}"  # `name__null`: clears the value on the server
        if default.required:
            decl = f"{php} ${name}"
        else:
            literal = "null"
            if default.kind is DefaultKind.BOOL:
                literal = "true" if default.value else "false"
            elif default.kind in (DefaultKind.INT, DefaultKind.FLOAT):
                literal = (
                    repr(default.value) if default.kind is DefaultKind.FLOAT else str(default.value)
                )
                if literal in ("inf", "-inf", "nan"):
                    literal = "null"
                elif php.startswith("string|"):  # a bigint: a string, as the official sends it
                    literal = php_string(literal)
            elif default.kind in (DefaultKind.STRING, DefaultKind.TEXT) and kind == "scalar":
                literal = php_string(str(default.value))
            if literal == "null":
                decl = f"{php}|null ${name} = null" if "|" in php else f"?{php} ${name} = null"
            else:
                decl = f"{php} ${name} = {literal}"
        return ParamView(name=name, wire=php_string(param.name), decl=decl, kind=kind)

    def result_types(self, action: ActionDef) -> tuple[str, str, str]:
        """(PHP return declaration, PHPDoc return type, runtime spec literal)."""
        kind = action.result_kind
        if kind is ResultKind.FILE:
            return "string", "string", "''"
        if action.result is None:
            return f"?{SUB_RESULT}", f"null|{SUB_RESULT}", "''"
        php, doc = self.value_type(action.result)
        return f"{php}|{SUB_RESULT}", f"{doc}|{SUB_RESULT}", php_string(self.spec(action.result))

    def render_service(self, service: ServiceDef) -> tuple[str, str]:
        fqcn = self.names.services[service.id]
        namespace, name = _split(fqcn)
        actions = []
        methods: set[str] = set()
        for action in service.actions:
            method = ACTION_RULES.escape(action.name)
            while method.lower() in methods:
                method += "Action"
            methods.add(method.lower())
            taken: set[str] = set()
            params = [self.param_view(p, taken) for p in action.params]
            returns, doc_return, spec = self.result_types(action)
            extra = [f"@return {doc_return}"]
            for p, view in zip(action.params, params, strict=True):
                _, doc_type = self.value_type(p.type)
                if view.kind == "scalar":
                    doc_type += f"|{SUB_RESULT}|{NULL_VALUE}"
                extra.append(f"@param {doc_type}{'' if not p.optional else '|null'} ${view.name}")
            if action.deprecated:
                extra.append("@deprecated")
            actions.append(
                ActionView(
                    method=method,
                    service=php_string(service.id),
                    action=php_string(action.name),
                    params=params,
                    returns=returns,
                    doc=phpdoc(doc_text(action.description), "    ", tuple(extra)),
                    serve=action.result_kind is ResultKind.FILE,
                    no_multi_request=not action.enable_in_multi_request,
                    result_spec=spec,
                )
            )
        service_view = ServiceView(
            name=name,
            namespace=namespace,
            doc=phpdoc(doc_text(service.description, service.deprecated), ""),
            actions=actions,
        )
        text = self.template("service.php.j2").render(header=self.header, s=service_view)
        return _file_of(fqcn), text

    # -- client, plugins, type map

    def accessors(self, services: Iterable[ServiceDef]) -> list[AccessorView]:
        views = []
        seen: set[str] = set()
        for service in services:
            method = f"get{ucfirst(service.name)}Service"
            while method.lower() in seen or method.lower() in CLIENT_METHODS:
                method += "_"
            seen.add(method.lower())
            views.append(
                AccessorView(method, "\\" + self.names.services[service.id], php_string(service.id))
            )
        return views

    def render_client(self) -> str:
        core = sorted(
            (s for s in self.schema.services.values() if s.plugin is None), key=lambda s: s.name
        )
        configs = effective_configurations(self.schema)
        views = []
        seen = set(CLIENT_METHODS)
        for group, entries in (
            ("clientConfiguration", configs.client),
            ("requestConfiguration", configs.request),
        ):
            for entry in entries:
                for alias in (entry.name, entry.alias) if entry.alias else (entry.name,):
                    setter, getter = f"set{ucfirst(alias)}", f"get{ucfirst(alias)}"
                    while setter.lower() in seen or getter.lower() in seen:
                        setter, getter = setter + "_", getter + "_"
                    seen |= {setter.lower(), getter.lower()}
                    php, _doc_type = self.value_type(entry.type)
                    views.append(
                        ConfigView(
                            setter=setter,
                            getter=getter,
                            param=PARAM_RULES.escape(alias),
                            group=group,
                            key=php_string(entry.name),
                            decl=php,
                            doc=phpdoc(entry.description, "    "),
                            volatile=entry.volatile,
                        )
                    )
        return self.template("client.php.j2").render(
            header=self.header,
            accessors=self.accessors(core),
            configs=views,
            api_version=php_string(self.schema.api_version),
        )

    def render_plugin(self, plugin_name: str) -> tuple[str, str]:
        fqcn = self.names.plugins[plugin_name]
        namespace, name = _split(fqcn)
        services = [s for s in self.schema.services.values() if s.plugin == plugin_name]
        text = self.template("plugin.php.j2").render(
            header=self.header,
            namespace=namespace,
            name=name,
            plugin=php_string(plugin_name),
            accessors=self.accessors(services),
        )
        return _file_of(fqcn), text

    def render_typemap(self) -> str:
        entries = [
            (php_string(schema_name), php_string(fqcn))
            for schema_name, fqcn in sorted(self.names.classes.items())
        ]
        return self.template("typemap.php.j2").render(header=self.header, entries=entries)

    def composer_json(self) -> str:
        parts = version_parts(self.schema.api_version) or ["0"]
        version = ".".join([*parts, "0", "0"][:3])
        if self.meta.suffixes:
            version += "-" + ".".join(self.meta.suffixes)
        manifest: dict[str, object] = {
            "name": self.meta.name,
            "description": (
                f"Kaltura API client for PHP 8.1+ (API {self.schema.api_version}); "
                "generated by kaltura-codegen"
            ),
            "version": version,
            "type": "library",
            "keywords": ["kaltura", "api", "client"],
            "require": {"php": ">=8.1", "ext-curl": "*", "ext-json": "*"},
            "suggest": {"ext-simplexml": "to read XML responses (JSON is the default)"},
            "autoload": {"psr-0": {"Kaltura": LIB}},
        }
        if self.meta.license:
            manifest["license"] = self.meta.license
        return json.dumps(manifest, indent=4) + "\n"

    def readme(self, counts: Mapping[str, int]) -> str:
        return self.env.get_template("README.md.j2").render(
            api_version=comment_text(self.schema.api_version),
            package_name=self.meta.name,
            counts=counts,
            differences=DIFFERENCES,
            sample=self.meta.sample,
        )


def _check_params(schema: Schema) -> list[Diagnostic]:
    problems = []
    for service, action in schema.actions:
        seen: set[str] = set()
        for param in action.params:
            key = param.name
            if key in seen:
                problems.append(
                    _error(
                        param.source,
                        f"action {service.id}.{action.name}",
                        f"parameter {param.name} is declared twice",
                    )
                )
            seen.add(key)
    return problems


class PhpTarget:
    name = "php"
    description = "Composer package: typed PHP 8.1+, drop-in for Kaltura's php53 client"
    settings: tuple[Setting, ...] = package_settings(
        _COMPOSER_NAME, "a Composer package name (vendor/name, lower case)"
    )
    templates = TEMPLATE_CATALOG

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        return decide_names(schema).problems + _check_params(schema)

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        code = source_files(self.name, Path(__file__).resolve().parent)
        return cached_render(
            self.name,
            schema,
            options,
            code,
            lambda: self._render(schema, options, progress),
            progress,
        )

    def _render(
        self, schema: Schema, options: GenerateOptions, progress: Progress
    ) -> RenderedFiles:
        env = environment(self.name, options.templates)
        renderer = _Renderer(schema, options, env)
        files: RenderedFiles = runtime_files(self.name)
        total = len(schema.enums) + len(schema.classes) + len(schema.services)

        def put(path: str, text: str) -> None:
            files[path] = text.encode("utf-8")

        for enum in schema.enums.values():
            put(*renderer.render_enum(enum))
        progress(len(schema.enums), total, "enums")
        for cls in base_first(schema.classes.values()):
            put(*renderer.render_class(cls))
        progress(len(schema.enums) + len(schema.classes), total, "classes")
        for service in schema.services.values():
            put(*renderer.render_service(service))
        progress(total, total, "services")
        for plugin in schema.plugins:
            put(*renderer.render_plugin(plugin))
        put(f"{LIB}/Kaltura/Client/Client.php", renderer.render_client())
        put(f"{LIB}/Kaltura/Client/TypeMap.php", renderer.render_typemap())
        put("composer.json", renderer.composer_json())
        counts = {
            "enums": len(schema.enums),
            "classes": len(schema.classes),
            "services": len(schema.services),
            "actions": sum(len(s.actions) for s in schema.services.values()),
            "plugins": len(schema.plugins),
        }
        put("README.md", renderer.readme(counts))
        return files


TARGET = PhpTarget()


def class_map(schema: Schema) -> dict[str, str]:
    """Schema class/enum/service name -> PHP class (for tools and tests)."""
    names = decide_names(schema)
    return {
        **names.classes,
        **names.enums,
        **{f"service:{k}": v for k, v in names.services.items()},
    }
