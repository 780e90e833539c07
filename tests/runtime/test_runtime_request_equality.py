"""THE request-equality harness over every action of ovp-22.19.0.xml (see equality.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import generated_python_package, parsed_real_schema

from .equality import INTENDED_DIFFERENCES, PlanBuilder, compare, run_worker

SCHEMA = "ovp-22.19.0.xml"


@pytest.mark.slow
def test_every_action_builds_the_official_request(tmp_path: Path) -> None:
    schema = parsed_real_schema(SCHEMA)
    root = generated_python_package(SCHEMA)
    plan = PlanBuilder(schema).plan("python-26-04-26", "22.18.0")
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan))
    theirs = run_worker("official", plan_path, tmp_path / "official.json", None)
    ours = run_worker("ours", plan_path, tmp_path / "ours.json", root)
    result = compare(plan, ours, theirs)
    total = sum(1 for _ in schema.actions)
    print(
        f"\nrequest equality: {len(result.matched)} of {total} actions byte-identical through "
        f"the official methods, {len(result.emulated)} through the official primitives (no "
        f"official method), {len(result.excluded)} excluded (2 calls each); official file-part "
        f"defects: {result.official_defects}; excluded: {sorted(result.excluded)}"
    )
    assert not result.problems, "\n".join(result.problems[:30])
    assert len(result.matched) + len(result.emulated) + len(result.excluded) == total
    assert all(reason.startswith("no official counterpart") for reason in result.excluded.values())
    assert len(result.matched) >= 800 and len(result.emulated) >= 100, result
    # the excluded actions still build a request on our side
    broken = [k for k, v in ours.items() if k.split("/")[0] in result.excluded and "error" in v]
    assert not broken, [ours[k] for k in broken[:5]]
    assert "file parts" in INTENDED_DIFFERENCES


def test_harness_detects_a_difference(tmp_path: Path) -> None:
    """The comparison fails on any byte of difference (guards against an always-green harness)."""
    plan = {"calls": [{"key": "media.list/full", "files": []}]}
    body = '{"a": "1", "kalsig": "x"}'
    theirs = {"media.list/full": {"url": "u", "body": body, "files": []}}
    ours = {"media.list/full": {"url": "u", "body": body.replace("1", "2"), "files": []}}
    result = compare(plan, ours, theirs)
    assert not result.matched and result.problems
    result = compare(plan, theirs, theirs)
    assert result.matched == {"media.list"} and not result.problems
