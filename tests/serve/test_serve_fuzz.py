"""No internal errors: malformed requests get a Kaltura error that names the real limit, never
exception text; and a bounded, seeded fuzz over the HTTP surface never sees
INTERNAL_SERVER_ERROR."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from generator.serve import app as app_module
from tests.conftest import parsed_real_schema
from tests.serve.conftest import OVP, Api, is_error

FUZZ_REQUESTS = 600
FUZZ_SEED = 1717


def _post(api: Api, path: str, **kwargs: Any) -> Any:
    response = requests.post(api.url + path, params={"format": 1}, timeout=60, **kwargs)
    assert response.status_code == 200, response.text[:300]
    return response.json()


def test_malformed_requests_get_kaltura_errors(api: Api) -> None:
    nameless = _post(
        api, "/api_v3/service/media/action/list", files=[("", (None, "x"))], data={"ks": api.ks}
    )
    assert is_error(nameless, "INVALID_REQUEST_BODY") and "no name" in nameless["message"]
    for keys in (["²"], ["1", "01"]):
        body = {
            "ks": api.ks,
            "format": 1,
            **{k: {"service": "system", "action": "ping"} for k in keys},
        }
        value = _post(api, "/api_v3/service/multirequest", json=body)
        text = json.dumps(value)
        assert "INTERNAL_SERVER_ERROR" not in text, keys
    duplicate = _post(
        api,
        "/api_v3/service/multirequest",
        json={
            "ks": api.ks,
            "1": {"service": "system", "action": "ping"},
            "01": {"service": "system", "action": "ping"},
        },
    )
    assert is_error(duplicate, "INVALID_REQUEST_BODY") and "twice" in duplicate["message"]
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "boom">]><xml/>'
    refused = _post(
        api,
        "/api_v3/service/media/action/list",
        data=utf16.encode("utf-16"),
        headers={"Content-Type": "text/xml"},
    )
    assert is_error(refused, "INVALID_REQUEST_BODY") and "DOCTYPE" in refused["message"]


def test_many_parts_and_chunked_bodies_name_the_real_limit(
    api: Api, fresh_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = [("ks", (None, api.ks))] + [(f"p{i}", (None, "x")) for i in range(20_000)]
    many = _post(api, "/api_v3/service/media/action/list", files=parts)
    assert many["objectType"] == "KalturaMediaListResponse"  # 1.4 MB is not "too large"
    monkeypatch.setattr(app_module, "MAX_FORM_PARTS", 1_000)
    too_many = _post(api, "/api_v3/service/media/action/list", files=parts[:1_500])
    assert is_error(too_many, "INVALID_REQUEST_BODY")
    assert "more than 1000 form parts" in too_many["message"]
    small = Api(fresh_server(max_body=1 << 20))

    def chunks() -> Iterator[bytes]:
        yield b'{"format": 1, "pad": "'
        for _ in range(40):
            yield b"x" * 65_536
        yield b'"}'

    chunked = _post(
        small,
        "/api_v3/service/system/action/ping",
        data=chunks(),
        headers={"Content-Type": "application/json"},
    )
    assert is_error(chunked, "REQUEST_TOO_LARGE") and "1048576" in chunked["message"]


def test_state_temp_files_of_a_killed_server_are_removed(tmp_path: Path) -> None:
    from generator.serve import ServerConfig, start_server

    state = tmp_path / "state.json"
    leftovers = [tmp_path / f".state-state.json-{n}" for n in ("a1", "b2")]
    for leftover in leftovers:
        leftover.write_text("{partial")
    unrelated = tmp_path / ".state-other.json-c3"
    unrelated.write_text("{")
    server = start_server(parsed_real_schema(OVP), ServerConfig(state_file=state))
    server.stop()
    assert not any(p.exists() for p in leftovers) and unrelated.exists()


_VALUES: list[Any] = [
    None,
    "",
    "0",
    "-1",
    "1e309",
    "x" * 5_000,
    "\u0000\ud7ff\ufffd",
    "{1:result:id}",
    "<![CDATA[",
    "%00",
    0,
    -(2**63),
    2**64,
    1.5,
    True,
    [],
    [1, "a", None],
    {},
    {"a": {"b": {}}},
    {"objectType": "KalturaMediaEntry", "name": 5},
    {"objectType": "NoSuchClass"},
    {"objectType": "KalturaFilterPager", "pageSize": "big", "pageIndex": -3},
]


def _random_value(rnd: random.Random, depth: int = 0) -> Any:
    if depth < 2 and rnd.random() < 0.2:
        return {
            rnd.choice(["objectType", "id", "filter", "x", "", "²"]): _random_value(rnd, depth + 1)
            for _ in range(rnd.randrange(4))
        }
    return rnd.choice(_VALUES)


def _random_request(
    rnd: random.Random, api: Api, calls: list[tuple[str, str, list[str]]]
) -> dict[str, Any]:
    service, action, params = rnd.choice(calls)
    if rnd.random() < 0.1:
        service, action = rnd.choice(
            [("nosuch", "x"), (service, "nosuch"), ("", ""), ("multirequest", "")]
        )
    names = [*params, "ks", "format", "ignoreNull", "responseProfile", "1", "0", "²"]
    body = {rnd.choice(names): _random_value(rnd) for _ in range(rnd.randrange(6))}
    if rnd.random() < 0.7:
        body["ks"] = api.ks
    if service == "multirequest":
        body.update(
            {
                str(i): {
                    "service": "media",
                    "action": rnd.choice(["list", "get"]),
                    "entryId": rnd.choice(_VALUES),
                }
                for i in range(rnd.randrange(4))
            }
        )
    path = f"/api_v3/service/{service}/action/{action}"
    kind = rnd.choice(["json", "form", "multipart", "xml", "junk"])
    if kind == "json":
        return {"path": path, "json": body}
    if kind == "form":
        return {"path": path, "data": {k: json.dumps(v) for k, v in body.items()}}
    if kind == "multipart":
        files: dict[str, tuple[str | None, str | bytes]] = {
            k or "x": (None, json.dumps(v)) for k, v in body.items()
        }
        files["fileData"] = ("f.bin", bytes(rnd.randrange(256) for _ in range(64)))
        return {"path": path, "files": files}
    if kind == "xml":
        inner = "".join(f"<{k}>{v}</{k}>" for k, v in body.items() if k.isidentifier())
        return {
            "path": path,
            "data": f"<xml>{inner}</xml>".encode(),
            "headers": {"Content-Type": "text/xml"},
        }
    junk = bytes(rnd.randrange(256) for _ in range(rnd.randrange(200)))
    return {
        "path": path,
        "data": junk,
        "headers": {
            "Content-Type": rnd.choice(
                ["application/json", "multipart/form-data", "application/xml", "text/plain"]
            )
        },
    }


def test_fuzz_never_answers_internal_server_error(api: Api) -> None:
    schema = parsed_real_schema(OVP)
    calls = [(s.id, a.name, [p.name for p in a.params]) for s, a in schema.actions]
    rnd = random.Random(FUZZ_SEED)
    session = requests.Session()
    for number in range(FUZZ_REQUESTS):
        request = _random_request(rnd, api, calls)
        path = request.pop("path")
        response = session.post(
            api.url + path, params={"format": rnd.choice([1, 2])}, timeout=60, **request
        )
        assert response.status_code in (200, 404), (number, path, response.status_code)
        assert b"INTERNAL_SERVER_ERROR" not in response.content, (
            number,
            path,
            request,
            response.content[:500],
        )
