"""Template overrides for Python: replacing one macro file changes only what it lays out."""

from __future__ import annotations

import ast
import difflib
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.paths import TEMPLATES_DIR
from tests.conftest import SAMPLE_SCHEMA

HEADER = "# Object class {{ c.comment }}: generated from the Kaltura schema"


def _class_override(directory: Path) -> Path:
    """The README's example: the built-in class macro with a header comment per class."""
    directory.mkdir()
    builtin = (TEMPLATES_DIR / "python" / "class.py.jinja").read_text(encoding="utf-8")
    line = "class {{ c.name }}({{ c.base }}):"
    assert builtin.count(line) == 1
    (directory / "class.py.jinja").write_text(
        builtin.replace(line, HEADER + "\n" + line), encoding="utf-8"
    )
    return directory


def _object_classes(source: str) -> list[str]:
    """Module-level classes that are object classes (they declare `_kaltura_type_`)."""
    return [
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.ClassDef)
        and any(
            isinstance(s, ast.AnnAssign)
            and isinstance(s.target, ast.Name)
            and s.target.id == "_kaltura_type_"
            for s in node.body
        )
    ]


def _generate(out: Path, *extra: str) -> None:
    args = ["generate", "--schema", str(SAMPLE_SCHEMA), "--target", "python", "--out", str(out)]
    result = CliRunner().invoke(main, [*args, *extra])
    assert result.exit_code == 0, result.output


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".kaltura-codegen.json"
    }


def test_class_override_changes_only_class_text(tmp_path: Path) -> None:
    overrides = _class_override(tmp_path / "my-templates")
    _generate(tmp_path / "plain")
    _generate(tmp_path / "custom", "--templates", str(overrides))
    plain, custom = _files(tmp_path / "plain"), _files(tmp_path / "custom")
    assert plain.keys() == custom.keys()
    changed = 0
    for name, before in plain.items():
        after = custom[name]
        diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:1] in "+-?"]
        assert all(d.startswith("+ ") for d in diff), (name, diff[:5])
        added = [d[2:] for d in diff]
        expected = []
        if name.startswith("KalturaClient/Plugins/"):  # the runtime is copied verbatim
            expected = [
                f"# Object class {c}: generated from the Kaltura schema"
                for c in _object_classes(before)
            ]
        assert added == expected, name
        changed += bool(added)
    assert changed >= 3  # Core and the plugin modules with classes


def test_check_reports_drift_when_the_override_changes(tmp_path: Path) -> None:
    overrides = _class_override(tmp_path / "my-templates")
    out = tmp_path / "out"
    _generate(out, "--templates", str(overrides))
    check = ["check", "--schema", str(SAMPLE_SCHEMA), "--target", "python", "--out", str(out)]
    assert CliRunner().invoke(main, [*check, "--templates", str(overrides)]).exit_code == 0
    template = overrides / "class.py.jinja"
    template.write_text(template.read_text().replace("Object class", "Class"), encoding="utf-8")
    drift = CliRunner().invoke(main, [*check, "--templates", str(overrides)])
    assert drift.exit_code == 1, drift.output
