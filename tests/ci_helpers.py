"""Helpers shared by the output, check and diff tests (not a test module)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import targets
from generator.manifest import Manifest, SchemaInfo, build_manifest
from generator.sources import load_schema
from generator.targets import GenerateOptions, RenderedFiles
from tests import fixture_target
from tests.conftest import REPO_ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ci"
MINI_SCHEMA = FIXTURES / "mini.xml"


def use_fixture_target(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(targets.TARGETS, fixture_target.NAME, fixture_target.SPEC)


def render_fixture(
    schema_path: Path = MINI_SCHEMA, options: GenerateOptions | None = None
) -> tuple[RenderedFiles, Manifest]:
    """Render the fixture target in-process: (files, manifest)."""
    options = options or GenerateOptions()
    result = load_schema(str(schema_path))
    assert result.schema is not None and not result.errors, result.errors
    files: RenderedFiles = fixture_target.TARGET.render(result.schema, options)
    info = SchemaInfo.of(
        schema_path.read_bytes(), result.schema.api_version, result.schema.generated_date
    )
    return files, build_manifest(fixture_target.NAME, options, info, files)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (relative path -> bytes)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess, with the fixture target registered."""
    return subprocess.run(
        [sys.executable, "-m", "tests.fixture_cli", *args],
        cwd=REPO_ROOT,
        env=cli_env(**env),
        capture_output=True,
        text=True,
        timeout=300,
    )


def variant_schema(
    tmp_path: Path, name: str, old: str, new: str, source: Path = MINI_SCHEMA
) -> Path:
    """A copy of `source` with one textual replacement (which must apply)."""
    text = source.read_text()
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1))
    return path
