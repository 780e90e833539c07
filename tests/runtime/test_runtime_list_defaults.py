"""`ALWAYS_LIST` fields (generated for `objects` of list responses) parse as a list even when
the server leaves them out or sends null, so generated code can type them `list[X]`; other
array fields keep unset-vs-null."""

from __future__ import annotations

import types
from typing import Any, ClassVar

import pytest

from .conftest import KalturaTestServer


@pytest.fixture(scope="module")
def thing_list(kpkg: types.SimpleNamespace) -> Any:
    base = kpkg.Base

    class KalturaThingListResponse(base.KalturaObjectBase):
        _kaltura_type_: ClassVar[str] = "KalturaThingListResponse"
        _kaltura_fields_: ClassVar[tuple[Any, ...]] = (
            base.FieldSpec(
                "objects",
                "objects",
                base.FieldKind.ARRAY,
                "KalturaMediaEntry",
                base.READ_ONLY | base.ALWAYS_LIST,
            ),
            base.FieldSpec("others", "others", base.FieldKind.ARRAY, "KalturaMediaEntry"),
            base.FieldSpec("totalCount", "totalCount", base.FieldKind.INT),
        )

    kpkg.Base.KalturaObjectFactory.registerObjects(
        {"KalturaThingListResponse": KalturaThingListResponse}
    )
    return base.ActionSpec(
        "thing", "list", (), base.ResultSpec(base.FieldKind.OBJECT, "KalturaThingListResponse")
    )


@pytest.mark.parametrize(
    ("fmt", "body"),
    [
        (1, '{"objectType": "KalturaThingListResponse", "totalCount": 0}'),
        (1, '{"objectType": "KalturaThingListResponse", "objects": null, "others": null}'),
        (2, "<objectType>KalturaThingListResponse</objectType><totalCount>0</totalCount>"),
    ],
)
def test_missing_or_null_objects_parse_as_an_empty_list(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, thing_list: Any, fmt: int, body: str
) -> None:
    if fmt == 1:
        server.reply(body, content_type="application/json")
    else:
        server.reply_xml(body)
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(server.url, format=fmt))
    result = c._call(thing_list, ())
    assert result.objects == [] and type(result.objects) is list
    assert result.others in (NotImplemented, None)  # an ordinary array keeps its state


def test_present_objects_are_parsed(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, thing_list: Any
) -> None:
    server.reply_json(
        {
            "objectType": "KalturaThingListResponse",
            "objects": [{"objectType": "KalturaMediaEntry", "id": "0_a"}],
        }
    )
    c = kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(server.url))
    assert [e.id for e in c._call(thing_list, ()).objects] == ["0_a"]
