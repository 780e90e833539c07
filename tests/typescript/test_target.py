"""Unit tests of the TypeScript target's naming, typing, literals and selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model import (
    ArrayType,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    ParamDef,
    Primitive,
    PrimitiveType,
    Source,
)
from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.sources import load_schema
from generator.targets import GenerateOptions
from generator.targets.typescript import TARGET, action_class_names
from generator.targets.typescript.naming import (
    action_class_name,
    default_literal,
    enum_member_names,
    field_spec,
    jsdoc,
    npm_version,
    ts_string,
    ts_type,
)
from tests.conftest import SAMPLE_SCHEMA

SRC = Source("t.xml", 1)


def test_enum_member_names_follow_the_official_generator() -> None:
    names = ["LIVE_STREAM_FLASH", "VIDEO", "_3GP", "NAME", "IMPORT", "PLAYS_LAST_1_DAY"]
    assert enum_member_names(names) == [
        "liveStreamFlash",
        "video",
        "_3gp",
        "_name",
        "import",
        "playsLast1Day",
    ]


def test_enum_member_names_are_valid_and_unique() -> None:
    assert enum_member_names(["3GP", "A_B", "AB", "a_b"]) == ["_3gp", "aB", "ab", "aB2"]


def test_action_class_name() -> None:
    assert action_class_name("captionAsset", "serve") == "CaptionAssetServeAction"
    assert action_class_name("media", "list") == "MediaListAction"


def _param(t: PrimitiveType, default: str | None) -> ParamDef:
    return ParamDef("p", t, True, default, "", SRC)


def test_default_literals_as_the_official_sends_them() -> None:
    int_t, str_t, bool_t = (
        PrimitiveType(p) for p in (Primitive.INT, Primitive.STRING, Primitive.BOOL)
    )
    assert default_literal(_param(int_t, "null")) is None
    assert default_literal(_param(int_t, "0")) is None  # empty in PHP's sense: not sent
    assert default_literal(_param(str_t, "")) is None
    assert default_literal(_param(int_t, "-1")) == ("-1", "-1")
    assert default_literal(_param(int_t, "86400")) == ("86400", "86400")
    # Numbers are parsed, never pasted: `00012` would be a TypeScript octal error.
    assert default_literal(_param(int_t, "00012")) == ("12", "12")
    assert default_literal(_param(int_t, "+7")) == ("7", "7")
    assert default_literal(_param(bool_t, "false")) == ("false", "false")
    assert default_literal(_param(bool_t, "true")) == ("true", "true")
    assert default_literal(_param(str_t, "*")) == ("'*'", "'*'")
    assert default_literal(_param(str_t, "a'\n*/")) == ("'a\\'\\n*/'", "'a\\'\\n*/'")
    enum = EnumDef("KalturaX", EnumKind.INT, (), None, False, "", SRC)
    typed = _param(PrimitiveType(Primitive.INT, enum), "1")
    assert default_literal(typed) == ("1 as KalturaX", "1")
    assert default_literal(typed, {"KalturaX": "KalturaX_"}) == ("1 as KalturaX_", "1")


def test_ts_string_escapes() -> None:
    assert ts_string('it\'s "q" \\ \n\u2028') == "'it\\'s \"q\" \\\\ \\n\\u2028'"


def test_jsdoc_cannot_be_closed_by_a_description() -> None:
    assert jsdoc("a */ b") == "/** a *\\/ b */\n"
    assert jsdoc("") == ""
    assert jsdoc("one\ntwo", "  ") == "  /**\n   * one\n   * two\n   */\n"


def test_types_and_wire_specs() -> None:
    int_t = PrimitiveType(Primitive.INT)
    assert ts_type(int_t) == "number"
    assert ts_type(int_t, is_time=True) == "Date"
    assert field_spec(int_t, is_time=True, read_only=True) == "['d', 1]"
    assert ts_type(PrimitiveType(Primitive.FILE)) == "Blob"
    assert ts_type(ObjectType(None)) == "KalturaObjectBase"
    assert ts_type(ArrayType(ObjectType(None))) == "KalturaObjectBase[]"
    assert ts_type(MapType(PrimitiveType(Primitive.STRING))) == "Record<string, string>"
    assert field_spec(MapType(PrimitiveType(Primitive.STRING))) == "['m', 0, ':s']"
    assert field_spec(PrimitiveType(Primitive.STRING), wire="toRequestObject") == (
        "['s', 0, '', 'toRequestObject']"
    )


def test_npm_version() -> None:
    assert npm_version("22.19.0") == "22.19.0"
    assert npm_version("5.3.7.28130") == "5.3.7+28130"
    assert npm_version("3.1") == "3.1.0"


_CLASH = b"""<?xml version="1.0"?>
<xml apiVersion="1.0">
  <classes>
    <class name="MediaListAction"><property name="toRequestObject" type="string"/></class>
  </classes>
  <services>
    <service id="media" name="media">
      <action name="list"><result type="MediaListAction"/></action>
      <action name="solo" enableInMultiRequest="0"><result type="string"/></action>
    </service>
  </services>
</xml>
"""


def test_clashing_names_are_renamed() -> None:
    result = parse_bytes(_CLASH, "clash.xml")
    assert result.schema is not None
    assert action_class_names(result.schema) == {
        "media.list": "MediaListAction2",
        "media.solo": "MediaSoloAction",
    }
    files = TARGET.render(result.schema, GenerateOptions())
    cls = files["src/api/types/MediaListAction.ts"].decode()
    assert "declare toRequestObject_?: string | null;" in cls
    assert "toRequestObject_: ['s', 0, '', 'toRequestObject']" in cls
    assert "export class MediaListAction2 extends KalturaRequest<MediaListAction>" in (
        files["src/api/types/MediaListAction2.ts"].decode()
    )
    assert "noMultiRequest: true" in files["src/api/types/MediaSoloAction.ts"].decode()
    assert "noMultiRequest" not in files["src/api/types/MediaListAction2.ts"].decode()


def test_include_and_exclude_select_actions() -> None:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None
    only_media = render_schema(result.schema, TARGET, include=("media.*",))
    actions = {p for p in only_media if p.endswith("Action.ts")}
    assert actions and all(p.startswith("src/api/types/Media") for p in actions)
    no_list = render_schema(result.schema, TARGET, exclude=("*.list",))
    assert not any(p.endswith("ListAction.ts") for p in no_list)
    plugin = render_schema(result.schema, TARGET, include=("plugin:metadata",))
    assert {p for p in plugin if p.endswith("Action.ts")}
    assert all("Metadata" in p for p in plugin if p.endswith("Action.ts"))


def test_a_pattern_matching_nothing_is_an_error() -> None:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None
    with pytest.raises(ValueError, match=r"'nosuch\.\*' matches no action"):
        render_schema(result.schema, TARGET, include=("nosuch.*",))


def test_cli_generates_a_package(tmp_path: Path) -> None:
    out = tmp_path / "ts"
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["generate", "--schema", str(SAMPLE_SCHEMA), "--target", "typescript", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    package = json.loads((out / "package.json").read_text())
    # made from the embedded sample: marked so it cannot pass for the real API's client
    assert package["name"] == "kaltura-typescript-client-sample"
    assert package["version"].endswith("-sample")
    assert "license" not in package
    assert (out / "src" / "api" / "types" / "MediaListAction.ts").is_file()
    assert (out / "src" / "kaltura-client.ts").is_file()


@pytest.mark.parametrize("name", ["src/index.ts", "src/kaltura-client.ts"])
def test_runtime_is_copied_verbatim(name: str) -> None:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None
    files = TARGET.render(result.schema, GenerateOptions())
    runtime = Path(__file__).resolve().parents[2] / "templates" / "typescript" / "runtime" / name
    assert files[name] == runtime.read_bytes()


def test_untracked_patterns_cover_install_and_build_output_only() -> None:
    from generator.check import is_untracked

    patterns = TARGET.untracked
    assert is_untracked("node_modules/x/index.js", patterns)
    assert is_untracked("node_modules", patterns)
    assert is_untracked("kaltura-typescript-client-1.0.0.tgz", patterns)
    assert is_untracked("package-lock.json", patterns)
    assert not is_untracked("dist/index.js", patterns)  # generated: drift if edited
    assert not is_untracked("notes.txt", patterns)
    assert not is_untracked("src/node_modules.ts", patterns)
