"""Request building: body layout, scalars, nulls, nested objects, arrays, maps, serve URLs,
compared with the official client's output for the same calls."""

from __future__ import annotations

import hashlib
import json
import types
from typing import Any

from .conftest import run_official


def _client(kpkg: types.SimpleNamespace, fmt: int = 2, ignore_null: bool = False) -> Any:
    config = kpkg.Base.KalturaConfiguration("http://h.example", format=fmt, ignoreNull=ignore_null)
    client = kpkg.Client.KalturaClient(config)
    client.setClientTag("python-26-04-26")
    client.clientConfiguration["apiVersion"] = "22.18.0"
    return client


def test_body_layout_and_kalsig(kpkg: types.SimpleNamespace) -> None:
    client = _client(kpkg)
    client.setKs("KS123")
    client.setPartnerId(42)
    core = kpkg.Core
    flt = core.KalturaMediaEntryFilter(
        nameLike='a\u00e9"b', mediaTypeEqual=core.KalturaMediaType.VIDEO
    )
    url, body, files = client.build_request(
        core._A_media__list, (flt, core.KalturaFilterPager(pageSize=5))
    )
    assert url == "http://h.example/api_v3/service/media/action/list"
    assert files == {}
    data = json.loads(body)
    assert list(data) == [
        "clientTag",
        "apiVersion",
        "format",
        "filter",
        "pager",
        "ks",
        "partnerId",
        "kalsig",
    ]
    # nested keys sorted, objectType of the most derived class, scalars as strings
    assert data["filter"] == {
        "mediaTypeEqual": "1",
        "nameLike": 'a\u00e9"b',
        "objectType": "KalturaMediaEntryFilter",
    }
    assert list(data["filter"]) == sorted(data["filter"])
    assert data["partnerId"] == "42" and data["format"] == "2"
    # kalsig is the MD5 of the JSON text of everything before it
    unsigned = dict(data)
    del unsigned["kalsig"]
    assert data["kalsig"] == hashlib.md5(json.dumps(unsigned).encode()).hexdigest()
    assert body == json.dumps(data)


def test_nulls_empty_arrays_maps_unset_and_readonly(kpkg: types.SimpleNamespace) -> None:
    core = kpkg.Core
    entry = core.KalturaMediaEntry(
        name=None,
        description="",
        multiLingual_name=[],
        blockAutoTranscript=False,
        licenseType=0,
        id="readonly-not-sent",
    )
    assert entry.toParams().get() == {
        "objectType": "KalturaMediaEntry",
        "name__null": "",
        "description": "",
        "licenseType": "0",
        "blockAutoTranscript": "False",
        "multiLingual_name": {"-": ""},
    }
    # an empty map, a null object (and an unset one) on the sample's map/object fields
    constraints = core.KalturaSampleConstraints(dynamicData={}, extra=None)
    assert constraints.toParams().get() == {
        "objectType": "KalturaSampleConstraints",
        "dynamicData": {"-": ""},
        "extra__null": "",
    }
    profile = core.KalturaDetachedResponseProfile(name="p", pager=None)
    assert profile.toParams().get() == {
        "objectType": "KalturaDetachedResponseProfile",
        "name": "p",
        "pager__null": "",
    }
    # the Python keyword `not` is the attribute `not_`, sent under its wire name;
    # the read-only `type` is not sent
    condition = core.KalturaSampleRedeclaringCondition(type="readonly-not-sent", not_=True)
    assert condition.toParams().get() == {
        "objectType": "KalturaSampleRedeclaringCondition",
        "not": "True",
    }


def test_arrays_maps_and_nested_objects(kpkg: types.SimpleNamespace) -> None:
    core = kpkg.Core
    entry = core.KalturaMediaEntry(
        multiLingual_name=[
            core.KalturaMultiLingualString("en", "x"),
            core.KalturaMultiLingualString(value="y"),
        ],
        mediaType=core.KalturaMediaType(99),
    )
    wire = entry.toParams().get()
    assert wire["multiLingual_name"] == [
        {"objectType": "KalturaMultiLingualString", "language": "en", "value": "x"},
        {"objectType": "KalturaMultiLingualString", "value": "y"},
    ]
    assert wire["mediaType"] == "99"
    constraints = core.KalturaSampleConstraints(
        dynamicData={"k": core.KalturaStringValue(value="3")},
        extra=core.KalturaFilterPager(7),  # a field typed as any object
    )
    wire = constraints.toParams().get()
    assert wire["dynamicData"] == {"k": {"objectType": "KalturaStringValue", "value": "3"}}
    assert wire["extra"] == {"objectType": "KalturaFilterPager", "pageSize": "7"}
    profile = core.KalturaDetachedResponseProfile(pager=core.KalturaFilterPager(5))
    assert profile.toParams().get()["pager"] == {
        "objectType": "KalturaFilterPager",
        "pageSize": "5",
    }


def test_action_params_none_unset_bytes(kpkg: types.SimpleNamespace) -> None:
    client = _client(kpkg)
    core = kpkg.Core
    _, body, _ = client.build_request(core._A_media__get, (b"0_abc", None))
    data = json.loads(body)
    assert data["entryId"] == "0_abc" and data["version__null"] == ""
    _, body, _ = client.build_request(core._A_media__list, (NotImplemented, NotImplemented))
    assert "filter" not in json.loads(body) and "pager" not in json.loads(body)


def test_ignore_null_and_default_format(kpkg: types.SimpleNamespace) -> None:
    client = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration("http://h"))
    _, body, _ = client.build_request(kpkg.Core._A_media__delete, ("x",))
    data = json.loads(body)
    assert data["format"] == "1" and data["ignoreNull"] == "1"
    assert list(data)[:4] == ["clientTag", "apiVersion", "format", "ignoreNull"]


def test_response_profile_is_volatile(kpkg: types.SimpleNamespace) -> None:
    client = _client(kpkg)
    client.setKs("k")
    client.setResponseProfile(kpkg.Core.KalturaDetachedResponseProfile(name="rp"))
    client.startMultiRequest()
    client.media.get("a")
    client.media.get("b")
    first, second = client._queue
    assert first.params["responseProfile"] == {
        "objectType": "KalturaDetachedResponseProfile",
        "name": "rp",
    }
    assert "responseProfile" not in second.params and second.params["ks"] == "k"
    client._queue = None


def test_serve_url_like_official(kpkg: types.SimpleNamespace) -> None:
    client = _client(kpkg)
    client.setKs("KS")
    # serve actions (file results) return their URL: string, bool and int parameters
    urls = [
        client.document.documents.serve("0_x", "0_fl", True),
        client.document.documents.serve("0_x"),
        client.media.getVolumeMap("0_x", 3),
    ]
    expected = run_official(
        "import json\n"
        "from KalturaClient import KalturaClient, KalturaConfiguration\n"
        "c = KalturaClient(KalturaConfiguration('http://h.example'))\n"
        "c.setKs('KS')\n"
        "print(json.dumps([c.document.documents.serve('0_x', '0_fl', True),\n"
        "    c.document.documents.serve('0_x'), c.media.getVolumeMap('0_x', 3)]))\n"
    )
    assert urls == expected
    assert urls[0].startswith("http://h.example/api_v3/service/document_documents/action/serve?")


def test_bodies_equal_official_for_same_calls(kpkg: types.SimpleNamespace) -> None:
    """Our body bytes equal the official client's for the same objects and call."""
    client = _client(kpkg)
    client.setKs("KS")
    client.setPartnerId(7)
    core = kpkg.Core
    flt = core.KalturaMediaEntryFilter(
        orderBy="+createdAt",
        idIn="a,b",
        nameLike=None,
        statusEqual=core.KalturaEntryStatus.READY,
        mediaTypeEqual=core.KalturaMediaType.IMAGE,
    )
    ours_list = client.build_request(core._A_media__list, (flt, core.KalturaFilterPager(10, 2)))[1]
    entry = core.KalturaMediaEntry(
        name="n\u00fc",
        description=None,
        tags="t1,t2",
        licenseType=-1,
        blockAutoTranscript=1,
        mediaType=core.KalturaMediaType.VIDEO,
        sourceType=core.KalturaSourceType.URL,
        referenceId="5",
    )
    ours_add = client.build_request(core._A_media__add, (entry,))[1]
    theirs = run_official(
        "import json\n"
        "from unittest import mock\n"
        "from KalturaClient import KalturaClient, KalturaConfiguration\n"
        "from KalturaClient.Plugins.Core import *\n"
        "bodies = []\n"
        "class R:\n"
        "    headers = {}\n"
        "    content = b'<xml><result></result></xml>'\n"
        "def post(url, json=None, headers=None, timeout=None, **kw):\n"
        "    import json as j\n"
        "    bodies.append(j.dumps(json))\n"
        "    return R()\n"
        "c = KalturaClient(KalturaConfiguration('http://h.example'))\n"
        "c.setKs('KS'); c.setPartnerId(7)\n"
        "with mock.patch('requests.post', post):\n"
        "    f = KalturaMediaEntryFilter(orderBy='+createdAt', idIn='a,b', nameLike=None,\n"
        "        statusEqual=KalturaEntryStatus.READY, mediaTypeEqual=KalturaMediaType.IMAGE)\n"
        "    c.media.list(f, KalturaFilterPager(10, 2))\n"
        "    e = KalturaMediaEntry(name='n\\u00fc', description=None, tags='t1,t2',\n"
        "        licenseType=-1,\n"
        "        blockAutoTranscript=1, mediaType=KalturaMediaType.VIDEO,\n"
        "        sourceType=KalturaSourceType.URL, referenceId='5')\n"
        "    c.media.add(e)\n"
        "print(json.dumps(bodies))\n"
    )
    assert [ours_list, ours_add] == theirs
