"""Parser and model: resolved references, source lines, tolerance, and the sample schema's
coverage of every construct the real schemas use."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from generator.diagnostics import SchemaLoadError
from generator.model import (
    ArrayType,
    MapType,
    ObjectType,
    Primitive,
    PrimitiveType,
    ResultKind,
    Schema,
    SessionRequirement,
    type_name,
)
from generator.parser import parse_bytes
from generator.sources import load_schema
from tests.conftest import (
    REAL_SCHEMAS,
    SAMPLE_SCHEMA,
    SCHEMAS_DIR,
    parsed_real_result,
    parsed_real_schema,
)

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def sample() -> Schema:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert [str(d) for d in result.diagnostics] == []
    assert result.schema is not None
    return result.schema


# ------------------------------------------------------------------ the sample schema


def _attribute_pairs(path: Path) -> set[tuple[str, str]]:
    """(parent/element, attribute) for every attribute in a schema file.

    Configuration entries are named by their setting, so they count as `client/*`."""
    root = etree.parse(str(path), etree.XMLParser(huge_tree=True)).getroot()
    pairs: set[tuple[str, str]] = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        ptag = parent.tag if parent is not None else ""
        tag = "*" if ptag in ("client", "request") else el.tag
        pairs.add((f"{ptag}/{tag}", ""))
        pairs.update((f"{ptag}/{tag}", str(k)) for k in el.attrib)
    return pairs


def test_sample_uses_every_element_and_attribute_of_the_real_schemas() -> None:
    real: set[tuple[str, str]] = set()
    for name in REAL_SCHEMAS:
        path = SCHEMAS_DIR / name
        if not path.is_file():
            pytest.skip(f"{path} not available")
        real |= _attribute_pairs(path)
    missing = real - _attribute_pairs(SAMPLE_SCHEMA)
    assert sorted(missing) == []


def test_sample_covers_every_kind_of_type_and_action(sample: Schema) -> None:
    prop_types = {
        p.type.primitive if isinstance(p.type, PrimitiveType) else type(p.type)
        for c in sample.classes.values()
        for p in c.properties
    }
    assert prop_types >= {*Primitive, ObjectType, ArrayType, MapType}
    assert any(
        isinstance(p.type, ObjectType) and p.type.cls is None
        for c in sample.classes.values()
        for p in c.properties
    ), "a KalturaObjectBase property"
    actions = [a for _, a in sample.actions]
    assert {a.result_kind for a in actions} == set(ResultKind)
    assert {a.session_required for a in actions} == {*SessionRequirement, None}
    assert any(len(a.file_params) >= 2 and any(p.optional for p in a.file_params) for a in actions)
    assert any(isinstance(p.type, MapType) for a in actions for p in a.params)
    defaults = {p.default for a in actions for p in a.params}
    assert defaults >= {None, "null", "false", "true", "-1", "", "*", "86400", "0"}
    assert any(not a.enable_in_multi_request for a in actions)
    assert any(a.beta for a in actions) and any(a.deprecated for a in actions)
    assert any(a.action_alias and a.plugin for a in actions)


def test_sample_mirrors_the_real_core(sample: Schema) -> None:
    """The pieces clients and the fake server rely on match ovp-22.19.0 exactly."""
    real = parsed_real_schema("ovp-22.19.0.xml")
    for service_id, action_name in [
        ("session", "start"),
        ("session", "end"),
        ("user", "loginByLoginId"),
        ("media", "add"),
        ("media", "list"),
        ("media", "get"),
        ("media", "upload"),
        ("uploadtoken", "upload"),
        ("metadata_metadataprofile", "addFromFile"),
        ("baseentry", "getByIds"),
    ]:
        ours = sample.services[service_id].action(action_name)
        theirs = real.services[service_id].action(action_name)
        assert ours is not None and theirs is not None
        assert [(p.name, type_name(p.type), p.optional, p.default) for p in ours.params] == [
            (p.name, type_name(p.type), p.optional, p.default) for p in theirs.params
        ]
        assert type_name(ours.result) == type_name(theirs.result)
        assert ours.session_required == theirs.session_required
    for enum in ("KalturaSessionType", "KalturaMediaType", "KalturaEntryStatus"):
        assert [(c.name, c.value) for c in sample.enums[enum].consts] == [
            (c.name, c.value) for c in real.enums[enum].consts
        ]
    for cls in ("KalturaMediaEntryFilter", "KalturaMediaEntry", "KalturaDetachedResponseProfile"):
        chain = [c.name for c in sample.classes[cls].ancestors()]
        assert chain == [c.name for c in real.classes[cls].ancestors()]


# ---------------------------------------------------------------------- the model


def test_types_are_resolved_references(sample: Schema) -> None:
    media_list = sample.services["media"].action("list")
    assert media_list is not None and isinstance(media_list.result, ObjectType)
    assert media_list.result.cls is sample.classes["KalturaMediaListResponse"]
    filter_type = media_list.params[0].type
    assert isinstance(filter_type, ObjectType)
    assert filter_type.cls is sample.classes["KalturaMediaEntryFilter"]
    start = sample.services["session"].action("start")
    assert start is not None
    assert start.params[2].enum is sample.enums["KalturaSessionType"]
    related = sample.classes["KalturaObject"].properties[0].type
    assert isinstance(related, MapType) and isinstance(related.value, ObjectType)
    assert related.value.cls is sample.classes["KalturaListResponse"]
    http = sample.classes["KalturaHttpNotification"].properties[0]
    assert isinstance(http.type, ObjectType) and http.type.cls is None
    assert type_name(http.type) == "KalturaObjectBase"
    doc = sample.plugins["document"]
    assert doc.services == (sample.services["document_documents"],)
    assert [d.name for d in sample.plugins["annotation"].dependencies] == ["cuePoint"]
    assert sample.configurations.request[2].alias == "sessionId"
    assert sample.configurations.request[5].volatile


def test_inheritance_helpers(sample: Schema) -> None:
    entry = sample.classes["KalturaMediaEntry"]
    assert [p.name for p in entry.all_properties][:2] == ["id", "name"]
    assert entry.is_subclass_of(sample.classes["KalturaBaseEntry"])
    assert [c.name for c in sample.descendants(sample.classes["KalturaBaseEntry"])] == [
        "KalturaPlayableEntry",
        "KalturaMediaEntry",
        "KalturaDocumentEntry",
    ]
    redeclaring = sample.classes["KalturaSampleRedeclaringCondition"]
    names = [p.name for p in redeclaring.all_properties]
    assert names == ["type", "description", "not", "values"]  # keeps the first position


def test_source_lines_point_at_the_element(sample: Schema) -> None:
    lines = SAMPLE_SCHEMA.read_text(encoding="utf-8").splitlines()
    entry = sample.classes["KalturaMediaEntry"]
    assert '<class name="KalturaMediaEntry"' in lines[entry.source.line - 1]
    upload = sample.services["uploadtoken"].action("upload")
    assert upload is not None
    assert '<param name="resumeAt"' in lines[upload.params[4].source.line - 1]
    assert entry.source.file == str(SAMPLE_SCHEMA)


def test_bom_and_crlf_are_tolerated() -> None:
    result = load_schema(str(CORPUS / "bom-crlf.xml"))
    assert result.diagnostics == [] and result.schema is not None
    cls = result.schema.classes["KalturaA"]
    # &#13;&#10; is a line break; a raw CR/LF inside an attribute is whitespace that XML
    # attribute normalization turns into one space (as every XML reader must).
    assert cls.description == "line one\nline two line three"
    assert cls.properties[0].source.line == 6  # CR/LF counted once per line


def test_utf16_without_dtd_is_read() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<xml apiVersion="1"><classes>'
        '<class name="KalturaA" description="café ≤ 日本"/></classes></xml>'
    )
    result = parse_bytes(text.encode("utf-16"), "u16.xml")
    assert result.diagnostics == [] and result.schema is not None
    assert result.schema.classes["KalturaA"].description == "café ≤ 日本"


def test_unknown_attributes_are_kept() -> None:
    result = load_schema(str(CORPUS / "unknown-attributes-elements.xml"))
    schema = result.schema
    assert schema is not None and not result.errors
    assert schema.extra_attributes == {"serverVersion": "23.0"}
    assert schema.classes["KalturaA"].extra_attributes == {"sealed": "1"}
    assert schema.classes["KalturaA"].properties[0].extra_attributes == {"indexed": "1"}
    get = schema.services["a"].action("get")
    assert get is not None
    assert get.extra_attributes == {"timeout": "5", "result.cache": "60"}
    assert [(e.tag, e.xml, e.source.line) for e in get.extra_elements] == [
        ("example", "<example>get a</example>", 18)
    ]
    size = schema.enums["KalturaSize"]
    assert size.extra_attributes == {"since": "23.0"}
    assert size.consts[0].extra_attributes == {"color": "red"}
    assert [(e.tag, dict(e.attributes)) for e in size.extra_elements] == [
        ("alias", {"name": "TINY"})
    ]
    assert [e.xml for e in schema.extra_elements] == ["<webhooks/>"]


def test_inheritance_cycle_leaves_a_usable_model() -> None:
    result = load_schema(str(CORPUS / "inheritance-cycle.xml"))
    schema = result.schema
    assert schema is not None
    for cls in schema.classes.values():
        assert len(list(cls.ancestors())) < len(schema.classes)  # terminates
        cls.all_properties  # noqa: B018 - must not loop


def test_doctype_refused_before_parsing() -> None:
    with pytest.raises(SchemaLoadError) as info:
        parse_bytes(b'<!DOCTYPE xml [<!ENTITY a "b">]><xml apiVersion="1"/>', "x.xml")
    assert info.value.diagnostic.line == 1
    assert "DOCTYPE and ENTITY declarations are not allowed" in info.value.diagnostic.message


# ------------------------------------------------------------- the real schemas' warnings


# Every warning a real schema gets, by kind: each is a real sloppiness of that schema
# (a `throws` of an undefined error, a pluginService naming no service, an undeclared
# plugin tag, a valuesEnumType that does not exist, an undeclared message placeholder).
EXPECTED_WARNINGS = {
    "ovp-22.19.0.xml": {"throws": 9, "pluginService": 6, "message": 1},
    "ovp-3.1.1.xml": {"plugin": 5},
    "ott-5.3.7.xml": {"valuesEnumType": 1, "message": 1},
    "ott-3.6.287.xml": {},
}


@pytest.mark.parametrize("name", REAL_SCHEMAS)
def test_real_schema_warnings_are_the_known_ones(name: str) -> None:
    result = parsed_real_result(name)
    assert result.errors == []
    kinds = Counter(d.message.split()[0] for d in result.warnings)
    assert dict(kinds) == EXPECTED_WARNINGS[name]


def test_huge_text_is_read_and_deep_nesting_is_refused_cleanly() -> None:
    big = b"x" * 20_000_000  # above libxml2's 10 MB text limit without huge_tree
    data = b'<xml apiVersion="1"><classes><class name="KalturaA" description="' + big + b'"/>'
    result = parse_bytes(data + b"</classes></xml>", "big.xml")
    assert result.schema is not None
    assert len(result.schema.classes["KalturaA"].description) == len(big)
    deep = b'<xml apiVersion="1">' + b"<x>" * 5000 + b"</x>" * 5000 + b"</xml>"
    with pytest.raises(SchemaLoadError) as info:
        parse_bytes(deep, "deep.xml")
    assert str(info.value) == (
        "deep.xml:1: error: malformed XML: Excessive depth in document: 2048 (nesting limit)"
    )
