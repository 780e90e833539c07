"""Sessions: `session.start`, `session.end`, `user.loginByLoginId` (seeded users)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.serve.generic import text
from generator.serve.services import register

if TYPE_CHECKING:
    from generator.serve.engine import Call, Engine

SESSION_ADMIN = 2


def install(engine: Engine) -> None:
    register(engine, "session", "start", start)
    register(engine, "session", "end", end)
    register(engine, "user", "loginByLoginId", login_by_login_id)


def start(call: Call) -> str:
    engine = call.engine
    args = call.args
    pid = args.get("partnerId")
    partner_id = int(pid) if pid is not None else engine.config.partner_id
    partner = engine.partners.get(partner_id)
    if partner is None:
        raise engine.errors.make("START_SESSION_ERROR", partner_id)
    type_ = int(args.get("type") or 0)
    secret = text(args.get("secret"))
    allowed = (
        (partner.admin_secret,)
        if type_ == SESSION_ADMIN
        else (partner.admin_secret, partner.secret)
    )
    if secret not in allowed:
        raise engine.errors.make("START_SESSION_ERROR", partner_id)
    expiry = int(args.get("expiry") or 86400)
    return engine.new_ks(
        partner, text(args.get("userId")), type_, expiry, text(args.get("privileges"))
    )


def end(call: Call) -> None:
    if call.session is not None:
        call.engine.store.revoke(call.session.ks)


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
