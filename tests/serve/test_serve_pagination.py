"""Kaltura's 10,000-match cap on list actions, and paging past it with a createdAt cursor.

As SphinxCriteria does: a page whose offset is at or past 10,000 is
QUERY_EXCEEDED_MAX_MATCHES_ALLOWED, a page straddling it is cut at 10,000, totalCount is the
real count. 10,050 entries are seeded through `ServerConfig.seed_data` (one transaction).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from generator.serve import RunningServer
from tests.serve.conftest import Api, is_error

TOTAL = 10_050
BASE_TIME = 1_500_000_000
FILTER = "KalturaMediaEntryFilter"
PAGER = "KalturaFilterPager"


def _seed(count: int) -> dict[str, Any]:
    # Several entries share a second, as real catalogues do: the cursor must cope with ties.
    return {
        "objects": [
            {
                "objectType": "KalturaMediaEntry",
                "name": f"e{i}",
                "mediaType": 1 + i % 2,
                "createdAt": BASE_TIME + i // 3,
            }
            for i in range(count)
        ]
    }


@pytest.fixture(scope="module")
def big(fresh_server_module: Callable[..., RunningServer]) -> Api:
    started = time.perf_counter()
    server = fresh_server_module(seed_data=_seed(TOTAL))
    assert time.perf_counter() - started < 60  # seeding 10k entries is a matter of seconds
    api = Api(server)
    api.ks = api.admin_ks()
    return api


def _list(api: Api, size: int, index: int, **flt: Any) -> Any:
    return api.call(
        "media",
        "list",
        filter={"objectType": FILTER, **flt},
        pager={"objectType": PAGER, "pageSize": size, "pageIndex": index},
    )


def test_pages_stop_at_ten_thousand_with_the_real_total(big: Api) -> None:
    last_full = _list(big, 500, 20)  # offset 9,500: the last page inside the cap
    assert len(last_full["objects"]) == 500 and last_full["totalCount"] == TOTAL
    straddling = _list(big, 300, 34)  # offset 9,900: cut at 10,000
    assert len(straddling["objects"]) == 100 and straddling["totalCount"] == TOTAL
    beyond = _list(big, 500, 21)  # offset 10,000
    assert is_error(beyond, "QUERY_EXCEEDED_MAX_MATCHES_ALLOWED")
    assert beyond["message"] == "Unable to generate list. max matches value was reached"
    assert big.call("media", "count", filter={"objectType": FILTER}) == TOTAL  # no cap


def test_created_at_filters_and_order(big: Api) -> None:
    window = _list(
        big,
        500,
        1,
        createdAtGreaterThanOrEqual=BASE_TIME + 10,
        createdAtLessThanOrEqual=BASE_TIME + 12,
        orderBy="+createdAt",
    )
    assert [o["name"] for o in window["objects"]] == [f"e{i}" for i in range(30, 39)]
    newest = _list(big, 3, 1, orderBy="-createdAt", mediaTypeEqual=2)
    assert [o["createdAt"] for o in newest["objects"]] == sorted(
        (o["createdAt"] for o in newest["objects"]), reverse=True
    )
    assert all(o["mediaType"] == 2 for o in newest["objects"])
    assert newest["objects"][0]["createdAt"] == BASE_TIME + (TOTAL - 1) // 3


def test_a_created_at_cursor_pages_past_the_cap(big: Api) -> None:
    """Kaltura's recipe: order by +createdAt, then ask for createdAtGreaterThanOrEqual the
    last seen value, leaving out the ids already seen at that second."""
    seen: list[str] = []
    cursor = 0
    at_cursor: list[str] = []
    while True:
        flt: dict[str, Any] = {"orderBy": "+createdAt", "createdAtGreaterThanOrEqual": cursor}
        if at_cursor:
            flt["idNotIn"] = ",".join(at_cursor)
        page = _list(big, 500, 1, **flt)
        objects = page["objects"]
        if not objects:
            break
        seen.extend(o["id"] for o in objects)
        last = objects[-1]["createdAt"]
        at_cursor = [o["id"] for o in objects if o["createdAt"] == last] + (
            at_cursor if last == cursor else []
        )
        cursor = last
    assert len(seen) == TOTAL and len(set(seen)) == TOTAL
