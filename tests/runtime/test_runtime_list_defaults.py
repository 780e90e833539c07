"""`ALWAYS_LIST` fields (generated for `objects` of list responses) parse as a list even when
the server leaves them out or sends null, so generated code can type them `list[X]`; other
array fields keep unset-vs-null."""

from __future__ import annotations

import types

import pytest

from .conftest import KalturaTestServer


@pytest.mark.parametrize(
    ("fmt", "body"),
    [
        (1, '{"objectType": "KalturaMediaListResponse", "totalCount": 0}'),
        (1, '{"objectType": "KalturaMediaListResponse", "objects": null}'),
        (2, "<objectType>KalturaMediaListResponse</objectType><totalCount>0</totalCount>"),
    ],
)
def test_missing_or_null_objects_parse_as_an_empty_list(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int, body: str
) -> None:
    if fmt == 1:
        server.reply(body, content_type="application/json")
    else:
        server.reply_xml(body)
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(server.url, format=fmt))
    result = c.media.list()
    assert type(result) is kpkg.Core.KalturaMediaListResponse
    assert result.objects == [] and type(result.objects) is list


@pytest.mark.parametrize(
    ("fmt", "body", "expected"),
    [
        (1, '{"objectType": "KalturaMediaEntry", "id": "0_a"}', NotImplemented),
        (1, '{"objectType": "KalturaMediaEntry", "streams": null}', None),
        (2, "<objectType>KalturaMediaEntry</objectType><id>0_a</id>", NotImplemented),
    ],
)
def test_an_ordinary_array_keeps_unset_and_null(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, fmt: int, body: str, expected: object
) -> None:
    if fmt == 1:
        server.reply(body, content_type="application/json")
    else:
        server.reply_xml(body)
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(server.url, format=fmt))
    assert c.media.get("0_a").streams is expected


def test_present_objects_are_parsed(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_json(
        {
            "objectType": "KalturaMediaListResponse",
            "objects": [{"objectType": "KalturaMediaEntry", "id": "0_a"}],
        }
    )
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(server.url))
    assert [e.id for e in c.media.list().objects] == ["0_a"]
