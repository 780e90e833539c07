"""The official plugin registration classes (GENERATED_CONTRACT.md section 7): every
`Kaltura<Plugin>ClientPlugin` and `KalturaCoreClient` of the official 22.18.0 package exists in
ours (generated from ovp-22.19.0) and `get()`, `getName()`, `getServices()` and `getTypes()`
answer alike; `Plugins.Core` re-exports the official runtime names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.select import select
from tests.conftest import parsed_real_schema, real_schema_path
from tests.python_target.conftest import generate_once, run_json
from tests.python_target.test_python_select import OFFICIAL_EXCLUDES

pytestmark = pytest.mark.slow

# Dumps each plugin class of the `KalturaClient` found first on sys.path.
_DUMP = """
import importlib, inspect, json, pathlib
import KalturaClient.Plugins as plugins
out = {}
for path in sorted(pathlib.Path(plugins.__file__).parent.glob("*.py")):
    if path.stem == "__init__":
        continue
    module = importlib.import_module("KalturaClient.Plugins." + path.stem)
    for name, cls in sorted(vars(module).items()):
        if not inspect.isclass(cls) or cls.__module__ != module.__name__:
            continue
        if not (name == "KalturaCoreClient" or (name.startswith("Kaltura")
                                                and name.endswith("ClientPlugin"))):
            continue
        plugin = cls.get()
        assert plugin is cls.get(), name
        out[path.stem + "." + name] = {
            "name": plugin.getName(),
            "services": {k: v.__name__ for k, v in plugin.getServices().items()},
            "types": sorted(plugin.getTypes()),
            "enums": sorted(plugin.getEnums()),
        }
print(json.dumps(out))
"""


def test_official_plugin_classes_exist_and_answer_alike(gen_root: Path) -> None:
    pytest.importorskip("KalturaClient.Plugins.Core")
    real_schema_path("ovp-22.19.0.xml")
    ours_path = generate_once("ovp-22.19.0.xml", gen_root)
    official = run_json(_DUMP)
    ours = run_json(_DUMP, ours_path)
    assert len(official) > 100  # the dump really saw the official plugins
    # services the official build leaves out (README) are the only extra ones allowed
    schema = parsed_real_schema("ovp-22.19.0.xml")
    kept = select(schema, exclude=OFFICIAL_EXCLUDES).services
    dropped = {s.name for sid, s in schema.services.items() if sid not in kept}
    missing = sorted(set(official) - set(ours))
    assert not missing, missing
    differences = []
    for key, want in official.items():
        got = ours[key]
        if got["name"] != want["name"]:
            differences.append(f"{key}.getName(): official {want['name']!r} ours {got['name']!r}")
        shared = {k: v for k, v in got["services"].items() if k not in dropped}
        if shared != want["services"]:
            differences.append(f"{key}.getServices(): {want['services']} vs {shared}")
        # 22.19.0 may add types; every official one must be there
        for kind in ("types", "enums"):
            lost = sorted(set(want[kind]) - set(got[kind]))
            if lost:
                differences.append(f"{key}.get{kind.title()}(): missing {lost}")
    assert not differences, "\n".join(differences[:50])


def test_core_reexports_the_official_runtime_names(sample_package: Path) -> None:
    result = run_json(
        """
        import json
        import KalturaClient.Base as base
        import KalturaClient.Plugins.Core as core
        names = ["KalturaClientPlugin", "KalturaEnumsFactory", "KalturaObjectFactory",
                 "KalturaParams"]
        print(json.dumps({
            "same": [n for n in names if getattr(core, n, None) is getattr(base, n)],
            "in_all": [n for n in names + ["KalturaCoreClient"] if n in core.__all__],
            "core_services": core.KalturaCoreClient.get().getServices()["media"].__name__,
        }))
        """,
        sample_package,
    )
    names = ["KalturaClientPlugin", "KalturaEnumsFactory", "KalturaObjectFactory", "KalturaParams"]
    assert result["same"] == names
    assert result["in_all"] == [*names, "KalturaCoreClient"]
    assert result["core_services"] == "KalturaMediaService"


def test_a_schema_class_named_like_a_registration_class_is_a_diagnostic() -> None:
    from generator.parser import parse_bytes
    from generator.targets.python import plan
    from tests.conftest import SAMPLE_SCHEMA

    text = SAMPLE_SCHEMA.read_bytes()
    assert b'name="KalturaMediaEntry"' in text
    for clash in (b"KalturaMetadataClientPlugin", b"KalturaParams"):
        hostile = text.replace(b'name="KalturaMediaEntry"', b'name="' + clash + b'"', 1)
        result = parse_bytes(hostile, "hostile.xml")
        assert result.schema is not None
        messages = [d.message for d in plan(result.schema).diagnostics]
        assert any(clash.decode() in m and "rename it" in m for m in messages), messages
