"""Wrong argument types fail locally with a `TypeError` naming the parameter and the expected
class, before anything is sent or queued; multi-request references still pass anywhere."""

from __future__ import annotations

import types
from typing import Any

import pytest

from .conftest import KalturaTestServer


def client(kpkg: types.SimpleNamespace, url: str) -> Any:
    return kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(url, retryBackoff=0))


class DuckFilter:
    """What a third-party package passed: an object that looks like a filter."""

    objectType = "KalturaMediaEntryFilter"
    nameLike = "a"

    def toParams(self) -> Any:
        return {"objectType": self.objectType, "nameLike": self.nameLike}


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ({"objectType": "KalturaMediaEntryFilter"}, "builtins.dict"),
        (DuckFilter(), "DuckFilter"),
        ("KalturaMediaEntryFilter", "builtins.str"),
        (7, "builtins.int"),
    ],
)
def test_object_parameter_of_the_wrong_type(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, value: Any, shown: str
) -> None:
    with pytest.raises(TypeError) as info:
        client(kpkg, server.url).media.list(value)
    message = str(info.value)
    assert "media.list(): parameter 'filter' must be a KalturaMediaEntryFilter" in message
    assert shown in message
    assert server.requests == []


def test_an_object_of_another_class_is_refused(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    with pytest.raises(TypeError, match=r"'filter' must be a KalturaMediaEntryFilter.*Pager"):
        client(kpkg, server.url).media.list(kpkg.Core.KalturaFilterPager())
    assert server.requests == []


def test_a_subclass_is_accepted(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_json({"objectType": "KalturaBaseEntryListResponse", "totalCount": 1})
    flt = kpkg.Core.KalturaMediaEntryFilter(nameLike="a")  # subclass of the base filter
    assert client(kpkg, server.url).baseEntry.list(flt).totalCount == 1
    assert server.requests[0].json()["filter"] == {
        "objectType": "KalturaMediaEntryFilter",
        "nameLike": "a",
    }


def test_scalar_parameters_stay_as_lenient_as_the_official(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    # The official client sends str(value) for any scalar, and its own test-suite relies on it
    # (a KalturaPlaylist as playlist.execute's string `detailed`): not checked.
    server.reply_json({"objectType": "KalturaMediaEntry", "id": "0_a"})
    c = client(kpkg, server.url)
    c.media.get(kpkg.Core.KalturaFilterPager(pageSize=1))
    assert server.requests[0].json()["entryId"].startswith("KalturaFilterPager(")


def test_arrays_check_their_items(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    c = client(kpkg, server.url)
    value = kpkg.Core.KalturaStringValue
    with pytest.raises(
        TypeError,
        match=r"ottuser.getDynamicData\(\): parameter 'keys' item \[1\] must be a "
        r"KalturaStringValue, not builtins.dict",
    ):
        c.ottUser.getDynamicData([value(value="a"), {"value": "b"}])
    with pytest.raises(TypeError, match="parameter 'keys' must be a list of KalturaStringValue"):
        c.ottUser.getDynamicData("a,b")
    assert server.requests == []


def test_multi_request_references_pass_any_parameter(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    entry = {"objectType": "KalturaMediaEntry", "id": "0_a"}
    server.reply_json([entry, entry, {"objectType": "KalturaMediaListResponse"}])
    c = client(kpkg, server.url)
    c.startMultiRequest()
    first = c.media.get("0_a")
    c.media.get(first.id)  # string parameter
    c.media.list(first.filter)  # object parameter: a reference, not a filter
    c.doMultiRequest()
    body = server.requests[0].json()
    assert body["1"]["entryId"] == "{1:result:id}"
    assert body["2"]["filter"] == "{1:result:filter}"


def test_a_wrong_type_inside_a_multi_request_queues_nothing(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply_json([1])
    c = client(kpkg, server.url)
    c.startMultiRequest()
    with pytest.raises(TypeError):
        c.media.list({"a": 1})
    c.media.count()
    assert c.doMultiRequest() == [1]
    assert "1" not in server.requests[0].json()
