"""Seed data: partners, users and objects loaded at start-up from a JSON file.

```json
{
  "partners": [{"id": 200, "adminSecret": "a", "secret": "s", "name": "Other"}],
  "users": [{"partnerId": 100, "id": "admin", "loginId": "admin@example.com",
             "password": "secret", "isAdmin": true}],
  "objects": [{"objectType": "KalturaMediaEntry", "name": "Sample", "mediaType": 1}]
}
```

Objects go through the same typing as requests (unknown classes are refused) and the same
`add` path, so they get ids, timestamps and statuses; `"status"` given in the seed is kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.serve.engine import Engine

__all__ = ["SeedError", "load_seed"]


class SeedError(Exception):
    pass


def load_seed(engine: Engine, path: Path) -> None:
    from generator.serve.engine import Call, Partner, User
    from generator.serve.errors import ApiError

    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SeedError(f"{path}: cannot read seed: {exc}") from None
    if not isinstance(data, dict):
        raise SeedError(f"{path}: a seed is a JSON object with partners, users, objects")
    try:
        for p in data.get("partners", []):
            engine.partners[int(p["id"])] = Partner(
                int(p["id"]),
                str(p["adminSecret"]),
                str(p.get("secret", p["adminSecret"])),
                str(p.get("name", "Fake partner")),
            )
        for u in data.get("users", []):
            engine.users.append(
                User(
                    int(u.get("partnerId", engine.config.partner_id)),
                    str(u["id"]),
                    str(u.get("loginId", u["id"])),
                    str(u.get("password", "")),
                    bool(u.get("isAdmin", True)),
                )
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise SeedError(f"{path}: bad partner or user entry: {exc!r}") from None
    objects = data.get("objects", [])
    for index, raw in enumerate(objects):
        if not isinstance(raw, dict) or not isinstance(raw.get("objectType"), str):
            raise SeedError(f"{path}: objects[{index}] needs an objectType")
        cls = engine.schema.classes.get(raw["objectType"])
        if cls is None:
            raise SeedError(f"{path}: objects[{index}]: unknown class {raw['objectType']}")
        service = next(
            (
                s
                for s in engine.schema.services.values()
                if (e := engine.entity(s)) is not None and cls.is_subclass_of(e)
            ),
            None,
        )
        entity = engine.entity(service) if service is not None else cls
        assert entity is not None
        add = service.action("add") if service is not None else None
        try:
            obj = engine.coercer.object(cls, raw, f"objects[{index}]") or {}
        except ApiError as exc:
            raise SeedError(f"{path}: objects[{index}]: {exc}") from None
        partner_id = int(raw.get("partnerId", engine.config.partner_id))
        if service is None or add is None:
            service = next(iter(engine.schema.services.values()))
            add = service.actions[0]
        call = Call(engine, service, add, {}, None, partner_id, "", {})
        with engine.store.transaction():
            created = engine.insert(call, entity, dict(obj), keep_id=True)
            stored = engine.store.get(engine.table_of(entity), str(created["id"]))
            assert stored is not None
            for key in ("status", "userId", "creatorId"):
                if key in raw and key in obj:
                    stored[key] = obj[key]
