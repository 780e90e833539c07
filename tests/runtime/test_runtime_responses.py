"""Response parsing over a real local HTTP server, XML (format=2) and JSON (format=1):
polymorphism, unknown types, arrays, maps, nested objects, relatedObjects, nulls, isTime,
enums, simple results, errors with arguments, HTTP failures, malformed documents."""

from __future__ import annotations

import datetime
import types
from typing import Any

import pytest

from .conftest import KalturaTestServer

ENTRY_XML = (
    "<objectType>KalturaMediaEntry</objectType><id>0_abc</id><name>caf\u00e9 &amp; &lt;b&gt;</name>"
    "<description></description><partnerId>42</partnerId><status>2</status>"
    "<createdAt>1700000000</createdAt><rank>3.5</rank><blockAutoTranscript>1</blockAutoTranscript>"
    "<mediaType>1</mediaType><plays>7</plays><unknownNewField>x</unknownNewField>"
    "<streams><item><objectType>KalturaStreamContainer</objectType><id>a</id></item>"
    "<item><objectType>KalturaStreamContainer</objectType><id>b</id><trackIndex>2</trackIndex>"
    "</item></streams>"
    "<operationAttributes><item><objectType>KalturaClipAttributes</objectType><offset>5</offset>"
    "</item><item><objectType>KalturaCropAttributesFromTheFuture</objectType></item>"
    "</operationAttributes>"
    "<relatedObjects><item><objectType>KalturaListResponse</objectType><itemKey>rel</itemKey>"
    "<totalCount>3</totalCount></item><item><objectType>KalturaMediaListResponse</objectType>"
    "<itemKey>k1</itemKey><totalCount>1</totalCount></item></relatedObjects>"
)
ENTRY_JSON: dict[str, Any] = {
    "objectType": "KalturaMediaEntry",
    "id": "0_abc",
    "name": "caf\u00e9 & <b>",
    "description": "",
    "partnerId": 42,
    "status": "2",
    "createdAt": 1700000000,
    "rank": 3.5,
    "blockAutoTranscript": True,
    "mediaType": 1,
    "plays": 7,
    "unknownNewField": "x",
    "streams": [
        {"objectType": "KalturaStreamContainer", "id": "a"},
        {"objectType": "KalturaStreamContainer", "id": "b", "trackIndex": 2},
    ],
    "operationAttributes": [
        {"objectType": "KalturaClipAttributes", "offset": 5},
        {"objectType": "KalturaCropAttributesFromTheFuture"},
    ],
    "relatedObjects": {
        "rel": {"objectType": "KalturaListResponse", "totalCount": 3},
        "k1": {"objectType": "KalturaMediaListResponse", "totalCount": 1},
    },
}

FORMATS = [2, 1]


def client(kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int) -> Any:
    config = kpkg.Base.KalturaConfiguration(server.url, format=fmt, maxRetries=0)
    return kpkg.Client.KalturaClient(config)


def reply(server: KalturaTestServer, fmt: int, xml: str, value: Any) -> None:
    if fmt == 2:
        server.reply_xml(xml)
    else:
        server.reply_json(value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_object_with_everything(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    core = kpkg.Core
    reply(server, fmt, ENTRY_XML, ENTRY_JSON)
    entry = client(kpkg, server, fmt).media.get("0_abc")
    assert type(entry) is core.KalturaMediaEntry
    assert entry.id == "0_abc" and entry.name == "caf\u00e9 & <b>" and entry.description == ""
    assert entry.partnerId == 42 and entry.plays == 7 and entry.rank == 3.5
    assert entry.blockAutoTranscript is True
    assert entry.mediaType == core.KalturaMediaType.VIDEO and entry.mediaType == 1
    assert type(entry.mediaType) is core.KalturaMediaType
    assert (
        entry.status == core.KalturaEntryStatus.READY
        and type(entry.status) is core.KalturaEntryStatus
    )
    assert entry.createdAt == 1700000000
    assert entry.get_datetime("createdAt") == datetime.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc
    )
    assert [s.id for s in entry.streams] == ["a", "b"] and entry.streams[1].trackIndex == 2
    assert type(entry.streams[0]) is core.KalturaStreamContainer
    assert entry.streams[0].trackIndex is NotImplemented
    # an array of an abstract class: a known subclass is typed as itself, an unknown
    # objectType falls back to the declared type
    clip, future = entry.operationAttributes
    assert type(clip) is core.KalturaClipAttributes and clip.offset == 5
    assert type(future) is core.KalturaOperationAttributes
    # a map of objects, in the server's order, each item of its own (sub)class
    assert list(entry.relatedObjects) == ["rel", "k1"]
    rel = entry.relatedObjects["rel"]
    assert type(rel) is core.KalturaListResponse and rel.totalCount == 3
    k1 = entry.relatedObjects["k1"]
    assert type(k1) is core.KalturaMediaListResponse and k1.totalCount == 1
    # not in the response -> unset, exactly as the official client
    assert entry.creditUserName is NotImplemented and entry.tags is NotImplemented
    assert not hasattr(entry, "unknownNewField")
    path = server.requests[0].path
    assert path == "/api_v3/service/media/action/get"


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_object_from_both_formats(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    server.reply_xml(ENTRY_XML)
    from_xml = client(kpkg, server, 2).media.get("x")
    server.reply_json(ENTRY_JSON)
    from_json = client(kpkg, server, 1).media.get("x")
    assert from_xml == from_json
    assert from_xml.to_dict() == from_json.to_dict()
    assert from_xml.to_dict()["streams"][0] == {"objectType": "KalturaStreamContainer", "id": "a"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_polymorphic_list(kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int) -> None:
    core = kpkg.Core
    xml = (
        "<objectType>KalturaMediaListResponse</objectType><objects>"
        "<item><objectType>KalturaMediaEntry</objectType><id>1</id></item>"
        "<item><objectType>KalturaPlayableEntry</objectType><id>2</id></item>"
        "<item><objectType>KalturaSomethingNew</objectType><id>3</id></item>"
        "</objects><totalCount>3</totalCount>"
    )
    value = {
        "objectType": "KalturaMediaListResponse",
        "totalCount": 3,
        "objects": [
            {"objectType": "KalturaMediaEntry", "id": "1"},
            {"objectType": "KalturaPlayableEntry", "id": "2"},
            {"objectType": "KalturaSomethingNew", "id": "3"},
        ],
    }
    reply(server, fmt, xml, value)
    result = client(kpkg, server, fmt).media.list()
    assert type(result) is core.KalturaMediaListResponse and result.totalCount == 3
    # PlayableEntry is not a MediaEntry (the declared item type): falls back to the declared one
    assert [type(o).__name__ for o in result.objects] == ["KalturaMediaEntry"] * 3
    assert [o.id for o in result.objects] == ["1", "2", "3"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_nulls(kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int) -> None:
    xml = (
        "<objectType>KalturaMediaEntry</objectType><name></name><partnerId></partnerId>"
        "<mediaType></mediaType><blockAutoTranscript></blockAutoTranscript><rank></rank>"
    )
    value = {
        "objectType": "KalturaMediaEntry",
        "name": None,
        "partnerId": None,
        "mediaType": None,
        "blockAutoTranscript": None,
        "rank": None,
    }
    reply(server, fmt, xml, value)
    entry = client(kpkg, server, fmt).media.get("x")
    assert entry.partnerId is None and entry.mediaType is None
    assert entry.blockAutoTranscript is None
    assert entry.rank is None
    assert entry.name == ("" if fmt == 2 else None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_nested_object_of_an_unknown_type(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    core = kpkg.Core
    reply(
        server,
        fmt,
        "<objectType>KalturaLoginResponse</objectType><loginSession>"
        "<objectType>KalturaLoginSessionFromTheFuture</objectType><ks>K</ks>"
        "<expiry>1700000000</expiry></loginSession>",
        {
            "objectType": "KalturaLoginResponse",
            "loginSession": {
                "objectType": "KalturaLoginSessionFromTheFuture",
                "ks": "K",
                "expiry": 1700000000,
            },
        },
    )
    response = client(kpkg, server, fmt).ottUser.login(7, "u", "p")
    assert type(response) is core.KalturaLoginResponse
    # an object field whose objectType this client does not know: the declared type
    session = response.loginSession
    assert type(session) is core.KalturaLoginSession
    assert session.ks == "K" and session.expiry == 1700000000


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("call", "xml", "value", "expected"),
    [
        ("media.count", "17", 17, 17),
        ("system.ping", "1", True, True),
        ("system.ping", "0", False, False),
        ("system.getVersion", "hello", "hello", "hello"),
        ("ottUser.getServerTime", "1700000000123", 1700000000123, 1700000000123),
        ("media.delete", "", None, None),
        ("media.getMediaType", "5", 5, "KalturaMediaType.AUDIO"),
        ("media.getMediaType", "77", 77, "KalturaMediaType(77)"),
    ],
)
def test_simple_results(
    kpkg: types.SimpleNamespace,
    server: KalturaTestServer,
    fmt: int,
    call: str,
    xml: str,
    value: Any,
    expected: Any,
) -> None:
    reply(server, fmt, xml, value)
    service, action = call.split(".")
    method = getattr(getattr(client(kpkg, server, fmt), service), action)
    result = method("x") if action in ("delete", "getMediaType") else method()
    if isinstance(expected, str) and expected.startswith("KalturaMediaType"):
        enum = kpkg.Core.KalturaMediaType
        expected = enum.AUDIO if expected.endswith("AUDIO") else enum(77)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("fmt", FORMATS)
def test_array_and_map_results(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    core = kpkg.Core
    reply(
        server,
        fmt,
        "<item><objectType>KalturaMediaEntry</objectType><id>a</id></item>"
        "<item><objectType>KalturaBaseEntry</objectType><id>b</id></item>",
        [
            {"objectType": "KalturaMediaEntry", "id": "a"},
            {"objectType": "KalturaBaseEntry", "id": "b"},
        ],
    )
    entries = client(kpkg, server, fmt).baseEntry.getByIds("a,b")
    assert [e.id for e in entries] == ["a", "b"]
    assert [type(e) for e in entries] == [core.KalturaMediaEntry, core.KalturaBaseEntry]
    reply(
        server,
        fmt,
        "<item><itemKey>z</itemKey><objectType>KalturaStringValue</objectType><value>b</value>"
        "</item>",
        {"z": {"objectType": "KalturaStringValue", "value": "b"}},
    )
    mapping = client(kpkg, server, fmt).ottUser.getDynamicData([core.KalturaStringValue(value="z")])
    assert list(mapping) == ["z"] and mapping["z"].value == "b"
    assert type(mapping["z"]) is core.KalturaStringValue


@pytest.mark.parametrize("fmt", FORMATS)
def test_api_error_with_args(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    xml = (
        "<error><objectType>KalturaAPIException</objectType><code>ENTRY_ID_NOT_FOUND</code>"
        '<message>Entry id "0_x" not found</message><args><item><objectType>KalturaApiExceptionArg'
        "</objectType><name>ENTRY_ID</name><value>0_x</value></item></args></error>"
    )
    value = {
        "objectType": "KalturaAPIException",
        "code": "ENTRY_ID_NOT_FOUND",
        "message": 'Entry id "0_x" not found',
        "args": [{"objectType": "KalturaApiExceptionArg", "name": "ENTRY_ID", "value": "0_x"}],
    }
    reply(server, fmt, xml, value)
    with pytest.raises(kpkg.exceptions.KalturaException) as info:
        client(kpkg, server, fmt).media.get("0_x")
    assert info.value.code == "ENTRY_ID_NOT_FOUND"
    assert info.value.message == 'Entry id "0_x" not found'
    assert info.value.args == {"ENTRY_ID": "0_x"} and info.value.arguments == {"ENTRY_ID": "0_x"}
    assert str(info.value) == 'Entry id "0_x" not found (ENTRY_ID_NOT_FOUND)'


def test_execution_time_and_headers(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_xml("3")
    c = client(kpkg, server, 2)
    assert c.media.count() == 3
    assert c.executionTime == pytest.approx(0.0123)
    assert c.responseHeaders["Content-Type"] == "text/xml"
    sent = server.requests[0]
    assert (
        sent.headers["Accept"] == "text/xml" and sent.headers["Content-Type"] == "application/json"
    )
    assert sent.headers["Accept-Encoding"] == "gzip"


@pytest.mark.parametrize(
    ("status", "content_type", "body", "code", "needle"),
    [
        (500, "text/html", b"<html><body>Internal Server Error</body></html>", -11, "HTTP 500"),
        (503, "text/plain", b"busy", -11, "HTTP 503"),
        (404, "text/html", b"<!DOCTYPE html><html>not found</html>", -11, "HTTP 404"),
        (200, "text/html", b"<!DOCTYPE html><html>proxy login</html>", -2, "HTML page"),
        (
            200,
            "text/xml",
            b"<xml><result><objectType>KalturaMediaEntry</objectType><id>1",
            -2,
            "Invalid XML",
        ),
        (200, "text/xml", b"", -2, "Invalid XML"),
        (200, "text/xml", b"<xml><nothing/></xml>", -8, "result node"),
        (
            200,
            "text/xml",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            b"<xml><result>&a;</result></xml>",
            -2,
            "DTD",
        ),
        (
            200,
            "text/xml",
            b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd"><xml><result/></xml>',
            -2,
            "DTD",
        ),
    ],
)
def test_http_and_xml_failures(
    kpkg: types.SimpleNamespace,
    server: KalturaTestServer,
    status: int,
    content_type: str,
    body: bytes,
    code: int,
    needle: str,
) -> None:
    server.reply(body, status, content_type)
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        client(kpkg, server, 2).media.get("x")
    assert info.value.code == code, info.value
    assert needle in str(info.value)


@pytest.mark.parametrize(
    "body", [b'{"objectType": "KalturaMediaEntry", "id": "1"', b"", b"nan-sense"]
)
def test_json_failures(kpkg: types.SimpleNamespace, server: KalturaTestServer, body: bytes) -> None:
    server.reply(body, 200, "application/json")
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        client(kpkg, server, 1).media.get("x")
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_JSON
    assert "Invalid JSON" in str(info.value)


def test_ott_style_wrapped_json(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_json(
        {"executionTime": 0.5, "result": {"objectType": "KalturaMediaEntry", "name": "t"}}
    )
    c = client(kpkg, server, 1)
    assert c.media.get("x").name == "t"
    assert c.executionTime == 0.5
    server.reply_json(
        {
            "executionTime": 0.5,
            "result": {
                "error": {"objectType": "KalturaAPIException", "code": "500003", "message": "boom"}
            },
        }
    )
    with pytest.raises(kpkg.exceptions.KalturaException) as info:
        c.media.get("x")
    assert info.value.code == "500003"


def test_exceptions_pickle_and_format(kpkg: types.SimpleNamespace) -> None:
    import copy
    import pickle
    import traceback

    exc = kpkg.exceptions.KalturaException("Entry not found", "ENTRY_ID_NOT_FOUND", {"ID": "1"})
    again = pickle.loads(pickle.dumps(exc))
    assert (again.message, again.code, again.args) == (exc.message, exc.code, {"ID": "1"})
    assert copy.copy(exc).arguments == {"ID": "1"}
    assert "Entry not found (ENTRY_ID_NOT_FOUND)" in "".join(
        traceback.format_exception_only(type(exc), exc)
    )
    client_exc = kpkg.exceptions.KalturaClientException("boom", -11, 503)
    again2 = pickle.loads(pickle.dumps(client_exc))
    assert (again2.code, again2.status, str(again2)) == (-11, 503, "boom (-11)")


@pytest.mark.parametrize("fmt", FORMATS)
def test_objects_and_maps_that_look_like_errors_or_wrappers(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    # an object whose property is named "error" (with code/message inside) is not an error
    reply(
        server,
        fmt,
        "<objectType>KalturaMediaEntry</objectType><error><code>X</code><message>m</message>"
        "</error><id>1</id>",
        {"objectType": "KalturaMediaEntry", "id": "1", "error": {"code": "X", "message": "m"}},
    )
    assert client(kpkg, server, fmt).media.get("1").id == "1"
    # a map result with a key named "result" is not an OTT wrapper
    reply(
        server,
        fmt,
        "<item><itemKey>result</itemKey><objectType>KalturaStringValue</objectType>"
        "<value>r</value></item>",
        {"result": {"objectType": "KalturaStringValue", "value": "r"}},
    )
    mapping = client(kpkg, server, fmt).ottUser.getDynamicData([])
    assert mapping["result"].value == "r"


def test_unsupported_format_rejected_before_sending(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server, 3)
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.media.count()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_FORMAT_NOT_SUPPORTED
    assert server.requests == []
