"""Identifiers of the Python target (generator/targets/python/naming.py) and what they fix.

The reserved lists are tied to the runtime files; every case of issue 11 that let schema
names break or run code is generated and executed; what escaping cannot solve is a
`validate --target python` diagnostic with its schema line.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.output import write_tree
from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.targets.python import naming, plan, render_package
from generator.targets.python.render import RUNTIME_DIR
from tests.python_target.conftest import run_json

# Runtime base class -> the reserved set a generated subclass's members must avoid.
RUNTIME_BASES = {
    "KalturaObjectBase": naming.OBJECT_MEMBERS,
    "KalturaIntEnum": naming.ENUM_MEMBERS,
    "KalturaStringEnum": naming.ENUM_MEMBERS,
    "KalturaServiceBase": naming.SERVICE_MEMBERS,
    "KalturaClientBase": naming.CLIENT_MEMBERS,
    "AsyncKalturaClientBase": naming.CLIENT_MEMBERS,
    "AsyncKalturaServiceBase": naming.SERVICE_MEMBERS,
}
# Declared by the runtime for every object; a schema property of that name is the same one.
SHARED_PROPERTY = {"relatedObjects", "getRelatedObjects", "setRelatedObjects"}


def _runtime_members() -> dict[str, set[str]]:
    """Member names of the runtime base classes: defs, class attributes, `self.x = ...`."""
    found: dict[str, set[str]] = {}
    for path in sorted((RUNTIME_DIR / "KalturaClient").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.name not in RUNTIME_BASES:
                continue
            names = found.setdefault(node.name, set())
            for statement in node.body:
                if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(statement.name)
                elif isinstance(statement, ast.Assign):
                    names.update(
                        n.id
                        for t in statement.targets
                        for n in ast.walk(t)
                        if isinstance(n, ast.Name)
                    )
                elif isinstance(statement, ast.AnnAssign) and isinstance(
                    statement.target, ast.Name
                ):
                    names.add(statement.target.id)
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Attribute)
                    and isinstance(sub.ctx, ast.Store)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id == "self"
                ):
                    names.add(sub.attr)
    return found


def test_reserved_lists_cover_every_runtime_base_member() -> None:
    members = _runtime_members()
    assert set(members) == set(RUNTIME_BASES), "a runtime base class was renamed or moved"
    for base, names in members.items():
        missing = sorted(names - RUNTIME_BASES[base] - SHARED_PROPERTY)
        assert not missing, f"{base} members not reserved in naming.py: {missing}"


@pytest.mark.parametrize(
    ("function", "name", "expected"),
    [
        (naming.attr_name, "not", "not_"),
        (naming.attr_name, "match", "match"),  # soft keywords are identifiers
        (naming.attr_name, "type", "type"),
        (naming.param_name, "self", "self_"),
        (naming.param_name, "_cast", "_cast_"),
        (naming.property_attr, "toParams", "toParams_"),
        (naming.property_attr, "__class__", "__class___"),
        (naming.property_attr, "__dict__", "__dict___"),
        (naming.property_attr, "name", "name"),
        (naming.const_name, "__slots__", "__slots___"),
        (naming.const_name, "__qualname__", "__qualname___"),
        (naming.const_name, "value", "value_"),
        (naming.const_name, "3GP", "VALUE_3GP"),
        (naming.const_name, "None", "None_"),
        (naming.service_attr, "setClient", "setClient_"),
        (naming.service_attr, "list", "list"),
        (naming.client_attr, "setConfig", "setConfig_"),
        (naming.client_attr, "media", "media"),
        (naming.module_name, None, "Core"),
        (naming.module_name, "metadata", "Metadata"),
        (naming.module_name, "none", "None_"),
    ],
)
def test_identifier_rules(function: Callable[..., str], name: str | None, expected: str) -> None:
    assert function(name) == expected


def test_text_literals_round_trip() -> None:
    for text in ['a "b" \\ c', "'''", '"""', "line\nbreak\u2028sep", "\x00\x1b[31m"]:
        assert ast.literal_eval(naming.string_literal(text)) == text
    doc = naming.docstring('say """hi""" \\ "')
    assert ast.literal_eval(doc).strip() == 'say """hi""" \\ "'
    assert "\n" not in naming.comment("a\nimport os\r\u2028b")


def _schema(body: str, version: str = "1.0") -> bytes:
    return f'<?xml version="1.0"?>\n<xml apiVersion="{version}">\n{body}\n</xml>\n'.encode()


HOSTILE_NAMES_SCHEMA = _schema("""<configurations>
  <client type="KalturaClientConfiguration"><clientTag type="string" alias="config"/></client>
  <request type="KalturaRequestConfiguration"><ks type="string" alias="sessionId"/></request>
</configurations>
<enums>
  <enum name="KalturaDunder" enumType="string">
    <const name="__slots__" value="s"/><const name="__qualname__" value="q"/>
    <const name="value" value="v"/>
  </enum>
</enums>
<plugins><plugin name="class"/><plugin name="log"/></plugins>
<classes>
  <class name="KalturaThing">
    <property name="toParams" type="string"/><property name="__class__" type="int"/>
    <property name="__dict__" type="string"/>
  </class>
  <class name="KalturaPluginThing" plugin="class"/>
</classes>
<services>
  <service id="thing" name="thing">
    <action name="list">
      <param name="pageSize" type="int" optional="1" default="00012"/>
      <result type="KalturaThing"/>
    </action>
  </service>
  <service id="pthing" name="pthing" plugin="class">
    <action name="get"><result type="KalturaPluginThing"/></action>
  </service>
</services>""")


def test_hostile_names_generate_code_that_imports_and_works(tmp_path: Path) -> None:
    result = parse_bytes(HOSTILE_NAMES_SCHEMA, "names.xml")
    assert result.schema is not None and not result.errors, result.errors
    out = tmp_path / "pkg"
    write_tree(out, render_schema(result.schema, "python"))
    got = run_json(
        """
        import inspect, json
        from KalturaClient import KalturaClient, KalturaConfiguration
        from KalturaClient.Plugins.Core import KalturaDunder, KalturaThing, KalturaThingService
        from KalturaClient.Plugins.Class import KalturaPluginThing
        thing = KalturaThing(toParams_="x", __class___=3, __dict___="d")
        client = KalturaClient(KalturaConfiguration())
        client.setConfig_("tag")  # the alias `config` would replace KalturaClientBase.config
        print(json.dumps({
            "consts": [KalturaDunder.__slots___, KalturaDunder.__qualname___, KalturaDunder.value_],
            "params": sorted(thing.toParams().get()),
            "attrs": [thing.toParams_, thing.__class___, thing.__dict___, type(thing).__name__],
            "default": inspect.signature(KalturaThingService.list).parameters["pageSize"].default,
            "plugin": type(client.class_.pthing).__name__,
            "log": type(client.log_).__name__,
            "tag": client.getClientTag(),
        }))
        """,
        out,
    )
    assert got["consts"] == ["s", "q", "v"]
    # wire names stay the schema's; only the Python attributes are escaped
    assert got["params"] == ["__class__", "__dict__", "objectType", "toParams"]
    assert got["attrs"] == ["x", 3, "d", "KalturaThing"]
    assert got["default"] == 12
    assert got["plugin"] == "KalturaPthingService"
    assert got["log"] == "LogPluginServices"
    assert got["tag"] == "tag"


def test_required_after_optional_still_gives_valid_python() -> None:
    """`validate` refuses it; the target must still not write a SyntaxError when called."""
    xml = _schema(
        '<services><service id="s" name="s"><action name="a">'
        '<param name="x" type="int" optional="1"/><param name="y" type="int"/>'
        "</action></service></services>"
    )
    result = parse_bytes(xml, "late.xml")
    assert result.schema is not None
    files = render_package(result.schema)
    source = files["KalturaClient/Plugins/Core.py"].decode()
    tree = ast.parse(source)
    method = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "a")
    assert [a.arg for a in method.args.args] == ["self", "x", "y"]
    assert len(method.args.defaults) == 2


CLASH_SCHEMA = _schema(
    """<plugins><plugin name="foo"/><plugin name="Foo"/><plugin name="a"/><plugin name="b"/></plugins>
<classes>
  <class name="KalturaFooA" plugin="foo"/>
  <class name="KalturaFooB" plugin="Foo"/>
  <class name="KalturaShadow"><property name="ClassVar" type="int"/></class>
  <class name="KalturaTwice"><property name="foo" type="int"/><property name="Foo" type="int"/></class>
  <class name="KalturaPrivate"><property name="__secret" type="int"/></class>
  <class name="FieldSpec"/>
  <class name="KalturaA1" plugin="a"/>
  <class name="KalturaB1" plugin="b" base="KalturaA1"/>
  <class name="KalturaA2" plugin="a" base="KalturaB1"/>
</classes>"""
)


def test_collisions_cycles_and_shadowing_are_diagnostics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "clash.xml").write_bytes(CLASH_SCHEMA)
    monkeypatch.chdir(tmp_path)  # file names in the messages are as given
    outcome = CliRunner().invoke(main, ["validate", "--target", "python", "clash.xml"])
    lines = [line for line in outcome.stdout.splitlines() if ": error: " in line]
    assert lines == [
        "clash.xml:3: error: plugin Foo: python: plugins foo and Foo would share the module Plugins/Foo.py",
        "clash.xml:7: error: class KalturaShadow.ClassVar: python: member ClassVar would shadow a name the generated code uses",
        "clash.xml:8: error: class KalturaTwice.Foo: python: the member getFoo would be generated for both properties foo and Foo",
        "clash.xml:8: error: class KalturaTwice.Foo: python: the member setFoo would be generated for both properties foo and Foo",
        "clash.xml:9: error: class KalturaPrivate.__secret: python: a name starting with __ is private in a class body (Python mangles it); rename it",
        "clash.xml:10: error: class FieldSpec: python: the name FieldSpec is one the generated modules use themselves (a builtin, keyword or runtime helper); rename it",
        "clash.xml:12: error: class KalturaB1: python: circular base-class imports between modules: A -> B -> A",
    ]
    assert outcome.exit_code == 1


def test_render_refuses_a_schema_check_rejects() -> None:
    result = parse_bytes(CLASH_SCHEMA, "clash.xml")
    assert result.schema is not None
    assert any(d.is_error for d in plan(result.schema).diagnostics)
    with pytest.raises(ValueError, match="circular base-class imports"):
        render_schema(result.schema, "python")


def test_service_class_name_clashing_with_an_object_class_is_suffixed() -> None:
    xml = _schema(
        '<classes><class name="KalturaMediaService"/></classes>'
        '<services><service id="media" name="media">'
        '<action name="get"><result type="KalturaMediaService"/></action>'
        "</service></services>"
    )
    result = parse_bytes(xml, "clash.xml")
    assert result.schema is not None and not result.errors, result.errors
    core = render_package(result.schema)["KalturaClient/Plugins/Core.py"].decode()
    assert "class KalturaMediaService(KalturaObjectBase):" in core
    assert "class KalturaMediaService_(KalturaServiceBase):" in core


@pytest.mark.parametrize(
    ("services", "expected"),
    [("ottUser", "KalturaOttApiClient"), ("ottUser baseEntry", "KalturaApiClient")],
)
def test_ott_schemas_are_packaged_as_the_ott_client(services: str, expected: str) -> None:
    body = "".join(
        f'<service id="{s.lower()}" name="{s}"><action name="get"/></service>'
        for s in services.split()
    )
    result = parse_bytes(_schema(f"<services>{body}</services>"), "ott.xml")
    assert result.schema is not None and not result.errors, result.errors
    pyproject = render_package(result.schema)["pyproject.toml"].decode()
    assert f'name = "{expected}"' in pyproject
