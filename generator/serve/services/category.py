"""The category tree: parents must exist, `fullName` / `fullIds` / `depth` follow the tree,
deleting a category deletes its sub-tree, and `ancestorIdIn` filters work."""

from __future__ import annotations

from typing import Any

from generator.serve.core import Call, Host, register
from generator.serve.generic import text, tokens

Obj = dict[str, Any]
TABLE = "KalturaCategory"
LINK = "KalturaCategoryEntry"  # an entry in a category (no id of its own)
ENTRIES = "KalturaBaseEntry"


def install(engine: Host) -> None:
    if TABLE not in engine.schema.classes:
        return
    engine.add_hooks[TABLE] = on_add
    engine.update_hooks[TABLE] = on_update
    engine.delete_hooks[TABLE] = on_delete
    engine.filter_hooks[TABLE] = (filter_hook,)
    if LINK in engine.schema.classes:
        engine.add_hooks[LINK] = on_link
        register(engine, "categoryEntry", "delete", unlink)


def _parent(call: Call, obj: Obj) -> Obj | None:
    parent_id = obj.get("parentId")
    if not parent_id:
        return None
    parent = call.engine.store.get(TABLE, text(parent_id))
    if parent is None or parent.get("partnerId") not in (None, call.partner_id):
        raise call.engine.errors.make("PARENT_CATEGORY_NOT_FOUND", parent_id)
    return parent


def _place(call: Call, obj: Obj) -> None:
    parent = _parent(call, obj)
    name = text(obj.get("name"))
    if parent is None:
        obj["parentId"] = 0
        obj["fullName"], obj["fullIds"], obj["depth"] = name, text(obj["id"]), 0
    else:
        obj["fullName"] = f"{text(parent.get('fullName'))}>{name}"
        obj["fullIds"] = f"{text(parent.get('fullIds'))}>{text(obj['id'])}"
        obj["depth"] = int(parent.get("depth") or 0) + 1


def _children(engine: Host, category_id: str) -> list[Obj]:
    return [c for c in engine.store.table(TABLE).values() if text(c.get("parentId")) == category_id]


def _recount(engine: Host, category_id: Any) -> None:
    parent = engine.store.get(TABLE, text(category_id))
    if parent is not None:
        parent["directSubCategoriesCount"] = len(_children(engine, text(category_id)))


def on_add(call: Call, obj: Obj) -> None:
    _place(call, obj)
    for sibling in _children(call.engine, text(obj["parentId"])):
        if text(sibling.get("name")) == text(obj.get("name")):
            raise call.engine.errors.make("DUPLICATE_CATEGORY", obj.get("fullName"))
    obj["directSubCategoriesCount"] = 0
    obj["entriesCount"] = obj["directEntriesCount"] = 0
    call.engine.store.put(TABLE, text(obj["id"]), obj)
    _recount(call.engine, obj["parentId"])


def on_update(call: Call, obj: Obj) -> None:
    if text(obj.get("id")) in text(_safe_full_ids(call, obj)).split(">")[:-1]:
        raise call.engine.errors.make("PARENT_CATEGORY_IS_CHILD", obj.get("parentId"), obj["id"])
    _place(call, obj)
    stack = [obj]
    while stack:  # names and ids of the whole sub-tree follow
        node = stack.pop()
        for child in _children(call.engine, text(node["id"])):
            _place(call, child)
            stack.append(child)
    for category in call.engine.store.table(TABLE).values():
        category["directSubCategoriesCount"] = len(_children(call.engine, text(category["id"])))


def _safe_full_ids(call: Call, obj: Obj) -> str:
    parent = call.engine.store.get(TABLE, text(obj.get("parentId")))
    return text(parent.get("fullIds")) + ">" if parent is not None else ""


def on_delete(call: Call, obj: Obj) -> None:
    engine = call.engine
    doomed = [text(obj["id"])]
    stack = [text(obj["id"])]
    while stack:
        for child in _children(engine, stack.pop()):
            doomed.append(text(child["id"]))
            stack.append(text(child["id"]))
    for category_id in doomed[1:]:
        engine.store.delete(TABLE, category_id)
    gone = set(doomed)
    for key, link in list(engine.store.table(LINK).items()):
        if text(link.get("categoryId")) in gone:
            engine.store.delete(LINK, key)
    for entry in engine.store.table("KalturaBaseEntry").values():
        ids = tokens(entry.get("categoriesIds"))
        if gone.intersection(ids):
            kept = [i for i in ids if i not in gone]
            entry["categoriesIds"] = ",".join(kept)
    parent_id = obj.get("parentId")
    engine.store.delete(TABLE, text(obj["id"]))
    _recount(engine, parent_id)
    recount(engine, [text(parent_id)] if parent_id else [])
    engine.store.put(TABLE, text(obj["id"]), obj)  # generic delete removes it afterwards


def filter_hook(engine: Host, key: str, wanted: Any, obj: Obj) -> bool | None:
    if key == "ancestorIdIn":
        ancestors = text(obj.get("fullIds")).split(">")[:-1]
        return bool(set(tokens(wanted)).intersection(ancestors))
    return None


# --------------------------------------------------------------------------- categoryEntry


def _entry_categories(call: Call, entry: Obj, ids: list[str]) -> None:
    entry["categoriesIds"] = ",".join(ids)
    names = []
    for cid in ids:
        category = call.engine.store.get(TABLE, cid)
        if category is not None:
            names.append(text(category.get("fullName")))
    entry["categories"] = ",".join(names)
    call.engine.touch(entry)


def _count_entries(call: Call, category_id: str) -> None:
    recount(call.engine, [category_id])


def recount(
    host: Host,
    category_ids: list[str] | None,
    pending: Obj | None = None,
    removed: str = "",
) -> None:
    """Keep `directEntriesCount` (entries in the category itself) and `entriesCount` (in it or
    below it) in step with the entries' `categoriesIds`; `None`: every category. `pending`
    is an entry about to be stored, `removed` the id of one about to go."""
    categories = host.store.table(TABLE)
    if category_ids is None:
        chosen = set(categories)
    else:
        chosen = set()
        for cid in category_ids:
            chosen.update(t for t in text(categories.get(cid, {}).get("fullIds")).split(">") if t)
    if not chosen:
        return
    direct = dict.fromkeys(chosen, 0)
    below: dict[str, set[str]] = {cid: set() for cid in chosen}
    entries = list(host.store.table(ENTRIES).values())
    if pending is not None:
        entries.append(pending)
    for entry in entries:
        ids = entry.get("categoriesIds")
        entry_id = text(entry.get("id"))
        if not ids or entry_id == removed:
            continue
        for cid in tokens(ids):
            if cid in direct:
                direct[cid] += 1
            for ancestor in text(categories.get(cid, {}).get("fullIds")).split(">"):
                if ancestor in below:
                    below[ancestor].add(entry_id)
    for cid in chosen:
        category = categories.get(cid)
        if category is not None:
            category["directEntriesCount"] = direct[cid]
            category["entriesCount"] = len(below[cid])
    host.store.dirty = True


def on_link(call: Call, obj: Obj) -> None:
    """categoryEntry.add: both ends must exist; the entry's categoriesIds follow."""
    engine = call.engine
    entry_id, category_id = text(obj.get("entryId")), text(obj.get("categoryId"))
    entry = engine.store.get(ENTRIES, entry_id)
    if entry is None or entry.get("partnerId") not in (None, call.partner_id):
        raise engine.errors.make("ENTRY_ID_NOT_FOUND", entry_id)
    category = engine.store.get(TABLE, category_id)
    if category is None or category.get("partnerId") not in (None, call.partner_id):
        raise engine.errors.make("CATEGORY_NOT_FOUND", category_id)
    for link in engine.store.table(LINK).values():
        if text(link.get("entryId")) == entry_id and text(link.get("categoryId")) == category_id:
            raise engine.errors.make("CATEGORY_ENTRY_ALREADY_EXISTS")
    obj["categoryFullIds"] = text(category.get("fullIds"))
    obj["creatorUserId"] = call.user_id
    ids = tokens(entry.get("categoriesIds"))
    if category_id not in ids:
        _entry_categories(call, entry, [*ids, category_id])
    engine.store.put(LINK, text(obj["_key"]), obj)
    _count_entries(call, category_id)


def unlink(call: Call) -> None:
    engine = call.engine
    entry_id = text(call.args.get("entryId"))
    category_id = text(call.args.get("categoryId"))
    for key, link in list(engine.store.table(LINK).items()):
        if text(link.get("entryId")) == entry_id and text(link.get("categoryId")) == category_id:
            engine.store.delete(LINK, key)
            break
    else:
        raise engine.errors.make("ENTRY_IS_NOT_ASSIGNED_TO_CATEGORY")
    entry = engine.store.get(ENTRIES, entry_id)
    if entry is not None:
        _entry_categories(
            call, entry, [i for i in tokens(entry.get("categoriesIds")) if i != category_id]
        )
    _count_entries(call, category_id)
