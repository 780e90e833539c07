"""Generic semantics, derived from the schema and the action's name.

A service manages one entity: the class its `get` (else `add`, else `list`) returns. Objects
live in a table named after the entity's root class, so `media`, `playlist`, `data` and
`baseEntry` share the entry table and each sees the subclasses it should. `add`, `get`,
`update`, `delete`, `list` and `count` follow from that; any other action returns a
type-correct value (the stored object when it takes the object's id and returns its class).
"""

from __future__ import annotations

import copy
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

from generator.model import (
    ArrayType,
    ClassDef,
    EnumKind,
    MapType,
    ObjectType,
    ParamDef,
    Primitive,
    PrimitiveType,
    Schema,
    Type,
)
from generator.serve import permissions
from generator.serve.core import Call, FilterHook, Host, Obj
from generator.serve.errors import ApiError
from generator.serve.query import (
    Query,
    conditions_of,
    hook_claims,
    hook_predicate,
    number,
    run_query,
    sort_key,
    text,
    view_of,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_MATCHES",
    "FilterHook",
    "clone",
    "default_value",
    "filter_objects",
    "generic_handler",
    "matches",
    "text",
    "tokens",
]


def clone(value: _T) -> _T:
    """A deep copy of stored JSON-like data (dicts, lists, scalars), several times faster than
    `copy.deepcopy`; anything else goes through deepcopy."""
    return cast(_T, _clone(value))


def _clone(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {k: (v if type(v) in _SCALARS else _clone(v)) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _SCALARS else _clone(v) for v in value]
    if kind in _SCALARS:
        return value
    return copy.deepcopy(value)


_T = TypeVar("_T")
_SCALARS = frozenset({str, int, float, bool, type(None)})
DEFAULT_PAGE_SIZE = 30
MAX_PAGE_SIZE = 500
# Kaltura's search back end returns at most this many matches of a list: a page starting at
# or past it is QUERY_EXCEEDED_MAX_MATCHES_ALLOWED, a page straddling it is cut short, and
# totalCount is still the real count (SphinxCriteria::MAX_MATCHES, total_found). Clients
# page further with a createdAt cursor (orderBy +createdAt, createdAtGreaterThanOrEqual).
MAX_MATCHES = 10_000

# Filter property suffixes, longest first so `GreaterThanOrEqual` wins over `GreaterThan`.
_SUFFIXES = (
    "GreaterThanOrEqual",
    "LessThanOrEqual",
    "GreaterThanOrNull",
    "LessThanOrNull",
    "MultiLikeOr",
    "MultiLikeAnd",
    "GreaterThan",
    "LessThan",
    "StartsWith",
    "NotContains",
    "NotEqual",
    "MatchOr",
    "MatchAnd",
    "Contains",
    "NotIn",
    "Equal",
    "Like",
    "In",
)
_IGNORED_FILTER_KEYS = frozenset({"objectType", "orderBy", "advancedSearch", "relatedObjects"})

_TOKEN_STRIP = " \t\r\n[]()'\""


def tokens(value: Any) -> list[str]:
    """A comma-separated list (lenient: `[1, 8]` as a stringified list works too)."""
    if isinstance(value, list):
        return [text(v) for v in value]
    return [t.strip(_TOKEN_STRIP) for t in text(value).split(",") if t.strip(_TOKEN_STRIP)]


_number = number


def split_filter_key(key: str) -> tuple[str, str]:
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)], suffix
    return key, ""


def _match_one(stored: Any, op: str, wanted: Any) -> bool:
    if op == "Equal":
        return stored is not None and text(stored) == text(wanted)
    if op == "NotEqual":
        return text(stored) != text(wanted)
    if op == "In":
        return stored is not None and text(stored) in set(tokens(wanted))
    if op == "NotIn":
        return text(stored) not in set(tokens(wanted))
    if op in ("GreaterThanOrEqual", "LessThanOrEqual", "GreaterThan", "LessThan"):
        a, b = _number(stored), _number(wanted)
        if a is None or b is None:
            return False
        return {
            "GreaterThanOrEqual": a >= b,
            "LessThanOrEqual": a <= b,
            "GreaterThan": a > b,
            "LessThan": a < b,
        }[op]
    if op in ("GreaterThanOrNull", "LessThanOrNull"):
        if stored is None:
            return True
        a, b = _number(stored), _number(wanted)
        return a is not None and b is not None and (a >= b if op[0] == "G" else a <= b)
    haystack = text(stored).lower()
    if op == "Like" or op == "Contains":
        return text(wanted).lower() in haystack
    if op == "NotContains":
        return text(wanted).lower() not in haystack
    if op == "StartsWith":
        return haystack.startswith(text(wanted).lower())
    if op == "MultiLikeOr":
        return any(t.lower() in haystack for t in tokens(wanted))
    if op == "MultiLikeAnd":
        return all(t.lower() in haystack for t in tokens(wanted))
    stored_tokens = {t.lower() for t in tokens(stored)}
    if op == "MatchOr":
        return any(t.lower() in stored_tokens for t in tokens(wanted))
    if op == "MatchAnd":
        return all(t.lower() in stored_tokens for t in tokens(wanted))
    return True


def matches(
    engine: Host, obj: Obj, flt: Mapping[str, Any], hooks: Iterable[FilterHook] = ()
) -> bool:
    for key, wanted in flt.items():
        if wanted is None:
            continue
        handled = None
        for hook in hooks:
            handled = hook(engine, key, wanted, obj)
            if handled is not None:
                break
        if handled is not None:
            if not handled:
                return False
            continue
        if key in _IGNORED_FILTER_KEYS:
            continue
        field, op = split_filter_key(key)
        if not op:
            continue
        if field not in obj and not _known_property(engine, obj, field):
            continue  # a filter on something this fake does not model: no restriction
        if not _match_one(obj.get(field), op, wanted):
            return False
    return True


def _known_property(engine: Host, obj: Obj, field: str) -> bool:
    cls = engine.schema.classes.get(str(obj.get("objectType", "")))
    return cls is not None and any(p.name == field for p in cls.all_properties)


_sort_key = sort_key


def _field_key(field: str) -> Callable[[Obj], tuple[int, Any]]:
    def key(obj: Obj) -> tuple[int, Any]:
        return _sort_key(obj.get(field))

    return key


def order_objects(objects: list[Obj], order_by: Any) -> list[Obj]:
    for part in reversed(tokens(order_by) if order_by else []):
        descending = part.startswith("-")
        field = part.lstrip("+-")
        objects.sort(key=_field_key(field), reverse=descending)
    return objects


def pager_window(pager: Mapping[str, Any] | None) -> tuple[int, int]:
    """(offset, size) of a `KalturaFilterPager`, within Kaltura's limits."""
    size, index = DEFAULT_PAGE_SIZE, 1
    if pager:
        raw_size = pager.get("pageSize")
        raw_index = pager.get("pageIndex")
        if isinstance(raw_size, int) and raw_size > 0:
            size = min(raw_size, MAX_PAGE_SIZE)
        if isinstance(raw_index, int) and raw_index > 0:
            index = raw_index
    return (index - 1) * size, size


def page(objects: list[Obj], pager: Mapping[str, Any] | None) -> list[Obj]:
    start, size = pager_window(pager)
    return objects[start : start + size]


def capped_page(host: Host, objects: Sequence[Obj], pager: Mapping[str, Any] | None) -> list[Obj]:
    """A list action's page, under Kaltura's 10,000-match cap."""
    offset, size = pager_window(pager)
    if offset >= MAX_MATCHES:
        raise host.errors.make("QUERY_EXCEEDED_MAX_MATCHES_ALLOWED")
    return list(objects[offset : min(offset + size, MAX_MATCHES)])


def filter_objects(
    engine: Host,
    table: str,
    cls: ClassDef | None,
    flt: Mapping[str, Any] | None,
    partner_id: int | None,
    call: Call | None = None,
) -> Sequence[Obj]:
    """The objects of `table` that are `cls` instances of the partner, match the filter and
    may be listed by the call's session, in the filter's `orderBy`."""
    hooks = engine.filter_hooks.get(table, ())
    classes = None
    if cls is not None:
        classes = frozenset(c.name for c in [cls, *engine.schema.descendants(cls)])
    query = Query(classes, partner_id, declares=_declares(engine))
    if flt:
        plain: dict[str, Any] = {}
        for key, wanted in flt.items():
            if wanted is None:
                continue
            if hooks and hook_claims(engine, hooks, key, wanted):
                query.predicates.append(hook_predicate(engine, hooks, key, wanted))
            else:
                plain[key] = wanted
        query.conditions = conditions_of(plain, split_filter_key, _IGNORED_FILTER_KEYS)
        for part in tokens(flt.get("orderBy")) if flt.get("orderBy") else []:
            name = part.lstrip("+-")
            if name:
                query.order.append((name, part.startswith("-")))
    if call is not None:
        visible = permissions.list_predicate(call, table)
        if visible is not None:
            query.predicates.append(visible)
    return run_query(view_of(engine, table), query, _match_one, tokens)


# Weak keys, not id(): a schema's id is reused once it is collected (tests run many).
_DECLARES: weakref.WeakKeyDictionary[Schema, Callable[[str, str], bool]] = (
    weakref.WeakKeyDictionary()
)


def _declares(host: Host) -> Callable[[str, str], bool]:
    """(class name, property) -> does the class declare it; cached per schema."""
    found = _DECLARES.get(host.schema)
    if found is None:
        cache: dict[str, frozenset[str]] = {}
        schema = host.schema

        def declares(class_name: str, name: str) -> bool:
            names = cache.get(class_name)
            if names is None:
                cls = schema.classes.get(class_name)
                names = frozenset(p.name for p in cls.all_properties) if cls else frozenset()
                cache[class_name] = names
            return name in names

        _DECLARES[host.schema] = found = declares
    return found


# --------------------------------------------------------------------------- defaults


def concrete(engine: Host, cls: ClassDef) -> ClassDef:
    if not cls.abstract:
        return cls
    return next((c for c in engine.schema.descendants(cls) if not c.abstract), cls)


def default_value(engine: Host, t: Type | None) -> Any:
    if t is None:
        return None
    if isinstance(t, PrimitiveType):
        if t.enum is not None and t.enum.consts:
            value = t.enum.consts[0].value
            return int(value) if t.enum.kind is EnumKind.INT else value
        return {
            Primitive.INT: 0,
            Primitive.BIGINT: 0,
            Primitive.FLOAT: 0.0,
            Primitive.BOOL: False,
            Primitive.STRING: "",
            Primitive.FILE: b"",
        }[t.primitive]
    if isinstance(t, ArrayType):
        return []
    if isinstance(t, MapType):
        return {}
    if t.cls is None:
        return {"objectType": "KalturaObjectBase"}
    cls = concrete(engine, t.cls)
    obj: Obj = {"objectType": cls.name}
    names = {p.name for p in cls.all_properties}
    if "objects" in names:
        obj["objects"] = []
    if "totalCount" in names:
        obj["totalCount"] = 0
    return obj


# --------------------------------------------------------------------------- the handler


def _object_param(params: tuple[ParamDef, ...]) -> ParamDef | None:
    return next((p for p in params if isinstance(p.type, ObjectType)), None)


def _id_param(params: tuple[ParamDef, ...]) -> ParamDef | None:
    return next(
        (
            p
            for p in params
            if isinstance(p.type, PrimitiveType)
            and p.type.primitive in (Primitive.STRING, Primitive.INT, Primitive.BIGINT)
            and not p.optional
        ),
        None,
    )


def generic_handler(call: Call) -> Any:
    return conform(call, _generic(call))


def _generic(call: Call) -> Any:
    name = call.action.name
    engine = call.engine
    entity = engine.entity(call.service)
    if entity is not None:
        if name == "add":
            return add(call, entity)
        if name == "get":
            return clone(get_object(call, entity))
        if name == "update":
            return update(call, entity)
        if name == "delete":
            return delete(call, entity)
        if name == "list":
            return list_objects(call, entity)
        if name == "count":
            flt = filter_arg(call)
            return len(
                filter_objects(engine, engine.table_of(entity), entity, flt, call.partner_id, call)
            )
    return other(call, entity)


def conform(call: Call, value: Any) -> Any:
    """Shape a generic result to the action's declared result type (schemas differ: an
    OTT `add` may return a bool, an OVP `delete` nothing, a `count` an object ...)."""
    result = call.action.result
    if result is None:
        return None
    if isinstance(result, PrimitiveType):
        if isinstance(value, dict):
            value = value.get("id")
        p = result.primitive
        if p is Primitive.BOOL:
            return value if isinstance(value, bool) else True
        if p in (Primitive.INT, Primitive.BIGINT):
            return value if isinstance(value, int) and not isinstance(value, bool) else 0
        if p is Primitive.FLOAT:
            return float(value) if isinstance(value, (int, float)) else 0.0
        if p is Primitive.STRING:
            return value if isinstance(value, str) else ("" if value is None else text(value))
        return value
    if isinstance(result, ObjectType):
        if isinstance(value, dict) and (
            result.cls is None or call.engine.is_instance(value, result.cls)
        ):
            return value
        return default_value(call.engine, result)
    if isinstance(result, ArrayType):
        return value if isinstance(value, list) else []
    return value if isinstance(value, dict) and "objectType" not in value else {}


def other(call: Call, entity: ClassDef | None) -> Any:
    engine = call.engine
    result = call.action.result
    id_param = _id_param(call.action.params)
    if (
        entity is not None
        and id_param is not None
        and isinstance(result, ObjectType)
        and result.cls is not None
        and entity.is_subclass_of(result.cls)
    ):
        found = engine.store.get(engine.table_of(entity), text(call.args.get(id_param.name)))
        if found is not None and engine.is_instance(found, entity):
            return clone(found)
    return default_value(engine, result)


def _object_arg(call: Call, suffix: str) -> Obj | None:
    """The argument whose declared class ends with `suffix` ("Filter", "Pager")."""
    for param in call.action.params:
        t = param.type
        if isinstance(t, ObjectType) and t.cls is not None and t.cls.name.endswith(suffix):
            value = call.args.get(param.name)
            return value if isinstance(value, dict) else None
    value = call.args.get(suffix.lower())
    return value if isinstance(value, dict) else None


def filter_arg(call: Call) -> Obj | None:
    return _object_arg(call, "Filter")


def pager_arg(call: Call) -> Obj | None:
    return _object_arg(call, "Pager")


def id_of(call: Call) -> str:
    param = _id_param(call.action.params)
    if param is None:
        raise call.engine.errors.make("MISSING_MANDATORY_PARAMETER", "id")
    return text(call.args.get(param.name))


def not_found(call: Call, entity: ClassDef, key: str) -> ApiError:
    return call.engine.not_found(call.service, call.action, entity, key)


def _composite_key(call: Call, entity: ClassDef) -> dict[str, str] | None:
    """The values that name a membership row: `categoryUser.get(categoryId, userId)`,
    `groupUser.delete(userId, groupId)`. Two or more required scalar parameters that are
    all properties of the entity, none of them its id; None for an ordinary id lookup."""
    props = call.engine.properties(entity)
    named = [
        p
        for p in call.action.params
        if not p.optional and isinstance(p.type, PrimitiveType) and p.name in props
    ]
    if len(named) < 2 or any(p.name == "id" for p in named):
        return None
    return {p.name: text(call.args.get(p.name)) for p in named}


def _find_by(call: Call, entity: ClassDef, wanted: Mapping[str, str]) -> str | None:
    rows = call.engine.store.table(call.engine.table_of(entity))
    for key, row in rows.items():
        if all(text(row.get(name)) == value for name, value in wanted.items()):
            return key
    return None


def get_object(call: Call, entity: ClassDef, key: str | None = None) -> Obj:
    engine = call.engine
    if key is None:
        composite = _composite_key(call, entity)
        if composite is not None:
            found = _find_by(call, entity, composite)
            if found is None:
                raise not_found(call, entity, ",".join(composite.values()))
            key = found
        else:
            key = id_of(call)
    obj = engine.store.get(engine.table_of(entity), key)
    if (
        obj is None
        or not engine.is_instance(obj, entity)
        or obj.get("partnerId") not in (None, call.partner_id)
    ):
        raise not_found(call, entity, key)
    if call.session is not None and not call.session.is_admin:
        kind = permissions.access_kind(call.action)
        if not permissions.may_access(call, engine.table_of(entity), obj, kind):
            if kind == "view":
                raise not_found(call, entity, key)
            raise permissions.refuse_edit(call)
    return obj


def add(call: Call, entity: ClassDef, obj: Obj | None = None) -> Obj:
    engine = call.engine
    if obj is None:
        param = _object_param(call.action.params)
        given = call.args.get(param.name) if param is not None else None
        obj = dict(given) if isinstance(given, dict) else {"objectType": entity.name}
    return engine.insert(call, entity, obj)


_NOT_UPDATABLE_SKIP = frozenset({"objectType", "relatedObjects"})


def check_updatable(call: Call, changes: Obj) -> None:
    engine = call.engine
    cls = engine.schema.classes.get(str(changes.get("objectType", "")))
    if cls is None:
        return
    for prop in cls.all_properties:
        if prop.name in _NOT_UPDATABLE_SKIP:
            continue
        if changes.get(prop.name) is not None and (prop.read_only or prop.insert_only):
            raise engine.errors.make(
                "PROPERTY_VALIDATION_NOT_UPDATABLE", f"{cls.name}::{prop.name}"
            )


def update(call: Call, entity: ClassDef) -> Obj:
    engine = call.engine
    existing = get_object(call, entity)
    param = next(
        (p for p in call.action.params if isinstance(p.type, ObjectType)),
        None,
    )
    changes = call.args.get(param.name) if param is not None else None
    updated = clone(existing)
    if isinstance(changes, dict):
        check_updatable(call, changes)
        merge(updated, changes)
    engine.touch(updated)
    table, key = engine.table_of(entity), engine.key_of(existing)
    engine.store.put(table, key, updated)
    hook = engine.update_hooks.get(table)
    if hook is not None:
        try:
            hook(call, updated)
        except BaseException:  # all or nothing: a refused update leaves the object as it was
            engine.store.put(table, key, existing)
            raise
    return clone(updated)


def merge(existing: Obj, changes: Obj) -> None:
    for key, value in changes.items():
        if key == "objectType":
            continue
        if value is None:
            existing.pop(key, None)
        else:
            existing[key] = clone(value)


def delete(call: Call, entity: ClassDef) -> Obj:
    engine = call.engine
    obj = get_object(call, entity)
    table = engine.table_of(entity)
    hook = engine.delete_hooks.get(table)
    if hook is not None:
        hook(call, obj)
    engine.store.delete(table, engine.key_of(obj))
    return clone(obj)


def list_objects(call: Call, entity: ClassDef, objects: Sequence[Obj] | None = None) -> Obj:
    engine = call.engine
    if objects is None:
        flt = filter_arg(call)
        objects = filter_objects(
            engine, engine.table_of(entity), entity, flt, call.partner_id, call
        )
    result = default_value(engine, call.action.result)
    listed = clone(capped_page(engine, objects, pager_arg(call)))
    if not isinstance(result, dict):
        return {"objects": listed}
    result["objects"] = listed
    result["totalCount"] = len(objects)
    return result
