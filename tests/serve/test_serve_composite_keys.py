"""Membership rows have no id of their own: `categoryUser.get(categoryId, userId)` and
`groupUser.delete(userId, groupId)` name them by the pair, as Kaltura does."""

from __future__ import annotations

from collections.abc import Callable

from generator.serve import RunningServer
from tests.serve.conftest import Api


def _api(fresh_server: Callable[..., RunningServer]) -> Api:
    api = Api(fresh_server())
    api.ks = api.admin_ks()
    return api


def test_category_user_is_got_updated_and_deleted_by_category_and_user(
    fresh_server: Callable[..., RunningServer],
) -> None:
    api = _api(fresh_server)
    categories = [
        api.call("category", "add", category={"objectType": "KalturaCategory", "name": name})
        for name in ("News", "Sport")
    ]
    for user in ("ann", "bob"):
        api.call("user", "add", user={"objectType": "KalturaUser", "id": user})
    for category in categories:
        for user in ("ann", "bob"):
            api.call(
                "categoryUser",
                "add",
                categoryUser={
                    "objectType": "KalturaCategoryUser",
                    "categoryId": category["id"],
                    "userId": user,
                    "permissionLevel": 3,
                },
            )
    sport = categories[1]["id"]
    got = api.call("categoryUser", "get", categoryId=sport, userId="bob")
    assert (got["categoryId"], got["userId"]) == (sport, "bob")
    updated = api.call(
        "categoryUser",
        "update",
        categoryId=sport,
        userId="bob",
        categoryUser={"objectType": "KalturaCategoryUser", "permissionLevel": 0},
    )
    assert updated["permissionLevel"] == 0
    api.call("categoryUser", "delete", categoryId=sport, userId="bob")
    gone = api.post(
        "/api_v3/service/categoryUser/action/get",
        json=api.params({"categoryId": sport, "userId": "bob"}, 1),
    ).json()
    assert gone["objectType"] == "KalturaAPIException", gone
    # the three other rows are untouched
    left = api.call("categoryUser", "list")["objects"]
    assert sorted((row["categoryId"], row["userId"]) for row in left) == sorted(
        [(categories[0]["id"], "ann"), (categories[0]["id"], "bob"), (sport, "ann")]
    )
    assert api.call("categoryUser", "get", categoryId=sport, userId="ann")["permissionLevel"] == 3


def test_group_user_is_deleted_by_user_and_group(
    fresh_server: Callable[..., RunningServer],
) -> None:
    api = _api(fresh_server)
    for user, kind in (("ann", None), ("bob", None), ("editors", 1), ("viewers", 1)):
        body: dict[str, str | int] = {"objectType": "KalturaUser", "id": user}
        if kind is not None:
            body["type"] = kind
        api.call("user", "add", user=body)
    for user, group in (("ann", "editors"), ("ann", "viewers"), ("bob", "editors")):
        api.call(
            "groupUser",
            "add",
            groupUser={"objectType": "KalturaGroupUser", "userId": user, "groupId": group},
        )
    api.call("groupUser", "delete", userId="ann", groupId="editors")
    left = api.call("groupUser", "list")["objects"]
    assert sorted((row["userId"], row["groupId"]) for row in left) == [
        ("ann", "viewers"),
        ("bob", "editors"),
    ]
