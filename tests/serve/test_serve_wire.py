"""Routes and response formats, over real HTTP."""

from __future__ import annotations

import json

import requests
from lxml import etree

from generator.model import ActionDef
from tests.serve.conftest import ADMIN_SECRET, PARTNER, Api

START: dict[str, str | int] = {
    "secret": ADMIN_SECRET,
    "partnerId": PARTNER,
    "type": 2,
    "userId": "u1",
}


def _ks_from_xml(content: bytes) -> str:
    root = etree.fromstring(content)
    assert root.tag == "xml"
    result = root.find("result")
    assert result is not None and result.text
    return result.text


def test_every_route_style_reaches_the_action(anon: Api) -> None:
    base = anon.url
    query: dict[str, str | int] = {**START, "service": "session", "action": "start"}
    responses = [
        requests.post(f"{base}/api_v3/service/session/action/start", json=START, timeout=10),
        requests.get(f"{base}/api_v3/service/session/action/start", params=START, timeout=10),
        requests.post(f"{base}/api_v3/index.php", data=query, timeout=10),
        requests.get(f"{base}/api_v3/index.php", params=query, timeout=10),
        requests.post(f"{base}//api_v3//service/session//action/start", data=START, timeout=10),
        requests.post(f"{base}/api_v3/", params=query, timeout=10),
    ]
    for response in responses:
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/xml")
        ks = _ks_from_xml(response.content)
        assert (
            anon.server.engine.verify_ks(
                ks, anon.server.engine.schema.services["session"], _action(anon, "session", "end")
            ).user_id
            == "u1"
        )


def _action(api: Api, service: str, action: str) -> ActionDef:
    found = api.server.engine.schema.services[service].action(action)
    assert found is not None
    return found


def test_unknown_route_is_404(anon: Api) -> None:
    assert requests.get(anon.url + "/nothing/here", timeout=10).status_code == 404


def test_xml_object_envelope_shape(api: Api) -> None:
    entry = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "x<&>", "mediaType": 1}
    )
    root = api.xml("media", "get", entryId=entry["id"])
    assert [child.tag for child in root] == ["result", "executionTime"]
    result = root.find("result")
    assert result is not None
    assert result[0].tag == "objectType" and result[0].text == "KalturaMediaEntry"
    assert result.findtext("name") == "x<&>"
    assert result.findtext("id") == entry["id"]
    assert result.findtext("partnerId") == str(PARTNER)
    float(root.findtext("executionTime") or "x")


def test_xml_empty_list_is_an_empty_objects_element(api: Api) -> None:
    root = api.xml(
        "media",
        "list",
        filter={"objectType": "KalturaMediaEntryFilter", "nameEqual": "no such name anywhere"},
    )
    objects = root.find("result/objects")
    assert objects is not None and len(objects) == 0 and objects.text is None
    assert root.findtext("result/totalCount") == "0"
    assert b"<objects/>" in etree.tostring(root)


def test_xml_list_items_and_booleans(api: Api) -> None:
    name = "xml-items-test"
    for _ in range(2):
        api.call(
            "media", "add", entry={"objectType": "KalturaMediaEntry", "name": name, "mediaType": 1}
        )
    root = api.xml(
        "media", "list", filter={"objectType": "KalturaMediaEntryFilter", "nameEqual": name}
    )
    items = root.findall("result/objects/item")
    assert len(items) == 2
    assert all(item.findtext("objectType") == "KalturaMediaEntry" for item in items)
    profile = api.call(
        "accessControlProfile",
        "add",
        accessControlProfile={
            "objectType": "KalturaAccessControlProfile",
            "name": "p",
            "isDefault": True,
            "rules": [{"objectType": "KalturaRule", "stopProcessing": False}],
        },
    )
    root = api.xml("accessControlProfile", "get", id=profile["id"])
    assert root.findtext("result/isDefault") == "1"
    assert root.findtext("result/rules/item/stopProcessing") == "0"


def test_xml_error_envelope(api: Api) -> None:
    root = api.xml("media", "get", entryId="nope")
    error = root.find("result/error")
    assert error is not None
    assert error.findtext("objectType") == "KalturaAPIException"
    assert error.findtext("code") == "ENTRY_ID_NOT_FOUND"
    assert error.findtext("message") == 'Entry id "nope" not found'
    assert error.findtext("args/item/name") == "ENTRY_ID"
    assert error.findtext("args/item/value") == "nope"


def test_json_format(api: Api) -> None:
    entry = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "j", "mediaType": 1}
    )
    assert entry["objectType"] == "KalturaMediaEntry"
    assert isinstance(entry["createdAt"], int) and entry["mediaType"] == 1
    error = api.call("media", "get", entryId="missing")
    assert error == {
        "code": "ENTRY_ID_NOT_FOUND",
        "message": 'Entry id "missing" not found',
        "objectType": "KalturaAPIException",
        "args": {"ENTRY_ID": "missing"},
    }


def test_map_results_use_item_keys(api: Api) -> None:
    """relatedObjects is a map: <item><itemKey>name</itemKey>..."""
    entry = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "m", "mediaType": 1}
    )
    profile = {
        "objectType": "KalturaDetachedResponseProfile",
        "relatedProfiles": [
            {
                "objectType": "KalturaDetachedResponseProfile",
                "name": "assets",
                "filter": {"objectType": "KalturaFlavorAssetFilter"},
                "mappings": [
                    {
                        "objectType": "KalturaResponseProfileMapping",
                        "filterProperty": "entryIdEqual",
                        "parentProperty": "id",
                    }
                ],
            }
        ],
    }
    root = api.xml("media", "get", entryId=entry["id"], responseProfile=profile)
    item = root.find("result/relatedObjects/item")
    assert item is not None
    assert item.findtext("itemKey") == "assets"
    assert item.findtext("objectType") == "KalturaFlavorAssetListResponse"
    assert item.find("objects") is not None


def test_form_and_multipart_bodies(api: Api) -> None:
    form = {
        "ks": api.ks,
        "entry[objectType]": "KalturaMediaEntry",
        "entry[name]": "form",
        "entry[mediaType]": "1",
        "entry[tags__null]": "",
        "format": "1",
    }
    created = api.post("/api_v3/service/media/action/add", data=form).json()
    assert created["name"] == "form" and created["tags"] is None
    legacy = {
        "ks": api.ks,
        "entry:objectType": "KalturaMediaEntry",
        "entry:name": "colon",
        "entry:mediaType": "1",
        "format": "1",
    }
    assert api.post("/api_v3/service/media/action/add", data=legacy).json()["name"] == "colon"
    files = {
        "json": (None, json.dumps({"format": 1, "ks": api.ks})),
        "fileData": ("a.bin", b"\x00\x01bytes", "application/octet-stream"),
    }
    token = api.post("/api_v3/service/media/action/upload", files=files).json()
    stored = api.call("uploadToken", "get", uploadTokenId=token)
    assert stored["status"] == 2 and stored["uploadedFileSize"] == 7


def test_schema_is_served(anon: Api) -> None:
    response = requests.get(anon.url + "/api_v3/api_schema.php", timeout=10)
    assert response.status_code == 200
    assert etree.fromstring(response.content).get("apiVersion") == "22.19.0"


def test_xml_request_bodies(api: Api) -> None:
    body = (
        f"<xml><ks>{api.ks}</ks><format>1</format><entry><objectType>KalturaMediaEntry"
        "</objectType><name>from xml</name><mediaType>1</mediaType></entry></xml>"
    ).encode()
    created = api.post(
        "/api_v3/service/media/action/add", data=body, headers={"Content-Type": "text/xml"}
    ).json()
    assert created["name"] == "from xml" and created["mediaType"] == 1
    for bad in (b"<xml><ks>", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml/>'):
        error = api.post(
            "/api_v3/service/media/action/add",
            data=bad,
            params={"format": 1},
            headers={"Content-Type": "application/xml"},
        ).json()
        assert error["code"] == "INVALID_REQUEST_BODY"


def test_ott_json_is_wrapped_ovp_json_is_bare(api: Api) -> None:
    from generator.serve import ServerConfig, start_server
    from tests.conftest import parsed_real_schema

    bare = api.post("/api_v3/service/media/action/list", json={"format": 1, "ks": api.ks})
    assert bare.json()["objectType"] == "KalturaMediaListResponse"
    server = start_server(
        parsed_real_schema("ott-5.3.7.xml"), ServerConfig(partner_id=1, admin_secret="a")
    )
    try:
        ott = Api(server)
        body = ott.post(
            "/api_v3/service/ottUser/action/anonymousLogin", json={"format": 1, "partnerId": 1}
        ).json()
        assert set(body) == {"executionTime", "result"}
        assert body["result"]["objectType"] == "KalturaLoginSession"
        error = ott.post("/api_v3/service/asset/action/list", json={"format": 1}).json()
        assert error["result"]["error"]["code"] == "MISSING_KS"
        multi = ott.post(
            "/api_v3/service/multirequest",
            json={
                "format": 1,
                "0": {"service": "ottUser", "action": "anonymousLogin", "partnerId": 1},
                "1": {"service": "asset", "action": "list", "ks": "{1:result:ks}"},
            },
        ).json()
        assert [r["objectType"] for r in multi["result"]] == [
            "KalturaLoginSession",
            "KalturaAssetListResponse",
        ]
    finally:
        server.stop()
