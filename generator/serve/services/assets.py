"""Assets with content: flavor, caption, attachment and thumb assets of an entry.

`add` keeps its separate `entryId` (the entry must exist); `setContent` stores bytes from an
upload token (`KalturaUploadedFileTokenResource`), a URL (`KalturaUrlResource`: fetched only
from a loopback host, so tests stay offline; any other host is RESOURCE_TYPE_NOT_SUPPORTED),
a string (`KalturaStringResource`) or another asset (`KalturaAssetResource`). `serve`,
`serveAsJson` (captions as cues), `getUrl`, `serveByEntryId` and `list` by `entryIdEqual`
return them; deleting an entry deletes its assets (entries module). Caption cues are what
eSearch searches (`caption_cues`).
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from lxml import etree

from generator.model import ClassDef
from generator.serve.core import Call, FileResult, Host, Obj, register
from generator.serve.generic import get_object, id_of, text
from generator.serve.services.entries import ENTRY_ROOT, consume_token, enum_value

__all__ = ["ASSET_SERVICES", "Cue", "caption_cues", "install"]

ASSET_ROOT = "KalturaAsset"
# service -> (asset class, its status enum)
ASSET_SERVICES: dict[str, tuple[str, str]] = {
    "flavorAsset": ("KalturaFlavorAsset", "KalturaFlavorAssetStatus"),
    "captionAsset": ("KalturaCaptionAsset", "KalturaCaptionAssetStatus"),
    "attachmentAsset": ("KalturaAttachmentAsset", "KalturaAttachmentAssetStatus"),
    "thumbAsset": ("KalturaThumbAsset", "KalturaThumbAssetStatus"),
}
URL_FETCH_TIMEOUT_S = 10.0
MAX_URL_BYTES = 64 * 1024 * 1024
_LOOPBACK_NAMES = frozenset({"localhost"})
# A 1x1 transparent PNG: the thumbnail of an entry that has no thumb asset.
PLACEHOLDER_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
_CAPTION_TYPES = {
    "1": ("srt", "text/plain"),
    "2": ("dfxp", "application/ttml+xml"),
    "3": ("vtt", "text/vtt"),
}


def install(host: Host) -> None:
    for service, (class_name, _status) in ASSET_SERVICES.items():
        if class_name not in host.schema.classes:
            continue
        register(host, service, "add", add_asset)
        register(host, service, "setContent", set_content)
        register(host, service, "serve", serve_asset)
        register(host, service, "getUrl", asset_url)
        register(host, service, "getDownloadUrl", asset_url)
        register(host, service, "serveByEntryId", serve_by_entry_id)
        register(host, service, "setAsDefault", set_as_default)
    register(host, "captionAsset", "serveAsJson", serve_caption_json)
    register(host, "thumbAsset", "addFromImage", thumb_from_image)
    register(host, "thumbAsset", "addFromUrl", thumb_from_url)
    host.downloads["thumbnail"] = lambda kind, key: entry_thumbnail(host, kind, key)


# --------------------------------------------------------------------------- helpers


def _asset_class(call: Call) -> ClassDef:
    entity = call.engine.entity(call.service)
    assert entity is not None
    return entity


def _table(host: Host) -> str:
    cls = host.schema.classes.get(ASSET_ROOT)
    return host.table_of(cls) if cls is not None else ASSET_ROOT


def _status(call: Call, name: str) -> Any:
    known = ASSET_SERVICES.get(call.service.name)
    return enum_value(call.engine, known[1], name) if known is not None else None


def _entry(call: Call, entry_id: str) -> Obj:
    entry = call.engine.store.get(ENTRY_ROOT, entry_id)
    if entry is None or entry.get("partnerId") not in (None, call.partner_id):
        raise call.engine.errors.make("ENTRY_ID_NOT_FOUND", entry_id)
    return entry


def _stored(call: Call, asset: Obj) -> Obj:
    stored = call.engine.store.get(_table(call.engine), text(asset["id"]))
    assert stored is not None
    return stored


def _assets_of(host: Host, entry_id: str, class_name: str) -> list[Obj]:
    cls = host.schema.classes.get(class_name)
    if cls is None:
        return []
    return [
        a
        for a in host.store.table(_table(host)).values()
        if text(a.get("entryId")) == entry_id and host.is_instance(a, cls)
    ]


# --------------------------------------------------------------------------- actions


def add_asset(call: Call) -> Obj:
    host = call.engine
    entry_id = text(call.args.get("entryId"))
    _entry(call, entry_id)
    cls = _asset_class(call)
    param = next((p for p in call.action.params if p.name != "entryId"), None)
    given = call.args.get(param.name) if param is not None else None
    created = host.insert(call, cls, dict(given) if isinstance(given, dict) else {})
    stored = _stored(call, created)
    stored["entryId"] = entry_id
    queued = _status(call, "QUEUED")
    if queued is not None:
        stored["status"] = queued
    if "isDefault" in host.key_order(cls.name) and not any(
        a.get("isDefault") for a in _assets_of(host, entry_id, cls.name) if a is not stored
    ):
        stored["isDefault"] = True
    return copy.deepcopy(stored)


def _content(call: Call, resource: Any) -> tuple[bytes, str]:
    """The bytes a content resource names, and a file name (for the extension)."""
    host = call.engine
    if not isinstance(resource, dict):
        raise host.errors.make("MISSING_MANDATORY_PARAMETER", "contentResource")
    kind = text(resource.get("objectType"))
    if resource.get("token") is not None:
        return consume_token(call, text(resource["token"]))
    if kind == "KalturaStringResource" or "content" in resource:
        return text(resource.get("content")).encode("utf-8"), ""
    if resource.get("url") is not None:
        url = text(resource["url"])
        return fetch_local_url(call, url), urllib.parse.urlparse(url).path.rsplit("/", 1)[-1]
    if resource.get("assetId") is not None:
        source = text(resource["assetId"])
        data = host.store.get_blob(f"{_table(host)}/{source}")
        if data is None:
            raise host.errors.make("ASSET_ID_NOT_FOUND", source)
        return data, ""
    raise host.errors.make("RESOURCE_TYPE_NOT_SUPPORTED", kind or "unknown")


def fetch_local_url(call: Call, url: str) -> bytes:
    """GET `url` if it is on a loopback host (tests stay offline); else refuse."""
    host = call.engine
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("http", "https") or not _is_loopback(parsed.hostname or ""):
        raise host.errors.make("RESOURCE_TYPE_NOT_SUPPORTED", f"URL outside 127.0.0.1: {url}")
    try:
        with urllib.request.urlopen(url, timeout=URL_FETCH_TIMEOUT_S) as response:
            data = bytes(response.read(MAX_URL_BYTES + 1))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise host.errors.make("RESOURCE_TYPE_NOT_SUPPORTED", f"{url}: {reason}") from None
    if len(data) > MAX_URL_BYTES:
        raise host.errors.make("REQUEST_TOO_LARGE", MAX_URL_BYTES)
    return data


def _is_loopback(hostname: str) -> bool:
    if hostname.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def store_content(call: Call, asset: Obj, data: bytes, filename: str) -> Obj:
    host = call.engine
    stored = _stored(call, asset)
    host.store.put_blob(f"{_table(host)}/{text(stored['id'])}", data)
    known = set(host.key_order(text(stored.get("objectType"))))
    values: Obj = {
        "size": (len(data) + 1023) // 1024,
        "sizeInBytes": len(data),
        "version": int(stored.get("version") or 0) + 1,
        "status": _status(call, "READY"),
    }
    if filename and "." in filename and not stored.get("fileExt"):
        values["fileExt"] = filename.rsplit(".", 1)[-1]
    if "filename" in known and filename and not stored.get("filename"):
        values["filename"] = filename
    stored.update({k: v for k, v in values.items() if k in known and v is not None})
    host.touch(stored)
    host.store.dirty = True
    return copy.deepcopy(stored)


def set_content(call: Call) -> Obj:
    asset = get_object(call, _asset_class(call), text(call.args.get("id")))
    data, filename = _content(call, call.args.get("contentResource"))
    return store_content(call, asset, data, filename)


def _content_type(asset: Obj) -> str:
    if asset.get("objectType") == "KalturaCaptionAsset":
        return _CAPTION_TYPES.get(text(asset.get("format")), ("", "text/plain"))[1]
    ext = text(asset.get("fileExt")).lower()
    return {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "txt": "text/plain",
        "json": "application/json",
        "pdf": "application/pdf",
        "mp4": "video/mp4",
    }.get(ext, "application/octet-stream")


def _serve(call: Call, asset: Obj) -> FileResult:
    host = call.engine
    data = host.store.get_blob(f"{_table(host)}/{text(asset['id'])}") or b""
    return FileResult(data, _content_type(asset))


def serve_asset(call: Call) -> FileResult:
    return _serve(call, get_object(call, _asset_class(call), id_of(call)))


def asset_url(call: Call) -> str:
    asset = get_object(call, _asset_class(call), text(call.args.get("id")))
    pid = call.partner_id
    return f"{call.base_url}/p/{pid}/sp/{pid}00/raw/asset_id/{asset['id']}"


def serve_by_entry_id(call: Call) -> FileResult:
    host = call.engine
    entry_id = text(call.args.get("entryId"))
    _entry(call, entry_id)
    cls = _asset_class(call)
    params_name = next(
        (p.name for p in call.action.params if p.name.endswith(("ParamId", "ParamsId"))), ""
    )
    wanted = call.args.get(params_name) if params_name else None
    assets = _assets_of(host, entry_id, cls.name)
    chosen = (
        next(
            (a for a in assets if wanted is not None and text(_params_id(a)) == text(wanted)), None
        )
        or next((a for a in assets if a.get("isDefault")), None)
        or (assets[0] if assets else None)
    )
    if chosen is None:
        raise host.not_found(call.service, call.action, cls, entry_id)
    return _serve(call, chosen)


def _params_id(asset: Obj) -> Any:
    return next((v for k, v in asset.items() if k.endswith("ParamsId")), None)


def set_as_default(call: Call) -> None:
    host = call.engine
    cls = _asset_class(call)
    asset = get_object(call, cls, id_of(call))
    for other in _assets_of(host, text(asset.get("entryId")), cls.name):
        other["isDefault"] = other is asset
    host.store.dirty = True


def thumb_from_image(call: Call) -> Obj:
    upload = call.args.get("fileData")
    created = add_asset(call)
    data = upload.content if upload is not None else b""
    return store_content(call, created, data, upload.filename if upload is not None else "")


def thumb_from_url(call: Call) -> Obj:
    url = text(call.args.get("url"))
    data = fetch_local_url(call, url)
    created = add_asset(call)
    return store_content(call, created, data, urllib.parse.urlparse(url).path.rsplit("/", 1)[-1])


def entry_thumbnail(host: Host, kind: str, key: str) -> tuple[bytes, str] | None:
    """`/p/../thumbnail/entry_id/{id}`: the entry's default thumb asset, else a placeholder."""
    if kind != "entry_id" or host.store.get(ENTRY_ROOT, key) is None:
        return None
    thumbs = _assets_of(host, key, "KalturaThumbAsset")
    chosen = next((t for t in thumbs if t.get("isDefault")), thumbs[0] if thumbs else None)
    if chosen is not None:
        data = host.store.get_blob(f"{_table(host)}/{text(chosen['id'])}")
        if data:
            return data, _content_type(chosen)
    return PLACEHOLDER_PNG, "image/png"


# --------------------------------------------------------------------------- captions


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
_CUE_TIMES = re.compile(_TIME + r"\s*-->\s*" + _TIME)
_DFXP_TIME = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$")


def _ms(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> int:
    millis = int((fraction or "0").ljust(3, "0")[:3])
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


def parse_cues(data: bytes) -> list[Cue]:
    """Cues of an SRT, WebVTT or DFXP caption file (what eSearch and serveAsJson read)."""
    content = data.decode("utf-8", "replace").lstrip("\ufeff")
    if content.lstrip().startswith("<"):
        return _dfxp_cues(content)
    cues: list[Cue] = []
    for block in re.split(r"\r?\n\s*\r?\n", content):
        lines = [line for line in block.splitlines() if line.strip()]
        for index, line in enumerate(lines):
            times = _CUE_TIMES.search(line)
            if times is not None:
                g = times.groups()
                words = " ".join(lines[index + 1 :]).strip()
                if words:
                    cues.append(Cue(_ms(*g[:4]), _ms(*g[4:]), re.sub(r"<[^>]+>", "", words)))
                break
    return cues


def _dfxp_cues(content: str) -> list[Cue]:
    if re.search(r"<!DOCTYPE|<!ENTITY", content, re.IGNORECASE):
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(content.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return []
    cues = []
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).localname != "p":
            continue
        begin = _DFXP_TIME.match(element.get("begin", "").strip())
        end = _DFXP_TIME.match(element.get("end", "").strip())
        words = " ".join("".join(str(t) for t in element.itertext()).split())
        if begin and end and words:
            cues.append(Cue(_ms(*begin.groups()), _ms(*end.groups()), words))
    return cues


def caption_cues(host: Host, entry_id: str) -> list[tuple[Obj, Cue]]:
    """Every cue of the entry's caption assets, with its asset."""
    found: list[tuple[Obj, Cue]] = []
    for asset in _assets_of(host, entry_id, "KalturaCaptionAsset"):
        data = host.store.get_blob(f"{_table(host)}/{text(asset['id'])}")
        if data:
            found.extend((asset, cue) for cue in parse_cues(data))
    return found


def serve_caption_json(call: Call) -> FileResult:
    asset = get_object(call, _asset_class(call), id_of(call))
    data = call.engine.store.get_blob(f"{_table(call.engine)}/{text(asset['id'])}") or b""
    cues = [
        {"startTime": c.start_ms, "endTime": c.end_ms, "content": [{"text": c.text}]}
        for c in parse_cues(data)
    ]
    body = json.dumps({"objects": cues, "totalCount": len(cues)}, ensure_ascii=False)
    return FileResult(body.encode("utf-8"), "application/json")
