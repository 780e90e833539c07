"""Assets with content (flavor, caption, attachment, thumb) and what entries carry: entryId
kept on add, content from an upload token, a loopback URL or a string, served back by every
route a client uses, removed with their entry; plays/views/durations/URLs on entries, category
counts, reports, partner, ping, the landing page and explicit nulls."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
from werkzeug.wrappers import Request, Response

from generator.serve import RunningServer
from generator.serve.app import FakeKalturaApp, Route
from tests.serve.conftest import Api, is_error

SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello there\n"
PNG = b"\x89PNG\r\n\x1a\n fake thumbnail bytes"


@pytest.fixture(scope="module")
def content_host() -> Iterator[str]:
    """A separate loopback HTTP server for URL resources."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PNG if self.path.endswith(".png") else b"from a URL"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _entry(api: Api, name: str = "asset holder", **extra: Any) -> dict[str, Any]:
    added: dict[str, Any] = api.call(
        "media",
        "add",
        entry={"objectType": "KalturaMediaEntry", "name": name, "mediaType": 1, **extra},
    )
    return added


def _raw(api: Api, service: str, action: str, **params: Any) -> requests.Response:
    return api.post(
        f"/api_v3/service/{service}/action/{action}", json={"format": 1, "ks": api.ks, **params}
    )


def test_every_asset_kind_keeps_its_entry_and_content(api: Api, content_host: str) -> None:
    entry = _entry(api)
    kinds = {
        "captionAsset": (
            {"objectType": "KalturaCaptionAsset", "language": "English", "format": "1"},
            {"objectType": "KalturaStringResource", "content": SRT},
            SRT.encode(),
        ),
        "attachmentAsset": (
            {"objectType": "KalturaAttachmentAsset", "filename": "notes.txt"},
            {"objectType": "KalturaUrlResource", "url": content_host + "/n.txt"},
            b"from a URL",
        ),
        "thumbAsset": (
            {"objectType": "KalturaThumbAsset"},
            {"objectType": "KalturaUrlResource", "url": content_host + "/t.png"},
            PNG,
        ),
        "flavorAsset": ({"objectType": "KalturaFlavorAsset"}, None, b"flavor bytes " * 50),
    }
    for service, (asset, resource, data) in kinds.items():
        param = {
            "captionAsset": "captionAsset",
            "attachmentAsset": "attachmentAsset",
            "thumbAsset": "thumbAsset",
            "flavorAsset": "flavorAsset",
        }[service]
        added = api.call(service, "add", entryId=entry["id"], **{param: asset})
        assert added["entryId"] == entry["id"], (service, added)
        if resource is None:  # from an upload token
            token = api.call("uploadToken", "add", uploadToken={"objectType": "KalturaUploadToken"})
            api.post(
                "/api_v3/service/uploadToken/action/upload",
                data={"ks": api.ks, "uploadTokenId": token["id"], "format": "1"},
                files={"fileData": ("f.mp4", data)},
            )
            resource = {"objectType": "KalturaUploadedFileTokenResource", "token": token["id"]}
        stored = api.call(service, "setContent", id=added["id"], contentResource=resource)
        assert stored["status"] == 2 and stored["size"] >= 1, (service, stored)
        url = api.call(service, "getUrl", id=added["id"])
        assert requests.get(url, timeout=10).content == data, service
        listed = api.call(
            service,
            "list",
            filter={"objectType": "KalturaAssetFilter", "entryIdEqual": entry["id"]},
        )
        assert [a["id"] for a in listed["objects"]] == [added["id"]], service
    caption_id = api.call(
        "captionAsset",
        "list",
        filter={"objectType": "KalturaAssetFilter", "entryIdEqual": entry["id"]},
    )["objects"][0]["id"]
    assert _raw(api, "caption_captionasset", "serve", captionAssetId=caption_id).content == (
        SRT.encode()
    )
    as_json = _raw(api, "caption_captionasset", "serveAsJson", captionAssetId=caption_id).json()
    assert as_json["objects"][0] == {
        "startTime": 1000,
        "endTime": 2000,
        "content": [{"text": "Hello there"}],
    }
    by_entry = _raw(api, "caption_captionasset", "serveByEntryId", entryId=entry["id"])
    assert by_entry.content == SRT.encode()
    assert _raw(api, "thumbAsset", "serveByEntryId", entryId=entry["id"]).content == PNG
    thumbnail = api.call("media", "get", entryId=entry["id"])["thumbnailUrl"]
    assert requests.get(thumbnail, timeout=10).content == PNG  # the default thumb
    api.call("media", "delete", entryId=entry["id"])
    for service in kinds:
        listed = api.call(
            service,
            "list",
            filter={"objectType": "KalturaAssetFilter", "entryIdEqual": entry["id"]},
        )
        assert listed["totalCount"] == 0, service
    assert requests.get(thumbnail, timeout=10).status_code == 404


def test_asset_errors(api: Api) -> None:
    assert is_error(
        api.call(
            "captionAsset",
            "add",
            entryId="0_nothere",
            captionAsset={"objectType": "KalturaCaptionAsset"},
        ),
        "ENTRY_ID_NOT_FOUND",
    )
    entry = _entry(api)
    added = api.call(
        "attachmentAsset",
        "add",
        entryId=entry["id"],
        attachmentAsset={"objectType": "KalturaAttachmentAsset"},
    )
    outside = api.call(
        "attachmentAsset",
        "setContent",
        id=added["id"],
        contentResource={"objectType": "KalturaUrlResource", "url": "http://example.com/x"},
    )
    assert is_error(outside, "RESOURCE_TYPE_NOT_SUPPORTED")
    assert "127.0.0.1" in outside["message"]


def test_entries_carry_what_a_real_server_fills(api: Api) -> None:
    entry = _entry(api, "filled")
    for name in ("plays", "views", "duration", "msDuration"):
        assert entry[name] == 0, name
    assert entry["lastPlayedAt"] is None
    for name in ("thumbnailUrl", "downloadUrl", "dataUrl"):
        assert requests.get(entry[name], timeout=10).status_code == 200, name
    assert api.call(
        "stats",
        "collect",
        event={"objectType": "KalturaStatsEvent", "entryId": entry["id"], "eventType": 3},
    )
    api.call(
        "stats",
        "collect",
        event={"objectType": "KalturaStatsEvent", "entryId": entry["id"], "eventType": 2},
    )
    assert api.server.engine.record_play(entry["id"], plays=2, views=1)
    again = api.call("media", "get", entryId=entry["id"])
    assert (again["plays"], again["views"]) == (3, 2) and again["lastPlayedAt"] > 0


def test_seeded_durations_and_category_counts(fresh_server: Callable[..., RunningServer]) -> None:
    server: RunningServer = fresh_server(
        seed_data={
            "objects": [
                {
                    "objectType": "KalturaMediaEntry",
                    "id": "0_long",
                    "name": "long",
                    "mediaType": 1,
                    "duration": 61,
                    "plays": 4,
                }
            ]
        }
    )
    api = Api(server)
    api.ks = api.admin_ks()
    seeded = api.call("media", "get", entryId="0_long")
    assert (seeded["duration"], seeded["msDuration"], seeded["plays"]) == (61, 61_000, 4)
    top = api.call("category", "add", category={"objectType": "KalturaCategory", "name": "t"})
    sub = api.call(
        "category",
        "add",
        category={"objectType": "KalturaCategory", "name": "s", "parentId": top["id"]},
    )
    link = {"objectType": "KalturaCategoryEntry", "entryId": "0_long", "categoryId": sub["id"]}
    api.call("categoryEntry", "add", categoryEntry=link)
    other = _entry(api, "direct", categoriesIds=str(top["id"]))

    def counts(cid: int) -> tuple[int, int, int]:
        got = api.call("category", "get", id=cid)
        return got["entriesCount"], got["directEntriesCount"], got["directSubCategoriesCount"]

    assert counts(top["id"]) == (2, 1, 1) and counts(sub["id"]) == (1, 1, 0)
    api.call("media", "delete", entryId=other["id"])
    api.call("categoryEntry", "delete", entryId="0_long", categoryId=sub["id"])
    assert counts(top["id"]) == (0, 0, 1) and counts(sub["id"]) == (0, 0, 0)


def test_reports_partner_ping(fresh_server: Callable[..., RunningServer]) -> None:
    server: RunningServer = fresh_server(
        seed_data={
            "objects": [
                {
                    "objectType": "KalturaMediaEntry",
                    "id": f"0_r{i}",
                    "name": f"r{i}",
                    "mediaType": 1,
                    "plays": i * 10,
                    "views": i,
                }
                for i in range(3)
            ]
        }
    )
    api = Api(server)
    api.ks = api.admin_ks()
    pager = {"objectType": "KalturaFilterPager", "pageSize": 2}
    flt = {"objectType": "KalturaReportInputFilter"}
    table = api.call("report", "getTable", reportType="1", reportInputFilter=flt, pager=pager)
    assert table["header"].split(",")[:3] == ["object_id", "entry_name", "count_plays"]
    assert table["data"] == "0_r2,r2,20,2,20;0_r1,r1,10,1,10" and table["totalCount"] == 3
    assert (
        api.call("report", "getTable", reportType="1", reportInputFilter=flt, pager=pager) == table
    )  # deterministic
    total = api.call("report", "getTotal", reportType="13", reportInputFilter=flt)
    assert total["data"] == "30,3,30"
    assert api.call("system", "ping") is True
    partner = api.call("partner", "get", id=server.partner_id)
    assert partner["id"] == server.partner_id and partner["adminSecret"] == server.admin_secret
    assert api.call("partner", "getInfo")["id"] == server.partner_id


def _openapi(app: FakeKalturaApp, request: Request, rest: str) -> Response:
    return Response('{"openapi": "3.1.0"}', content_type="application/json")


def _console(app: FakeKalturaApp, request: Request, rest: str) -> Response:
    return Response(f"console: {rest}")


def test_landing_page_and_registered_routes(fresh_server: Callable[..., RunningServer]) -> None:
    server: RunningServer = fresh_server()
    page = requests.get(server.url + "/", timeout=10)
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    for text in (server.url, str(server.partner_id), server.admin_secret, server.secret):
        assert text in page.text
    # serve registers the console and the OpenAPI document itself; the landing page links
    # exactly the registered routes that have a title
    assert 'href="/api_v3/testme/"' in page.text and 'href="/api_v3/openapi.json"' in page.text
    assert "/api_v3/extra/" not in page.text
    server.app.add_route(Route("/api_v3/openapi.json", _openapi, "OpenAPI document"))
    server.app.add_route(Route("/api_v3/testme/", _console, "API console"))
    server.app.add_route(Route("/api_v3/extra/", _console, "Extra tool"))
    landing = requests.get(server.url + "/", timeout=10).text
    assert 'href="/api_v3/extra/"' in landing and "API console" in landing
    assert requests.get(server.url + "/api_v3/openapi.json", timeout=10).json() == {
        "openapi": "3.1.0"
    }
    assert requests.get(server.url + "/api_v3/testme/index.html", timeout=10).text == (
        "console: index.html"
    )
    assert requests.get(server.url + "/nowhere", timeout=10).status_code == 404


def test_json_nulls_unless_ignore_null(api: Api) -> None:
    entry = _entry(api, "nulls")
    assert "description" in entry and entry["description"] is None
    terse = api.call("media", "get", entryId=entry["id"], ignoreNull=1)
    assert "description" not in terse and terse["name"] == "nulls"
