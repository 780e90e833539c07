"""Response-parsing harness over every concrete class of ovp-22.19.0.xml (response_equality.py):
our XML and JSON parsing must give exactly what the official client's XML parsing gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import generated_python_package, parsed_real_schema

from .response_equality import ResponseBuilder, run_worker

SCHEMA = "ovp-22.19.0.xml"


def leaves(value: Any) -> int:
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1


@pytest.mark.slow
def test_every_class_parses_like_the_official(tmp_path: Path) -> None:
    schema = parsed_real_schema(SCHEMA)
    root = generated_python_package(SCHEMA)
    cases = ResponseBuilder(schema).build()
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases))
    theirs = run_worker("official", path, tmp_path / "official.json", None)
    ours = run_worker("ours", path, tmp_path / "ours.json", root)
    compared = 0
    values = 0
    no_counterpart = []
    problems = []
    for name, expected in theirs.items():
        got = ours[name]
        if "error" in got:
            problems.append(f"{name}: ours failed: {got['error']}")
            continue
        if got["json"] != got["xml"]:
            problems.append(f"{name}: our JSON and XML parses differ")
            continue
        if "error" in expected:
            # the official build lacks the class (its factory has no such name)
            assert expected["error"] == f"KeyError: '{name}'", expected
            no_counterpart.append(name)
            continue
        if got["xml"] != expected["xml"]:
            problems.append(f"{name}:\n ours   {got['xml']}\n theirs {expected['xml']}")
            continue
        compared += 1
        values += leaves(got["xml"])
    print(
        f"\nresponse equality: {compared} classes identical ({values} values), "
        f"{len(no_counterpart)} without official counterpart"
    )
    assert not problems, "\n".join(problems[:10])
    assert compared > 1200 and values > 30_000
