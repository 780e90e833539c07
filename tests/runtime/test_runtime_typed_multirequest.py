"""Typed multi-request handles: `{N:result:path}` references come from handles, results and
errors are per call, and a failed block sends nothing."""

from __future__ import annotations

import types
from typing import Any

import pytest

from .conftest import KalturaTestServer


def client(kpkg: types.SimpleNamespace, url: str) -> Any:
    return kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(url, retryBackoff=0))


ENTRY = {"objectType": "KalturaMediaEntry", "id": "0_a", "name": "first"}
ERROR = {"objectType": "KalturaAPIException", "code": "ENTRY_ID_NOT_FOUND", "message": "no"}


def test_handles_build_references_and_get_typed_results(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply_json([ENTRY, {**ENTRY, "id": "0_b"}, 3, ERROR])
    c = client(kpkg, server.url)
    with c.multi_request() as batch:
        first = batch.add(c.media.get, "0_a")
        second = batch.add(c.media.get, first.ref.id, version=2)
        count = batch.add(c.media.count)
        missing = batch.add(c.media.get, first.ref.relatedObjects["k"])
        assert not first.done
    body = server.requests[0].json()
    assert body["1"]["entryId"] == "{1:result:id}" and body["1"]["version"] == "2"
    assert body["3"]["entryId"] == "{1:result:relatedObjects:k}"
    assert type(first.result) is kpkg.Core.KalturaMediaEntry and first.result.name == "first"
    assert second.result.id == "0_b"
    assert count.result == 3 and first.error is None
    assert missing.error is not None and missing.error.code == "ENTRY_ID_NOT_FOUND"
    with pytest.raises(kpkg.exceptions.KalturaException):
        _ = missing.result
    assert batch.results is not None and len(batch.results) == 4
    assert not c.isMultiRequest()


def test_result_before_sending_is_an_error(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url)
    batch = c.multi_request()
    handle = batch.add(c.media.count)
    with pytest.raises(kpkg.exceptions.KalturaClientException, match="not been sent"):
        _ = handle.result
    server.reply_json([5])
    batch.execute()
    assert handle.result == 5
    with pytest.raises(kpkg.exceptions.KalturaClientException, match="already sent"):
        batch.add(c.media.count)


def test_an_exception_in_the_block_abandons_the_batch(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url)
    with pytest.raises(RuntimeError), c.multi_request() as batch:
        batch.add(c.media.count)
        raise RuntimeError("user code failed")
    assert server.requests == [] and not c.isMultiRequest()


def test_add_refuses_what_is_not_an_action_of_this_client(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url)
    with c.multi_request() as batch, pytest.raises(TypeError, match="action method"):
        batch.add(len, "abc")
    assert server.requests == []


def test_abort_on_error_raises_the_first_failure(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    server.reply_json([ERROR, 1])
    c = client(kpkg, server.url)
    with pytest.raises(kpkg.exceptions.KalturaException), c.multi_request(abortOnError=True) as b:
        b.add(c.media.get, "0_x")
        b.add(c.media.count)
    assert server.requests[0].json()["abortOnError"] == "1"
