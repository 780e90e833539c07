"""Custom metadata: profiles keep their XSD, metadata objects keep their XML (well-formed or
rejected), versions count up, and entries are searchable by metadata values
(`advancedSearch` with a `KalturaMetadataSearchItem`)."""

from __future__ import annotations

import copy
import re
from typing import Any

from lxml import etree

from generator.serve.core import Call, Host, register
from generator.serve.generic import check_updatable, get_object, merge, text

Obj = dict[str, Any]
PROFILE = "KalturaMetadataProfile"
METADATA = "KalturaMetadata"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_LOCAL_NAME = re.compile(r"local-name\(\)\s*=\s*'([^']+)'")


def install(engine: Host) -> None:
    register(engine, "metadataProfile", "add", profile_add)
    register(engine, "metadataProfile", "update", profile_update)
    register(engine, "metadata", "add", metadata_add)
    register(engine, "metadata", "update", metadata_update)


def parse_xml(data: str) -> etree._Element | None:
    if "<!DOCTYPE" in data or "<!ENTITY" in data:
        return None
    try:
        return etree.fromstring(data.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError:
        return None


def _check_xml(call: Call, data: str, error: str) -> None:
    if parse_xml(data) is None:
        raise call.engine.errors.make(error, "malformed XML")


def profile_add(call: Call) -> Obj:
    engine = call.engine
    cls = engine.schema.classes[PROFILE]
    xsd = text(call.args.get("xsdData"))
    _check_xml(call, xsd, "INVALID_METADATA_DATA")
    given = call.args.get("metadataProfile")
    created = engine.insert(call, cls, dict(given) if isinstance(given, dict) else {})
    profile = engine.store.get(engine.table_of(cls), text(created["id"]))
    assert profile is not None
    profile["xsd"] = xsd
    if call.args.get("viewsData"):
        profile["views"] = text(call.args["viewsData"])
    return copy.deepcopy(profile)


def profile_update(call: Call) -> Obj:
    engine = call.engine
    cls = engine.schema.classes[PROFILE]
    profile = get_object(call, cls, text(call.args.get("id")))
    changes = call.args.get("metadataProfile")
    xsd = call.args.get("xsdData")
    if xsd:  # empty or absent keeps the current XSD
        _check_xml(call, text(xsd), "INVALID_METADATA_DATA")
    if isinstance(changes, dict):
        check_updatable(call, changes)
        merge(profile, changes)
    if xsd:
        profile["xsd"] = text(xsd)
        profile["version"] = int(profile.get("version") or 0) + 1
    if call.args.get("viewsData"):
        profile["views"] = text(call.args["viewsData"])
    engine.touch(profile)
    engine.store.dirty = True
    return copy.deepcopy(profile)


def metadata_add(call: Call) -> Obj:
    engine = call.engine
    cls = engine.schema.classes[METADATA]
    profile_cls = engine.schema.classes[PROFILE]
    profile_id = text(call.args.get("metadataProfileId"))
    profile = engine.store.get(engine.table_of(profile_cls), profile_id)
    if profile is None or profile.get("partnerId") not in (None, call.partner_id):
        raise engine.errors.make("METADATA_PROFILE_NOT_FOUND", profile_id)
    xml = text(call.args.get("xmlData"))
    _check_xml(call, xml, "INVALID_METADATA_DATA")
    object_id = text(call.args.get("objectId"))
    table = engine.table_of(cls)
    for existing in engine.store.table(table).values():
        if (
            text(existing.get("metadataProfileId")) == profile_id
            and text(existing.get("objectId")) == object_id
        ):
            raise engine.errors.make("METADATA_ALREADY_EXISTS", existing.get("id"))
    fields: Obj = {
        "metadataProfileId": int(profile_id) if profile_id.isdigit() else profile_id,
        "metadataProfileVersion": profile.get("version", 1),
        "metadataObjectType": text(call.args.get("objectType")),
        "objectId": object_id,
        "xml": xml,
        "version": 1,
    }
    created = engine.insert(call, cls, {"objectType": cls.name})
    stored = engine.store.get(table, text(created["id"]))
    assert stored is not None
    stored.update(fields)
    return copy.deepcopy(stored)


def metadata_update(call: Call) -> Obj:
    engine = call.engine
    cls = engine.schema.classes[METADATA]
    metadata = get_object(call, cls, text(call.args.get("id")))
    xml = call.args.get("xmlData")
    if xml:
        _check_xml(call, text(xml), "INVALID_METADATA_DATA")
        metadata["xml"] = text(xml)
        metadata["version"] = int(metadata.get("version") or 0) + 1
    engine.touch(metadata)
    engine.store.dirty = True
    return copy.deepcopy(metadata)


# --------------------------------------------------------------------------- search


def _field_values(xml: str, field: str) -> list[str]:
    root = parse_xml(xml)
    if root is None:
        return []
    names = _LOCAL_NAME.findall(field)
    name = names[-1] if names else field.strip("/").split("/")[-1]
    return [el.text or "" for el in root.iter() if etree.QName(el).localname == name]


def _condition(xmls: list[str], item: Obj) -> bool:
    field = text(item.get("field"))
    value = text(item.get("value")).lower()
    found = [v.lower() for xml in xmls for v in _field_values(xml, field)]
    if str(item.get("objectType", "")).endswith("MatchCondition") or "values" in item:
        wanted = [
            text(v.get("value")).lower() for v in item.get("values") or [] if isinstance(v, dict)
        ]
        return any(w in found for w in wanted) != bool(item.get("not"))
    return any(value in v for v in found) if value else bool(found)


def metadata_search(engine: Host, search: Obj, entry: Obj) -> bool | None:
    """Entries whose metadata matches a `KalturaMetadataSearchItem` (AND / OR of conditions)."""
    cls = engine.schema.classes.get(METADATA)
    if cls is None or ("metadataProfileId" not in search and "items" not in search):
        return None
    profile_id = text(search.get("metadataProfileId"))
    xmls = [
        text(m.get("xml"))
        for m in engine.store.table(engine.table_of(cls)).values()
        if text(m.get("objectId")) == text(entry.get("id"))
        and (not profile_id or text(m.get("metadataProfileId")) == profile_id)
    ]
    items = [i for i in search.get("items") or [] if isinstance(i, dict)]
    if not items:
        return bool(xmls) if profile_id else None
    results = [
        _condition(xmls, i) if "field" in i else bool(metadata_search(engine, i, entry))
        for i in items
    ]
    is_or = text(search.get("type")) == "2"
    return any(results) if is_or else all(results)


def metadata_values(host: Host, object_id: str | None = None) -> list[tuple[str, Any, str, str]]:
    """(object id, profile id, element path, text) of every valued element of the stored
    metadata (of one object, or all): what eSearch metadata items search."""
    cls = host.schema.classes.get(METADATA)
    if cls is None:
        return []
    found = []
    for metadata in host.store.table(host.table_of(cls)).values():
        oid = text(metadata.get("objectId"))
        if object_id is not None and oid != object_id:
            continue
        root = parse_xml(text(metadata.get("xml")))
        if root is None:
            continue
        for element in root.iter():
            if not isinstance(element.tag, str) or len(element):
                continue
            value = (element.text or "").strip()
            if not value:
                continue
            chain = [*reversed(list(element.iterancestors())), element]
            path = "/".join(etree.QName(e).localname for e in chain)
            found.append((oid, metadata.get("metadataProfileId"), path, value))
    return found
