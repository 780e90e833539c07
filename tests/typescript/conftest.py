"""Shared, session-cached work for the TypeScript tests: generate, compile, build the oracle.

Everything expensive happens at most once per session: each schema is rendered once, the
ovp-22.19.0 package is compiled once (with `--strict`, emitting JS that the wire harness and
the node tests run), and the official client is built once from the oracle tarball.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.output import write_tree
from generator.sources import load_schema
from generator.targets import GenerateOptions, RenderedFiles
from generator.targets.typescript import TARGET
from tests.conftest import ORACLES_DIR, REPO_ROOT, SAMPLE_SCHEMA, parsed_real_schema

TOOLCHAIN = REPO_ROOT / "tools" / "ts"
NODE_BIN = TOOLCHAIN / "node_modules" / ".bin"
TSC = NODE_BIN / "tsc"
ESBUILD = NODE_BIN / "esbuild"
OFFICIAL_TARBALL = ORACLES_DIR / "official-typescript-ovp-22.19.0.tar.xz"
HERE = Path(__file__).resolve().parent

_rendered: dict[str, RenderedFiles] = {}


def require_toolchain() -> None:
    if not TSC.exists() or shutil.which("node") is None:
        pytest.fail("the TypeScript toolchain is missing: run `make setup` (npm ci in tools/ts)")


def rendered_real(name: str) -> RenderedFiles:
    """The TypeScript package of a real schema, rendered once per session."""
    if name not in _rendered:
        _rendered[name] = TARGET.render(parsed_real_schema(name), GenerateOptions())
    return _rendered[name]


def run(
    cmd: list[str], cwd: Path, timeout: int = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


def tsc_errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if "error TS" in line]


@dataclass
class BuiltPackage:
    """A generated package as written, and what the pinned tsc emits from its src/ (into
    `emitted`, beside it: the tests run the package's own shipped dist/)."""

    root: Path
    tsc: subprocess.CompletedProcess[str]
    emitted: Path

    @property
    def dist(self) -> Path:
        return self.root / "dist"


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def dist_differences(built: BuiltPackage) -> list[str]:
    """Where the shipped dist/ is not byte for byte what tsc emits from src/ (both ways)."""
    shipped, emitted = tree(built.dist), tree(built.emitted)
    problems = [f"not emitted by tsc: {p}" for p in sorted(set(shipped) - set(emitted))]
    problems += [f"missing from dist/: {p}" for p in sorted(set(emitted) - set(shipped))]
    problems += [
        f"differs from tsc: {p}"
        for p in sorted(set(shipped) & set(emitted))
        if shipped[p] != emitted[p]
    ]
    return problems


def compile_package(root: Path) -> BuiltPackage:
    emitted = root.parent / "tsc-emitted"
    result = run([str(TSC), "-p", "tsconfig.json", "--strict", "--outDir", str(emitted)], root)
    return BuiltPackage(root, result, emitted)


@pytest.fixture(scope="session")
def ovp22_package(tmp_path_factory: pytest.TempPathFactory) -> BuiltPackage:
    """ovp-22.19.0 generated, and compiled with `tsc --strict` beside it."""
    require_toolchain()
    root = tmp_path_factory.mktemp("ts-ovp22") / "package"
    write_tree(root, rendered_real("ovp-22.19.0.xml"))
    return compile_package(root)


@pytest.fixture(scope="session")
def sample_package(tmp_path_factory: pytest.TempPathFactory) -> BuiltPackage:
    """schema/kaltura-sample.xml generated and compiled with `tsc --strict`."""
    require_toolchain()
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None and not result.errors
    root = tmp_path_factory.mktemp("ts-sample") / "package"
    write_tree(root, TARGET.render(result.schema, GenerateOptions()))
    return compile_package(root)


@pytest.fixture(scope="session")
def official_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The official client built from the oracle with its own (non-strict) config: its dist/."""
    require_toolchain()
    if not OFFICIAL_TARBALL.is_file():
        pytest.skip(f"oracle {OFFICIAL_TARBALL} not available")
    work = tmp_path_factory.mktemp("official-ts")
    with tarfile.open(OFFICIAL_TARBALL) as archive:
        archive.extractall(work, filter="data")
    (project,) = [p.parent for p in work.rglob("tsconfig.build.json")]
    os.symlink(TOOLCHAIN / "node_modules", project / "node_modules")
    result = run([str(TSC), "-p", "tsconfig.build.json"], project)
    dist = project / "dist"
    assert (dist / "adapters" / "utils.js").is_file(), result.stdout[-2000:]
    return dist
