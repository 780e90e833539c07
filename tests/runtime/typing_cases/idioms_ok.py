from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import assert_type
from typing import cast as _cast

from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient._runtime.aio import AsyncKalturaClientBase
from KalturaClient._runtime.client import KalturaClientBase, MultiRequestHandle
from KalturaClient.Base import AsyncKalturaServiceBase, KalturaServiceBase
from KalturaClient.Plugins.Core import (
    KalturaFilterPager,
    KalturaMediaEntry,
    KalturaMediaEntryFilter,
    _A_media__get,
    _A_media__list,
)


# What the generator emits for async (GENERATED_CONTRACT.md), for one action.
class AsyncKalturaMediaService(AsyncKalturaServiceBase):
    async def get(self, entryId: str, version: int | None = -1) -> KalturaMediaEntry:
        _result = await self.client._acall(_A_media__get, (entryId, version))
        return _cast("KalturaMediaEntry", _result)

    def listAll(
        self,
        filter: KalturaMediaEntryFilter | None = NotImplemented,
        pager: KalturaFilterPager | None = NotImplemented,
    ) -> AsyncIterator[KalturaMediaEntry]:
        return self.client._apaginate(_A_media__list, (filter, pager))


class _KalturaClientConfiguration(KalturaClientBase):
    def setPartnerId(self, value: int | None) -> None:
        self.requestConfiguration["partnerId"] = value


class AsyncKalturaClient(AsyncKalturaClientBase, _KalturaClientConfiguration):
    @cached_property
    def media(self) -> AsyncKalturaMediaService:
        return AsyncKalturaMediaService(self)


# ... and for sync listAll.
class MediaWithListAll(KalturaServiceBase):
    def listAll(
        self,
        filter: KalturaMediaEntryFilter | None = NotImplemented,
        pager: KalturaFilterPager | None = NotImplemented,
    ) -> Iterator[KalturaMediaEntry]:
        return self.client._paginate(_A_media__list, (filter, pager))


def sync_script() -> None:
    client = KalturaClient(KalturaConfiguration("http://127.0.0.1:9"))
    with client.multi_request() as batch:
        entry = batch.add(client.media.get, "0_x")
        count = batch.add(client.media.count, KalturaMediaEntryFilter())
    assert_type(entry, MultiRequestHandle[KalturaMediaEntry])
    assert_type(entry.result, KalturaMediaEntry)
    assert_type(entry.ref, KalturaMediaEntry)
    assert_type(count.result, int)
    for item in MediaWithListAll(client).listAll(KalturaMediaEntryFilter()):
        assert_type(item, KalturaMediaEntry)


async def async_script() -> None:
    async with AsyncKalturaClient(KalturaConfiguration("http://127.0.0.1:9")) as client:
        assert_type(client, AsyncKalturaClient)
        client.setPartnerId(5)
        entry = await client.media.get("0_x")
        assert_type(entry, KalturaMediaEntry)
        async with client.multi_request() as batch:
            handle = batch.add(client.media.get, "0_x")
        assert_type(handle.result, KalturaMediaEntry)
        async for item in client.media.listAll():
            assert_type(item, KalturaMediaEntry)
