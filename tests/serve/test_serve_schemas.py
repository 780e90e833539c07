"""Every action of every real schema answers with a type-correct result or a Kaltura error:
the fake is driven by the schema, not by a list of known services."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    EnumKind,
    MapType,
    ObjectType,
    Primitive,
    PrimitiveType,
    Schema,
    ServiceDef,
    Type,
)
from generator.serve import ServerConfig, start_server
from generator.serve.ks import generate_v2
from generator.sources import load_schema
from tests.conftest import REAL_SCHEMAS, SAMPLE_SCHEMA, parsed_real_schema
from tests.serve.conftest import unwrap


def _concrete(schema: Schema, cls: ClassDef) -> ClassDef:
    if not cls.abstract:
        return cls
    return next((c for c in schema.descendants(cls) if not c.abstract), cls)


def _sample(schema: Schema, t: Type) -> Any:
    if isinstance(t, PrimitiveType):
        if t.enum is not None and t.enum.consts:
            value = t.enum.consts[0].value
            return int(value) if t.enum.kind is EnumKind.INT else value
        return {
            Primitive.INT: 1,
            Primitive.BIGINT: 1,
            Primitive.FLOAT: 1.5,
            Primitive.BOOL: True,
        }.get(t.primitive, "1")
    if isinstance(t, ObjectType):
        if t.cls is None:
            return {"objectType": "KalturaObjectBase"}
        return {"objectType": _concrete(schema, t.cls).name}
    if isinstance(t, ArrayType):
        return []
    assert isinstance(t, MapType)
    return {}


def _check(schema: Schema, action: ActionDef, value: Any) -> str | None:
    """None when `value` fits the action's result type, else what is wrong."""
    if isinstance(value, dict) and value.get("objectType") == "KalturaAPIException":
        if value.get("code") in ("INTERNAL_SERVER_ERROR", "INTERNAL_SERVERL_ERROR"):
            return f"internal error: {value.get('message')}"
        return None
    t = action.result
    if t is None:
        return None if value is None else f"void action returned {value!r}"
    if isinstance(t, PrimitiveType):
        expected: tuple[type, ...] = {
            Primitive.INT: (int,),
            Primitive.BIGINT: (int,),
            Primitive.FLOAT: (float, int),
            Primitive.BOOL: (bool,),
            Primitive.STRING: (str,),
            Primitive.FILE: (str, bytes),
        }[t.primitive]
        return None if isinstance(value, expected) else f"expected {t.name}, got {value!r}"
    if isinstance(t, ArrayType):
        return None if isinstance(value, list) else f"expected array, got {value!r}"
    if isinstance(t, MapType):
        return None if isinstance(value, dict) else f"expected map, got {value!r}"
    if not isinstance(value, dict):
        return f"expected object, got {value!r}"
    if t.cls is None:
        return None
    actual = schema.classes.get(str(value.get("objectType")))
    if actual is None or not actual.is_subclass_of(t.cls):
        return f"expected {t.cls.name}, got {value.get('objectType')}"
    return None


def _load(name: str) -> Schema:
    if name == SAMPLE_SCHEMA.name:
        result = load_schema(str(SAMPLE_SCHEMA))
        assert result.schema is not None and not result.errors
        return result.schema
    return parsed_real_schema(name)


@pytest.mark.slow
@pytest.mark.parametrize("name", [SAMPLE_SCHEMA.name, *REAL_SCHEMAS])
def test_every_action_answers_type_correctly(name: str) -> None:
    schema = _load(name)
    config = ServerConfig(partner_id=7, admin_secret="a", secret="s")
    server = start_server(schema, config)
    problems: list[str] = []
    try:
        session = requests.Session()
        ks = generate_v2("a", "u", 2, 7, 3600, "")
        for service, action in schema.actions:
            params: dict[str, Any] = {"format": 1, "ks": ks}
            files: dict[str, tuple[str | None, str | bytes]] = {}
            for param in action.params:
                if param.is_file:
                    files[param.name] = ("f.bin", b"data")
                elif not param.optional:
                    params[param.name] = _sample(schema, param.type)
            url = f"{server.url}/api_v3/service/{service.id}/action/{action.name}"
            if files:
                parts = {"json": (None, json.dumps(params)), **files}
                response = session.post(url, files=parts, timeout=30)
            else:
                response = session.post(url, json=params, timeout=30)
            if action.result_kind.value == "file" and response.headers.get(
                "Content-Type", ""
            ).startswith("application/octet"):
                continue
            problem = _check(schema, action, unwrap(response.json()))
            if problem:
                problems.append(f"{service.id}.{action.name}: {problem}")
    finally:
        server.stop()
    assert problems == [], "\n".join(problems)


def _one_required_param(service: ServiceDef, action: str) -> bool:
    found = service.action(action)
    return found is not None and len([p for p in found.params if not p.optional]) == 1


@pytest.mark.parametrize("name", [SAMPLE_SCHEMA.name, *REAL_SCHEMAS])
def test_crud_on_the_first_addable_service(name: str) -> None:
    """add / get / list / delete work for a service of each schema that has all four."""
    schema = _load(name)
    server = start_server(schema, ServerConfig(partner_id=7, admin_secret="a", secret="s"))
    engine = server.engine
    try:
        ks = generate_v2("a", "u", 2, 7, 3600, "")
        candidates = [
            s
            for s in schema.services.values()
            if all(s.action(a) for a in ("add", "get", "list", "delete"))
            and engine.entity(s) is not None
            and all(_one_required_param(s, a) for a in ("add", "get", "delete"))
        ]
        assert candidates, "no service with add/get/list/delete"
        service = candidates[0]
        add = service.action("add")
        assert add is not None
        param = add.params[0]
        assert isinstance(param.type, ObjectType) and param.type.cls is not None
        base = f"{server.url}/api_v3/service/{service.id}/action/"

        def post(action: str, **params: Any) -> Any:
            body = {"format": 1, "ks": ks, **params}
            return unwrap(requests.post(base + action, json=body, timeout=10).json())

        obj = {"objectType": _concrete(schema, param.type.cls).name}
        created = post("add", **{param.name: obj})
        assert created.get("objectType"), created
        key = created.get("id")
        assert key is not None, created
        get = service.action("get")
        assert get is not None
        id_name = next(p.name for p in get.params if not p.optional)
        assert post("get", **{id_name: key}) == created
        assert key in [o.get("id") for o in post("list")["objects"]]
        delete = service.action("delete")
        assert delete is not None
        delete_id = next(p.name for p in delete.params if not p.optional)
        post("delete", **{delete_id: key})
        assert post("get", **{id_name: key}).get("objectType") == "KalturaAPIException"
    finally:
        server.stop()
