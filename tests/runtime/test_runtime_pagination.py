"""Pagination (sync and async) over the ovp-22.19.0 package: the pager inside Kaltura's
10,000-result window, then the createdAt cursor, with no duplicates and no gaps. The local
server holds more than 10,000 entries and enforces the window the way Kaltura does (results
past the 10,000th are never returned, whatever the page), so only the cursor can reach them.
Also end to end against `serve`."""

from __future__ import annotations

import asyncio
import importlib
import json
import random
import types
from collections.abc import Iterator
from typing import Any, TypedDict

import pytest

from generator.serve.app import start_server
from generator.serve.engine import ServerConfig
from tests.conftest import generated_python_package, parsed_real_schema

from .conftest import KalturaTestServer, PackageHandle, Recorded

OVP = "ovp-22.19.0.xml"
WINDOW = 10_000
TOTAL = 10_537


@pytest.fixture(scope="module")
def ovp() -> Iterator[types.SimpleNamespace]:
    with PackageHandle(generated_python_package(OVP)) as ns:
        ns.aio = importlib.import_module("KalturaClient._runtime.aio")
        yield ns


class Entry(TypedDict):
    objectType: str
    id: str
    createdAt: int


class CappedEntries:
    """`media.list` over TOTAL entries, with ties on createdAt (7 per second, in a shuffled
    order), honouring orderBy +/-createdAt, createdAt*OrEqual, idNotIn and the pager, and
    serving only the first WINDOW matches."""

    def __init__(self) -> None:
        rng = random.Random(16)
        self.entries: list[Entry] = [
            {
                "objectType": "KalturaMediaEntry",
                "id": f"0_{i:05d}",
                "createdAt": 1_700_000_000 + i // 7,
            }
            for i in range(TOTAL)
        ]
        rng.shuffle(self.entries)  # ties come back in storage order, not by id
        self.filters: list[dict[str, Any]] = []
        self.honour_id_not_in = True

    def __call__(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        body = rec.json()
        flt = body.get("filter", {})
        pager = body.get("pager", {})
        self.filters.append(flt)
        found = self.entries
        if "createdAtGreaterThanOrEqual" in flt:
            low = int(flt["createdAtGreaterThanOrEqual"])
            found = [e for e in found if e["createdAt"] >= low]
        if "createdAtLessThanOrEqual" in flt:
            high = int(flt["createdAtLessThanOrEqual"])
            found = [e for e in found if e["createdAt"] <= high]
        if "idNotIn" in flt and self.honour_id_not_in:
            excluded = set(flt["idNotIn"].split(","))
            found = [e for e in found if e["id"] not in excluded]
        order = flt.get("orderBy")
        if order in ("+createdAt", "-createdAt"):
            found = sorted(found, key=lambda e: e["createdAt"], reverse=order == "-createdAt")
        size = min(int(pager.get("pageSize", 30)), 500)
        index = int(pager.get("pageIndex", 1))
        page = found[:WINDOW][(index - 1) * size : index * size]
        reply = {
            "objectType": "KalturaMediaListResponse",
            "totalCount": len(found),
            "objects": page,
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(reply).encode()


@pytest.fixture
def capped(server: KalturaTestServer) -> CappedEntries:
    handler = CappedEntries()
    server.handler = handler
    return handler


def all_ids() -> list[str]:
    return [f"0_{i:05d}" for i in range(TOTAL)]


def check_complete(ids: list[str], capped: CappedEntries) -> None:
    assert len(ids) == len(set(ids)), "duplicates"
    assert sorted(ids) == all_ids(), "gaps"
    cursors = [f for f in capped.filters if "createdAtGreaterThanOrEqual" in f]
    assert cursors, "the pager alone cannot pass the window: the cursor must have been used"
    assert all(f.get("orderBy") == "+createdAt" for f in capped.filters)


@pytest.mark.slow
def test_sync_iteration_passes_the_window(
    ovp: types.SimpleNamespace, server: KalturaTestServer, capped: CappedEntries
) -> None:
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    flt = ovp.Core.KalturaMediaEntryFilter()
    pager = ovp.Core.KalturaFilterPager(pageSize=500)
    entries = list(client._paginate(ovp.Core._A_media__list, (flt, pager)))
    ids = [e.id for e in entries]
    check_complete(ids, capped)
    created = [e.createdAt for e in entries]
    assert created == sorted(created)
    # the caller's objects are untouched
    assert flt.orderBy is NotImplemented and flt.idNotIn is NotImplemented
    assert pager.pageIndex is NotImplemented


@pytest.mark.slow
def test_async_iteration_passes_the_window(
    ovp: types.SimpleNamespace, server: KalturaTestServer, capped: CappedEntries
) -> None:
    cls = type("AsyncKalturaClient", (ovp.aio.AsyncKalturaClientBase, ovp.Client.KalturaClient), {})

    async def run() -> list[str]:
        async with cls(ovp.Base.KalturaConfiguration(server.url)) as client:
            iterator = client._paginate(ovp.Core._A_media__list, (NotImplemented, NotImplemented))
            return [entry.id async for entry in iterator]

    check_complete(asyncio.run(run()), capped)


def test_descending_order_uses_the_upper_bound(
    ovp: types.SimpleNamespace, server: KalturaTestServer, capped: CappedEntries
) -> None:
    capped.entries = capped.entries[:1200]
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    flt = ovp.Core.KalturaMediaEntryFilter(orderBy="-createdAt")
    entries = list(
        client._paginate(ovp.Core._A_media__list, (flt,), page_size=100, result_window=500)
    )
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids)) == 1200
    created = [e.createdAt for e in entries]
    assert created == sorted(created, reverse=True)
    assert any("createdAtLessThanOrEqual" in f for f in capped.filters)


def test_a_server_ignoring_id_not_in_still_gives_no_duplicates(
    ovp: types.SimpleNamespace, server: KalturaTestServer, capped: CappedEntries
) -> None:
    capped.entries = capped.entries[:900]
    capped.honour_id_not_in = False
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    entries = list(client._paginate(ovp.Core._A_media__list, (), page_size=50, result_window=200))
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids)) == 900


def test_no_cursor_possible_is_an_error_at_the_window_not_a_silent_stop(
    ovp: types.SimpleNamespace, server: KalturaTestServer, capped: CappedEntries
) -> None:
    capped.entries = capped.entries[:700]
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    flt = ovp.Core.KalturaMediaEntryFilter(orderBy="+name")
    seen: list[str] = []
    with pytest.raises(ovp.exceptions.KalturaClientException, match="more than 300 results"):
        for entry in client._paginate(
            ovp.Core._A_media__list, (flt,), page_size=100, result_window=300
        ):
            seen.append(entry.id)
    assert len(seen) == 300


def test_a_short_listing_stops_after_one_request(
    ovp: types.SimpleNamespace, server: KalturaTestServer, capped: CappedEntries
) -> None:
    capped.entries = capped.entries[:12]
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    assert len(list(client._paginate(ovp.Core._A_media__list, ()))) == 12
    assert len(server.requests) == 1
    assert server.requests[0].json()["pager"] == {
        "objectType": "KalturaFilterPager",
        "pageIndex": "1",
        "pageSize": "500",
    }


def test_an_action_without_pager_cannot_be_paginated(ovp: types.SimpleNamespace) -> None:
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration("http://127.0.0.1:9"))
    with pytest.raises(TypeError, match="takes no pager"):
        next(iter(client._paginate(ovp.Core._A_media__get, ("0_x",))))


@pytest.mark.slow
def test_against_serve_sync_and_async(ovp: types.SimpleNamespace) -> None:
    running = start_server(
        parsed_real_schema(OVP), ServerConfig(partner_id=100, admin_secret="adm", secret="usr")
    )
    try:
        config = ovp.Base.KalturaConfiguration(running.url)
        client = ovp.Client.KalturaClient(config)
        client.setKs(client.generateSession("adm", "u", 2, 100))
        added = {
            client.media.add(ovp.Core.KalturaMediaEntry(name=f"e{i}", mediaType=1)).id
            for i in range(23)
        }
        pager = ovp.Core.KalturaFilterPager(pageSize=5)
        sync_ids = [
            e.id for e in client._paginate(ovp.Core._A_media__list, (NotImplemented, pager))
        ]
        assert len(sync_ids) == len(set(sync_ids)) and set(sync_ids) >= added
        cls = type(
            "AsyncKalturaClient", (ovp.aio.AsyncKalturaClientBase, ovp.Client.KalturaClient), {}
        )

        async def run() -> list[str]:
            async with cls(config) as aclient:
                aclient.setKs(client.getKs())
                got = await asyncio.gather(*(aclient.media.get(i) for i in sorted(added)))
                assert {e.id for e in got} == added
                iterator = aclient._paginate(ovp.Core._A_media__list, (NotImplemented, pager))
                return [e.id async for e in iterator]

        assert sorted(asyncio.run(run())) == sorted(sync_ids)
    finally:
        running.stop()
