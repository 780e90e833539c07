"""`KalturaClient.Client` has the official module's names (GENERATED_CONTRACT.md section 1)."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.targets.python.render import CLIENT_MODULE_EXPORTS, RUNTIME_DIR
from tests.python_target.conftest import run_json


def _runtime_exports() -> list[str]:
    """`CLIENT_MODULE_EXPORTS` as the runtime file defines it (read, not imported: the
    runtime is a `KalturaClient` package of its own)."""
    tree = ast.parse((RUNTIME_DIR / "KalturaClient/_runtime/client.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "CLIENT_MODULE_EXPORTS" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, tuple)
            return [str(v) for v in value]
    raise AssertionError("the runtime no longer defines CLIENT_MODULE_EXPORTS")


def test_generator_list_is_the_runtime_list() -> None:
    assert list(CLIENT_MODULE_EXPORTS) == _runtime_exports()


def test_client_module_exports_every_official_name(sample_package: Path) -> None:
    result = run_json(
        """
        import json
        import KalturaClient.Client as module
        from KalturaClient._runtime import client as runtime
        print(json.dumps({
            "all": module.__all__,
            "same": [n for n in runtime.CLIENT_MODULE_EXPORTS
                     if getattr(module, n, None) is getattr(runtime, n)],
            "api_version": module.API_VERSION,
            "class_api_version": module.KalturaClient.API_VERSION,
            "constants": [getattr(module.KalturaClient, n, None) is not None
                          for n in ("ENCODING", "FIELD_EXPIRY", "FIELD_TYPE", "FIELD_USER",
                                    "RANDOM_SIZE")],
        }))
        """,
        sample_package,
    )
    expected = _runtime_exports()
    assert sorted(result["all"]) == sorted(
        ["API_VERSION", "AsyncKalturaClient", "KalturaClient", *expected]
    )
    assert len(result["all"]) == len(set(result["all"]))
    assert result["same"] == expected  # the runtime's objects themselves, not look-alikes
    assert result["api_version"] == result["class_api_version"] != ""
    assert all(result["constants"])
