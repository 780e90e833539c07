"""The validate / inspect commands: output, exit codes, help, and the inspect --json snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.assertion import SnapshotAssertion

import generator.cli as cli
from generator.cli import main
from tests.conftest import SAMPLE_SCHEMA, real_schema_path

SAMPLE = str(SAMPLE_SCHEMA)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_validate_sample_is_clean() -> None:
    assert run("validate", "--strict", SAMPLE) == (0, "", "0 error(s), 0 warning(s)\n")


def test_validate_directory_is_unusable(tmp_path: Path) -> None:
    code, out, err = run("validate", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"{tmp_path}: error: cannot read schema: Is a directory\n"


def test_validate_missing_file_is_unusable() -> None:
    assert run("validate", "no/such/schema.xml") == (
        2,
        "",
        "no/such/schema.xml: error: cannot read schema: No such file or directory\n",
    )


def test_internal_error_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "load_schema", explode)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    code, out, err = run("validate", SAMPLE)
    assert (code, out) == (2, "")
    assert err == (
        f"{SAMPLE}: error: internal error while reading the schema: RuntimeError: boom "
        f"(set {cli.DEBUG_ENV}=1 for a traceback, and please report it)\n"
    )


def test_inspect_summary() -> None:
    code, out, err = run("inspect", SAMPLE)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:12] == [
        f"schema        {SAMPLE}",
        "apiVersion    22.19.0",
        "generatedDate 1795415412",
        "enums         22 (12 int, 10 string)",
        "classes       63 (22 abstract)",
        "properties    195",
        "services      13",
        "actions       51 (4 with files, 2 deprecated)",
        "plugins       8",
        "errors        28",
        "configuration 2 client, 9 request",
        "",
    ]
    assert "  metadata           services: metadata, metadataProfile; 9 classes, 4 enums" in lines
    assert "  annotation         depends on: cuePoint; 1 class, 0 enums" in lines


def test_inspect_real_schema_counts() -> None:
    code, out, _ = run("inspect", str(real_schema_path("ovp-22.19.0.xml")))
    assert code == 0
    lines = out.splitlines()
    assert "enums         682 (232 int, 450 string)" in lines
    assert "classes       1634 (354 abstract)" in lines
    assert "actions       1003 (32 with files, 29 deprecated)" in lines
    assert "plugins       123" in lines


def test_inspect_service_by_name_and_by_id() -> None:
    code, out, _ = run("inspect", SAMPLE, "--service", "session")
    assert code == 0
    assert out == (
        "service session (id session)\n"
        "  Session service\n"
        "  end() -> void  [session optional]\n"
        "  get(session: string = null) -> KalturaSessionInfo  [session always]\n"
        "      throws START_SESSION_ERROR\n"
        '  start(secret: string, userId: string = "", type: int<KalturaSessionType> = 0, '
        "partnerId: int = null, expiry: int = 86400, privileges: string = null) -> string"
        "  [session none]\n"
        "      throws START_SESSION_ERROR\n"
    )
    code, out, _ = run("inspect", SAMPLE, "--service", "metadata_metadataprofile")
    assert code == 0
    assert (
        out.splitlines()[0]
        == "service metadataProfile (id metadata_metadataprofile, plugin metadata)"
    )
    assert (
        "  addFromFile(metadataProfile: KalturaMetadataProfile, xsdFile: file, "
        "viewsFile: file = null) -> KalturaMetadataProfile  [session always]" in out
    )
    assert "  serve(id: int) -> file  [session always, not in multirequest]" in out


def test_inspect_class_lists_inherited_properties() -> None:
    code, out, _ = run("inspect", SAMPLE, "--class", "KalturaMediaEntryFilter")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "class KalturaMediaEntryFilter -> KalturaMediaEntryBaseFilter -> "
        "KalturaPlayableEntryFilter -> KalturaPlayableEntryBaseFilter -> KalturaBaseEntryFilter"
        " -> KalturaBaseEntryBaseFilter -> KalturaRelatedFilter -> KalturaFilter"
    )
    names = [line.split()[0] for line in lines[1:]]
    assert names[:2] == ["orderBy", "advancedSearch"]  # the root's first, in schema order
    assert names[-1] == "mediaDateGreaterThanOrEqual"
    assert len(names) == 2 + 12 + 2 + 3 + 5
    assert any("sourceTypeIn" in line and "values KalturaSourceType" in line for line in lines)


def test_inspect_unknown_names_suggest() -> None:
    assert run("inspect", SAMPLE, "--service", "medai") == (
        2,
        "",
        "error: no service named 'medai' in the schema; did you mean media, metadata?\n",
    )
    code, _, err = run("inspect", SAMPLE, "--class", "kalturamediaentry")
    assert code == 2
    assert err.startswith("error: no class named 'kalturamediaentry' in the schema; did you mean ")
    assert "KalturaMediaEntry" in err


def test_inspect_options_are_exclusive() -> None:
    code, _, err = run("inspect", SAMPLE, "--json", "--class", "KalturaMediaEntry")
    assert code == 2
    assert "choose one of --service, --class and --json" in err


def test_inspect_schema_with_errors_exits_1() -> None:
    corpus = Path(__file__).parent / "corpus" / "dangling-base.xml"
    code, out, err = run("inspect", str(corpus))
    assert code == 1
    assert out.startswith(f"schema        {corpus}\n")
    assert err == "1 error(s) in the schema; run `kaltura-codegen validate`\n"


def test_inspect_json_is_stable_and_complete() -> None:
    code, out, _ = run("inspect", SAMPLE, "--json")
    assert code == 0
    model = json.loads(out)
    assert out == json.dumps(model, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert len(model["classes"]) == 63 and len(model["services"]) == 13
    media_add = model["services"]["media"]["actions"][0]
    assert media_add["name"] == "add" and media_add["params"][0]["type"] == "KalturaMediaEntry"
    assert run("inspect", SAMPLE, "--json")[1] == out  # deterministic


def test_inspect_json_snapshot(
    snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run from the repository root with a relative path: the output names no file at all.
    monkeypatch.chdir(SAMPLE_SCHEMA.parent.parent)
    code, out, _ = run("inspect", "schema/kaltura-sample.xml", "--json")
    assert code == 0
    assert out == snapshot


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "kaltura-codegen validate schema/kaltura-sample.xml"),
        (["validate"], "Exit status:"),
        (["validate"], "https://www.kaltura.com/api_v3/api_schema.php"),
        (["inspect"], "--class KalturaMediaEntry"),
        (["inspect"], "--cache-dir DIRECTORY"),
    ],
)
def test_help_teaches(args: list[str], expected: str) -> None:
    code, out, _ = run(*args, "--help")
    assert code == 0
    assert expected in out
