"""eSearch over seeded data: operators, item types, entry / caption / metadata / category /
user fields, highlights, pager and orderBy; and the same searches through the official client
and ours."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator.serve import RunningServer
from tests.conftest import generated_python_package
from tests.serve.conftest import Api, is_error

SRT = (
    "1\n00:00:01,000 --> 00:00:04,500\nThe dragon flies home\n\n"
    "2\n00:01:05,250 --> 00:01:07,000\nShe searches for scales\n"
)
XSD = (
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="metadata">'
    '<xsd:complexType><xsd:sequence><xsd:element name="Director" type="xsd:string"/>'
    "</xsd:sequence></xsd:complexType></xsd:element></xsd:schema>"
)
SEED = {
    "objects": [
        {
            "objectType": "KalturaMediaEntry",
            "id": "0_bunny",
            "name": "Big Buck Bunny",
            "description": "A giant rabbit",
            "tags": "animation,rabbit",
            "mediaType": 1,
            "referenceId": "ref-1",
            "userId": "alice",
            "createdAt": 1_700_000_100,
            "plays": 5,
        },
        {
            "objectType": "KalturaMediaEntry",
            "id": "0_sintel",
            "name": "Sintel",
            "description": "A girl and a dragon",
            "tags": "dragon,fantasy",
            "mediaType": 1,
            "referenceId": "ref-2",
            "userId": "bob",
            "createdAt": 1_700_000_200,
            "plays": 50,
        },
        {
            "objectType": "KalturaMediaEntry",
            "id": "0_tears",
            "name": "Tears of Steel",
            "tags": "robots",
            "mediaType": 5,
            "userId": "alice",
            "createdAt": 1_700_000_300,
            "plays": 7,
        },
    ]
}


def _op(operator: int, *items: dict[str, Any]) -> dict[str, Any]:
    return {
        "objectType": "KalturaESearchEntryOperator",
        "operator": operator,
        "searchItems": list(items),
    }


def _item(field: str, term: str = "", item_type: int = 2, **extra: Any) -> dict[str, Any]:
    return {
        "objectType": "KalturaESearchEntryItem",
        "fieldName": field,
        "searchTerm": term,
        "itemType": item_type,
        **extra,
    }


@pytest.fixture(scope="module")
def catalogue(fresh_server_module: Any) -> Api:
    server: RunningServer = fresh_server_module(seed_data=SEED)
    api = Api(server)
    api.ks = api.admin_ks()
    caption = api.call(
        "captionAsset",
        "add",
        entryId="0_sintel",
        captionAsset={
            "objectType": "KalturaCaptionAsset",
            "language": "English",
            "label": "en",
            "format": "1",
        },
    )
    api.call(
        "captionAsset",
        "setContent",
        id=caption["id"],
        contentResource={"objectType": "KalturaStringResource", "content": SRT},
    )
    profile = api.call(
        "metadataProfile",
        "add",
        xsdData=XSD,
        metadataProfile={
            "objectType": "KalturaMetadataProfile",
            "metadataObjectType": 1,
            "name": "p",
        },
    )
    api.call(
        "metadata",
        "add",
        metadataProfileId=profile["id"],
        objectType=1,
        objectId="0_tears",
        xmlData="<metadata><Director>Ian Hubert</Director></metadata>",
    )
    top = api.call("category", "add", category={"objectType": "KalturaCategory", "name": "Open"})
    sub = api.call(
        "category",
        "add",
        category={"objectType": "KalturaCategory", "name": "Movies", "parentId": top["id"]},
    )
    api.call(
        "categoryEntry",
        "add",
        categoryEntry={
            "objectType": "KalturaCategoryEntry",
            "entryId": "0_bunny",
            "categoryId": sub["id"],
        },
    )
    api.call(
        "user",
        "add",
        user={
            "objectType": "KalturaUser",
            "id": "carol",
            "firstName": "Carol",
            "lastName": "Danvers",
            "email": "carol@example.com",
        },
    )
    return api


def _search(api: Api, operator: dict[str, Any], **params: Any) -> Any:
    pager = params.pop("pager", None)
    body: dict[str, Any] = {
        "searchParams": {
            "objectType": "KalturaESearchEntryParams",
            "searchOperator": operator,
            **params,
        }
    }
    if pager:
        body["pager"] = {"objectType": "KalturaPager", **pager}
    return api.call("eSearch", "searchEntry", **body)


def _ids(result: Any) -> list[str]:
    assert result["objectType"] == "KalturaESearchEntryResponse", result
    return [r["object"]["id"] for r in result["objects"]]


def test_item_types_and_operators(catalogue: Api) -> None:
    assert _ids(_search(catalogue, _op(1, _item("name", "BUNNY")))) == ["0_bunny"]
    assert _ids(_search(catalogue, _op(1, _item("name", "buck big")))) == ["0_bunny"]  # words
    assert _ids(_search(catalogue, _op(1, _item("name", "sintel", 1)))) == ["0_sintel"]
    assert _ids(_search(catalogue, _op(1, _item("name", "sin", 1)))) == []  # exact: whole
    assert _ids(_search(catalogue, _op(1, _item("tags", "dragon", 1)))) == ["0_sintel"]
    assert _ids(_search(catalogue, _op(1, _item("name", "tears", 3)))) == ["0_tears"]
    assert set(_ids(_search(catalogue, _op(1, _item("description", "", 4))))) == {
        "0_bunny",
        "0_sintel",
    }
    in_range = _item(
        "created_at",
        "",
        5,
        range={
            "objectType": "KalturaESearchRange",
            "greaterThanOrEqual": 1_700_000_150,
            "lessThan": 1_700_000_300,
        },
    )
    assert _ids(_search(catalogue, _op(1, in_range))) == ["0_sintel"]
    either = _op(2, _item("name", "bunny"), _item("reference_id", "ref-2", 1))
    assert set(_ids(_search(catalogue, either))) == {"0_bunny", "0_sintel"}
    nested = _op(1, _item("kuser_id", "alice", 1), _op(3, _item("media_type", "5", 1)))
    assert _ids(_search(catalogue, nested)) == ["0_bunny"]


def test_captions_metadata_and_categories(catalogue: Api) -> None:
    caption = {
        "objectType": "KalturaESearchCaptionItem",
        "fieldName": "content",
        "searchTerm": "scales",
        "itemType": 2,
    }
    found = _search(catalogue, _op(1, caption))
    assert _ids(found) == ["0_sintel"]
    data = found["objects"][0]["itemsData"][0]
    assert data["itemsType"] == "caption" and data["totalCount"] == 1
    line = data["items"][0]
    assert (line["line"], line["startsAt"], line["endsAt"]) == (
        "She searches for scales",
        65_250,
        67_000,
    )
    assert line["highlight"][0]["hits"][0]["value"] == "She searches for <em>scales</em>"
    metadata = {
        "objectType": "KalturaESearchEntryMetadataItem",
        "xpath": "/*[local-name()='metadata']/*[local-name()='Director']",
        "searchTerm": "hubert",
        "itemType": 2,
    }
    found = _search(catalogue, _op(1, metadata))
    assert _ids(found) == ["0_tears"]
    assert found["objects"][0]["itemsData"][0]["items"][0]["valueText"] == "Ian Hubert"
    by_category = {
        "objectType": "KalturaESearchCategoryEntryItem",
        "fieldName": "ancestor_name",
        "searchTerm": "open",
        "itemType": 1,
    }
    assert _ids(_search(catalogue, _op(1, by_category))) == ["0_bunny"]
    unified = {"objectType": "KalturaESearchUnifiedItem", "searchTerm": "dragon", "itemType": 2}
    assert _ids(_search(catalogue, _op(1, unified))) == ["0_sintel"]


def test_highlights_pager_and_order(catalogue: Api) -> None:
    found = _search(catalogue, _op(1, _item("name", "bunny")))
    highlight = found["objects"][0]["highlight"][0]
    assert highlight["fieldName"] == "name"
    assert highlight["hits"][0]["value"] == "Big Buck <em>Bunny</em>"
    quiet = _search(catalogue, _op(1, _item("name", "bunny", addHighlight=False)))
    assert not quiet["objects"][0].get("highlight")
    everything = _op(1, _item("name", "", 4))
    by_plays = {
        "objectType": "KalturaESearchOrderBy",
        "orderItems": [
            {
                "objectType": "KalturaESearchEntryOrderByItem",
                "sortField": "plays",
                "sortOrder": "desc",
            }
        ],
    }
    assert _ids(_search(catalogue, everything, orderBy=by_plays)) == [
        "0_sintel",
        "0_tears",
        "0_bunny",
    ]
    second = _search(catalogue, everything, orderBy=by_plays, pager={"pageSize": 1, "pageIndex": 2})
    assert _ids(second) == ["0_tears"] and second["totalCount"] == 3
    too_far = _search(catalogue, everything, pager={"pageSize": 500, "pageIndex": 21})
    assert is_error(too_far, "CRITERIA_EXCEEDED_MAX_MATCHES_ALLOWED")


def test_category_and_user_search(catalogue: Api) -> None:
    found = catalogue.call(
        "eSearch",
        "searchCategory",
        searchParams={
            "objectType": "KalturaESearchCategoryParams",
            "searchOperator": {
                "objectType": "KalturaESearchCategoryOperator",
                "operator": 1,
                "searchItems": [
                    {
                        "objectType": "KalturaESearchCategoryItem",
                        "fieldName": "full_name",
                        "searchTerm": "open>movies",
                        "itemType": 1,
                    }
                ],
            },
        },
    )
    assert [r["object"]["name"] for r in found["objects"]] == ["Movies"]
    assert found["objects"][0]["object"]["entriesCount"] == 1
    users = catalogue.call(
        "eSearch",
        "searchUser",
        searchParams={
            "objectType": "KalturaESearchUserParams",
            "searchOperator": {
                "objectType": "KalturaESearchUserOperator",
                "operator": 2,
                "searchItems": [
                    {
                        "objectType": "KalturaESearchUserItem",
                        "fieldName": "email",
                        "searchTerm": "carol@",
                        "itemType": 3,
                    },
                    {
                        "objectType": "KalturaESearchUserItem",
                        "fieldName": "last_name",
                        "searchTerm": "nobody",
                        "itemType": 2,
                    },
                ],
            },
        },
    )
    assert [r["object"]["id"] for r in users["objects"]] == ["carol"]


CLIENT_SCRIPT = textwrap.dedent("""
    import sys
    from KalturaClient import KalturaClient, KalturaConfiguration
    from KalturaClient.Plugins.Core import KalturaSessionType
    from KalturaClient.Plugins.ElasticSearch import (
        KalturaESearchEntryParams, KalturaESearchEntryOperator, KalturaESearchOperatorType,
        KalturaESearchEntryItem, KalturaESearchEntryFieldName, KalturaESearchItemType,
        KalturaESearchCaptionItem, KalturaESearchCaptionFieldName, KalturaESearchOrderBy,
        KalturaESearchEntryOrderByItem, KalturaESearchEntryOrderByFieldName,
        KalturaESearchSortOrder)
    client = KalturaClient(KalturaConfiguration(sys.argv[1]))
    client.setKs(client.session.start(sys.argv[2], "me", KalturaSessionType.ADMIN,
                                      int(sys.argv[3])))
    name = KalturaESearchEntryItem()
    name.fieldName = KalturaESearchEntryFieldName.NAME
    name.itemType = KalturaESearchItemType.PARTIAL
    name.searchTerm = "bunny"
    caption = KalturaESearchCaptionItem()
    caption.fieldName = KalturaESearchCaptionFieldName.CONTENT
    caption.itemType = KalturaESearchItemType.PARTIAL
    caption.searchTerm = "dragon"
    operator = KalturaESearchEntryOperator()
    operator.operator = KalturaESearchOperatorType.OR_OP
    operator.searchItems = [name, caption]
    order = KalturaESearchEntryOrderByItem()
    order.sortField = KalturaESearchEntryOrderByFieldName.PLAYS
    order.sortOrder = KalturaESearchSortOrder.ORDER_BY_DESC
    params = KalturaESearchEntryParams()
    params.searchOperator = operator
    params.orderBy = KalturaESearchOrderBy()
    params.orderBy.orderItems = [order]
    result = client.elasticSearch.eSearch.searchEntry(params)
    print(result.totalCount, [r.object.id for r in result.objects])
    hit = result.objects[0].itemsData[0].items[0]
    print(hit.line, hit.startsAt, hit.endsAt)
    print(result.objects[1].highlight[0].hits[0].value)
""")


@pytest.mark.slow
@pytest.mark.parametrize("client", ["official", "ours"])
def test_esearch_through_the_clients(catalogue: Api, client: str, tmp_path: Path) -> None:
    (tmp_path / "search.py").write_text(CLIENT_SCRIPT)
    env = dict(os.environ)
    if client == "ours":
        env["PYTHONPATH"] = str(generated_python_package("ovp-22.19.0.xml"))
    server = catalogue.server
    result = subprocess.run(
        [sys.executable, "search.py", server.url, server.admin_secret, str(server.partner_id)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.splitlines() == [
        "2 ['0_sintel', '0_bunny']",
        "The dragon flies home 1000 4500",
        "Big Buck <em>Bunny</em>",
    ]
