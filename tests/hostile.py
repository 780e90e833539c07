"""Hostile schemas for property-based tests: the sample schema with names and texts replaced.

`hostile_schemas()` is a hypothesis strategy of XML documents: `schema/kaltura-sample.xml`
with a few name-bearing attributes renamed (to keywords and runtime member names of every
target language, or to random identifiers) and a few text-bearing attributes replaced by
text built to break out of literals and comments (quotes, comment terminators, line breaks,
template and PHP openers, a payload that would end the process). Every target test feeds
them through the real pipeline and asserts that what `validate` accepts compiles, imports
and never runs schema text (`PAYLOAD_EXIT` would exit the process with `PAYLOAD_CODE`).
"""

from __future__ import annotations

import keyword
import string
from dataclasses import dataclass

from hypothesis import strategies as st
from lxml import etree

from tests.conftest import SAMPLE_SCHEMA

__all__ = ["HOSTILE_NAMES", "HOSTILE_TEXTS", "PAYLOAD_CODE", "Mutation", "hostile_schemas"]

PAYLOAD_CODE = 97

# Words that are keywords, builtins or runtime members in at least one target language.
HOSTILE_NAMES = sorted(
    {
        *keyword.kwlist,
        *keyword.softkwlist,
        "self",
        "cls",
        "__class__",
        "__dict__",
        "__slots__",
        "__qualname__",
        "__init__",
        "__proto__",
        "__getattr__",
        "toParams",
        "fromJson",
        "client",
        "builtins",
        "typing",
        "NotImplemented",
        "None",
        "list",
        "dict",
        "str",
        "int",
        "object",
        "type",
        # JavaScript / TypeScript
        "toString",
        "valueOf",
        "hasOwnProperty",
        "constructor",
        "prototype",
        "this",
        "function",
        "var",
        "let",
        "const",
        "enum",
        "delete",
        "new",
        "typeof",
        "instanceof",
        "void",
        "default",
        "export",
        "extends",
        "super",
        "arguments",
        "eval",
        "undefined",
        "NaN",
        "Infinity",
        "any",
        "unknown",
        "never",
        "declare",
        "namespace",
        "module",
        "require",
        # PHP
        "echo",
        "array",
        "callable",
        "clone",
        "empty",
        "isset",
        "unset",
        "list_",
        "parent",
        "static",
        "abstract",
        "interface",
        "trait",
        "use",
        "goto",
        "print",
        "include",
        "exit",
        "die",
        "__halt_compiler",
        "__construct",
        "__get",
        "__set",
        "__toString",
        # names the generated code itself uses
        "objectType",
        "relatedObjects",
        "service",
        "action",
        "params",
        "request",
        "response",
        "result",
        "config",
        "ks",
        "format",
        "kalsig",
        "a",
        "_",
        "__",
    }
)

_PAYLOAD_PY = f"\nimport os; os._exit({PAYLOAD_CODE})\n"
_PAYLOAD_JS = f'"); process.exit({PAYLOAD_CODE}); ("'
_PAYLOAD_PHP = f"'; exit({PAYLOAD_CODE}); '"

HOSTILE_TEXTS = [
    _PAYLOAD_PY,
    _PAYLOAD_JS,
    _PAYLOAD_PHP,
    f"*/ process.exit({PAYLOAD_CODE}); /*",
    f'""" ; import os; os._exit({PAYLOAD_CODE}); """',
    f"''' ; import os; os._exit({PAYLOAD_CODE}); '''",
    f"${{process.exit({PAYLOAD_CODE})}}",
    f"`; process.exit({PAYLOAD_CODE}); `",
    f"?><?php exit({PAYLOAD_CODE}); ?>",
    f"</script><script>process.exit({PAYLOAD_CODE})</script>",
    "{{ 7*7 }} {% raw %} {#",
    "\\",
    "\\u2028\u2028\u2029\x85 line separators",
    "\t tab \r\n crlf \r cr",
    "# comment\n-- sql\n// js",
    "'\"`",
    "\u202e bidi override \u202d",
    "",
    " ",
    "null",
    "00012",
    "1e999",
    "-0",
    "NaN",
]

# Characters XML 1.0 can carry (lxml refuses the rest).
_XML_CHARS = st.characters(
    blacklist_categories=["Cs"],
    blacklist_characters="".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
    + "\ufffe\uffff",
)

# (element tag, attribute) pairs that carry a name, and those that carry text.
NAME_ATTRIBUTES = (
    ("enum", "name"),
    ("const", "name"),
    ("class", "name"),
    ("property", "name"),
    ("service", "name"),
    ("action", "name"),
    ("param", "name"),
    ("plugin", "name"),
)
TEXT_ATTRIBUTES = (
    ("enum", "description"),
    ("class", "description"),
    ("property", "description"),
    ("service", "description"),
    ("action", "description"),
    ("param", "description"),
    ("param", "default"),
    ("error", "message"),
    ("error", "description"),
    ("xml", "apiVersion"),
)


@dataclass(frozen=True)
class Mutation:
    tag: str
    attribute: str
    index: int  # which element of that tag (modulo their count)
    value: str


def _identifier() -> st.SearchStrategy[str]:
    first = st.sampled_from(string.ascii_letters + "_")
    rest = st.text(string.ascii_letters + string.digits + "_", max_size=12)
    return st.builds(lambda a, b: a + b, first, rest)


def mutations() -> st.SearchStrategy[Mutation]:
    names = st.builds(
        Mutation,
        st.sampled_from([t for t, _ in NAME_ATTRIBUTES]),
        st.just("name"),
        st.integers(0, 400),
        st.one_of(st.sampled_from(HOSTILE_NAMES), _identifier()),
    )
    texts = st.builds(
        lambda pair, index, value: Mutation(pair[0], pair[1], index, value),
        st.sampled_from(TEXT_ATTRIBUTES),
        st.integers(0, 400),
        st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(_XML_CHARS, max_size=40)),
    )
    return st.one_of(names, texts)


def apply(mutations_: list[Mutation]) -> bytes:
    tree = etree.parse(str(SAMPLE_SCHEMA), etree.XMLParser(remove_comments=True))
    root = tree.getroot()
    for m in mutations_:
        elements = [root] if m.tag == "xml" else list(root.iter(m.tag))
        if not elements:
            continue
        element = elements[m.index % len(elements)]
        element.set(m.attribute, m.value)
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return data


def hostile_schemas(max_mutations: int = 6) -> st.SearchStrategy[tuple[list[Mutation], bytes]]:
    """(the mutations, the resulting XML) pairs."""
    return st.lists(mutations(), min_size=1, max_size=max_mutations).map(lambda ms: (ms, apply(ms)))
