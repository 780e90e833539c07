"""The fake server's core types: configuration, one call, its outcome, and the handler protocol.

The engine and every service module import this module; it imports neither of them. A
handler sees the engine only through `Host`, the part of it handlers may use, so service
modules never import the engine (no import cycle, not even a lazy one).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from generator.model import ActionDef, ClassDef, PropertyDef, Schema, ServiceDef
from generator.serve import ks as ks_mod
from generator.serve.coerce import Coercer
from generator.serve.errors import ApiError, ErrorCatalog
from generator.serve.store import Store

__all__ = [
    "HIDDEN_KEY",
    "Call",
    "FileResult",
    "FilterHook",
    "Handler",
    "Hook",
    "Host",
    "Obj",
    "Outcome",
    "Partner",
    "ServerConfig",
    "User",
    "register",
]

Obj = dict[str, Any]
HIDDEN_KEY = "_key"  # store key of objects whose class has no `id`; never rendered


@dataclass
class Partner:
    id: int
    admin_secret: str
    secret: str
    name: str = "Fake partner"
    # Kaltura's partner group: the other partners this one may start sessions for
    # (`session.impersonate`): "*" every partner, else comma-separated ids.
    partner_group: str = ""

    def may_impersonate(self, partner_id: int) -> bool:
        """`myPartnerUtils::allowPartnerAccessPartner`: itself, "*", or a listed id."""
        if partner_id == self.id or self.partner_group.strip() == "*":
            return True
        return str(partner_id) in {p.strip() for p in self.partner_group.split(",")}


@dataclass
class User:
    partner_id: int
    id: str
    login_id: str
    password: str
    is_admin: bool = True


@dataclass
class ServerConfig:
    partner_id: int = 100
    admin_secret: str = "fake-admin-secret"
    secret: str = "fake-user-secret"
    partner_group: str = ""  # the default partner's (see `Partner.partner_group`)
    max_body: int = 64 * 1024 * 1024
    state_file: Path | None = None
    seed: Path | None = None
    # The same content as a seed file, given directly (tests seeding thousands of objects).
    seed_data: Mapping[str, Any] | None = None
    extra_partners: list[Partner] = field(default_factory=list)
    users: list[User] = field(default_factory=list)
    log_calls: bool = False  # one line per call on stderr: service.action -> ok | CODE


@dataclass
class Call:
    """One action being executed."""

    engine: Host
    service: ServiceDef
    action: ActionDef
    args: dict[str, Any]
    session: ks_mod.Session | None
    partner_id: int
    base_url: str
    raw: Mapping[str, Any]

    @property
    def user_id(self) -> str:
        return self.session.user_id if self.session is not None else ""

    @property
    def is_admin(self) -> bool:
        """An admin session, or no session at all (actions that need none)."""
        return self.session is None or self.session.is_admin


@dataclass
class Outcome:
    value: Any  # a result, or an ApiError
    action: ActionDef | None
    file: bytes | None = None  # serve actions: the bytes to send
    content_type: str = "application/octet-stream"


class FileResult:
    """What a handler of a serve action returns: raw bytes, not an envelope."""

    def __init__(self, data: bytes, content_type: str = "application/octet-stream") -> None:
        self.data = data
        self.content_type = content_type


Handler = Callable[[Call], Any]
Download = Callable[[str, str], "tuple[bytes, str] | None"]
Hook = Callable[[Call, Obj], None]
# Extra filter semantics for keys that are not `<property><Suffix>` (category ancestry ...):
# (host, filter key, value, object) -> matches? ; None when the hook does not apply.
FilterHook = Callable[["Host", str, Any, Obj], "bool | None"]


class Host(Protocol):
    """What handlers and service modules may use of the engine."""

    schema: Schema
    config: ServerConfig
    errors: ErrorCatalog
    coercer: Coercer
    store: Store
    partners: dict[int, Partner]
    users: list[User]
    handlers: dict[tuple[str, str], Handler]
    add_hooks: dict[str, Hook]
    update_hooks: dict[str, Hook]
    delete_hooks: dict[str, Hook]
    filter_hooks: dict[str, tuple[FilterHook, ...]]
    # Per table: fills in what a real server computes (URLs, counters) on an object's copy
    # as it leaves the server.
    view_hooks: dict[str, Hook]
    # `/p/{pid}/sp/{pid}00/{kind}/{id kind}/{id}` downloads by kind ("thumbnail" ...):
    # (id kind, id) -> (bytes, content type), or None for a 404.
    downloads: dict[str, Download]

    def service(self, name: str) -> ServiceDef | None: ...
    def key_order(self, class_name: str) -> Sequence[str]: ...
    def entity(self, service: ServiceDef) -> ClassDef | None: ...
    def table_of(self, cls: ClassDef) -> str: ...
    def properties(self, cls: ClassDef) -> dict[str, PropertyDef]: ...
    def is_instance(self, obj: Obj, cls: ClassDef) -> bool: ...
    def list_action_for_filter(
        self, filter_class: ClassDef
    ) -> tuple[ServiceDef, ActionDef] | None: ...
    def not_found(
        self, service: ServiceDef, action: ActionDef, entity: ClassDef, key: str
    ) -> ApiError: ...
    def insert(
        self, call: Call, entity: ClassDef, obj: Obj, keep_id: bool = False, copy_back: bool = True
    ) -> Obj:
        """Store a new object; returns a copy (the stored object itself if not `copy_back`)."""
        ...

    def key_of(self, obj: Obj) -> str: ...
    def touch(self, obj: Obj) -> None: ...
    def new_ks(
        self,
        partner: Partner,
        user_id: str,
        type_: int,
        expiry: int,
        privileges: str,
        master_partner_id: int | None = None,
    ) -> str: ...
    def parse_session(self, ks: str) -> ks_mod.Session: ...


def register(host: Host, service: str, action: str, handler: Handler) -> None:
    """Register `handler` for `service.action` when the schema defines it."""
    svc = host.service(service)
    if svc is None or svc.action(action) is None:
        return
    host.handlers[(svc.id, action)] = handler
