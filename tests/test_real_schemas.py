"""The four published schemas load with zero errors and the model has exactly their contents."""

from __future__ import annotations

import pytest

from generator.model import ObjectType
from tests.conftest import parsed_real_schema

# enums, classes, services, actions, plugins, errors, properties
EXPECTED = {
    "ovp-22.19.0.xml": (682, 1634, 145, 1003, 123, 725, 5768),
    "ovp-3.1.1.xml": (154, 295, 55, 334, 14, 0, None),
    "ott-5.3.7.xml": (201, 584, 126, 453, 0, 437, None),
    "ott-3.6.287.xml": (78, 205, 62, 203, 0, 0, None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_model_counts(name: str) -> None:
    schema = parsed_real_schema(name)
    enums, classes, services, actions, plugins, errors, properties = EXPECTED[name]
    assert len(schema.enums) == enums
    assert len(schema.classes) == classes
    assert len(schema.services) == services
    assert sum(1 for _ in schema.actions) == actions
    assert len(schema.plugins) == plugins
    assert len(schema.errors) == errors
    if properties is not None:
        assert schema.property_count == properties


def test_types_are_resolved_references() -> None:
    schema = parsed_real_schema("ovp-22.19.0.xml")
    add = schema.services["media"].action("add")
    assert add is not None
    entry_param = add.params[0]
    assert isinstance(entry_param.type, ObjectType)
    assert entry_param.type.cls is schema.classes["KalturaMediaEntry"]
    media_entry = schema.classes["KalturaMediaEntry"]
    assert media_entry.base is schema.classes["KalturaPlayableEntry"]
    assert [c.name for c in media_entry.ancestors()][-1] == "KalturaBaseEntry"
