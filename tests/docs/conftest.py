"""Shared renders of the docs target (each schema once per session)."""

from __future__ import annotations

from generator.model import Schema
from generator.sources import load_schema
from generator.targets import GenerateOptions, RenderedFiles
from generator.targets.docs import TARGET
from tests.conftest import SAMPLE_SCHEMA, parsed_real_schema

_rendered: dict[str, RenderedFiles] = {}


def sample_schema() -> Schema:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None and not result.errors
    return result.schema


def rendered(name: str) -> RenderedFiles:
    """`sample` or a real schema's file name, rendered once."""
    if name not in _rendered:
        schema = sample_schema() if name == "sample" else parsed_real_schema(name)
        _rendered[name] = TARGET.render(schema, GenerateOptions(sample=name == "sample"))
    return _rendered[name]
