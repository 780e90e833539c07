"""Item 5: every export (the sample and the four real schemas) is valid OpenAPI 3.1 for the
reference validator and for `redocly lint` (its recommended rules: no errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from tests.conftest import REAL_SCHEMAS
from tests.openapi.conftest import REDOCLY, document, rendered, require_tool, run_tool

EXPORTS = (None, *REAL_SCHEMAS)


@pytest.mark.slow
@pytest.mark.parametrize("name", EXPORTS, ids=lambda n: n or "sample")
def test_openapi_spec_validator_accepts(name: str | None) -> None:
    validate(document(name))  # raises OpenAPIValidationError with the first problem


def test_openapi_spec_validator_reads_the_yaml(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"  # read as the validator's CLI reads a file
    path.write_bytes(rendered(None)["openapi.yaml"])
    spec, _ = read_from_filename(str(path))
    assert spec == document(None)
    validate(spec)


def test_validator_rejects_a_broken_export() -> None:
    """The validation above can fail: a dangling reference and a bad component key."""
    doc = document(None)
    doc["components"]["schemas"]["bad key!"] = {"type": "object"}
    with pytest.raises(Exception, match="bad key"):
        validate(doc)


@pytest.mark.slow
def test_redocly_lint_finds_no_errors(tmp_path: Path) -> None:
    require_tool(REDOCLY)
    paths = []
    for name in EXPORTS:
        path = tmp_path / (name or "sample.xml").replace(".xml", ".json")
        path.write_bytes(rendered(name)["openapi.json"])
        paths.append(str(path))
    done = run_tool([str(REDOCLY), "lint", "--format", "stylish", *paths], tmp_path)
    errors = [line for line in done.stdout.splitlines() if " error " in f" {line} "]
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert errors == []
    assert done.stdout.count("valid") + done.stderr.count("valid") >= 1


def test_redocly_lint_reports_errors(tmp_path: Path) -> None:
    """redocly is a real check: an undefined reference fails it."""
    require_tool(REDOCLY)
    path = tmp_path / "broken.json"
    text = rendered(None)["openapi.json"].replace(
        b'"#/components/schemas/KalturaMediaEntry"', b'"#/components/schemas/NoSuchClass"', 1
    )
    path.write_bytes(text)
    done = run_tool([str(REDOCLY), "lint", str(path)], tmp_path)
    assert done.returncode != 0
    assert "no-unresolved-refs" in done.stdout + done.stderr
