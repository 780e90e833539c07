"""Property: a hostile schema that validates clean exports a valid OpenAPI document whose
JSON and YAML read back to the same values, with the hostile texts intact as data."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate

from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.targets.openapi.document import collisions
from generator.targets.shared.lowering import doc_text
from tests.hostile import Mutation, hostile_schemas


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(hostile_schemas())
def test_hostile_schemas_export_valid_openapi(case: tuple[list[Mutation], bytes]) -> None:
    mutations, xml = case
    result = parse_bytes(xml, "hostile.xml")
    if result.schema is None or result.errors:
        return  # validate refuses it: nothing is generated
    schema = result.schema
    if any(d.is_error for d in collisions(schema)):
        try:
            render_schema(schema, "openapi")
        except ValueError as exc:  # the target's check() stops generate, with the line
            assert "hostile.xml:" in str(exc)
            return
        raise AssertionError("check() found errors but rendering went on")
    files = render_schema(schema, "openapi")
    document = json.loads(files["openapi.json"])
    validate(document)
    assert json.loads(json.dumps(document)) == document
    assert yaml.safe_load(files["openapi.yaml"]) == document
    # schema texts reach the document as data, unchanged
    assert document["info"]["version"] == schema.api_version
    components = document["components"]["schemas"]
    for cls in schema.classes.values():
        text = doc_text(cls.description, cls.deprecated)
        assert components[cls.name].get("description", "") == text
    names = {m.value for m in mutations if m.attribute == "name" and m.tag in ("class", "enum")}
    assert all(name in components for name in names & (set(schema.classes) | set(schema.enums)))
