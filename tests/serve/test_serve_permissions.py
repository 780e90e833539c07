"""Honest sessions: the type is bound to the secret, revocation and actionslimit hold for
every spelling of a KS, and a USER KS is held to what Kaltura lets a user do
(`generator/serve/permissions.py`)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from generator.serve.ks import generate_v1, generate_v2
from tests.serve.conftest import ADMIN_SECRET, PARTNER, SECRET, Api, is_error


@pytest.mark.parametrize("make", [generate_v1, generate_v2])
def test_an_admin_ks_signed_with_the_user_secret_is_refused(anon: Api, make: Any) -> None:
    forged = make(SECRET, "mallory", 2, PARTNER, 600, "")
    error = anon.call("media", "list", ks=forged)
    assert is_error(error, "INVALID_KS") and error["args"]["ERR_DESC"] == "INVALID_TYPE"
    assert anon.call("media", "list", ks=make(SECRET, "u", 0, PARTNER, 600, ""))["objectType"] == (
        "KalturaMediaListResponse"
    )


def _spellings(ks: str) -> list[str]:
    bare = ks.rstrip("=")
    standard = base64.b64encode(base64.urlsafe_b64decode(bare + "=" * (-len(bare) % 4))).decode()
    return [ks, ks + " ", " " + ks, bare, bare + "==", standard, ks + "\n"]


def test_revocation_holds_for_every_spelling(anon: Api) -> None:
    ks = generate_v2(ADMIN_SECRET, "leaver", 2, PARTNER, 600, "")
    assert anon.call("media", "list", ks=ks)["objectType"] == "KalturaMediaListResponse"
    anon.call("session", "end", ks=ks)
    for spelling in _spellings(ks):
        error = anon.call("media", "list", ks=spelling)
        assert is_error(error, "INVALID_KS"), repr(spelling)
        assert error["args"]["ERR_DESC"] in ("LOGOUT", "INVALID_STR"), repr(spelling)


def test_actions_limit_counts_the_session_not_the_string(anon: Api) -> None:
    ks = generate_v2(ADMIN_SECRET, "once", 2, PARTNER, 600, "actionslimit:1")
    accepted = [
        not is_error(anon.call("media", "list", ks=s), "INVALID_KS") for s in _spellings(ks)
    ]
    assert accepted == [True] + [False] * (len(accepted) - 1)


def _user(api: Api, user_id: str, privileges: str = "") -> Api:
    other = Api(api.server)
    other.ks = generate_v2(SECRET, user_id, 0, PARTNER, 600, privileges)
    return other


def _add(api: Api, name: str) -> dict[str, Any]:
    added: dict[str, Any] = api.call(
        "media", "add", entry={"objectType": "KalturaMediaEntry", "name": name, "mediaType": 1}
    )
    return added


def test_a_user_ks_is_held_to_its_own_entries(api: Api) -> None:
    alice, bob = _user(api, "alice-p"), _user(api, "bob-p")
    mine = _add(alice, "alice's")
    theirs = _add(bob, "bob's")
    assert alice.call("media", "get", entryId=mine["id"])["id"] == mine["id"]
    assert is_error(alice.call("media", "get", entryId=theirs["id"]), "ENTRY_ID_NOT_FOUND")
    refused = alice.call("media", "delete", entryId=theirs["id"])
    assert is_error(refused, "INVALID_KS") and refused["args"]["ERR_DESC"] == "INVALID_TYPE"
    assert api.call("media", "get", entryId=theirs["id"])["id"] == theirs["id"]  # still there
    updated = alice.call(
        "media",
        "update",
        entryId=mine["id"],
        mediaEntry={"objectType": "KalturaMediaEntry", "name": "renamed"},
    )
    assert updated["name"] == "renamed"
    listed = {e["id"] for e in alice.call("media", "list")["objects"]}
    assert mine["id"] in listed and theirs["id"] not in listed
    wide = _user(api, "alice-p", "list:*,edit:*")
    assert theirs["id"] in {
        e["id"]
        for e in wide.call(
            "media", "list", pager={"objectType": "KalturaFilterPager", "pageSize": 500}
        )["objects"]
    }
    assert not is_error(wide.call("media", "delete", entryId=theirs["id"]), "INVALID_KS")
    one = _user(api, "carol-p", f"sview:{mine['id']}")
    assert one.call("media", "get", entryId=mine["id"])["id"] == mine["id"]
    entitled = _user(api, "alice-p", "list:*,enableentitlement")
    assert {e["id"] for e in entitled.call("media", "list")["objects"]} == {mine["id"]}


def test_a_user_ks_cannot_manage_users_partners_or_impersonate(api: Api, anon: Api) -> None:
    user = _user(api, "plain")
    forbidden = [
        user.call("user", "add", user={"objectType": "KalturaUser", "id": "boss", "isAdmin": True}),
        user.call("user", "delete", userId="admin"),
        user.call("partner", "update", partner={"objectType": "KalturaPartner", "name": "x"}),
        user.call("session", "impersonate", secret=ADMIN_SECRET, impersonatedPartnerId=PARTNER),
    ]
    for error in forbidden:
        assert is_error(error, "SERVICE_FORBIDDEN"), error
    assert not is_error(
        api.call("user", "add", user={"objectType": "KalturaUser", "id": "boss-by-admin"}),
        "SERVICE_FORBIDDEN",
    )
