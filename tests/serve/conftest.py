"""Fixtures for the fake server's tests: real servers on 127.0.0.1, spoken to over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest
import requests
from lxml import etree

from generator.serve import RunningServer, ServerConfig, start_server
from generator.serve.ks import generate_v2
from tests.conftest import parsed_real_schema, real_schema_path

OVP = "ovp-22.19.0.xml"
PARTNER = 4242
ADMIN_SECRET = "admin-secret-4242"
SECRET = "user-secret-4242"


class Api:
    """A tiny raw client: JSON (format=1) for values, XML (format=2) for envelope checks."""

    def __init__(self, server: RunningServer, ks: str | None = None) -> None:
        self.server = server
        self.url = server.url
        self.session = requests.Session()
        self.ks = ks

    def admin_ks(self, user: str = "tester", privileges: str = "") -> str:
        return generate_v2(ADMIN_SECRET, user, 2, PARTNER, 3600, privileges)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self.url + path, timeout=30, **kwargs)

    def params(self, params: dict[str, Any], fmt: int) -> dict[str, Any]:
        body = {"format": fmt, **params}
        if self.ks is not None and "ks" not in body:
            body["ks"] = self.ks
        return body

    def call(self, service: str, action: str, **params: Any) -> Any:
        response = self.post(
            f"/api_v3/service/{service}/action/{action}", json=self.params(params, 1)
        )
        assert response.status_code == 200, response.text
        return unwrap(response.json())

    def xml(self, service: str, action: str, **params: Any) -> etree._Element:
        response = self.post(
            f"/api_v3/service/{service}/action/{action}", json=self.params(params, 2)
        )
        assert response.status_code == 200
        return etree.fromstring(response.content)


def unwrap(value: Any) -> Any:
    """OTT schemas answer JSON as {"executionTime": .., "result": ..} (errors under "error")."""
    if isinstance(value, dict) and "executionTime" in value and "objectType" not in value:
        value = value["result"]
        if isinstance(value, dict) and "error" in value and "objectType" not in value:
            value = value["error"]
    return value


def is_error(value: Any, code: str) -> bool:
    return (
        isinstance(value, dict)
        and value.get("objectType") == "KalturaAPIException"
        and (value.get("code") == code)
    )


@pytest.fixture(scope="session")
def ovp_server() -> Iterator[RunningServer]:
    schema = parsed_real_schema(OVP)
    config = ServerConfig(partner_id=PARTNER, admin_secret=ADMIN_SECRET, secret=SECRET)
    server = start_server(schema, config, schema_bytes=real_schema_path(OVP).read_bytes())
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def api(ovp_server: RunningServer) -> Api:
    client = Api(ovp_server)
    client.ks = client.admin_ks()
    return client


@pytest.fixture
def anon(ovp_server: RunningServer) -> Api:
    return Api(ovp_server)


@pytest.fixture
def fresh_server() -> Iterator[Callable[..., RunningServer]]:
    """A factory of private servers (own store) on the OVP schema."""
    schema = parsed_real_schema(OVP)
    with ExitStack() as stack:

        def make(**options: Any) -> RunningServer:
            base = {"partner_id": PARTNER, "admin_secret": ADMIN_SECRET, "secret": SECRET}
            server = start_server(schema, ServerConfig(**{**base, **options}))
            stack.callback(server.stop)
            return server

        yield make


@pytest.fixture(scope="module")
def fresh_server_module() -> Iterator[Callable[..., RunningServer]]:
    """Like `fresh_server`, one server kept for a whole test module (big seeds)."""
    schema = parsed_real_schema(OVP)
    with ExitStack() as stack:

        def make(**options: Any) -> RunningServer:
            base = {"partner_id": PARTNER, "admin_secret": ADMIN_SECRET, "secret": SECRET}
            server = start_server(schema, ServerConfig(**{**base, **options}))
            stack.callback(server.stop)
            return server

        yield make
