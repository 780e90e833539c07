"""Formatting of the rendered Python: one `ruff format` run over every generated module.

Templates lay text out roughly; ruff (the formatter openapi-python-client runs as its
post-hook) gives it black's style. One process formats every file at once (a process per
file costs ~20 ms each); the settings are passed explicitly and configuration files are
ignored (`--isolated`), so the output does not depend on where the command runs. The
generated package's own pyproject.toml declares the same settings for black and ruff.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["LINE_LENGTH", "TARGET_VERSION", "FormatterError", "format_python"]

LINE_LENGTH = 100
TARGET_VERSION = "py310"


class FormatterError(RuntimeError):
    """ruff rejected generated code: a bug of the target, not a schema problem."""


def _ruff() -> str:
    # the `ruff` wheel's own lookup of its binary (next to this interpreter's scripts)
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def format_python(sources: Mapping[str, str]) -> dict[str, str]:
    """`sources` (relative path -> Python text) formatted by ruff, same keys."""
    if not sources:
        return {}
    with tempfile.TemporaryDirectory(prefix="kcg-format-") as tmp:
        root = Path(tmp)
        paths: list[str] = []
        for name, text in sources.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        proc = subprocess.run(
            [
                _ruff(),
                "format",
                "--isolated",
                "--no-cache",
                "--quiet",
                "--line-length",
                str(LINE_LENGTH),
                "--target-version",
                TARGET_VERSION,
                "--",
                *paths,
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
        )
        if proc.returncode != 0:
            raise FormatterError(f"ruff format failed: {proc.stderr.strip()[-4000:]}")
        return {name: (root / name).read_text(encoding="utf-8") for name in sources}
