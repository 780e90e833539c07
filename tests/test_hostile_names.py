"""Property: any schema text in any name-bearing attribute is either a valid identifier of
at most 128 characters or a `validate` error at that element's line, never a crash."""

from __future__ import annotations

import os
import re
from typing import cast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.parser import parse_bytes
from tests.conftest import SAMPLE_SCHEMA
from tests.hostile import NAME_ATTRIBUTES, hostile_schemas

_XML_TEXT = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00\ufffe\uffff"),
    min_size=1,
    max_size=30,
).filter(lambda t: all(c in "\t\n\r" or ord(c) >= 0x20 for c in t))
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
CONST = re.compile(r"[A-Za-z0-9_]{1,128}")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(NAME_ATTRIBUTES), st.integers(0, 400), _XML_TEXT)
def test_a_name_is_an_identifier_or_an_error(pair: tuple[str, str], index: int, name: str) -> None:
    tag, attribute = pair
    tree = etree.parse(str(SAMPLE_SCHEMA))
    elements = list(tree.getroot().iter(tag))
    element = elements[index % len(elements)]
    element.set(attribute, name)
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    # lxml-stubs declare sourceline as `...` (untyped); lxml gives int | None.
    line = cast(
        "int | None", list(etree.fromstring(data).iter(tag))[index % len(elements)].sourceline
    )
    result = parse_bytes(data, "hostile.xml")
    valid = (CONST if tag == "const" else IDENTIFIER).fullmatch(name)
    errors_here = [d for d in result.errors if d.line == line]
    if not valid:
        assert any("identifier" in d.message or "characters long" in d.message
                   for d in errors_here), (name, [str(d) for d in result.errors])  # fmt: skip
    for diagnostic in result.diagnostics:
        assert "\n" not in str(diagnostic)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(hostile_schemas())
def test_hostile_schemas_parse_to_diagnostics_never_exceptions(
    case: tuple[list[object], bytes],
) -> None:
    _, data = case
    result = parse_bytes(data, "hostile.xml")
    assert result.schema is not None
    for diagnostic in result.diagnostics:
        assert diagnostic.line > 0 and "\n" not in str(diagnostic)


def test_property_tests_draw_the_same_examples_unless_exploring() -> None:
    exploring = os.environ.get("KALTURA_CODEGEN_HYPOTHESIS") == "explore"
    current = settings.default
    assert current is not None
    assert current.derandomize is not exploring
    assert (current.database is None) is not exploring  # explore keeps failures
