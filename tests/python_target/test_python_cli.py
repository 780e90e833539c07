"""`kaltura-codegen generate --target python` from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SAMPLE_SCHEMA


def test_generate_writes_the_package(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["generate", "--schema", str(SAMPLE_SCHEMA), "--target", "python", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert (out / "KalturaClient" / "Plugins" / "Core.py").is_file()
    assert (out / "pyproject.toml").is_file()


def test_bad_selection_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "generate",
            "--schema",
            str(SAMPLE_SCHEMA),
            "--target",
            "python",
            "--out",
            str(out),
            "--include",
            "nosuchservice.*",
        ],
    )
    assert result.exit_code == 2
    assert "nosuchservice.*" in result.output and "matches no action" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_include_generates_only_the_selection(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["generate", "--schema", str(SAMPLE_SCHEMA), "--target", "python", "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--include", "media.list"])
    assert result.exit_code == 0, result.output
    core = (out / "KalturaClient" / "Plugins" / "Core.py").read_text()
    assert "def list(" in core and "class KalturaBaseEntryService(" not in core
