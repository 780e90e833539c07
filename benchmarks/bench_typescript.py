"""The TypeScript target: generation time, tsc time, bundle size of a tiny app (vs the official).

* generate ovp-22.19.0 (parse + render + write the tree); target <= 4 s. Kaltura's own PHP
  generator takes about 8.5 s for the same schema (not runnable here, so no in-run ratio).
* `tsc --noEmit` of the generated ovp-22.19.0 package (strict) vs the official client's
  `tsc --noEmit` with its own non-strict config, both measured in this run.
* node, no network: building the parameters of a media.list call and parsing a 500-entry
  response into typed objects, ours vs the official client.
* esbuild bundle (minified ESM, browser) of a tiny app that only calls media.list, ours vs
  the official client built from the oracle; the sizes (minified and gzip) are in the note,
  the time column is esbuild's. A second case imports through the `api/types` barrel, the
  way much official-client code does.
* install into a fresh app: `npm install --offline` of the `npm pack` tarball, ours (as
  generated: dist/ ships compiled, no dependencies, no scripts) vs the official client
  (built, packed, its tslib dependency from the npm cache).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import tarfile
import tempfile
from functools import partial
from pathlib import Path

from benchmarks import REPO_ROOT, Row, median_time, shared_dir
from generator.output import write_tree
from generator.sources import load_schema
from generator.targets import GenerateOptions
from generator.targets.typescript import TARGET

TOOLCHAIN = REPO_ROOT / "tools" / "ts"
BIN = TOOLCHAIN / "node_modules" / ".bin"
GENERATE_TARGET_S = 4.0
SCHEMA = "ovp-22.19.0.xml"

TINY_APP = """\
import {{ KalturaClient }} from '{root}';
import {{ MediaListAction }} from '{types}';
const options = {{ endpointUrl: 'https://www.kaltura.com', clientTag: 'tiny' }};
const client = new KalturaClient(options, {{ ks: 'KS' }});
client.request(new MediaListAction({{}})).then((r) => console.log(r.totalCount));
"""


def _run(cmd: list[str], cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True)


def _bundle(app: Path, out: Path) -> tuple[int, int]:
    _run(
        [
            str(BIN / "esbuild"),
            str(app),
            "--bundle",
            "--minify",
            "--format=esm",
            "--platform=browser",
            "--log-level=error",
            f"--outfile={out}",
        ],
        app.parent,
    )
    data = out.read_bytes()
    return len(data), len(gzip.compress(data, 9))


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def run() -> list[Row]:
    shared = shared_dir()
    if shared is None or not (shared / "schemas" / SCHEMA).is_file():
        return [Row("typescript", "all", 0.0, 0, note=f"{SCHEMA} not found")]
    schema_path = shared / "schemas" / SCHEMA
    if not (BIN / "tsc").exists():
        return [Row("typescript", "all", 0.0, 0, note="toolchain missing: run make setup")]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-ts-") as tmp:
        work = Path(tmp)
        ours = work / "ours"

        def generate() -> None:
            result = load_schema(str(schema_path))
            assert result.schema is not None
            write_tree(ours, TARGET.render(result.schema, GenerateOptions()))

        runs = 5
        rows.append(
            Row(
                "typescript",
                f"generate {SCHEMA} (parse+render+write)",
                median_time(generate, runs),
                runs,
                target_s=GENERATE_TARGET_S,
                note=f"{sum(1 for p in ours.rglob('*') if p.is_file())} files; "
                "official PHP generator ~8.5 s",
            )
        )

        official = _official(work, shared)
        tsc = str(BIN / "tsc")
        runs = 3
        ours_tsc = median_time(
            lambda: _run([tsc, "-p", "tsconfig.json", "--noEmit"], ours), runs, 0
        )
        official_tsc = (
            median_time(
                lambda: _run([tsc, "-p", "tsconfig.build.json", "--noEmit"], official), runs, 0
            )
            if official is not None
            else None
        )
        rows.append(
            Row(
                "typescript",
                f"tsc --noEmit {SCHEMA} package",
                ours_tsc,
                runs,
                reference="official client, own non-strict config" if official else "",
                reference_s=official_tsc,
                note="ours under --strict",
            )
        )

        # The runtime and bundle rows use the package as generated: its shipped dist/.
        if official is not None:
            rows += _runtime_rows(ours, official)
        rows += _install_rows(work, ours, official)
        cases = [("media.list app, per-module imports", "api/types/MediaListAction")]
        cases.append(("media.list app, api/types barrel", "api/types/index"))
        for label, types_module in cases:
            app = work / f"app-ours-{len(rows)}.mjs"
            app.write_text(
                TINY_APP.format(
                    root=ours / "dist" / "index.js", types=ours / "dist" / f"{types_module}.js"
                )
            )
            out = work / f"{app.stem}.js"
            size = _bundle(app, out)
            timing = median_time(partial(_bundle, app, out), 3)
            note = f"ours {_kb(size[0])} min / {_kb(size[1])} gzip"
            ref_time = None
            if official is not None:
                off_app = work / f"app-official-{len(rows)}.mjs"
                off_app.write_text(
                    TINY_APP.format(
                        root=official / "dist" / "index.js",
                        types=official / "dist" / f"{types_module}.js",
                    )
                )
                off_out = work / f"{off_app.stem}.js"
                off_size = _bundle(off_app, off_out)
                ref_time = median_time(partial(_bundle, off_app, off_out), 3)
                note += (
                    f"; official {_kb(off_size[0])} min / {_kb(off_size[1])} gzip "
                    f"(size ratio {size[0] / off_size[0]:.3f}x)"
                )
            rows.append(
                Row(
                    "typescript",
                    f"esbuild bundle: {label}",
                    timing,
                    3,
                    reference="official client, same app" if official else "",
                    reference_s=ref_time,
                    note=note,
                )
            )
    return rows


def _runtime_rows(ours: Path, official: Path) -> list[Row]:
    """Client-side work of a media.list call in node (benchmarks/ts/runtime_bench.mjs)."""
    script = Path(__file__).resolve().parent / "ts" / "runtime_bench.mjs"
    result = subprocess.run(
        ["node", str(script), str(ours / "dist"), str(official / "dist")],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    cases = (
        ("build", "media.list request parameters (filter + pager)"),
        ("parse", "parse a 500-entry media.list response"),
    )
    return [
        Row(
            "typescript",
            f"runtime: {label}",
            data["ours"][key] / 1000,
            31,
            reference="official client",
            reference_s=data["official"][key] / 1000,
            note=(
                f"node, median of 31 after warm-up: ours {data['ours'][key] * 1000:.1f} us, "
                f"official {data['official'][key] * 1000:.1f} us"
            ),
        )
        for key, label in cases
    ]


def _npm(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "npm_config_audit": "false", "npm_config_fund": "false"}
    return subprocess.run(["npm", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _install_time(
    work: Path, package: Path, label: str, packed: bool, offline: str
) -> tuple[float | None, str]:
    """Median time of `npm install <tarball or directory>` into a fresh app (None: failed)."""
    source = package
    note = "directory"
    if packed:
        destination = work / f"packed-{label}"
        destination.mkdir(exist_ok=True)
        packing = _npm(
            ["pack", "--ignore-scripts", "--pack-destination", str(destination)], package
        )
        tarballs = list(destination.glob("*.tgz"))
        if packing.returncode != 0 or len(tarballs) != 1:
            return None, f"npm pack failed: {packing.stderr.strip()[-200:]}"
        source = tarballs[0]
        note = f"tarball {source.stat().st_size / 1024 / 1024:.1f} MB"
    count = 0

    def install() -> None:
        nonlocal count
        count += 1
        app = work / f"app-{label}-{'tgz' if packed else 'dir'}-{count}"
        app.mkdir()
        (app / "package.json").write_text('{"name": "app", "version": "1.0.0", "type": "module"}')
        result = _npm(["install", offline, str(source)], app)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.strip().splitlines()[0][-200:])

    try:
        return median_time(install, 3, 0), note
    except RuntimeError as exc:
        return None, f"install failed: {exc}"


def _install_rows(work: Path, ours: Path, official: Path | None) -> list[Row]:
    rows = []
    for packed, how in ((True, "packed tarball"), (False, "directory")):
        ours_s, ours_note = _install_time(work, ours, "ours", packed, "--offline")
        note = f"ours --offline, {ours_note}: no build step, no dependencies, no scripts"
        official_s = None
        if official is not None:
            # Its dependencies (tslib, @types/node) may come from the registry.
            official_s, official_note = _install_time(
                work, official, "official", packed, "--prefer-offline"
            )
            note += f"; official --prefer-offline, {official_note}"
        rows.append(
            Row(
                "typescript",
                f"npm install ({how}) into a fresh app",
                ours_s if ours_s is not None else 0.0,
                3,
                reference="official client (built; with its dependencies)" if official else "",
                reference_s=official_s,
                note=note if ours_s is not None else f"FAILED: {ours_note}",
            )
        )
    return rows


def _official(work: Path, shared: Path) -> Path | None:
    tarball = shared / "oracles" / "official-typescript-ovp-22.19.0.tar.xz"
    if not tarball.is_file():
        return None
    with tarfile.open(tarball) as archive:
        archive.extractall(work / "official", filter="data")
    (project,) = [p.parent for p in (work / "official").rglob("tsconfig.build.json")]
    os.symlink(TOOLCHAIN / "node_modules", project / "node_modules")
    _run([str(BIN / "tsc"), "-p", "tsconfig.build.json"], project)
    return project
