"""Every generated file compiles under PHP 8, and every class loads through the bundled
autoloader, for the sample and the four real schemas.

`lint.php` compiles each file with `opcache_compile_file` in one process: the same compile
step as `php -l` without a process per file (php -l takes ~90 ms a file here: 4 minutes per
schema; one process takes under a second). Loading every class then catches what only a
class declaration checks (inheritance, redeclared properties, abstract methods).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output import write_tree
from tests.conftest import REPO_ROOT
from tests.php.conftest import HERE, rendered_real, require_php, run

REAL_SCHEMAS = ["ovp-22.19.0.xml", "ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml"]


def lint(package: Path, mode: str = "both") -> tuple[int, str]:
    result = run(
        ["php", "-d", "opcache.enable_cli=1", str(HERE / "lint.php"), str(package), mode], HERE
    )
    return result.returncode, result.stdout.strip().splitlines()[-1] + result.stderr[-2000:]


def test_committed_sample_package_compiles_and_loads() -> None:
    require_php()
    code, last = lint(REPO_ROOT / "generated" / "php")
    assert code == 0, last
    assert last.startswith("OK ")


@pytest.mark.slow
@pytest.mark.parametrize("name", REAL_SCHEMAS)
def test_real_schema_package_compiles_and_loads(name: str, tmp_path: Path) -> None:
    require_php()
    write_tree(tmp_path / "pkg", rendered_real(name))
    code, last = lint(tmp_path / "pkg")
    assert code == 0, last
    files = sum(1 for _ in (tmp_path / "pkg").rglob("*.php"))
    # every file compiled, every class under library/ loaded (autoload.php is no class)
    assert last == f"OK {files} files, {files - 1} classes"


def test_lint_reports_a_file_that_does_not_compile(tmp_path: Path) -> None:
    require_php()
    (tmp_path / "library" / "Kaltura").mkdir(parents=True)
    (tmp_path / "autoload.php").write_text("<?php\n")
    (tmp_path / "library" / "Kaltura" / "X.php").write_text(
        '<?php namespace Kaltura; class X { public function f(int $a = "x") {} }\n'
    )
    code, last = lint(tmp_path, "compile")
    assert code != 0
    assert "X.php" in last


def test_php_l_passes_on_every_committed_sample_file() -> None:
    """`php -l` itself, file by file (two at a time), on the committed sample package."""
    require_php()
    files = sorted(str(p) for p in (REPO_ROOT / "generated" / "php").rglob("*.php"))
    result = run(
        # PHP 8.2 lints only the first file it is given: one file per process
        ["xargs", "-P", "2", "-n", "1", "php", "-l"],
        REPO_ROOT,
        input_text="\n".join(files),
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stdout.count("No syntax errors detected") == len(files) > 100
