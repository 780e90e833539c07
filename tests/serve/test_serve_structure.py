"""Structure: the core module holds the call/outcome types and the handler protocol; the
engine imports the service modules, and nothing imports the engine back (no cycle, not even a
lazy import inside a function)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

SERVE = REPO_ROOT / "generator" / "serve"
# Entry points that build an engine: allowed to import it.
ENGINE_USERS = {"__init__.py", "app.py", "main.py", "pytest_plugin.py", "engine.py"}


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (function-level imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_nothing_but_entry_points_imports_the_engine() -> None:
    offenders = []
    for path in sorted(SERVE.rglob("*.py")):
        if path.parent == SERVE and path.name in ENGINE_USERS:
            continue
        if "generator.serve.engine" in _imports(path) or "generator.serve.engine.Engine" in (
            _imports(path)
        ):
            offenders.append(str(path.relative_to(REPO_ROOT)))
    assert offenders == []


def test_core_imports_neither_engine_nor_services() -> None:
    imported = _imports(SERVE / "core.py")
    assert not {
        m
        for m in imported
        if m.startswith(
            ("generator.serve.engine", "generator.serve.services", "generator.serve.generic")
        )
    }


def test_every_service_module_uses_the_core_and_is_registered() -> None:
    from generator.serve.services import MODULES

    registered = {m.__name__.rsplit(".", 1)[-1] for m in MODULES}
    on_disk = {p.stem for p in (SERVE / "services").glob("*.py")} - {"__init__"}
    # responseprofile is applied by the engine to any result, not installed per service
    assert on_disk - registered == {"responseprofile"}
    for name in registered:
        assert "generator.serve.core" in _imports(SERVE / "services" / f"{name}.py"), name
