"""The official client's low-level API, kept for code written against KalturaApiClient:
queueServiceActionCall/doQueue/getServeUrl/getRequestParams, error helpers, factories,
remove_data_content, Base.getXmlNode*."""

from __future__ import annotations

import json
import types
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from .conftest import KalturaTestServer, run_official


def client(kpkg: types.SimpleNamespace, url: str, **kw: Any) -> Any:
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(url, **kw))
    c.setClientTag("python-26-04-26")
    c.clientConfiguration["apiVersion"] = "22.18.0"
    return c


def test_queue_and_do_queue_like_official(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url, ignoreNull=False)
    c.setKs("KS")
    params = kpkg.Base.KalturaParams()
    params.put("entryId", "0_x")
    params.put("version")
    c.queueServiceActionCall("media", "get", "KalturaMediaEntry", params)
    server.reply_xml("<objectType>KalturaMediaEntry</objectType><id>0_x</id>")
    node = c.doQueue()
    entry = kpkg.Base.KalturaObjectFactory.create(node, "KalturaMediaEntry")
    assert type(entry) is kpkg.Core.KalturaMediaEntry and entry.id == "0_x"
    theirs = run_official(
        "import json\n"
        "from KalturaClient import KalturaClient, KalturaConfiguration\n"
        "from KalturaClient.Base import KalturaParams\n"
        "c = KalturaClient(KalturaConfiguration('" + server.url + "'))\n"
        "c.setKs('KS')\n"
        "p = KalturaParams(); p.put('entryId', '0_x'); p.put('version')\n"
        "c.queueServiceActionCall('media', 'get', 'KalturaMediaEntry', p)\n"
        "url, params, files = c.getRequestParams()\n"
        "print(json.dumps([url, json.dumps(params.get())]))\n"
    )
    sent = server.requests[0]
    assert server.url + sent.path == theirs[0]
    assert sent.body.decode() == theirs[1]
    assert sent.headers["Accept"] == "text/xml"


def test_get_request_params_and_serve_url(kpkg: types.SimpleNamespace) -> None:
    c = client(kpkg, "http://h")
    params = kpkg.Base.KalturaParams()
    params.put("id", 5)
    c.queueServiceActionCall("fileasset", "serve", None, params)
    url, kparams, files = c.getRequestParams()
    assert url == "http://h/api_v3/service/fileasset/action/serve"
    assert kparams.get()["id"] == "5" and "kalsig" in kparams.get() and files == {}
    assert c.getServeUrl().startswith("http://h/api_v3/service/fileasset/action/serve?")
    with pytest.raises(kpkg.exceptions.KalturaClientException):
        c.getServeUrl()  # nothing queued any more


def test_error_helpers_and_xml_helpers(kpkg: types.SimpleNamespace) -> None:
    c = client(kpkg, "http://h")
    node = ET.fromstring("<result><error><code>C</code><message>M</message></error></result>")
    error = c.getExceptionIfError(node)
    assert error.code == "C" and error.message == "M"
    with pytest.raises(kpkg.exceptions.KalturaException):
        c.throwExceptionIfError(node)
    assert c.getExceptionIfError(ET.fromstring("<result>1</result>")) is None
    base = kpkg.Base
    assert base.getXmlNodeInt(ET.fromstring("<a>12</a>")) == 12
    assert base.getXmlNodeInt(ET.fromstring("<a/>")) is None
    assert base.getXmlNodeBool(ET.fromstring("<a>true</a>")) is True
    assert base.getXmlNodeFloat(ET.fromstring("<a>1.5</a>")) == 1.5
    assert base.getXmlNodeText(ET.fromstring("<a/>")) == ""
    assert c.hash(b"abc").hex() == "a9993e364706816aba3e25717850c26c9cd0d89d"


def test_remove_data_content(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    config = kpkg.Base.KalturaConfiguration(server.url, format=2)
    c = kpkg.Client.KalturaClient(config, remove_data_content=True)
    server.reply(
        b"<xml><result><objectType>KalturaMediaEntry</objectType><id>1</id>"
        b"<dataContent>\xff\xfe binary</dataContent></result></xml>"
    )
    assert c.media.get("1").id == "1"
    assert json.loads(server.requests[0].body)["entryId"] == "1"
