"""Python identifiers and literals: the one layer through which schema bytes reach Python output.

Identifiers (documented in the generated README; `validate` guarantees every schema name
matches `[A-Za-z_][A-Za-z0-9_]*`, enum constants may start with a digit):

1. Schema names are kept verbatim wherever they are legal, so code written for the
   official client keeps working (`entry.name`, `client.baseEntry`, `media.list`).
2. A Python keyword gets a trailing underscore: `not` -> `not_`, with accessors
   `getNot_()` / `setNot_()` exactly as the official client. Soft keywords (`match`, `case`,
   `type`, `_`) are identifiers in every position a schema name can take (attribute,
   parameter, class or constant name), so they are kept. Parameters also avoid `self` and
   the few names the generated method bodies use.
3. A name that is one of the runtime base class's own members (`toParams`, `client`,
   `getValue`, ...; `OBJECT_MEMBERS` & co., tied to the runtime by a test) or a dunder name
   (`__class__`, `__slots__`) gets trailing underscores until it is neither.
4. Enum constants that are not identifiers (leading digit) get the prefix `VALUE_`.
5. Plugin modules: the plugin name with its first letter upper-cased (`metadata` ->
   `Plugins/Metadata.py`).

What escaping cannot solve (two names that end up equal, a class named like a name the
module imports, private names Python would mangle) is a `check()` diagnostic, never output.

Literals: `string_literal()` and `docstring()` are the only functions that turn schema text
into Python source; `comment()` makes one `#` comment line. Quotes, backslashes, line
breaks, control and format characters are escaped, so text never ends a literal or starts
code; the formatter (ruff) only re-lays out what these functions produce.
"""

from __future__ import annotations

import builtins
import functools
import keyword
import re

from generator.targets.python.formatting import LINE_LENGTH
from generator.targets.shared.identifiers import IdentifierRules, comment_text

__all__ = [
    "CLIENT_MEMBERS",
    "ENUM_MEMBERS",
    "KEYWORDS",
    "MODULE_NAMES",
    "OBJECT_MEMBERS",
    "SERVICE_MEMBERS",
    "attr_name",
    "client_attr",
    "comment",
    "const_name",
    "docstring",
    "enum_const_name",
    "is_mangled",
    "module_name",
    "param_name",
    "property_attr",
    "property_param",
    "service_attr",
    "string_literal",
    "ucfirst",
]

KEYWORDS = frozenset(keyword.kwlist)

# Members of the runtime base classes (templates/python/runtime/KalturaClient). A generated
# member with one of these names would replace the runtime's; tests/python_target/
# test_python_naming.py parses the runtime and fails when a member is missing here.
OBJECT_MEMBERS = frozenset(
    {
        "__eq__",
        "__hash__",
        "__init__",
        "__init_subclass__",
        "__repr__",
        "_kaltura_fields_",
        "_kaltura_type_",
        "fromJson",
        "fromXml",
        "fromXmlImpl",
        "get_datetime",
        "toParams",
        "to_dict",
        # `relatedObjects` and its accessors are declared by the runtime for every object:
        # a schema property of that name is the same property (kept, not escaped).
    }
)
# Enum constants are class attributes of an `int` / `str` subclass: they must not replace
# the runtime's members nor the methods of the value type (mypy rejects that too).
ENUM_MEMBERS = frozenset(
    {
        "__init_subclass__",
        "__new__",
        "__reduce__",
        "__repr__",
        "__str__",
        "_members_",
        "_names_",
        "getValue",
        "name",
        "value",
        *dir(int),
        *dir(str),
    }
)
SERVICE_MEMBERS = frozenset({"__init__", "client", "setClient"})
# KalturaClientBase's members, plus those of the official KalturaClient that code written for
# it may call (a service accessor must not replace them either).
CLIENT_MEMBERS = frozenset(
    {
        "API_VERSION",
        "CLIENT_TAG",
        "ENCODING",
        "FIELD_EXPIRY",
        "FIELD_TYPE",
        "FIELD_USER",
        "RANDOM_SIZE",
        "VOLATILE_REQUEST_CONFIGURATION",
        "__enter__",
        "__exit__",
        "__init__",
        "_abort_on_error",
        "_action_params",
        "_call",
        "_check_format",
        "_envelope",
        "_get_transport",
        "_json_result",
        "_malformed",
        "_paginate",
        "_parse_multi",
        "_parse_multi_now",
        "_parse_single",
        "_parse_single_now",
        "_pending",
        "_prepare",
        "_prepare_multi",
        "_queue",
        "_reset_volatile",
        "_send",
        "_serve_url",
        "_sign",
        "_take_pending",
        "_transport",
        "_url",
        "_xml_result",
        "build_request",
        "clientConfiguration",
        "close",
        "config",
        "doMultiRequest",
        "doQueue",
        "executionTime",
        "generateSession",
        "generateSessionV2",
        "getConfig",
        "getExceptionIfError",
        "getMultiRequestResult",
        "getRequestParams",
        "getServeUrl",
        "hash",
        "isMultiRequest",
        "log",
        "multi_request",
        "parse_ks",
        "queueServiceActionCall",
        "remove_data_content",
        "requestConfiguration",
        "requestHeaders",
        "responseHeaders",
        "setConfig",
        "startMultiRequest",
        "throwExceptionIfError",
        "upload_file",
        # AsyncKalturaClientBase's (the async client shares the accessor names)
        "__aenter__",
        "__aexit__",
        "_acall",
        "_apaginate",
        "_asend",
        "_get_async_transport",
        "aclose",
        "adoMultiRequest",
        "aupload_file",
        # the official KalturaClient's own members
        "callsQueue",
        "multiRequestReturnType",
        "shouldLog",
        "parser",
        "doHttpRequest",
        "openRequestUrl",
        "readHttpResponse",
        "parsePostResult",
        "flattenParams",
        "loadPlugins",
        "loadPlugin",
        "loadConfigurations",
        "loadConfiguration",
        "loadConfigurationItem",
        "registerPluginServices",
        "registerPluginObjects",
        "addCoreService",
        "closeHandle",
    }
)

# Names every generated module binds itself (imports and helpers): a schema class, enum or
# service class with one of these names would replace them (a `check()` error).
MODULE_NAMES = frozenset(
    {
        "API_VERSION",
        "ActionSpec",
        "AsyncIterator",
        "AsyncKalturaClient",
        "AsyncKalturaClientBase",
        "AsyncKalturaServiceBase",
        "Iterator",
        "DEPRECATED",
        "FieldKind",
        "FieldSpec",
        "INSERT_ONLY",
        "IS_TIME",
        "KalturaClient",
        "KalturaClientBase",
        "KalturaIntEnum",
        "KalturaObjectBase",
        "KalturaServiceBase",
        "KalturaStringEnum",
        "OPTIONAL",
        "ParamSpec",
        "READ_ONLY",
        "ResultSpec",
        "WRITE_ONLY",
        "ClassVar",
        "IO",
        "TYPE_CHECKING",
        "_REEXPORTED_FROM",
        "_cast",
        "_warnings",
        "annotations",
        "cached_property",
        "resolve",
        *dir(builtins),
    }
)

# Names the bodies of generated methods use: a parameter of that name would hide them.
_BODY_NAMES = frozenset(
    {"self", "_result", "_cast", "_warnings", "builtins", "NotImplemented", "KalturaObjectBase"}
)

_DUNDER = re.compile(r"__.*__\Z")
_MANGLED = re.compile(r"__(?!.*__\Z)")


_ATTR = IdentifierRules("python", KEYWORDS)
_PARAM = IdentifierRules("python", KEYWORDS, _BODY_NAMES)
_OBJECT = IdentifierRules("python", KEYWORDS, OBJECT_MEMBERS)
_ENUM = IdentifierRules("python", KEYWORDS, ENUM_MEMBERS)
_SERVICE = IdentifierRules("python", KEYWORDS, SERVICE_MEMBERS)
_CLIENT = IdentifierRules("python", KEYWORDS, CLIENT_MEMBERS)


def _escaped(rules: IdentifierRules, name: str) -> str:
    if _DUNDER.match(name):
        # `__slots__` -> `__slots___`: no name Python gives a meaning to (every dunder
        # gets one more underscore, so distinct names stay distinct).
        name += rules.suffix
    return rules.escape(name)


@functools.lru_cache(maxsize=65536)
def ucfirst(name: str) -> str:
    return name[:1].upper() + name[1:]


def is_mangled(name: str) -> bool:
    """Python rewrites `__x` inside a class body to `_Class__x` (a private name)."""
    return bool(_MANGLED.match(name))


@functools.lru_cache(maxsize=65536)
def attr_name(name: str) -> str:
    """A name that only has to avoid keywords (module functions, namespace attributes)."""
    return _escaped(_ATTR, name)


@functools.lru_cache(maxsize=65536)
def property_attr(name: str) -> str:
    """The attribute of a schema property on an object class."""
    return _escaped(_OBJECT, name)


@functools.lru_cache(maxsize=65536)
def property_param(name: str) -> str:
    """The constructor keyword of a property: its attribute name, unless that is a
    parameter the constructor body needs (`self` -> `self_`)."""
    return _PARAM.escape(property_attr(name))


@functools.lru_cache(maxsize=65536)
def service_attr(name: str) -> str:
    """The method of a schema action on a service class."""
    return _escaped(_SERVICE, name)


@functools.lru_cache(maxsize=65536)
def client_attr(name: str) -> str:
    """A service or plugin accessor (or configuration accessor) on the client."""
    return _escaped(_CLIENT, name)


@functools.lru_cache(maxsize=65536)
def param_name(name: str) -> str:
    return _escaped(_PARAM, name)


@functools.lru_cache(maxsize=65536)
def const_name(name: str) -> str:
    """An enum constant: `VALUE_` before a leading digit, then escaped like any member."""
    if name[:1].isdigit():
        name = "VALUE_" + name
    return _escaped(_ENUM, name)


enum_const_name = const_name


def module_name(plugin: str | None) -> str:
    """Module basename (`Core`, `Metadata`) for a plugin name (None = core)."""
    if plugin is None:
        return "Core"
    return _escaped(_ATTR, ucfirst(plugin))


# ----------------------------------------------------------------------------- literals


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _safe_text(text: str) -> str:
    """Backslashes and everything non-printable escaped (incl. U+2028 & co., which
    formatters' `splitlines()` treat as line breaks); printable non-ASCII stays readable."""
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text  # the common case, and the hot path of rendering
    out: list[str] = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == " " or ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def string_literal(text: str) -> str:
    """A Python string literal for `text`, quoted as the formatters prefer."""
    body = _safe_text(text)
    if body.count("'") < body.count('"'):
        return "'" + body.replace("'", "\\'") + "'"
    return '"' + body.replace('"', '\\"') + '"'


def _docstring_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    collapsed: list[str] = []
    for line in lines:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    return collapsed


def _quote_safe(line: str, first: bool) -> str:
    """Escape every quote that touches another quote (or opens the docstring), so no run
    of three can form and close the literal."""
    if '"' not in line:
        return line
    out: list[str] = []
    for j, ch in enumerate(line):
        if ch == '"' and (
            (j > 0 and line[j - 1] == '"')
            or (j + 1 < len(line) and line[j + 1] == '"')
            or (first and j == 0)
        ):
            out.append('\\"')
        else:
            out.append(ch)
    return "".join(out)


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted docstring literal for free schema text ("" when there is none).

    Lines after the first are not indented: templates indent the literal where they place
    it (`indent` columns deep). The closing quotes go where black puts them (the formatter
    ruff accepts both places): on the last line when it fits, else on their own line."""
    lines = _docstring_lines(text)
    if not lines:
        return ""
    fixed = [_quote_safe(_safe_text(line), i == 0) for i, line in enumerate(lines)]
    if fixed[-1].endswith('"'):
        fixed[-1] += " "  # a quote right before the closing quotes would end the literal
    body = "\n".join(fixed)
    if len(fixed) > 1 and indent + len(fixed[-1]) + 3 > LINE_LENGTH:
        return '"""' + body + '\n"""'
    return '"""' + body + '"""'


def comment(text: str) -> str:
    """`text` as the body of one `#` comment line (no line break or control survives)."""
    if text.isascii() and text.isprintable():
        return " ".join(text.split())
    return _safe_text(" ".join(comment_text(text).split()))
