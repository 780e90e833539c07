"""KS interop: byte-for-byte with the official client (randomness and clock pinned), official
KSs parse and verify with ours, our KSs pass an independent test-only implementation of the
server's check (written from Kaltura's server algorithm, using pycryptodome, not our code)."""

from __future__ import annotations

import base64
import hashlib
import time
import types
from unittest import mock
from urllib.parse import parse_qsl

import pytest

from .conftest import run_official

SECRET = "0123456789abcdef0123456789abcdef"
PRIVS = "sview:*,edit:0_abc,disableentitlement,setrole:12 34&x=y,*"


def server_check_v2(ks: str, secret: str) -> dict[str, str]:
    """Independent re-implementation of the server's v2 KS decoding (kSessionBase)."""
    from Crypto.Cipher import AES

    decoded = base64.urlsafe_b64decode(ks + "=" * (-len(ks) % 4))
    version, partner, encrypted = decoded.split(b"|", 2)
    assert version == b"v2"
    key = hashlib.sha1(secret.encode()).digest()[:16]
    plain = AES.new(key, AES.MODE_CBC, b"\0" * 16).decrypt(encrypted).rstrip(b"\0")
    digest, fields = plain[:20], plain[20:]
    if hashlib.sha1(fields).digest() != digest:
        raise ValueError("signature mismatch")
    out = dict(parse_qsl(fields[16:].decode(), keep_blank_values=True))
    out["__partner"] = partner.decode()
    return out


def server_check_v1(ks: str, secret: str) -> list[str]:
    decoded = base64.b64decode(ks)
    signature, info = decoded.split(b"|", 1)
    if hashlib.sha1(secret.encode() + info).hexdigest().encode() != signature:
        raise ValueError("signature mismatch")
    return info.decode().split(";")


def test_returns_str_and_accepts_bytes(kpkg: types.SimpleNamespace) -> None:
    c = kpkg.Client.KalturaClient
    v1 = c.generateSession(SECRET.encode(), b"user", 2, 99)
    v2 = c.generateSessionV2(SECRET.encode(), b"user", 2, 99, privileges=b"sview:*")
    assert type(v1) is str and type(v2) is str
    assert kpkg.ks.parse_ks(v1.encode(), SECRET).user_id == "user"
    assert kpkg.ks.parse_ks(v2, SECRET.encode()).privileges == "sview:*"


def test_ours_pass_server_check(kpkg: types.SimpleNamespace) -> None:
    c = kpkg.Client.KalturaClient
    before = int(time.time())
    v2 = c.generateSessionV2(SECRET, "u\u00e9 1", 2, 4242, 600, PRIVS)
    fields = server_check_v2(v2, SECRET)
    assert fields["__partner"] == "4242" and fields["_u"] == "u\u00e9 1" and fields["_t"] == "2"
    assert before + 600 <= int(fields["_e"]) <= int(time.time()) + 600
    assert (
        fields["sview"] == "*" and fields["edit"] == "0_abc" and fields["disableentitlement"] == ""
    )
    assert fields["setrole"] == "12 34&x=y" and fields["all"] == "*"
    with pytest.raises(ValueError):
        server_check_v2(v2, "wrong-secret")
    v1 = c.generateSession(SECRET, "user", 0, 4242, 60, "sview:*")
    parts = server_check_v1(v1, SECRET)
    assert parts[0] == parts[1] == "4242" and parts[3] == "0" and parts[5] == "user"
    assert parts[6] == "sview:*"


def _pinned_official(fn: str) -> str:
    out: str = run_official(
        "import json, time, random\n"
        "from unittest import mock\n"
        "from Crypto import Random\n"
        "from KalturaClient import KalturaClient\n"
        "with mock.patch('time.time', return_value=1700000000.5), "
        "mock.patch('random.randint', return_value=4321), "
        "mock.patch.object(Random, 'get_random_bytes', return_value=bytes(range(16))):\n"
        f"    ks = KalturaClient.{fn}({SECRET!r}, 'user@x.com', 2, 4242, 3600, {PRIVS!r})\n"
        "print(json.dumps(ks.decode()))\n"
    )
    return out


@pytest.mark.parametrize("fn", ["generateSession", "generateSessionV2"])
def test_byte_for_byte_with_official(kpkg: types.SimpleNamespace, fn: str) -> None:
    ks_mod = kpkg.ks
    with (
        mock.patch.object(ks_mod.time, "time", return_value=1700000000.5),
        mock.patch.object(ks_mod.random, "randint", return_value=4321),
        mock.patch.object(ks_mod.os, "urandom", return_value=bytes(range(16))),
    ):
        ours = getattr(kpkg.Client.KalturaClient, fn)(SECRET, "user@x.com", 2, 4242, 3600, PRIVS)
    assert ours == _pinned_official(fn)


@pytest.mark.parametrize("fn", ["generateSession", "generateSessionV2"])
def test_official_ks_parses_with_ours(kpkg: types.SimpleNamespace, fn: str) -> None:
    ks = run_official(
        "import json\n"
        "from KalturaClient import KalturaClient\n"
        f"ks = KalturaClient.{fn}({SECRET!r}, 'admin', 2, 777, 1000, 'sview:*,edit:1_x')\n"
        "print(json.dumps(ks.decode()))\n"
    )
    info = kpkg.ks.parse_ks(ks, SECRET)
    assert info.version == (2 if fn.endswith("V2") else 1)
    assert info.valid is True and info.partner_id == 777 and info.session_type == 2
    assert info.user_id == "admin" and info.privileges == "sview:*,edit:1_x"
    assert info.privileges_map == {"sview": "*", "edit": "1_x"}
    assert 0 < info.expiry - time.time() <= 1000 and not info.expired
    if fn == "generateSession":
        assert kpkg.ks.parse_ks(ks).valid is None  # readable without the secret
        assert kpkg.ks.parse_ks(ks, "bad").valid is False
    else:
        with pytest.raises(kpkg.exceptions.KalturaClientException, match="secret"):
            kpkg.ks.parse_ks(ks)
        with pytest.raises(kpkg.exceptions.KalturaClientException, match="signature"):
            kpkg.ks.parse_ks(ks, "bad")


@pytest.mark.parametrize("bad", ["", "!!!!", base64.b64encode(b"nosig").decode(), "djJ8MTIzfA"])
def test_garbage_is_a_clear_error(kpkg: types.SimpleNamespace, bad: str) -> None:
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        kpkg.ks.parse_ks(bad, SECRET)
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_INVALID_KS


def test_privileges_builder(kpkg: types.SimpleNamespace) -> None:
    privs = (
        kpkg.ks.KSPrivileges()
        .add("sview", "0_a")
        .add("disableentitlement")
        .add("setrole", 5)
        .build()
    )
    assert privs == "sview:0_a,disableentitlement,setrole:5"
    ks = kpkg.Client.KalturaClient.generateSessionV2(SECRET, "u", 0, 1, privileges=privs)
    assert kpkg.ks.parse_ks(ks, SECRET).privileges_map == {
        "sview": "0_a",
        "disableentitlement": "",
        "setrole": "5",
    }
    with pytest.raises(ValueError):
        kpkg.ks.KSPrivileges().add("a,b")
    with pytest.raises(ValueError):
        kpkg.ks.KSPrivileges().add("a", "x,y")


def test_ks_not_imported_by_package(kpkg: types.SimpleNamespace) -> None:
    import subprocess
    import sys

    code = (
        "import sys; import KalturaClient\n"
        "from KalturaClient import KalturaClient as K, KalturaConfiguration as C\n"
        "c = K(C('http://127.0.0.1:9'))\n"
        "bad = [m for m in ('cryptography', 'urllib3', 'json', 'xml.etree.ElementTree',"
        " 'KalturaClient._runtime.ks',"
        " 'KalturaClient._runtime.transport', 'requests', 'lxml') if m in sys.modules]\n"
        "print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=kpkg.root, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_client_parse_ks_helper_and_reserved_privilege_names(kpkg: types.SimpleNamespace) -> None:
    c = kpkg.Client.KalturaClient
    ks = c.generateSessionV2(SECRET, "real-user", 2, 5, 60, "_u:spoof,sview:*")
    info = c.parse_ks(ks, SECRET)
    # a privilege named like a reserved field keeps Kaltura's order: the real user wins
    assert info.user_id == "real-user" and info.privileges_map == {"sview": "*"}
    assert server_check_v2(ks, SECRET)["_u"] == "real-user"
