"""Run the benchmarks: `python -m benchmarks [NAME ...]` (NAME: module without `bench_`)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import platform
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import REPO_ROOT, Row

RESULTS = REPO_ROOT / "bench-results" / "results.md"


def discover() -> list[str]:
    package = Path(__file__).resolve().parent
    return sorted(
        m.name for m in pkgutil.iter_modules([str(package)]) if m.name.startswith("bench_")
    )


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    if value < 0.001:  # per-call costs of microseconds would all read "0.0 ms"
        return f"{value * 1_000_000:.1f} us"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: Sequence[Row]) -> str:
    columns = [
        "benchmark",
        "case",
        "median",
        "runs",
        "reference",
        "reference median",
        "ratio",
        "target",
        "verdict",
        "note",
    ]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for r in rows:
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else ""
        cells = [
            r.benchmark,
            r.case,
            _seconds(r.median_s),
            str(r.runs),
            r.reference,
            _seconds(r.reference_s),
            ratio,
            _seconds(r.target_s),
            r.verdict,
            r.note,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="run only these (e.g. parse); default all")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"default {RESULTS}")
    args = parser.parse_args(argv)
    modules = discover()
    wanted = [f"bench_{n.removeprefix('bench_')}" for n in args.names] or modules
    unknown = sorted(set(wanted) - set(modules))
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (have: {', '.join(modules)})")
    rows: list[Row] = []
    for name in wanted:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        rows.extend(module.run())
    header = (
        "# Benchmark results\n\n"
        f"Python {platform.python_version()} on {platform.machine()} "
        f"({platform.system()}); medians of repeated runs, references measured in the "
        "same run.\n\n"
    )
    text = header + table(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
