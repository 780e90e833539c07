"""The benchmark runner's registry and table (the measurements themselves are `make bench`)."""

from __future__ import annotations

import pytest

from benchmarks import Row, median_time
from benchmarks.__main__ import discover, main, table


def test_discovers_bench_modules() -> None:
    assert "bench_parse" in discover()
    assert all(name.startswith("bench_") for name in discover())


def test_table_ratio_verdict_and_escaping() -> None:
    rows = [
        Row("parse", "a|b", 0.2, 7, "lxml", 0.05, target_s=0.5, note="n"),
        Row("parse", "slow", 2.0, 3, target_s=1.0),
    ]
    lines = table(rows).splitlines()
    assert lines[0].startswith("| benchmark | case | median | runs | reference |")
    assert lines[2] == (
        "| parse | a\\|b | 200.0 ms | 7 | lxml | 50.0 ms | 4.00x | 500.0 ms | ok | n |"
    )
    assert lines[3] == "| parse | slow | 2.00 s | 3 |  |  |  | 1.00 s | OVER TARGET |  |"


def test_median_time_calls_the_function() -> None:
    calls: list[int] = []
    assert median_time(lambda: calls.append(1), runs=5, warmup=2) >= 0
    assert len(calls) == 7


def test_unknown_benchmark_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["no_such_thing"])
    assert info.value.code == 2
    assert "no such benchmark: bench_no_such_thing" in capsys.readouterr().err
