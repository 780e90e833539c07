"""`kaltura-codegen serve`: a schema-driven fake Kaltura API server for offline testing.

from generator.serve import running_server

with running_server("KalturaClient.xml") as server:
    ...  # point a client at server.url, partner server.partner_id, server.admin_secret
"""

from __future__ import annotations

from generator.serve.app import FakeKalturaApp, Route, RunningServer, running_server, start_server
from generator.serve.engine import Engine, Partner, ServerConfig, User

__all__ = [
    "Engine",
    "FakeKalturaApp",
    "Partner",
    "Route",
    "RunningServer",
    "ServerConfig",
    "User",
    "running_server",
    "start_server",
]
