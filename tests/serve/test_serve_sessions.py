"""Sessions: session.start / end, user.loginByLoginId, KS v1 and v2 verification."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from KalturaClient import KalturaClient as OfficialClient

from generator.serve import RunningServer, User
from generator.serve.ks import PartnerSecrets, generate_v1, generate_v2, parse_ks
from tests.serve.conftest import ADMIN_SECRET, PARTNER, SECRET, Api, is_error


def _start(anon: Api, **params: object) -> object:
    return anon.call("session", "start", **{"partnerId": PARTNER, **params})


def test_session_start_checks_the_secret_for_the_session_type(anon: Api) -> None:
    admin = _start(anon, secret=ADMIN_SECRET, type=2, userId="a")
    assert isinstance(admin, str)
    session = parse_ks(admin, {PARTNER: PartnerSecrets(ADMIN_SECRET, SECRET)})
    assert (session.user_id, session.type, session.partner_id) == ("a", 2, PARTNER)
    user = _start(anon, secret=SECRET, type=0, userId="b", privileges="sview:*")
    secrets = {PARTNER: PartnerSecrets(ADMIN_SECRET, SECRET)}
    assert parse_ks(str(user), secrets).privileges == {"sview": "*"}
    assert is_error(_start(anon, secret=SECRET, type=2), "START_SESSION_ERROR")
    assert is_error(_start(anon, secret="wrong", type=0), "START_SESSION_ERROR")
    assert is_error(_start(anon, secret=ADMIN_SECRET, partnerId=999), "START_SESSION_ERROR")


@pytest.mark.parametrize(
    "generate", [OfficialClient.generateSession, OfficialClient.generateSessionV2]
)
def test_official_client_sessions_are_accepted(
    anon: Api, generate: Callable[..., str | bytes]
) -> None:
    ks = generate(ADMIN_SECRET, "official", 2, PARTNER, 600, "disableentitlement")
    ks = ks.decode() if isinstance(ks, bytes) else ks
    listed = anon.call("media", "list", ks=ks)
    assert listed["objectType"] == "KalturaMediaListResponse"
    # ... and signed with the wrong secret they are not
    bad = generate("not-the-secret", "x", 2, PARTNER, 600, "")
    bad = bad.decode() if isinstance(bad, bytes) else bad
    assert is_error(anon.call("media", "list", ks=bad), "INVALID_KS")


def test_our_ks_round_trips_and_user_secret_is_accepted(anon: Api) -> None:
    for make in (generate_v1, generate_v2):
        ks = make(SECRET, "viewer", 0, PARTNER, 60, "")
        assert anon.call("media", "list", ks=ks)["totalCount"] >= 0


def test_missing_invalid_expired_tampered_ks(anon: Api) -> None:
    assert is_error(anon.call("media", "list"), "MISSING_KS")
    assert is_error(anon.call("media", "list", ks="garbage!"), "INVALID_KS")
    expired = generate_v2(ADMIN_SECRET, "x", 2, PARTNER, -10, "")
    error = anon.call("media", "list", ks=expired)
    assert is_error(error, "INVALID_KS") and error["args"]["ERR_CODE"] == "-5"
    assert error["args"]["ERR_DESC"] == "EXPIRED"
    good = generate_v1(ADMIN_SECRET, "x", 2, PARTNER, 60, "")
    import base64

    raw = base64.b64decode(good).replace(b";x;", b";y;")
    tampered = base64.b64encode(raw).decode()
    assert is_error(anon.call("media", "list", ks=tampered), "INVALID_KS")
    unknown_partner = generate_v2(ADMIN_SECRET, "x", 2, 777, 60, "")
    assert anon.call("media", "list", ks=unknown_partner)["args"]["ERR_CODE"] == "-2"


def test_session_end_revokes_the_ks(anon: Api) -> None:
    ks = _start(anon, secret=ADMIN_SECRET, type=2)
    assert anon.call("media", "list", ks=ks)["objectType"] == "KalturaMediaListResponse"
    assert anon.call("session", "end", ks=ks) is None
    error = anon.call("media", "list", ks=ks)
    assert is_error(error, "INVALID_KS") and error["args"]["ERR_DESC"] == "LOGOUT"


def test_actions_without_session_need_no_ks(anon: Api) -> None:
    # session.start is sessionRequired="none": a broken KS beside it is ignored
    assert isinstance(_start(anon, secret=ADMIN_SECRET, ks="junk"), str)


def test_uri_restricted_privilege(anon: Api) -> None:
    ks = generate_v2(ADMIN_SECRET, "r", 2, PARTNER, 60, "urirestrict:/api_v3/service/media/*")
    assert anon.call("media", "list", ks=ks)["objectType"] == "KalturaMediaListResponse"
    error = anon.call("playlist", "list", ks=ks)
    assert is_error(error, "INVALID_KS") and error["args"]["ERR_CODE"] == "-10"


def test_login_by_login_id(fresh_server: Callable[..., RunningServer]) -> None:
    server = fresh_server(users=[User(PARTNER, "jane", "jane@example.com", "pw1", False)])
    anon = Api(server)
    ks = anon.call("user", "loginByLoginId", loginId="JANE@example.com", password="pw1")
    session = parse_ks(ks, {PARTNER: PartnerSecrets(ADMIN_SECRET, SECRET)})
    assert (session.user_id, session.type, session.privileges) == ("jane", 0, {"all": "*"})
    assert session.expiry > time.time()
    assert is_error(
        anon.call("user", "loginByLoginId", loginId="jane@example.com", password="bad"),
        "USER_WRONG_PASSWORD",
    )
    assert is_error(
        anon.call("user", "loginByLoginId", loginId="who", password="pw1"), "USER_NOT_FOUND"
    )


def test_session_get_describes_a_ks(anon: Api) -> None:
    ks = generate_v2(ADMIN_SECRET, "who", 2, PARTNER, 600, "sview:*,disableentitlement")
    info = anon.call("session", "get", ks=ks)
    assert info["objectType"] == "KalturaSessionInfo"
    assert (info["userId"], info["sessionType"], info["partnerId"]) == ("who", 2, PARTNER)
    assert info["privileges"] == "sview:*,disableentitlement"
    other = generate_v1(SECRET, "them", 0, PARTNER, 600, "")
    assert anon.call("session", "get", ks=ks, session=other)["userId"] == "them"
    assert is_error(anon.call("session", "get", ks=ks, session="bogus"), "INVALID_KS")


def test_actions_limit_privilege(anon: Api) -> None:
    ks = generate_v2(ADMIN_SECRET, "l", 2, PARTNER, 600, "actionslimit:2")
    assert anon.call("media", "count", ks=ks) >= 0
    assert anon.call("media", "count", ks=ks) >= 0
    error = anon.call("media", "count", ks=ks)
    assert is_error(error, "INVALID_KS") and error["args"]["ERR_CODE"] == "-8"


def test_ott_login_and_anonymous_login() -> None:
    from generator.serve import ServerConfig, start_server
    from tests.conftest import parsed_real_schema

    config = ServerConfig(
        partner_id=3197,
        admin_secret="ott-admin",
        secret="ott-user",
        users=[User(3197, "1234", "viewer@example.com", "pw", False)],
    )
    server = start_server(parsed_real_schema("ott-5.3.7.xml"), config)
    try:
        anon = Api(server)
        login = anon.call(
            "ottUser", "login", partnerId=3197, username="viewer@example.com", password="pw"
        )
        assert login["objectType"] == "KalturaLoginResponse"
        assert login["user"] == {
            "objectType": "KalturaOTTUser",
            "id": "1234",
            "username": "viewer@example.com",
        }
        ks = login["loginSession"]["ks"]
        session = parse_ks(ks, {3197: PartnerSecrets("ott-admin", "ott-user")})
        assert (session.user_id, session.type) == ("1234", 0)
        assert login["loginSession"]["expiry"] > time.time()
        assert is_error(
            anon.call(
                "ottUser", "login", partnerId=3197, username="viewer@example.com", password="no"
            ),
            "USER_WRONG_PASSWORD",
        )
        anonymous = anon.call("ottUser", "anonymousLogin", partnerId=3197)
        assert anonymous["objectType"] == "KalturaLoginSession"
        listed = anon.call("asset", "list", ks=anonymous["ks"])
        assert listed["objectType"] == "KalturaAssetListResponse"
    finally:
        server.stop()


def test_v1_ks_survives_an_unencoded_query_string(anon: Api) -> None:
    import requests

    for _ in range(20):  # find a v1 KS whose base64 has a '+'
        ks = generate_v1(ADMIN_SECRET, "q", 2, PARTNER, 600, "")
        if "+" in ks:
            break
    url = f"{anon.url}/api_v3/service/media/action/count?format=1&ks={ks}"  # not encoded
    assert isinstance(requests.get(url, timeout=10).json(), int)
