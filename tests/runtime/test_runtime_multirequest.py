"""Multi-request: body like the official client, `{N:result:path}` references, typed results,
per-item errors as exception instances, abortOnError, enableInMultiRequest=0 rejected."""

from __future__ import annotations

import json
import types
from typing import Any

import pytest

from .conftest import KalturaTestServer, run_official


def client(kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int) -> Any:
    config = kpkg.Base.KalturaConfiguration(server.url, format=fmt, maxRetries=0, ignoreNull=False)
    c = kpkg.Client.KalturaClient(config)
    c.setClientTag("python-26-04-26")
    c.clientConfiguration["apiVersion"] = "22.18.0"
    return c


def test_body_like_official(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    c = client(kpkg, server, 2)
    c.setKs("KS")
    c.startMultiRequest()
    entry = c.media.get("0_a")
    assert str(entry) == "{1:result}" and str(entry.id) == "{1:result:id}"
    c.media.list(kpkg.Core.KalturaMediaEntryFilter(idIn=entry.id))
    c.media.delete(entry.objects[0].id)
    server.reply_xml("<item><objectType>KalturaMediaEntry</objectType></item><item>1</item><item/>")
    c.doMultiRequest()
    sent = server.requests[0]
    assert sent.path == "/api_v3/service/multirequest"
    theirs = run_official(
        "import json\n"
        "from unittest import mock\n"
        "from KalturaClient import KalturaClient, KalturaConfiguration\n"
        "from KalturaClient.Plugins.Core import *\n"
        "bodies = []\n"
        "class R:\n"
        "    headers = {}\n"
        "    content = b'<xml><result><item>1</item><item>1</item><item>1</item></result></xml>'\n"
        "def post(url, json=None, headers=None, timeout=None, **kw):\n"
        "    import json as j\n"
        "    bodies.append([url, j.dumps(json)])\n"
        "    return R()\n"
        "c = KalturaClient(KalturaConfiguration('http://h.example'))\n"
        "c.setKs('KS')\n"
        "with mock.patch('requests.post', post):\n"
        "    c.startMultiRequest()\n"
        "    e = c.media.get('0_a')\n"
        "    c.media.list(KalturaMediaEntryFilter(idIn=e.id))\n"
        "    c.media.delete(e.objects[0].id)\n"
        "    c.doMultiRequest()\n"
        "print(json.dumps(bodies[0]))\n"
    )
    assert theirs[0] == "http://h.example/api_v3/service/multirequest"
    # the official sends version=-1 (its default) for media.get; so does the generated method
    assert sent.body.decode() == theirs[1]
    data = json.loads(sent.body)
    assert data["1"]["filter"]["idIn"] == "{1:result:id}"
    assert data["2"]["entryId"] == "{1:result:objects:0:id}"


@pytest.mark.parametrize("fmt", [2, 1])
def test_typed_results_and_item_errors(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    c = client(kpkg, server, fmt)
    c.startMultiRequest()
    c.media.count()
    c.system.ping()
    c.media.get("x")
    c.media.get("missing")
    c.media.getMediaType("x")
    c.baseEntry.getByIds("t")
    c.media.delete("x")
    if fmt == 2:
        server.reply_xml(
            "<item>12</item><item>0</item>"
            "<item><objectType>KalturaMediaEntry</objectType><id>x</id><mediaType>2</mediaType></item>"
            "<item><error><objectType>KalturaAPIException</objectType><code>ENTRY_ID_NOT_FOUND</code>"
            "<message>nope</message><args><item><objectType>KalturaApiExceptionArg</objectType>"
            "<name>ENTRY_ID</name><value>missing</value></item></args></error></item>"
            "<item>5</item><item><item><objectType>KalturaMediaEntry</objectType><id>t</id></item></item>"
            "<item></item>"
        )
    else:
        server.reply_json(
            [
                12,
                False,
                {"objectType": "KalturaMediaEntry", "id": "x", "mediaType": 2},
                {
                    "objectType": "KalturaAPIException",
                    "code": "ENTRY_ID_NOT_FOUND",
                    "message": "nope",
                    "args": [
                        {
                            "objectType": "KalturaApiExceptionArg",
                            "name": "ENTRY_ID",
                            "value": "missing",
                        }
                    ],
                },
                5,
                [{"objectType": "KalturaMediaEntry", "id": "t"}],
                None,
            ]
        )
    count, pong, entry, error, mtype, entries, void = c.doMultiRequest()
    assert count == 12 and type(count) is int
    assert pong is False
    assert (
        type(entry) is kpkg.Core.KalturaMediaEntry
        and entry.mediaType == kpkg.Core.KalturaMediaType.IMAGE
    )
    assert isinstance(error, kpkg.exceptions.KalturaException)
    assert error.code == "ENTRY_ID_NOT_FOUND" and error.args == {"ENTRY_ID": "missing"}
    assert type(mtype) is kpkg.Core.KalturaMediaType and mtype == 5
    assert [e.id for e in entries] == ["t"]
    assert type(entries[0]) is kpkg.Core.KalturaMediaEntry
    assert void is None
    assert not c.isMultiRequest()


def test_abort_on_error(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    c = client(kpkg, server, 1)
    c.startMultiRequest(abortOnError=True)
    c.media.count()
    c.media.get("missing")
    server.reply_json([3, {"objectType": "KalturaAPIException", "code": "E", "message": "m"}])
    with pytest.raises(kpkg.exceptions.KalturaException) as info:
        c.doMultiRequest()
    assert info.value.code == "E"
    assert json.loads(server.requests[0].body)["abortOnError"] == "1"
    assert not c.isMultiRequest()


def test_not_in_multirequest_rejected_before_sending(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server, 1)
    c.startMultiRequest()
    # enableInMultiRequest="0" in the schema
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.ottUser.getDynamicData([])
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_NOT_IN_MULTI_REQUEST
    assert "ottuser.getDynamicData" in str(info.value)
    # serve actions (file results) return a URL: never queued
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.document.documents.serve("x")
    assert "document_documents.serve" in str(info.value)
    with pytest.raises(kpkg.exceptions.KalturaClientException):
        c.media.getVolumeMap("x")
    assert c.doMultiRequest() == []
    assert server.requests == []


def test_result_count_mismatch(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    c = client(kpkg, server, 1)
    c.startMultiRequest()
    c.media.count()
    c.media.count()
    server.reply_json([1])
    with pytest.raises(kpkg.exceptions.KalturaClientException, match="1 results for 2 calls"):
        c.doMultiRequest()


@pytest.mark.filterwarnings("ignore:media.upload is deprecated:DeprecationWarning")
def test_files_in_multirequest(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    c = client(kpkg, server, 1)
    c.startMultiRequest()
    c.media.count()
    c.media.upload(b"DATA")
    server.reply_json([1, "tok"])
    assert c.doMultiRequest() == [1, "tok"]
    form = server.requests[0].form()
    assert form["1:fileData"][1] == b"DATA"
    assert json.loads(form["json"][1])["1"]["action"] == "upload"
