"""A pytest plugin for users' suites: a fake Kaltura server per test session.

Enable it in a `conftest.py`::

    pytest_plugins = ["generator.serve.pytest_plugin"]

and point it at a schema with ``--kaltura-schema PATH`` (or the ``KALTURA_SCHEMA`` environment
variable). Fixtures:

* ``kaltura_server``: a running server for the whole session (`.url`, `.partner_id`,
  `.admin_secret`, `.secret`, `.engine`);
* ``kaltura_server_factory``: call it with `ServerConfig` fields to get a fresh server (for
  tests that need their own partner or an empty store); stopped at the end of the test.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from generator.model import Schema
from generator.serve.app import RunningServer, start_server
from generator.serve.engine import ServerConfig

__all__ = ["kaltura_server", "kaltura_server_factory", "pytest_addoption"]

_cache: dict[str, tuple[Schema, bytes]] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--kaltura-schema",
        default=None,
        help="Schema the fake Kaltura server is driven by (default: $KALTURA_SCHEMA, else "
        "the embedded sample schema).",
    )


def _schema(config: pytest.Config) -> tuple[Schema, bytes]:
    from generator.paths import DEFAULT_SCHEMA
    from generator.sources import load_schema

    option = config.getoption("--kaltura-schema", default=None)
    path = str(option or os.environ.get("KALTURA_SCHEMA") or DEFAULT_SCHEMA)
    if path not in _cache:
        result = load_schema(path)
        if result.schema is None or result.errors:
            raise pytest.UsageError(f"{path}: unusable schema: {result.errors[:3]}")
        _cache[path] = (result.schema, Path(path).read_bytes())
    return _cache[path]


@pytest.fixture(scope="session")
def kaltura_server(pytestconfig: pytest.Config) -> Iterator[RunningServer]:
    schema, data = _schema(pytestconfig)
    server = start_server(schema, ServerConfig(), schema_bytes=data)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def kaltura_server_factory(
    pytestconfig: pytest.Config,
) -> Iterator[Callable[..., RunningServer]]:
    schema, data = _schema(pytestconfig)
    with ExitStack() as stack:

        def factory(**options: Any) -> RunningServer:
            server = start_server(schema, ServerConfig(**options), schema_bytes=data)
            stack.callback(server.stop)
            return server

        yield factory
