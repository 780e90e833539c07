"""eSearch over cue points (entry search), category users (category search) and group users
(user search), with every object made through the API: `cuePoint.add`, `categoryUser.add`,
`groupUser.add` ..."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generator.serve import RunningServer
from tests.conftest import parsed_real_schema
from tests.serve.conftest import Api


def _add(api: Api, service: str, param: str, class_name: str, **values: Any) -> Any:
    added = api.call(service, "add", **{param: {"objectType": class_name, **values}})
    assert added.get("objectType") == class_name, added
    return added


@pytest.fixture(scope="module")
def world(fresh_server_module: Callable[..., RunningServer]) -> dict[str, Any]:
    api = Api(fresh_server_module())
    api.ks = api.admin_ks()
    ids: dict[str, Any] = {"api": api}
    for key, name in (("deck", "Slide deck"), ("quiz", "Quiz video"), ("notes", "Notes")):
        ids[key] = _add(api, "media", "entry", "KalturaMediaEntry", name=name, mediaType=1)["id"]
    ids["slide"] = _add(
        api,
        "cuePoint",
        "cuePoint",
        "KalturaThumbCuePoint",
        entryId=ids["deck"],
        title="Quarterly results",
        description="Revenue grew in every region",
        tags="finance,q3",
        startTime=5_000,
    )["id"]
    ids["slide2"] = _add(
        api,
        "cuePoint",
        "cuePoint",
        "KalturaThumbCuePoint",
        entryId=ids["deck"],
        title="Outlook",
        description="Costs fall next year",
        startTime=60_000,
    )["id"]
    ids["code"] = _add(
        api,
        "cuePoint",
        "cuePoint",
        "KalturaCodeCuePoint",
        entryId=ids["notes"],
        code="CHAPTER-2",
        description="Second chapter",
        startTime=9_000,
        endTime=12_000,
    )["id"]
    ids["question"] = _add(
        api,
        "cuePoint",
        "cuePoint",
        "KalturaQuestionCuePoint",
        entryId=ids["quiz"],
        question="Which planet is red?",
        hint="Think of rust",
        optionalAnswers=[
            {"objectType": "KalturaOptionalAnswer", "key": "1", "text": "Mars"},
            {"objectType": "KalturaOptionalAnswer", "key": "2", "text": "Venus"},
        ],
        startTime=30_000,
    )["id"]
    _add(  # not searchable on its entry: Kaltura does not index it
        api,
        "cuePoint",
        "cuePoint",
        "KalturaAnnotation",
        entryId=ids["notes"],
        text="hidden remark about revenue",
        startTime=1_000,
    )
    ids["note"] = _add(
        api,
        "cuePoint",
        "cuePoint",
        "KalturaAnnotation",
        entryId=ids["notes"],
        text="public remark",
        tags="finance",
        searchableOnEntry=1,
        startTime=2_000,
    )["id"]
    for user in ("ann", "ben", "cat"):
        _add(api, "user", "user", "KalturaUser", id=user)
    _add(api, "group", "group", "KalturaGroup", id="editors")
    _add(api, "group", "group", "KalturaGroup", id="viewers")
    _add(api, "groupUser", "groupUser", "KalturaGroupUser", userId="ann", groupId="editors")
    _add(
        api,
        "groupUser",
        "groupUser",
        "KalturaGroupUser",
        userId="ben",
        groupId="viewers",
        creationMode=2,
    )
    _add(api, "groupUser", "groupUser", "KalturaGroupUser", userId="cat", groupId="editors-2")
    for key, name in (("news", "News"), ("sport", "Sport"), ("arts", "Arts")):
        ids[key] = _add(api, "category", "category", "KalturaCategory", name=name)["id"]
    memberships = [
        (ids["news"], "ben", 0, "CATEGORY_EDIT,CATEGORY_VIEW"),  # MANAGER
        (ids["sport"], "ben", 3, "CATEGORY_VIEW"),  # MEMBER
        (ids["arts"], "editors", 2, "CATEGORY_CONTRIBUTE"),  # a group: ann is in it
    ]
    for category, user, level, names in memberships:
        _add(
            api,
            "categoryUser",
            "categoryUser",
            "KalturaCategoryUser",
            categoryId=category,
            userId=user,
            permissionLevel=level,
            permissionNames=names,
        )
    return ids


def _cue(field: str, term: str = "", item_type: int = 2, **extra: Any) -> dict[str, Any]:
    return {
        "objectType": "KalturaESearchCuePointItem",
        "fieldName": field,
        "searchTerm": term,
        "itemType": item_type,
        **extra,
    }


def _entries(api: Api, operator: str, *items: dict[str, Any], op: int = 1) -> Any:
    result = api.call(
        "eSearch",
        "searchEntry",
        searchParams={
            "objectType": "KalturaESearchEntryParams",
            "searchOperator": {"objectType": operator, "operator": op, "searchItems": list(items)},
        },
    )
    assert result["objectType"] == "KalturaESearchEntryResponse", result
    return result


def _entry_ids(api: Api, *items: dict[str, Any], op: int = 1) -> set[str]:
    found = _entries(api, "KalturaESearchEntryOperator", *items, op=op)
    return {r["object"]["id"] for r in found["objects"]}


def test_cue_point_item_types(world: dict[str, Any]) -> None:
    api = world["api"]
    deck, quiz, notes = world["deck"], world["quiz"], world["notes"]
    assert _entry_ids(api, _cue("name", "quarterly")) == {deck}  # a thumb's title
    assert _entry_ids(api, _cue("text", "grew region")) == {deck}  # PARTIAL: every word
    assert _entry_ids(api, _cue("text", "revenue")) == {deck}  # not the hidden annotation
    assert _entry_ids(api, _cue("name", "outlook", 1)) == {deck}  # EXACT_MATCH, any case
    assert _entry_ids(api, _cue("name", "out", 1)) == set()
    assert _entry_ids(api, _cue("name", "chapter", 3)) == {notes}  # a code cue point's code
    assert _entry_ids(api, _cue("tags", "finance", 1)) == {deck, notes}
    assert _entry_ids(api, _cue("answers", "mars", 1)) == {quiz}
    assert _entry_ids(api, _cue("hint", "", 4)) == {quiz}  # EXISTS
    assert _entry_ids(api, _cue("id", world["code"], 1)) == {notes}
    late = {"objectType": "KalturaESearchRange", "greaterThanOrEqual": 20_000}
    assert _entry_ids(api, _cue("start_time", "", 5, range=late)) == {deck, quiz}
    assert _entry_ids(api, _cue("end_time", "", 4)) == {notes}
    assert _entry_ids(api, _cue("type", "quiz.QUIZ_QUESTION", 1)) == {quiz}
    # a cue point item is an ordinary item of an entry operator (OR, NOT)
    either = _entry_ids(api, _cue("name", "outlook"), _cue("answers", "venus"), op=2)
    assert either == {deck, quiz}
    assert _entry_ids(
        api,
        {"objectType": "KalturaESearchEntryItem", "fieldName": "name", "itemType": 4},
        {
            "objectType": "KalturaESearchEntryOperator",
            "operator": 3,
            "searchItems": [_cue("tags", "finance", 1)],
        },
    ) == {quiz}


def _nested(*items: dict[str, Any]) -> dict[str, Any]:
    return {"objectType": "KalturaESearchNestedOperator", "operator": 1, "searchItems": list(items)}


def test_nested_operator_matches_one_cue_point(world: dict[str, Any]) -> None:
    api = world["api"]
    # "quarterly" and "costs" are on two different slides of the same entry
    both = [_cue("name", "quarterly"), _cue("text", "costs")]
    assert _entry_ids(api, *both) == {world["deck"]}  # an entry operator: per entry
    nested = _entries(api, "KalturaESearchEntryOperator", _nested(*both))
    assert nested["totalCount"] == 0  # a nested operator: on one cue point
    one = _entries(
        api,
        "KalturaESearchEntryOperator",
        _nested(_cue("name", "quarterly"), _cue("text", "revenue")),
    )
    assert [r["object"]["id"] for r in one["objects"]] == [world["deck"]]
    items = one["objects"][0]["itemsData"][0]
    assert items["itemsType"] == "cue_points" and items["totalCount"] == 1
    assert items["items"][0]["id"] == world["slide"]
    assert {h["fieldName"] for h in items["items"][0]["highlight"]} == {"name", "text"}


def test_cue_point_items_data_and_highlights(world: dict[str, Any]) -> None:
    api = world["api"]
    found = _entries(api, "KalturaESearchEntryOperator", _cue("tags", "finance", 1))
    by_entry = {r["object"]["id"]: r for r in found["objects"]}
    slide = by_entry[world["deck"]]["itemsData"][0]
    assert slide["itemsType"] == "cue_points" and slide["totalCount"] == 1
    data = slide["items"][0]
    assert data["objectType"] == "KalturaESearchCuePointItemData"
    assert (data["id"], data["cuePointType"], data["name"], data["text"]) == (
        world["slide"],
        "thumbCuePoint.Thumb",
        "Quarterly results",
        "Revenue grew in every region",
    )
    assert data["startTime"] == "5000"
    assert [t["value"] for t in data["tags"]] == ["finance", "q3"]
    assert data["highlight"][0]["fieldName"] == "tags"
    assert data["highlight"][0]["hits"][0]["value"] == "<em>finance</em>"
    note = by_entry[world["notes"]]["itemsData"][0]["items"]
    assert [n["id"] for n in note] == [world["note"]]  # the hidden annotation is not there
    quiz = _entries(api, "KalturaESearchEntryOperator", _cue("answers", "mars", 1))
    question = quiz["objects"][0]["itemsData"][0]["items"][0]
    assert question["name"] == "Which planet is red?" and question["hint"] == "Think of rust"
    assert [a["value"] for a in question["answers"]] == ["Mars", "Venus"]
    assert question["highlight"][0]["hits"][0]["value"] == "<em>Mars</em>"
    quiet = _entries(
        api, "KalturaESearchEntryOperator", _cue("answers", "mars", 1, addHighlight=False)
    )
    assert not quiet["objects"][0]["itemsData"][0]["items"][0].get("highlight")
    # the unified item searches cue points too
    unified = {"objectType": "KalturaESearchUnifiedItem", "searchTerm": "planet", "itemType": 2}
    hit = _entries(api, "KalturaESearchEntryOperator", unified)["objects"]
    assert [r["object"]["id"] for r in hit] == [world["quiz"]]
    assert hit[0]["itemsData"][0]["items"][0]["highlight"][0]["hits"][0]["value"] == (
        "Which <em>planet</em> is red?"
    )


def _search(api: Api, kind: str, key: str, *items: dict[str, Any]) -> list[str]:
    """eSearch.search<kind> with `items` ANDed: the `key` of every object found, sorted."""
    result = api.call(
        "eSearch",
        f"search{kind}",
        searchParams={
            "objectType": f"KalturaESearch{kind}Params",
            "searchOperator": {
                "objectType": f"KalturaESearch{kind}Operator",
                "operator": 1,
                "searchItems": list(items),
            },
        },
    )
    assert result["objectType"] == f"KalturaESearch{kind}Response", result
    return sorted(r["object"][key] for r in result["objects"])


def _item(class_name: str, field: str, term: str, item_type: int, **extra: Any) -> dict[str, Any]:
    return {
        "objectType": class_name,
        "fieldName": field,
        "searchTerm": term,
        "itemType": item_type,
        **extra,
    }


def _categories(api: Api, *items: dict[str, Any]) -> list[str]:
    return _search(api, "Category", "name", *items)


def _member(term: str, item_type: int = 1, **extra: Any) -> dict[str, Any]:
    return _item("KalturaESearchCategoryUserItem", "user_id", term, item_type, **extra)


def test_category_user_item(world: dict[str, Any]) -> None:
    api = world["api"]
    assert _categories(api, _member("ben")) == ["News", "Sport"]
    assert _categories(api, _member("BEN")) == ["News", "Sport"]  # ids are case-insensitive
    assert _categories(api, _member("ann")) == ["Arts"]  # through her group
    assert _categories(api, _member("cat")) == []  # editors-2 is not editors
    assert _categories(api, _member("ben", permissionLevel=3)) == ["Sport"]
    assert _categories(api, _member("ben", permissionLevel=0)) == ["News"]
    assert _categories(api, _member("ben", permissionName="category_edit")) == ["News"]
    assert _categories(api, _member("ann", permissionLevel=2)) == ["Arts"]
    assert _categories(api, _member("ann", permissionLevel=0)) == []
    assert _categories(api, _member("be", 3)) == ["News", "Sport"]  # STARTS_WITH
    assert _categories(api, _member("edit", 2)) == ["Arts"]  # PARTIAL
    assert _categories(api, _member("", 4)) == ["Arts", "News", "Sport"]  # EXISTS
    name = {
        "objectType": "KalturaESearchCategoryItem",
        "fieldName": "name",
        "searchTerm": "news",
        "itemType": 2,
    }
    assert _categories(api, _member("ben"), name) == ["News"]


def _users(api: Api, *items: dict[str, Any]) -> list[str]:
    return _search(api, "User", "id", *items)


def _group(term: str, item_type: int = 1, **extra: Any) -> dict[str, Any]:
    return _item("KalturaESearchGroupUserItem", "group_ids", term, item_type, **extra)


def test_group_user_item(world: dict[str, Any]) -> None:
    api = world["api"]
    assert _users(api, _group("editors")) == ["ann"]
    assert _users(api, _group("viewers")) == ["ben"]
    assert _users(api, _group("viewers", creationMode=2)) == ["ben"]
    assert _users(api, _group("viewers", creationMode=1)) == []
    assert _users(api, _group("editors", 3)) == ["ann", "cat"]  # STARTS_WITH
    assert _users(api, _group("", 4)) == ["ann", "ben", "cat"]  # EXISTS
    assert _users(api, _group("nobody")) == []
    found = api.call(
        "eSearch",
        "searchUser",
        searchParams={
            "objectType": "KalturaESearchUserParams",
            "searchOperator": {
                "objectType": "KalturaESearchUserOperator",
                "operator": 1,
                "searchItems": [_group("editors")],
            },
        },
    )
    assert not found["objects"][0].get("highlight")  # memberships: nothing to highlight


def test_deleting_a_cue_point_unindexes_it(
    fresh_server: Callable[..., RunningServer],
) -> None:
    api = Api(fresh_server())
    api.ks = api.admin_ks()
    entry = _add(api, "media", "entry", "KalturaMediaEntry", name="e", mediaType=1)["id"]
    cue = _add(api, "cuePoint", "cuePoint", "KalturaCodeCuePoint", entryId=entry, code="X1")
    assert _entry_ids(api, _cue("name", "x1", 1)) == {entry}
    api.call("cuePoint", "delete", id=cue["id"])
    assert _entry_ids(api, _cue("name", "x1", 1)) == set()


@pytest.mark.parametrize("name", ["ovp-3.1.1.xml", "ott-3.6.287.xml", "ott-5.3.7.xml"])
def test_schemas_without_the_items_do_not_have_them(name: str) -> None:
    schema = parsed_real_schema(name)
    for cls in (
        "KalturaESearchCuePointItem",
        "KalturaESearchCategoryUserItem",
        "KalturaESearchGroupUserItem",
    ):
        assert cls not in schema.classes
