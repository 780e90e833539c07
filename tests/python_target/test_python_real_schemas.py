"""The four published schemas: generate once per session, then compile, import, construct,
format-check, type-check (ovp-22.19.0) and check determinism across hash seeds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.targets.python import render_package
from tests.conftest import REAL_SCHEMAS, REPO_ROOT, parsed_real_schema, real_schema_path
from tests.python_target.conftest import assert_formatter_stable, generate_once, run_json

pytestmark = pytest.mark.slow

BLACK = [sys.executable, "-m", "black", "--check", "-q", "--line-length", "100"]
BLACK += ["--target-version", "py310"]


@pytest.fixture(params=REAL_SCHEMAS)
def real_package(request: pytest.FixtureRequest, gen_root: Path) -> tuple[str, Path]:
    name: str = request.param
    real_schema_path(name)
    return name, generate_once(name, gen_root)


def test_compile_import_construct_every_class(real_package: tuple[str, Path]) -> None:
    name, path = real_package
    schema = parsed_real_schema(name)
    out = run_json(
        """
        import compileall, importlib, json, pkgutil, warnings
        warnings.simplefilter("ignore", DeprecationWarning)
        compiled = compileall.compile_dir("KalturaClient", quiet=1)
        import KalturaClient.Plugins as P
        from KalturaClient import KalturaClient, KalturaConfiguration
        from KalturaClient.Base import KalturaObjectBase, KalturaServiceBase
        classes = services = 0
        for info in pkgutil.iter_modules(P.__path__):
            mod = importlib.import_module("KalturaClient.Plugins." + info.name)
            for n in mod.__all__:
                obj = getattr(mod, n)
                if isinstance(obj, type) and issubclass(obj, KalturaObjectBase):
                    obj(); classes += 1
        client = KalturaClient(KalturaConfiguration())
        accessors = 0
        for n in dir(type(client)):
            if n.startswith("_"):
                continue
            value = getattr(client, n)
            if isinstance(value, KalturaServiceBase) or type(value).__name__.endswith(
                "PluginServices"
            ):
                accessors += 1
                for v in vars(value).values():
                    services += isinstance(v, KalturaServiceBase)
                services += isinstance(value, KalturaServiceBase)
        print(json.dumps({"compiled": bool(compiled), "classes": classes,
                          "services": services}))
        """,
        path,
    )
    assert out["compiled"]
    configs = schema.configurations
    expected = len(schema.classes)
    for group, name in (
        (configs.client, "KalturaClientConfiguration"),
        (configs.request, "KalturaRequestConfiguration"),
    ):
        expected += bool(group) and name not in schema.classes
    assert out["classes"] == expected
    assert out["services"] == len(schema.services)


def test_generated_modules_are_black_formatted(real_package: tuple[str, Path]) -> None:
    _, path = real_package
    runtime = REPO_ROOT / "templates" / "python" / "runtime"
    copied = {p.relative_to(runtime).as_posix() for p in runtime.rglob("*.py")}
    ours = sorted(
        str(p) for p in path.rglob("*.py") if p.relative_to(path).as_posix() not in copied
    )
    assert len(ours) >= 5
    proc = subprocess.run([*BLACK, *ours], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_ott_schemas_make_the_ott_distribution(real_package: tuple[str, Path]) -> None:
    """The official OTT client is published as KalturaOttApiClient, the OVP one as
    KalturaApiClient: the package is named after the schema it was made from."""
    name, path = real_package
    expected = "KalturaOttApiClient" if name.startswith("ott-") else "KalturaApiClient"
    assert f'name = "{expected}"' in (path / "pyproject.toml").read_text()
    assert (path / "README.md").read_text().startswith(f"# {expected} ")


def test_ovp_22_package_is_stable_under_its_own_black_and_ruff_config(gen_root: Path) -> None:
    """`black --check .` and `ruff format --check` run inside the package, reading only
    its own pyproject.toml ([tool.black], [tool.ruff])."""
    real_schema_path("ovp-22.19.0.xml")
    path = generate_once("ovp-22.19.0.xml", gen_root)
    assert_formatter_stable(path)


def test_runtime_tree_is_black_formatted() -> None:
    """The runtime is copied verbatim, so it must be black-clean for the output to be."""
    runtime = REPO_ROOT / "templates" / "python" / "runtime"
    proc = subprocess.run([*BLACK, str(runtime)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_mypy_strict_passes_on_ovp_22(gen_root: Path) -> None:
    real_schema_path("ovp-22.19.0.xml")
    path = generate_once("ovp-22.19.0.xml", gen_root)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.10",
            "--cache-dir",
            str(gen_root / ".mypy_cache"),
            "KalturaClient",
        ],
        cwd=path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-5000:]


def test_ovp_22_is_byte_identical_across_hash_seeds(gen_root: Path) -> None:
    real_schema_path("ovp-22.19.0.xml")
    code = f"""
        import hashlib
        from generator.sources import load_schema
        from generator.targets.python import render_package
        files = render_package(load_schema({str(real_schema_path("ovp-22.19.0.xml"))!r}).schema)
        digest = hashlib.sha256()
        for name in sorted(files):
            if name in {sorted(_runtime_names())!r}:
                continue
            digest.update(name.encode() + b"\\0" + files[name])
        print(digest.hexdigest())
    """
    digests = set()
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO_ROOT,
            check=True,
        )
        digests.add(proc.stdout.strip())
    # The runtime is copied byte for byte (checked elsewhere) and may be edited meanwhile.
    files = {
        k: v
        for k, v in render_package(parsed_real_schema("ovp-22.19.0.xml")).items()
        if k not in _runtime_names()
    }
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    digests.add(digest.hexdigest())
    assert len(digests) == 1
    on_disk = generate_once("ovp-22.19.0.xml", gen_root)
    for name, content in files.items():
        assert (on_disk / name).read_bytes() == content, name
    assert len(files) > 100


def _runtime_names() -> set[str]:
    runtime = REPO_ROOT / "templates" / "python" / "runtime"
    return {p.relative_to(runtime).as_posix() for p in runtime.rglob("*") if p.is_file()}


def test_ovp_22_client_creation_imports_no_plugin_module(gen_root: Path) -> None:
    real_schema_path("ovp-22.19.0.xml")
    path = generate_once("ovp-22.19.0.xml", gen_root)
    loaded = run_json(
        """
        import json, sys
        from KalturaClient import KalturaClient, KalturaConfiguration
        client = KalturaClient(KalturaConfiguration())
        client.setKs("x")
        before = [m for m in sys.modules if m.startswith("KalturaClient.Plugins.")]
        client.metadata.metadataProfile
        after = sorted(m for m in sys.modules if m.startswith("KalturaClient.Plugins."))
        print(json.dumps([before, after]))
        """,
        path,
    )
    assert loaded[0] == []
    # the plugin module and what it builds on (Core); none of the other ~120 plugins
    assert loaded[1] == ["KalturaClient.Plugins.Core", "KalturaClient.Plugins.Metadata"]
