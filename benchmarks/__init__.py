"""Benchmarks: `python -m benchmarks` (or `make bench`) runs every `bench_*.py` module here.

A benchmark module exposes `run() -> list[Row]`; the runner discovers it by name, so
adding a benchmark is adding a file. Each row reports the median wall time of several
runs and, where there is one, a reference measured in the same run (so ratios compare
like with like on whatever machine runs them). Results are a Markdown table, printed
and written to `bench-results/results.md`. Benchmarks never assert: they measure.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REPO_ROOT", "Row", "median_time", "shared_dir"]

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    """One measured case. Times in seconds; `reference_s` measured in the same run."""

    benchmark: str
    case: str
    median_s: float
    runs: int
    reference: str = ""
    reference_s: float | None = None
    target_s: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference_s is None or self.reference_s <= 0:
            return None
        return self.median_s / self.reference_s

    @property
    def verdict(self) -> str:
        if self.target_s is None:
            return ""
        return "ok" if self.median_s <= self.target_s else "OVER TARGET"


def median_time(func: Callable[[], object], runs: int, warmup: int = 1) -> float:
    """Median wall time of `runs` calls (after `warmup` untimed calls), GC collected
    before each call so one run's garbage does not land on the next."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def shared_dir() -> Path | None:
    """`<repo>/../shared` (CI) or /work/shared (worktrees), like tests/conftest.py."""
    for candidate in (REPO_ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "schemas").is_dir():
            return candidate
    return None
