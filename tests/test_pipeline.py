"""The shared pipeline: settings, template overrides, target checks, the sample marking,
Ctrl-C, the lean install and the one-way dependencies of the stages."""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.diagnostics import Diagnostic, Level
from generator.manifest import MANIFEST_NAME
from generator.output import PAUSE_ENV
from tests import fixture_target
from tests.ci_helpers import MINI_SCHEMA, cli_env, use_fixture_target
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA

GENERATOR = REPO_ROOT / "generator"


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def fixture_generate(out: Path, *extra: str) -> Result:
    return cli("generate", "-q", "--schema", str(MINI_SCHEMA), "--target", "fixture",
               "--out", str(out), *extra)  # fmt: skip


# ------------------------------------------------------------------------ settings


def test_a_declared_setting_is_used_and_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fixture_target(monkeypatch)
    out = tmp_path / "out"
    assert fixture_generate(out, "--set", "greeting=Hello").exit_code == 0
    assert (out / "README.txt").read_text().startswith("Hello ")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["options"]["settings"] == {"greeting": "Hello"}
    drift = cli("check", "--schema", str(MINI_SCHEMA), "--target", "fixture", "--out", str(out))
    assert drift.exit_code == 1
    assert "settings={'greeting': 'Hello'}" in drift.stdout


def test_a_setting_at_its_default_is_not_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fixture_target(monkeypatch)
    out = tmp_path / "out"
    assert fixture_generate(out, "--set", "greeting=API").exit_code == 0
    assert json.loads((out / MANIFEST_NAME).read_text())["options"]["settings"] == {}


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("colour=red", "--set colour: the fixture target has no such setting (settings: greeting"),
        ("greeting", "--set 'greeting': expected key=value"),
    ],
)
def test_bad_settings_are_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pair: str, message: str
) -> None:
    use_fixture_target(monkeypatch)
    result = fixture_generate(tmp_path / "out", "--set", pair)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_setting_value_is_validated() -> None:
    result = cli("generate", "--target", "typescript", "--out", "/nonexistent/x",
                 "--set", "license=MIT; rm -rf /")  # fmt: skip
    assert result.exit_code == 2
    assert "expected an SPDX license expression" in result.stderr


def test_license_setting_reaches_both_library_targets(tmp_path: Path) -> None:
    for target in ("python", "typescript"):
        out = tmp_path / target
        done = cli("generate", "-q", "--target", target, "--out", str(out), "--set", "license=MIT")
        assert done.exit_code == 0, done.output
    assert 'license = "MIT"' in (tmp_path / "python" / "pyproject.toml").read_text()
    assert json.loads((tmp_path / "typescript" / "package.json").read_text())["license"] == "MIT"


# ----------------------------------------------------------------- template overrides


def test_templates_command_lists_templates_and_settings() -> None:
    result = cli("templates", "--target", "typescript")
    assert result.exit_code == 0
    assert "enum.ts.j2" in result.stdout and "one enum module" in result.stdout
    assert "license: SPDX license of the package" in result.stdout


def test_a_template_override_changes_only_what_it_lays_out(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    assert cli("generate", "-q", "--target", "typescript", "--out", str(plain)).exit_code == 0
    overrides = tmp_path / "mine"
    overrides.mkdir()
    builtin = (REPO_ROOT / "templates" / "typescript" / "enum.ts.j2").read_text()
    (overrides / "enum.ts.j2").write_text("// house style header\n" + builtin)
    custom = tmp_path / "custom"
    args = ("generate", "-q", "--target", "typescript", "--out", str(custom))
    assert cli(*args, "--templates", str(overrides)).exit_code == 0
    changed = sorted(
        p.relative_to(custom).as_posix()
        for p in custom.rglob("*")
        if p.is_file()
        and p.name != MANIFEST_NAME
        and (plain / p.relative_to(custom)).read_bytes() != p.read_bytes()
    )
    assert changed, "the override was not used"
    enum_files = {
        f"src/api/types/{p.stem}.ts"
        for p in (plain / "src/api/types").glob("*.ts")
        if "export enum" in p.read_text() or "export const enum" in p.read_text()
    }
    assert set(changed) == enum_files
    recorded = json.loads((custom / MANIFEST_NAME).read_text())["options"]["templates"]
    assert len(recorded) == 64
    check = ("check", "--target", "typescript", "--out", str(custom), "--templates", str(overrides))
    assert cli(*check).exit_code == 0
    (overrides / "enum.ts.j2").write_text("// another header\n" + builtin)
    drift = cli(*check)
    assert drift.exit_code == 1
    assert "options changed" in drift.stdout


def test_an_override_of_no_template_is_refused(tmp_path: Path) -> None:
    overrides = tmp_path / "mine"
    overrides.mkdir()
    (overrides / "enums.ts.j2").write_text("typo\n")
    result = cli("generate", "--target", "typescript", "--out", str(tmp_path / "o"),
                 "--templates", str(overrides))  # fmt: skip
    assert result.exit_code == 2
    assert "enums.ts.j2 is not a template of the typescript target" in result.stderr


# ------------------------------------------------------------------- target checks


def test_validate_target_prints_target_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fixture_target(monkeypatch)

    def check(self: object, schema: object, options: object) -> list[Diagnostic]:
        return [Diagnostic(Level.ERROR, "mini.xml", 7, "class Widget", "collides with Gadget")]

    monkeypatch.setattr(fixture_target.FixtureTarget, "check", check)
    plain = cli("validate", str(MINI_SCHEMA))
    assert plain.exit_code == 0 and "collides" not in plain.stdout
    with_target = cli("validate", "--target", "fixture", str(MINI_SCHEMA))
    assert with_target.exit_code == 1
    assert "mini.xml:7: error: class Widget: collides with Gadget" in with_target.stdout


def test_a_target_error_stops_generate_with_its_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fixture_target(monkeypatch)

    def check(self: object, schema: object, options: object) -> list[Diagnostic]:
        return [Diagnostic(Level.ERROR, "mini.xml", 3, "plugin x", "cannot be a module name")]

    monkeypatch.setattr(fixture_target.FixtureTarget, "check", check)
    result = fixture_generate(tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "mini.xml:3: error: plugin x: cannot be a module name"
    assert not (tmp_path / "out").exists()


# -------------------------------------------------------------------------- sample


def test_output_from_the_sample_says_so(tmp_path: Path) -> None:
    out = tmp_path / "py"
    result = cli("generate", "--target", "python", "--out", str(out))
    assert result.exit_code == 0
    assert "schema: the embedded SAMPLE" in result.stderr
    pyproject = (out / "pyproject.toml").read_text()
    assert 'name = "KalturaApiClient-sample"' in pyproject
    assert '+sample"' in pyproject


def test_output_from_a_real_schema_is_not_marked(tmp_path: Path) -> None:
    real = tmp_path / "KalturaClient.xml"
    real.write_bytes(SAMPLE_SCHEMA.read_bytes().replace(b"(sample)", b"(real)", 1))
    out = tmp_path / "py"
    result = cli("generate", "--schema", str(real), "--target", "python", "--out", str(out))
    assert result.exit_code == 0
    assert "SAMPLE" not in result.stderr and "apiVersion 22.19.0" in result.stderr
    assert 'name = "KalturaApiClient"' in (out / "pyproject.toml").read_text()


# -------------------------------------------------------------------------- Ctrl-C


@pytest.mark.parametrize("point", ["write:2", "swap"])
def test_ctrl_c_exits_130_and_leaves_nothing_behind(tmp_path: Path, point: str) -> None:
    out = tmp_path / "out"
    args = ["generate", "-q", "--schema", str(MINI_SCHEMA), "--target", "fixture", "--out"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fixture_cli", *args, str(out)],
        cwd=REPO_ROOT,
        env=cli_env(**{PAUSE_ENV: point}),
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if f"test pause at {point}" in line or not line:
            break
    os.kill(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == 130
    assert rest.strip() == "kaltura-codegen: interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no staging tree, no output


# ----------------------------------------------------------------- lean install


def test_generate_needs_none_of_serves_libraries(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from generator.entry import main\n"
        "sys.argv = ['kaltura-codegen', 'generate', '-q', '--target', 'python', '--out', "
        f"{str(tmp_path / 'out')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('werkzeug', 'cryptography') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stderr
    assert (tmp_path / "out" / "pyproject.toml").is_file()


def test_serve_libraries_are_an_extra() -> None:
    if sys.version_info < (3, 11):  # mypy checks the tests as Python 3.10, as the package
        pytest.skip("reads pyproject.toml with tomllib (Python 3.11+)")
    else:
        import tomllib

        project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
        required = " ".join(project["dependencies"])
        assert "werkzeug" not in required and "cryptography" not in required
        serve = " ".join(project["optional-dependencies"]["serve"])
        assert "werkzeug" in serve and "cryptography" in serve


# ------------------------------------------------------------- one-way dependencies


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("generator")}


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_stages_depend_one_way() -> None:
    """read -> parse -> validate -> select -> lower -> render -> write: no stage imports a
    later one, the model imports nothing, and targets never import the CLI or pipeline."""
    forbidden = {
        "model.py": ("generator.",),
        "parser.py": ("generator.targets", "generator.pipeline", "generator.cli"),
        "validate.py": ("generator.targets", "generator.pipeline", "generator.cli"),
        "select.py": ("generator.targets", "generator.pipeline", "generator.cli"),
        "pipeline.py": ("generator.cli", "generator.serve"),
    }
    problems = []
    for name, prefixes in forbidden.items():
        for imported in _imports(GENERATOR / name):
            if imported.startswith(prefixes) and imported != "generator.model":
                problems.append(f"{name} imports {imported}")
    for path in _modules(GENERATOR / "targets"):
        for imported in _imports(path):
            if imported.startswith(("generator.cli", "generator.pipeline", "generator.output")):
                problems.append(f"{path.relative_to(GENERATOR)} imports {imported}")
    for path in _modules(GENERATOR / "targets" / "shared"):
        for imported in _imports(path):
            rest = imported.removeprefix("generator.targets.")
            if imported.startswith("generator.targets.") and not rest.startswith("shared"):
                problems.append(f"{path.relative_to(GENERATOR)} imports target {imported}")
    assert problems == []
