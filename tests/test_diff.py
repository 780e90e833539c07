# ruff: noqa: E501  (the cases below are XML fragments; wrapping them hurts more than it helps)
"""`kaltura-codegen diff` on hand-made schema pairs: one case per classification rule.

Each case edits the base schema (tests/fixtures/ci/diff-base.xml) and asserts the *whole*
set of changes found, so a rule that fires too often fails as surely as one that never does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff import ChangeKind, diff_schemas, render
from generator.model import Schema
from generator.parser import parse_bytes
from tests.ci_helpers import FIXTURES

BASE = FIXTURES / "diff-base.xml"
BASE_TEXT = BASE.read_text()

A, R, C = ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED
BREAKING, COMPATIBLE = True, False


def parse(text: str, name: str) -> Schema:
    result = parse_bytes(text.encode(), name)
    assert result.schema is not None and not result.errors, result.errors
    return result.schema


def edit(*replacements: tuple[str, str]) -> str:
    text = BASE_TEXT
    for old, new in replacements:
        assert text.count(old) == 1, f"ambiguous or missing: {old!r}"
        text = text.replace(old, new)
    return text


NEW_SERVICE = """    <service id="fresh" name="fresh" description="">
      <action name="ping" description=""><result type="bool" /></action>
    </service>
  </services>"""

# id -> (replacements making NEW from the base, expected {(kind, element, path, breaking)},
#        a fragment the detail or reason of the first expected change must contain)
CASES: dict[str, tuple[list[tuple[str, str]], set[tuple[ChangeKind, str, str, bool]], str]] = {
    "service removed": (
        [
            (
                BASE_TEXT[
                    BASE_TEXT.index('    <service id="thing"') : BASE_TEXT.index(
                        '    <service id="extra_gadget"'
                    )
                ],
                "",
            )
        ],
        {(R, "service", "thing", BREAKING)},
        "every call to it fails",
    ),
    "service added": (
        [("  </services>", NEW_SERVICE)],
        {(A, "service", "fresh", COMPATIBLE)},
        "1 action(s)",
    ),
    "service client name changed": (
        [('<service id="thing" name="thing"', '<service id="thing" name="item"')],
        {(C, "service", "thing", BREAKING)},
        "client name thing -> item",
    ),
    "service moved to another plugin": (
        [('name="gadget" plugin="extra"', 'name="gadget" plugin="other"')],
        {(C, "service", "extra_gadget", BREAKING)},
        "plugin extra -> other",
    ),
    "action removed": (
        [
            (
                '      <action name="touch" description="">\n        <param name="id" type="int" optional="0" description="" />\n        <result />\n      </action>\n',
                "",
            )
        ],
        {(R, "action", "thing.touch", BREAKING)},
        "calls to it fail",
    ),
    "action added": (
        [
            (
                '      <action name="list"',
                '      <action name="ping" description=""><result /></action>\n      <action name="list"',
            )
        ],
        {(A, "action", "thing.ping", COMPATIBLE)},
        "new",
    ),
    "result type changed": (
        [('        <result type="KalturaThing" />', '        <result type="KalturaOtherBase" />')],
        {(C, "result", "thing.add", BREAKING)},
        "result KalturaThing -> KalturaOtherBase",
    ),
    "result narrowed to a subclass": (
        [
            (
                '        <result type="KalturaThing" />',
                '        <result type="KalturaSpecialThing" />',
            )
        ],
        {(C, "result", "thing.add", COMPATIBLE)},
        "narrowed",
    ),
    "result array item type changed": (
        [('arrayType="KalturaThing" />', 'arrayType="KalturaOtherBase" />')],
        {(C, "result", "thing.list", BREAKING)},
        "array<KalturaThing> -> array<KalturaOtherBase>",
    ),
    "result added to a void action": (
        [
            (
                'optional="0" description="" />\n        <result />',
                'optional="0" description="" />\n        <result type="bool" />',
            )
        ],
        {(C, "result", "thing.touch", COMPATIBLE)},
        "result void -> bool",
    ),
    "result removed": (
        [('        <result type="int" />', "        <result />")],
        {(C, "result", "thing.count", BREAKING)},
        "result int -> void",
    ),
    "param removed": (
        [
            (
                '        <param name="label" type="string" optional="1" default="null" description="" />\n',
                "",
            )
        ],
        {(R, "param", "thing.add(label)", BREAKING)},
        "calls passing it fail",
    ),
    "new required param": (
        [
            (
                '        <param name="label"',
                '        <param name="extra" type="int" optional="0" description="" />\n        <param name="label"',
            )
        ],
        {(A, "param", "thing.add(extra)", BREAKING)},
        "new required param",
    ),
    "new optional param at the end": (
        [
            (
                'default="null" description="" />\n        <result type="KalturaThing" />',
                'default="null" description="" />\n        <param name="extra" type="int" optional="1" description="" />\n        <result type="KalturaThing" />',
            )
        ],
        {(A, "param", "thing.add(extra)", COMPATIBLE)},
        "new optional param",
    ),
    "new optional param inserted before existing ones": (
        [
            (
                '        <param name="label"',
                '        <param name="extra" type="int" optional="1" description="" />\n        <param name="label"',
            )
        ],
        {(A, "param", "thing.add(extra)", BREAKING)},
        "positional arguments shift",
    ),
    "param type changed": (
        [('<param name="size" type="int"', '<param name="size" type="string"')],
        {(C, "param", "thing.add(size)", BREAKING)},
        "type int -> string",
    ),
    "param widened int to bigint": (
        [('<param name="size" type="int"', '<param name="size" type="bigint"')],
        {(C, "param", "thing.add(size)", COMPATIBLE)},
        "widened",
    ),
    "param widened to a base class": (
        [('<param name="thing" type="KalturaThing"', '<param name="thing" type="KalturaBase"')],
        {(C, "param", "thing.add(thing)", COMPATIBLE)},
        "type KalturaThing -> KalturaBase",
    ),
    "param narrowed to a subclass": (
        [
            (
                '<param name="thing" type="KalturaThing"',
                '<param name="thing" type="KalturaSpecialThing"',
            )
        ],
        {(C, "param", "thing.add(thing)", BREAKING)},
        "a type change breaks callers",
    ),
    "param gains an enum constraint": (
        [
            (
                '<param name="label" type="string"',
                '<param name="label" type="string" enumType="KalturaShape"',
            )
        ],
        {(C, "param", "thing.add(label)", BREAKING)},
        "type string -> string<KalturaShape>",
    ),
    "param optional to required": (
        [
            (
                '<param name="label" type="string" optional="1"',
                '<param name="label" type="string" optional="0"',
            )
        ],
        {(C, "param", "thing.add(label)", BREAKING)},
        "optional -> required",
    ),
    "param required to optional": (
        [
            (
                '<param name="size" type="int" optional="0"',
                '<param name="size" type="int" optional="1"',
            )
        ],
        {(C, "param", "thing.add(size)", COMPATIBLE)},
        "required -> optional",
    ),
    "param default changed": (
        [('optional="1" default="1"', 'optional="1" default="2"')],
        {(C, "param", "thing.count(color)", COMPATIBLE)},
        "default '1' -> '2'",
    ),
    "params reordered": (
        [
            (
                '        <param name="thing" type="KalturaThing" optional="0" description="" />\n',
                "",
            ),
            (
                '        <param name="label"',
                '        <param name="thing" type="KalturaThing" optional="0" description="" />\n        <param name="label"',
            ),
        ],
        {(C, "param", "thing.add(...)", BREAKING)},
        "order (thing, size, label) -> (size, thing, label)",
    ),
    "class removed": (
        [
            (
                '    <class name="KalturaSpecialThing" base="KalturaThing">\n      <property name="level" type="int" description="" />\n    </class>\n',
                "",
            )
        ],
        {(R, "class", "KalturaSpecialThing", BREAKING)},
        "code using the type breaks",
    ),
    "class added": (
        [
            (
                "  </classes>",
                '    <class name="KalturaNew"><property name="x" type="int" description="" /></class>\n  </classes>',
            )
        ],
        {(A, "class", "KalturaNew", COMPATIBLE)},
        "1 own property",
    ),
    "base class changed": (
        [
            (
                '<class name="KalturaThing" base="KalturaBase">',
                '<class name="KalturaThing" base="KalturaOtherBase">',
            )
        ],
        {(C, "class", "KalturaThing", BREAKING)},
        "base KalturaBase -> KalturaOtherBase",
    ),
    "class became abstract": (
        [
            (
                '<class name="KalturaThing" base="KalturaBase">',
                '<class name="KalturaThing" base="KalturaBase" abstract="1">',
            )
        ],
        {(C, "class", "KalturaThing", BREAKING)},
        "became abstract",
    ),
    "class no longer abstract": (
        [('<class name="KalturaBase" abstract="1">', '<class name="KalturaBase">')],
        {(C, "class", "KalturaBase", COMPATIBLE)},
        "no longer abstract",
    ),
    "class moved to another plugin": (
        [
            (
                '<class name="KalturaPluginThing" plugin="extra">',
                '<class name="KalturaPluginThing" plugin="other">',
            )
        ],
        {(C, "class", "KalturaPluginThing", BREAKING)},
        "plugin extra -> other",
    ),
    "property removed": (
        [('      <property name="notes" type="string" description="" />\n', "")],
        {(R, "property", "KalturaThing.notes", BREAKING)},
        "code reading or setting it breaks",
    ),
    "property added": (
        [
            (
                '      <property name="level" type="int" description="" />',
                '      <property name="level" type="int" description="" />\n      <property name="depth" type="float" description="" />',
            )
        ],
        {(A, "property", "KalturaSpecialThing.depth", COMPATIBLE)},
        "float",
    ),
    "property moved to the base class": (
        [
            ('      <property name="notes" type="string" description="" />\n', ""),
            (
                '<class name="KalturaBase" abstract="1">\n',
                '<class name="KalturaBase" abstract="1">\n      <property name="notes" type="string" description="" />\n',
            ),
        ],
        {
            (R, "property", "KalturaThing.notes", COMPATIBLE),
            (A, "property", "KalturaBase.notes", COMPATIBLE),
        },
        "moved to a base class",
    ),
    "property type changed": (
        [('<property name="name" type="string"', '<property name="name" type="int"')],
        {(C, "property", "KalturaThing.name", BREAKING)},
        "type string -> int",
    ),
    "property enum changed": (
        [
            (
                '<property name="color" type="int" enumType="KalturaColor"',
                '<property name="color" type="int"',
            )
        ],
        {(C, "property", "KalturaThing.color", BREAKING)},
        "type int<KalturaColor> -> int",
    ),
    "readOnly became writable": (
        [
            (
                '<class name="KalturaBase" abstract="1">\n      <property name="id" type="int" readOnly="1"',
                '<class name="KalturaBase" abstract="1">\n      <property name="id" type="int" readOnly="0"',
            )
        ],
        {(C, "property", "KalturaBase.id", BREAKING)},
        "readOnly -> writable",
    ),
    "writable became readOnly": (
        [
            (
                '<property name="name" type="string"',
                '<property name="name" type="string" readOnly="1"',
            )
        ],
        {(C, "property", "KalturaThing.name", BREAKING)},
        "writable -> readOnly",
    ),
    "became insertOnly": (
        [
            (
                '<property name="notes" type="string"',
                '<property name="notes" type="string" insertOnly="1"',
            )
        ],
        {(C, "property", "KalturaThing.notes", BREAKING)},
        "became insertOnly",
    ),
    "no longer insertOnly": (
        [
            (
                '<property name="createdAt" type="int" insertOnly="1"',
                '<property name="createdAt" type="int"',
            )
        ],
        {(C, "property", "KalturaThing.createdAt", COMPATIBLE)},
        "no longer insertOnly",
    ),
    "became writeOnly": (
        [
            (
                '<property name="notes" type="string"',
                '<property name="notes" type="string" writeOnly="1"',
            )
        ],
        {(C, "property", "KalturaThing.notes", BREAKING)},
        "became writeOnly",
    ),
    "no longer writeOnly": (
        [
            (
                '<property name="secret" type="string" writeOnly="1"',
                '<property name="secret" type="string"',
            )
        ],
        {(C, "property", "KalturaThing.secret", COMPATIBLE)},
        "no longer writeOnly",
    ),
    "enum removed": (
        [
            (
                '    <enum name="KalturaShape" enumType="string">\n      <const name="ROUND" value="round" />\n    </enum>\n',
                "",
            )
        ],
        {(R, "enum", "KalturaShape", BREAKING)},
        "code using its values breaks",
    ),
    "enum added": (
        [
            (
                "  </enums>",
                '    <enum name="KalturaSize" enumType="int"><const name="S" value="1" /></enum>\n  </enums>',
            )
        ],
        {(A, "enum", "KalturaSize", COMPATIBLE)},
        "int, 1 value(s)",
    ),
    "enum kind changed": (
        [
            (
                '<enum name="KalturaShape" enumType="string">\n      <const name="ROUND" value="round" />',
                '<enum name="KalturaShape" enumType="int">\n      <const name="ROUND" value="1" />',
            )
        ],
        {(C, "enum", "KalturaShape", BREAKING), (C, "const", "KalturaShape.ROUND", BREAKING)},
        "string -> int",
    ),
    "enum moved to another plugin": (
        [('enumType="int" plugin="extra"', 'enumType="int" plugin="other"')],
        {(C, "enum", "KalturaPluginEnum", BREAKING)},
        "plugin extra -> other",
    ),
    "enum value removed": (
        [('      <const name="GREEN" value="2" />\n', "")],
        {(R, "const", "KalturaColor.GREEN", BREAKING)},
        "removed value",
    ),
    "enum value added": (
        [
            (
                '      <const name="GREEN" value="2" />\n',
                '      <const name="GREEN" value="2" />\n      <const name="BLUE" value="3" />\n',
            )
        ],
        {(A, "const", "KalturaColor.BLUE", COMPATIBLE)},
        "= 3",
    ),
    "enum value renumbered": (
        [('<const name="GREEN" value="2" />', '<const name="GREEN" value="7" />')],
        {(C, "const", "KalturaColor.GREEN", BREAKING)},
        "value 2 -> 7",
    ),
    "plugin removed": (
        [('    <plugin name="other" />\n', "")],
        {(R, "plugin", "other", BREAKING)},
        "code importing it breaks",
    ),
    "plugin added": (
        [("  </plugins>", '    <plugin name="brandNew" />\n  </plugins>')],
        {(A, "plugin", "brandNew", COMPATIBLE)},
        "0 service(s)",
    ),
    "plugin services changed": (
        [
            (
                '    <plugin name="other" />',
                '    <plugin name="other">\n      <pluginService name="thing" />\n    </plugin>',
            )
        ],
        {(C, "plugin", "other", COMPATIBLE)},
        "services [] -> [thing]",
    ),
    "error removed": (
        [('    <error name="GONE" code="GONE" message="gone" />\n', "")],
        {(R, "error", "GONE", BREAKING)},
        "code handling it by name breaks",
    ),
    "error added": (
        [("  </errors>", '    <error name="NEW_ONE" code="NEW_ONE" message="new" />\n  </errors>')],
        {(A, "error", "NEW_ONE", COMPATIBLE)},
        "NEW_ONE",
    ),
    "error code changed": (
        [('<error name="GONE" code="GONE"', '<error name="GONE" code="GONE_FOR_GOOD"')],
        {(C, "error", "GONE", BREAKING)},
        "code GONE -> GONE_FOR_GOOD",
    ),
    "error message changed": (
        [('message="gone"', 'message="it is gone"')],
        {(C, "error", "GONE", COMPATIBLE)},
        "message changed",
    ),
    "configuration removed": (
        [('      <clientTag type="string" description="" />\n', "")],
        {(R, "config", "client.clientTag", BREAKING)},
        "code setting it breaks",
    ),
    "configuration added": (
        [
            (
                '      <partnerId type="int" description="" />',
                '      <partnerId type="int" description="" />\n      <ks type="string" description="" />',
            )
        ],
        {(A, "config", "request.ks", COMPATIBLE)},
        "string",
    ),
    "configuration type changed": (
        [('<partnerId type="int"', '<partnerId type="string"')],
        {(C, "config", "request.partnerId", BREAKING)},
        "type int -> string",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule(case: str) -> None:
    replacements, expected, fragment = CASES[case]
    diff = diff_schemas(parse(BASE_TEXT, "old.xml"), parse(edit(*replacements), "new.xml"))
    found = {(c.kind, c.element, c.path, c.breaking) for c in diff.changes}
    assert found == expected, render(diff, "text")
    assert any(fragment in f"{c.detail} {c.reason}" for c in diff.changes), render(diff, "text")
    assert all(c.reason for c in diff.changes)


def test_identical_schemas_have_no_changes() -> None:
    assert diff_schemas(parse(BASE_TEXT, "a.xml"), parse(BASE_TEXT, "b.xml")).changes == ()


def test_reverse_of_an_addition_is_a_breaking_removal() -> None:
    bigger = edit(("  </services>", NEW_SERVICE))
    forward = diff_schemas(parse(BASE_TEXT, "a.xml"), parse(bigger, "b.xml"))
    backward = diff_schemas(parse(bigger, "b.xml"), parse(BASE_TEXT, "a.xml"))
    assert [c.breaking for c in forward.changes] == [False]
    assert [c.breaking for c in backward.changes] == [True]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str, str]:
    """OLD, NEW with one breaking and one compatible change; and a NEW with compatible only."""
    new = tmp_path / "new.xml"
    new.write_text(edit(("  </services>", NEW_SERVICE), ('<const name="GREEN" value="2" />', "")))
    compatible = tmp_path / "compatible.xml"
    compatible.write_text(edit(("  </services>", NEW_SERVICE)))
    return str(BASE), str(new), str(compatible)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_format(pair: tuple[str, str, str]) -> None:
    old, new, _ = pair
    code, out, _ = invoke(old, new)
    assert code == 0
    assert out.splitlines()[:2] == [
        f"{old} (apiVersion 5.0.0) -> {new} (apiVersion 5.0.0)",
        "1 breaking, 1 compatible change(s)",
    ]
    assert "Breaking changes (1):\n  removed const KalturaColor.GREEN (removed value:" in out
    assert "Compatible changes (1):\n  added service fresh: 1 action(s) (new)" in out


def test_markdown_format(pair: tuple[str, str, str]) -> None:
    old, new, _ = pair
    code, out, _ = invoke(old, new, "--format", "markdown")
    assert code == 0
    assert out.startswith("# Kaltura API schema changes\n")
    assert "**1 breaking**, 1 compatible change(s)." in out
    assert "## Breaking changes (1)\n\n| change | element | name | detail | why |" in out
    assert (
        "| removed | const | `KalturaColor.GREEN` |  | removed value: code using it breaks |" in out
    )


def test_json_format(pair: tuple[str, str, str]) -> None:
    old, new, _ = pair
    code, out, _ = invoke(old, new, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == {"breaking": 1, "compatible": 1, "total": 2}
    assert data["old"] == {"file": old, "apiVersion": "5.0.0"}
    assert {
        "kind": "added",
        "element": "service",
        "path": "fresh",
        "detail": "1 action(s)",
        "breaking": False,
        "reason": "new",
    } in data["changes"]


@pytest.mark.parametrize(
    ("fail_on", "with_breaking", "compatible_only", "identical"),
    [("breaking", 1, 0, 0), ("any", 1, 1, 0), ("none", 0, 0, 0)],
)
def test_fail_on_sets_the_exit_code(
    pair: tuple[str, str, str],
    fail_on: str,
    with_breaking: int,
    compatible_only: int,
    identical: int,
) -> None:
    old, new, compatible = pair
    assert invoke(old, new, "--fail-on", fail_on)[0] == with_breaking
    assert invoke(old, compatible, "--fail-on", fail_on)[0] == compatible_only
    assert invoke(old, old, "--fail-on", fail_on)[0] == identical


def test_unusable_schema_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<xml apiVersion='1'>")
    code, out, err = invoke(str(BASE), str(bad))
    assert code == 2 and "malformed XML" in err and "Traceback" not in out + err
    broken = tmp_path / "broken.xml"
    broken.write_text(edit(('base="KalturaBase"', 'base="KalturaMissing"')))
    code, _, err = invoke(str(broken), str(BASE))
    assert code == 2 and "KalturaMissing" in err and "cannot compare" in err
    code, _, err = invoke(str(BASE), str(tmp_path / "absent.xml"))
    assert code == 2 and "cannot read schema" in err
    code, _, err = invoke(str(BASE), str(BASE), "--format", "yaml")
    assert code == 2


def test_output_is_deterministic() -> None:
    new = edit(("  </services>", NEW_SERVICE), ('<const name="GREEN" value="2" />', ""))
    first = render(diff_schemas(parse(BASE_TEXT, "a"), parse(new, "b")), "json")
    second = render(diff_schemas(parse(BASE_TEXT, "a"), parse(new, "b")), "json")
    assert first == second
