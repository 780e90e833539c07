"""The generated package as a new user meets it: `npm pack`, `npm install --offline` into a
fresh app (no build step, no install scripts, no network), `import { KalturaClient }` on
node, a consumer compiled with `tsc --strict`, and `check` clean after installing and
building in the generated tree."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.output import write_tree
from tests.conftest import SAMPLE_SCHEMA
from tests.typescript.conftest import HERE, TSC, rendered_real, require_toolchain, run, tsc_errors

pytestmark = pytest.mark.slow

NAME = "kaltura-typescript-client"
CONSUMER = HERE / "consumer_app.ts"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ovp-3.1.1's package exactly as generate writes it (nothing compiled here)."""
    require_toolchain()
    root = tmp_path_factory.mktemp("ts-ovp311") / "package"
    write_tree(root, rendered_real("ovp-3.1.1.xml"))
    return root


def _npm(args: list[str], cwd: Path) -> None:
    env = {**os.environ, "npm_config_audit": "false", "npm_config_fund": "false"}
    result = run(["npm", *args], cwd, env=env, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def _fresh_app(root: Path) -> Path:
    root.mkdir()
    manifest = {"name": "app", "version": "1.0.0", "type": "module"}
    (root / "package.json").write_text(json.dumps(manifest))
    return root


def test_npm_pack_and_offline_install_run_with_no_build(package: Path, tmp_path: Path) -> None:
    packed = tmp_path / "packed"
    packed.mkdir()
    _npm(["pack", "--pack-destination", str(packed)], package)
    (tarball,) = packed.glob("*.tgz")
    assert tarball.name.startswith(f"{NAME}-3.1.1")
    for label, source in (("tarball", tarball), ("directory", package)):
        app = _fresh_app(tmp_path / f"app-{label}")
        # --offline: nothing may come from the network; scripts would run if there were any.
        _npm(["install", "--offline", str(source)], app)
        installed = app / "node_modules" / NAME
        assert (installed / "dist" / "index.js").is_file()
        assert not (installed / "node_modules").exists()  # no dependencies came along
        (app / "main.mjs").write_text(
            f"import {{ KalturaClient }} from '{NAME}';\n"
            f"import {{ MediaListAction }} from '{NAME}/api/types/MediaListAction';\n"
            "const client = new KalturaClient({ endpointUrl: 'https://x', clientTag: 't' });\n"
            "const body = new MediaListAction().buildRequest(null);\n"
            "console.log(typeof client.request, JSON.stringify(body));\n"
        )
        result = run(["node", "main.mjs"], app)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == 'function {"service":"media","action":"list"}'


def test_a_strict_consumer_compiles_against_the_installed_package(
    package: Path, tmp_path: Path
) -> None:
    app = _fresh_app(tmp_path / "consumer")
    _npm(["install", "--offline", str(package)], app)
    shutil.copy(CONSUMER, app / "app.ts")
    config = {
        "compilerOptions": {
            "strict": True,
            "target": "ES2022",
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "lib": ["ES2022", "DOM"],
            "types": [],
            "outDir": "out",
            "skipLibCheck": False,
        },
        "files": ["app.ts"],
    }
    (app / "tsconfig.json").write_text(json.dumps(config))
    result = run([str(TSC), "-p", "tsconfig.json"], app)
    assert tsc_errors(result) == [], result.stdout[-3000:]
    # ... and it runs as compiled.
    ran = run(["node", "out/app.js"], app)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["filter"]["nameLike"] == "x"


def test_check_is_clean_after_install_pack_and_build_in_the_generated_tree(tmp_path: Path) -> None:
    require_toolchain()
    out = tmp_path / "client"
    runner = CliRunner()
    common = ["--target", "typescript", "--schema", str(SAMPLE_SCHEMA), "--out", str(out)]
    assert runner.invoke(main, ["generate", "-q", *common]).exit_code == 0
    assert "node_modules/" in (out / ".gitignore").read_text().splitlines()
    _npm(["install", "--offline"], out)  # what a user may run in the tree: lock file
    _npm(["pack"], out)  # a .tgz beside package.json
    (out / "node_modules" / "left-over").mkdir(parents=True, exist_ok=True)
    (out / "node_modules" / "left-over" / "index.js").write_text("")
    build = run([str(TSC), "-p", "tsconfig.json"], out)  # rewrites dist/ with the same bytes
    assert build.returncode == 0, build.stdout[-2000:]
    result = runner.invoke(main, ["check", *common])
    assert result.exit_code == 0, result.output
    assert "node_modules" not in result.output and ".tgz" not in result.output
    assert "not generated" not in result.output

    # A stray file that is not build or install output is still listed.
    (out / "notes.txt").write_text("mine")
    listed = runner.invoke(main, ["check", *common])
    assert listed.exit_code == 0 and "? notes.txt" in listed.output
    # And an edit to the shipped JavaScript is drift.
    index = out / "dist" / "index.js"
    index.write_text(index.read_text() + "\n// edited\n")
    assert runner.invoke(main, ["check", *common]).exit_code == 1
    shutil.rmtree(out / "node_modules")
