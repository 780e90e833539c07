"""Issue 16's textbook script (typing_cases/textbook.py: session.start, media.list with a
filter and pager, a loop over `.objects`, `entry.id`, `entry.status.getValue()`, a typed
multi-request) passes `mypy --strict` with zero errors against the generated sample package
and runs against `serve`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.serve.app import start_server
from generator.serve.engine import ServerConfig
from tests.python_target.conftest import run_json, run_python, sample_schema

SCRIPT = Path(__file__).with_name("typing_cases") / "textbook.py"


def test_textbook_script_passes_mypy_strict(sample_package: Path, tmp_path: Path) -> None:
    (tmp_path / "textbook.py").write_text(SCRIPT.read_text("utf-8"), "utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            "textbook.py",
        ],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(sample_package)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:]
    assert "Success: no issues found in 1 source file" in proc.stdout


def test_textbook_script_runs_against_serve(sample_package: Path) -> None:
    running = start_server(
        sample_schema(), ServerConfig(partner_id=100, admin_secret="adm", secret="usr")
    )
    try:
        added = run_json(
            f"""
            import json
            from KalturaClient import KalturaClient, KalturaConfiguration
            from KalturaClient.Plugins.Core import KalturaMediaEntry
            client = KalturaClient(KalturaConfiguration({running.url!r}))
            client.setKs(client.generateSession("adm", "u", 2, 100))
            print(json.dumps([client.media.add(KalturaMediaEntry(name=f"e{{i}}", mediaType=1)).id
                              for i in range(3)]))
            """,
            sample_package,
        )
        out = run_python(
            f"""
            import runpy, sys
            sys.argv = ["textbook.py", {running.url!r}, "100", "adm"]
            runpy.run_path({str(SCRIPT)!r}, run_name="__main__")
            """,
            sample_package,
        )
    finally:
        running.stop()
    lines = out.splitlines()
    listed = [line.split()[0] for line in lines if not line.startswith("multirequest")]
    assert sorted(listed) == sorted(added)
    assert all(len(line.split()) == 3 for line in lines[:-1])  # id, name, status value
    newest = listed[0]
    assert lines[-1] == f"multirequest {newest} 3"
