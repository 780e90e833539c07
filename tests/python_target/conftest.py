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
