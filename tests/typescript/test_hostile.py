"""Property-based: hostile names and texts (tests/hostile.py) in the sample schema. Whatever
`validate` accepts renders into a package that passes `tsc --strict`, imports under node
(every module), and never runs schema text (the payloads would exit with PAYLOAD_CODE).

tsc is slow, so the examples are rendered first and then compiled together: one program
over every package (each is self-contained: only relative imports), then one node process
that imports every module of every package.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from generator.output import write_tree
from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.targets import GenerateOptions
from generator.targets.typescript import TARGET
from tests.conftest import REPO_ROOT
from tests.hostile import PAYLOAD_CODE, Mutation, hostile_schemas
from tests.typescript.conftest import TSC, require_toolchain, run, tsc_errors

pytestmark = pytest.mark.slow

EXAMPLES = 14
PACKAGE_OPTIONS = json.loads(
    (REPO_ROOT / "templates" / "typescript" / "tsconfig.json").read_text()
)["compilerOptions"]


def _render_examples(work: Path) -> list[tuple[list[Mutation], Path]]:
    packages: list[tuple[list[Mutation], Path]] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(hostile_schemas())
    def render(case: tuple[list[Mutation], bytes]) -> None:
        mutations, data = case
        parsed = parse_bytes(data, "hostile.xml")
        # What validate refuses is never generated; only accepted schemas count as examples.
        assume(parsed.schema is not None and not parsed.errors)
        assert parsed.schema is not None
        assume(not any(d.is_error for d in TARGET.check(parsed.schema, GenerateOptions())))
        root = work / f"p{len(packages)}"
        write_tree(root, render_schema(parsed.schema, "typescript"))
        packages.append((mutations, root))

    render()
    return packages


def test_hostile_schemas_compile_strict_import_and_never_run_schema_text(tmp_path: Path) -> None:
    require_toolchain()
    packages = _render_examples(tmp_path)
    assert len(packages) == EXAMPLES
    # One program over all packages, with the packages' own strict options.
    options: dict[str, object] = {**PACKAGE_OPTIONS, "noEmit": True, "rootDir": ".", "outDir": None}
    del options["outDir"]
    config = {"compilerOptions": options, "include": [f"{root.name}/src" for _, root in packages]}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    compiled = run([str(TSC), "-p", "tsconfig.json"], tmp_path, timeout=300)
    errors = tsc_errors(compiled)
    culprits = {
        root.name: [m.__dict__ for m in mutations]
        for mutations, root in packages
        if any(e.startswith(f"{root.name}/") for e in errors)
    }
    assert errors == [], f"{errors[:10]}\nfrom {json.dumps(culprits, ensure_ascii=True)[:3000]}"
    assert compiled.returncode == 0

    # Import every shipped module of every package in one node process.
    modules = [str(p) for _, root in packages for p in sorted((root / "dist").rglob("*.js"))]
    listing = tmp_path / "modules.json"
    listing.write_text(json.dumps(modules))
    probe = tmp_path / "probe.mjs"
    probe.write_text(
        "import { readFileSync } from 'node:fs';\n"
        f"const modules = JSON.parse(readFileSync({json.dumps(str(listing))}, 'utf8'));\n"
        "let classes = 0;\n"
        "for (const path of modules) {\n"
        "  const module = await import(path);\n"
        "  for (const value of Object.values(module)) {\n"
        "    if (typeof value === 'function' && value.metadata?.objectType) {\n"
        "      new value().toRequestObject(); classes += 1;\n"
        "    }\n"
        "  }\n"
        "}\n"
        "console.log(JSON.stringify({ modules: modules.length, classes }));\n"
    )
    result = run(["node", str(probe)], tmp_path, timeout=300)
    assert result.returncode != PAYLOAD_CODE, "schema text ran as code"
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["modules"] == len(modules) and report["classes"] > 50 * len(packages)
