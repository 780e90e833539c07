"""Shared, session-cached work for the OpenAPI tests: each export is rendered once.

The pinned tools come from `make setup`: the Python ones from pyproject's dev extras, the
npm ones (redocly, openapi-typescript, tsc) from tools/openapi (npm ci).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import Failure, RenderRequest, run
from generator.targets import RenderedFiles
from tests.conftest import REPO_ROOT, real_schema_path

TOOLS_BIN = REPO_ROOT / "tools" / "openapi" / "node_modules" / ".bin"
REDOCLY = TOOLS_BIN / "redocly"
OPENAPI_TYPESCRIPT = TOOLS_BIN / "openapi-typescript"
TSC = TOOLS_BIN / "tsc"
VENV_BIN = REPO_ROOT / ".venv" / "bin"

_rendered: dict[str, RenderedFiles] = {}


def rendered(name: str | None = None) -> RenderedFiles:
    """The openapi export of a real schema (by file name), or of the sample (None)."""
    key = name or "<sample>"
    if key not in _rendered:
        source = str(real_schema_path(name)) if name else None
        outcome = run(RenderRequest(source, "openapi"))
        assert not isinstance(outcome, Failure), outcome
        _rendered[key] = outcome.files
    return _rendered[key]


def document(name: str | None = None) -> Any:
    return json.loads(rendered(name)["openapi.json"])


def require_tool(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path.name} is missing: run `make setup` (npm ci in tools/openapi)")


def tool_env() -> dict[str, str]:
    """No telemetry or update checks (tests reach nothing but 127.0.0.1); our venv first."""
    env = dict(os.environ)
    env.update(
        REDOCLY_TELEMETRY="off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE="true",
        NO_UPDATE_NOTIFIER="1",
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def run_tool(cmd: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=tool_env()
    )


@pytest.fixture(scope="session")
def sample_doc() -> Any:
    return document(None)
