"""Entries and their content: uploads (upload tokens, `media.upload`), entries that are READY
at once, `data` entries, serve / download of stored bytes, and playlists (`execute`)."""

from __future__ import annotations

import copy
import secrets
import time
from typing import Any

from generator.model import ClassDef, ObjectType, ResultKind
from generator.serve.core import Call, FileResult, Host, Obj, register
from generator.serve.generic import (
    _id_param,
    get_object,
    matches,
    order_objects,
    page,
    text,
    tokens,
)
from generator.serve.services import category
from generator.serve.services.metadata import metadata_search

ENTRY_ROOT = "KalturaBaseEntry"
UPLOAD_CLASS = "KalturaUploadToken"
FLAVOR_CLASS = "KalturaFlavorAsset"
_PRIVATE_UPLOADS = "_uploads"

# Entry class -> KalturaEntryType constant name.
_ENTRY_TYPES = {
    "KalturaMediaEntry": "MEDIA_CLIP",
    "KalturaPlaylist": "PLAYLIST",
    "KalturaDataEntry": "DATA",
    "KalturaMixEntry": "MIX",
    "KalturaLiveStreamEntry": "LIVE_STREAM",
    "KalturaLiveChannel": "LIVE_CHANNEL",
    "KalturaDocumentEntry": "DOCUMENT",
    "KalturaExternalMediaEntry": "EXTERNAL_MEDIA",
}
_READY_ON_ADD = ("KalturaDataEntry", "KalturaPlaylist", "KalturaLiveStreamEntry")


def install(engine: Host) -> None:
    if ENTRY_ROOT in engine.schema.classes:
        engine.add_hooks[ENTRY_ROOT] = on_add_entry
        engine.update_hooks[ENTRY_ROOT] = on_update_entry
        engine.delete_hooks[ENTRY_ROOT] = on_delete_entry
        engine.filter_hooks[ENTRY_ROOT] = (entry_filter_hook,)
        engine.view_hooks[ENTRY_ROOT] = entry_view
        engine.downloads["download"] = lambda kind, key: entry_bytes(engine, kind, key)
    register(engine, "stats", "collect", stats_collect)
    for service in ("media", "baseEntry", "upload", "document"):
        register(engine, service, "upload", upload_file)
    register(engine, "uploadToken", "upload", upload_token_upload)
    register(engine, "uploadToken", "add", upload_token_add)
    for service in ("media", "baseEntry", "document", "data"):
        register(engine, service, "addFromUploadedFile", add_from_uploaded_file)
        register(engine, service, "addContent", add_content)
        register(engine, service, "updateContent", add_content)
    register(engine, "flavorAsset", "getUrl", flavor_url)
    register(engine, "flavorAsset", "getDownloadUrl", flavor_url)
    register(engine, "playlist", "execute", playlist_execute)
    register(engine, "playlist", "executeFromContent", playlist_execute_from_content)
    register(engine, "playlist", "executeFromFilters", playlist_execute_from_filters)
    for svc, action in engine.schema.actions:
        if action.result_kind is ResultKind.FILE and (svc.id, action.name) not in engine.handlers:
            engine.handlers[(svc.id, action.name)] = serve_file


# --------------------------------------------------------------------------- helpers


def enum_value(engine: Host, enum_name: str, const: str, default: Any = None) -> Any:
    enum = engine.schema.enums.get(enum_name)
    if enum is None:
        return default
    for c in enum.consts:
        if c.name == const:
            return int(c.value) if enum.kind.value == "int" else c.value
    return default


def entry_class(engine: Host) -> ClassDef | None:
    return engine.schema.classes.get(ENTRY_ROOT)


def download_url(call: Call, entry_id: str) -> str:
    pid = call.partner_id
    return f"{call.base_url}/p/{pid}/sp/{pid}00/raw/entry_id/{entry_id}/version/100000"


# --------------------------------------------------------------------------- entry hooks


def _categories_names(engine: Host, ids: Any) -> str:
    names = []
    for cid in tokens(ids):
        category = engine.store.get("KalturaCategory", cid)
        if category is not None:
            names.append(text(category.get("fullName") or category.get("name")))
    return ",".join(names)


def on_add_entry(call: Call, obj: Obj) -> None:
    engine = call.engine
    cls_name = str(obj["objectType"])
    cls = engine.schema.classes.get(cls_name)
    names = set(engine.key_order(cls.name)) if cls is not None else set()
    for klass in [cls, *(cls.ancestors() if cls is not None else [])]:
        if klass is not None and klass.name in _ENTRY_TYPES:
            value = enum_value(engine, "KalturaEntryType", _ENTRY_TYPES[klass.name])
            if value is not None and "type" in names:
                obj["type"] = value
            break
    ready = any(
        cls is not None and cls.is_subclass_of(engine.schema.classes[n])
        for n in _READY_ON_ADD
        if n in engine.schema.classes
    )
    status = enum_value(engine, "KalturaEntryStatus", "READY" if ready else "NO_CONTENT")
    if status is not None and "status" in names:
        obj["status"] = status
    moderation = enum_value(engine, "KalturaEntryModerationStatus", "AUTO_APPROVED")
    if moderation is not None and "moderationStatus" in names:
        obj["moderationStatus"] = moderation
    for counter in ("plays", "views", "duration"):  # msDuration follows duration on view
        if counter in names:
            obj.setdefault(counter, 0)
    if obj.get("categoriesIds"):
        obj["categories"] = _categories_names(engine, obj["categoriesIds"])
        category.recount(engine, tokens(obj["categoriesIds"]), pending=obj)
    if cls is not None and cls.name == "KalturaPlaylist" and "playlistContent" not in obj:
        obj["playlistContent"] = ""
    if "dataContent" in obj:
        engine.store.put_blob(f"{ENTRY_ROOT}/{obj['id']}", text(obj["dataContent"]).encode())


def on_update_entry(call: Call, obj: Obj) -> None:
    if obj.get("categoriesIds") is not None:
        obj["categories"] = _categories_names(call.engine, obj["categoriesIds"])
    category.recount(call.engine, None)
    if "dataContent" in obj:
        call.engine.store.put_blob(f"{ENTRY_ROOT}/{obj['id']}", text(obj["dataContent"]).encode())


def on_delete_entry(call: Call, obj: Obj) -> None:
    engine = call.engine
    engine.store.blobs.pop(f"{ENTRY_ROOT}/{obj.get('id')}", None)
    if obj.get("categoriesIds"):
        category.recount(engine, tokens(obj["categoriesIds"]), removed=text(obj.get("id")))
    cls = engine.schema.classes.get(FLAVOR_CLASS)
    if cls is not None:  # its assets go with it
        table = engine.table_of(cls)
        for asset in [
            a for a in engine.store.table(table).values() if a.get("entryId") == obj.get("id")
        ]:
            engine.store.delete(table, engine.key_of(asset))


_NAMES: dict[str, frozenset[str]] = {}


def entry_view(call: Call, obj: Obj) -> None:
    """What a real server fills in on every entry it returns: URLs that answer (into this
    server), counters and durations."""
    class_name = text(obj.get("objectType"))
    names = _NAMES.get(class_name)
    if names is None:
        names = _NAMES[class_name] = frozenset(call.engine.key_order(class_name))
    entry_id = text(obj.get("id"))
    if call.base_url and entry_id:
        pid = call.partner_id
        base = f"{call.base_url}/p/{pid}/sp/{pid}00"
        if "downloadUrl" in names:
            obj["downloadUrl"] = f"{base}/raw/entry_id/{entry_id}/version/100000"
        if "thumbnailUrl" in names:
            obj["thumbnailUrl"] = f"{base}/thumbnail/entry_id/{entry_id}/version/100000"
        if "dataUrl" in names:
            obj["dataUrl"] = f"{base}/download/entry_id/{entry_id}"
    for counter in ("plays", "views", "duration"):
        if counter in names and obj.get(counter) is None:
            obj[counter] = 0
    if "msDuration" in names and obj.get("msDuration") is None:
        obj["msDuration"] = int(obj.get("duration") or 0) * 1000


def entry_bytes(host: Host, kind: str, key: str) -> tuple[bytes, str] | None:
    """`/p/../download/entry_id/{id}` (an entry's `dataUrl`): its content."""
    if kind != "entry_id" or host.store.get(ENTRY_ROOT, key) is None:
        return None
    return host.store.get_blob(f"{ENTRY_ROOT}/{key}") or b"", "application/octet-stream"


def record_play(host: Host, entry_id: str, plays: int = 1, views: int = 0) -> Obj | None:
    """Count plays and views of an entry (as the player's stats events do); `lastPlayedAt`
    follows plays. None when there is no such entry."""
    entry = host.store.get(ENTRY_ROOT, entry_id)
    if entry is None:
        return None
    entry["plays"] = int(entry.get("plays") or 0) + plays
    entry["views"] = int(entry.get("views") or 0) + views
    if plays:
        entry["lastPlayedAt"] = int(time.time())
    host.store.dirty = True
    return entry


# KalturaStatsEventType: what counts as a view (the media loaded) and as a play.
_VIEW_EVENTS = ("MEDIA_LOADED",)
_PLAY_EVENTS = ("PLAY",)


def stats_collect(call: Call) -> bool:
    """`stats.collect`: a player's PLAY event counts a play, MEDIA_LOADED a view."""
    event = call.args.get("event")
    if not isinstance(event, dict):
        return True
    kind = text(event.get("eventType"))
    value_of = {
        n: text(enum_value(call.engine, "KalturaStatsEventType", n))
        for n in (*_VIEW_EVENTS, *_PLAY_EVENTS)
    }
    plays = int(kind in {value_of[n] for n in _PLAY_EVENTS})
    views = int(kind in {value_of[n] for n in _VIEW_EVENTS})
    if plays or views:
        record_play(call.engine, text(event.get("entryId")), plays, views)
    return True


def _ancestor_ids(engine: Host, category_id: str) -> list[str]:
    category = engine.store.get("KalturaCategory", category_id)
    if category is None:
        return []
    return [t for t in text(category.get("fullIds")).split(">") if t]


def entry_filter_hook(engine: Host, key: str, wanted: Any, obj: Obj) -> bool | None:
    if key == "categoryAncestorIdIn":
        wanted_ids = set(tokens(wanted))
        return any(
            wanted_ids.intersection(_ancestor_ids(engine, cid))
            for cid in tokens(obj.get("categoriesIds"))
        )
    if key in ("categoriesFullNameIn", "categoryFullNameIn"):
        names = {n.lower() for n in tokens(obj.get("categories"))}
        return any(n.lower() in names for n in tokens(wanted))
    if key == "freeText":
        haystack = " ".join(
            text(obj.get(f)) for f in ("name", "description", "tags", "referenceId")
        ).lower()
        return any(word.lower() in haystack for word in text(wanted).split())
    if key == "advancedSearch" and isinstance(wanted, dict):
        return metadata_search(engine, wanted, obj)
    return None


# --------------------------------------------------------------------------- uploads


def _upload_class(engine: Host) -> ClassDef | None:
    return engine.schema.classes.get(UPLOAD_CLASS)


def _upload_status(engine: Host, name: str) -> Any:
    return enum_value(engine, "KalturaUploadTokenStatus", name, name)


def _save_token(call: Call, token: Obj | None, data: bytes, filename: str, final: bool) -> Obj:
    engine = call.engine
    cls = _upload_class(engine)
    status = _upload_status(engine, "FULL_UPLOAD" if final else "PARTIAL_UPLOAD")
    if token is None:
        if cls is not None:
            token = engine.insert(call, cls, {"objectType": cls.name})
            token = engine.store.get(engine.table_of(cls), text(token["id"]))
        else:
            token = {"id": secrets.token_hex(16)}
            engine.store.put(_PRIVATE_UPLOADS, token["id"], token)
        assert token is not None
    token.update(
        {
            "status": status,
            "fileName": filename or token.get("fileName") or "upload",
            "uploadedFileSize": float(len(data)),
        }
    )
    if cls is None or not any(p.name == "fileName" for p in cls.all_properties):
        token.pop("fileName", None)
    if cls is not None and not any(p.name == "uploadedFileSize" for p in cls.all_properties):
        token.pop("uploadedFileSize", None)
    engine.store.put_blob(f"upload/{token['id']}", data)
    engine.store.dirty = True
    return token


def _find_token(call: Call, token_id: str) -> Obj | None:
    engine = call.engine
    cls = _upload_class(engine)
    table = engine.table_of(cls) if cls is not None else _PRIVATE_UPLOADS
    token = engine.store.get(table, token_id)
    if token is None or token.get("partnerId") not in (None, call.partner_id):
        return None
    return token


def upload_file(call: Call) -> str:
    upload = call.args.get("fileData")
    data = upload.content if upload is not None else b""
    filename = upload.filename if upload is not None else ""
    token = _save_token(call, None, data, filename, final=True)
    return text(token["id"])


def upload_token_add(call: Call) -> Obj:
    engine = call.engine
    cls = _upload_class(engine)
    assert cls is not None
    given = call.args.get("uploadToken")
    obj = dict(given) if isinstance(given, dict) else {"objectType": cls.name}
    created = engine.insert(call, cls, obj)
    token = engine.store.get(engine.table_of(cls), text(created["id"]))
    assert token is not None
    token["status"] = _upload_status(engine, "PENDING")
    token["uploadedFileSize"] = 0.0
    return copy.deepcopy(token)


def upload_token_upload(call: Call) -> Obj:
    engine = call.engine
    token_id = text(call.args.get("uploadTokenId"))
    token = _find_token(call, token_id)
    if token is None:
        raise engine.errors.make("UPLOAD_TOKEN_NOT_FOUND")
    upload = call.args.get("fileData")
    chunk = upload.content if upload is not None else b""
    existing = engine.store.get_blob(f"upload/{token_id}") or b""
    if call.args.get("resume"):
        at = call.args.get("resumeAt")
        at = len(existing) if at is None or at < 0 else int(at)
        data = existing[:at] + chunk
    else:
        data = chunk
    final = call.args.get("finalChunk", True) is not False
    filename = upload.filename if upload is not None else ""
    return copy.deepcopy(_save_token(call, token, data, filename, final))


def _token_filename(call: Call, token_id: str) -> str:
    token = _find_token(call, token_id)
    return text(token.get("fileName")) if token is not None else ""


def consume_token(call: Call, token_id: str) -> tuple[bytes, str]:
    """An upload token's bytes and file name; the token is used up."""
    filename = _token_filename(call, token_id)
    return _consume_token(call, token_id), filename


def _consume_token(call: Call, token_id: str) -> bytes:
    engine = call.engine
    token = _find_token(call, token_id)
    data = engine.store.get_blob(f"upload/{token_id}")
    closed = _upload_status(engine, "CLOSED")
    if token is None or data is None or token.get("status") == closed:
        raise engine.errors.make("UPLOADED_FILE_NOT_FOUND_BY_TOKEN")
    token["status"] = closed
    return data


def _make_ready(call: Call, entry_id: str, data: bytes | None, filename: str = "") -> Obj:
    engine = call.engine
    entry = engine.store.get(ENTRY_ROOT, entry_id)
    assert entry is not None
    ready = enum_value(engine, "KalturaEntryStatus", "READY")
    if ready is not None:
        entry["status"] = ready
    if data is not None:
        engine.store.put_blob(f"{ENTRY_ROOT}/{entry_id}", data)
        _add_source_flavor(call, entry_id, data, filename)
    engine.touch(entry)
    engine.store.dirty = True
    return copy.deepcopy(entry)


def _add_source_flavor(call: Call, entry_id: str, data: bytes, filename: str) -> None:
    """The entry's content as its one (original, READY) flavor asset, as after transcoding."""
    engine = call.engine
    cls = engine.schema.classes.get(FLAVOR_CLASS)
    if cls is None:
        return
    table = engine.table_of(cls)
    for old in [f for f in engine.store.table(table).values() if f.get("entryId") == entry_id]:
        engine.store.delete(table, engine.key_of(old))
    created = engine.insert(call, cls, {"objectType": cls.name})
    flavor = engine.store.get(table, text(created["id"]))
    assert flavor is not None
    known = set(engine.key_order(cls.name))
    values = {
        "entryId": entry_id,
        "status": enum_value(engine, "KalturaFlavorAssetStatus", "READY", 2),
        "size": (len(data) + 1023) // 1024,
        "sizeInBytes": len(data),
        "isOriginal": True,
        "isWeb": True,
        "flavorParamsId": 0,
        "fileExt": filename.rsplit(".", 1)[-1] if "." in filename else "",
        "version": 1,
    }
    flavor.update({k: v for k, v in values.items() if k in known})
    engine.store.put_blob(f"{table}/{flavor['id']}", data)


def flavor_url(call: Call) -> str:
    """`flavorAsset.getUrl` / `getDownloadUrl`: where the flavor's bytes are served."""
    engine = call.engine
    cls = engine.schema.classes[FLAVOR_CLASS]
    flavor = get_object(call, cls, text(call.args.get("id")))
    pid = call.partner_id
    return f"{call.base_url}/p/{pid}/sp/{pid}00/raw/flavor_id/{flavor['id']}"


def add_from_uploaded_file(call: Call) -> Obj:
    engine = call.engine
    root = entry_class(engine)
    assert root is not None
    param = next(p for p in call.action.params if isinstance(p.type, ObjectType))
    token_id = text(call.args.get("uploadTokenId"))
    filename = _token_filename(call, token_id)
    data = _consume_token(call, token_id)
    declared = param.type.cls if isinstance(param.type, ObjectType) else None
    entity = declared or root
    given = call.args.get(param.name)
    created = engine.insert(call, entity, dict(given) if isinstance(given, dict) else {})
    return _make_ready(call, text(created["id"]), data, filename)


def add_content(call: Call) -> Obj:
    engine = call.engine
    root = entry_class(engine)
    assert root is not None
    entry_id = text(call.args.get("entryId"))
    get_object(call, root, entry_id)
    resource = call.args.get("resource")
    data: bytes | None = None
    filename = ""
    if isinstance(resource, dict) and resource.get("token"):
        filename = _token_filename(call, text(resource["token"]))
        data = _consume_token(call, text(resource["token"]))
    return _make_ready(call, entry_id, data, filename)


def serve_file(call: Call) -> Any:
    """A serve action: the stored bytes of the object its id parameter names."""
    engine = call.engine
    entity = engine.entity(call.service)
    param = _id_param(call.action.params)
    if entity is None or param is None:
        return FileResult(b"")
    obj = get_object(call, entity, text(call.args.get(param.name)))
    table = engine.table_of(entity)
    data = engine.store.get_blob(f"{table}/{text(obj.get('id'))}")
    if data is None and "dataContent" in obj:
        data = text(obj["dataContent"]).encode("utf-8")
    content_type = (
        "text/plain; charset=utf-8" if "dataContent" in obj else "application/octet-stream"
    )
    return FileResult(data or b"", content_type)


# --------------------------------------------------------------------------- playlists


def _ready_media(engine: Host) -> list[Obj]:
    ready = enum_value(engine, "KalturaEntryStatus", "READY")
    return [
        e
        for e in engine.store.table(ENTRY_ROOT).values()
        if ready is None or e.get("status") == ready
    ]


def _execute_static(call: Call, content: Any) -> list[Obj]:
    engine = call.engine
    result = []
    for entry_id in tokens(content):
        entry = engine.store.get(ENTRY_ROOT, entry_id)
        if entry is not None and entry.get("partnerId") in (None, call.partner_id):
            result.append(entry)
    return result


def _execute_dynamic(call: Call, filters: Any, total: Any) -> list[Obj]:
    engine = call.engine
    hooks = engine.filter_hooks.get(ENTRY_ROOT, ())
    result: list[Obj] = []
    seen: set[str] = set()
    limit = int(total) if isinstance(total, int) and total > 0 else 200
    candidates = [e for e in _ready_media(engine) if e.get("partnerId") in (None, call.partner_id)]
    for flt in filters or []:
        if not isinstance(flt, dict):
            continue
        per_filter = flt.get("limit")
        found = [e for e in candidates if matches(engine, e, flt, hooks)]
        if flt.get("orderBy"):
            order_objects(found, flt["orderBy"])
        if isinstance(per_filter, int) and per_filter > 0:
            found = found[:per_filter]
        for entry in found:
            if text(entry["id"]) not in seen:
                seen.add(text(entry["id"]))
                result.append(entry)
    return result[:limit]


def _is_static(engine: Host, playlist_type: Any) -> bool:
    static = enum_value(engine, "KalturaPlaylistType", "STATIC_LIST", 3)
    return text(playlist_type) == text(static)


def _finish(call: Call, entries: list[Obj]) -> list[Obj]:
    flt = call.args.get("filter")
    if isinstance(flt, dict):
        hooks = call.engine.filter_hooks.get(ENTRY_ROOT, ())
        entries = [e for e in entries if matches(call.engine, e, flt, hooks)]
    return copy.deepcopy(
        page(entries, call.args.get("pager")) if call.args.get("pager") else entries
    )


def playlist_execute(call: Call) -> list[Obj]:
    engine = call.engine
    cls = engine.schema.classes.get("KalturaPlaylist")
    assert cls is not None
    playlist = get_object(call, cls, text(call.args.get("id")))
    if _is_static(engine, playlist.get("playlistType")):
        entries = _execute_static(call, playlist.get("playlistContent"))
    else:
        entries = _execute_dynamic(call, playlist.get("filters"), playlist.get("totalResults"))
    return _finish(call, entries)


def playlist_execute_from_content(call: Call) -> list[Obj]:
    if _is_static(call.engine, call.args.get("playlistType")):
        return _finish(call, _execute_static(call, call.args.get("playlistContent")))
    return _finish(call, [])


def playlist_execute_from_filters(call: Call) -> list[Obj]:
    entries = _execute_dynamic(call, call.args.get("filters"), call.args.get("totalResults"))
    return _finish(call, entries)
