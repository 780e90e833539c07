"""Shared fixtures: where the real schemas and oracles are, and the parsed real schemas."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from generator.model import Schema
from generator.parser import ParseResult
from generator.sources import load_schema

REPO_ROOT = Path(__file__).resolve().parent.parent

# The Python target keeps a render cache (default ~/.cache/kaltura-codegen). Tests get a fresh
# one per session so an entry left by an older checkout can never stand in for a real render,
# and the suite leaves nothing in the user's home. Subprocesses inherit it.
if "KALTURA_CODEGEN_CACHE" not in os.environ:
    _cache_dir = tempfile.mkdtemp(prefix="kaltura-codegen-test-cache-")
    os.environ["KALTURA_CODEGEN_CACHE"] = _cache_dir
    atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)


# Property-based tests (hostile schemas) draw the same examples on every run of `make test`
# and CI, so main never turns red by chance; `make fuzz` draws new ones each run (the
# "explore" profile) to look for bugs nobody has seen yet, and keeps what failed in
# .hypothesis/ so the next `make fuzz` tries it first.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("KALTURA_CODEGEN_HYPOTHESIS", "ci"))


def _shared_dir() -> Path:
    # CI checks the repo out with shared/ beside it; git worktrees live elsewhere.
    for candidate in (REPO_ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "schemas").is_dir():
            return candidate
    return REPO_ROOT.parent / "shared"


SHARED_DIR = _shared_dir()
SCHEMAS_DIR = SHARED_DIR / "schemas"
ORACLES_DIR = SHARED_DIR / "oracles"
SAMPLE_SCHEMA = REPO_ROOT / "schema" / "kaltura-sample.xml"
REAL_SCHEMAS = ("ovp-22.19.0.xml", "ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml")

_parsed: dict[str, ParseResult] = {}


def real_schema_path(name: str) -> Path:
    path = SCHEMAS_DIR / name
    if not path.is_file():
        pytest.skip(f"real schema {name} not available at {SCHEMAS_DIR}")
    return path


def parsed_real_result(name: str) -> ParseResult:
    """Parse (and validate) a real schema once per test session: model and diagnostics."""
    if name not in _parsed:
        _parsed[name] = load_schema(str(real_schema_path(name)))
    return _parsed[name]


def parsed_real_schema(name: str) -> Schema:
    """The model of a real schema, parsed once per test session; it must have no errors."""
    result = parsed_real_result(name)
    assert result.schema is not None and not result.errors, result.errors[:5]
    return result.schema


@pytest.fixture(params=REAL_SCHEMAS)
def real_schema_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


_generated_python: dict[str, Path] = {}


def generated_python_package(name: str) -> Path:
    """Generate the Python package for real schema `name` once per test session; returns the
    output root (it contains `KalturaClient/`). Removed when the session ends."""
    if name not in _generated_python:
        import atexit
        import shutil
        import subprocess
        import sys
        import tempfile

        schema = real_schema_path(name)
        root = Path(tempfile.mkdtemp(prefix=f"kcg-py-{name}-"))
        atexit.register(shutil.rmtree, root, True)
        out = root / "out"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "generate",
                "--schema",
                str(schema),
                "--target",
                "python",
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        _generated_python[name] = out
    return _generated_python[name]
