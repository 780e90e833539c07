"""The package generated from schema/kaltura-sample.xml: imports, behaviour, layout, metadata."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from generator.paths import TEMPLATES_DIR
from generator.targets.python import render_package
from generator.targets.python.render import RUNTIME_DIR
from tests.conftest import REPO_ROOT
from tests.python_target.conftest import (
    assert_formatter_stable,
    run_json,
    run_python,
    sample_schema,
)

RUNTIME_REQUIREMENTS = RUNTIME_DIR / "requirements.txt"


def test_layout_and_runtime_copied_verbatim(sample_package: Path) -> None:
    files = {p.relative_to(sample_package).as_posix() for p in sample_package.rglob("*")}
    for expected in (
        "pyproject.toml",
        "README.md",
        "KalturaClient/__init__.py",
        "KalturaClient/py.typed",
        "KalturaClient/Client.py",
        "KalturaClient/_registry.py",
        "KalturaClient/Plugins/__init__.py",
        "KalturaClient/Plugins/Core.py",
        "KalturaClient/Plugins/Metadata.py",
        "KalturaClient/Plugins/BulkUpload.py",
    ):
        assert expected in files
    runtime_root = TEMPLATES_DIR / "python" / "runtime"
    runtime = [
        p
        for p in (runtime_root / "KalturaClient").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert runtime, "no runtime to copy"
    for source in runtime:
        rel = source.relative_to(runtime_root)
        assert (sample_package / rel).read_bytes() == source.read_bytes(), rel
    assert not (sample_package / "requirements.txt").exists()


def test_every_module_compiles_imports_and_every_class_constructs(sample_package: Path) -> None:
    out = run_json(
        """
        import compileall, importlib, json, pkgutil, sys, warnings
        ok = compileall.compile_dir("KalturaClient", quiet=1)
        import KalturaClient.Plugins as P
        from KalturaClient.Base import KalturaObjectBase
        count = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            for info in pkgutil.iter_modules(P.__path__):
                mod = importlib.import_module("KalturaClient.Plugins." + info.name)
                for name in mod.__all__:
                    obj = getattr(mod, name)
                    if isinstance(obj, type) and issubclass(obj, KalturaObjectBase):
                        instance = obj()
                        assert repr(instance)
                        count += 1
        print(json.dumps({"compiled": bool(ok), "classes": count}))
        """,
        sample_package,
    )
    schema = sample_schema()
    assert out["compiled"]
    assert "KalturaClientConfiguration" not in schema.classes
    assert out["classes"] == len(schema.classes) + 2  # + Client/Request configuration


def test_import_and_client_creation_load_no_plugin_module(sample_package: Path) -> None:
    out = run_json(
        """
        import json, sys
        from KalturaClient import KalturaClient, KalturaConfiguration
        client = KalturaClient(KalturaConfiguration())
        before = sorted(m for m in sys.modules if m.startswith("KalturaClient.Plugins."))
        client.media
        after_media = sorted(m for m in sys.modules if m.startswith("KalturaClient.Plugins."))
        client.metadata.metadataProfile
        after_plugin = sorted(m for m in sys.modules if m.startswith("KalturaClient.Plugins."))
        print(json.dumps([before, after_media, after_plugin]))
        """,
        sample_package,
    )
    before, after_media, after_plugin = out
    assert before == []
    assert after_media == ["KalturaClient.Plugins.Core"]
    assert "KalturaClient.Plugins.Metadata" in after_plugin
    assert "KalturaClient.Plugins.Document" not in after_plugin


def test_official_style_usage(sample_package: Path) -> None:
    """Positional and keyword construction, getX/setX, not_, enums, plugin star names."""
    run_python(
        """
        import warnings
        from KalturaClient import KalturaClient, KalturaConfiguration
        from KalturaClient.Plugins.Core import (
            KalturaCondition, KalturaMediaEntry, KalturaMediaType, KalturaFilterPager,
        )
        from KalturaClient.Plugins.Metadata import KalturaMetadataProfile, KalturaMediaEntry as M2
        assert M2 is KalturaMediaEntry  # official plugin modules star-import Core

        pager = KalturaFilterPager(10, 2)
        assert (pager.pageSize, pager.pageIndex) == (10, 2)
        assert pager.getPageSize() == 10
        pager.setPageIndex(3)
        assert pager.pageIndex == 3

        entry = KalturaMediaEntry(name="x", mediaType=KalturaMediaType.VIDEO)
        assert entry.mediaType == 1 and entry.mediaType == KalturaMediaType.VIDEO
        assert entry.description is NotImplemented
        assert KalturaMediaType(99) == 99  # unknown values are tolerated
        assert KalturaMediaType.VIDEO.getValue() == 1
        assert entry == KalturaMediaEntry(name="x", mediaType=KalturaMediaType.VIDEO)
        assert "name='x'" in repr(entry)
        assert entry.to_dict()["name"] == "x"

        cond = KalturaCondition(not_=True)
        assert cond.getNot_() is True
        cond.setNot_(False)
        assert cond.not_ is False
        assert not hasattr(cond, "setType")  # read-only: getter only, as the official client

        client = KalturaClient(KalturaConfiguration())
        client.setKs("abc")
        assert client.getKs() == "abc" and client.getSessionId() == "abc"
        client.setPartnerId(5)
        assert client.requestConfiguration["partnerId"] == 5
        # a plugin named like a core service is both (naming rule 6)
        assert hasattr(client.bulkUpload, "bulk") and hasattr(client.bulkUpload, "get")
        """,
        sample_package,
    )


def test_deprecated_elements_warn(sample_package: Path) -> None:
    run_python(
        """
        import warnings
        from KalturaClient.Plugins.Core import KalturaBaseEntry, KalturaCountryRestriction

        def warns(func, text):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                func()
            messages = [str(w.message) for w in caught if w.category is DeprecationWarning]
            assert any(text in m for m in messages), (text, messages)

        warns(lambda: KalturaCountryRestriction(), "KalturaCountryRestriction is deprecated")
        warns(lambda: KalturaBaseEntry(categories="a"), "KalturaBaseEntry.categories is deprecated")
        entry = KalturaBaseEntry()
        warns(lambda: entry.setCategories("b"), "categories is deprecated")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            KalturaBaseEntry(name="fine")  # a non-deprecated use stays silent
        """,
        sample_package,
    )


def test_redeclared_inherited_property_is_one_parameter(sample_package: Path) -> None:
    source = (sample_package / "KalturaClient/Plugins/Core.py").read_text()
    tree = ast.parse(source)
    cls = next(
        n
        for n in tree.body
        if isinstance(n, ast.ClassDef) and n.name == "KalturaSampleRedeclaringCondition"
    )
    init = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    names = [a.arg for a in init.args.args]
    assert names.count("description") == 1
    assert len(names) == len(set(names))


def test_package_metadata(sample_package: Path) -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    meta = tomllib.loads((sample_package / "pyproject.toml").read_text())
    project = meta["project"]
    schema = sample_schema()
    assert project["name"] == "KalturaApiClient"
    assert project["version"] == schema.api_version
    assert project["requires-python"] == ">=3.10"
    declared = [
        line.split("#")[0].strip()
        for line in RUNTIME_REQUIREMENTS.read_text().splitlines()
        if line.split("#")[0].strip()
    ]
    assert project["dependencies"] == declared
    assert meta["tool"]["setuptools"]["package-data"]["KalturaClient"] == ["py.typed"]


def test_every_third_party_import_of_the_package_is_declared(sample_package: Path) -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    meta = tomllib.loads((sample_package / "pyproject.toml").read_text())
    declared = {
        dep.split(";")[0].split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip().lower()
        for dep in meta["project"]["dependencies"]
    }
    imported: set[str] = set()
    for path in (sample_package / "KalturaClient").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "KalturaClient"}
    assert third_party <= declared, third_party - declared


@pytest.mark.parametrize("seed", ["0", "12345"])
def test_output_is_byte_identical_across_hash_seeds(seed: str) -> None:
    code = """
        import hashlib, json
        from generator.sources import load_schema
        from generator.targets.python import render_package
        files = render_package(load_schema("schema/kaltura-sample.xml").schema)
        print(json.dumps({k: hashlib.sha256(v).hexdigest() for k, v in sorted(files.items())}))
    """
    import os
    import subprocess
    import textwrap

    def digests(hash_seed: str) -> dict[str, str]:
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        proc = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO_ROOT,
            check=True,
        )
        import json

        result: dict[str, str] = json.loads(proc.stdout)
        return result

    in_process = {
        k: __import__("hashlib").sha256(v).hexdigest()
        for k, v in render_package(sample_schema()).items()
    }
    assert digests(seed) == in_process


def test_progress_is_reported_per_module() -> None:
    calls: list[tuple[int, int, str]] = []
    render_package(sample_schema(), lambda d, t, what: calls.append((d, t, what)))
    assert calls, "no progress"
    assert [d for d, _, _ in calls] == sorted(d for d, _, _ in calls)
    assert calls[-1][0] == calls[-1][1]
    assert any(what == "KalturaClient/Plugins/Core.py" for _, _, what in calls)


def test_builtin_named_members_do_not_shadow_annotations(sample_package: Path) -> None:
    """Rule 3: a service with an action `list` spells the builtin `builtins.list`."""
    tree = ast.parse((sample_package / "KalturaClient/Plugins/Core.py").read_text())
    qualified = [
        node
        for cls in tree.body
        if isinstance(cls, ast.ClassDef)
        and any(isinstance(m, ast.FunctionDef) and m.name == "list" for m in cls.body)
        for node in ast.walk(cls)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "builtins"
    ]
    plain = [
        node
        for cls in tree.body
        if isinstance(cls, ast.ClassDef)
        and any(isinstance(m, ast.FunctionDef) and m.name == "list" for m in cls.body)
        for fn in cls.body
        if isinstance(fn, ast.FunctionDef) and fn.returns is not None
        for node in ast.walk(fn.returns)
        if isinstance(node, ast.Name) and node.id == "list"
    ]
    assert qualified and not plain


@pytest.mark.slow
def test_mypy_strict_passes_on_the_sample_package(sample_package: Path, tmp_path: Path) -> None:
    import subprocess

    proc = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10"),
            *("--cache-dir", str(tmp_path / "cache"), "KalturaClient"),
        ],
        cwd=sample_package,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-5000:]


@pytest.mark.slow
def test_user_code_is_type_checked(sample_package: Path, tmp_path: Path) -> None:
    """The annotations are real: correct official-style code passes mypy --strict, a wrong
    argument type and a misspelt parameter are reported."""
    import subprocess

    good = tmp_path / "good.py"
    good.write_text(
        "from KalturaClient import KalturaClient, KalturaConfiguration\n"
        "from KalturaClient.Plugins.Core import KalturaMediaEntryFilter, KalturaFilterPager\n"
        "client = KalturaClient(KalturaConfiguration())\n"
        "result = client.media.list(KalturaMediaEntryFilter(nameLike='x'), KalturaFilterPager(5))\n"
        "objects = result.objects\n"
        "if isinstance(objects, list):\n"
        "    names: list[str | None] = [entry.name for entry in objects]\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from KalturaClient.Plugins.Core import KalturaMediaEntry, KalturaFilterPager\n"
        "KalturaMediaEntry(name=5)\n"
        "KalturaFilterPager(pageSise=5)\n"
    )

    def mypy(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                *(sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10"),
                *("--cache-dir", str(tmp_path / "cache"), str(path)),
            ],
            cwd=sample_package,
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "MYPYPATH": str(sample_package)},
        )

    ok = mypy(good)
    assert ok.returncode == 0, ok.stdout
    wrong = mypy(bad)
    assert wrong.returncode == 1
    assert 'Argument "name" to "KalturaMediaEntry" has incompatible type "int"' in wrong.stdout
    assert 'Unexpected keyword argument "pageSise"' in wrong.stdout


def test_sample_package_is_stable_under_its_own_black_and_ruff_config(sample_package: Path) -> None:
    text = (sample_package / "pyproject.toml").read_text()
    assert "[tool.black]\nline-length = 100" in text
    assert "[tool.ruff]\nline-length = 100" in text
    assert_formatter_stable(sample_package)
