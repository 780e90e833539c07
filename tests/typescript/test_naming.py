"""TypeScript identifiers and literals: the reserved lists are the runtime's own members, and
schema names that would shadow them (or Object.prototype, or keywords) compile and work,
with a `check` warning that says what they became."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.cli import main
from generator.output import write_tree
from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.targets import GenerateOptions
from generator.targets.typescript import TARGET
from generator.targets.typescript.naming import (
    CLIENT_MEMBERS,
    KEYWORDS,
    OBJECT_MEMBERS,
    OBJECT_PROTOTYPE,
    REQUEST_MEMBERS,
    TYPE_NAMES,
    jsdoc,
    ts_dq_string,
)
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA
from tests.typescript.conftest import (
    compile_package,
    dist_differences,
    require_toolchain,
    run,
    tsc_errors,
)

RUNTIME_SRC = REPO_ROOT / "templates" / "typescript" / "runtime" / "src"
_CLASS = re.compile(
    r"^export (?:abstract )?class (\w+)(?:<[^\n]*?>)?(?: extends (\w+))?[^\n]*\{\n(.*?)^\}",
    re.M | re.S,
)
_MEMBER = re.compile(
    r"^    (?:/\*\*.*?\*/ )?((?:(?:static|private|protected|public|readonly|declare|override"
    r"|abstract|async|get|set) )*)([A-Za-z_$][\w$]*)\s*[?!]?\s*[(:=<;]",
    re.M,
)
# The base classes generated code extends, and the reserved list each one's subclasses obey.
BASES = {
    "KalturaObjectBase": OBJECT_MEMBERS,
    "KalturaRequestBase": REQUEST_MEMBERS,
    "KalturaRequest": REQUEST_MEMBERS,
    "KalturaFileRequest": REQUEST_MEMBERS,
    "KalturaUploadRequest": REQUEST_MEMBERS,
    "KalturaClient": CLIENT_MEMBERS,  # KalturaServicesClient's getters
}
# KalturaObjectBase declares the schema's own `relatedObjects` (same field, same wire name);
# the request classes inherit it, so there it is reserved like any other member.
SCHEMA_FIELDS = {"relatedObjects"}


def runtime_members() -> dict[str, set[str]]:
    """Instance members of each runtime class, its own and inherited from runtime bases,
    read from templates/typescript/runtime/src."""
    own: dict[str, set[str]] = {}
    bases: dict[str, str] = {}
    for source in RUNTIME_SRC.rglob("*.ts"):
        for name, base, body in _CLASS.findall(source.read_text()):
            found = own.setdefault(name, set())
            if base:
                bases[name] = base
            for modifiers, member in _MEMBER.findall(body):
                if "static" not in modifiers.split():  # statics live on the class, not on fields
                    found.add(member)
    members: dict[str, set[str]] = {}
    for name in own:
        chain, current = set(own[name]), bases.get(name)
        while current in own:
            chain |= own[current]
            current = bases.get(current)
        members[name] = chain
    return members


def test_the_reserved_lists_hold_every_member_of_the_runtime_base_classes() -> None:
    members = runtime_members()
    assert set(BASES) <= set(members)
    assert {"toRequestObject", "_encode", "constructor"} <= members["KalturaObjectBase"]
    assert {"buildRequest", "__result__"} <= members["KalturaRequest"]
    assert {"request", "multiRequest", "_transmit"} <= members["KalturaClient"]
    for base, reserved in BASES.items():
        schema_fields = SCHEMA_FIELDS if base == "KalturaObjectBase" else set()
        missing = members[base] - reserved - schema_fields
        assert missing == set(), f"{base}: {sorted(missing)} are not reserved"
    assert {"toString", "valueOf", "hasOwnProperty", "__proto__"} <= OBJECT_PROTOTYPE
    assert OBJECT_PROTOTYPE <= OBJECT_MEMBERS <= REQUEST_MEMBERS


def test_keywords_and_runtime_names_are_escaped_as_type_names() -> None:
    assert TYPE_NAMES.escape("delete") == "delete_"
    assert TYPE_NAMES.escape("KalturaRequest") == "KalturaRequest_"
    assert TYPE_NAMES.escape("Record") == "Record_"
    assert TYPE_NAMES.escape("KalturaMediaEntry") == "KalturaMediaEntry"
    assert {"class", "enum", "interface", "await"} <= KEYWORDS


def test_literals_and_comments_keep_schema_text_data() -> None:
    assert ts_dq_string('a"b\\c\n\u2028é') == '"a\\"b\\\\c\\n\\u2028\\u00E9"'
    assert ts_dq_string("\U0001f600") == '"\\uD83D\\uDE00"'
    doc = jsdoc("x */ process.exit(97); /*\u2028y\rz")
    assert "*/ process" not in doc and doc.count("*/") == 1
    assert all(line.lstrip().startswith(("/**", "*")) for line in doc.splitlines())


def _element(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(tag)
    for key, value in attributes.items():
        element.set(key, value)
    return element


def shadowing_schema() -> bytes:
    """The sample with properties named after Object.prototype and runtime members, one that
    collides with an escaped name, a class and an enum named like a global and a keyword,
    and an int default of 00012."""
    tree = etree.parse(str(SAMPLE_SCHEMA), etree.XMLParser(remove_comments=True))
    root = tree.getroot()
    entry = root.find(".//class[@name='KalturaMediaEntry']")
    assert entry is not None
    for name, kind in (
        ("toString", "string"),
        ("valueOf", "int"),
        ("hasOwnProperty", "bool"),
        ("constructor", "string"),
        ("__proto__", "string"),
        ("toJSON", "string"),
        ("toRequestObject", "string"),
        ("toString_", "string"),
    ):
        entry.append(_element("property", name=name, type=kind, readOnly="0", description=""))
    classes = root.find("classes")
    assert classes is not None
    record = _element("class", name="Record", description="Named like a TypeScript global")
    record.append(_element("property", name="value", type="string", readOnly="0"))
    # not the base's map of objects: it must not take the base's field name
    record.append(_element("property", name="relatedObjects", type="string", readOnly="0"))
    classes.append(record)
    enums = root.find("enums")
    assert enums is not None
    keyword = _element("enum", name="delete", enumType="int")
    keyword.append(_element("const", name="YES", value="1"))
    enums.append(keyword)
    media_list = root.find(".//service[@id='media']/action[@name='list']")
    assert media_list is not None
    result = media_list.find("result")
    for name, kind, default in (
        ("limit", "int", "00012"),
        ("buildRequest", "string", "x"),
        # a request's `relatedObjects` is the base's response field, not a parameter
        ("relatedObjects", "string", "r"),
    ):
        param = _element("param", name=name, type=kind, optional="1", default=default)
        assert result is not None
        result.addprevious(param)
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return data


@pytest.fixture(scope="module")
def shadowing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    data = shadowing_schema()
    path = tmp_path_factory.mktemp("shadow") / "shadow.xml"
    path.write_bytes(data)
    return path, data


def test_check_reports_every_rename_with_its_schema_line(shadowing: tuple[Path, bytes]) -> None:
    path, data = shadowing
    parsed = parse_bytes(data, str(path))
    assert parsed.schema is not None and not parsed.errors, parsed.errors
    found = TARGET.check(parsed.schema, GenerateOptions())
    by_element = {d.element: d for d in found}
    lines = data.decode().splitlines()
    for element, snippet in (
        ("property KalturaMediaEntry.toString", 'name="toString"'),
        ("property KalturaMediaEntry.__proto__", 'name="__proto__"'),
        ("class Record", 'name="Record"'),
        ("property Record.relatedObjects", 'name="relatedObjects"'),
        ("enum delete", 'name="delete"'),
    ):
        diagnostic = by_element[element]
        assert diagnostic.file == str(path)
        assert snippet in lines[diagnostic.line - 1]
    assert "toString_" in by_element["property KalturaMediaEntry.toString"].message
    assert "property KalturaMediaEntry.toString_" in by_element  # it moved aside as well
    assert all(not d.is_error for d in found)

    result = CliRunner().invoke(main, ["validate", "--target", "typescript", str(path)])
    assert f"{path}:{by_element['class Record'].line}: warning: class Record:" in result.output
    assert "generated as Record_" in result.output


def test_shadowing_names_compile_run_and_keep_their_wire_names(
    shadowing: tuple[Path, bytes], tmp_path: Path
) -> None:
    require_toolchain()
    path, data = shadowing
    parsed = parse_bytes(data, str(path))
    assert parsed.schema is not None
    root = tmp_path / "package"
    write_tree(root, render_schema(parsed.schema, "typescript"))
    built = compile_package(root)
    assert tsc_errors(built.tsc) == [], built.tsc.stdout[-3000:]
    assert dist_differences(built) == []
    script = tmp_path / "probe.mjs"
    script.write_text(
        f"import {{ KalturaMediaEntry }} from '{root}/dist/api/types/KalturaMediaEntry.js';\n"
        f"import {{ MediaListAction }} from '{root}/dist/api/types/MediaListAction.js';\n"
        f"import {{ Record_ }} from '{root}/dist/api/types/Record_.js';\n"
        f"import {{ delete_ }} from '{root}/dist/api/types/delete_.js';\n"
        "const e = new KalturaMediaEntry({ toString_: 's', valueOf_: 3, toString__: 't' });\n"
        "const sent = e.toRequestObject();\n"
        "const back = new KalturaMediaEntry().fromResponseObject({ toString: 'u', __proto__x: 1,"
        " hasOwnProperty: true });\n"
        "console.log(JSON.stringify({ text: String(e), sent, back: back.toString_,"
        " own: back.hasOwnProperty_, proto: typeof back.hasOwnProperty,"
        " request: new MediaListAction().buildRequest(null),"
        " record: new Record_({ value: 'v', relatedObjects_: 'w' }).toRequestObject(),"
        " yes: delete_.yes }));\n"
    )
    result = run(["node", str(script)], tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["text"] == "[object Object]"  # toString still the object's
    assert report["sent"]["toString"] == "s" and report["sent"]["valueOf"] == 3
    assert report["sent"]["toString_"] == "t"
    assert report["back"] == "u" and report["own"] is True and report["proto"] == "function"
    assert report["request"]["limit"] == 12  # 00012, parsed
    assert report["request"]["buildRequest"] == "x"
    assert report["request"]["relatedObjects"] == "r"  # wire name kept
    assert report["record"] == {"objectType": "Record", "value": "v", "relatedObjects": "w"}
    assert report["yes"] == 1
