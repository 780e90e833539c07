"""Formatting of the rendered Python: `ruff format` over every generated module.

Templates lay text out roughly; ruff (the formatter openapi-python-client runs as its
post-hook) gives it black's style. Files are written to a temporary directory and
formatted by a few ruff processes, not one per file (a process costs ~20 ms). A batch is
started as soon as its files are rendered (`flush()`, or once about BATCH_BYTES of text
are waiting), so ruff formats on another core while Python renders the next modules, and
only the last few small files are formatted after rendering ends. The settings are passed
explicitly and configuration files are ignored (`--isolated`), so the output does not
depend on where the command runs; the generated package's pyproject.toml declares the same
settings for black and ruff.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

__all__ = ["LINE_LENGTH", "TARGET_VERSION", "FormatterError", "RuffBatches", "format_python"]

LINE_LENGTH = 100
TARGET_VERSION = "py310"
BATCH_BYTES = 300_000


class FormatterError(RuntimeError):
    """ruff rejected generated code: a bug of the target, not a schema problem."""


def _ruff() -> str:
    # the `ruff` wheel's own lookup of its binary (next to this interpreter's scripts)
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def _scratch_dir() -> str | None:
    """A memory-backed directory when the OS has one: the files live only while ruff
    formats them, and creating and removing ~130 files on a busy disk costs more than
    rendering them."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        return str(shm)
    return None  # the platform's temporary directory


class RuffBatches:
    """Collects rendered modules; `flush()` starts ruff on those added since the last one;
    `result()` waits for every batch and returns the formatted texts."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="kcg-format-", dir=_scratch_dir())
        self._root = Path(self._tmp.name)
        self._names: list[str] = []
        self._pending: list[str] = []
        self._pending_bytes = 0
        self._running: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> RuffBatches:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for proc in self._running:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self._tmp.cleanup()

    def add(self, name: str, text: str) -> None:
        path = self._root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self._names.append(name)
        self._pending.append(str(path))
        self._pending_bytes += len(text)
        if self._pending_bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        command = [
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
            *self._pending,
        ]
        self._pending = []
        self._pending_bytes = 0
        self._running.append(
            subprocess.Popen(
                command, cwd=self._root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
        )

    def result(self) -> dict[str, str]:
        self.flush()
        for proc in self._running:
            _, stderr = proc.communicate()
            if proc.returncode != 0:
                message = stderr.decode("utf-8", "replace").strip()[-4000:]
                raise FormatterError(f"ruff format failed: {message}")
        return {name: (self._root / name).read_text(encoding="utf-8") for name in self._names}


def format_python(sources: Mapping[str, str]) -> dict[str, str]:
    """`sources` (relative path -> Python text) formatted by ruff, same keys."""
    with RuffBatches() as batches:
        for name, text in sources.items():
            batches.add(name, text)
        return batches.result()
