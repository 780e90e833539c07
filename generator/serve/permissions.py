"""What a USER session (KS type 0) may do, as Kaltura's default permissions for it say.

An ADMIN session may do everything. A USER session:

* may not call the admin-only services and actions of `ADMIN_ONLY` (user, partner and role
  management, impersonation): `SERVICE_FORBIDDEN`;
* sees and changes only the objects it owns in the tables of `OWNED` (its entries: `userId`,
  `creatorId` or an entitled user), unless a privilege of its KS widens that
  (`WIDENING`): `list:*` lists every entry, `sview:<id>` / `sview:*` and `view:*` let it read
  one or every entry, `edit:<id>` / `edit:*` let it change one or every entry.
  `enableentitlement` keeps the restriction even for a KS that would otherwise list all.
  Reading someone else's entry answers as if it did not exist; changing it is
  `INVALID_KS` with `-4,INVALID_TYPE`, as Kaltura's entry services do.

The rules are data: change the tables, not the code.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import ActionDef, ServiceDef
from generator.serve import ks as ks_mod
from generator.serve.core import Call, Host, Obj
from generator.serve.errors import ApiError

__all__ = ["ADMIN_ONLY", "OWNED", "WIDENING", "check_action", "list_predicate", "may_access"]

ALL = "*"

# service id (lower case) -> actions only an ADMIN KS may call ("*": every action), and the
# actions of such a service a USER KS keeps.
ADMIN_ONLY: dict[str, tuple[frozenset[str] | str, frozenset[str]]] = {
    "user": (
        ALL,
        frozenset(
            {
                "get",
                "loginByLoginId",
                "login",
                "loginByKs",
                "resetPassword",
                "setInitialPassword",
                "updateLoginData",
                "getByLoginId",
            }
        ),
    ),
    "partner": (
        ALL,
        frozenset(
            {
                "getPublicInfo",
                "register",
                "registrationValidation",
                "getSecrets",
                "listPartnersForUser",
            }
        ),
    ),
    "session": (frozenset({"impersonate", "impersonateByKs"}), frozenset()),
    "permission": (frozenset({"add", "update", "delete"}), frozenset()),
    "userrole": (ALL, frozenset({"get", "list"})),
    "adminuser": (frozenset({"updatePassword"}), frozenset()),
}

# table -> the properties naming an object's owners.
OWNED: dict[str, tuple[str, ...]] = {
    "KalturaBaseEntry": ("userId", "creatorId", "entitledUsersEdit", "entitledUsersPublish"),
}

# access kind -> KS privileges that grant it for every object ("*") or one (its id).
WIDENING: dict[str, tuple[str, ...]] = {
    "list": ("list",),
    "view": ("sview", "view", "list", "edit"),
    "edit": ("edit",),
}

# Actions that only read the object they name.
_READING_PREFIXES = ("get", "list", "count", "serve", "export", "search", "execute")


def access_kind(action: ActionDef) -> str:
    return "view" if action.name.startswith(_READING_PREFIXES) else "edit"


def check_action(
    host: Host, session: ks_mod.Session, service: ServiceDef, action: ActionDef
) -> None:
    if session.is_admin:
        return
    rule = ADMIN_ONLY.get(service.id.lower())
    if rule is None:
        return
    actions, kept = rule
    if action.name in kept:
        return
    if actions == ALL or action.name in actions:
        raise host.errors.make("SERVICE_FORBIDDEN", f"{service.id}->{action.name}")


def _owners(obj: Obj, names: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for name in names:
        value = obj.get(name)
        if value:
            found.update(v.strip() for v in str(value).split(",") if v.strip())
    return found


def _widened(session: ks_mod.Session, kind: str, key: str) -> bool:
    for privilege in WIDENING[kind]:
        value = session.privileges.get(privilege)
        if value is None:
            continue
        if value == ALL or key in {v.strip() for v in value.split(";") + value.split("|")}:
            return True
    return session.privileges.get("all") == ALL and kind != "edit"


def may_access(call: Call, table: str, obj: Obj, kind: str) -> bool:
    session = call.session
    if session is None or session.is_admin or table not in OWNED:
        return True
    if session.user_id and session.user_id in _owners(obj, OWNED[table]):
        return True
    return _widened(session, kind, str(obj.get("id", "")))


def list_predicate(call: Call, table: str) -> Callable[[Obj], bool] | None:
    """The extra condition a USER session puts on a list, or None."""
    session = call.session
    if session is None or session.is_admin or table not in OWNED:
        return None
    entitled = "enableentitlement" in session.privileges
    if not entitled and _widened(session, "list", ""):
        return None
    names = OWNED[table]
    user = session.user_id

    def visible(obj: Obj) -> bool:
        return bool(user) and user in _owners(obj, names)

    return visible


def refuse_edit(call: Call) -> ApiError:
    code, description = ks_mod.INVALID_TYPE
    ks = call.session.ks if call.session is not None else ""
    return call.engine.errors.make("INVALID_KS", ks, code, description)
