"""`serve` hosts the docs site at `/api_v3/testme/` (Kaltura's path for its TestMe console).

The site is rendered in memory for the served schema, once per schema and base URL (the
code examples name the server they were fetched from), and answered with the right
content types. `/api_v3/testme/` itself is the console; the reference starts at
`/api_v3/testme/index.html`. The console's default server URL is the page's origin, so it
talks to this server with no configuration.
"""

from __future__ import annotations

import threading
from typing import Any

from werkzeug.wrappers import Request, Response

from generator.model import Schema
from generator.targets import GenerateOptions, RenderedFiles

__all__ = ["PREFIX", "content_type", "site_files", "testme_response"]

PREFIX = "/api_v3/testme"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
_lock = threading.Lock()
_sites: dict[tuple[int, str], tuple[Schema, RenderedFiles]] = {}
_MAX_SITES = 4


def content_type(path: str) -> str:
    dot = path.rfind(".")
    return _TYPES.get(path[dot:].lower() if dot >= 0 else "", "application/octet-stream")


def site_files(schema: Schema, base_url: str) -> RenderedFiles:
    """The docs site for `schema` with examples pointing at `base_url` (rendered once)."""
    from generator.targets.docs import TARGET
    from generator.targets.docs.site import render_site

    key = (id(schema), base_url)
    with _lock:
        hit = _sites.get(key)
        if hit is not None and hit[0] is schema:
            return hit[1]
        url = base_url if base_url.startswith(("http://", "https://")) else "http://localhost"
        options = GenerateOptions(settings={"service_url": url})
        files = render_site(schema, options, options.setting(TARGET, "service_url"), _quiet)
        if len(_sites) >= _MAX_SITES:
            _sites.pop(next(iter(_sites)))
        _sites[key] = (schema, files)
        return files


def _quiet(done: int, total: int, what: str) -> None:
    return None


def testme_response(schema: Schema, request: Request, path: str) -> Response | None:
    """The response for a path under `/api_v3/testme`, or None when it is not one."""
    if path != PREFIX and not path.startswith(PREFIX + "/"):
        return None
    if path == PREFIX:
        return Response(status=301, headers={"Location": PREFIX + "/"})
    relative = path[len(PREFIX) + 1 :] or "console.html"
    files = site_files(schema, request.host_url.rstrip("/"))
    body = files.get(relative)
    if body is None or ".." in relative.split("/"):
        return Response("not found\n", status=404, content_type="text/plain")
    headers: dict[str, Any] = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}
    return Response(body, content_type=content_type(relative), headers=headers)
