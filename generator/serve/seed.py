"""Seed data: partners, users and objects loaded at start-up from a JSON file
(`--seed FILE`, `ServerConfig.seed`) or given directly (`ServerConfig.seed_data`).

```json
{
  "partners": [{"id": 200, "adminSecret": "a", "secret": "s", "name": "Other",
                "partnerGroup": "300,301"}],
  "users": [{"partnerId": 100, "id": "admin", "loginId": "admin@example.com",
             "password": "secret", "isAdmin": true}],
  "objects": [{"objectType": "KalturaMediaEntry", "name": "Sample", "mediaType": 1,
               "createdAt": 1700000000, "plays": 3, "duration": 61}]
}
```

Objects go through the same typing as requests (unknown classes are refused) and the same
`add` path, so they get ids, timestamps and statuses; every property the seed gives is kept,
read-only ones included (`id`, `createdAt`, `status`, `plays`, `duration` ...), so a test can
build exactly the catalogue it needs. All objects load in one transaction (one state-file
write): 10,000 entries take well under a few seconds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.model import ActionDef, ClassDef, ServiceDef
from generator.serve.core import Call, Host, Partner, User
from generator.serve.errors import ApiError

__all__ = ["SeedError", "load_seed"]


class SeedError(Exception):
    pass


def load_seed(host: Host, path: Path) -> None:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SeedError(f"{path}: cannot read seed: {exc}") from None
    seed_objects(host, data, str(path))


def seed_objects(host: Host, data: Any, origin: str = "seed") -> None:
    """Load a seed (the JSON file's content as Python values)."""
    if not isinstance(data, Mapping):
        raise SeedError(f"{origin}: a seed is a JSON object with partners, users, objects")
    try:
        for p in data.get("partners", []):
            host.partners[int(p["id"])] = Partner(
                int(p["id"]),
                str(p["adminSecret"]),
                str(p.get("secret", p["adminSecret"])),
                str(p.get("name", "Fake partner")),
                str(p.get("partnerGroup", "")),
            )
        for u in data.get("users", []):
            host.users.append(
                User(
                    int(u.get("partnerId", host.config.partner_id)),
                    str(u["id"]),
                    str(u.get("loginId", u["id"])),
                    str(u.get("password", "")),
                    bool(u.get("isAdmin", True)),
                )
            )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SeedError(f"{origin}: bad partner or user entry: {exc!r}") from None
    objects = data.get("objects", [])
    if not isinstance(objects, list):
        raise SeedError(f"{origin}: objects must be a list")
    targets: dict[str, tuple[ClassDef, ServiceDef, ActionDef]] = {}
    with host.store.transaction():
        for index, raw in enumerate(objects):
            _seed_one(host, raw, f"{origin}: objects[{index}]", targets)


def _target(host: Host, cls: ClassDef) -> tuple[ClassDef, ServiceDef, ActionDef]:
    service = next(
        (
            s
            for s in host.schema.services.values()
            if (e := host.entity(s)) is not None and cls.is_subclass_of(e)
        ),
        None,
    )
    entity = (host.entity(service) if service is not None else None) or cls
    add = service.action("add") if service is not None else None
    if service is None or add is None:
        service = next(iter(host.schema.services.values()))
        add = service.actions[0]
    return entity, service, add


def _seed_one(
    host: Host, raw: Any, where: str, targets: dict[str, tuple[ClassDef, ServiceDef, ActionDef]]
) -> None:
    if not isinstance(raw, dict) or not isinstance(raw.get("objectType"), str):
        raise SeedError(f"{where} needs an objectType")
    cls = host.schema.classes.get(raw["objectType"])
    if cls is None:
        raise SeedError(f"{where}: unknown class {raw['objectType']}")
    if cls.name not in targets:
        targets[cls.name] = _target(host, cls)
    entity, service, add = targets[cls.name]
    try:
        obj = host.coercer.object(cls, raw, where) or {}
    except ApiError as exc:
        raise SeedError(f"{where}: {exc}") from None
    try:
        partner_id = int(raw.get("partnerId", host.config.partner_id))
    except (TypeError, ValueError):
        raise SeedError(f"{where}: bad partnerId") from None
    call = Call(host, service, add, {}, None, partner_id, "", {})
    try:
        stored = host.insert(call, entity, dict(obj), keep_id=True, copy_back=False)
    except ApiError as exc:
        raise SeedError(f"{where}: {exc}") from None
    for key, value in obj.items():  # what the seed says wins over server-set defaults
        if key in raw and key not in ("objectType", "partnerId"):
            stored[key] = value
