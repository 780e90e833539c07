"""The runtime's typed API under `mypy --strict`, through the committed sample package
(generated/python, which carries the current runtime): typed multi-request handles (sync and
async, arguments checked against the queued method), `handle.ref`, pagination iterators, and
the async service shape the generator emits (GENERATED_CONTRACT.md), `await
client.media.get(...)` typed as the entry."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

CASES = Path(__file__).with_name("typing_cases")
SAMPLE = REPO_ROOT / "generated" / "python"

pytestmark = pytest.mark.slow


def mypy(tmp_path: Path, *files: str) -> list[str]:
    work = tmp_path / "cases"
    work.mkdir()
    for name in files:
        (work / name).write_text((CASES / name).read_text())
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.11",
            "--cache-dir",
            str(tmp_path / "cache"),
            *files,
        ],
        cwd=work,
        env={**os.environ, "MYPYPATH": str(SAMPLE)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return [line for line in proc.stdout.splitlines() if ": error:" in line]


def test_idioms_type_check_and_misuse_does_not(tmp_path: Path) -> None:
    errors = mypy(tmp_path, "idioms_ok.py", "idioms_bad.py")
    assert not [e for e in errors if e.startswith("idioms_ok.py")], errors
    found = sorted(
        (int(m.group(1)), m.group(2))
        for e in errors
        if (m := re.match(r"idioms_bad\.py:(\d+): error: .*\[([a-z-]+)\]$", e))
    )
    assert found == [(6, "arg-type"), (7, "call-arg"), (15, "arg-type")], errors
