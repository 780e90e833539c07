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
    matched, problems, excluded, official_defects = compare(plan, ours, theirs)
    total = sum(1 for _ in schema.actions)
    print(
        f"\nrequest equality: {matched} of {total} actions byte-identical (2 calls each), "
        f"{len(excluded)} excluded (no official counterpart), "
        f"{len(official_defects)} official file-part defects: {official_defects}"
    )
    assert not problems, "\n".join(problems[:30])
    assert matched + len(excluded) == total
    # every exclusion is an official client without the service or action
    assert all(reason.startswith("NoOfficialCounterpart") for reason in excluded.values())
    assert matched >= 800, matched
    # the excluded actions still build a request on our side
    broken = [k for k, v in ours.items() if k.split("/")[0] in excluded and "error" in v]
    assert not broken, [ours[k] for k in broken[:5]]
    assert "file parts" in INTENDED_DIFFERENCES


def test_harness_detects_a_difference(tmp_path: Path) -> None:
    """The comparison fails on any byte of difference (guards against an always-green harness)."""
    plan = {"calls": [{"key": "media.list/full", "files": []}]}
    body = '{"a": "1", "kalsig": "x"}'
    theirs = {"media.list/full": {"url": "u", "body": body, "files": []}}
    ours = {"media.list/full": {"url": "u", "body": body.replace("1", "2"), "files": []}}
    matched, problems, _, _ = compare(plan, ours, theirs)
    assert matched == 0 and problems
    matched, problems, _, _ = compare(plan, theirs, theirs)
    assert matched == 1 and not problems
