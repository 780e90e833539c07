"""Compile the hand-written TypeScript runtime into templates/typescript/runtime/dist/.

The generated package ships ready JavaScript and declarations, and generation needs no Node:
the runtime's compiled files are committed next to its sources. Run this after editing
templates/typescript/runtime/src/ (`make ts-runtime`); tests/typescript/test_dist.py fails
when the committed files are not exactly what this pinned tsc writes.

    .venv/bin/python tools/ts/build_runtime.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from generator.output import write_tree  # noqa: E402
from generator.pipeline import render_schema  # noqa: E402
from generator.sources import load_schema  # noqa: E402

RUNTIME = REPO / "templates" / "typescript" / "runtime"
TSC = REPO / "tools" / "ts" / "node_modules" / ".bin" / "tsc"


def compiled_runtime(work: Path) -> dict[str, bytes]:
    """dist/ path -> bytes of what tsc emits for every runtime source, compiled inside the
    sample package (the runtime imports two generated modules)."""
    loaded = load_schema(str(REPO / "schema" / "kaltura-sample.xml"))
    assert loaded.schema is not None
    package = work / "package"
    write_tree(package, render_schema(loaded.schema, "typescript"))
    out = work / "tsc-out"
    result = subprocess.run(
        [str(TSC), "-p", "tsconfig.json", "--outDir", str(out)],
        cwd=package,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    files: dict[str, bytes] = {}
    for source in sorted((RUNTIME / "src").rglob("*.ts")):
        stem = source.relative_to(RUNTIME / "src").with_suffix("").as_posix()
        for suffix in (".js", ".d.ts"):
            files[f"dist/{stem}{suffix}"] = (out / f"{stem}{suffix}").read_bytes()
    return files


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = compiled_runtime(Path(tmp))
    shutil.rmtree(RUNTIME / "dist", ignore_errors=True)
    for rel, data in files.items():
        target = RUNTIME / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files under {RUNTIME / 'dist'}")


if __name__ == "__main__":
    main()
