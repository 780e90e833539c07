"""The code examples of the action pages run against `serve`: Python with the generated
Python client of the sample schema, TypeScript with the generated TypeScript package under
node (and type-checked with tsc --strict).

A spread of actions: object parameters (with enums), enum, array, map and file parameters,
a void result, and the multi-request example of the general page. An example passes when
it runs, or when the server answers with an error the action may throw (an id that does
not exist): a naming mistake fails before the request or with a parameter error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.model import ActionDef, ArrayType, MapType, ObjectType, PrimitiveType, Schema
from generator.pipeline import render_schema
from generator.serve import RunningServer, running_server
from generator.serve.ks import generate_v1
from generator.targets import RenderedFiles
from generator.targets.docs.site import action_url
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA
from tests.docs.conftest import sample_schema
from tests.docs.pages import tree
from tests.typescript.conftest import TSC, BuiltPackage, run
from tests.typescript.conftest import sample_package as sample_package

pytestmark = pytest.mark.slow

PARTNER = 77
ADMIN_SECRET = "examples-admin-secret"
GENERATED_PYTHON = REPO_ROOT / "generated" / "python"
# Errors that mean the example itself is wrong, whatever the action declares.
PARAMETER_ERRORS = re.compile(
    r"MISSING_MANDATORY_PARAMETER|INVALID_OBJECT_TYPE|PROPERTY_VALIDATION|INVALID_ENUM|"
    r"SERVICE_DOES_NOT_EXISTS|ACTION_DOES_NOT_EXISTS|INVALID_PARAMETER|TYPE_ERROR"
)
PY_HARNESS = """
import runpy, sys
from KalturaClient.exceptions import KalturaException
try:
    runpy.run_path(sys.argv[1], run_name="__main__")
except KalturaException as error:
    print("API-ERROR", error.code)
"""


def _spread(schema: Schema) -> dict[str, tuple[str, str]]:
    """feature -> (service id, action) of the first action of the sample with it."""

    def has(kind: type) -> Callable[[ActionDef], bool]:
        return lambda a: any(isinstance(p.type, kind) and not p.optional for p in a.params)

    features: dict[str, Callable[[ActionDef], bool]] = {
        "object": lambda a: a.name == "add"
        and any(isinstance(p.type, ObjectType) and not p.optional for p in a.params),
        "enum": lambda a: any(p.enum is not None and not p.optional for p in a.params),
        "array": has(ArrayType),
        "map": has(MapType),
        "file": lambda a: any(p.is_file and not p.optional for p in a.params),
        "void": lambda a: a.result is None,
        "simple": lambda a: isinstance(a.result, PrimitiveType) and not a.file_params,
    }
    chosen: dict[str, tuple[str, str]] = {}
    for feature, test in features.items():
        for service, action in schema.actions:
            if test(action) and not action.deprecated:
                chosen[feature] = (service.id, action.name)
                break
    chosen["list"] = ("media", "list")
    return chosen


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    with running_server(
        SAMPLE_SCHEMA, partner_id=PARTNER, admin_secret=ADMIN_SECRET, secret="u"
    ) as running:
        yield running


@pytest.fixture(scope="module")
def site(server: RunningServer) -> RenderedFiles:
    return render_schema(sample_schema(), "docs", settings=[f"service_url={server.url}"])


def _ks() -> str:
    return generate_v1(ADMIN_SECRET, "examples", 2, PARTNER, 3600, "")


def examples_of(files: RenderedFiles, path: str) -> dict[str, str]:
    page = tree(files, path)
    return {
        str(code.get("class")).removeprefix("lang-"): str(code.text_content())
        for code in page.xpath(".//section[@class='code']//code")
    }


def spread_examples(files: RenderedFiles) -> dict[str, dict[str, str]]:
    schema = sample_schema()
    out = {}
    for feature, (sid, name) in _spread(schema).items():
        service = schema.services[sid]
        action = service.action(name)
        assert action is not None
        out[f"{feature}:{sid}.{name}"] = examples_of(files, action_url(service, action))
    return out


def allowed_error(code: str, key: str) -> bool:
    return not PARAMETER_ERRORS.search(code)


def test_spread_covers_every_feature() -> None:
    assert set(_spread(sample_schema())) >= {"object", "enum", "array", "file", "void", "list"}


def test_python_examples_run_against_serve(
    server: RunningServer, site: RenderedFiles, tmp_path: Path
) -> None:
    (tmp_path / "example.bin").write_bytes(b"example bytes")
    harness = tmp_path / "harness.py"
    harness.write_text(PY_HARNESS)
    ks = _ks()
    cases = {k: v["python"] for k, v in spread_examples(site).items()}
    multi = tree(site, "guide/multirequest.html").xpath(".//code[@class='lang-python']")
    cases["multirequest"] = str(multi[0].text_content())
    outcomes = {}
    for key, code in cases.items():
        assert server.url in code and '"YOUR_KS"' in code, key
        script = tmp_path / f"{re.sub(r'[^a-z0-9]', '_', key.lower())}.py"
        script.write_text(code.replace('"YOUR_KS"', repr(ks)))
        result = subprocess.run(
            [sys.executable, str(harness), str(script)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(GENERATED_PYTHON)},
        )
        assert result.returncode == 0, (key, code, result.stderr[-2000:])
        error = re.search(r"API-ERROR (\S+)", result.stdout)
        assert error is None or allowed_error(error.group(1), key), (key, result.stdout)
        outcomes[key] = error.group(1) if error else "ok"
    # The object example really created an entry, and the list example sees it.
    assert outcomes[next(k for k in outcomes if k.startswith("object:"))] == "ok"
    assert outcomes["list:media.list"] == "ok"
    assert outcomes["multirequest"] == "ok"


def test_typescript_examples_run_against_serve(
    server: RunningServer,
    site: RenderedFiles,
    sample_package: BuiltPackage,
    tmp_path: Path,
) -> None:
    assert sample_package.tsc.returncode == 0, sample_package.tsc.stdout[-2000:]
    modules = tmp_path / "node_modules"
    modules.mkdir()
    package_name = "kaltura-typescript-client"  # render_schema and the package: not marked sample
    (modules / package_name).symlink_to(sample_package.root)
    os.symlink(REPO_ROOT / "tools" / "ts" / "node_modules" / "@types", modules / "@types")
    ks = _ks()
    cases = {k: v["typescript"] for k, v in spread_examples(site).items()}
    multi = tree(site, "guide/multirequest.html").xpath(".//code[@class='lang-typescript']")
    cases["multirequest"] = str(multi[0].text_content())
    written = []
    for key, code in cases.items():
        assert f"from '{package_name}'" in code, key
        source = code.replace("'YOUR_KS'", repr(ks))
        name = re.sub(r"[^a-z0-9]", "_", key.lower())
        (tmp_path / f"{name}.ts").write_text(source)
        (tmp_path / f"{name}.mjs").write_text(source)  # the examples are plain JS as well
        written.append((key, name))
    # Type-check every example against the package's declarations.
    (tmp_path / "tsconfig.json").write_text(
        '{"compilerOptions": {"strict": true, "noEmit": true, "module": "nodenext",'
        ' "moduleResolution": "nodenext", "target": "es2022", "types": ["node"],'
        ' "skipLibCheck": true}, "include": ["*.ts"]}'
    )
    (tmp_path / "package.json").write_text('{"type": "module"}')
    checked = run([str(TSC), "-p", "tsconfig.json"], tmp_path)
    assert checked.returncode == 0, checked.stdout[-3000:]
    for key, name in written:
        result = run(["node", f"{name}.mjs"], tmp_path, timeout=120)
        if result.returncode != 0:
            error_code = re.search(r"code: '([A-Za-z0-9_]+)'", result.stderr)
            assert error_code is not None and allowed_error(error_code.group(1), key), (
                key,
                result.stderr[-2000:],
            )
        else:
            assert result.stdout.strip(), key
