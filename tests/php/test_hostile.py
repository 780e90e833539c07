"""Property test: PHP generated from hostile schemas compiles, loads, and never runs schema text.

The shared strategy (`tests/hostile.py`) renames elements to keywords and runtime member
names and fills texts with literal and comment breakers, PHP openers and closers (`?>`) and a
payload that would exit with PAYLOAD_CODE. Whatever validates clean and passes the target's
`check()` must compile and load every class under the bundled autoloader; what `check()`
refuses must be a diagnostic with a source line, never an exception.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from generator.output import write_tree
from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.targets import GenerateOptions
from generator.targets.php import TARGET
from tests.hostile import PAYLOAD_CODE, Mutation, hostile_schemas
from tests.php.conftest import require_php
from tests.php.test_lint import lint


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_schemas())
def test_hostile_schemas_compile_load_and_run_nothing(case: tuple[list[Mutation], bytes]) -> None:
    require_php()
    mutations, xml = case
    result = parse_bytes(xml, "hostile.xml")
    if result.schema is None or result.errors:
        return  # validate refuses it: nothing is generated
    problems = TARGET.check(result.schema, GenerateOptions())
    if problems:
        assert all(p.line > 0 and p.file == "hostile.xml" for p in problems), problems
        return
    files = render_schema(result.schema, "php")
    with tempfile.TemporaryDirectory() as tmp:
        write_tree(Path(tmp) / "pkg", files)
        code, last = lint(Path(tmp) / "pkg")
    assert code != PAYLOAD_CODE, (mutations, last)
    assert code == 0, (mutations, last)
    assert last.startswith("OK "), last
