"""`/api_v3/openapi.json`: the openapi target's document for the schema being served.

Rendered in memory on first request (through the pipeline, so the target's checks apply)
with this server as `servers[0]`, then kept per base URL.
"""

from __future__ import annotations

import threading

from werkzeug.wrappers import Response

from generator.model import Schema

__all__ = ["OpenApiDocument"]


class OpenApiDocument:
    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._rendered: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def response(self, base_url: str) -> Response:
        with self._lock:
            body = self._rendered.get(base_url)
            if body is None:
                from generator.pipeline import render_schema

                try:
                    files = render_schema(
                        self.schema, "openapi", settings=(f"service_url={base_url}",)
                    )
                except ValueError as exc:  # the target's check() found errors
                    return Response(f"{exc}\n", status=500, content_type="text/plain")
                body = files["openapi.json"]
                self._rendered[base_url] = body
        return Response(body, content_type="application/json")
