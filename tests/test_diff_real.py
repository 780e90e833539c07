"""`diff` on the published schema pairs: specific changes we know happened between releases.

Each expected change below was checked by hand against the two XML files.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff import ChangeKind, SchemaDiff, diff_schemas
from tests.conftest import parsed_real_schema, real_schema_path

_diffs: dict[tuple[str, str], SchemaDiff] = {}


def real_diff(old: str, new: str) -> SchemaDiff:
    if (old, new) not in _diffs:
        _diffs[old, new] = diff_schemas(parsed_real_schema(old), parsed_real_schema(new))
    return _diffs[old, new]


def one(diff: SchemaDiff, element: str, path: str, kind: ChangeKind, detail: str = "") -> bool:
    """The breaking flag of the single change at (element, path, kind)."""
    matches = [c for c in diff.find(element, path) if c.kind is kind and detail in c.detail]
    assert len(matches) == 1, (element, path, kind, diff.find(element, path))
    return matches[0].breaking


OVP = ("ovp-3.1.1.xml", "ovp-22.19.0.xml")
OTT = ("ott-3.6.287.xml", "ott-5.3.7.xml")


@pytest.mark.slow
def test_ovp_3_to_22() -> None:
    d = real_diff(*OVP)
    assert (d.old_version, d.new_version) == ("3.1.1", "22.19.0")
    # A service that exists only in the newer schema, and one dropped since 3.1.1.
    assert one(d, "service", "accesscontrolprofile", ChangeKind.ADDED) is False
    assert one(d, "service", "adminconsole_flavorparamsoutput", ChangeKind.REMOVED) is True
    # media.convert returned int, now bigint: a result type change.
    assert one(d, "result", "media.convert", ChangeKind.CHANGED, "result int -> bigint") is True
    # KalturaAnnotation gained the base class KalturaCuePoint.
    assert one(
        d, "class", "KalturaAnnotation", ChangeKind.CHANGED, "base (none) -> KalturaCuePoint"
    )
    # KalturaAsset.fileExt became insertOnly.
    assert one(d, "property", "KalturaAsset.fileExt", ChangeKind.CHANGED, "became insertOnly")
    # livestream.add(sourceType): int enum -> string enum.
    assert one(
        d,
        "param",
        "livestream.add(sourceType)",
        ChangeKind.CHANGED,
        "int<KalturaSourceType> -> string<KalturaSourceType>",
    )
    # 3.1.1 declared no <errors>; 22.19.0 declares 725, all additions.
    errors = [c for c in d.changes if c.element == "error"]
    assert len(errors) == 725 and all(c.kind is ChangeKind.ADDED for c in errors)
    assert len(d.breaking) > 100 and len(d.compatible) > 1000


@pytest.mark.slow
def test_ott_3_to_5() -> None:
    d = real_diff(*OTT)
    assert one(d, "service", "assetrule", ChangeKind.ADDED) is False
    # social.getConfiguration(partnerId, type) became (type, partnerId=null).
    assert one(d, "param", "social.getConfiguration(...)", ChangeKind.CHANGED) is True
    assert (
        one(
            d,
            "param",
            "social.getConfiguration(partnerId)",
            ChangeKind.CHANGED,
            "required -> optional",
        )
        is False
    )
    # KalturaChannelEnrichment lost its ATHOME value.
    assert one(d, "const", "KalturaChannelEnrichment.ATHOME", ChangeKind.REMOVED) is True
    assert len(d.breaking) > 50


@pytest.mark.slow
def test_cli_on_a_real_pair_with_fail_on() -> None:
    old, new = (str(real_schema_path(n)) for n in OTT)
    runner = CliRunner()
    gate = runner.invoke(main, ["diff", old, new, "--fail-on", "breaking", "--format", "json"])
    assert gate.exit_code == 1
    data = json.loads(gate.stdout)
    assert data["summary"]["breaking"] == len(real_diff(*OTT).breaking)
    assert data["new"]["apiVersion"] == "5.3.7.28130"
    same = runner.invoke(main, ["diff", new, new, "--fail-on", "any"])
    assert same.exit_code == 0 and "0 breaking, 0 compatible change(s)" in same.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["ovp-22.19.0.xml", "ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml"]
)
def test_a_schema_against_itself_has_no_changes(name: str) -> None:
    # Two separate parses: nothing may be compared by identity or depend on order.
    schema = parsed_real_schema(name)
    from generator.sources import load_schema

    again = load_schema(str(real_schema_path(name))).schema
    assert again is not None
    assert diff_schemas(schema, again).changes == ()
