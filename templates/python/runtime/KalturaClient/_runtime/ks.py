"""Kaltura Sessions (KS): generation (v1 and v2), parsing and verification.

v1: base64( hex(SHA1(secret + info)) "|" info ), info = "pid;pid;expiry;type;rand;user;privileges".
v2: urlsafe-base64( "v2|" pid "|" AES-128-CBC(key=SHA1(secret)[:16], IV=16 zero bytes,
    zero padding)( SHA1(payload) + payload ) ), payload = 16 random bytes + urlencoded fields
    (one per privilege, then `_e` expiry, `_t` type, `_u` user).

AES comes from `cryptography` (a maintained, audited OpenSSL binding with wheels for every
platform), imported only when a v2 KS is made or opened.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote_plus

from ..exceptions import KalturaClientException

__all__ = [
    "KSInfo",
    "KSPrivileges",
    "generate_session_v1",
    "generate_session_v2",
    "parse_ks",
]

RANDOM_SIZE = 16
FIELD_EXPIRY = "_e"
FIELD_TYPE = "_t"
FIELD_USER = "_u"
_ZERO_IV = b"\0" * 16
_SAFE = re.compile(r"[A-Za-z0-9_.\-]*\Z")
_aes_cache: dict[bytes, Any] = {}  # secret -> Cipher


def _text(value: object) -> str:
    return value.decode("utf8") if isinstance(value, bytes) else str(value)


def _secret_bytes(secret: str | bytes) -> bytes:
    return secret if isinstance(secret, bytes) else secret.encode("utf8")


def _cipher(secret: str | bytes) -> Any:
    """The AES-128-CBC `Cipher` of a secret (cached: each use makes a fresh context)."""
    raw = _secret_bytes(secret)
    cipher = _aes_cache.get(raw)
    if cipher is None:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        key = hashlib.sha1(raw).digest()[:16]
        cipher = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV))
        if len(_aes_cache) >= 64:
            _aes_cache.clear()
        _aes_cache[raw] = cipher
    return cipher


_privileges_cache: dict[str, str] = {}


def _privileges_query(privileges: str) -> str | None:
    """The url-encoded privilege fields followed by "&" (cached), or None when a privilege
    uses a reserved field name (then the generic path keeps Kaltura's field order)."""
    query = _privileges_cache.get(privileges)
    if query is None:
        fields = privileges_to_fields(privileges)
        if FIELD_EXPIRY in fields or FIELD_TYPE in fields or FIELD_USER in fields:
            return None
        query = "".join(f"{_quote(k)}={_quote(v)}&" for k, v in fields.items())
        if len(_privileges_cache) >= 256:
            _privileges_cache.clear()
        _privileges_cache[privileges] = query
    return query


def _quote(value: str) -> str:
    return value if _SAFE.match(value) else quote_plus(value)


def privileges_to_fields(privileges: str) -> dict[str, str]:
    """The v2 fields of a privileges string, as Kaltura splits it ("*" means "all:*")."""
    fields: dict[str, str] = {}
    for item in privileges.split(","):
        item = item.strip()
        if not item:
            continue
        if item == "*":
            item = "all:*"
        name, _, value = item.partition(":")
        fields[name] = value
    return fields


def generate_session_v1(
    admin_secret: str | bytes,
    user_id: str | bytes,
    session_type: int,
    partner_id: int | str,
    expiry: int = 86400,
    privileges: str | bytes = "",
) -> str:
    """A v1 KS, exactly as Kaltura's clients build it (returned as `str`)."""
    rand = random.randint(0, 0x10000)
    info = ";".join(
        (
            _text(partner_id),
            _text(partner_id),
            str(int(time.time()) + int(expiry)),
            str(int(session_type)),
            str(rand),
            _text(user_id),
            _text(privileges),
        )
    ).encode("utf8")
    signature = hashlib.sha1(_secret_bytes(admin_secret) + info).hexdigest().encode("ascii")
    return base64.b64encode(signature + b"|" + info).decode("ascii")


def generate_session_v2(
    admin_secret: str | bytes,
    user_id: str | bytes,
    session_type: int,
    partner_id: int | str,
    expiry: int = 86400,
    privileges: str | bytes = "",
) -> str:
    """A v2 (encrypted) KS, exactly as Kaltura's clients build it (returned as `str`)."""
    privileges_text = _text(privileges)
    prefix = _privileges_query(privileges_text)
    if prefix is not None:
        query = (
            f"{prefix}_e={int(time.time()) + int(expiry)}&_t={int(session_type)}"
            f"&_u={_quote(_text(user_id))}"
        ).encode("utf8")
    else:
        fields = privileges_to_fields(privileges_text)
        fields[FIELD_EXPIRY] = str(int(time.time()) + int(expiry))
        fields[FIELD_TYPE] = str(int(session_type))
        fields[FIELD_USER] = _text(user_id)
        query = "&".join(f"{_quote(k)}={_quote(v)}" for k, v in fields.items()).encode("utf8")
    payload = os.urandom(RANDOM_SIZE) + query
    plain = hashlib.sha1(payload).digest() + payload
    remainder = len(plain) % 16
    if remainder:
        plain += b"\0" * (16 - remainder)
    encryptor = _cipher(admin_secret).encryptor()
    encrypted = encryptor.update(plain) + encryptor.finalize()
    header = f"v2|{_text(partner_id)}|".encode("utf8")
    return base64.urlsafe_b64encode(header + encrypted).decode("ascii")


@dataclass
class KSInfo:
    """What a KS says. `valid` tells whether the signature matched (None: no secret given)."""

    version: int
    partner_id: int
    expiry: int
    session_type: int
    user_id: str
    privileges: str
    valid: bool | None
    random: int | None = None
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def expired(self) -> bool:
        return self.expiry <= time.time()

    @property
    def privileges_map(self) -> dict[str, str]:
        return privileges_to_fields(self.privileges)


def _b64decode(ks: str) -> bytes:
    padded = ks + "=" * (-len(ks) % 4)
    try:
        if "-" in ks or "_" in ks:
            return base64.urlsafe_b64decode(padded)
        return base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise KalturaClientException(
            f"Invalid KS: not base64 ({error})", KalturaClientException.ERROR_INVALID_KS
        ) from None


def parse_ks(ks: str | bytes, admin_secret: str | bytes | None = None) -> KSInfo:
    """Open a v1 or v2 KS. v1 is readable without the secret (the secret checks its
    signature); v2 is encrypted, so the secret is required."""
    raw = _b64decode(_text(ks).strip())
    if raw.startswith(b"v2|"):
        return _parse_v2(raw, admin_secret)
    return _parse_v1(raw, admin_secret)


def _invalid(why: str) -> KalturaClientException:
    return KalturaClientException(f"Invalid KS: {why}", KalturaClientException.ERROR_INVALID_KS)


def _parse_v1(raw: bytes, admin_secret: str | bytes | None) -> KSInfo:
    signature, sep, info = raw.partition(b"|")
    if not sep or len(signature) != 40:
        raise _invalid("no v1 signature")
    parts = info.decode("utf8", "replace").split(";")
    if len(parts) < 6:
        raise _invalid("too few v1 fields")
    valid = None
    if admin_secret is not None:
        expected = hashlib.sha1(_secret_bytes(admin_secret) + info).hexdigest().encode("ascii")
        valid = expected == signature
    try:
        return KSInfo(
            version=1,
            partner_id=int(parts[0]),
            expiry=int(parts[2]),
            session_type=int(parts[3]),
            random=int(parts[4]),
            user_id=parts[5],
            privileges=";".join(parts[6:7]),
            valid=valid,
        )
    except ValueError:
        raise _invalid("non-numeric v1 field") from None


def _parse_v2(raw: bytes, admin_secret: str | bytes | None) -> KSInfo:
    _, partner, encrypted = raw.split(b"|", 2) if raw.count(b"|") >= 2 else (b"", b"", b"")
    if not partner or not encrypted:
        raise _invalid("malformed v2 header")
    if admin_secret is None:
        raise _invalid("a v2 KS can only be opened with the partner's secret")
    if len(encrypted) % 16:
        raise _invalid("v2 payload is not a whole number of AES blocks")
    decryptor = _cipher(admin_secret).decryptor()
    plain = (decryptor.update(encrypted) + decryptor.finalize()).rstrip(b"\0")
    digest, payload = plain[:20], plain[20:]
    valid = hashlib.sha1(payload).digest() == digest
    if not valid:
        raise _invalid("v2 signature does not match (wrong secret or corrupted KS)")
    fields = dict(
        parse_qsl(payload[RANDOM_SIZE:].decode("utf8", "replace"), keep_blank_values=True)
    )
    privileges = ",".join(
        f"{k}:{v}" if v else k
        for k, v in fields.items()
        if k not in (FIELD_EXPIRY, FIELD_TYPE, FIELD_USER)
    )
    try:
        return KSInfo(
            version=2,
            partner_id=int(partner),
            expiry=int(fields.get(FIELD_EXPIRY, "0")),
            session_type=int(fields.get(FIELD_TYPE, "0")),
            user_id=fields.get(FIELD_USER, ""),
            privileges=privileges,
            valid=True,
            fields=fields,
        )
    except ValueError:
        raise _invalid("non-numeric v2 field") from None


class KSPrivileges:
    """Builds a privileges string: `KSPrivileges().add("sview", "0_abc").add("disableentitlement")`.

    Common names: sview / edit / download (entry id or "*"), setrole, privacycontext,
    disableentitlement, disableentitlementforentry, actionslimit, iprestrict, urirestrict,
    enableentitlement, sessionkey, list, editadmintags, limitentry.
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, str | None]] = []

    def add(self, name: str, value: object = None) -> KSPrivileges:
        if not name or any(c in name for c in ",:"):
            raise ValueError(f"invalid privilege name {name!r}")
        text = None if value is None else str(value)
        if text is not None and "," in text:
            raise ValueError(f"privilege value may not contain ',': {text!r}")
        self._items.append((name, text))
        return self

    def build(self) -> str:
        return ",".join(name if value is None else f"{name}:{value}" for name, value in self._items)

    __str__ = build
