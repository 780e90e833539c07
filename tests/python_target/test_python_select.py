"""--include/--exclude and tree-shaking (generator/select.py), and the render cache."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.model import Schema
from generator.pipeline import render_schema
from generator.select import SelectionError, select
from generator.targets import GenerateOptions
from generator.targets.python import TARGET, render_package
from generator.targets.shared import cache as render_cache
from tests.conftest import parsed_real_schema
from tests.python_target.conftest import run_json, sample_schema


def _actions(schema: Schema) -> set[str]:
    return {f"{s.name}.{a.name}" for s, a in schema.actions}


def test_no_selection_is_identity() -> None:
    schema = sample_schema()
    assert select(schema) is schema


def test_include_one_action_keeps_only_its_types() -> None:
    schema = sample_schema()
    kept = select(schema, ["media.list"])
    assert _actions(kept) == {"media.list"}
    # reachable: the filter, the pager, the list response and what they reference
    for name in ("KalturaMediaEntryFilter", "KalturaFilterPager", "KalturaMediaListResponse"):
        assert name in kept.classes
    # the OrderBy enum of every kept filter
    for class_name in kept.classes:
        if class_name.endswith("Filter"):
            order_by = class_name[: -len("Filter")] + "OrderBy"
            if order_by in schema.enums:
                assert order_by in kept.enums, order_by
    # subclasses of reachable classes (the server may return any of them)
    for cls in kept.classes.values():
        for sub in schema.subclasses[cls.name]:
            assert sub.name in kept.classes, sub.name
    assert len(kept.classes) < len(schema.classes)
    assert set(kept.services) == {s.id for s in schema.services.values() if s.name == "media"}


def test_service_wildcard_plugin_and_exclude() -> None:
    schema = sample_schema()
    media = select(schema, ["media.*"])
    assert _actions(media) == {f"media.{a.name}" for a in schema.services["media"].actions}
    plugin = select(schema, ["plugin:metadata"])
    assert {s.plugin for s in plugin.services.values()} == {"metadata"}
    without = select(schema, exclude=["plugin:metadata", "media.list"])
    assert "media.list" not in _actions(without)
    assert not any(s.plugin == "metadata" for s in without.services.values())
    assert _actions(without) == _actions(schema) - _actions(plugin) - {"media.list"}


@pytest.mark.parametrize(
    ("include", "exclude", "message"),
    [
        (["nosuch.list"], [], "matches no action"),
        (["media"], [], "expected service.action"),
        (["plugin:"], [], "needs a name"),
        (["media.list"], ["media.list"], "leave no action"),
    ],
)
def test_bad_patterns_are_clear_errors(
    include: list[str], exclude: list[str], message: str
) -> None:
    with pytest.raises(SelectionError, match=message):
        select(sample_schema(), include, exclude)


def test_selection_generates_a_smaller_package() -> None:
    schema = sample_schema()
    files = render_schema(schema, "python", include=("media.list",))
    core = files["KalturaClient/Plugins/Core.py"].decode()
    assert "class KalturaMediaService(" in core
    assert "class KalturaBaseEntryService(" not in core
    full = render_package(schema)
    plugins = {name for name in files if name.startswith("KalturaClient/Plugins/")}
    all_plugins = {name for name in full if name.startswith("KalturaClient/Plugins/")}
    assert plugins < all_plugins  # plugins nothing kept reaches are gone
    assert "KalturaClient/Plugins/Metadata.py" in plugins  # its search item subclasses a kept type


# Services and actions Kaltura's public Python build leaves out of KalturaApiClient 22.18.0
# (found by comparing it with ovp-22.19.0.xml); the compatibility test shares this list.
OFFICIAL_EXCLUDES = (
    "batchcontrol.*",
    "batch.*",
    "jobs.*",
    "xinternal.*",
    "document.*",
    "storageprofile.lockPendingFileSyncs",
    "dropfolder_dropfolder.updateBasicFields",
    "captionsearch_captionassetitem.parse",
    "plugin:adminConsole",
    "plugin:KalturaInternalTools",
    "metadata_metadatabatch.*",
    "filesync_filesync.*",
    "systempartner_systempartner.*",
    "multicenters_filesyncimportbatch.*",
    "contentdistribution_contentdistributionbatch.*",
    "comcastmrssdistribution_comcastmrss.*",
    "tvcomdistribution_tvcom.*",
    "wowza_liveconversionprofile.*",
    "businessprocessnotification_businessprocessserver.*",
    "confmaps_confmaps.*",
    "avndistribution_avn.*",
    "capturespace_capturespace.*",
    "doubleclickdistribution_doubleclick.*",
)

# Where our tree-shaking (same rules as the official generator) still differs from the
# official build: the official keeps two types no kept action reaches (it always ships the
# exception-argument type and the HTTP notification payload wrapper) and drops three
# subclasses of reachable classes for reasons the schema does not show.
SHAKE_ONLY_OFFICIAL = {"KalturaApiExceptionArg", "KalturaHttpNotification"}
SHAKE_ONLY_OURS = {
    "KalturaCopyJobData",
    "KalturaUploadedFileResource",
    "KalturaVarConsolePartnerFilter",
}


@pytest.mark.slow
def test_tree_shaking_reproduces_the_official_build() -> None:
    """With the official build's excludes, we keep the official client's types exactly."""
    # In a subprocess: the official package and ours share the name `KalturaClient`.
    official = set(run_json("""
            import importlib, json, pkgutil
            import KalturaClient.Plugins as plugins
            names = []
            skip = ("KalturaCoreClient", "KalturaClientConfiguration",
                    "KalturaRequestConfiguration")
            for info in pkgutil.iter_modules(plugins.__path__):
                module = importlib.import_module("KalturaClient.Plugins." + info.name)
                names += [
                    name for name, obj in vars(module).items()
                    if isinstance(obj, type) and obj.__module__ == module.__name__
                    and name.startswith("Kaltura")
                    and not name.endswith(("Service", "ClientPlugin")) and name not in skip
                ]
            print(json.dumps(names))
            """))
    schema = parsed_real_schema("ovp-22.19.0.xml")
    shaken = select(schema, exclude=OFFICIAL_EXCLUDES)
    ours = set(shaken.classes) | set(shaken.enums)
    assert official - ours == SHAKE_ONLY_OFFICIAL
    assert ours - official == SHAKE_ONLY_OURS


def test_render_cache_hits_and_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALTURA_CODEGEN_CACHE", str(tmp_path))
    schema = sample_schema()
    first = TARGET.render(schema, GenerateOptions())
    assert list(tmp_path.glob("python-*.bin")), "nothing cached"
    assert first == render_package(schema)
    calls: list[str] = []
    second = TARGET.render(schema, GenerateOptions(), lambda d, t, what: calls.append(what))
    assert second == first
    assert calls == ["unchanged (cached render)"]
    # any change of the model is a different key
    media = schema.services["media"]
    renamed = dataclasses.replace(media, description=media.description + " changed")
    changed = dataclasses.replace(schema, services={**schema.services, "media": renamed})
    third = TARGET.render(changed, GenerateOptions())
    assert third != first
    assert len(list(tmp_path.glob("python-*.bin"))) == 2
    # a corrupt entry is ignored, not trusted
    for entry in tmp_path.glob("python-*.bin"):
        entry.write_bytes(b"garbage")
    assert TARGET.render(schema, GenerateOptions()) == first
    assert render_cache.load("0" * 64) is None


def test_render_cache_keeps_a_bounded_number_of_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KALTURA_CODEGEN_CACHE", str(tmp_path))
    monkeypatch.setattr(render_cache, "KEEP", 2)
    for i in range(4):
        render_cache.store(f"python-{i:064d}", {"a": bytes([i])})
    kept = sorted(p.name for p in tmp_path.glob("python-*.bin"))
    assert len(kept) == 2
    assert render_cache.load(f"python-{3:064d}") == {"a": b"\x03"}


@pytest.mark.slow
def test_a_selected_real_package_is_complete(tmp_path: Path) -> None:
    """Every type a kept class or action refers to is generated: the package imports, all
    classes construct, and the excluded action and services are gone."""
    from generator.output import write_tree

    schema = parsed_real_schema("ovp-22.19.0.xml")
    files = render_schema(
        schema, "python", include=("media.*", "plugin:metadata"), exclude=("media.delete",)
    )
    write_tree(tmp_path / "pkg", files)
    out = run_json(
        """
        import importlib, json, pkgutil, warnings
        warnings.simplefilter("ignore", DeprecationWarning)
        import KalturaClient.Plugins as P
        from KalturaClient import KalturaClient, KalturaConfiguration
        from KalturaClient.Base import KalturaObjectBase
        count = 0
        for info in pkgutil.iter_modules(P.__path__):
            mod = importlib.import_module("KalturaClient.Plugins." + info.name)
            for n in mod.__all__:
                obj = getattr(mod, n)
                if isinstance(obj, type) and issubclass(obj, KalturaObjectBase):
                    obj(); count += 1
        c = KalturaClient(KalturaConfiguration())
        print(json.dumps({"classes": count, "media_delete": hasattr(c.media, "delete"),
                          "media_list": hasattr(c.media, "list"),
                          "profile": hasattr(c.metadata, "metadataProfile"),
                          "baseEntry": hasattr(c, "baseEntry")}))
        """,
        tmp_path / "pkg",
    )
    assert out == {
        "classes": out["classes"],
        "media_delete": False,
        "media_list": True,
        "profile": True,
        "baseEntry": False,
    }
    assert 0 < out["classes"] < len(schema.classes)
