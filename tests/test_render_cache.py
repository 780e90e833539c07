"""The render cache's key covers everything a render can read."""

from __future__ import annotations

from pathlib import Path

from generator.paths import TEMPLATES_DIR
from generator.targets import GenerateOptions
from generator.targets.shared.cache import cache_key
from generator.targets.shared.templating import source_files
from tests.docs.conftest import sample_schema

GENERATOR_DIR = Path(__file__).resolve().parents[1] / "generator"


def test_every_module_of_the_generator_and_the_targets_own_templates_are_in_the_key() -> None:
    # docs examples import the Python and TypeScript naming code: a change there must
    # invalidate a cached docs render, so no target lists its imports by hand.
    code = {p for p in GENERATOR_DIR.rglob("*.py") if "__pycache__" not in p.parts}
    for target in ("docs", "python", "typescript", "php", "openapi"):
        files = source_files(target)
        assert code <= set(files), target
        templates = {p for p in (TEMPLATES_DIR / target).rglob("*") if p.is_file()}
        templates = {p for p in templates if "node_modules" not in p.parts}
        assert templates - set(files) == set(), target
        others = [p for p in files if TEMPLATES_DIR in p.parents]
        assert all((TEMPLATES_DIR / target) in p.parents for p in others), target


def test_a_changed_byte_in_any_listed_file_is_another_key(tmp_path: Path) -> None:
    schema = sample_schema()
    code = tmp_path / "module.py"
    code.write_text("x = 1\n")
    before = cache_key("docs", schema, GenerateOptions(), [code])
    code.write_text("x = 2\n")
    assert cache_key("docs", schema, GenerateOptions(), [code]) != before
