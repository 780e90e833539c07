"""Hostile servers (all on 127.0.0.1): every bad response ends in a `KalturaClientException`
with a clear message, within the total time limit and the response size limit, and calls that
may change server state are never retried."""

from __future__ import annotations

import asyncio
import gzip
import importlib
import socket
import threading
import time
import tracemalloc
import types
import zlib
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import KalturaTestServer


def client(kpkg: types.SimpleNamespace, url: str, **kw: Any) -> Any:
    kw.setdefault("retryBackoff", 0)
    return kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(url, **kw))


def client_error(kpkg: types.SimpleNamespace) -> type[Any]:
    """The runtime's KalturaClientException (its instances have `code`): kpkg's modules are
    imported at run time, so to mypy their members are Any."""
    error: type[Any] = kpkg.exceptions.KalturaClientException
    return error


# ----------------------------------------------------------------------------------------------
# Malformed bodies


def test_deeply_nested_json_is_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply(b"[" * 200_000 + b"]" * 200_000, content_type="application/json")
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url).media.count()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_JSON
    assert "nested too deeply" in str(info.value)


def test_deeply_nested_objects_within_the_json_limit_are_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    # 300 levels of objects (600 JSON levels): json.loads copes, typing them recursively
    # would not.
    text = '{"objectType": "KalturaMediaEntry", "id": "leaf"}'
    for _ in range(300):
        text = '{"objectType": "KalturaMediaEntry", "relatedObjects": {"k": ' + text + "}}"
    server.reply(text, content_type="application/json")
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url).media.get("x")
    assert "nested too deeply" in str(info.value)


def test_deeply_nested_xml_is_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    inner = "<objectType>KalturaMediaEntry</objectType><id>leaf</id>"
    for _ in range(600):
        inner = (
            "<objectType>KalturaMediaEntry</objectType>"
            f"<relatedObjects><item><itemKey>k</itemKey>{inner}</item></relatedObjects>"
        )
    server.reply_xml(inner)
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url, format=2).media.get("x")
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_XML
    assert "nested too deeply" in str(info.value)


@pytest.mark.parametrize("number", [b"1e999", b"-1e999", b"Infinity", b"NaN"])
def test_out_of_range_numbers_are_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, number: bytes
) -> None:
    body = b'{"objectType": "KalturaMediaListResponse", "totalCount": ' + number + b"}"
    server.reply(body, content_type="application/json")
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url).media.list()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_JSON
    assert "out of range" in str(info.value) or "not a JSON number" in str(info.value)


def test_a_list_object_type_is_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply_json({"objectType": ["KalturaMediaEntry"], "id": "0_a"})
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url).media.get("0_a")
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_OBJECT_TYPE
    assert "objectType must be a string" in str(info.value)


def test_nested_list_object_type_is_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply_json(
        {
            "objectType": "KalturaMediaListResponse",
            "objects": [{"objectType": {"a": 1}, "id": "0_a"}],
        }
    )
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url).media.list()
    assert "objectType must be a string" in str(info.value)


DTD = (
    '<?xml version="1.0" encoding="{enc}"?>'
    '<!DOCTYPE xml [<!ENTITY boom "BOOM">]>'
    "<xml><result><objectType>KalturaMediaEntry</objectType><id>&boom;</id></result></xml>"
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_xml_with_a_dtd_is_refused(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, encoding: str
) -> None:
    declared = "UTF-16" if "16" in encoding else "UTF-32"
    server.reply(DTD.format(enc=declared).encode(encoding))
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url, format=2).media.get("x")
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_XML
    assert "UTF-8" in str(info.value)


def test_internal_entities_are_never_expanded(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply(DTD.format(enc="utf-8"))
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url, format=2).media.get("x")
    assert "DTD" in str(info.value)


def test_a_declared_non_ascii_compatible_encoding_is_refused(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    # cp500 (EBCDIC) would turn "<!DOCTYPE" into other bytes than the scan looks for
    server.reply(
        b'<?xml version="1.0" encoding="cp500"?>' + "<xml><result>1</result></xml>".encode("cp500")
    )
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url, format=2).media.count()
    assert "cp500" in str(info.value)


def test_utf8_xml_still_parses(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply(
        '\ufeff<?xml version="1.0" encoding="UTF-8"?><xml><result>7</result></xml>'.encode()
    )
    assert client(kpkg, server.url, format=2).media.count() == 7


# ----------------------------------------------------------------------------------------------
# Size limit


def gzip_bomb(inflated: int) -> bytes:
    """A gzip stream of `inflated` zero bytes (~1 KB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(inflated >> 20)]
    parts.append(packer.flush())
    return b"".join(parts)


def test_a_gzip_bomb_stops_at_the_size_limit_in_little_memory(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    bomb = gzip_bomb(200 << 20)  # 200 MB inflated
    server.replies.append(
        (200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, bomb)
    )
    c = client(kpkg, server.url, maxResponseSize=4 << 20)
    tracemalloc.start()
    try:
        with pytest.raises(client_error(kpkg)) as info:
            c.media.count()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_RESPONSE_TOO_LARGE
    assert "inflates to more than 4194304 bytes" in str(info.value)
    assert "maxResponseSize" in str(info.value)
    assert peak < 24 << 20, peak  # the limit plus a chunk or two, never the 200 MB


def test_a_plain_body_over_the_limit_is_refused_by_its_length(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply(b"1" * 5000, content_type="application/json")
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url, maxResponseSize=4096).media.count()
    assert "declares 5000 bytes" in str(info.value)


def test_gzip_within_the_limit_is_decoded(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.replies.append(
        (
            200,
            {"Content-Type": "application/json", "Content-Encoding": "gzip"},
            gzip.compress(b"42"),
        )
    )
    assert client(kpkg, server.url).media.count() == 42


def test_corrupt_gzip_is_a_client_exception(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.replies.append(
        (200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, b"\x1f\x8bnope")
    )
    with pytest.raises(client_error(kpkg)) as info:
        client(kpkg, server.url).media.count()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_READ_GZIP_FAILED


# ----------------------------------------------------------------------------------------------
# Total time limit


class DripServer:
    """A raw socket server answering every request one byte per `interval` seconds (the
    status line and headers too when `drip_headers`)."""

    def __init__(self, drip_headers: bool, interval: float = 0.25) -> None:
        self.drip_headers = drip_headers
        self.interval = interval
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stop = threading.Event()
        self.requests = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        body = b"1" * 200
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        head += b"Content-Length: %d\r\n\r\n" % len(body)
        try:
            conn.recv(65536)
            self.requests += 1
            if not self.drip_headers:
                conn.sendall(head)
                head = b""
            for byte in head + body:
                if self.stop.is_set():
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.interval)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture(params=[False, True], ids=["body", "headers"])
def drip(request: pytest.FixtureRequest) -> Iterator[DripServer]:
    server = DripServer(drip_headers=request.param)
    yield server
    server.close()


def test_a_dripping_server_is_cut_at_the_total_time_limit(
    kpkg: types.SimpleNamespace, drip: DripServer
) -> None:
    c = client(kpkg, drip.url, requestTimeout=1.5)
    start = time.monotonic()
    with pytest.raises(client_error(kpkg)) as info:
        c.media.count()  # a safe read: would be retried on a dropped connection
    elapsed = time.monotonic() - start
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_READ_TIMEOUT
    assert "within 1.5 s" in str(info.value)
    # each byte arrives well inside a socket read timeout, yet the call ends at 1.5 s total
    assert 1.4 <= elapsed < 3.0, elapsed
    assert drip.requests == 1


def test_the_async_client_has_the_same_total_limit(
    kpkg: types.SimpleNamespace, drip: DripServer
) -> None:
    from .test_runtime_async import async_client

    async def run() -> None:
        async with async_client(kpkg, drip.url, requestTimeout=1.5) as c:
            await c.media.count()

    start = time.monotonic()
    with pytest.raises(client_error(kpkg)) as info:
        asyncio.run(run())
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_READ_TIMEOUT
    assert time.monotonic() - start < 3.0


def test_the_connection_is_reusable_after_a_normal_call(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url)
    for value in (1, 2, 3):
        server.reply_json(value)
        assert c.media.count() == value
    assert len({r.port for r in server.requests}) == 1


# ----------------------------------------------------------------------------------------------
# Retries only of safe reads


def spec(kpkg: types.SimpleNamespace, service: str, action: str) -> Any:
    base = kpkg.Base
    return base.ActionSpec(service, action, (), base.ResultSpec(base.FieldKind.INT))


@pytest.mark.parametrize(
    ("service", "action", "attempts"),
    [
        ("media", "get", 3),
        ("media", "list", 3),
        ("batch", "getExclusiveJobs", 1),
        ("batch", "getExclusiveAlmostDone", 1),
        ("batch", "getQueueSize", 1),
        ("metadata_metadatabatch", "getExclusiveTransformMetadataJobs", 1),
        ("dropfolder_dropfolder", "getExclusiveDropFolder", 1),
        ("batchcontrol", "getOrCreateScheduler", 1),
        ("reach_entryvendortask", "getJobs", 1),
        ("media", "add", 1),
    ],
)
def test_only_safe_reads_are_retried_after_a_dropped_connection(
    kpkg: types.SimpleNamespace,
    server: KalturaTestServer,
    service: str,
    action: str,
    attempts: int,
) -> None:
    server.handler = lambda rec: (0, {}, b"")  # drop every connection after the request
    c = client(kpkg, server.url, maxRetries=2)
    with pytest.raises(client_error(kpkg)) as info:
        c._call(spec(kpkg, service, action), ())
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_CONNECTION_FAILED
    assert len(server.requests) == attempts


@pytest.mark.parametrize(
    ("service", "action", "safe"),
    [
        ("media", "get", True),
        ("baseentry", "listByReferenceId", True),
        ("livestream", "isLive", True),
        ("caption_captionasset", "serveWebVTT", True),
        ("batch", "getExclusiveJobs", False),
        ("batch", "getExclusiveNotificationJobs", False),
        ("batch", "listBatchJobs", False),
        ("contentdistribution_contentdistributionbatch", "getAssetUrl", False),
        ("batchcontrol", "getCommand", False),
        ("batchcontrol", "getOrCreateScheduler", False),
        ("reach_entryvendortask", "getJobs", False),
        ("media", "getter_like", False),
        ("media", "delete", False),
    ],
)
def test_safe_read_rule(kpkg: types.SimpleNamespace, service: str, action: str, safe: bool) -> None:
    limits = importlib.import_module("KalturaClient._runtime.limits")
    assert limits.is_safe_read(service, action) is safe


def test_a_multi_request_with_a_claim_is_not_retried(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.handler = lambda rec: (0, {}, b"")
    c = client(kpkg, server.url, maxRetries=2)
    c.startMultiRequest()
    c._call(spec(kpkg, "media", "get"), ())
    c._call(spec(kpkg, "batch", "getExclusiveJobs"), ())
    with pytest.raises(client_error(kpkg)):
        c.doMultiRequest()
    assert len(server.requests) == 1


def test_backoff_never_outlives_the_total_limit(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.handler = lambda rec: (503, {}, b"busy")
    c = client(kpkg, server.url, maxRetries=10, retryBackoff=0.4, requestTimeout=1.0)
    start = time.monotonic()
    with pytest.raises(client_error(kpkg)) as info:
        c.media.count()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_READ_TIMEOUT
    assert time.monotonic() - start < 1.5
    assert 1 < len(server.requests) < 4  # 0.4 + 0.8 would pass the limit


def test_the_async_client_has_the_same_size_limit_and_retry_rule(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    from .test_runtime_async import async_client

    bomb = gzip_bomb(64 << 20)
    server.replies.append(
        (200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, bomb)
    )

    async def bombed() -> None:
        async with async_client(kpkg, server.url, maxResponseSize=1 << 20) as c:
            await c.media.count()

    with pytest.raises(client_error(kpkg)) as info:
        asyncio.run(bombed())
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_RESPONSE_TOO_LARGE

    server.reset()
    server.handler = lambda rec: (0, {}, b"")

    async def dropped(service: str, action: str) -> None:
        async with async_client(kpkg, server.url, maxRetries=2) as c:
            await c._acall(spec(kpkg, service, action), ())

    for service, action, attempts in (("batch", "getExclusiveJobs", 1), ("media", "get", 3)):
        server.requests.clear()
        with pytest.raises(client_error(kpkg)):
            asyncio.run(dropped(service, action))
        assert len(server.requests) == attempts, (service, action)
