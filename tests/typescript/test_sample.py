"""The TypeScript package of schema/kaltura-sample.xml: determinism, strict compile.

`generated/typescript/` is the golden record: `make generate` writes it and `make check`
(part of `make test`) fails when it is not exactly what a fresh render gives.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output import write_tree
from generator.pipeline import render_schema
from generator.sources import load_schema
from generator.targets import GenerateOptions, RenderedFiles
from generator.targets.typescript import TARGET
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA
from tests.typescript.conftest import (
    compile_package,
    dist_differences,
    require_toolchain,
    tsc_errors,
)

GENERATED = REPO_ROOT / "generated" / "typescript"


@pytest.fixture(scope="module")
def sample_files() -> RenderedFiles:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None and not result.errors
    return TARGET.render(result.schema, GenerateOptions())


def test_rendering_is_deterministic(sample_files: RenderedFiles) -> None:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None
    again = TARGET.render(result.schema, GenerateOptions())
    assert again == sample_files


def test_package_metadata(sample_files: RenderedFiles) -> None:
    package = json.loads(sample_files["package.json"])
    assert package["type"] == "module"
    assert package["sideEffects"] is False
    assert "dependencies" not in package  # zero runtime dependencies
    # Installs as generated: dist/ ships compiled, so nothing to build and no install scripts.
    assert "devDependencies" not in package and "scripts" not in package
    assert "license" not in package  # generated code is the user's: none unless --set license=
    assert package["files"] == ["dist", "src", "tsconfig.json", "README.md"]
    assert {"dist/index.js", "dist/index.d.ts", "src/index.ts"} <= set(sample_files)
    assert package["exports"]["./api/types/*"]["types"] == "./dist/api/types/*.d.ts"
    config = json.loads(sample_files["tsconfig.json"])
    options = config["compilerOptions"]
    assert options["strict"] is True
    assert options["exactOptionalPropertyTypes"] is True
    assert options["noUncheckedIndexedAccess"] is True
    readme = sample_files["README.md"].decode()
    assert "Differences from the official client" in readme


def test_sample_compiles_strict(sample_files: RenderedFiles, tmp_path: Path) -> None:
    require_toolchain()
    write_tree(tmp_path / "package", sample_files)
    built = compile_package(tmp_path / "package")
    assert tsc_errors(built.tsc) == [], built.tsc.stdout[-3000:]
    assert built.tsc.returncode == 0
    assert dist_differences(built) == []
    # The runtime's committed dist/ is exactly what this tsc emits from its sources.
    runtime = REPO_ROOT / "templates" / "typescript" / "runtime"
    sources = sorted((runtime / "src").rglob("*.ts"))
    committed = sorted(
        p.relative_to(runtime / "dist") for p in (runtime / "dist").rglob("*") if p.is_file()
    )
    expected = sorted(
        Path(s.relative_to(runtime / "src").with_suffix("").as_posix() + suffix)
        for s in sources
        for suffix in (".js", ".d.ts")
    )
    assert committed == expected, "run `make ts-runtime`"
    for rel in committed:
        emitted = (built.emitted / rel).read_bytes()
        assert (runtime / "dist" / rel).read_bytes() == emitted, f"{rel}: run `make ts-runtime`"


def test_settings_set_the_package_metadata(sample_files: RenderedFiles) -> None:
    result = load_schema(str(SAMPLE_SCHEMA))
    assert result.schema is not None
    files = render_schema(
        result.schema,
        "typescript",
        settings=("license=MIT", "package_name=@acme/kaltura", "version_suffix=2"),
    )
    package = json.loads(files["package.json"])
    assert package["license"] == "MIT"
    assert package["name"] == "@acme/kaltura"
    assert package["version"].endswith("-2")
    readme = files["README.md"].decode()
    assert "@acme/kaltura" in readme and "--set license=" in readme


def test_tree_ignores_what_installing_and_building_leave(sample_files: RenderedFiles) -> None:
    ignored = sample_files[".gitignore"].decode().splitlines()
    assert "node_modules/" in ignored and "*.tgz" in ignored
    assert "dist/" not in ignored  # generated and shipped
    assert tuple(ignored) == TARGET.untracked


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-m", "generator", "generate", "--target", "typescript"]
        cmd += ["--schema", str(SAMPLE_SCHEMA), "--out", str(out)]
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=REPO_ROOT)
        trees.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert trees[0] == trees[1]
    assert len(trees[0]) > 100
