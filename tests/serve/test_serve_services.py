"""Per-service behaviour: uploads and content, metadata, categories, playlists, response
profiles."""

from __future__ import annotations

import json
import time
from typing import Any

import requests

from tests.serve.conftest import Api, is_error

READY = "2"


def _upload(api: Api, data: bytes, name: str = "clip.mp4") -> str:
    files = {
        "json": (None, json.dumps({"format": 1, "ks": api.ks})),
        "fileData": (name, data, "video/mp4"),
    }
    token = api.post("/api_v3/service/media/action/upload", files=files).json()
    assert isinstance(token, str)
    return token


def test_upload_then_entry_is_ready_and_bytes_come_back(api: Api) -> None:
    data = bytes(range(256)) * 40
    token = _upload(api, data)
    entry = api.call(
        "media",
        "addFromUploadedFile",
        uploadTokenId=token,
        mediaEntry={"objectType": "KalturaMediaEntry", "name": "up", "mediaType": 1},
    )
    assert entry["status"] == READY
    assert requests.get(entry["downloadUrl"], timeout=10).content == data
    # a token is used once
    again = api.call(
        "media",
        "addFromUploadedFile",
        uploadTokenId=token,
        mediaEntry={"objectType": "KalturaMediaEntry", "mediaType": 1},
    )
    assert is_error(again, "UPLOADED_FILE_NOT_FOUND_BY_TOKEN")


def test_chunked_upload_token_and_add_content(api: Api) -> None:
    token = api.call(
        "uploadToken",
        "add",
        uploadToken={"objectType": "KalturaUploadToken", "fileName": "big.bin"},
    )
    assert token["status"] == 0
    for index, chunk in enumerate([b"first-", b"second-", b"third"]):
        fields = {
            "format": 1,
            "ks": api.ks,
            "uploadTokenId": token["id"],
            "resume": index > 0,
            "finalChunk": index == 2,
            "resumeAt": -1,
        }
        files = {
            "json": (None, json.dumps(fields)),
            "fileData": ("big.bin", chunk),
        }
        state = api.post("/api_v3/service/uploadToken/action/upload", files=files).json()
        assert state["status"] == (2 if index == 2 else 1)
    assert state["uploadedFileSize"] == len(b"first-second-third")
    entry = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "c", "mediaType": 1}
    )
    assert entry["status"] == "7"
    ready = api.call(
        "media",
        "addContent",
        entryId=entry["id"],
        resource={"objectType": "KalturaUploadedFileTokenResource", "token": token["id"]},
    )
    assert ready["status"] == READY
    assert requests.get(ready["downloadUrl"], timeout=10).content == b"first-second-third"
    assert is_error(
        api.call("uploadToken", "upload", uploadTokenId="nope"), "MISSING_MANDATORY_PARAMETER"
    )


def test_data_entry_serve_returns_the_content(api: Api) -> None:
    entry = api.call(
        "data",
        "add",
        dataEntry={"objectType": "KalturaDataEntry", "name": "d", "dataContent": "héllo data"},
    )
    assert entry["status"] == READY
    response = requests.get(
        api.url + "/api_v3/service/data/action/serve",
        params={"entryId": entry["id"], "ks": api.ks},
        timeout=10,
    )
    assert response.content.decode("utf-8") == "héllo data"
    response = requests.get(
        api.url + "/api_v3/service/data/action/serve",
        params={"entryId": "missing", "ks": api.ks},
        timeout=10,
    )
    assert b"ENTRY_ID_NOT_FOUND" in response.content


XSD = "<xsd:schema xmlns:xsd='http://www.w3.org/2001/XMLSchema'/>"


def test_custom_metadata_is_stored_versioned_and_searchable(api: Api) -> None:
    profile = api.call(
        "metadata_metadataprofile",
        "add",
        xsdData=XSD,
        metadataProfile={
            "objectType": "KalturaMetadataProfile",
            "name": "p",
            "metadataObjectType": "1",
        },
    )
    assert profile["xsd"] == XSD and profile["status"] == 1
    kept = api.call(
        "metadata_metadataprofile",
        "update",
        id=profile["id"],
        xsdData="",
        metadataProfile={"objectType": "KalturaMetadataProfile", "name": "p2"},
    )
    assert kept["xsd"] == XSD and kept["name"] == "p2"
    red = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "red", "mediaType": 1}
    )
    blue = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "blue", "mediaType": 1}
    )
    for entry, colour in ((red, "Red"), (blue, "Blue")):
        added = api.call(
            "metadata_metadata",
            "add",
            metadataProfileId=profile["id"],
            objectType="1",
            objectId=entry["id"],
            xmlData=f"<metadata><Colour>{colour}</Colour></metadata>",
        )
        assert added["version"] == 1 and added["objectId"] == entry["id"]
    assert is_error(
        api.call(
            "metadata_metadata",
            "add",
            metadataProfileId=profile["id"],
            objectType="1",
            objectId=red["id"],
            xmlData="<metadata/>",
        ),
        "METADATA_ALREADY_EXISTS",
    )
    assert is_error(
        api.call(
            "metadata_metadata",
            "add",
            metadataProfileId=profile["id"],
            objectType="1",
            objectId="x",
            xmlData="<metadata><open>",
        ),
        "INVALID_METADATA_DATA",
    )
    assert is_error(
        api.call(
            "metadata_metadata",
            "add",
            metadataProfileId=987654,
            objectType="1",
            objectId="x",
            xmlData="<m/>",
        ),
        "METADATA_PROFILE_NOT_FOUND",
    )
    listed = api.call(
        "metadata_metadata",
        "list",
        filter={"objectType": "KalturaMetadataFilter", "objectIdEqual": red["id"]},
    )
    assert [m["xml"] for m in listed["objects"]] == ["<metadata><Colour>Red</Colour></metadata>"]
    updated = api.call(
        "metadata_metadata",
        "update",
        id=listed["objects"][0]["id"],
        xmlData="<metadata><Colour>Green</Colour></metadata>",
    )
    assert updated["version"] == 2
    search = {
        "objectType": "KalturaMediaEntryFilter",
        "idIn": f"{red['id']},{blue['id']}",
        "advancedSearch": {
            "objectType": "KalturaMetadataSearchItem",
            "metadataProfileId": profile["id"],
            "type": 1,
            "items": [
                {
                    "objectType": "KalturaSearchCondition",
                    "field": "/*[local-name()='metadata']/*[local-name()='Colour']",
                    "value": "green",
                }
            ],
        },
    }
    found = api.call("media", "list", filter=search)
    assert [o["name"] for o in found["objects"]] == ["red"]


def test_category_tree(api: Api) -> None:
    stamp = time.time_ns()
    top = api.call(
        "category", "add", category={"objectType": "KalturaCategory", "name": f"top{stamp}"}
    )
    mid = api.call(
        "category",
        "add",
        category={"objectType": "KalturaCategory", "name": "mid", "parentId": top["id"]},
    )
    leaf = api.call(
        "category",
        "add",
        category={"objectType": "KalturaCategory", "name": "leaf", "parentId": mid["id"]},
    )
    assert leaf["fullName"] == f"top{stamp}>mid>leaf"
    assert leaf["fullIds"] == f"{top['id']}>{mid['id']}>{leaf['id']}" and leaf["depth"] == 2
    assert api.call("category", "get", id=top["id"])["directSubCategoriesCount"] == 1
    assert is_error(
        api.call(
            "category",
            "add",
            category={"objectType": "KalturaCategory", "name": "orphan", "parentId": 99999999},
        ),
        "PARENT_CATEGORY_NOT_FOUND",
    )
    assert is_error(
        api.call(
            "category",
            "add",
            category={"objectType": "KalturaCategory", "name": "mid", "parentId": top["id"]},
        ),
        "DUPLICATE_CATEGORY",
    )
    under = api.call(
        "category",
        "list",
        filter={"objectType": "KalturaCategoryFilter", "ancestorIdIn": str(top["id"])},
    )
    assert sorted(o["id"] for o in under["objects"]) == sorted([mid["id"], leaf["id"]])
    entry = api.call(
        "media",
        "add",
        entry={
            "objectType": "KalturaMediaEntry",
            "name": "c",
            "mediaType": 1,
            "categoriesIds": str(leaf["id"]),
        },
    )
    assert entry["categories"] == f"top{stamp}>mid>leaf"
    renamed = api.call(
        "category",
        "update",
        id=mid["id"],
        category={"objectType": "KalturaCategory", "name": "middle"},
    )
    assert renamed["fullName"] == f"top{stamp}>middle"
    assert api.call("category", "get", id=leaf["id"])["fullName"] == f"top{stamp}>middle>leaf"
    assert api.call("category", "delete", id=top["id"]) is None
    assert is_error(api.call("category", "get", id=leaf["id"]), "CATEGORY_NOT_FOUND")
    assert api.call("media", "get", entryId=entry["id"])["categoriesIds"] == ""


def _ready_entry(api: Api, name: str, **fields: object) -> dict[str, Any]:
    token = _upload(api, b"x")
    entry: dict[str, Any] = api.call(
        "media",
        "addFromUploadedFile",
        uploadTokenId=token,
        mediaEntry={"objectType": "KalturaMediaEntry", "name": name, "mediaType": 1, **fields},
    )
    assert entry["status"] == READY
    return entry


def test_playlists_execute(api: Api) -> None:
    tag = f"pl{time.time_ns()}"
    a, b, c = (_ready_entry(api, f"{tag}{i}", tags=tag) for i in range(3))
    static = api.call(
        "playlist",
        "add",
        playlist={
            "objectType": "KalturaPlaylist",
            "name": "s",
            "playlistType": 3,
            "playlistContent": f"{c['id']},{a['id']}",
        },
    )
    assert [e["id"] for e in api.call("playlist", "execute", id=static["id"])] == [c["id"], a["id"]]
    dynamic = api.call(
        "playlist",
        "add",
        playlist={
            "objectType": "KalturaPlaylist",
            "name": "d",
            "playlistType": 10,
            "totalResults": 2,
            "filters": [
                {
                    "objectType": "KalturaMediaEntryFilterForPlaylist",
                    "tagsLike": tag,
                    "orderBy": "-name",
                }
            ],
        },
    )
    executed = api.call("playlist", "execute", id=dynamic["id"])
    assert [e["name"] for e in executed] == [f"{tag}2", f"{tag}1"]
    assert all(e["objectType"] == "KalturaMediaEntry" for e in executed)
    from_filters = api.call(
        "playlist",
        "executeFromFilters",
        totalResults=5,
        filters=[{"objectType": "KalturaMediaEntryFilterForPlaylist", "idIn": b["id"]}],
    )
    assert [e["id"] for e in from_filters] == [b["id"]]


def test_response_profile_related_objects_and_fields(api: Api) -> None:
    tag = f"rp{time.time_ns()}"
    profile = api.call(
        "metadata_metadataprofile",
        "add",
        xsdData=XSD,
        metadataProfile={"objectType": "KalturaMetadataProfile", "metadataObjectType": "1"},
    )
    entries = [
        api.call(
            "media",
            "add",
            entry={
                "objectType": "KalturaMediaEntry",
                "name": f"{tag}{i}",
                "tags": tag,
                "mediaType": 1,
            },
        )
        for i in range(2)
    ]
    for entry in entries:
        api.call(
            "metadata_metadata",
            "add",
            metadataProfileId=profile["id"],
            objectType="1",
            objectId=entry["id"],
            xmlData="<metadata><A>1</A></metadata>",
        )
    stored = api.call(
        "responseProfile",
        "add",
        addResponseProfile={
            "objectType": "KalturaResponseProfile",
            "name": tag,
            "systemName": tag,
            "type": 1,
            "fields": "id,name",
            "relatedProfiles": [
                {
                    "objectType": "KalturaDetachedResponseProfile",
                    "name": "meta",
                    "type": 1,
                    "fields": "objectId,xml",
                    "filter": {"objectType": "KalturaMetadataFilter"},
                    "mappings": [
                        {
                            "objectType": "KalturaResponseProfileMapping",
                            "filterProperty": "objectIdEqual",
                            "parentProperty": "id",
                        }
                    ],
                }
            ],
        },
    )
    for holder in ({"id": stored["id"]}, {"systemName": tag}):
        listed = api.call(
            "baseEntry",
            "list",
            filter={"objectType": "KalturaBaseEntryFilter", "tagsLike": tag},
            responseProfile={"objectType": "KalturaResponseProfileHolder", **holder},
        )
        assert listed["totalCount"] == 2
        for obj in listed["objects"]:
            assert set(obj) == {"objectType", "id", "name", "relatedObjects"}
            meta = obj["relatedObjects"]["meta"]
            assert meta["objectType"] == "KalturaMetadataListResponse"
            assert [m["objectId"] for m in meta["objects"]] == [obj["id"]]
            assert set(meta["objects"][0]) == {"objectType", "objectId", "xml"}
    assert is_error(
        api.call(
            "baseEntry",
            "list",
            responseProfile={"objectType": "KalturaResponseProfileHolder", "id": 987654},
        ),
        "RESPONSE_PROFILE_ID_NOT_FOUND",
    )


def test_uploaded_content_has_a_source_flavor_with_a_download_url(api: Api) -> None:
    token = _upload(api, b"flavor-bytes", name="movie.mov")
    entry = api.call(
        "media",
        "addFromUploadedFile",
        uploadTokenId=token,
        mediaEntry={"objectType": "KalturaMediaEntry", "name": "f", "mediaType": 1},
    )
    flavors = api.call(
        "flavorAsset",
        "list",
        filter={"objectType": "KalturaAssetFilter", "entryIdEqual": entry["id"]},
    )
    assert flavors["totalCount"] == 1
    flavor = flavors["objects"][0]
    assert flavor["objectType"] == "KalturaFlavorAsset"
    assert (flavor["isOriginal"], flavor["status"], flavor["fileExt"]) == (True, 2, "mov")
    assert flavor["sizeInBytes"] == len(b"flavor-bytes")
    url = api.call("flavorAsset", "getUrl", id=flavor["id"])
    assert requests.get(url, timeout=10).content == b"flavor-bytes"
    api.call("media", "delete", entryId=entry["id"])
    assert is_error(api.call("flavorAsset", "get", id=flavor["id"]), "FLAVOR_ASSET_ID_NOT_FOUND")


def test_category_entries(api: Api) -> None:
    category = api.call(
        "category", "add", category={"objectType": "KalturaCategory", "name": f"ce{time.time_ns()}"}
    )
    entry = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "ce", "mediaType": 1}
    )
    link = api.call(
        "categoryEntry",
        "add",
        categoryEntry={
            "objectType": "KalturaCategoryEntry",
            "entryId": entry["id"],
            "categoryId": category["id"],
        },
    )
    assert set(link) == {
        "objectType",
        "entryId",
        "categoryId",
        "createdAt",
        "categoryFullIds",
        "status",
        "creatorUserId",
    }  # no invented id
    assert link["status"] == 2 and link["categoryFullIds"] == str(category["id"])
    assert api.call("media", "get", entryId=entry["id"])["categoriesIds"] == str(category["id"])
    assert api.call("category", "get", id=category["id"])["entriesCount"] == 1
    again = api.call(
        "categoryEntry",
        "add",
        categoryEntry={
            "objectType": "KalturaCategoryEntry",
            "entryId": entry["id"],
            "categoryId": category["id"],
        },
    )
    assert is_error(again, "CATEGORY_ENTRY_ALREADY_EXISTS")
    assert is_error(
        api.call(
            "categoryEntry",
            "add",
            categoryEntry={
                "objectType": "KalturaCategoryEntry",
                "entryId": "0_none",
                "categoryId": category["id"],
            },
        ),
        "ENTRY_ID_NOT_FOUND",
    )
    listed = api.call(
        "categoryEntry",
        "list",
        filter={"objectType": "KalturaCategoryEntryFilter", "entryIdEqual": entry["id"]},
    )
    assert listed["totalCount"] == 1
    assert (
        api.call("categoryEntry", "delete", entryId=entry["id"], categoryId=category["id"]) is None
    )
    assert api.call("media", "get", entryId=entry["id"])["categoriesIds"] == ""
    assert is_error(
        api.call("categoryEntry", "delete", entryId=entry["id"], categoryId=category["id"]),
        "ENTRY_IS_NOT_ASSIGNED_TO_CATEGORY",
    )
