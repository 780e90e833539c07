"""Crash safety and determinism of `generate`, proven on real subprocesses.

The writer has a test hook (`KALTURA_CODEGEN_TEST_PAUSE`) that makes the process announce
a point on stderr and sleep there; the test then SIGKILLs it, so the kill lands exactly
mid-write or mid-swap, not at a random moment.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.manifest import MANIFEST_NAME
from generator.output import NO_EXCHANGE_ENV, PAUSE_ENV
from tests.ci_helpers import MINI_SCHEMA, cli_env, run_cli, snapshot, variant_schema
from tests.conftest import REPO_ROOT


def _generate_args(schema: Path, out: Path) -> list[str]:
    return ["generate", "-q", "--schema", str(schema), "--target", "fixture", "--out", str(out)]


def _kill_at(point: str, schema: Path, out: Path, **env: str) -> None:
    """Start generate, wait until it pauses at `point`, SIGKILL it, reap it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fixture_cli", *_generate_args(schema, out)],
        cwd=REPO_ROOT,
        env=cli_env(**{PAUSE_ENV: point, **env}),
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    seen = []
    try:
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            seen.append(line)
            if f"test pause at {point}" in line or not line:
                break
        assert any(f"test pause at {point}" in s for s in seen), "".join(seen)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    done = run_cli(*_generate_args(MINI_SCHEMA, out))
    assert done.returncode == 0, done.stderr
    return out, snapshot(out)


@pytest.mark.parametrize(
    ("point", "env"),
    [
        ("write:2", {}),  # two of the new files written into the staging directory
        ("swap", {}),  # everything staged, manifest included, about to swap
        ("write:2", {NO_EXCHANGE_ENV: "1"}),
        ("swap", {NO_EXCHANGE_ENV: "1"}),
    ],
    ids=["mid-write", "before-exchange", "mid-write-fallback", "before-rename-fallback"],
)
def test_sigkill_leaves_previous_output_intact(
    tmp_path: Path, previous: tuple[Path, dict[str, bytes]], point: str, env: dict[str, str]
) -> None:
    out, before = previous
    assert MANIFEST_NAME in before and len(before) >= 5
    changed = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="2.0.0"')
    _kill_at(point, changed, out, **env)
    # The previous tree is still there, complete and byte for byte; the half-built one
    # is only a hidden sibling.
    assert snapshot(out) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.kcg-")]
    assert len(leftovers) == 1 and ".kcg-new-" in leftovers[0]
    # The next run cleans the leftover up and succeeds.
    done = run_cli(*_generate_args(changed, out))
    assert done.returncode == 0, done.stderr
    assert (out / "README.txt").read_text() == "API 2.0.0\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_sigkill_between_the_fallback_renames_is_recovered_by_the_next_run(
    tmp_path: Path, previous: tuple[Path, dict[str, bytes]]
) -> None:
    out, before = previous
    changed = variant_schema(tmp_path, "v2.xml", 'apiVersion="1.0.0"', 'apiVersion="2.0.0"')
    _kill_at("swap-gap", changed, out, **{NO_EXCHANGE_ENV: "1"})
    # Killed in the one window where --out is absent: the old tree is intact beside it.
    assert not out.exists()
    retired = [p for p in tmp_path.iterdir() if ".out.kcg-old-" in p.name]
    assert len(retired) == 1 and snapshot(retired[0]) == before
    args = [a for a in _generate_args(changed, out) if a != "-q"]
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    assert f"restored {out} left half-swapped by an interrupted run" in done.stderr
    assert (out / "README.txt").read_text() == "API 2.0.0\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_two_runs_with_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "4242"):
        out = tmp_path / f"out-{seed}"
        done = run_cli(*_generate_args(MINI_SCHEMA, out), PYTHONHASHSEED=seed)
        assert done.returncode == 0, done.stderr
        trees.append(snapshot(out))
    assert trees[0] == trees[1]
    assert len(trees[0]) > 5


def _real_targets() -> list[str]:
    base = REPO_ROOT / "generator" / "targets"
    return [
        t for t in ("python", "typescript") if (base / t).exists() or (base / f"{t}.py").exists()
    ]


@pytest.mark.slow
@pytest.mark.parametrize("target", ["python", "typescript"])
def test_real_target_is_byte_identical_across_hash_seeds(tmp_path: Path, target: str) -> None:
    if target not in _real_targets():
        pytest.skip(f"the {target} target is not in this checkout yet")
    trees = []
    for seed in ("0", "987654"):
        out = tmp_path / f"{target}-{seed}"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "generate",
                "-q",
                "--target",
                target,
                "--out",
                str(out),
            ],
            cwd=REPO_ROOT,
            env=cli_env(PYTHONHASHSEED=seed),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        trees.append(snapshot(out))
    assert trees[0] == trees[1]
    assert MANIFEST_NAME in trees[0] and len(trees[0]) > 5
