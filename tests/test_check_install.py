"""The CI entry points work from a real (non-editable) install, as pre-commit makes one.

A wheel does not contain the repository's templates/ and schema/ unless the build copies
them in (setup.py); without them every target fails in a pre-commit hook environment.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.manifest import MANIFEST_NAME
from tests.ci_helpers import cli_env
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lib = tmp_path_factory.mktemp("build") / "lib"
    done = subprocess.run(
        [sys.executable, "setup.py", "-q", "build", "--build-lib", str(lib)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return lib


def _run(lib: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = cli_env()
    env["PYTHONPATH"] = str(lib)  # the built package only, not the checkout
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_build_ships_templates_and_the_sample_schema(built: Path) -> None:
    data = built / "generator" / "_data"
    assert (data / "schema" / "kaltura-sample.xml").read_bytes() == (
        REPO_ROOT / "schema" / "kaltura-sample.xml"
    ).read_bytes()
    shipped = sorted(
        p.relative_to(data / "templates").as_posix()
        for p in (data / "templates").rglob("*")
        if p.is_file()
    )
    in_repo = sorted(
        p.relative_to(REPO_ROOT / "templates").as_posix()
        for p in (REPO_ROOT / "templates").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )
    assert shipped == in_repo and shipped


def test_installed_package_resolves_its_own_data(built: Path, tmp_path: Path) -> None:
    probe = _run(built, tmp_path, "--version")
    assert probe.returncode == 0, probe.stderr
    env = cli_env()
    env["PYTHONPATH"] = str(built)
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import generator.paths as p; print(p.TEMPLATES_DIR); print(p.DEFAULT_SCHEMA)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where == [
        str(built / "generator" / "_data" / "templates"),
        str(built / "generator" / "_data" / "schema" / "kaltura-sample.xml"),
    ]


@pytest.mark.parametrize("target", ["python", "typescript"])
def test_generate_and_check_from_the_installed_package(
    built: Path, tmp_path: Path, target: str
) -> None:
    if not (REPO_ROOT / "generator" / "targets" / target).is_dir():
        pytest.skip(f"the {target} target is not in this checkout yet")
    out = tmp_path / "client"
    generated = _run(built, tmp_path, "generate", "-q", "--target", target, "--out", str(out))
    assert generated.returncode == 0, generated.stderr
    assert (out / MANIFEST_NAME).is_file()
    checked = _run(built, tmp_path, "check", "--target", target, "--out", str(out), "--stat")
    assert checked.returncode == 0, checked.stdout + checked.stderr
