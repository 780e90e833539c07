"""The public surface equals the official php53 client's, for ovp-22.19.0.

Both trees are reflected (tests/php/surface.php): every class of the official client must
exist in ours with the same fully qualified name, parent, constants (name and value), public
properties and public methods with the same parameter names, order, optionality and
defaults. Every difference is allow-listed below with its reason; the reasons of the
user-visible ones are in the generated README (`DIFFERENCES`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.targets.php import DIFFERENCES
from tests.php.conftest import HERE, run

pytestmark = pytest.mark.slow

# Official classes PHP 8 cannot compile (`Object` is reserved since 7.2): not loaded, and ours
# is `Type\ObjectType` instead.
UNLOADABLE = {"Kaltura\\Client\\Type\\Object": "Kaltura\\Client\\Type\\ObjectType"}

# Methods of the official runtime classes (Base and so Client, ServiceActionCall) that ours
# does not have, with the reason.
MISSING_METHODS: dict[str, str] = {
    "readHeader": "a curl callback of the official transport, not API",
    "jsObjectToClientObject": "the official JSON path, which it never reaches (it throws for "
    "every format but XML)",
    "validateObjectType": "results are typed by the method signatures",
    "setClientConfiguration": "the configuration setters (setClientTag, setKs, ...) are "
    "generated from the schema",
    "setRequestConfiguration": "as setClientConfiguration",
    "parseParams": "parameters are flattened once, by addParam",
}
# Official files that hold no class (its generator writes empty files for these enums and one
# service): nothing to compare.
EMPTY_IN_OFFICIAL = 83


def _surface(root: Path, tmp_path: Path) -> dict[str, Any]:
    skip = tmp_path / f"skip-{root.parent.name}.json"
    skip.write_text(json.dumps(sorted(UNLOADABLE)))
    result = run(["php", str(HERE / "surface.php"), str(root), str(skip)], HERE)
    assert result.returncode == 0, result.stderr[-3000:]
    surface: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return surface


def _constructor_free(methods: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in methods.items() if k != "__construct"}


def test_public_surface_matches_the_official_client(
    official_library: Path, ovp22_package: Path, tmp_path: Path
) -> None:
    theirs = _surface(official_library, tmp_path)
    ours = _surface(ovp22_package / "library", tmp_path)
    problems: list[str] = []
    checked = 0
    empty: list[str] = []
    for name, official in theirs.items():
        mine = ours.get(UNLOADABLE.get(name, name))
        if "error" in official:
            empty.append(name)
            continue
        if mine is None:
            problems.append(f"{name}: missing")
            continue
        checked += 1
        if official["parent"] != mine["parent"]:
            problems.append(f"{name}: parent {official['parent']} != {mine['parent']}")
        our_constants = mine["constants"] or {}
        for const, value in (official["constants"] or {}).items():
            if our_constants.get(const) != value:
                problems.append(f"{name}::{const} = {value!r} != {our_constants.get(const)!r}")
        missing_props = set(official["properties"]) - set(mine["properties"])
        if missing_props:
            problems.append(f"{name}: properties missing {sorted(missing_props)}")
        for method, params in _constructor_free(official["methods"] or {}).items():
            key = f"{name}::{method}"
            if name.count("\\") == 2 and method in MISSING_METHODS:
                continue
            if method not in mine["methods"]:
                problems.append(f"{key}: missing")
                continue
            our_params = mine["methods"][method]
            their_shape = [(p[0], p[1], p[2]) for p in params]
            our_shape = [(p[0], p[1], p[2]) for p in our_params[: len(params)]]
            if their_shape != our_shape or any(not p[1] for p in our_params[len(params) :]):
                problems.append(f"{key}: {their_shape} != {our_shape}")
    assert problems == [], "\n".join(problems[:40])
    assert (checked, len(empty)) == (len(theirs) - EMPTY_IN_OFFICIAL, EMPTY_IN_OFFICIAL), empty
    # every allowed difference is documented in the generated README
    documented = " ".join(what for what, _ in DIFFERENCES)
    assert "ObjectType" in documented
    assert all(f"`{method}`" in documented for method in MISSING_METHODS)
    assert f"{EMPTY_IN_OFFICIAL} files" in " ".join(why for _, why in DIFFERENCES)
