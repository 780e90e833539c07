"""Validation from the schema, with Kaltura's error codes."""

from __future__ import annotations

from tests.serve.conftest import Api, is_error

ENTRY = {"objectType": "KalturaMediaEntry", "name": "v", "mediaType": 1}


def test_unknown_service_and_action(api: Api) -> None:
    error = api.call("nosuchservice", "list")
    assert is_error(error, "SERVICE_DOES_NOT_EXISTS")
    assert error["message"] == 'Service "nosuchservice" does not exists'
    assert is_error(api.call("media", "nosuchaction"), "ACTION_DOES_NOT_EXISTS")


def test_missing_mandatory_parameter(api: Api) -> None:
    error = api.call("media", "get")
    assert is_error(error, "MISSING_MANDATORY_PARAMETER")
    assert error["args"] == {"PARAM_NAME": "entryId"}
    assert is_error(api.call("media", "add"), "MISSING_MANDATORY_PARAMETER")


def test_wrong_types(api: Api) -> None:
    error = api.call("category", "get", id="not-a-number")
    assert is_error(error, "INVALID_PARAMETER_VALUE") and error["args"]["PARAM_NAME"] == "id"
    error = api.call("media", "add", entry={**ENTRY, "mediaType": "video"})
    assert is_error(error, "INVALID_PARAMETER_VALUE")
    assert error["args"]["PARAM_NAME"] == "KalturaMediaEntry::mediaType"
    assert is_error(api.call("media", "list", pager="flat"), "INVALID_PARAMETER_VALUE")


def test_enum_values(api: Api) -> None:
    error = api.call("media", "add", entry={**ENTRY, "mediaType": 77})
    assert is_error(error, "INVALID_ENUM_VALUE")
    assert error["args"] == {
        "ENUM_VAL": "77",
        "PARAM_NAME": "KalturaMediaEntry::mediaType",
        "ENUM_TYPE": "KalturaMediaType",
    }
    ok = api.call("media", "add", entry={**ENTRY, "mediaType": 5})  # AUDIO
    assert ok["mediaType"] == 5


def test_object_types(api: Api) -> None:
    assert is_error(
        api.call("media", "add", entry={**ENTRY, "objectType": "KalturaNope"}),
        "INVALID_OBJECT_TYPE",
    )
    # A known class that does not fit falls back to the declared type, as Kaltura does.
    entry = api.call("media", "add", entry={**ENTRY, "objectType": "KalturaCategory"})
    assert entry["objectType"] == "KalturaMediaEntry"


def test_read_only_and_insert_only_on_update(api: Api) -> None:
    entry = api.call("media", "add", entry={**ENTRY, "creatorId": "maker"})
    assert entry["creatorId"] == "maker"
    error = api.call(
        "media",
        "update",
        entryId=entry["id"],
        mediaEntry={"objectType": "KalturaMediaEntry", "mediaType": 2},
    )
    assert is_error(error, "PROPERTY_VALIDATION_NOT_UPDATABLE")
    assert error["args"]["PROP_NAME"] == "KalturaMediaEntry::mediaType"
    error = api.call(
        "media",
        "update",
        entryId=entry["id"],
        mediaEntry={"objectType": "KalturaMediaEntry", "plays": 3},
    )
    assert is_error(error, "PROPERTY_VALIDATION_NOT_UPDATABLE")
    changed = api.call(
        "media",
        "update",
        entryId=entry["id"],
        mediaEntry={"objectType": "KalturaMediaEntry", "name": "renamed"},
    )
    assert changed["name"] == "renamed" and changed["mediaType"] == 1


def test_read_only_input_on_add_is_ignored(api: Api) -> None:
    entry = api.call("media", "add", entry={**ENTRY, "id": "0_mine", "plays": 99, "partnerId": 1})
    assert entry["id"] != "0_mine" and entry["id"].startswith("0_")
    assert entry.get("plays") != 99 and entry["partnerId"] == api.server.partner_id


def test_refused_update_changes_nothing(api: Api) -> None:
    top = api.call("category", "add", category={"objectType": "KalturaCategory", "name": "t1"})
    sub = api.call(
        "category",
        "add",
        category={"objectType": "KalturaCategory", "name": "s1", "parentId": top["id"]},
    )
    top = api.call("category", "get", id=top["id"])
    error = api.call(
        "category",
        "update",
        id=top["id"],
        category={"objectType": "KalturaCategory", "name": "renamed", "parentId": sub["id"]},
    )
    assert is_error(error, "PARENT_CATEGORY_IS_CHILD")
    assert api.call("category", "get", id=top["id"]) == top


def test_writable_ids_are_kept_and_must_be_unique(api: Api) -> None:
    user = api.call("user", "add", user={"objectType": "KalturaUser", "id": "dup-user"})
    assert user["id"] == "dup-user"
    again = api.call("user", "add", user={"objectType": "KalturaUser", "id": "dup-user"})
    assert is_error(again, "DUPLICATE_USER_BY_ID")


def test_length_limits_and_utf8_truncation(api: Api) -> None:
    error = api.call("media", "add", entry={**ENTRY, "userId": "u" * 101})
    assert is_error(error, "PROPERTY_VALIDATION_MAX_LENGTH")
    assert error["args"] == {"PROP_NAME": "KalturaMediaEntry::userId", "MAX_LEN": "100"}
    assert api.call("media", "add", entry={**ENTRY, "userId": "u" * 100})["userId"] == "u" * 100
    user = api.call(
        "user",
        "add",
        user={"objectType": "KalturaUser", "id": "trunc-user", "screenName": "é" * 100},
    )
    assert user["screenName"] == "é" * 63  # 127 bytes of UTF-8, cut on a character boundary
