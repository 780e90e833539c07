"""The developer.kaltura.com-style script of issue 16, written as users write it: no casts,
no `assert x is not None`. It must pass `mypy --strict` against the generated package and
run against `serve` (tests/python_target/test_python_textbook.py)."""

from __future__ import annotations

import sys

from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient.Plugins.Core import (
    KalturaFilterPager,
    KalturaMediaEntryFilter,
    KalturaMediaEntryOrderBy,
    KalturaSessionType,
)


def main(service_url: str, partner_id: int, admin_secret: str) -> list[str]:
    config = KalturaConfiguration(service_url)
    client = KalturaClient(config)
    ks = client.session.start(admin_secret, "admin", KalturaSessionType.ADMIN, partner_id)
    client.setKs(ks)

    entry_filter = KalturaMediaEntryFilter()
    entry_filter.orderBy = KalturaMediaEntryOrderBy.CREATED_AT_DESC
    pager = KalturaFilterPager()
    pager.pageSize = 10
    pager.pageIndex = 1
    result = client.media.list(entry_filter, pager)
    lines: list[str] = []
    for entry in result.objects:
        status: int | str = entry.status.getValue()
        lines.append(f"{entry.id} {entry.name} {status}")
    if result.objects:
        first_id: str = result.objects[0].id
        with client.multi_request() as batch:
            got = batch.add(client.media.get, first_id)
            count = batch.add(client.media.count, KalturaMediaEntryFilter())
        lines.append(f"multirequest {got.result.id} {count.result}")
    return lines


if __name__ == "__main__":
    print("\n".join(main(sys.argv[1], int(sys.argv[2]), sys.argv[3])))
