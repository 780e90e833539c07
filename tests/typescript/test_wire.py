"""Request bodies equal the official TypeScript client's, for every action both have.

The harness synthesizes arguments for every action of ovp-22.19.0 (every parameter set,
nested objects, arrays, maps, nulls, enums, dates), builds the action in both clients and
compares the full request parameters as parsed JSON. Actions the official client does not
have (its generator skips admin/batch-only services such as batch, jobs, systemPartner and
the deprecated document service) are reported, not compared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

import pytest

from generator.targets.typescript import action_class_names
from tests.conftest import parsed_real_schema
from tests.typescript.conftest import HERE, BuiltPackage, run
from tests.typescript.synth import Synthesizer

pytestmark = pytest.mark.slow

# Actions of ovp-22.19.0 the official client has classes for (serve actions included).
EXPECTED_COMPARED = 824


class WireReport(TypedDict):
    """The last line wire_harness.mjs prints."""

    compared: int
    serve: int
    serveUrls: int
    withOptions: int
    # {"action": ..., "error": ...} or {"action": ..., plus the difference found}
    mismatches: list[dict[str, object]]


def _spec(official_dist: Path, tmp_path: Path) -> Path:
    schema = parsed_real_schema("ovp-22.19.0.xml")
    official = {p.stem for p in (official_dist / "api" / "types").glob("*.js")}
    ours = action_class_names(schema)
    synthesizer = Synthesizer(schema, lambda name: name in official)
    actions = []
    for item in synthesizer.actions(lambda name: name in official):
        item["officialClass"] = item["class"]
        item["ourClass"] = ours[f"{item['service']}.{item['action']}"]
        actions.append(item)
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"actions": actions}))
    return path


def _harness(spec: Path, official: Path, ours: Path, *extra: str) -> WireReport:
    result = run(
        ["node", str(HERE / "wire_harness.mjs"), str(spec), str(official), str(ours), *extra], HERE
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: WireReport = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_every_action_sends_the_official_body(
    official_client: Path, ovp22_package: BuiltPackage, tmp_path: Path
) -> None:
    assert ovp22_package.tsc.returncode == 0, ovp22_package.tsc.stdout[-2000:]
    spec = _spec(official_client, tmp_path)
    report = _harness(spec, official_client, ovp22_package.dist)
    mismatches = report["mismatches"]
    assert mismatches == [], json.dumps(mismatches[:10], indent=1)[:6000]
    # every action the official client has, plus one multi-request with dependencies
    assert report["compared"] == EXPECTED_COMPARED + 1
    assert report["serve"] == 40
    assert report["serveUrls"] == 40  # and the URL each serve action resolves to is the same
    assert report["withOptions"] > 100  # per-request options (ks, responseProfile) on many
    print(f"wire harness: {report['compared']} request bodies compared, all equal")


def test_harness_detects_a_difference(
    official_client: Path, ovp22_package: BuiltPackage, tmp_path: Path
) -> None:
    """Control: with our bodies perturbed, every comparison must fail."""
    spec = _spec(official_client, tmp_path)
    report = _harness(spec, official_client, ovp22_package.dist, "--perturb")
    assert len(report["mismatches"]) == report["compared"]
