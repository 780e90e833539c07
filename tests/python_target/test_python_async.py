"""`AsyncKalturaClient` and the `AsyncKaltura<X>Service` classes (GENERATED_CONTRACT.md
sections 2 and 3): the same services and actions as awaitables, typed (`mypy --strict` on
typing_cases/textbook_async.py) and working against `serve`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.serve.app import start_server
from generator.serve.engine import ServerConfig
from tests.python_target.conftest import run_json, run_python, sample_schema

SCRIPT = Path(__file__).with_name("typing_cases") / "textbook_async.py"


def test_async_script_passes_mypy_strict(sample_package: Path, tmp_path: Path) -> None:
    (tmp_path / "script.py").write_text(SCRIPT.read_text("utf-8"), "utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            "script.py",
        ],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(sample_package)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:]


def test_every_sync_service_has_an_async_twin_with_the_same_methods(sample_package: Path) -> None:
    result = run_json(
        """
        import importlib, inspect, json, pathlib
        import KalturaClient.Plugins as plugins
        from KalturaClient.Base import AsyncKalturaServiceBase, KalturaServiceBase
        out = {"pairs": 0, "problems": []}
        for path in sorted(pathlib.Path(plugins.__file__).parent.glob("*.py")):
            module = importlib.import_module("KalturaClient.Plugins." + path.stem)
            for name, cls in vars(module).items():
                if not (inspect.isclass(cls) and issubclass(cls, KalturaServiceBase)
                        and cls.__module__ == module.__name__ and name.startswith("Kaltura")):
                    continue
                twin = getattr(module, "Async" + name, None)
                if twin is None or not issubclass(twin, AsyncKalturaServiceBase):
                    out["problems"].append(f"{name}: no async twin")
                    continue
                out["pairs"] += 1
                for attr, fn in vars(cls).items():
                    if attr.startswith("_") or not callable(fn):
                        continue
                    other = vars(twin).get(attr)
                    if other is None:
                        out["problems"].append(f"{name}.{attr}: missing")
                    elif (str(inspect.signature(fn).replace(return_annotation="x").parameters)
                          != str(inspect.signature(other).parameters)):
                        out["problems"].append(f"{name}.{attr}: parameters differ")
                    elif attr.endswith("All") and (
                            inspect.signature(other).return_annotation
                            != inspect.signature(fn).return_annotation.replace(
                                "Iterator", "AsyncIterator")):
                        out["problems"].append(f"{name}.{attr}: not an AsyncIterator")
                    elif attr.endswith("All") != (not inspect.iscoroutinefunction(other)):
                        out["problems"].append(f"{name}.{attr}: not a coroutine")
        print(json.dumps(out))
        """,
        sample_package,
    )
    assert result["pairs"] > 10
    assert result["problems"] == []


def test_async_script_runs_against_serve(sample_package: Path) -> None:
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
                              for i in range(5)]))
            """,
            sample_package,
        )
        out = run_python(
            f"""
            import runpy, sys
            sys.argv = ["script.py", {running.url!r}, "100", "adm"]
            runpy.run_path({str(SCRIPT)!r}, run_name="__main__")
            """,
            sample_package,
        )
    finally:
        running.stop()
    lines = out.splitlines()
    ids = " ".join(sorted(added))
    assert sorted(line.split()[0] for line in lines[:5]) == sorted(added)
    assert lines[5] == f"gathered {ids}"
    assert lines[6] == f"listAll {ids}"
    assert lines[7] == "multirequest 5"
