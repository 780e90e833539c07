"""Item 7: `serve` publishes the export of the schema it serves at /api_v3/openapi.json, and
understands the requests the export describes (JSON parts of multipart bodies)."""

from __future__ import annotations

import json

import requests

from generator.pipeline import render_schema
from generator.serve.app import running_server
from tests.openapi.test_document import _schema_without_ott


def test_serve_publishes_the_export_of_its_schema() -> None:
    schema = _schema_without_ott()  # not the sample: the document follows the served schema
    with running_server(schema) as server:
        first = requests.get(f"{server.url}/api_v3/openapi.json", timeout=30)
        again = requests.get(f"{server.url}/api_v3/openapi.json", timeout=30)
    assert first.status_code == 200
    assert first.headers["Content-Type"].startswith("application/json")
    assert first.content == again.content
    served = first.json()
    assert served["servers"][0]["variables"]["serviceUrl"]["default"] == server.url
    expected = json.loads(
        render_schema(schema, "openapi", settings=(f"service_url={server.url}",))["openapi.json"]
    )
    assert served == expected
    assert "/service/ottuser/action/login" not in served["paths"]
    assert "/service/media/action/list" in served["paths"]


def test_multipart_object_parameters_as_json_parts() -> None:
    """What generic clients send for object parameters in multipart bodies (OpenAPI's
    default encoding of object properties): the part's text is JSON."""
    schema = _schema_without_ott()
    with running_server(schema) as server:
        ks = requests.post(
            f"{server.url}/api_v3/service/session/action/start",
            params={"format": 1},
            json={"secret": server.admin_secret, "type": 2, "partnerId": server.partner_id},
            timeout=30,
        ).json()
        entry = {"objectType": "KalturaMediaEntry", "name": "from a part", "mediaType": 1}
        added = requests.post(
            f"{server.url}/api_v3/service/media/action/add",
            params={"format": 1, "ks": ks},
            files={"entry": (None, json.dumps(entry), "application/json")},
            timeout=30,
        ).json()
        not_json = requests.post(
            f"{server.url}/api_v3/service/media/action/add",
            params={"format": 1, "ks": ks},
            files={"entry": (None, "{not json", "application/json")},
            timeout=30,
        ).json()
    assert added["objectType"] == "KalturaMediaEntry" and added["name"] == "from a part"
    assert not_json["objectType"] == "KalturaAPIException"
