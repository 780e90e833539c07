"""`tsc --strict` passes on the package generated from every real schema (zero errors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output import write_tree
from tests.typescript.conftest import (
    TSC,
    BuiltPackage,
    compile_package,
    dist_differences,
    rendered_real,
    require_toolchain,
    run,
    tsc_errors,
)

pytestmark = pytest.mark.slow


def test_ovp22_compiles_strict(ovp22_package: BuiltPackage) -> None:
    # The session build runs `tsc --strict` with emit; its diagnostics are those of --noEmit.
    errors = tsc_errors(ovp22_package.tsc)
    assert errors == [], "\n".join(errors[:30])
    assert ovp22_package.tsc.returncode == 0
    assert (ovp22_package.dist / "api" / "types" / "MediaListAction.d.ts").is_file()
    # The JavaScript and declarations generate writes (no Node involved) are exactly tsc's.
    assert dist_differences(ovp22_package) == []


@pytest.mark.parametrize("name", ["ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml"])
def test_real_schema_compiles_strict(name: str, tmp_path: Path) -> None:
    require_toolchain()
    root = tmp_path / "package"
    write_tree(root, rendered_real(name))
    built = compile_package(root)
    errors = tsc_errors(built.tsc)
    assert errors == [], "\n".join(errors[:30])
    assert built.tsc.returncode == 0, built.tsc.stdout[-2000:]
    assert dist_differences(built) == []


def test_a_type_error_is_reported(tmp_path: Path) -> None:
    """The check can fail: a generated module with a wrong type makes tsc report it."""
    require_toolchain()
    files = dict(rendered_real("ott-3.6.287.xml"))
    path = next(p for p in sorted(files) if p.startswith("src/api/types/") and "Action" in p)
    files[path] = files[path] + b"\nexport const broken: number = 'not a number';\n"
    root = tmp_path / "package"
    write_tree(root, files)
    result = run([str(TSC), "-p", "tsconfig.json", "--strict", "--noEmit"], root)
    assert any("broken" in line or "TS2322" in line for line in tsc_errors(result))
