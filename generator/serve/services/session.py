"""Sessions: `session.start`, `session.end`, `session.impersonate`, `session.impersonateByKs`,
`session.get`, `user.loginByLoginId` (seeded users) and OTT's logins.

Impersonation follows Kaltura's `SessionService`: the calling partner proves itself with
its secret (`impersonate`) or its KS (`impersonateByKs`), must be allowed to act for the
other partner (itself, or its partner group: `Partner.partner_group`, "*" or ids), and gets
a KS of the impersonated partner whose master partner (`_m`) is the caller. Every failure
is `START_SESSION_ERROR` naming the calling partner, as Kaltura answers.
"""

from __future__ import annotations

import time
from typing import Any

from generator.serve import ks as ks_mod
from generator.serve.core import Call, Host, Partner, register
from generator.serve.errors import ApiError
from generator.serve.generic import text

SESSION_ADMIN = 2


def install(engine: Host) -> None:
    register(engine, "session", "start", start)
    register(engine, "session", "end", end)
    register(engine, "user", "loginByLoginId", login_by_login_id)
    register(engine, "session", "impersonate", impersonate)
    register(engine, "session", "impersonateByKs", impersonate_by_ks)
    install_more(engine)


def _secret_partner(call: Call, type_: int) -> Partner:
    """The partner named by `partnerId` (else the default one) whose `secret` fits a session
    of `type_` (an ADMIN session needs the admin secret); START_SESSION_ERROR if none."""
    engine = call.engine
    pid = call.args.get("partnerId")
    partner_id = int(pid) if pid is not None else engine.config.partner_id
    partner = engine.partners.get(partner_id)
    if partner is None:
        raise engine.errors.make("START_SESSION_ERROR", partner_id)
    secret = text(call.args.get("secret"))
    allowed = (
        (partner.admin_secret,)
        if type_ == SESSION_ADMIN
        else (partner.admin_secret, partner.secret)
    )
    if secret not in allowed:
        raise engine.errors.make("START_SESSION_ERROR", partner_id)
    return partner


def start(call: Call) -> str:
    engine = call.engine
    args = call.args
    type_ = int(args.get("type") or 0)
    partner = _secret_partner(call, type_)
    expiry = int(args.get("expiry") or 86400)
    return engine.new_ks(
        partner, text(args.get("userId")), type_, expiry, text(args.get("privileges"))
    )


def impersonate(call: Call) -> str:
    """`session.impersonate`: a KS of `impersonatedPartnerId` for a partner proven by its
    own secret (`partnerId`), marked with that partner as the master partner."""
    engine = call.engine
    args = call.args
    type_ = int(args.get("type") or 0)
    master = _secret_partner(call, type_)
    target = _impersonated(call, master, args.get("impersonatedPartnerId"))
    return engine.new_ks(
        target,
        text(args.get("userId")),
        type_,
        int(args.get("expiry") or 86400),
        text(args.get("privileges")),
        master.id,
    )


def _impersonated(call: Call, master: Partner, partner_id: Any) -> Partner:
    """The partner `master` may start a session for; START_SESSION_ERROR (naming `master`)
    if it does not exist or is outside `master`'s partner group."""
    engine = call.engine
    target = engine.partners.get(int(partner_id)) if partner_id is not None else None
    if target is None or not master.may_impersonate(target.id):
        raise engine.errors.make("START_SESSION_ERROR", master.id)
    return target


def impersonate_by_ks(call: Call) -> Any:
    """`session.impersonateByKs`: a new KS for the partner and user of `session` (a KS of
    the impersonated partner), with the type, expiry and privileges given, else the old
    KS's; the caller's partner is its master partner."""
    engine = call.engine
    args = call.args
    caller = engine.partners.get(call.partner_id)
    if caller is None:
        raise engine.errors.make("START_SESSION_ERROR", call.partner_id)
    try:
        old = engine.parse_session(text(args.get("session")))
    except ApiError:
        raise engine.errors.make("START_SESSION_ERROR", caller.id) from None
    target = _impersonated(call, caller, old.partner_id)
    type_ = int(args["type"]) if args.get("type") is not None else old.type
    if args.get("expiry") is not None:
        expiry = int(args["expiry"])
    else:
        expiry = max(1, old.expiry - int(time.time()))
    privileges = text(args.get("privileges")) or ks_mod.privileges_text(old)
    ks = engine.new_ks(target, old.user_id, type_, expiry, privileges, caller.id)
    return _shape(
        call,
        _result_class(call, "KalturaSessionInfo"),
        {
            "ks": ks,
            "partnerId": target.id,
            "userId": old.user_id,
            "expiry": expiry,  # seconds from now, as Kaltura answers here (not a time)
            "sessionType": type_,
            "privileges": privileges,
        },
    )


def end(call: Call) -> None:
    if call.session is not None:
        call.engine.store.revoke(call.session.identity)


def login_by_login_id(call: Call) -> Any:
    engine = call.engine
    args = call.args
    login = text(args.get("loginId")).lower()
    pid = args.get("partnerId")
    users = [
        u
        for u in engine.users
        if u.login_id.lower() == login and (pid is None or u.partner_id == int(pid))
    ]
    if not users:
        raise engine.errors.make("USER_NOT_FOUND")
    user = users[0]
    if user.password != text(args.get("password")):
        raise engine.errors.make("USER_WRONG_PASSWORD")
    partner = engine.partners[user.partner_id]
    privileges = args.get("privileges")
    return engine.new_ks(
        partner,
        user.id,
        SESSION_ADMIN if user.is_admin else 0,
        int(args.get("expiry") or 86400),
        "*" if privileges is None else text(privileges),
    )


# --------------------------------------------------------------------------- more sessions


def _shape(call: Call, class_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """An object of `class_name` holding those of `values` the class declares."""
    known = set(call.engine.key_order(class_name))
    obj: dict[str, Any] = {"objectType": class_name}
    obj.update({k: v for k, v in values.items() if k in known and v is not None})
    return obj


def _result_class(call: Call, default: str) -> str:
    result = call.action.result
    cls = getattr(result, "cls", None)
    return cls.name if cls is not None else default


def session_get(call: Call) -> Any:
    """`session.get`: what a KS (the `session` argument, else the caller's) grants."""
    engine = call.engine
    other = call.args.get("session")
    if other:
        session = engine.parse_session(text(other))
    elif call.session is not None:
        session = call.session
    else:
        raise engine.errors.make("MISSING_KS")
    return _shape(
        call,
        _result_class(call, "KalturaSessionInfo"),
        {
            "ks": session.ks,
            "sessionType": session.type,
            "partnerId": session.partner_id,
            "userId": session.user_id,
            "expiry": session.expiry,
            "privileges": ks_mod.privileges_text(session),
        },
    )


def _login_session(call: Call, ks: str, expiry: int) -> dict[str, Any]:
    return _shape(
        call,
        "KalturaLoginSession",
        {"ks": ks, "expiry": int(time.time()) + expiry, "refreshToken": ks[-16:]},
    )


def ott_login(call: Call) -> Any:
    """OTT `ottUser.login`: seeded users by username and password."""
    engine = call.engine
    args = call.args
    partner_id = int(args.get("partnerId") or engine.config.partner_id)
    username = text(args.get("username")).lower()
    user = next(
        (u for u in engine.users if u.partner_id == partner_id and u.login_id.lower() == username),
        None,
    )
    if user is None or user.password != text(args.get("password")):
        raise engine.errors.make("USER_WRONG_PASSWORD")
    partner = engine.partners[partner_id]
    ks = engine.new_ks(partner, user.id, SESSION_ADMIN if user.is_admin else 0, 86400, "")
    return _shape(
        call,
        _result_class(call, "KalturaLoginResponse"),
        {
            "user": _shape(call, "KalturaOTTUser", {"id": user.id, "username": user.login_id}),
            "loginSession": _login_session(call, ks, 86400),
        },
    )


def ott_anonymous_login(call: Call) -> Any:
    engine = call.engine
    partner_id = int(call.args.get("partnerId") or engine.config.partner_id)
    partner = engine.partners.get(partner_id)
    if partner is None:
        raise engine.errors.make("INVALID_PARTNER_ID", partner_id)
    return _login_session(call, engine.new_ks(partner, "0", 0, 86400, ""), 86400)


def install_more(engine: Host) -> None:
    register(engine, "session", "get", session_get)
    register(engine, "ottUser", "login", ott_login)
    register(engine, "ottUser", "anonymousLogin", ott_anonymous_login)
