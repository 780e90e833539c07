"""Writing a rendered tree to disk without ever leaving a half-written directory.

The new tree is written into a temporary sibling of the output directory and swapped in
with renames, so a crash at any point leaves either the old tree or the new one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.targets import RenderedFiles

__all__ = ["write_tree"]


def write_tree(out_dir: Path, files: RenderedFiles) -> None:
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for rel in sorted(files):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
        _swap(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.rmdir(retired)
    os.rename(out_dir, retired)
    os.rename(staging, out_dir)
    shutil.rmtree(retired, ignore_errors=True)
