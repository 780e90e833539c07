"""Session-cached work for the PHP tests: generated packages and the official php53 oracle.

Each schema is rendered once per session; the official client is extracted once from the
oracle tarball into a temporary directory (never into the repository).
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from generator.output import write_tree
from generator.targets import GenerateOptions, RenderedFiles
from generator.targets.php import TARGET
from tests.conftest import ORACLES_DIR, parsed_real_schema

OFFICIAL_TARBALL = ORACLES_DIR / "official-php53-ovp-22.19.0.tar.xz"
HERE = Path(__file__).resolve().parent

_rendered: dict[str, RenderedFiles] = {}


def require_php() -> str:
    php = shutil.which("php")
    if php is None:
        pytest.fail("php is missing: run `make setup` (make setup-php installs php-cli)")
    return php


def rendered_real(name: str) -> RenderedFiles:
    if name not in _rendered:
        _rendered[name] = TARGET.render(parsed_real_schema(name), GenerateOptions())
    return _rendered[name]


def run(
    cmd: list[str], cwd: Path, timeout: int = 600, input_text: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, input=input_text
    )


@pytest.fixture(scope="session")
def ovp22_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ovp-22.19.0 generated into a temporary directory."""
    require_php()
    root = tmp_path_factory.mktemp("php-ovp22") / "package"
    write_tree(root, rendered_real("ovp-22.19.0.xml"))
    return root


@pytest.fixture(scope="session")
def official_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The official php53 client's `library/` (PSR-0 root), extracted from the oracle."""
    require_php()
    if not OFFICIAL_TARBALL.is_file():
        pytest.skip(f"oracle {OFFICIAL_TARBALL} not available")
    work = tmp_path_factory.mktemp("official-php")
    with tarfile.open(OFFICIAL_TARBALL) as archive:
        archive.extractall(work, filter="data")
    (client,) = list(work.rglob("Kaltura/Client/Client.php"))
    return client.parent.parent.parent
