"""The partner and the system: `partner.get` / `getInfo` / `getPublicInfo` return the
partner of the session (or the one asked for), `system.ping` is true, `getTime` the clock,
`getVersion` the schema's apiVersion; `report.getTable` / `getTotal` answer every report type
with deterministic data computed from the stored entries (plays, views)."""

from __future__ import annotations

import time
from typing import Any

from generator.serve.core import Call, Host, Obj, Partner, register
from generator.serve.generic import text

__all__ = ["install", "partner_object"]

ENTRY_ROOT = "KalturaBaseEntry"
REPORT_COLUMNS = ("object_id", "entry_name", "count_plays", "count_loads", "unique_viewers")
TOTAL_COLUMNS = ("count_plays", "count_loads", "unique_viewers")


def install(host: Host) -> None:
    register(host, "system", "ping", lambda call: True)
    register(host, "system", "getTime", lambda call: int(time.time()))
    register(host, "system", "getVersion", lambda call: call.engine.schema.api_version)
    for action in ("get", "getInfo", "getPublicInfo"):
        register(host, "partner", action, partner_get)
    register(host, "report", "getTable", report_table)
    register(host, "report", "getTotal", report_total)


def _shape(host: Host, class_name: str, values: Obj) -> Obj:
    known = set(host.key_order(class_name))
    obj: Obj = {"objectType": class_name}
    obj.update({k: v for k, v in values.items() if k in known and v is not None})
    return obj


def _result_class(call: Call, default: str) -> str:
    cls = getattr(call.action.result, "cls", None)
    return cls.name if cls is not None else default


def partner_object(host: Host, call: Call, partner: Partner) -> Obj:
    values: Obj = {
        "id": partner.id,
        "name": partner.name,
        "website": "http://127.0.0.1/",
        "adminName": "admin",
        "adminEmail": "admin@example.com",
        "description": "kaltura-codegen serve",
        "createdAt": 0,
        "status": 1,
        "partnerPackage": 1,
        "publisherEnvironmentType": 0,
        "cdnHost": call.base_url,
        "host": call.base_url,
        "serviceConfigId": "",
    }
    if call.action.name != "getPublicInfo" and call.is_admin:
        values.update({"adminSecret": partner.admin_secret, "secret": partner.secret})
    return _shape(host, _result_class(call, "KalturaPartner"), values)


def partner_get(call: Call) -> Obj:
    host = call.engine
    wanted = call.args.get("id")
    partner_id = int(wanted) if isinstance(wanted, int) and wanted > 0 else call.partner_id
    partner = host.partners.get(partner_id)
    if partner is None or (call.session is not None and partner_id != call.partner_id):
        raise host.errors.make("INVALID_PARTNER_ID", partner_id)
    return partner_object(host, call, partner)


# --------------------------------------------------------------------------- reports


def _rows(call: Call) -> list[tuple[str, str, int, int, int]]:
    """One row per entry of the partner, most played first (then by id): deterministic."""
    rows = []
    for entry in call.engine.store.table(ENTRY_ROOT).values():
        if entry.get("partnerId") not in (None, call.partner_id):
            continue
        plays, views = int(entry.get("plays") or 0), int(entry.get("views") or 0)
        rows.append((text(entry.get("id")), text(entry.get("name")), plays, views, plays))
    wanted = {t for t in text(call.args.get("objectIds")).split(",") if t}
    if wanted:
        rows = [r for r in rows if r[0] in wanted]
    rows.sort(key=lambda r: (-r[2], -r[3], r[0]))
    return rows


def _csv(value: Any) -> str:
    return text(value).replace(",", " ").replace(";", " ")


def report_table(call: Call) -> Obj:
    rows = _rows(call)
    pager = call.args.get("pager")
    size, index = 25, 1
    if isinstance(pager, dict):
        raw_size, raw_index = pager.get("pageSize"), pager.get("pageIndex")
        size = raw_size if isinstance(raw_size, int) else size
        index = raw_index if isinstance(raw_index, int) else index
    size, index = max(1, min(size, 500)), max(1, index)
    shown = rows[(index - 1) * size : index * size]
    data = ";".join(",".join(_csv(v) for v in row) for row in shown)
    return _shape(
        call.engine,
        _result_class(call, "KalturaReportTable"),
        {"header": ",".join(REPORT_COLUMNS), "data": data, "totalCount": len(rows)},
    )


def report_total(call: Call) -> Obj:
    rows = _rows(call)
    totals = (sum(r[2] for r in rows), sum(r[3] for r in rows), sum(r[4] for r in rows))
    return _shape(
        call.engine,
        _result_class(call, "KalturaReportTotal"),
        {"header": ",".join(TOTAL_COLUMNS), "data": ",".join(str(t) for t in totals)},
    )
