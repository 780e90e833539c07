"""Kaltura Sessions (KS): generation and verification, versions 1 and 2.

Both formats as Kaltura defines them (and its official clients build them):

* v1: ``base64(hex(sha1(secret + info)) + "|" + info)`` where ``info`` is
  ``partnerId;partnerId;expiry;type;random;userId;privileges;masterPartnerId`` (later
  fields optional).
* v2: ``urlsafe_base64("v2|" + partnerId + "|" + AES-128-CBC(fields))`` with key
  ``sha1(secret)[:16]``, an all-zero IV and zero padding; ``fields`` is
  ``sha1(rest) + rest`` with ``rest = 16 random bytes + urlencoded(privileges, _e, _t, _u,
  _m)``.

The master partner (`_m`, v1's eighth field) is set on impersonated sessions: the partner
that started the session for another one (`session.impersonate`), as Kaltura's
`kSessionBase` records it. `_d` (additional data) is read and ignored.

AES comes from `cryptography` (a well-kept, audited library): hand-written AES is exactly
the kind of code nobody should own.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import time
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

__all__ = [
    "KsError",
    "PartnerSecrets",
    "Session",
    "generate_v1",
    "generate_v2",
    "parse_ks",
    "privileges_to_dict",
]

# kSessionBase error codes, as in Kaltura's INVALID_KS messages ("-5,EXPIRED").
INVALID_STR = (-1, "INVALID_STR")
INVALID_PARTNER = (-2, "INVALID_PARTNER")
EXPIRED = (-5, "EXPIRED")
LOGOUT = (-6, "LOGOUT")
INVALID_TYPE = (-4, "INVALID_TYPE")
EXCEEDED_ACTIONS_LIMIT = (-8, "EXCEEDED_ACTIONS_LIMIT")
EXCEEDED_RESTRICTED_URI = (-10, "EXCEEDED_RESTRICTED_URI")
SESSION_ADMIN = 2

_RANDOM_SIZE = 16
_SHA1_SIZE = 20
_ZERO_IV = b"\0" * 16


class KsError(Exception):
    def __init__(self, reason: tuple[int, str]) -> None:
        super().__init__(reason[1])
        self.code, self.description = reason


@dataclass(frozen=True)
class Session:
    """What a verified KS grants."""

    ks: str
    partner_id: int
    user_id: str
    type: int  # KalturaSessionType: 0 user, 2 admin
    expiry: int
    privileges: dict[str, str] = field(default_factory=dict)
    version: int = 2
    # The decoded KS's digest: the same for every spelling of one KS (whitespace, padding,
    # URL-safe or not), so revocation and `actionslimit` cannot be dodged by re-spelling it.
    identity: str = ""
    # The impersonating partner of an impersonated session (`_m`), else None.
    master_partner_id: int | None = None

    @property
    def is_admin(self) -> bool:
        return self.type == 2


@dataclass(frozen=True)
class PartnerSecrets:
    admin: str
    user: str

    def for_type(self, type_: int) -> tuple[str, ...]:
        """The secrets that may sign a KS of `type_`: an ADMIN KS only the admin secret."""
        if type_ == SESSION_ADMIN:
            return (self.admin,)
        return (self.admin, self.user) if self.user != self.admin else (self.admin,)

    def all(self) -> tuple[str, ...]:
        return self.for_type(0)


def _sha1(data: bytes) -> bytes:
    return hashlib.sha1(data).digest()


def _aes(secret: str) -> Cipher[modes.CBC]:
    key = _sha1(secret.encode("utf-8"))[:16]
    return Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV))


def privileges_to_dict(privileges: str) -> dict[str, str]:
    """`"a:1,b,*"` -> `{"a": "1", "b": "", "all": "*"}` (the v2 field encoding)."""
    fields: dict[str, str] = {}
    for raw in privileges.split(","):
        privilege = raw.strip()
        if not privilege:
            continue
        if privilege == "*":
            privilege = "all:*"
        name, _, value = privilege.partition(":")
        fields[name] = value
    return fields


def _privileges_text(fields: dict[str, str]) -> str:
    joined = ",".join(f"{k}:{v}" if v else k for k, v in fields.items())
    return "*" if joined == "all:*" else joined  # as Kaltura's parser gives it back


def generate_v1(
    secret: str,
    user_id: str,
    type_: int,
    partner_id: int,
    expiry: int,
    privileges: str = "",
    master_partner_id: int | None = None,
) -> str:
    """A v1 KS valid for `expiry` seconds from now."""
    parts = [
        str(partner_id),
        str(partner_id),
        str(int(time.time()) + expiry),
        str(type_),
        str(secrets.randbelow(0x10000)),
        user_id,
        privileges,
    ]
    if master_partner_id is not None:
        parts.append(str(master_partner_id))
    info = ";".join(parts).encode("utf-8")
    signature = binascii.hexlify(_sha1(secret.encode("utf-8") + info))
    return base64.b64encode(signature + b"|" + info).decode("ascii")


def generate_v2(
    secret: str,
    user_id: str,
    type_: int,
    partner_id: int,
    expiry: int,
    privileges: str = "",
    master_partner_id: int | None = None,
) -> str:
    """A v2 KS valid for `expiry` seconds from now."""
    fields = privileges_to_dict(privileges)
    fields["_e"] = str(int(time.time()) + expiry)
    fields["_t"] = str(type_)
    fields["_u"] = user_id
    if master_partner_id is not None:  # Kaltura's http_build_query leaves out a null `_m`
        fields["_m"] = str(master_partner_id)
    rest = os.urandom(_RANDOM_SIZE) + urlencode(fields).encode("utf-8")
    plain = _sha1(rest) + rest
    if len(plain) % 16:
        plain += b"\0" * (16 - len(plain) % 16)
    encryptor = _aes(secret).encryptor()
    encrypted = encryptor.update(plain) + encryptor.finalize()
    return base64.urlsafe_b64encode(f"v2|{partner_id}|".encode() + encrypted).decode("ascii")


def _b64decode(ks: str) -> bytes:
    text = ks.strip().replace(" ", "+")  # a '+' from an unencoded query string
    padded = text + "=" * (-len(text) % 4)
    try:
        if "-" in text or "_" in text:
            return base64.urlsafe_b64decode(padded)
        return base64.b64decode(padded, validate=False)
    except (binascii.Error, ValueError):
        raise KsError(INVALID_STR) from None


SecretsOf = dict[int, PartnerSecrets]


def parse_ks(ks: str, secrets_of: SecretsOf, now: float | None = None) -> Session:
    """Verify `ks` against the secrets of its partner (`secrets_of[pid]`); raise `KsError`.

    The session type is bound to the secret: an ADMIN KS signed (v1) or encrypted (v2) with
    the partner's user secret is invalid."""
    raw = _b64decode(ks)
    if raw.startswith(b"v2|"):
        session = _parse_v2(ks, raw, secrets_of, now)
    else:
        session = _parse_v1(ks, raw, secrets_of, now)
    return replace(session, identity=hashlib.sha1(raw).hexdigest())


def _check_expiry(expiry: int, now: float | None) -> None:
    if expiry < (time.time() if now is None else now):
        raise KsError(EXPIRED)


def _parse_v1(ks: str, raw: bytes, secrets_of: SecretsOf, now: float | None) -> Session:
    signature, sep, info = raw.partition(b"|")
    if not sep or len(signature) != 2 * _SHA1_SIZE:
        raise KsError(INVALID_STR)
    parts = info.split(b";")
    if len(parts) < 6:
        raise KsError(INVALID_STR)
    try:
        partner_id = int(parts[0])
        expiry = int(parts[2])
        type_ = int(parts[3])
        user_id = parts[5].decode("utf-8")
        privileges = parts[6].decode("utf-8") if len(parts) > 6 else ""
        master = int(parts[7]) if len(parts) > 7 and parts[7].strip() else None
    except (ValueError, UnicodeDecodeError):
        raise KsError(INVALID_STR) from None
    partner = secrets_of.get(partner_id)
    if partner is None:
        raise KsError(INVALID_PARTNER)
    expected = signature.lower()
    signed_by = [
        s for s in partner.all() if binascii.hexlify(_sha1(s.encode("utf-8") + info)) == expected
    ]
    if not signed_by:
        raise KsError(INVALID_STR)
    if not set(signed_by).intersection(partner.for_type(type_)):
        raise KsError(INVALID_TYPE)
    _check_expiry(expiry, now)
    return Session(
        ks,
        partner_id,
        user_id,
        type_,
        expiry,
        privileges_to_dict(privileges),
        1,
        master_partner_id=master,
    )


def _parse_v2(ks: str, raw: bytes, secrets_of: SecretsOf, now: float | None) -> Session:
    _, pid_text, encrypted = raw.split(b"|", 2) if raw.count(b"|") >= 2 else (b"", b"", b"")
    try:
        partner_id = int(pid_text)
    except ValueError:
        raise KsError(INVALID_STR) from None
    partner = secrets_of.get(partner_id)
    if partner is None:
        raise KsError(INVALID_PARTNER)
    if not encrypted or len(encrypted) % 16:
        raise KsError(INVALID_STR)
    for secret in partner.all():
        decryptor = _aes(secret).decryptor()
        plain = (decryptor.update(encrypted) + decryptor.finalize()).rstrip(b"\0")
        digest, rest = plain[:_SHA1_SIZE], plain[_SHA1_SIZE:]
        if len(rest) >= _RANDOM_SIZE and _sha1(rest) == digest:
            break
    else:
        raise KsError(INVALID_STR)
    try:
        fields = dict(
            parse_qsl(
                rest[_RANDOM_SIZE:].decode("utf-8"), keep_blank_values=True, strict_parsing=False
            )
        )
        expiry = int(fields.pop("_e"))
        type_ = int(fields.pop("_t", "0"))
        master_text = fields.pop("_m", "").strip()
        master = int(master_text) if master_text else None
    except (KeyError, ValueError, UnicodeDecodeError):
        raise KsError(INVALID_STR) from None
    fields.pop("_d", None)
    user_id = fields.pop("_u", "")
    if secret not in partner.for_type(type_):
        raise KsError(INVALID_TYPE)
    _check_expiry(expiry, now)
    return Session(ks, partner_id, user_id, type_, expiry, fields, 2, master_partner_id=master)


def privileges_text(session: Session) -> str:
    return _privileges_text(session.privileges)
