"""Parse + validate of the real schemas (target: ovp-22.19.0 under 0.5 s).

Reference: lxml alone parsing the same bytes with the same safe parser settings, i.e.
the floor any lxml-based reader pays; the ratio is what reading into the model and
validating it costs on top.
"""

from __future__ import annotations

from lxml import etree

from benchmarks import Row, median_time, shared_dir
from generator.paths import DEFAULT_SCHEMA
from generator.sources import load_schema

RUNS = 7
TARGET_S = 0.5
SCHEMAS = ("ovp-22.19.0.xml", "ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml")


def _lxml_only(data: bytes) -> None:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    etree.fromstring(data, parser)


def _case(name: str, path: str, target: float | None) -> Row:
    with open(path, "rb") as handle:
        data = handle.read()
    result = load_schema(path)
    note = f"{len(data) / 1e6:.1f} MB, {len(result.errors)} errors, {len(result.warnings)} warnings"
    return Row(
        benchmark="parse",
        case=f"parse+validate {name}",
        median_s=median_time(lambda: load_schema(path), RUNS),
        runs=RUNS,
        reference="lxml parse only",
        reference_s=median_time(lambda: _lxml_only(data), RUNS),
        target_s=target,
        note=note,
    )


def run() -> list[Row]:
    rows = [_case(DEFAULT_SCHEMA.name, str(DEFAULT_SCHEMA), None)]
    shared = shared_dir()
    for name in SCHEMAS:
        path = shared / "schemas" / name if shared is not None else None
        if path is None or not path.is_file():
            rows.append(Row("parse", f"parse+validate {name}", 0.0, 0, note="schema not found"))
            continue
        rows.append(_case(name, str(path), TARGET_S if name == "ovp-22.19.0.xml" else None))
    return rows
