"""`make test` fails when generated/ is stale: proven on a temporary copy of the repo.

The copy has its own schema/ and generated/ (the rest is symlinked to this checkout);
`make test` runs with PYTEST=true so only its `check` prerequisite does real work (no
recursive test run). With the real
targets present, the real sample schema and targets are used; the fixture target proves
the Makefile wiring in any case.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ci_helpers import MINI_SCHEMA, cli_env
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA


def _real_targets() -> list[str]:
    return [
        t
        for t in ("python", "typescript", "openapi")
        if (REPO_ROOT / "generator" / "targets" / t).exists()
        or (REPO_ROOT / "generator" / "targets" / f"{t}.py").exists()
    ]


def _repo_copy(tmp_path: Path, schema: Path) -> Path:
    """A copy of the repository whose schema/ and generated/ are its own.

    Everything else is a symlink to the real checkout, so the Makefile sees the same
    prerequisites (venv and tool stamps stay up to date and nothing is reinstalled).
    """
    root = tmp_path / "repo"
    root.mkdir()
    for entry in REPO_ROOT.iterdir():
        if entry.name not in {".git", "schema", "generated"}:
            (root / entry.name).symlink_to(entry)
    (root / "schema").mkdir()
    shutil.copy2(schema, root / "schema" / "kaltura-sample.xml")
    return root


def make(root: Path, goal: str, *variables: str) -> subprocess.CompletedProcess[str]:
    """Run a make goal in the copy, isolated from everything but the generated-tree check.

    Fresh stamps make the installation steps (venv, TypeScript toolchain) count as done, so
    nothing is ever reinstalled; BIN points at stand-ins for the other tools `make test`
    may run first (ruff, black, mypy: lint has its own gate), so only `check` decides here.
    """
    extra = []
    for name in ("STAMP", "TS_STAMP", "OPENAPI_STAMP"):
        stamp = root.parent / f"{name.lower()}.done"
        stamp.touch()
        extra.append(f"{name}={stamp}")
    fake_bin = root.parent / "fake-bin"
    fake_bin.mkdir(exist_ok=True)
    for tool in ("ruff", "black", "mypy", "python", "pip"):
        script = fake_bin / tool
        script.write_text("#!/bin/sh\nexit 0\n")
        script.chmod(0o755)
    extra.append(f"BIN={fake_bin}")
    extra.append(f"CODEGEN={Path(sys.executable).parent / 'kaltura-codegen'}")
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(root), goal, *extra, *variables],
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _prove_stale_fails(root: Path, targets: list[str], variables: list[str]) -> None:
    assert make(root, "generate", *variables).returncode == 0
    fresh = make(root, "test", "PYTEST=true", *variables)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    for target in targets:
        out = root / "generated" / target
        victim = next(
            p for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".kaltura-codegen.json"
        )
        original = victim.read_bytes()
        # A stale generated/: one file differs from what the generator writes now.
        victim.write_bytes(original + b"\n# stale\n")
        stale = make(root, "test", "PYTEST=true", *variables)
        assert stale.returncode != 0
        assert "is stale: run 'make generate'" in stale.stderr
        assert f"M {victim.relative_to(out).as_posix()}" in stale.stdout
        victim.write_bytes(original)
        assert make(root, "test", "PYTEST=true", *variables).returncode == 0


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_test_fails_on_stale_generated_tree_fixture_target(tmp_path: Path) -> None:
    root = _repo_copy(tmp_path, MINI_SCHEMA)
    variables = [
        f"CODEGEN={sys.executable} -m tests.fixture_cli",
        "CODEGEN_TARGETS=fixture",
    ]
    _prove_stale_fails(root, ["fixture"], variables)
    # A schema change makes it stale too, without touching generated/.
    schema = root / "schema" / "kaltura-sample.xml"
    schema.write_text(schema.read_text().replace('apiVersion="1.0.0"', 'apiVersion="1.0.1"'))
    stale = make(root, "test", "PYTEST=true", *variables)
    assert stale.returncode != 0 and "schema changed since generation" in stale.stdout


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_test_fails_on_stale_generated_tree_real_targets(tmp_path: Path) -> None:
    targets = _real_targets()
    if not targets or not SAMPLE_SCHEMA.is_file():
        pytest.skip("no real target or sample schema in this checkout yet")
    root = _repo_copy(tmp_path, SAMPLE_SCHEMA)
    _prove_stale_fails(root, targets, [])


def test_makefile_wires_check_into_test() -> None:
    dry = subprocess.run(
        ["make", "-n", "-C", str(REPO_ROOT), "test", "CODEGEN_TARGETS=python"],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    commands = dry.stdout
    assert "kaltura-codegen check --schema schema/kaltura-sample.xml --target $t" in commands
    assert commands.index("check --schema") < commands.index("pytest")


def _hooks() -> list[dict[str, str]]:
    """The flat `key: value` hooks of .pre-commit-hooks.yaml (no YAML library needed)."""
    hooks: list[dict[str, str]] = []
    lines = (REPO_ROOT / ".pre-commit-hooks.yaml").read_text().splitlines()
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        key, _, value = line.strip().partition(":")
        if line.startswith("  ") and not line.startswith("   ") and hooks:
            hooks[-1][key] = value.strip()
    return hooks


def test_pre_commit_hooks_run_real_commands() -> None:
    from click.testing import CliRunner

    from generator.cli import main

    hooks = {h["id"]: h for h in _hooks()}
    assert set(hooks) == {"kaltura-codegen-check", "kaltura-codegen-validate"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] == "false"
        program, command = hook["entry"].split()
        assert program == "kaltura-codegen"  # the console script of pyproject.toml
        assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0
    pyproject = (REPO_ROOT / "pyproject.toml").read_text()
    assert 'kaltura-codegen = "generator.entry:main"' in pyproject
