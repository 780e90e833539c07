"""Generic semantics from the schema and the action name; multi-requests."""

from __future__ import annotations

import time
from typing import Any

from tests.serve.conftest import Api, is_error


def _entry(api: Api, **fields: object) -> dict[str, Any]:
    entry: dict[str, Any] = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "mediaType": 1, **fields}
    )
    assert entry.get("objectType") == "KalturaMediaEntry", entry
    return entry


def test_add_get_update_delete(api: Api) -> None:
    before = int(time.time())
    entry = _entry(api, name="crud", tags="a,b")
    assert entry["id"].startswith("0_")
    assert entry["createdAt"] >= before and entry["updatedAt"] == entry["createdAt"]
    assert entry["partnerId"] == api.server.partner_id
    assert entry["status"] == "7"  # NO_CONTENT (a string enum) until content arrives
    assert entry["userId"] == "tester" and entry["type"] == "1"
    assert api.call("media", "get", entryId=entry["id"]) == entry
    assert api.call("baseEntry", "get", entryId=entry["id"])["name"] == "crud"
    updated = api.call(
        "media",
        "update",
        entryId=entry["id"],
        mediaEntry={"objectType": "KalturaMediaEntry", "description": "d"},
    )
    assert (updated["name"], updated["description"], updated["tags"]) == ("crud", "d", "a,b")
    assert api.call("media", "delete", entryId=entry["id"]) is None
    assert is_error(api.call("media", "get", entryId=entry["id"]), "ENTRY_ID_NOT_FOUND")
    assert is_error(api.call("media", "delete", entryId=entry["id"]), "ENTRY_ID_NOT_FOUND")


def test_services_see_their_own_subclasses(api: Api) -> None:
    playlist = api.call(
        "playlist",
        "add",
        playlist={"objectType": "KalturaPlaylist", "name": "pl", "playlistType": 3},
    )
    assert is_error(api.call("media", "get", entryId=playlist["id"]), "ENTRY_ID_NOT_FOUND")
    assert api.call("baseEntry", "get", entryId=playlist["id"])["objectType"] == "KalturaPlaylist"


def test_not_found_codes_come_from_the_schema(api: Api) -> None:
    assert is_error(api.call("category", "get", id=999999), "CATEGORY_NOT_FOUND")
    assert is_error(
        api.call("metadata_metadataprofile", "get", id=999999), "METADATA_PROFILE_NOT_FOUND"
    )
    assert is_error(
        api.call("accessControlProfile", "get", id=999999), "ACCESS_CONTROL_ID_NOT_FOUND"
    )


def test_list_filters_order_and_pager(api: Api) -> None:
    tag = f"flt{time.time_ns()}"
    made = [
        _entry(api, name=f"{tag}-{i}", tags=tag, referenceId=f"r{i}", mediaType=1 if i % 2 else 5)
        for i in range(5)
    ]
    ids = [e["id"] for e in made]

    def names(**flt: object) -> list[str]:
        result = api.call(
            "media",
            "list",
            filter={"objectType": "KalturaMediaEntryFilter", "tagsLike": tag, **flt},
        )
        return [o["name"] for o in result["objects"]]

    assert names(mediaTypeEqual=1) == [f"{tag}-1", f"{tag}-3"]
    assert names(referenceIdIn="r0,r4") == [f"{tag}-0", f"{tag}-4"]
    assert names(idIn=f"{ids[2]},{ids[3]}") == [f"{tag}-2", f"{tag}-3"]
    assert names(nameLike="-4") == [f"{tag}-4"]
    assert names(orderBy="-name") == [f"{tag}-{i}" for i in (4, 3, 2, 1, 0)]
    created = made[2]["createdAt"]
    assert len(
        names(createdAtGreaterThanOrEqual=created, createdAtLessThanOrEqual=created + 60)
    ) == len([e for e in made if e["createdAt"] >= created])
    assert names(createdAtLessThanOrEqual=created - 3600) == []
    paged = api.call(
        "media",
        "list",
        filter={"objectType": "KalturaMediaEntryFilter", "tagsLike": tag, "orderBy": "+name"},
        pager={"objectType": "KalturaFilterPager", "pageSize": 2, "pageIndex": 2},
    )
    assert paged["totalCount"] == 5
    assert [o["name"] for o in paged["objects"]] == [f"{tag}-2", f"{tag}-3"]
    assert (
        api.call(
            "media",
            "count",
            filter={"objectType": "KalturaMediaEntryFilter", "tagsLike": tag, "mediaTypeEqual": 5},
        )
        == 3
    )


def test_other_actions_return_type_correct_results(api: Api) -> None:
    entry = _entry(api, name="other")
    assert api.call("media", "approve", entryId=entry["id"]) is None  # void
    templates = api.call("uiConf", "listTemplates")
    assert templates == {"objectType": "KalturaUiConfListResponse", "objects": [], "totalCount": 0}
    assert is_error(api.call("flavorAsset", "getUrl", id="x"), "FLAVOR_ASSET_ID_NOT_FOUND")
    assert api.call("uiConf", "getAvailableTypes") == []
    assert (
        api.call(
            "baseEntry",
            "getContextData",
            entryId=entry["id"],
            contextDataParams={"objectType": "KalturaEntryContextDataParams"},
        )["objectType"]
        == "KalturaEntryContextDataResult"
    )


def test_multirequest_zero_and_one_based_with_references(api: Api) -> None:
    for first in (0, 1):
        body = {
            "format": 1,
            "ks": api.ks,
            str(first): {
                "service": "media",
                "action": "add",
                "entry": {"objectType": "KalturaMediaEntry", "name": f"mr{first}", "mediaType": 1},
            },
            str(first + 1): {"service": "media", "action": "get", "entryId": "{1:result:id}"},
            str(first + 2): {"service": "media", "action": "get", "entryId": "missing"},
            str(first + 3): {
                "service": "media",
                "action": "update",
                "entryId": "{1:result:id}",
                "mediaEntry": {
                    "objectType": "KalturaMediaEntry",
                    "description": "of {2:result:name}",
                },
            },
        }
        results = api.post("/api_v3/service/multirequest", json=body).json()
        assert len(results) == 4
        assert results[1]["id"] == results[0]["id"]
        assert is_error(results[2], "ENTRY_ID_NOT_FOUND")
        assert results[3]["description"] == f"of mr{first}"


def test_multirequest_ks_from_an_earlier_result_and_flat_keys(api: Api) -> None:
    form = {
        "format": "1",
        "1:service": "session",
        "1:action": "start",
        "1:secret": "admin-secret-4242",
        "1:partnerId": "4242",
        "1:type": "2",
        "2:service": "media",
        "2:action": "list",
        "2:ks": "{1:result}",
        "2:filter:objectType": "KalturaMediaEntryFilter",
        "2:filter:nameEqual": "none",
    }
    results = api.post("/api_v3/service/multirequest", data=form).json()
    assert isinstance(results[0], str)
    assert results[1]["totalCount"] == 0


def test_multirequest_xml_items(api: Api) -> None:
    from lxml import etree

    body = {
        "ks": api.ks,
        "0": {"service": "media", "action": "get", "entryId": "missing"},
        "1": {"service": "media", "action": "count"},
    }
    root = etree.fromstring(api.post("/api_v3/service/multirequest", json=body).content)
    items = root.findall("result/item")
    assert len(items) == 2
    assert items[0].findtext("error/code") == "ENTRY_ID_NOT_FOUND"
    assert int(items[1].text or "-1") >= 0
