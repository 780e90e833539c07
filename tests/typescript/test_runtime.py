"""The generated package at run time (node's test runner) and its types (tsc), from pytest.

`runtime.test.mjs` drives the compiled packages of the sample schema and of ovp-22.19.0
against a local HTTP server on 127.0.0.1: request shape, response parsing (polymorphism,
arrays, maps, nulls, dates, unknown types and enum values), API/HTTP/JSON errors,
multi-requests, serve URLs, multipart and chunked uploads, timeouts and cancellation, and
that the KS is never logged. `types_check.ts` checks the typed surface (results, typed
multi-request results, required params, read-only fields).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.output import write_tree
from tests.typescript.conftest import (
    ESBUILD,
    HERE,
    TSC,
    BuiltPackage,
    rendered_real,
    require_toolchain,
    run,
    tsc_errors,
)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("package", ["sample_package", "ovp22_package"])
def test_node_runtime_suite(package: str, request: pytest.FixtureRequest) -> None:
    built: BuiltPackage = request.getfixturevalue(package)
    assert built.tsc.returncode == 0, built.tsc.stdout[-2000:]
    env = {**os.environ, "KALTURA_TS_DIST": str(built.dist)}
    result = run(
        ["node", "--test", "--test-reporter=tap", str(HERE / "runtime.test.mjs")], HERE, env=env
    )
    summary = [line for line in result.stdout.splitlines() if line.startswith("# ")]
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in summary
    passed = int(next(line for line in summary if line.startswith("# pass")).split()[-1])
    assert passed >= 20


def test_ott_package_at_run_time(tmp_path: Path) -> None:
    """A real OTT schema's package: map parameters on the wire, wrapped responses, errors."""
    require_toolchain()
    root = tmp_path / "package"
    write_tree(root, rendered_real("ott-5.3.7.xml"))
    build = run([str(TSC), "-p", "tsconfig.json", "--strict", "--noEmit"], root)
    assert build.returncode == 0, build.stdout[-2000:]
    env = {**os.environ, "KALTURA_TS_DIST": str(root / "dist")}
    result = run(
        ["node", "--test", "--test-reporter=tap", str(HERE / "ott.test.mjs")], HERE, env=env
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# pass 2" in result.stdout


def test_installed_package_resolves_by_official_import_paths(
    sample_package: BuiltPackage, tmp_path: Path
) -> None:
    """package.json `exports`: the root, `api/types`, and `api/types/<Name>` without extension."""
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "kaltura-typescript-client").symlink_to(sample_package.root)
    app = tmp_path / "app.mjs"
    app.write_text(
        "import { KalturaClient } from 'kaltura-typescript-client';\n"
        "import { MediaListAction } from 'kaltura-typescript-client/api/types/MediaListAction';\n"
        "import * as types from 'kaltura-typescript-client/api/types';\n"
        "import { allTypes } from 'kaltura-typescript-client/api/all-types';\n"
        "import { KalturaRequestOptions } from"
        " 'kaltura-typescript-client/api/kaltura-request-options';\n"
        "const body = new MediaListAction({}).buildRequest(null);\n"
        "const same = types.MediaListAction === MediaListAction;\n"
        "const options = new KalturaRequestOptions({ ks: 'k' }).toRequestObject();\n"
        "const report = [typeof KalturaClient, body, same, allTypes.length, options];\n"
        "console.log(JSON.stringify(report));\n"
    )
    result = run(["node", str(app)], tmp_path)
    assert result.returncode == 0, result.stderr
    kind, body, same, count, options = json.loads(result.stdout)
    assert options == {"ks": "k"}
    assert kind == "function"
    assert body == {"service": "media", "action": "list"}
    assert same is True
    assert count == 63


def test_typed_surface(ovp22_package: BuiltPackage, tmp_path: Path) -> None:
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "kaltura-typescript-client").symlink_to(ovp22_package.root)
    shutil.copy(HERE / "types_check.ts", tmp_path / "types_check.ts")
    (tmp_path / "package.json").write_text('{"type": "module"}')
    config = {
        "compilerOptions": {
            "strict": True,
            "noEmit": True,
            "target": "ES2022",
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM"],
            "types": [],
        },
        "files": ["types_check.ts"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    result = run([str(TSC), "-p", "tsconfig.json", "--strict"], tmp_path)
    errors = tsc_errors(result)
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0


def test_bundlers_keep_only_what_an_app_uses(sample_package: BuiltPackage, tmp_path: Path) -> None:
    """One module per type + sideEffects:false: a media.list app bundles no unrelated class,
    even when it imports through the `api/types` barrel."""
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "kaltura-typescript-client").symlink_to(sample_package.root)
    sizes = {}
    for name, module in (("direct", "api/types/MediaListAction"), ("barrel", "api/types")):
        app = tmp_path / f"{name}.mjs"
        app.write_text(
            "import { KalturaClient } from 'kaltura-typescript-client';\n"
            f"import {{ MediaListAction }} from 'kaltura-typescript-client/{module}';\n"
            "const client = new KalturaClient({ endpointUrl: 'https://x', clientTag: 't' });\n"
            "client.request(new MediaListAction({})).then((r) => console.log(r.totalCount));\n"
        )
        out = tmp_path / f"{name}.bundle.js"
        cmd = [str(ESBUILD), str(app), "--bundle", "--format=esm", f"--outfile={out}"]
        result = run([*cmd, "--log-level=error"], tmp_path)
        assert result.returncode == 0, result.stderr
        bundle = out.read_text()
        assert "KalturaMediaListResponse" in bundle and "KalturaMediaEntry" in bundle
        for unrelated in (
            "KalturaMetadataProfile",
            "UploadTokenUploadAction",
            "KalturaSessionType",
        ):
            assert unrelated not in bundle, unrelated
        sizes[name] = len(bundle)
    assert sizes["barrel"] == sizes["direct"]
