"""`session.impersonate` / `session.impersonateByKs` as Kaltura's SessionService does them:
the caller proves itself with its own secret (or KS), must have the other partner in its
partner group, and gets a KS of that partner marked with itself as the master partner (`_m`);
every failure is START_SESSION_ERROR naming the caller."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.serve import Partner, RunningServer
from generator.serve.ks import PartnerSecrets, generate_v1, generate_v2, parse_ks
from tests.conftest import generated_python_package
from tests.serve.conftest import ADMIN_SECRET, PARTNER, SECRET, Api, is_error

CHILD, CHILD_ADMIN, CHILD_SECRET = 5151, "child-admin-secret", "child-user-secret"
STRANGER = 6161
SECRETS = {
    PARTNER: PartnerSecrets(ADMIN_SECRET, SECRET),
    CHILD: PartnerSecrets(CHILD_ADMIN, CHILD_SECRET),
    STRANGER: PartnerSecrets("stranger-admin", "stranger-user"),
}


@pytest.fixture
def reseller(fresh_server: Callable[..., RunningServer]) -> Api:
    """Partner PARTNER may act for CHILD (its partner group), not for STRANGER."""
    server = fresh_server(
        partner_group=str(CHILD),
        extra_partners=[
            Partner(CHILD, CHILD_ADMIN, CHILD_SECRET, "Child"),
            Partner(STRANGER, "stranger-admin", "stranger-user", "Stranger"),
        ],
    )
    return Api(server)


def _impersonate(api: Api, **params: Any) -> Any:
    base = {"secret": ADMIN_SECRET, "impersonatedPartnerId": CHILD, "partnerId": PARTNER}
    return api.call("session", "impersonate", **{**base, **params})


def test_impersonate_gives_a_ks_of_the_other_partner_marked_with_the_caller(
    reseller: Api,
) -> None:
    ks = _impersonate(reseller, userId="ann", type=2, expiry=600, privileges="disableentitlement")
    assert isinstance(ks, str)
    session = parse_ks(ks, SECRETS)
    assert (session.partner_id, session.user_id, session.type) == (CHILD, "ann", 2)
    assert session.master_partner_id == PARTNER
    assert session.privileges == {"disableentitlement": ""}  # `_m` is no privilege
    assert 590 <= session.expiry - time.time() <= 600
    # the KS works, for the impersonated partner: what it adds belongs to CHILD
    child = Api(reseller.server, ks)
    entry = child.call("media", "add", entry={"objectType": "KalturaMediaEntry", "name": "x"})
    assert entry["partnerId"] == CHILD
    info = child.call("session", "get")
    assert (info["partnerId"], info["userId"], info["privileges"]) == (
        CHILD,
        "ann",
        "disableentitlement",
    )
    # a USER session may be proven with the caller's user secret too
    user = parse_ks(_impersonate(reseller, secret=SECRET, type=0), SECRETS)
    assert (user.partner_id, user.type, user.master_partner_id) == (CHILD, 0, PARTNER)
    # a partner may always impersonate itself
    itself = parse_ks(_impersonate(reseller, impersonatedPartnerId=PARTNER, type=2), SECRETS)
    assert (itself.partner_id, itself.master_partner_id) == (PARTNER, PARTNER)


def test_impersonate_refuses_with_start_session_error(reseller: Api) -> None:
    cases: list[dict[str, str | int]] = [
        {"secret": "wrong"},  # not the caller's secret
        {"secret": CHILD_ADMIN},  # the impersonated partner's secret is not the caller's
        {"secret": SECRET, "type": 2},  # an ADMIN session needs the admin secret
        {"impersonatedPartnerId": STRANGER},  # outside the caller's partner group
        {"impersonatedPartnerId": 999},  # no such partner
        {"partnerId": 999},  # no such caller
    ]
    for params in cases:
        error = _impersonate(reseller, type=params.pop("type", 2), **params)
        assert is_error(error, "START_SESSION_ERROR"), (params, error)
    error = _impersonate(reseller, type=2, impersonatedPartnerId=STRANGER)
    assert error["args"]["PID"] == str(PARTNER)  # Kaltura names the caller, not the target


def test_impersonate_by_ks_keeps_or_replaces_type_expiry_and_privileges(reseller: Api) -> None:
    reseller.ks = generate_v2(ADMIN_SECRET, "boss", 2, PARTNER, 3600, "")
    old = generate_v2(CHILD_ADMIN, "ann", 0, CHILD, 1200, "sview:*,actionslimit:50")
    kept = reseller.call("session", "impersonateByKs", session=old)
    assert kept["objectType"] == "KalturaSessionInfo"
    assert (kept["partnerId"], kept["userId"], kept["sessionType"]) == (CHILD, "ann", 0)
    assert kept["privileges"] == "sview:*,actionslimit:50"
    assert 1190 <= kept["expiry"] <= 1200  # seconds from now, as Kaltura answers
    session = parse_ks(kept["ks"], SECRETS)
    assert (session.partner_id, session.user_id, session.master_partner_id) == (
        CHILD,
        "ann",
        PARTNER,
    )
    assert session.privileges == {"sview": "*", "actionslimit": "50"}
    changed = reseller.call(
        "session", "impersonateByKs", session=old, type=2, expiry=60, privileges="*"
    )
    assert (changed["sessionType"], changed["expiry"], changed["privileges"]) == (2, 60, "*")
    session = parse_ks(changed["ks"], SECRETS)
    assert (session.type, session.privileges) == (2, {"all": "*"})
    assert Api(reseller.server, changed["ks"]).call("media", "list")["totalCount"] == 0
    # a v1 KS is read too, with its master partner field
    v1 = generate_v1(CHILD_ADMIN, "bea", 2, CHILD, 600, "", master_partner_id=PARTNER)
    assert parse_ks(v1, SECRETS).master_partner_id == PARTNER
    assert reseller.call("session", "impersonateByKs", session=v1)["userId"] == "bea"


def test_impersonate_by_ks_refusals(reseller: Api) -> None:
    reseller.ks = generate_v2(ADMIN_SECRET, "boss", 2, PARTNER, 3600, "")
    stranger = generate_v2("stranger-admin", "x", 2, STRANGER, 600, "")
    expired = generate_v2(CHILD_ADMIN, "x", 2, CHILD, -5, "")
    for session in (stranger, expired, "not-a-ks", ""):
        error = reseller.call("session", "impersonateByKs", session=session)
        assert is_error(error, "START_SESSION_ERROR"), (session, error)
    reseller.ks = None
    assert is_error(reseller.call("session", "impersonateByKs", session=stranger), "MISSING_KS")


def test_a_user_ks_may_not_impersonate(reseller: Api) -> None:
    user = Api(reseller.server, generate_v2(ADMIN_SECRET, "plain", 0, PARTNER, 600, ""))
    old = generate_v2(CHILD_ADMIN, "ann", 0, CHILD, 600, "")
    assert is_error(
        user.call(
            "session",
            "impersonate",
            secret=ADMIN_SECRET,
            impersonatedPartnerId=CHILD,
            partnerId=PARTNER,
        ),
        "SERVICE_FORBIDDEN",
    )
    assert is_error(user.call("session", "impersonateByKs", session=old), "SERVICE_FORBIDDEN")


def test_partner_group_star_and_seeded_partner_groups(
    fresh_server: Callable[..., RunningServer],
) -> None:
    everyone = Api(
        fresh_server(partner_group="*", extra_partners=[Partner(STRANGER, "stranger-admin", "s")])
    )
    ks = _impersonate(everyone, impersonatedPartnerId=STRANGER, type=2)
    assert parse_ks(ks, SECRETS).partner_id == STRANGER
    seeded = Api(
        fresh_server(
            seed_data={
                "partners": [
                    {"id": CHILD, "adminSecret": CHILD_ADMIN, "partnerGroup": str(STRANGER)},
                    {"id": STRANGER, "adminSecret": "stranger-admin", "secret": "s"},
                ]
            }
        )
    )
    ks = _impersonate(
        seeded, secret=CHILD_ADMIN, partnerId=CHILD, impersonatedPartnerId=STRANGER, type=2
    )
    assert parse_ks(ks, SECRETS).master_partner_id == CHILD
    # the default partner has no partner group: itself only
    assert is_error(
        _impersonate(seeded, impersonatedPartnerId=CHILD, type=2), "START_SESSION_ERROR"
    )


def test_master_partner_field_layout_matches_kaltura() -> None:
    """v1: the eighth `;` field; v2: `_m` (kSessionBase), absent when not impersonated."""
    v1 = base64.b64decode(generate_v1("s", "u", 2, 7, 60, "p", master_partner_id=9))
    assert v1.split(b"|", 1)[1].split(b";")[6:] == [b"p", b"9"]
    plain = parse_ks(generate_v2("s", "u", 2, 7, 60, ""), {7: PartnerSecrets("s", "s")})
    assert plain.master_partner_id is None and plain.privileges == {}


CLIENT_SCRIPT = textwrap.dedent("""
    import sys
    from KalturaClient import KalturaClient, KalturaConfiguration
    from KalturaClient.Plugins.Core import KalturaSessionType, KalturaMediaEntry

    url, secret, partner, child = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    client = KalturaClient(KalturaConfiguration(url))
    ks = client.session.impersonate(secret, child, "ann", KalturaSessionType.ADMIN, partner)
    client.setKs(ks)
    entry = KalturaMediaEntry()
    entry.name = "by proxy"
    print("added", client.media.add(entry).partnerId)
    client.setKs(client.session.start(secret, "boss", KalturaSessionType.ADMIN, partner))
    info = client.session.impersonateByKs(ks, KalturaSessionType.USER, 300, "sview:*")
    print("info", info.partnerId, info.userId, info.sessionType.getValue(), info.expiry,
          info.privileges)
    try:
        client.session.impersonate("wrong", child, "", KalturaSessionType.ADMIN, partner)
    except Exception as exc:
        print("error", getattr(exc, "code", exc))
""")


@pytest.mark.slow
@pytest.mark.parametrize("client", ["official", "ours"])
def test_impersonation_through_the_clients(reseller: Api, client: str, tmp_path: Path) -> None:
    (tmp_path / "impersonate.py").write_text(CLIENT_SCRIPT)
    env = dict(os.environ)
    if client == "ours":
        env["PYTHONPATH"] = str(generated_python_package("ovp-22.19.0.xml"))
    server = reseller.server
    result = subprocess.run(
        [sys.executable, "impersonate.py", server.url, ADMIN_SECRET, str(PARTNER), str(CHILD)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.splitlines() == [
        f"added {CHILD}",
        f"info {CHILD} ann 0 300 sview:*",
        "error START_SESSION_ERROR",
    ]
