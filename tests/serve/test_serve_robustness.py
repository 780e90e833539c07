"""Bad input never crashes the server; concurrent clients are safe; state persists."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import requests

from generator.serve import RunningServer
from tests.serve.conftest import Api, is_error


def _still_alive(api: Api) -> None:
    assert api.call("media", "list")["objectType"] == "KalturaMediaListResponse"


def test_malformed_bodies_get_the_error_envelope(api: Api) -> None:
    url = api.url + "/api_v3/service/media/action/list"
    cases = [
        ("application/json", b'{"ks": "x", "format": 1,'),
        ("application/json", b"[1, 2, 3]"),
        ("application/json", b"\xff\xfe not utf-8"),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nContent-Disposition: form-da"),
        ("multipart/form-data", b"no boundary at all"),
        ("application/x-www-form-urlencoded", b"a[b][c]=1&a[b]=2&%%%=&ks"),
    ]
    for content_type, body in cases:
        response = requests.post(
            url, data=body, headers={"Content-Type": content_type}, params={"format": 1}, timeout=10
        )
        assert response.status_code == 200, (content_type, body)
        value = response.json()
        assert value["objectType"] == "KalturaAPIException", (content_type, body, value)
        assert value["code"] in ("INVALID_REQUEST_BODY", "MISSING_KS", "INVALID_KS")
    multi = api.post(
        "/api_v3/service/multipart", files={"json": (None, "{broken")}, params={"format": 1}
    ).json()
    assert is_error(multi, "SERVICE_DOES_NOT_EXISTS") or is_error(multi, "INVALID_REQUEST_BODY")
    broken = api.post(
        "/api_v3/service/media/action/upload",
        files={"json": (None, "{broken")},
        params={"format": 1},
    ).json()
    assert is_error(broken, "INVALID_REQUEST_BODY")
    _still_alive(api)


def test_hostile_values_do_not_crash(api: Api) -> None:
    weird: list[dict[str, object]] = [
        {"filter": {"objectType": "KalturaMediaEntryFilter", "orderBy": "+nope,-,+"}},
        {"filter": {"objectType": "KalturaMediaEntryFilter", "createdAtGreaterThanOrEqual": "x"}},
        {"filter": {"objectType": "KalturaMediaEntryFilter", "idIn": {"a": {"b": 1}}}},
        {"pager": {"objectType": "KalturaFilterPager", "pageSize": -5, "pageIndex": -1}},
        {"filter": ["not", "an", "object"]},
        {
            "responseProfile": {
                "objectType": "KalturaDetachedResponseProfile",
                "relatedProfiles": [
                    {
                        "objectType": "KalturaDetachedResponseProfile",
                        "filter": {"objectType": "KalturaNoSuch"},
                    }
                ],
            }
        },
    ]
    for params in weird:
        value = api.call("media", "list", **params)
        assert value["objectType"] in ("KalturaMediaListResponse", "KalturaAPIException")
    mr = api.post(
        "/api_v3/service/multirequest",
        json={
            "format": 1,
            "ks": api.ks,
            "0": {"service": "media"},
            "1": {"action": "list"},
            "2": {"service": "media", "action": "get", "entryId": "{9:result:id}"},
        },
    ).json()
    assert [v["code"] for v in mr] == [
        "ACTION_DOES_NOT_EXISTS",
        "SERVICE_DOES_NOT_EXISTS",
        "ENTRY_ID_NOT_FOUND",
    ]
    with socket.create_connection((api.server.host, api.server.port), timeout=5) as raw:
        raw.sendall(b"GARBAGE / HTTP/9.9\r\n\r\n")
        raw.recv(1024)
    _still_alive(api)


def test_oversized_bodies_are_refused_with_the_envelope(
    fresh_server: Callable[..., RunningServer],
) -> None:
    server = fresh_server(max_body=1000)
    api = Api(server)
    api.ks = api.admin_ks()
    big = {
        "format": 1,
        "ks": api.ks,
        "entry": {"objectType": "KalturaMediaEntry", "name": "x" * 5000, "mediaType": 1},
    }
    # the body is not read, so only the query string can ask for JSON
    value = api.post("/api_v3/service/media/action/add", json=big, params={"format": 1}).json()
    assert is_error(value, "REQUEST_TOO_LARGE") and value["args"] == {"LIMIT": "1000"}
    files = {
        "json": (None, json.dumps({"format": 1, "ks": api.ks})),
        "fileData": ("f", b"0" * 5000),
    }
    value = api.post("/api_v3/service/media/action/upload", files=files, params={"format": 1})
    assert is_error(value.json(), "REQUEST_TOO_LARGE")
    _still_alive(api)


def test_concurrent_writers_lose_nothing(fresh_server: Callable[..., RunningServer]) -> None:
    server = fresh_server()
    threads, per_thread = 8, 25
    ids: list[str] = []
    failures: list[object] = []
    lock = threading.Lock()

    def work(n: int) -> None:
        api = Api(server)
        api.ks = api.admin_ks()
        for i in range(per_thread):
            entry = api.call(
                "media",
                "add",
                entry={"objectType": "KalturaMediaEntry", "name": f"t{n}-{i}", "mediaType": 1},
            )
            got = api.call("media", "get", entryId=entry.get("id", "?"))
            with lock:
                if got.get("name") != f"t{n}-{i}":
                    failures.append(got)
                ids.append(entry.get("id"))

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert len(set(ids)) == threads * per_thread
    api = Api(server)
    api.ks = api.admin_ks()
    assert api.call("media", "count") == threads * per_thread


def test_state_file_survives_a_restart(
    fresh_server: Callable[..., RunningServer], tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    first = fresh_server(state_file=state)
    api = Api(first)
    api.ks = api.admin_ks()
    files = {"json": (None, json.dumps({"format": 1, "ks": api.ks})), "fileData": ("f", b"bytes!")}
    token = api.post("/api_v3/service/media/action/upload", files=files).json()
    entry = api.call(
        "media",
        "addFromUploadedFile",
        uploadTokenId=token,
        mediaEntry={"objectType": "KalturaMediaEntry", "name": "kept", "mediaType": 1},
    )
    first.stop()
    assert state.is_file()
    second = fresh_server(state_file=state)
    api2 = Api(second)
    api2.ks = api2.admin_ks()
    assert api2.call("media", "get", entryId=entry["id"])["name"] == "kept"
    url = entry["downloadUrl"].replace(first.url, second.url)
    assert requests.get(url, timeout=10).content == b"bytes!"
    again = api2.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": "n", "mediaType": 1}
    )
    assert again["id"] != entry["id"]


def test_deep_nesting_is_refused_not_crashing(api: Api) -> None:
    deep = b'{"format": 1, "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = api.post(
        "/api_v3/service/media/action/list",
        data=deep,
        headers={"Content-Type": "application/json"},
        params={"format": 1},
    )
    assert is_error(response.json(), "INVALID_REQUEST_BODY")
    form = {"ks": api.ks, "format": "1", "filter" + "[x]" * 5000: "1"}
    value = api.post("/api_v3/service/media/action/list", data=form).json()
    assert value["objectType"] in ("KalturaMediaListResponse", "KalturaAPIException")
    _still_alive(api)


def test_multirequest_with_file_parts(api: Api) -> None:
    body = {
        "format": 1,
        "ks": api.ks,
        "0": {"service": "media", "action": "upload"},
        "1": {
            "service": "media",
            "action": "addFromUploadedFile",
            "uploadTokenId": "{1:result}",
            "mediaEntry": {"objectType": "KalturaMediaEntry", "name": "mr-file", "mediaType": 1},
        },
        "2": {"service": "media", "action": "get", "entryId": "{2:result:id}"},
    }
    files = {"json": (None, json.dumps(body)), "0:fileData": ("clip.bin", b"multi-bytes")}
    results = api.post("/api_v3/service/multirequest", files=files).json()
    assert isinstance(results[0], str)
    assert results[1]["status"] == "2" and results[2]["name"] == "mr-file"
    assert requests.get(results[2]["downloadUrl"], timeout=10).content == b"multi-bytes"


def test_busy_port_is_an_oserror_not_an_exit() -> None:
    import pytest

    from generator.serve import start_server
    from tests.conftest import parsed_real_schema

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError):
            start_server(parsed_real_schema("ott-3.6.287.xml"), port=taken.getsockname()[1])
