"""`<action>All` iterators (GENERATED_CONTRACT.md section 4): emitted on every list action
that takes a pager, typed `Iterator[<objects item>]`, and run against `serve`, which enforces
Kaltura's 10,000-result window: past it only the createdAt cursor reaches the entries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

import pytest

from generator.serve.app import start_server
from generator.serve.engine import ServerConfig
from generator.targets.python.render import paged_item, plan
from tests.conftest import parsed_real_schema, real_schema_path
from tests.python_target.conftest import generate_once, run_json, sample_schema

OVP = "ovp-22.19.0.xml"


class _Partner(TypedDict):
    partner_id: int
    admin_secret: str
    secret: str


PARTNER: _Partner = {"partner_id": 100, "admin_secret": "adm", "secret": "usr"}

# Lists every entry through listAll and reports the ids, names and requests sent.
_ITERATE = """
import json, sys
from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient.Plugins.Core import KalturaFilterPager, KalturaMediaEntryFilter
url, page_size, order = sys.argv[1], int(sys.argv[2]), sys.argv[3]
client = KalturaClient(KalturaConfiguration(url))
client.setKs(client.generateSession("adm", "u", 2, 100))
sent = []
original = client._send
def counting(*args, **kwargs):
    sent.append(1)
    return original(*args, **kwargs)
client._send = counting
flt = KalturaMediaEntryFilter(orderBy=order) if order else KalturaMediaEntryFilter()
pager = KalturaFilterPager(pageSize=page_size)
entries = list(client.media.listAll(flt, pager, page_size=page_size))
print(json.dumps({"ids": [e.id for e in entries], "names": [e.name for e in entries],
                  "requests": len(sent), "pager_after": repr(pager.pageIndex)}))
"""


def _iterate(package: Path, url: str, page_size: int, order: str = "") -> dict[str, object]:
    code = f"import sys\nsys.argv = ['x', {url!r}, {str(page_size)!r}, {order!r}]\n" + _ITERATE
    result: dict[str, object] = run_json(code, package, timeout=900)
    return result


def test_list_all_is_emitted_exactly_for_paged_list_actions(sample_package: Path) -> None:
    schema = sample_schema()
    expected = sorted(
        f"{s.name}.{a.name}All"
        for s in schema.services.values()
        for a in s.actions
        if paged_item(a) is not None
    )
    assert "media.listAll" in expected
    found = run_json(
        """
        import inspect, json
        import KalturaClient.Plugins as plugins, importlib, pathlib
        out = []
        for path in sorted(pathlib.Path(plugins.__file__).parent.glob("*.py")):
            module = importlib.import_module("KalturaClient.Plugins." + path.stem)
            for name, cls in vars(module).items():
                sync = name.startswith("Kaltura") and name.endswith("Service")
                if not (inspect.isclass(cls) and sync and cls.__module__ == module.__name__):
                    continue
                for attr, fn in vars(cls).items():
                    if attr.startswith("list") and attr.endswith("All"):
                        out.append([name, attr, fn.__annotations__["return"]])
        print(json.dumps(out))
        """,
        sample_package,
    )
    services = {plan(schema).service_class[s.id]: s.name for s in schema.services.values()}
    assert sorted(f"{services[cls]}.{attr}" for cls, attr, _ in found) == expected
    media = next(r for c, a, r in found if services[c] == "media" and a == "listAll")
    assert media == "Iterator[KalturaMediaEntry]"


def test_list_all_brings_every_entry_once_in_small_pages(sample_package: Path) -> None:
    running = start_server(sample_schema(), ServerConfig(**PARTNER))
    try:
        seeded = run_json(
            """
            import json, sys
            from KalturaClient import KalturaClient, KalturaConfiguration
            from KalturaClient.Plugins.Core import KalturaMediaEntry
            client = KalturaClient(KalturaConfiguration(sys.argv[1]))
            client.setKs(client.generateSession("adm", "u", 2, 100))
            print(json.dumps([client.media.add(KalturaMediaEntry(name=f"e{i}", mediaType=1)).id
                              for i in range(23)]))
            """.replace("sys.argv[1]", repr(running.url)),
            sample_package,
        )
        got = _iterate(sample_package, running.url, 4)
    finally:
        running.stop()
    ids = got["ids"]
    assert isinstance(ids, list)
    assert len(ids) == len(set(ids)) and set(ids) == set(seeded)
    assert got["requests"] == 6  # 23 entries in pages of 4: the iterator really paged
    assert got["pager_after"] == "NotImplemented"  # the caller's pager is left alone


@pytest.mark.slow
def test_list_all_passes_the_10000_window_of_serve(gen_root: Path) -> None:
    real_schema_path(OVP)
    package = generate_once(OVP, gen_root)
    total = 10_050
    seed = {
        "objects": [
            {
                "objectType": "KalturaMediaEntry",
                "name": f"e{i}",
                "mediaType": 1,
                "createdAt": 1_500_000_000 + i // 3,  # ties: the cursor must cope
            }
            for i in range(total)
        ]
    }
    running = start_server(
        parsed_real_schema(OVP),
        ServerConfig(**PARTNER, seed_data=seed),
    )
    try:
        got = _iterate(package, running.url, 500, "+createdAt")
    finally:
        running.stop()
    names = got["names"]
    assert isinstance(names, list)
    assert len(names) == total, json.dumps(got["requests"])
    assert set(names) == {f"e{i}" for i in range(total)}  # no duplicates, no gaps
