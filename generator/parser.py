"""Read a Kaltura XML schema (`KalturaClient.xml`) into the model, with diagnostics.

Three layers: `_screen`/`_parse_xml` make the bytes safe XML (no DTD ever, any
encoding) and refuse unusable input with `SchemaLoadError`; `_Reader` reads the
sections in dependency order (enums, class headers, errors, classes, services,
plugins, configurations), reports every problem local to an element (missing or
malformed attributes, unknown attributes/elements, duplicates, invalid identifiers)
and links names into references (types, enums, bases, plugins), reporting what does
not resolve; `generator.validate` then checks the finished model as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from lxml import etree

from generator.diagnostics import Diagnostic, Level, SchemaLoadError
from generator.model import (
    ANY_OBJECT_NAME,
    MAX_NAME_LENGTH,
    ActionDef,
    ArrayType,
    ClassDef,
    ConfigEntry,
    Configurations,
    EnumConst,
    EnumDef,
    EnumKind,
    ErrorDef,
    ExtraElement,
    MapType,
    ObjectType,
    ParamDef,
    PluginDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    Schema,
    ServiceDef,
    SessionRequirement,
    Source,
    Type,
)
from generator.validate import validate_schema

__all__ = ["ParseResult", "parse_bytes"]

ROOT_TAG = "xml"

_PRIMITIVES = {p.value: p for p in Primitive}
_SECTION_TAGS = ("enums", "classes", "services", "plugins", "errors", "configurations")

# Attributes each element may carry; anything else is kept in `extra_attributes` and
# reported as a warning (newer servers add attributes; that must never break us).
_KNOWN_ATTRIBUTES: dict[str, frozenset[str]] = {
    "xml": frozenset({"apiVersion", "generatedDate"}),
    "enum": frozenset({"name", "enumType", "plugin", "deprecated", "description"}),
    "const": frozenset({"name", "value", "description"}),
    "class": frozenset(
        {"name", "base", "abstract", "plugin", "deprecated", "requiresPermissions", "description"}
    ),
    "property": frozenset(
        {
            "name",
            "type",
            "arrayType",
            "enumType",
            "valuesEnumType",
            "readOnly",
            "insertOnly",
            "writeOnly",
            "nullable",
            "isTime",
            "multiLingual",
            "deprecated",
            "description",
            "minValue",
            "maxValue",
            "minLength",
            "maxLength",
            "valuesMinValue",
            "utf8truncate",
            "requiresPermissions",
        }
    ),
    "service": frozenset({"id", "name", "plugin", "deprecated", "description"}),
    "action": frozenset(
        {
            "name",
            "description",
            "enableInMultiRequest",
            "sessionRequired",
            "deprecated",
            "actionAlias",
            "beta",
            "plugin",
            "supportedRequestFormats",
            "supportedResponseFormats",
        }
    ),
    "param": frozenset(
        {"name", "type", "arrayType", "enumType", "optional", "default", "description"}
    ),
    "result": frozenset({"type", "arrayType"}),
    "throws": frozenset({"name"}),
    "plugin": frozenset({"name"}),
    "pluginService": frozenset({"name"}),
    "dependency": frozenset({"pluginName"}),
    "error": frozenset({"name", "code", "message", "description"}),
    "parameter": frozenset({"name"}),
    "config": frozenset({"type", "alias", "volatile", "description"}),
    "section": frozenset(),
}
_KNOWN_CHILDREN: dict[str, frozenset[str]] = {
    "enum": frozenset({"const"}),
    "class": frozenset({"property"}),
    "service": frozenset({"action"}),
    "action": frozenset({"param", "result", "throws"}),
    "plugin": frozenset({"pluginService", "dependency"}),
    "error": frozenset({"parameter"}),
}
_SESSION_VALUES = {s.value: s for s in SessionRequirement}
_NO_EXTRAS: Mapping[str, str] = MappingProxyType({})  # shared, read-only


@dataclass
class ParseResult:
    schema: Schema | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def parse_bytes(data: bytes, file_name: str) -> ParseResult:
    """Parse schema bytes. Raises `SchemaLoadError` when the input is unusable."""
    root = _parse_xml(data, file_name)
    reader = _Reader(file_name)
    schema = reader.read(root)
    diagnostics = [*reader.diagnostics, *validate_schema(schema)]
    # Compiler order: by line, then as found (sorted() is stable).
    diagnostics = sorted(diagnostics, key=lambda d: d.line)
    return ParseResult(schema, diagnostics)


# --------------------------------------------------------------------------- XML layer

_DOCTYPE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DOCTYPE_BYTES = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DECLARATION = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']")
_ENCODING_ATTR = re.compile(r"encoding\s*=\s*[\"'][^\"']*[\"']")

# Byte signatures of encodings that are not ASCII-compatible (XML 1.0 appendix F).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # EBCDIC "<?xm"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1"})

_REFUSED = (
    "DOCTYPE and ENTITY declarations are not allowed (external entities and "
    "entity expansion are refused for safety)"
)


def _unusable(file_name: str, line: int, message: str) -> SchemaLoadError:
    return SchemaLoadError(Diagnostic(Level.ERROR, file_name, line, "", message))


def _screen(data: bytes, file_name: str) -> bytes:
    """Refuse any DTD before libxml2 sees it; return bytes lxml may safely parse.

    libxml2 substitutes internal entities in attribute values even with
    `resolve_entities=False`, so the only safe DTD is none. The check must see the
    text as libxml2 will: documents in encodings that are not ASCII-compatible
    (UTF-16, UTF-32, EBCDIC, or any declared exotic encoding) are decoded first,
    checked, and handed to lxml re-encoded as UTF-8.
    """
    encoding = next((enc for sig, enc in _SIGNATURES if data.startswith(sig)), None)
    if encoding is None:
        declared = _DECLARATION.match(data.lstrip(b"\xef\xbb\xbf"))
        name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        if name in _ASCII_COMPATIBLE:
            match = _DOCTYPE_BYTES.search(data)
            if match is not None:
                raise _unusable(file_name, data.count(b"\n", 0, match.start()) + 1, _REFUSED)
            return data
        encoding = name
    try:
        text = data.decode(encoding)
    except LookupError:
        raise _unusable(file_name, 1, f"unsupported encoding '{encoding}'") from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _unusable(file_name, line, f"malformed XML: bytes are not valid {encoding}") from None
    text = text.lstrip("\ufeff")
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # UTF-7 and friends can spell code points XML cannot hold
        raise _unusable(
            file_name,
            text.count("\n", 0, surrogate.start()) + 1,
            f"malformed XML: the {encoding} text decodes to a lone surrogate "
            f"(U+{ord(surrogate.group()):04X}), which is not a character",
        )
    found = _DOCTYPE.search(text)
    if found is not None:
        raise _unusable(file_name, text.count("\n", 0, found.start()) + 1, _REFUSED)
    if text.startswith("<?xml"):
        end = text.find("?>")
        if end > 0:
            text = _ENCODING_ATTR.sub('encoding="UTF-8"', text[:end], count=1) + text[end:]
    return text.encode("utf-8")


def screen_xml(data: bytes, source: str) -> bytes:
    """The DTD screen of schema parsing, for other readers of untrusted XML (serve's
    request bodies): decode, refuse DOCTYPE / ENTITY, return UTF-8 bytes for lxml."""
    return _screen(data, source)


def _parse_xml(data: bytes, file_name: str) -> etree._Element:
    if not data.strip():
        raise _unusable(file_name, 0, "the schema is empty")
    data = _screen(data, file_name)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        message = exc.msg or str(exc)
        # libxml2 appends ", line N, column M"; the location is already in front.
        message = re.sub(r",? line \d+, column \d+$", "", message)
        # libxml2's advice names a C flag; say what it means for a schema instead.
        message = message.replace(", use XML_PARSE_HUGE option", " (nesting limit)")
        raise _unusable(file_name, line, f"malformed XML: {message}") from None
    if root.getroottree().docinfo.internalDTD is not None:  # belt and braces
        raise _unusable(file_name, 1, _REFUSED)
    if root.tag != ROOT_TAG:
        raise _unusable(
            file_name,
            _line(root),
            f"wrong root element <{root.tag}>: "
            f"a Kaltura schema starts with <{ROOT_TAG} apiVersion=...>",
        )
    return root


# ---------------------------------------------------------------------- reading pass

T = TypeVar("T")


@dataclass
class _RawType:
    """A type as written: resolved by the linker once every name is known."""

    type: str
    array_type: str | None
    enum_type: str | None
    source: Source
    element: str


@dataclass
class _PendingClass:
    name: str
    base: str | None
    element: etree._Element
    source: Source


class _Reader:
    def __init__(self, file_name: str) -> None:
        self.file = file_name
        self.diagnostics: list[Diagnostic] = []
        self.enums: dict[str, EnumDef] = {}
        self.classes: dict[str, ClassDef] = {}
        # Unknown sections and unknown elements directly inside sections.
        self.schema_extras: list[ExtraElement] = []

    # -- diagnostics helpers

    def _src(self, el: etree._Element) -> Source:
        return Source(self.file, _line(el))

    def error(self, el: etree._Element | Source, element: str, message: str) -> None:
        self._report(Level.ERROR, el, element, message)

    def warn(self, el: etree._Element | Source, element: str, message: str) -> None:
        self._report(Level.WARNING, el, element, message)

    def _report(
        self, level: Level, el: etree._Element | Source, element: str, message: str
    ) -> None:
        line = el.line if isinstance(el, Source) else _line(el)
        self.diagnostics.append(Diagnostic(level, self.file, line, element, message))

    def _extras(self, el: etree._Element, kind: str, label: str) -> Mapping[str, str]:
        known = _KNOWN_ATTRIBUTES[kind]
        if known.issuperset(el.keys()):  # the common case, without building pairs
            return _NO_EXTRAS
        extras = {str(k): str(v) for k, v in el.attrib.items() if k not in known}
        for key in extras:
            self.warn(el, label, f"unknown attribute '{key}' kept but not understood")
        return extras

    def _children(
        self, el: etree._Element, kind: str, label: str
    ) -> tuple[list[etree._Element], tuple[ExtraElement, ...]]:
        """Known children, and the unknown ones kept as `ExtraElement`s (with a warning)."""
        known = _KNOWN_CHILDREN.get(kind, frozenset())
        kept = []
        extras: list[ExtraElement] = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag in known:
                kept.append(child)
            else:
                extras.append(self._extra_element(child, label))
        return kept, tuple(extras)

    def _leaf_extras(self, el: etree._Element, label: str) -> tuple[ExtraElement, ...]:
        """Children of an element that should have none (property, param, ...)."""
        if len(el) == 0:
            return ()
        return tuple(
            self._extra_element(child, label) for child in el if isinstance(child.tag, str)
        )

    def _extra_element(
        self, child: etree._Element, label: str, what: str = "element"
    ) -> ExtraElement:
        self.warn(child, label, f"unknown {what} <{child.tag}> kept but not understood")
        xml = etree.tostring(child, encoding="unicode", with_tail=False)
        attributes = {str(k): str(v) for k, v in child.attrib.items()}
        return ExtraElement(str(child.tag), attributes, xml, self._src(child))

    def _required(self, el: etree._Element, attr: str, label: str) -> str | None:
        value = el.get(attr)
        if value is None or value == "":
            self.error(el, label, f"missing required attribute '{attr}'")
            return None
        return value

    def _flag(self, el: etree._Element, attr: str, label: str, default: bool = False) -> bool:
        value = el.get(attr)
        if value is None or value == "":
            return default
        if value in ("1", "true"):
            return True
        if value in ("0", "false"):
            return False
        self.error(el, label, f"attribute '{attr}' must be 0 or 1, not '{value}'")
        return default

    def _int(self, el: etree._Element, attr: str, label: str) -> int | None:
        value = el.get(attr)
        if value is None or value == "":
            return None
        try:
            return int(value)
        except ValueError:
            self.error(el, label, f"attribute '{attr}' must be an integer, not '{value}'")
            return None

    @staticmethod
    def _list(value: str | None) -> tuple[str, ...]:
        if not value:
            return ()
        return tuple(part.strip() for part in value.split(",") if part.strip())

    @staticmethod
    def _text(value: str | None) -> str:
        # CR/LF from Windows-made schemas: XML already folds CRLF, but `&#13;` survives.
        return (value or "").replace("\r\n", "\n").replace("\r", "\n")

    def _unique(
        self, seen: dict[str, T], name: str, item: T, el: etree._Element, label: str, what: str
    ) -> bool:
        if name in seen:
            first = seen[name]
            where = getattr(first, "source", None)
            at = f" (first defined at line {where.line})" if isinstance(where, Source) else ""
            self.error(el, label, f"duplicate {what} '{name}'{at}")
            return False
        seen[name] = item
        return True

    # -- the document

    def read(self, root: etree._Element) -> Schema:
        self._extras(root, "xml", "schema")
        api_version = root.get("apiVersion")
        if not api_version:
            self.error(root, "schema", "missing required attribute 'apiVersion'")
            api_version = ""
        generated_date = self._int(root, "generatedDate", "schema")

        sections: dict[str, etree._Element] = {}
        for child in root:
            if not isinstance(child.tag, str):
                continue
            if child.tag not in _SECTION_TAGS:
                self.schema_extras.append(self._extra_element(child, "schema", "section"))
            elif child.tag in sections:
                self.error(child, "schema", f"duplicate section <{child.tag}>")
            else:
                sections[child.tag] = child

        self._read_enums(sections.get("enums"))
        pending = self._read_class_headers(sections.get("classes"))
        errors = self._read_errors(sections.get("errors"))
        self._build_classes(pending)
        services = self._read_services(sections.get("services"), errors)
        plugins = self._read_plugins(sections.get("plugins"), services)
        configurations = self._read_configurations(sections.get("configurations"))
        self._check_plugin_names(services, plugins)
        return Schema(
            api_version=api_version,
            generated_date=generated_date,
            source_file=self.file,
            enums=self.enums,
            classes=self.classes,
            services=services,
            plugins=plugins,
            errors=errors,
            configurations=configurations,
            extra_attributes={
                str(k): str(v) for k, v in root.attrib.items() if k not in _KNOWN_ATTRIBUTES["xml"]
            },
            extra_elements=tuple(self.schema_extras),
        )

    # -- enums

    def _read_enums(self, section: etree._Element | None) -> None:
        if section is None:
            return
        for el in self._section_children(section, "enum"):
            name = self._required(el, "name", "enum")
            label = f"enum {name}"
            if name is None:
                continue
            self._identifier(el, label, name)
            kind_text = el.get("enumType", "int")
            try:
                kind = EnumKind(kind_text)
            except ValueError:
                self.error(el, label, f"enumType must be 'int' or 'string', not '{kind_text}'")
                kind = EnumKind.STRING
            consts: dict[str, EnumConst] = {}
            const_elements, enum_extras = self._children(el, "enum", label)
            for c in const_elements:
                cname = self._required(c, "name", f"{label} const")
                value = c.get("value")
                if value is None:
                    self.error(c, label, f"const {cname}: missing required attribute 'value'")
                    continue
                if cname is None:
                    continue
                const_extras = self._extras(c, "const", f"{label}.{cname}")
                self._identifier(c, f"{label}.{cname}", cname, allow_leading_digit=True)
                if kind is EnumKind.INT and not _is_int(value):
                    self.error(c, label, f"const {cname}: value '{value}' is not an integer")
                const = EnumConst(
                    cname,
                    value,
                    self._src(c),
                    const_extras,
                    self._leaf_extras(c, f"{label}.{cname}"),
                )
                self._unique(consts, cname, const, c, label, "const")
            enum = EnumDef(
                name=name,
                kind=kind,
                consts=tuple(consts.values()),
                plugin=el.get("plugin") or None,
                deprecated=self._flag(el, "deprecated", label),
                description=self._text(el.get("description")),
                source=self._src(el),
                extra_attributes=self._extras(el, "enum", label),
                extra_elements=enum_extras,
            )
            self._unique(self.enums, name, enum, el, label, "enum")

    def _section_children(self, section: etree._Element, tag: str) -> list[etree._Element]:
        kept = []
        for child in section:
            if not isinstance(child.tag, str):
                continue
            if child.tag == tag:
                kept.append(child)
            else:
                self.schema_extras.append(self._extra_element(child, f"<{section.tag}>"))
        return kept

    def _identifier(
        self, el: etree._Element, label: str, name: str, *, allow_leading_digit: bool = False
    ) -> None:
        pattern = _CONST_NAME if allow_leading_digit else _IDENTIFIER
        if len(name) > MAX_NAME_LENGTH:
            self.error(
                el,
                label[:80],
                f"name is {len(name)} characters long; at most {MAX_NAME_LENGTH} are allowed",
            )
        elif not pattern.fullmatch(name):
            self.error(el, label, f"'{name}' is not a valid identifier")

    # -- classes

    def _read_class_headers(self, section: etree._Element | None) -> dict[str, _PendingClass]:
        pending: dict[str, _PendingClass] = {}
        if section is None:
            return pending
        for el in self._section_children(section, "class"):
            name = self._required(el, "name", "class")
            if name is None:
                continue
            label = f"class {name}"
            self._identifier(el, label, name)
            if name in self.enums:
                self.error(el, label, f"name '{name}' is already used by an enum")
            item = _PendingClass(name, el.get("base") or None, el, self._src(el))
            self._unique(pending, name, item, el, label, "class")
        return pending

    def _build_classes(self, pending: dict[str, _PendingClass]) -> None:
        # Resolve bases first, breaking cycles, so classes can be built base-before-derived.
        bases: dict[str, str | None] = {}
        for item in pending.values():
            base = item.base
            if base is not None and base not in pending:
                if base == ANY_OBJECT_NAME:
                    base = None
                else:
                    self.error(
                        item.element, f"class {item.name}", f"base class {base} is not defined"
                    )
                    base = None
            bases[item.name] = base
        for name in pending:
            chain = [name]
            current = bases[name]
            while current is not None:
                if current == name:
                    cycle = " -> ".join([*chain, name])
                    self.error(
                        pending[name].element, f"class {name}", f"inheritance cycle: {cycle}"
                    )
                    bases[name] = None
                    break
                if current in chain:
                    break  # a cycle elsewhere; reported when its own members are visited
                chain.append(current)
                current = bases[current]

        # Properties may point at any class, so every ClassDef exists before any type is
        # resolved: create them empty, resolve, then fill `properties` in place.
        for item in pending.values():
            self.classes[item.name] = self._class_shell(item)
        for name, base in bases.items():
            if base is not None:
                object.__setattr__(self.classes[name], "base", self.classes[base])
        for item in pending.values():
            cls = self.classes[item.name]
            props, extras = self._read_properties(item.element, f"class {item.name}")
            object.__setattr__(cls, "properties", props)
            object.__setattr__(cls, "extra_elements", extras)

    def _class_shell(self, item: _PendingClass) -> ClassDef:
        el, label = item.element, f"class {item.name}"
        return ClassDef(
            name=item.name,
            base=None,
            abstract=self._flag(el, "abstract", label),
            plugin=el.get("plugin") or None,
            deprecated=self._flag(el, "deprecated", label),
            requires_permissions=self._list(el.get("requiresPermissions")),
            description=self._text(el.get("description")),
            properties=(),
            source=item.source,
            extra_attributes=self._extras(el, "class", label),
        )

    def _read_properties(
        self, el: etree._Element, label: str
    ) -> tuple[tuple[PropertyDef, ...], tuple[ExtraElement, ...]]:
        props: dict[str, PropertyDef] = {}
        elements, extras = self._children(el, "class", label)
        for p in elements:
            name = self._required(p, "name", f"{label} property")
            type_text = self._required(
                p, "type", f"{label}.{name}" if name else f"{label} property"
            )
            if name is None or type_text is None:
                continue
            plabel = f"{label}.{name}"
            self._identifier(p, plabel, name)
            values_enum = None
            values_enum_name = p.get("valuesEnumType")
            if values_enum_name:
                values_enum = self.enums.get(values_enum_name)
                if values_enum is None:
                    # Only a hint for the comma-separated values (ott-5.3.7 names a missing
                    # one), so it cannot break a client: a warning, not an error.
                    self.warn(p, plabel, f"valuesEnumType {values_enum_name} is not defined")
            prop = PropertyDef(
                name=name,
                type=self.resolve_type(
                    _RawType(type_text, p.get("arrayType"), p.get("enumType"), self._src(p), plabel)
                ),
                description=self._text(p.get("description")),
                read_only=self._flag(p, "readOnly", plabel),
                insert_only=self._flag(p, "insertOnly", plabel),
                write_only=self._flag(p, "writeOnly", plabel),
                nullable=self._flag(p, "nullable", plabel),
                is_time=self._flag(p, "isTime", plabel),
                multi_lingual=self._flag(p, "multiLingual", plabel),
                deprecated=self._flag(p, "deprecated", plabel),
                values_enum=values_enum,
                min_value=self._int(p, "minValue", plabel),
                max_value=self._int(p, "maxValue", plabel),
                min_length=self._int(p, "minLength", plabel),
                max_length=self._int(p, "maxLength", plabel),
                values_min_value=self._int(p, "valuesMinValue", plabel),
                utf8_truncate=self._int(p, "utf8truncate", plabel),
                requires_permissions=self._list(p.get("requiresPermissions")),
                source=self._src(p),
                extra_attributes=self._extras(p, "property", plabel),
                extra_elements=self._leaf_extras(p, plabel),
            )
            self._unique(props, name, prop, p, label, "property")
        return tuple(props.values()), extras

    # -- types

    def resolve_type(self, raw: _RawType) -> Type:
        """Turn `type` / `arrayType` / `enumType` spellings into a resolved `Type`."""
        if raw.type in ("array", "map"):
            if not raw.array_type:
                self.error(raw.source, raw.element, f"type '{raw.type}' needs an arrayType")
                item: Type = ObjectType(None)
            else:
                item = self._named_type(raw.array_type, None, raw, "arrayType")
            return ArrayType(item) if raw.type == "array" else MapType(item)
        if raw.array_type:
            self.warn(
                raw.source,
                raw.element,
                f"arrayType '{raw.array_type}' ignored on non-array type '{raw.type}'",
            )
        return self._named_type(raw.type, raw.enum_type, raw, "type")

    def _named_type(self, name: str, enum_type: str | None, raw: _RawType, attr: str) -> Type:
        primitive = _PRIMITIVES.get(name)
        if primitive is not None:
            enum = None
            if enum_type:
                enum = self.enums.get(enum_type)
                if enum is None:
                    self.error(raw.source, raw.element, f"enumType {enum_type} is not defined")
                elif primitive not in (Primitive.INT, Primitive.STRING, Primitive.BIGINT):
                    self.error(raw.source, raw.element, f"enumType {enum_type} on a '{name}' value")
                    enum = None
            return PrimitiveType(primitive, enum)
        if enum_type:
            self.warn(raw.source, raw.element, f"enumType ignored on object type '{name}'")
        if name == ANY_OBJECT_NAME:
            return ObjectType(None)
        cls = self.classes.get(name)
        if cls is not None:
            return ObjectType(cls)
        if name in self.enums:
            # Some schemas name an enum directly as a type; it means its underlying scalar.
            enum = self.enums[name]
            base = Primitive.INT if enum.kind is EnumKind.INT else Primitive.STRING
            return PrimitiveType(base, enum)
        if name[:1].isupper() and name.startswith("Kaltura"):
            # Most likely a class: stand in the untyped object so that later checks
            # do not report follow-on problems about a "string".
            self.error(raw.source, raw.element, f"{attr} {name} is not defined")
            return ObjectType(None)
        self.error(raw.source, raw.element, f"unknown simple type '{name}'")
        return PrimitiveType(Primitive.STRING)

    # -- errors

    def _read_errors(self, section: etree._Element | None) -> dict[str, ErrorDef]:
        errors: dict[str, ErrorDef] = {}
        if section is None:
            return errors
        for el in self._section_children(section, "error"):
            code_text = el.get("code")
            name = self._required(el, "name", f"error code {code_text}" if code_text else "error")
            if name is None:
                continue
            label = f"error {name}"
            code = el.get("code")
            if code is None or code == "":
                self.error(el, label, "missing required attribute 'code'")
                code = name
            params: list[str] = []
            parameter_elements, error_extras = self._children(el, "error", label)
            for p in parameter_elements:
                pname = p.get("name")
                if not pname:
                    self.error(p, label, "parameter without a name")
                    continue
                self._extras(p, "parameter", label)
                error_extras += self._leaf_extras(p, label)
                if not _PARAM_NAME.fullmatch(pname):
                    self.error(p, label, f"parameter name '{pname}' is not a valid identifier")
                elif pname in params:
                    self.error(p, label, f"duplicate parameter '{pname}'")
                else:
                    params.append(pname)
            message = self._text(el.get("message"))
            for placeholder in _PLACEHOLDER.findall(message):
                if placeholder not in params:
                    self.warn(
                        el, label, f"message uses @{placeholder}@ but declares no such parameter"
                    )
            error = ErrorDef(
                name=name,
                code=code,
                message=message,
                description=self._text(el.get("description")),
                parameters=tuple(params),
                source=self._src(el),
                extra_attributes=self._extras(el, "error", label),
                extra_elements=error_extras,
            )
            self._unique(errors, name, error, el, label, "error")
        return errors

    # -- services

    def _read_services(
        self, section: etree._Element | None, errors: Mapping[str, ErrorDef]
    ) -> dict[str, ServiceDef]:
        services: dict[str, ServiceDef] = {}
        names: dict[str, ServiceDef] = {}
        if section is None:
            return services
        for el in self._section_children(section, "service"):
            sid = self._required(el, "id", "service")
            name = self._required(el, "name", f"service {sid}" if sid else "service")
            if sid is None or name is None:
                continue
            label = f"service {sid}"
            self._identifier(el, label, name)
            if not _SERVICE_ID.fullmatch(sid):
                self.error(el, label, f"service id '{sid}' is not a valid identifier")
            actions: dict[str, ActionDef] = {}
            action_elements, service_extras = self._children(el, "service", label)
            for a in action_elements:
                action = self._read_action(a, name, errors)
                if action is not None:
                    self._unique(actions, action.name, action, a, label, "action")
            service = ServiceDef(
                id=sid,
                name=name,
                plugin=el.get("plugin") or None,
                deprecated=self._flag(el, "deprecated", label),
                description=self._text(el.get("description")),
                actions=tuple(actions.values()),
                source=self._src(el),
                extra_attributes=self._extras(el, "service", label),
                extra_elements=service_extras,
            )
            if self._unique(services, sid, service, el, label, "service id"):
                self._unique(names, name, service, el, label, "service name")
        return services

    def _read_action(
        self, el: etree._Element, service: str, errors: Mapping[str, ErrorDef]
    ) -> ActionDef | None:
        name = self._required(el, "name", f"service {service} action")
        if name is None:
            return None
        label = f"action {service}.{name}"
        self._identifier(el, label, name)
        params: dict[str, ParamDef] = {}
        result: Type | None = None
        result_seen = False
        throws: list[str] = []
        children, action_extras = self._children(el, "action", label)
        child_attributes: dict[str, str] = {}
        for child in children:
            if child.tag == "param":
                param = self._read_param(child, label)
                if param is not None:
                    self._unique(params, param.name, param, child, label, "param")
            elif child.tag == "result":
                if result_seen:
                    self.error(child, label, "more than one <result>")
                    continue
                result_seen = True
                child_attributes.update(
                    (f"result.{k}", v) for k, v in self._extras(child, "result", label).items()
                )
                action_extras += self._leaf_extras(child, label)
                type_text = child.get("type")
                if type_text:  # an empty or missing type means the action returns nothing
                    result = self.resolve_type(
                        _RawType(
                            type_text,
                            child.get("arrayType"),
                            None,
                            self._src(child),
                            f"{label} result",
                        )
                    )
            else:
                child_attributes.update(
                    (f"throws.{k}", v) for k, v in self._extras(child, "throws", label).items()
                )
                action_extras += self._leaf_extras(child, label)
                err = child.get("name")
                if not err:
                    self.error(child, label, "<throws> without a name")
                elif errors and err not in errors:
                    self.warn(child, label, f"throws {err}, which <errors> does not define")
                    throws.append(err)
                else:
                    throws.append(err)
        if not result_seen:
            self.warn(el, label, "no <result>; assuming the action returns nothing")
        session_text = el.get("sessionRequired")
        session = None
        if session_text:
            session = _SESSION_VALUES.get(session_text)
            if session is None:
                self.error(
                    el,
                    label,
                    f"sessionRequired must be always, optional or none, " f"not '{session_text}'",
                )
        return ActionDef(
            name=name,
            description=self._text(el.get("description")),
            params=tuple(params.values()),
            result=result,
            throws=tuple(throws),
            enable_in_multi_request=self._flag(el, "enableInMultiRequest", label, default=True),
            session_required=session,
            deprecated=self._flag(el, "deprecated", label),
            beta=self._flag(el, "beta", label),
            action_alias=el.get("actionAlias") or None,
            plugin=el.get("plugin") or None,
            supported_request_formats=self._list(el.get("supportedRequestFormats")),
            supported_response_formats=self._list(el.get("supportedResponseFormats")),
            source=self._src(el),
            # Unknown attributes of <result>/<throws> are kept here as "result.NAME".
            extra_attributes={**self._extras(el, "action", label), **child_attributes},
            extra_elements=action_extras,
        )

    def _read_param(self, el: etree._Element, label: str) -> ParamDef | None:
        name = self._required(el, "name", f"{label} param")
        type_text = self._required(el, "type", f"{label}({name})" if name else f"{label} param")
        if name is None or type_text is None:
            return None
        plabel = f"{label}({name})"
        self._identifier(el, plabel, name)
        return ParamDef(
            name=name,
            type=self.resolve_type(
                _RawType(type_text, el.get("arrayType"), el.get("enumType"), self._src(el), plabel)
            ),
            optional=self._flag(el, "optional", plabel),
            default=el.get("default"),
            description=self._text(el.get("description")),
            source=self._src(el),
            extra_attributes=self._extras(el, "param", plabel),
            extra_elements=self._leaf_extras(el, plabel),
        )

    # -- plugins

    def _read_plugins(
        self, section: etree._Element | None, services: Mapping[str, ServiceDef]
    ) -> dict[str, PluginDef]:
        plugins: dict[str, PluginDef] = {}
        if section is None:
            return plugins
        by_name = {s.name.lower(): s for s in services.values()}
        deps_of: dict[str, list[tuple[str, etree._Element]]] = {}
        for el in self._section_children(section, "plugin"):
            name = self._required(el, "name", "plugin")
            if name is None:
                continue
            label = f"plugin {name}"
            self._identifier(el, label, name)
            found: list[ServiceDef] = []
            raw_names: list[str] = []
            deps: list[tuple[str, etree._Element]] = []
            plugin_children, plugin_extras = self._children(el, "plugin", label)
            for child in plugin_children:
                if child.tag == "pluginService":
                    self._extras(child, "pluginService", label)
                    plugin_extras += self._leaf_extras(child, label)
                    sname = self._required(child, "name", f"{label} pluginService")
                    if sname is None:
                        continue
                    raw_names.append(sname)
                    # Real schemas spell these loosely (`ESearch` for `eSearch`) and list a
                    # few that do not exist: match case-insensitively, warn on the rest.
                    service = by_name.get(sname.lower())
                    if service is None:
                        self.warn(child, label, f"pluginService {sname} names no service")
                    elif service not in found:
                        found.append(service)
                else:
                    self._extras(child, "dependency", label)
                    plugin_extras += self._leaf_extras(child, label)
                    dep = self._required(child, "pluginName", label)
                    if dep is not None:
                        deps.append((dep, child))
            plugin = PluginDef(
                name=name,
                services=tuple(found),
                service_names=tuple(raw_names),
                dependencies=(),
                source=self._src(el),
                extra_attributes=self._extras(el, "plugin", label),
                extra_elements=plugin_extras,
            )
            if self._unique(plugins, name, plugin, el, label, "plugin"):
                deps_of[name] = deps
        for name, deps in deps_of.items():
            resolved = []
            for dep, child in deps:
                target = plugins.get(dep)
                if target is None:
                    self.error(child, f"plugin {name}", f"depends on unknown plugin {dep}")
                else:
                    resolved.append(target)
            object.__setattr__(plugins[name], "dependencies", tuple(resolved))
        return plugins

    def _check_plugin_names(
        self, services: Mapping[str, ServiceDef], plugins: Mapping[str, PluginDef]
    ) -> None:
        if not plugins:
            return
        # Old schemas (3.x) tag elements with plugins they never declare: a warning only.
        reported: set[str] = set()
        items: list[tuple[str | None, Source, str]] = [
            *((e.plugin, e.source, f"enum {e.name}") for e in self.enums.values()),
            *((c.plugin, c.source, f"class {c.name}") for c in self.classes.values()),
            *((s.plugin, s.source, f"service {s.id}") for s in services.values()),
            *(
                (a.plugin, a.source, f"action {s.name}.{a.name}")
                for s in services.values()
                for a in s.actions
            ),
        ]
        for plugin, source, label in items:
            if plugin and plugin not in plugins and plugin not in reported:
                reported.add(plugin)
                self.warn(source, label, f"plugin {plugin} is not declared in <plugins>")

    # -- configurations

    def _read_configurations(self, section: etree._Element | None) -> Configurations:
        if section is None:
            return Configurations()
        groups: dict[str, tuple[ConfigEntry, ...]] = {}
        for group in section:
            if not isinstance(group.tag, str):
                continue
            if group.tag not in ("client", "request"):
                self.schema_extras.append(self._extra_element(group, "configurations"))
                continue
            entries: dict[str, ConfigEntry] = {}
            for el in group:
                if not isinstance(el.tag, str):
                    continue
                label = f"configuration {group.tag}.{el.tag}"
                self._identifier(el, label, str(el.tag))
                type_text = self._required(el, "type", label)
                if type_text is None:
                    continue
                alias = el.get("alias") or None
                if alias is not None:
                    self._identifier(el, f"{label} alias", alias)
                entry = ConfigEntry(
                    name=str(el.tag),
                    type=self.resolve_type(_RawType(type_text, None, None, self._src(el), label)),
                    alias=alias,
                    volatile=self._flag(el, "volatile", label),
                    description=self._text(el.get("description")),
                    source=self._src(el),
                    extra_attributes=self._extras(el, "config", label),
                    extra_elements=self._leaf_extras(el, label),
                )
                self._unique(entries, entry.name, entry, el, label, "configuration")
            groups[str(group.tag)] = tuple(entries.values())
        return Configurations(client=groups.get("client", ()), request=groups.get("request", ()))


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CONST_NAME = re.compile(r"[A-Za-z0-9_]+")
_SERVICE_ID = re.compile(r"[A-Za-z0-9_]+")
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLACEHOLDER = re.compile(r"@([A-Za-z0-9_]+)@")


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


def _line(el: etree._Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else 0
