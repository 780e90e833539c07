"""Response profiles: field inclusion / exclusion and `relatedObjects`.

A request may carry `responseProfile` (a `KalturaResponseProfileHolder` naming a stored
profile by id or system name, or an inline `KalturaDetachedResponseProfile`). It is applied to
the objects of the result: each related profile runs the `list` action that accepts its filter,
with the mappings copying values from the parent object into the filter, and the list goes
into `relatedObjects[profile name]`.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.model import ObjectType
from generator.serve.core import Call
from generator.serve.generic import generic_handler, text, tokens
from generator.serve.wire import SELECTED_FIELDS

Obj = dict[str, Any]
INCLUDE_FIELDS = "1"
EXCLUDE_FIELDS = "2"
MAX_DEPTH = 4


def _resolve(call: Call, raw: Any) -> Obj | None:
    engine = call.engine
    base = engine.schema.classes.get("KalturaBaseResponseProfile")
    if base is None or not isinstance(raw, dict):
        return None
    profile = engine.coercer.object(base, raw, "responseProfile")
    if profile is None:
        return None
    if profile.get("objectType") == "KalturaResponseProfileHolder":
        table = engine.store.table(engine.table_of(base))
        if profile.get("id") is not None:
            found = table.get(text(profile["id"]))
            if found is None:
                raise engine.errors.make("RESPONSE_PROFILE_ID_NOT_FOUND", profile["id"])
            return found
        name = text(profile.get("systemName"))
        for candidate in table.values():
            if text(candidate.get("systemName")) == name:
                return candidate
        raise engine.errors.make("RESPONSE_PROFILE_NAME_NOT_FOUND", name)
    return profile


def apply_response_profile(call: Call, raw: Any, value: Obj) -> Obj:
    profile = _resolve(call, raw)
    if profile is None:
        return value
    if isinstance(value.get("objects"), list):
        value["objects"] = [_apply(call, profile, o, 0) for o in value["objects"]]
        return value
    if "objectType" in value:
        applied: Obj = _apply(call, profile, value, 0)
        return applied
    return value


def _apply(call: Call, profile: Obj, obj: Any, depth: int) -> Any:
    if not isinstance(obj, dict) or depth > MAX_DEPTH:
        return obj
    related: dict[str, Obj] = {}
    for child in profile.get("relatedProfiles") or []:
        if isinstance(child, dict):
            listed = _related(call, child, obj, depth)
            if listed is not None:
                related[text(child.get("name"))] = listed
    fields = [f for f in tokens(profile.get("fields")) if f]
    kind = text(profile.get("type"))
    if fields and kind == INCLUDE_FIELDS:
        obj = {k: v for k, v in obj.items() if k == "objectType" or k in fields}
        obj[SELECTED_FIELDS] = True
    elif fields and kind == EXCLUDE_FIELDS:
        obj = {k: v for k, v in obj.items() if k not in fields}
        obj[SELECTED_FIELDS] = True
    if related:
        obj["relatedObjects"] = related
    return obj


def _related(call: Call, child: Obj, parent: Obj, depth: int) -> Obj | None:
    engine = call.engine
    flt = copy.deepcopy(child.get("filter"))
    if not isinstance(flt, dict):
        return None
    filter_class = engine.schema.classes.get(text(flt.get("objectType")))
    if filter_class is None:
        return None
    target = engine.list_action_for_filter(filter_class)
    if target is None:
        return None
    service, action = target
    for mapping in child.get("mappings") or []:
        if isinstance(mapping, dict) and mapping.get("filterProperty"):
            flt[text(mapping["filterProperty"])] = parent.get(text(mapping.get("parentProperty")))
    args: dict[str, Any] = {"filter": flt}
    if isinstance(child.get("pager"), dict):
        args["pager"] = child["pager"]
    if len(action.params) > 1 and isinstance(action.params[1].type, ObjectType):
        args = {action.params[0].name: flt, action.params[1].name: args.get("pager")}
    sub = Call(engine, service, action, args, call.session, call.partner_id, call.base_url, {})
    handler = engine.handlers.get((service.id, action.name), generic_handler)
    result = handler(sub)
    if not isinstance(result, dict):
        return None
    if isinstance(result.get("objects"), list):
        result["objects"] = [_apply(call, child, o, depth + 1) for o in result["objects"]]
    return result
