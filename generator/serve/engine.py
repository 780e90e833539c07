"""The fake server's core: from a parameter tree to a result, for one call or a multi-request.

HTTP lives in `app`; this module knows services, actions, sessions, validation and state.
"""

from __future__ import annotations

import copy
import fnmatch
import re
import secrets
import sys
import time
from collections.abc import Mapping, Sequence
from typing import Any

from generator.model import (
    ActionDef,
    ClassDef,
    EnumKind,
    ObjectType,
    PrimitiveType,
    PropertyDef,
    ResultKind,
    Schema,
    ServiceDef,
    SessionRequirement,
)
from generator.serve import ks as ks_mod
from generator.serve import permissions
from generator.serve.coerce import Coercer
from generator.serve.core import (
    HIDDEN_KEY,
    Call,
    Download,
    FileResult,
    FilterHook,
    Handler,
    Hook,
    Obj,
    Outcome,
    Partner,
    ServerConfig,
    User,
)
from generator.serve.errors import ApiError, ErrorCatalog
from generator.serve.generic import generic_handler, text
from generator.serve.seed import load_seed, seed_objects
from generator.serve.services import MODULES, entries
from generator.serve.services.responseprofile import apply_response_profile
from generator.serve.store import Store
from generator.serve.wire import UploadedFile

__all__ = ["Call", "Engine", "FileResult", "Outcome", "Partner", "ServerConfig", "User"]

MAX_MULTIREQUEST = 500
_SESSION_CACHE = 4096
# Actions that change nothing stored: their calls keep the cached table views.
_READING_ACTIONS = ("get", "list", "count", "search", "serve")
_REFERENCE = re.compile(r"\{(\d+):result((?::[^{}:]+)*)\}")


class Engine:
    def __init__(self, schema: Schema, config: ServerConfig | None = None) -> None:
        self.schema = schema
        self.config = config or ServerConfig()
        self.errors = ErrorCatalog(schema)
        self.coercer = Coercer(schema, self.errors)
        self.store = Store(self.config.state_file)
        self.partners: dict[int, Partner] = {}
        self.users: list[User] = []
        self.handlers: dict[tuple[str, str], Handler] = {}
        self.add_hooks: dict[str, Hook] = {}
        self.update_hooks: dict[str, Hook] = {}
        self.delete_hooks: dict[str, Hook] = {}
        self.filter_hooks: dict[str, tuple[FilterHook, ...]] = {}
        self.view_hooks: dict[str, Hook] = {}
        self.downloads: dict[str, Download] = {}
        self._tables_of: dict[str, str | None] = {}
        self._properties: dict[str, dict[str, PropertyDef]] = {}
        self._sessions: dict[str, ks_mod.Session] = {}
        self._services = {s.id.lower(): s for s in schema.services.values()}
        self._services.update({s.name.lower(): s for s in schema.services.values()})
        self._entities: dict[str, ClassDef | None] = {}
        self._orders: dict[str, list[str]] = {}
        self._list_for_filter: dict[str, tuple[ServiceDef, ActionDef] | None] = {}
        self.partners[self.config.partner_id] = Partner(
            self.config.partner_id,
            self.config.admin_secret,
            self.config.secret,
            partner_group=self.config.partner_group,
        )
        for partner in self.config.extra_partners:
            self.partners[partner.id] = partner
        self.users.extend(self.config.users)
        if not self.users:  # one admin user, so user.loginByLoginId works out of the box
            self.users.append(
                User(self.config.partner_id, "admin", "admin", self.config.admin_secret, True)
            )
        for module in MODULES:
            module.install(self)
        if self.config.seed is not None:
            load_seed(self, self.config.seed)
        if self.config.seed_data is not None:
            seed_objects(self, self.config.seed_data, "seed_data")

    # -- schema-derived facts

    def service(self, name: str) -> ServiceDef | None:
        return self._services.get(name.lower())

    def key_order(self, class_name: str) -> list[str]:
        order = self._orders.get(class_name)
        if order is None:
            cls = self.schema.classes.get(class_name)
            order = [p.name for p in cls.all_properties] if cls is not None else []
            self._orders[class_name] = order
        return order

    def entity(self, service: ServiceDef) -> ClassDef | None:
        if service.id in self._entities:
            return self._entities[service.id]
        found: ClassDef | None = None
        for name in ("get", "add", "update"):
            action = service.action(name)
            if action is not None and isinstance(action.result, ObjectType):
                found = action.result.cls
                if found is not None:
                    break
        if found is None:
            action = service.action("list")
            if action is not None and isinstance(action.result, ObjectType) and action.result.cls:
                objects = next(
                    (p for p in action.result.cls.all_properties if p.name == "objects"), None
                )
                item = getattr(objects.type, "item", None) if objects is not None else None
                if isinstance(item, ObjectType):
                    found = item.cls
        self._entities[service.id] = found
        return found

    def table_of(self, cls: ClassDef) -> str:
        root = cls
        for ancestor in cls.ancestors():
            root = ancestor
        return root.name

    def is_instance(self, obj: Obj, cls: ClassDef) -> bool:
        actual = self.schema.classes.get(str(obj.get("objectType", "")))
        return actual is not None and actual.is_subclass_of(cls)

    def list_action_for_filter(self, filter_class: ClassDef) -> tuple[ServiceDef, ActionDef] | None:
        """The `list` action whose filter parameter is the closest base of `filter_class`."""
        if filter_class.name in self._list_for_filter:
            return self._list_for_filter[filter_class.name]
        best: tuple[int, ServiceDef, ActionDef] | None = None
        for service in self.schema.services.values():
            action = service.action("list")
            if action is None or not action.params:
                continue
            declared = action.params[0].type
            if not isinstance(declared, ObjectType) or declared.cls is None:
                continue
            if not filter_class.is_subclass_of(declared.cls):
                continue
            depth = sum(1 for _ in declared.cls.ancestors())
            if best is None or depth > best[0]:
                best = (depth, service, action)
        found = (best[1], best[2]) if best is not None else None
        self._list_for_filter[filter_class.name] = found
        return found

    def not_found(
        self, service: ServiceDef, action: ActionDef, entity: ClassDef, key: str
    ) -> ApiError:
        """Kaltura's not-found error for `entity`: from the action's <throws>, else the
        service's, else one named after the entity, else OBJECT_NOT_FOUND."""

        def snake(name: str) -> str:
            return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removeprefix("Kaltura")).upper()

        mine = snake(entity.name)
        root = snake(self.table_of(entity))
        candidates = [t for t in action.throws if t.endswith("_NOT_FOUND")]
        if root == "BASE_ENTRY":
            candidates.append("ENTRY_ID_NOT_FOUND")
        for stem in (mine, root):
            candidates += [f"{stem}_ID_NOT_FOUND", f"{stem}_NOT_FOUND"]
        candidates += [t for t in action.throws if t.startswith("INVALID_") and t.endswith("_ID")]
        for other in service.actions:
            candidates += [t for t in other.throws if t.endswith("_ID_NOT_FOUND")]
        candidates.append("OBJECT_NOT_FOUND")
        for name in candidates:
            if self.errors.defined_in_schema(name):
                return self.errors.make(name, key)
        return self.errors.make("OBJECT_NOT_FOUND", key)

    def duplicate(self, entity: ClassDef, key: str) -> ApiError:
        """Kaltura's error for an id that is taken (a writable `id`, e.g. a user id)."""
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", entity.name.removeprefix("Kaltura")).upper()
        for name in (f"DUPLICATE_{snake}_BY_ID", f"DUPLICATE_{snake}", f"{snake}_ALREADY_EXISTS"):
            if self.errors.defined_in_schema(name):
                return self.errors.make(name, key)
        return self.errors.make("INVALID_OBJECT_ID", key)

    # -- object life cycle helpers for handlers

    def properties(self, cls: ClassDef) -> dict[str, PropertyDef]:
        found = self._properties.get(cls.name)
        if found is None:
            found = {p.name: p for p in cls.all_properties}
            self._properties[cls.name] = found
        return found

    def insert(
        self, call: Call, entity: ClassDef, obj: Obj, keep_id: bool = False, copy_back: bool = True
    ) -> Obj:
        """Store a new object: server-owned properties set, read-only input dropped (a seed
        may keep its ids: `keep_id`)."""
        cls = self.schema.classes.get(str(obj.get("objectType", ""))) or entity
        if not cls.is_subclass_of(entity):
            cls = entity
        obj["objectType"] = cls.name
        props = self.properties(cls)
        for name, prop in props.items():
            if prop.read_only and name in obj and not (keep_id and name == "id"):
                del obj[name]
        table = self.table_of(entity)
        id_prop = props.get("id")
        if "id" in obj and obj["id"] is not None and id_prop is not None:
            key = text(obj["id"])
            if self.store.get(table, key) is not None:
                raise self.duplicate(entity, key)
        elif (
            id_prop is not None
            and isinstance(id_prop.type, PrimitiveType)
            and (id_prop.type.primitive.value in ("int", "bigint"))
        ):
            number = self.store.next_int(table)
            while self.store.get(table, str(number)) is not None:
                number = self.store.next_int(table)
            obj["id"] = number
            key = str(number)
        else:
            key = self.store.new_string_id(table, call.partner_id)
            if id_prop is not None:
                obj["id"] = key
            else:  # a class without an id (e.g. KalturaCategoryEntry): a hidden store key
                obj[HIDDEN_KEY] = key
        now = int(time.time())
        for name, value in (("createdAt", now), ("updatedAt", now)):
            if name in props:
                obj[name] = value
        if "partnerId" in props:
            obj["partnerId"] = call.partner_id
        for name in ("userId", "creatorId", "ownerId"):
            if name in props and not obj.get(name) and call.user_id:
                prop = props[name]
                if isinstance(prop.type, PrimitiveType) and prop.type.primitive.value == "string":
                    obj[name] = call.user_id
        status = props.get("status")
        if status is not None and "status" not in obj and status.enum is not None:
            obj["status"] = self._active_status(status.enum.consts, status.enum.kind)
        if "version" in props and "version" not in obj:
            version = props["version"]
            if isinstance(version.type, PrimitiveType) and version.type.primitive.value == "int":
                obj["version"] = 1
        hook = self.add_hooks.get(table)
        if hook is not None:
            hook(call, obj)
        self.store.put(table, key, obj)
        return copy.deepcopy(obj) if copy_back else obj

    @staticmethod
    def _active_status(consts: Sequence[Any], kind: EnumKind) -> Any:
        by_name = {c.name: c.value for c in consts}
        for name in ("READY", "ACTIVE", "ENABLED", "OK", "VALID", "APPROVED"):
            if name in by_name:
                value = by_name[name]
                return int(value) if kind is EnumKind.INT else value
        value = consts[0].value if consts else "1"
        return int(value) if kind is EnumKind.INT else value

    @staticmethod
    def key_of(obj: Obj) -> str:
        """The store key of a stored object."""
        return text(obj[HIDDEN_KEY] if HIDDEN_KEY in obj else obj.get("id"))

    def touch(self, obj: Obj) -> None:
        cls = self.schema.classes.get(str(obj.get("objectType", "")))
        if cls is not None and any(p.name == "updatedAt" for p in cls.all_properties):
            obj["updatedAt"] = int(time.time())

    # -- sessions

    def parse_session(self, ks: str) -> ks_mod.Session:
        """The session a KS grants (signature, type and expiry checked); INVALID_KS if none.
        Verified sessions are cached by their exact text (a KS is sent with every call and
        decrypting it is a good part of a call's cost); the expiry is checked every time."""
        cached = self._sessions.get(ks)
        if cached is not None and cached.expiry >= time.time():
            return cached
        try:
            session = ks_mod.parse_ks(ks, self.partner_secrets())
        except ks_mod.KsError as exc:
            raise self.errors.make("INVALID_KS", ks, exc.code, exc.description) from None
        if len(self._sessions) >= _SESSION_CACHE:
            self._sessions.clear()
        self._sessions[ks] = session
        return session

    def partner_secrets(self) -> dict[int, ks_mod.PartnerSecrets]:
        return {
            pid: ks_mod.PartnerSecrets(p.admin_secret, p.secret) for pid, p in self.partners.items()
        }

    def verify_ks(self, ks: str, service: ServiceDef, action: ActionDef) -> ks_mod.Session:
        """A KS sent with a call: valid, not revoked, within its privileges. Revocation and
        `actionslimit` are keyed by the decoded session, so no spelling of a KS escapes them."""
        session = self.parse_session(ks)
        try:
            if session.identity in self.store.revoked:
                raise ks_mod.KsError(ks_mod.LOGOUT)
            limit = session.privileges.get("actionslimit")
            if limit is not None:
                with self.store.lock:
                    used = self.store.ks_uses.get(session.identity, 0) + 1
                    self.store.ks_uses[session.identity] = used
                if not limit.strip().isdigit() or used > int(limit):
                    raise ks_mod.KsError(ks_mod.EXCEEDED_ACTIONS_LIMIT)
            restrict = session.privileges.get("urirestrict")
            if restrict:
                uri = f"/api_v3/service/{service.id}/action/{action.name}"
                if not any(fnmatch.fnmatch(uri, pattern) for pattern in restrict.split("|")):
                    raise ks_mod.KsError(ks_mod.EXCEEDED_RESTRICTED_URI)
        except ks_mod.KsError as exc:
            raise self.errors.make("INVALID_KS", ks, exc.code, exc.description) from None
        return session

    def new_ks(
        self,
        partner: Partner,
        user_id: str,
        type_: int,
        expiry: int,
        privileges: str,
        master_partner_id: int | None = None,
    ) -> str:
        return ks_mod.generate_v2(
            partner.admin_secret,
            user_id,
            type_,
            partner.id,
            expiry or 86400,
            privileges,
            master_partner_id,
        )

    # -- execution

    def execute(
        self,
        service_name: str,
        action_name: str,
        raw: Mapping[str, Any],
        files: Mapping[str, UploadedFile],
        base_url: str,
    ) -> Outcome:
        started = time.perf_counter()
        outcome = self._execute_named(service_name, action_name, raw, files, base_url)
        if self.config.log_calls:
            status = outcome.value.code if isinstance(outcome.value, ApiError) else "ok"
            elapsed = (time.perf_counter() - started) * 1000
            print(f"{service_name}.{action_name} -> {status} ({elapsed:.1f} ms)", file=sys.stderr)
        return outcome

    def _execute_named(
        self,
        service_name: str,
        action_name: str,
        raw: Mapping[str, Any],
        files: Mapping[str, UploadedFile],
        base_url: str,
    ) -> Outcome:
        action: ActionDef | None = None
        try:
            service = self.service(service_name)
            if service is None:
                raise self.errors.make("SERVICE_DOES_NOT_EXISTS", service_name)
            action = service.action(action_name) or next(
                (a for a in service.actions if a.name.lower() == action_name.lower()), None
            )
            if action is None:
                raise self.errors.make("ACTION_DOES_NOT_EXISTS", action_name, service_name)
            return self._execute(service, action, raw, files, base_url)
        except ApiError as error:
            return Outcome(error, action)
        except Exception as exc:  # a bug of ours: this call fails (with a Kaltura error, no
            # exception text), the server and the other calls of a multi-request go on
            print(f"serve: {service_name}.{action_name}: {exc!r}", file=sys.stderr)
            return Outcome(self.errors.make("INTERNAL_SERVER_ERROR", type(exc).__name__), action)

    def _execute(
        self,
        service: ServiceDef,
        action: ActionDef,
        raw: Mapping[str, Any],
        files: Mapping[str, UploadedFile],
        base_url: str,
    ) -> Outcome:
        ks_value = raw.get("ks")
        session: ks_mod.Session | None = None
        required = action.session_required
        if isinstance(ks_value, str) and ks_value and required is not SessionRequirement.NONE:
            session = self.verify_ks(ks_value, service, action)
        elif required is SessionRequirement.ALWAYS:
            raise self.errors.make("MISSING_KS")
        if session is not None:
            permissions.check_action(self, session, service, action)
        elif isinstance(ks_value, str) and ks_value:
            self._check_sent_session(ks_value, service, action)
        partner_id = session.partner_id if session is not None else self._partner_param(raw)
        args = self.coercer.params(action.params, raw, files)
        call = Call(self, service, action, args, session, partner_id, base_url, raw)
        handler = self.handlers.get((service.id, action.name), generic_handler)
        with self.store.transaction(read_only=action.name.startswith(_READING_ACTIONS)):
            value = handler(call)
            if self.view_hooks and isinstance(value, (dict, list)):
                self._view(call, value, 0)
            profile = raw.get("responseProfile")
            if profile and isinstance(value, dict):
                value = apply_response_profile(call, profile, value)
        if isinstance(value, FileResult):
            return Outcome(None, action, value.data, value.content_type)
        if action.result_kind is ResultKind.FILE and isinstance(value, bytes):
            return Outcome(None, action, value)
        return Outcome(value, action)

    def record_play(self, entry_id: str, plays: int = 1, views: int = 0) -> bool:
        """Count plays / views of an entry, for tests (`stats.collect` does it over HTTP)."""
        with self.store.transaction():
            return entries.record_play(self, entry_id, plays, views) is not None

    def _check_sent_session(self, ks: str, service: ServiceDef, action: ActionDef) -> None:
        """An action that needs no session still may not be called with a USER KS when it is
        admin-only (`session.impersonate`): Kaltura reads a KS whenever one is sent."""
        try:
            session = self.parse_session(ks)
        except ApiError:
            return
        permissions.check_action(self, session, service, action)

    def table_of_name(self, class_name: str) -> str | None:
        if class_name not in self._tables_of:
            cls = self.schema.classes.get(class_name)
            self._tables_of[class_name] = self.table_of(cls) if cls is not None else None
        return self._tables_of[class_name]

    def _view(self, call: Call, value: Any, depth: int) -> None:
        """Run the view hooks over the objects of a result (copies, never the stored ones)."""
        if depth > 6:
            return
        if type(value) is list:
            for item in value:
                if type(item) is dict or type(item) is list:
                    self._view(call, item, depth + 1)
            return
        if type(value) is not dict:
            return
        object_type = value.get("objectType")
        if type(object_type) is str:
            table = self.table_of_name(object_type)
            hook = self.view_hooks.get(table) if table is not None else None
            if hook is not None:
                hook(call, value)
                return  # a hooked object (an entry ...) holds no others that need one
        for item in value.values():
            kind = type(item)
            if kind is dict or kind is list:
                self._view(call, item, depth + 1)

    def _partner_param(self, raw: Mapping[str, Any]) -> int:
        value = raw.get("partnerId")
        try:
            return int(str(value)) if value not in (None, "") else self.config.partner_id
        except ValueError:
            return self.config.partner_id

    def execute_multi(
        self, top: Mapping[str, Any], files: Mapping[str, UploadedFile], base_url: str
    ) -> list[Outcome]:
        """`service=multirequest`: numbered calls, in key order, with `{N:result:path}`
        references to earlier results (N is the 1-based position of the call)."""
        by_number: dict[int, Mapping[str, Any]] = {}
        for k, v in top.items():
            if _is_number(k) and isinstance(v, Mapping):
                if int(k) in by_number:  # "1" and "01"
                    raise self.errors.make(
                        "INVALID_REQUEST_BODY", f"multirequest call {int(k)} is given twice"
                    )
                by_number[int(k)] = v
        numbered = sorted(by_number.items())
        if len(numbered) > MAX_MULTIREQUEST:
            raise self.errors.make(
                "INVALID_REQUEST_BODY", f"a multirequest holds at most {MAX_MULTIREQUEST} calls"
            )
        shared = {k: v for k, v in top.items() if not _is_number(k)}
        outcomes: list[Outcome] = []
        results: list[Any] = []
        for key, params in numbered:
            merged: dict[str, Any] = {
                k: v for k, v in shared.items() if k not in ("service", "action")
            }
            merged.update(params)
            merged = _resolve_references(merged, results)
            call_files = {
                name.split(":", 1)[1]: upload
                for name, upload in files.items()
                if ":" in name and _same_number(name.split(":", 1)[0], key)
            }
            service = text(merged.pop("service", ""))
            action = text(merged.pop("action", ""))
            outcome = self.execute(service, action, merged, call_files, base_url)
            outcomes.append(outcome)
            results.append(outcome.value)
        return outcomes


def _is_number(key: str) -> bool:
    return key.isascii() and key.isdigit()


def _same_number(text_key: str, number: int) -> bool:
    return _is_number(text_key) and int(text_key) == number


def _navigate(value: Any, path: list[str]) -> Any:
    for part in path:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _resolve_references(params: Any, results: list[Any]) -> Any:
    if isinstance(params, dict):
        return {k: _resolve_references(v, results) for k, v in params.items()}
    if isinstance(params, list):
        return [_resolve_references(v, results) for v in params]
    if not isinstance(params, str) or "{" not in params:
        return params

    def lookup(match: re.Match[str]) -> Any:
        index = int(match.group(1)) - 1
        if not 0 <= index < len(results) or isinstance(results[index], ApiError):
            return None
        path = [p for p in match.group(2).split(":") if p]
        return _navigate(results[index], path)

    whole = _REFERENCE.fullmatch(params)
    if whole is not None:
        found = lookup(whole)
        return params if found is None else found
    return _REFERENCE.sub(
        lambda m: text(lookup(m)) if lookup(m) is not None else m.group(0), params
    )


def new_token() -> str:
    return secrets.token_hex(16)
