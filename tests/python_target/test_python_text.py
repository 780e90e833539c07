"""The one escaping path: no schema text can break generated code or its black formatting."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion

from generator.output import write_tree
from generator.parser import parse_bytes
from generator.targets.python import render_package
from generator.targets.python.naming import docstring, string_literal
from generator.targets.python.render import RUNTIME_DIR
from tests.python_target.conftest import run_json

RUFF = str(Path(sys.executable).with_name("ruff"))
MODE = black.Mode(line_length=100, target_versions={TargetVersion.PY310})

HOSTILE = [
    'He said "hi"',
    '"quoted at both ends"',
    'ends with a quote"',
    'triple """ inside """',
    '""""""',
    "ends with a backslash \\",
    "back\\slash \\n not a newline \\x41",
    "line one\nline two\n\n\nline five",
    "  indented\n\tand tabbed\n    deeper",
    "non-ASCII: café — 日本語 ✓ emoji 🎬",
    "separators\u2028inside\u2029and\x0bvertical\x0cfeed\x85next",
    "nul \x00 and bell \x07",
    "'single' and \"double\" and '''triple single'''",
    "a" * 150,
    "trailing spaces   \nand CRLF\r\nand CR\rend",
    "",
]


def _normalized(text: str) -> str:
    """What a docstring keeps of free text: stripped lines, collapsed blank runs, tabs as spaces."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
    stripped = [line.strip() for line in lines]
    while stripped and not stripped[0]:
        stripped.pop(0)
    while stripped and not stripped[-1]:
        stripped.pop()
    out: list[str] = []
    for line in stripped:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("text", HOSTILE)
def test_string_literal_round_trips(text: str) -> None:
    literal = string_literal(text)
    assert ast.literal_eval(literal) == text
    source = f"X = {literal}\n"
    assert black.format_str(source, mode=MODE) == source


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("indent", [0, 4, 8])
def test_docstring_is_safe_and_black_stable(text: str, indent: int) -> None:
    literal = docstring(text, indent)
    if not _normalized(text):
        assert literal == ""
        return
    # placed as the templates place it: indented where it stands
    body = " " * indent + literal.replace("\n", "\n" + " " * indent)
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    if indent:
        header = "".join(f"{' ' * (i * 4)}class C{i}:\n" for i in range(indent // 4))
        source = header + body + "\n\n" + " " * indent + "x = 1\n"
    else:
        source = body + "\n\nx = 1\n"
    tree = ast.parse(source)
    node: ast.Module | ast.ClassDef = tree
    for _ in range(indent // 4):
        inner = node.body[0]
        assert isinstance(inner, ast.ClassDef)
        node = inner
    doc = ast.get_docstring(node, clean=False)
    assert doc is not None
    assert inspect.cleandoc(doc).rstrip() == inspect.cleandoc(_normalized(text)).rstrip()
    assert black.format_str(source, mode=MODE) == source


_SCHEMA = """<?xml version="1.0"?>
<xml apiVersion="{version}">
  <enums>
    <enum name="KalturaNasty" enumType="string" description="{desc}">
      <const name="QUOTE" value="{value}"/>
      <const name="3D" value="three"/>
    </enum>
  </enums>
  <classes>
    <class name="KalturaThing" description="{desc}">
      <property name="not" type="bool" description="{desc}"/>
      <property name="label" type="string" description="{desc}"/>
    </class>
  </classes>
  <services>
    <service id="thing" name="thing" description="{desc}">
      <action name="list" description="{desc}">
        <param name="filter" type="string" optional="1" default="{value}" description="{desc}"/>
        <param name="self" type="int" optional="1" default="5" description="{desc}"/>
        <result type="KalturaThing"/>
      </action>
    </service>
  </services>
</xml>
"""


def _xml_attr(text: str) -> str:
    out = []
    for ch in text:
        if ch in '<>&"' or ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def test_hostile_schema_text_end_to_end(tmp_path: Path) -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    desc = 'Say """hi""" \\ to C:\\new\n  "quoted"\u2028 café \t'
    value = 'a "default" \\ with \'quotes\'"'
    version = '1.2.3" ]\n[evil]\u2028 # x'
    xml = _SCHEMA.format(desc=_xml_attr(desc), value=_xml_attr(value), version=_xml_attr(version))
    xml = xml.replace("&#0;", "")
    result = parse_bytes(xml.encode(), "hostile.xml")
    assert result.schema is not None and not result.errors, result.errors
    out = tmp_path / "pkg"
    write_tree(out, render_package(result.schema))
    runtime = {p.relative_to(RUNTIME_DIR).as_posix() for p in RUNTIME_DIR.rglob("*.py")}
    for path in out.rglob("*.py"):
        if path.relative_to(out).as_posix() in runtime:
            continue  # copied verbatim; checked by test_runtime_tree_is_black_formatted
        source = path.read_text()
        assert black.format_str(source, mode=MODE) == source, path
    got = run_json(
        """
        import inspect, json
        from KalturaClient.Plugins.Core import KalturaNasty, KalturaThing, KalturaThingService
        sig = inspect.signature(KalturaThingService.list)
        print(json.dumps({
            "enum_doc": KalturaNasty.__doc__,
            "method_doc": KalturaThingService.list.__doc__,
            "const": KalturaNasty.QUOTE.getValue(),
            "digit_const": KalturaNasty.VALUE_3D.getValue(),
            "default": sig.parameters["filter"].default,
            "self_param": list(sig.parameters)[2],
            "not": KalturaThing(not_=True).getNot_(),
            "api_version": __import__("KalturaClient.Plugins.Core").Plugins.Core.API_VERSION,
        }))
        """,
        out,
    )
    meta = tomllib.loads((out / "pyproject.toml").read_text())
    assert meta["project"]["version"] == "1.2.3"
    assert version in meta["project"]["description"]
    assert "evil" not in meta
    assert got["api_version"] == version
    assert got["const"] == value
    assert got["default"] == value
    assert got["digit_const"] == "three"
    assert got["self_param"] == "self_"
    assert got["not"] is True
    assert inspect.cleandoc(got["enum_doc"]) == inspect.cleandoc(_normalized(desc))
    # parameter descriptions are escaped once, like every other docstring text
    one_line = " ".join(_normalized(desc).split())
    assert f":param filter: {one_line}" in got["method_doc"]


def test_docstring_examples_are_readable() -> None:
    assert docstring("Plain text", 4) == '"""Plain text"""'
    assert docstring('ends with "quote"', 0) == '"""ends with "quote" """'
    assert docstring("a\n\nb", 4) == '"""a\n\nb"""'
    long_last = "x" * 95
    assert docstring(f"first\n{long_last}", 4) == f'"""first\n{long_last}\n"""'


@pytest.mark.parametrize("length", [58, 95, 120])
def test_very_long_names_stay_formatted(tmp_path: Path, length: int) -> None:
    """Long names need splits of every kind. Up to the real schemas' longest names (58)
    the output is stable under black and ruff; beyond, where a line cannot fit at all,
    the two formatters disagree on a few splits and the output is ruff's."""
    cls = "K" + "x" * length
    prop = "p" * length
    xml = (
        f'<xml apiVersion="1"><classes><class name="{cls}">'
        f'<property name="{prop}" type="array" arrayType="{cls}"/></class></classes>'
        f'<services><service id="s" name="s"><action name="{"a" * length}">'
        f'<param name="{"q" * length}" type="{cls}" optional="1" default="null"/>'
        f'<result type="array" arrayType="{cls}"/></action></service></services></xml>'
    )
    result = parse_bytes(xml.encode(), "long.xml")
    assert result.schema is not None and not result.errors, result.errors
    files = render_package(result.schema)
    runtime = {p.relative_to(RUNTIME_DIR).as_posix() for p in RUNTIME_DIR.rglob("*.py")}
    generated = {
        name: content.decode()
        for name, content in files.items()
        if name.endswith(".py") and name not in runtime
    }
    assert generated
    if length <= 60:
        for name, source in generated.items():
            assert black.format_str(source, mode=MODE) == source, name
    write_tree(tmp_path / "pkg", files)
    ruff = subprocess.run(
        [RUFF, "format", "--check", "--isolated", "--line-length", "100", *generated],
        cwd=tmp_path / "pkg",
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    got = run_json(
        f"""
        import json
        from KalturaClient.Plugins.Core import {cls}
        print(json.dumps(sorted(vars({cls}(**{{{prop!r}: []}}))) ))
        """,
        tmp_path / "pkg",
    )
    assert prop in got


def test_long_default_literal_stays_black_formatted() -> None:
    default = "d" * 70
    xml = (
        '<xml apiVersion="1"><services><service id="s" name="s"><action name="act">'
        f'<param name="parameterWithLongDefault" type="string" optional="1" default="{default}"/>'
        "</action></service></services></xml>"
    )
    result = parse_bytes(xml.encode(), "default.xml")
    assert result.schema is not None and not result.errors, result.errors
    core = render_package(result.schema)["KalturaClient/Plugins/Core.py"].decode()
    assert black.format_str(core, mode=MODE) == core
    assert default in core
