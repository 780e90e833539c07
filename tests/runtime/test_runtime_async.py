"""The generated async client (`AsyncKalturaClient` of the sample package, its `async def`
services) against a local server: same requests as the sync client (shared building),
awaitable results, errors, multi-request and uploads."""

from __future__ import annotations

import asyncio
import json
import types
from typing import Any

import pytest

from .conftest import KalturaTestServer


def async_client(kpkg: types.SimpleNamespace, url: str, **kw: Any) -> Any:
    kw.setdefault("retryBackoff", 0)
    return kpkg.Client.AsyncKalturaClient(kpkg.Base.KalturaConfiguration(url, **kw))


def sync_client(kpkg: types.SimpleNamespace, url: str, **kw: Any) -> Any:
    kw.setdefault("retryBackoff", 0)
    return kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(url, **kw))


def entry(i: int) -> dict[str, Any]:
    return {"objectType": "KalturaMediaEntry", "id": f"0_{i}", "name": f"n{i}"}


def test_async_requests_equal_the_sync_ones(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    core = kpkg.Core
    flt = core.KalturaMediaEntryFilter(nameLike="a", mediaTypeEqual=core.KalturaMediaType.VIDEO)
    pager = core.KalturaFilterPager(pageSize=3)
    reply = {"objectType": "KalturaMediaListResponse", "totalCount": 1, "objects": [entry(1)]}

    server.reply_json(reply)
    c = sync_client(kpkg, server.url)
    c.setKs("KS")
    expected = c.media.list(flt, pager)

    async def run() -> Any:
        async with async_client(kpkg, server.url) as a:
            assert type(a.media) is core.AsyncKalturaMediaService  # generated `async def`s
            a.setKs("KS")
            return await a.media.list(flt, pager)

    server.reply_json(reply)
    got = asyncio.run(run())
    assert got == expected and got.objects[0].id == "0_1"
    sync_req, async_req = server.requests
    assert async_req.path == sync_req.path
    body = async_req.json()
    assert body == sync_req.json()
    assert async_req.headers["Content-Type"] == "application/json"


def test_many_calls_in_flight(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.handler = lambda rec: (
        200,
        {"Content-Type": "application/json"},
        json.dumps({"objectType": "KalturaMediaEntry", "id": rec.json()["entryId"]}).encode(),
    )

    async def run() -> list[Any]:
        async with async_client(kpkg, server.url) as a:
            return list(await asyncio.gather(*(a.media.get(f"0_{i}") for i in range(60))))

    results = asyncio.run(run())
    assert [r.id for r in results] == [f"0_{i}" for i in range(60)]
    assert len({r.port for r in server.requests}) > 1  # really concurrent connections


def test_api_errors_and_http_errors(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_json(
        {"objectType": "KalturaAPIException", "code": "ENTRY_ID_NOT_FOUND", "message": "gone"}
    )
    server.reply("oops", status=500)

    async def run() -> tuple[Any, Any]:
        async with async_client(kpkg, server.url) as a:
            with pytest.raises(kpkg.exceptions.KalturaException) as api_error:
                await a.media.get("0_x")
            with pytest.raises(kpkg.exceptions.KalturaClientException) as http_error:
                await a.media.get("0_x")
            return api_error.value, http_error.value

    api_error, http_error = asyncio.run(run())
    assert api_error.code == "ENTRY_ID_NOT_FOUND"
    assert http_error.status == 500


def test_wrong_argument_types_fail_before_sending(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    async def run() -> None:
        async with async_client(kpkg, server.url) as a:
            await a.media.list({"nameLike": "a"})

    with pytest.raises(TypeError, match="'filter' must be a KalturaMediaEntryFilter"):
        asyncio.run(run())
    assert server.requests == []


def test_typed_multi_request(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_json(
        [entry(1), {"objectType": "KalturaAPIException", "code": "X", "message": "m"}]
    )

    async def run() -> tuple[Any, Any]:
        async with async_client(kpkg, server.url) as a:
            async with a.multi_request() as batch:
                first = batch.add(a.media.get, "0_1")
                second = batch.add(a.media.get, first.ref.id)
            return first, second

    first, second = asyncio.run(run())
    assert first.result.id == "0_1"
    assert second.error is not None and second.error.code == "X"
    with pytest.raises(kpkg.exceptions.KalturaException):
        _ = second.result
    body = server.requests[0].json()
    assert server.requests[0].path.endswith("/service/multirequest")
    assert body["1"]["entryId"] == "{1:result:id}"


def test_legacy_multi_request_is_awaitable(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply_json([3, 4])

    async def run() -> list[Any]:
        async with async_client(kpkg, server.url) as a:
            a.startMultiRequest()
            ref = await a.media.count()
            assert str(ref) == "{1:result}"
            await a.media.count()
            return list(await a.doMultiRequest())

    assert asyncio.run(run()) == [3, 4]


def test_chunked_upload(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    received: list[bytes] = []

    def handler(rec: Any) -> tuple[int, dict[str, str], bytes]:
        action = rec.path.rsplit("/", 1)[1]
        size = sum(len(chunk) for chunk in received)
        if action == "upload":
            received.append(rec.form()["fileData"][1])
            size = sum(len(chunk) for chunk in received)
        token = {"objectType": "KalturaUploadToken", "id": "tok", "uploadedFileSize": size}
        return 200, {"Content-Type": "application/json"}, json.dumps(token).encode()

    server.handler = handler
    data = bytes(range(256)) * 40  # 10 KB

    async def run() -> Any:
        async with async_client(kpkg, server.url) as a:
            return await a.aupload_file(data, chunk_size=4096)

    token = asyncio.run(run())
    assert b"".join(received) == data
    assert len(received) == 3 and token.uploadedFileSize == len(data)


def test_importing_the_runtime_loads_no_heavy_module(kpkg: types.SimpleNamespace) -> None:
    """The generated package imports Base, the client and the async client modules at
    `import KalturaClient`: HTTP, asyncio, JSON, logging and crypto load on first use."""
    import subprocess
    import sys

    code = (
        f"import sys; sys.path.insert(0, {str(kpkg.root)!r})\n"
        "import KalturaClient, KalturaClient.Base, KalturaClient.Client\n"
        "import KalturaClient._runtime.client, KalturaClient._runtime.aio\n"
        "assert KalturaClient.AsyncKalturaClient.__module__ == 'KalturaClient.Client'\n"
        "heavy = ['aiohttp', 'asyncio', 'urllib3', 'json', 'logging', 'cryptography', 'ssl',"
        " 'xml.etree.ElementTree']\n"
        "print([name for name in heavy if name in sys.modules])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
