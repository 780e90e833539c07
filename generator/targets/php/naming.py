"""PHP names, literals, types and doc comments for the model (no templates here).

Names follow Kaltura's php53 generator so code written for it keeps working: a schema class
`KalturaMediaEntry` is `Kaltura\\Client\\Type\\MediaEntry` (the `Kaltura` prefix dropped), an
enum is `Kaltura\\Client\\Enum\\MediaType`, a service `media` is
`Kaltura\\Client\\Service\\MediaService` behind `$client->getMediaService()`, a plugin
`metadata` lives in `Kaltura\\Client\\Plugin\\Metadata\\`. Where the official
output is not valid PHP 8 (a class named `Object`, `List`...),
or would clash with the runtime, the name is escaped:

* `String` is `Str` (as the official); other class and enum names that PHP reserves get
  the suffix `Type` / `Enum`;
* action names that are PHP keywords get the suffix `Action` (`listAction`, `cloneAction`,
  `gotoAction`, as the official), and so do names of the runtime's `ServiceBase` methods;
* parameters named `this` or like the generated method's own locals get a trailing `_`;
* enum constants that start with a digit get the prefix `_`; a constant named `class` gets `_`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.model import ArrayType, EnumKind, MapType, ObjectType, Primitive, PrimitiveType, Type
from generator.targets.shared.identifiers import IdentifierRules, comment_lines, comment_text

__all__ = [
    "ACTION_RULES",
    "CLASS_RULES",
    "CONST_RULES",
    "ENUM_RULES",
    "PARAM_RULES",
    "PHP_KEYWORDS",
    "PROPERTY_RULES",
    "const_name",
    "line_comment",
    "php_string",
    "phpdoc",
    "short_name",
    "ucfirst",
]

# PHP 8 keywords (https://www.php.net/manual/en/reserved.keywords.php) in lower case: PHP
# compares them case-insensitively.
PHP_KEYWORDS = frozenset(
    [
        "__halt_compiler",
        "abstract",
        "and",
        "array",
        "as",
        "break",
        "callable",
        "case",
        "catch",
        "class",
        "clone",
        "const",
        "continue",
        "declare",
        "default",
        "die",
        "do",
        "echo",
        "else",
        "elseif",
        "empty",
        "enddeclare",
        "endfor",
        "endforeach",
        "endif",
        "endswitch",
        "endwhile",
        "enum",
        "eval",
        "exit",
        "extends",
        "final",
        "finally",
        "fn",
        "for",
        "foreach",
        "function",
        "global",
        "goto",
        "if",
        "implements",
        "include",
        "include_once",
        "instanceof",
        "insteadof",
        "interface",
        "isset",
        "list",
        "match",
        "namespace",
        "new",
        "or",
        "print",
        "private",
        "protected",
        "public",
        "readonly",
        "require",
        "require_once",
        "return",
        "static",
        "switch",
        "throw",
        "trait",
        "try",
        "unset",
        "use",
        "var",
        "while",
        "xor",
        "yield",
        "__class__",
        "__dir__",
        "__file__",
        "__function__",
        "__line__",
        "__method__",
        "__namespace__",
        "__trait__",
    ]
)
# Names PHP reserves for classes besides its keywords (php.net: reserved.other-reserved-words).
_RESERVED_CLASS = frozenset(
    [
        "int",
        "float",
        "bool",
        "string",
        "true",
        "false",
        "null",
        "void",
        "iterable",
        "object",
        "mixed",
        "never",
        "self",
        "parent",
        "static",
    ]
)
# Methods of the runtime's ServiceBase.
SERVICE_MEMBERS = frozenset({"__construct", "setclient", "getclient"})
# Locals of every generated action method.
METHOD_LOCALS = frozenset({"this", "kparams", "kfiles", "client", "result"})


class _CaseInsensitiveRules(IdentifierRules):
    """PHP compares keywords, class and method names without regard to case."""

    def escape(self, name: str, also: Iterable[str] = ()) -> str:
        candidate = super().escape(name, also)
        while candidate.lower() in self.keywords or candidate.lower() in self.reserved:
            candidate += self.suffix
        return candidate


# `enum` is a keyword only where a declaration starts: `class Enum` is fine.
_CLASS_WORDS = (PHP_KEYWORDS - {"enum"}) | _RESERVED_CLASS
CLASS_RULES = _CaseInsensitiveRules("php class", _CLASS_WORDS, frozenset(), suffix="Type")
ENUM_RULES = _CaseInsensitiveRules("php enum", _CLASS_WORDS, frozenset(), suffix="Enum")
ACTION_RULES = _CaseInsensitiveRules("php method", PHP_KEYWORDS, SERVICE_MEMBERS, suffix="Action")
PARAM_RULES = IdentifierRules("php variable", frozenset(), METHOD_LOCALS)
# Properties may be keywords (`$entry->list`); only `$this` is impossible.
PROPERTY_RULES = IdentifierRules("php property", frozenset({"this"}))
CONST_RULES = _CaseInsensitiveRules("php constant", frozenset({"class"}))


def ucfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


# The official generator's own renames of names PHP reserves.
OFFICIAL_RENAMES = {"String": "Str"}


def short_name(schema_name: str) -> str:
    """The official class name for a schema class or enum name: `Kaltura` prefix dropped
    (and `String` is `Str`, as the official generator names it)."""
    if schema_name.startswith("Kaltura") and re.match(r"[A-Za-z]", schema_name[7:8]):
        schema_name = schema_name[7:]
    return OFFICIAL_RENAMES.get(schema_name, schema_name)


def const_name(name: str) -> str:
    if name[:1].isdigit():
        name = "_" + name
    return CONST_RULES.escape(name)


def php_string(text: str) -> str:
    """A single-quoted PHP literal: only `\\` and `'` are special inside it, so nothing in
    `text` can end it or interpolate."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# Printable ASCII, tabs aside, and plain line feeds: text comment_lines would keep as it is.
_PLAIN = re.compile(r"[\x20-\x7e\n]*")
_NEWLINES = re.compile(r"\n+")


def line_comment(text: str) -> str:
    """Text for a `//` comment: one line, and no `?>`, which ends PHP mode even there."""
    return comment_text(text).replace("?>", "? >")


def phpdoc(text: str, indent: str = "", extra: tuple[str, ...] = ()) -> str:
    """A `/** ... */` block; every line is printable and `*/` can never end it early."""
    stripped = text.strip()
    if not stripped:
        lines: list[str] = []
    elif _PLAIN.fullmatch(stripped):  # the common case, same result as comment_lines
        lines = [line.rstrip() for line in _NEWLINES.split(stripped)]
    else:
        lines = comment_lines(stripped)
    lines = [line.replace("*/", "*\\/") for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    lines += list(extra)
    if not lines:
        return ""
    body = "".join(f"{indent} *{' ' + line if line else ''}\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


# Keyed by the enum's value: hashing a str is much cheaper than hashing an Enum member.
_SCALAR_PHP = {
    Primitive.INT.value: "int",
    # as the official client: 64-bit ids stay exact on every platform
    Primitive.BIGINT.value: "string",
    Primitive.FLOAT.value: "float",
    Primitive.BOOL.value: "bool",
    Primitive.STRING.value: "string",
    Primitive.FILE.value: "string",
}


def scalar_php_type(t: PrimitiveType) -> str:
    if t.enum is not None:
        return "int" if t.enum.kind is EnumKind.INT else "string"
    return _SCALAR_PHP[t.primitive.value]


def is_container(t: Type) -> bool:
    return isinstance(t, (ArrayType, MapType))


def item_type(t: Type) -> Type | None:
    if isinstance(t, ArrayType):
        return t.item
    if isinstance(t, MapType):
        return t.value
    return None


def is_object(t: Type) -> bool:
    return isinstance(t, ObjectType)
