"""Same selection as Python: for the same --include / --exclude, the TypeScript package keeps
exactly the services, actions, classes and enums the Python package keeps (selection runs
once, in the pipeline). The sets are read back from the files each target renders."""

from __future__ import annotations

import ast
import re

import pytest

from generator.model import Schema
from generator.pipeline import render_schema
from generator.sources import load_schema
from generator.targets import RenderedFiles
from tests.conftest import SAMPLE_SCHEMA, parsed_real_schema

Kept = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]

_REGISTERED = re.compile(rb"KalturaTypesFactory\.registerType\('(\w+)'")
_ENUM = re.compile(rb"^export enum (\w+) \{", re.M)
_ACTION = re.compile(rb"super\(data, '(\w+)', '(\w+)'")


def typescript_kept(files: RenderedFiles, schema: Schema) -> Kept:
    classes: set[str] = set()
    enums: set[str] = set()
    actions: set[str] = set()
    for path, data in files.items():
        if not (path.startswith("src/api/types/") and path.endswith(".ts")):
            continue
        classes.update(m.decode() for m in _REGISTERED.findall(data))
        enums.update(m.decode() for m in _ENUM.findall(data))
        actions.update(f"{s.decode()}.{a.decode()}" for s, a in _ACTION.findall(data))
    return _kept(classes, enums, actions, schema)


def python_kept(files: RenderedFiles, schema: Schema) -> Kept:
    """Classes and enums: class statements (enums derive from a Kaltura*Enum base); actions:
    the ActionSpec("service", "action", ...) each service method calls."""
    classes: set[str] = set()
    enums: set[str] = set()
    actions: set[str] = set()
    for path, data in files.items():
        if not (path.startswith("KalturaClient/Plugins/") and path.endswith(".py")):
            continue
        for node in ast.walk(ast.parse(data)):
            if isinstance(node, ast.ClassDef):
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                (enums if any(b.endswith("Enum") for b in bases) else classes).add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "ActionSpec"
            ):
                service, action = (a.value for a in node.args[:2] if isinstance(a, ast.Constant))
                assert isinstance(service, str) and isinstance(action, str), ast.dump(node)
                actions.add(f"{service}.{action}")
    return _kept(classes, enums, actions, schema)


# The Python package always carries the official Python client's configuration classes, made
# from <configurations> whatever the selection (ovp-22.19.0 also has classes of these names).
PYTHON_CONFIGURATION_CLASSES = frozenset(
    {"KalturaClientConfiguration", "KalturaRequestConfiguration"}
)


def _kept(classes: set[str], enums: set[str], actions: set[str], schema: Schema) -> Kept:
    # Only schema names count (Python adds classes of its own, see above).
    return (
        frozenset(a.split(".")[0] for a in actions),
        frozenset(actions),
        frozenset(classes & set(schema.classes) - PYTHON_CONFIGURATION_CLASSES),
        frozenset(enums & set(schema.enums)),
    )


def _sample() -> Schema:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None
    return result.schema


CASES = [
    ("sample", (), ()),
    ("sample", ("media.list",), ()),
    ("sample", ("media.*", "session.start"), ("media.delete",)),
    ("sample", ("plugin:metadata",), ()),
    ("sample", (), ("metadata.*", "uploadToken.*")),
    ("ovp-22.19.0.xml", ("media.list",), ()),
    ("ovp-22.19.0.xml", ("baseEntry.*", "category.list"), ("baseEntry.delete",)),
    ("ovp-22.19.0.xml", ("plugin:metadata",), ()),
]


@pytest.mark.parametrize(("schema_name", "include", "exclude"), CASES)
def test_typescript_keeps_what_python_keeps(
    schema_name: str, include: tuple[str, ...], exclude: tuple[str, ...]
) -> None:
    schema = _sample() if schema_name == "sample" else parsed_real_schema(schema_name)
    ts = typescript_kept(render_schema(schema, "typescript", include, exclude), schema)
    py = python_kept(render_schema(schema, "python", include, exclude), schema)
    labels = ("services", "actions", "classes", "enums")
    for label, ts_set, py_set in zip(labels, ts, py, strict=True):
        assert ts_set == py_set, f"{label}: ts-only {ts_set - py_set}, py-only {py_set - ts_set}"
    services, actions, classes, enums = ts
    assert services
    assert actions and classes and enums  # a selection keeps something to compare
    if include or exclude:  # and selecting really dropped something
        assert len(actions) < sum(len(s.actions) for s in schema.services.values())


def test_the_same_pattern_errors_in_both_targets() -> None:
    schema = _sample()
    messages = []
    for target in ("python", "typescript"):
        with pytest.raises(ValueError) as caught:
            render_schema(schema, target, include=("media",))
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "expected service.action" in messages[0]
