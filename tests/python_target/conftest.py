"""Shared fixtures of the Python target tests: each schema is generated at most once per session.

Generated packages and the official client are both called `KalturaClient`, so anything
that imports generated code runs in a subprocess with the package first on `sys.path`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.output import write_tree
from generator.sources import load_schema
from generator.targets.python import render_package
from generator.targets.python.render import RUNTIME_DIR as SAMPLE_RUNTIME_DIR
from tests.conftest import SAMPLE_SCHEMA, generated_python_package

_generated: dict[str, Path] = {}


def sample_schema() -> Any:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None and not result.errors
    return result.schema


def generate_once(name: str, root: Path) -> Path:
    """Generate schema `name` ('sample' or a real schema file name) once per session."""
    if name not in _generated:
        if name == "sample":
            out = root / "sample"
            write_tree(out, render_package(sample_schema()))
        else:
            # shared with the runtime tests: each real schema is generated once per session
            out = generated_python_package(name)
        _generated[name] = out
    return _generated[name]


@pytest.fixture(scope="session")
def gen_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("python-target")


@pytest.fixture(scope="session")
def sample_package(gen_root: Path) -> Path:
    return generate_once("sample", gen_root)


def run_python(code: str, path: Path | None = None, timeout: int = 600) -> str:
    """Run `code` in a fresh interpreter with `path` first on sys.path; return stdout."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    prelude = f"import sys\nsys.path.insert(0, {str(path)!r})\n" if path is not None else ""
    proc = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=str(path) if path is not None else None,
    )
    assert proc.returncode == 0, proc.stderr[-5000:]
    return proc.stdout


def run_json(code: str, path: Path | None = None, timeout: int = 600) -> Any:
    return json.loads(run_python(code, path, timeout))


def assert_formatter_stable(package: Path) -> None:
    """black and ruff, run inside `package` with its own configuration, change nothing.

    black checks the whole package. ruff checks the generated modules and README; the
    runtime files (copied verbatim from templates/python/runtime) are black-formatted by
    their owner, and ruff 0.17 splits one conditional expression in `_runtime/codec.py`
    differently from black, so they are left to black here.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    bin_dir = Path(sys.executable).parent
    black = subprocess.run(
        [str(bin_dir / "black"), "--check", "."],
        cwd=package,
        capture_output=True,
        text=True,
        env=env,
    )
    assert black.returncode == 0, black.stderr[-3000:]
    runtime = SAMPLE_RUNTIME_DIR
    copied = {p.relative_to(runtime).as_posix() for p in runtime.rglob("*.py")}
    ours = sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if p.relative_to(package).as_posix() not in copied
    )
    assert len(ours) >= 5
    ruff = subprocess.run(
        [str(bin_dir / "ruff"), "format", "--check", "--no-cache", "README.md", *ours],
        cwd=package,
        capture_output=True,
        text=True,
        env=env,
    )
    assert ruff.returncode == 0, ruff.stdout[-3000:] + ruff.stderr[-1000:]
