"""The textbook script on `AsyncKalturaClient` (`await` on every action, `async for` over
`listAll`, an async multi-request, `asyncio.gather`): `mypy --strict` clean and run against
`serve` (tests/python_target/test_python_async.py)."""

from __future__ import annotations

import asyncio
import sys

from KalturaClient import AsyncKalturaClient, KalturaConfiguration
from KalturaClient.Plugins.Core import (
    KalturaFilterPager,
    KalturaMediaEntry,
    KalturaMediaEntryFilter,
    KalturaSessionType,
)


async def main(service_url: str, partner_id: int, admin_secret: str) -> list[str]:
    async with AsyncKalturaClient(KalturaConfiguration(service_url)) as client:
        ks = await client.session.start(admin_secret, "admin", KalturaSessionType.ADMIN, partner_id)
        client.setKs(ks)
        result = await client.media.list(KalturaMediaEntryFilter(), KalturaFilterPager(pageSize=10))
        lines = [f"{entry.id} {entry.status.getValue()}" for entry in result.objects]
        ids = [entry.id for entry in result.objects]
        fetched: list[KalturaMediaEntry] = await asyncio.gather(
            *(client.media.get(entry_id) for entry_id in ids)
        )
        lines.append("gathered " + " ".join(sorted(e.id for e in fetched)))
        every = [entry.id async for entry in client.media.listAll(page_size=2)]
        lines.append("listAll " + " ".join(sorted(every)))
        async with client.multi_request() as batch:
            count = batch.add(client.media.count, KalturaMediaEntryFilter())
        lines.append(f"multirequest {count.result}")
        return lines


if __name__ == "__main__":
    print("\n".join(asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))))
