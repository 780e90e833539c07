"""The CI commands on ovp-22.19.0: `check` and no-op `generate` must cost little beyond rendering.

* check, tree up to date: render in memory + compare with the tree on disk; reference:
  the render alone, so the ratio is the price of the comparison.
* generate, tree up to date (nothing written) and generate into a fresh directory
  (staged, fsynced, swapped in); reference: the render alone.
* writing a tree that differs from the one on disk in one file (no render: the writer's
  own cost, the unchanged files hard-linked from the previous tree).
* diff ovp-3.1.1 -> ovp-22.19.0 of parsed models; reference: parsing the two schemas.

Nothing the bench writes is deleted before its last row. On ext4 without a journal (the
machines here), creating a file scans the inode bitmap past every inode freed in the last
60-360 s (`recently_deleted()` in fs/ext4/ialloc.c): right after a tree of 10,000 files is
deleted, creating the next 10,000 costs seconds of kernel CPU instead of ~0.3 s, and an
earlier row's clean-up would be billed to the next row.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from benchmarks import REPO_ROOT, Row, median_time, shared_dir
from generator.check import build_report
from generator.diff import diff_schemas
from generator.manifest import SchemaInfo, build_manifest
from generator.model import Schema
from generator.output import NO_SYNCFS_ENV, inspect_tree, write_tree
from generator.sources import load_schema
from generator.targets import TARGETS, GenerateOptions, RenderedFiles, get_target

RUNS = 5
SCHEMA = "ovp-22.19.0.xml"


def _available(target: str) -> bool:
    base = REPO_ROOT / "generator" / "targets"
    return (base / target).exists() or (base / f"{target}.py").exists()


def _target_rows(name: str, path: Path, schema: Schema, work: Path) -> list[Row]:
    target = get_target(name)
    options = GenerateOptions()
    info = SchemaInfo.of(path.read_bytes(), schema.api_version, schema.generated_date)

    def render() -> RenderedFiles:
        return target.render(schema, options)

    def render_uncached() -> RenderedFiles:  # the reference: a real render, not a cache hit
        os.environ["KALTURA_CODEGEN_NO_CACHE"] = "1"
        try:
            return target.render(schema, options)
        finally:
            del os.environ["KALTURA_CODEGEN_NO_CACHE"]

    files = render()
    manifest = build_manifest(name, options, info, files)
    note = f"{len(files)} files, {sum(map(len, files.values())) / 1e6:.1f} MB"
    render_s = median_time(render_uncached, RUNS)
    work = work / name
    work.mkdir()
    out = work / "out"
    write_tree(out, files, manifest)

    def check() -> None:
        fresh = render()
        build_report(inspect_tree(out, fresh, build_manifest(name, options, info, fresh)))

    def noop_generate() -> None:
        fresh = render()
        assert not write_tree(out, fresh, build_manifest(name, options, info, fresh)).written

    counter = iter(range(1_000_000))

    def full_generate() -> None:
        fresh = render()
        write_tree(work / f"fresh-{next(counter)}", fresh, manifest)

    def full_generate_fsync_each() -> None:  # the writer before syncfs: one fsync a file
        os.environ[NO_SYNCFS_ENV] = "1"
        try:
            full_generate()
        finally:
            del os.environ[NO_SYNCFS_ENV]

    # Two renderings that differ in one file, written in turn over one tree: each run
    # writes that file and links all the others from the previous tree.
    changed_path = sorted(files)[0]
    versions = [files, {**files, changed_path: files[changed_path] + b"\n"}]
    manifests = [manifest, build_manifest(name, options, info, versions[1])]
    turn = iter(range(1_000_000))
    one_change = work / "one-change"
    write_tree(one_change, files, manifest)

    def generate_one_change() -> None:
        i = 1 - next(turn) % 2
        assert write_tree(one_change, versions[i], manifests[i]).written

    rows = []
    for case, func, target_s in (
        ("check, up to date", check, None),
        ("generate, up to date (no write)", noop_generate, None),
        ("write only, one file changed (the others linked)", generate_one_change, None),
        ("generate into a new directory", full_generate, 2 * render_s),
        (
            "generate into a new directory, fsync per file (before)",
            full_generate_fsync_each,
            None,
        ),
    ):
        rows.append(
            Row(
                benchmark="ci",
                case=f"{name} {SCHEMA}: {case}",
                median_s=median_time(func, RUNS),
                runs=RUNS,
                reference="render only",
                reference_s=render_s,
                target_s=target_s,
                note=note,
            )
        )
    return rows


def run() -> list[Row]:
    shared = shared_dir()
    if shared is None:
        return [Row("ci", "all cases", 0.0, 0, note="real schemas not found")]
    new_path = shared / "schemas" / SCHEMA
    old_path = shared / "schemas" / "ovp-3.1.1.xml"
    new = load_schema(str(new_path)).schema
    old = load_schema(str(old_path)).schema
    assert new is not None and old is not None
    rows = [
        Row(
            benchmark="ci",
            case="diff ovp-3.1.1 -> ovp-22.19.0 (models)",
            median_s=median_time(lambda: diff_schemas(old, new), RUNS),
            runs=RUNS,
            reference="parse both schemas",
            reference_s=median_time(
                lambda: (load_schema(str(old_path)), load_schema(str(new_path))), 3
            ),
            note=f"{len(diff_schemas(old, new).changes)} changes",
        )
    ]
    work = Path(tempfile.mkdtemp(prefix="bench-ci-"))
    try:
        for name in sorted(TARGETS):
            if _available(name):
                rows.extend(_target_rows(name, new_path, new, work))
            else:
                rows.append(
                    Row("ci", f"{name}: check/generate", 0.0, 0, note="target not here yet")
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows
