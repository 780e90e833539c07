"""HTTP: the WSGI application and the threaded server around the engine.

werkzeug (the WSGI toolkit under Flask; well kept, widely deployed) parses forms, query strings
and multipart bodies with size limits, and provides the threaded server. Nothing here parses
HTTP or multipart by hand.
"""

from __future__ import annotations

import errno
import html
import json
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from generator.diagnostics import SchemaLoadError
from generator.model import Schema
from generator.parser import screen_xml
from generator.serve.core import Outcome, ServerConfig
from generator.serve.engine import Engine
from generator.serve.errors import ApiError
from generator.serve.wire import (
    UploadedFile,
    deep_merge,
    error_to_json,
    merge_param,
    render_json,
    render_xml,
    xml_result_body,
)
from generator.targets.docs.hosting import testme_response

__all__ = ["FakeKalturaApp", "Route", "RunningServer", "running_server", "start_server"]

Obj = dict[str, Any]
FORMAT_JSON = "1"
MAX_FORM_PARTS = 100_000
_HOST = re.compile(r"[A-Za-z0-9.-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?")
_SERVICE_PATH = re.compile(r"^/api_v3(?:/index\.php)?(?:/service/([^/]+)(?:/action/([^/]+))?)?/?$")
_RAW_PATH = re.compile(
    r"^/p/(\d+)/sp/\d+/(raw|thumbnail|download)/(entry_id|flavor_id|asset_id)/([^/]+)(?:/.*)?$"
)

# A route's handler: (app, request, the path below the route) -> response.
RouteHandler = Callable[["FakeKalturaApp", Request, str], Response]


@dataclass(frozen=True)
class Route:
    """One entry of the routing table. `path` is exact, or a prefix when it ends with `/`;
    routes with a `title` are linked from the landing page (`GET /`)."""

    path: str
    handler: RouteHandler
    title: str = ""

    def matches(self, path: str) -> str | None:
        if self.path.endswith("/") and self.path != "/":
            if path == self.path.rstrip("/") or path.startswith(self.path):
                return path[len(self.path) :]
            return None
        return "" if path == self.path else None


class FakeKalturaApp:
    """The WSGI application: routes, body parsing, response envelopes."""

    def __init__(
        self, engine: Engine, schema_bytes: bytes | None = None, routes: Iterable[Route] = ()
    ) -> None:
        self.engine = engine
        self.schema_bytes = schema_bytes
        self.max_body = engine.config.max_body
        # OTT servers answer JSON as {"executionTime": .., "result": ..}; OVP ones bare.
        schema = engine.schema
        self.ott_envelope = "ottuser" in schema.services or "KalturaOTTUser" in schema.classes
        # OVP servers render unset properties as explicit nulls unless ignoreNull=1; OTT
        # (Phoenix) servers leave them out.
        self.nulls = not self.ott_envelope
        self.routes: list[Route] = []
        for route in (*_BUILTIN_ROUTES, *routes):
            self.add_route(route)

    def add_route(self, route: Route) -> None:
        """Register a route (the docs console, an OpenAPI document ...); longer paths win."""
        self.routes = [r for r in self.routes if r.path != route.path]
        self.routes.append(route)
        self.routes.sort(key=lambda r: (-len(r.path), r.path))

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = self.max_body
        request.max_form_memory_size = self.max_body
        request.max_form_parts = MAX_FORM_PARTS
        response = self.dispatch(request)
        return response(environ, start_response)

    def base_url(self, request: Request) -> str:
        """scheme://host[:port] of this request (werkzeug's host_url costs a URL round trip
        per call); a Host header that is not a plain host[:port] falls back to the socket's."""
        environ = request.environ
        host = environ.get("HTTP_HOST", "")
        if not host or not _HOST.fullmatch(host):
            host = f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '80')}"
        return f"{environ.get('wsgi.url_scheme', 'http')}://{host}"

    def dispatch(self, request: Request) -> Response:
        path = re.sub(r"/{2,}", "/", request.path)
        for route in self.routes:
            rest = route.matches(path)
            if rest is not None:
                return route.handler(self, request, rest)
        return self.api(request, path)

    def api(self, request: Request, path: str) -> Response:
        match = _SERVICE_PATH.match(path)
        if match is None:
            return Response("not found\n", status=404, content_type="text/plain")
        started = time.perf_counter()
        fmt = request.args.get("format", "2")
        ignore_null = _truthy(request.args.get("ignoreNull"))
        try:
            params, files = self.read_params(request)
            fmt = str(params.get("format", fmt))
            ignore_null = _truthy(params.get("ignoreNull", ignore_null))
            service = _name(match.group(1) or params.pop("service", ""))
            action = _name(match.group(2) or params.pop("action", ""))
            if service.lower() == "multirequest":
                outcomes = self.engine.execute_multi(params, files, self.base_url(request))
                return self.render_multi(outcomes, fmt, started, ignore_null)
            outcome = self.engine.execute(service, action, params, files, self.base_url(request))
        except ApiError as error:
            outcome = Outcome(error, None)
        except RequestEntityTooLarge:
            if request.content_length is not None and request.content_length <= self.max_body:
                # werkzeug says "too large" for too many parts too: name the real limit
                reason = f"more than {MAX_FORM_PARTS} form parts"
                outcome = Outcome(self.engine.errors.make("INVALID_REQUEST_BODY", reason), None)
            else:
                outcome = Outcome(self.engine.errors.make("REQUEST_TOO_LARGE", self.max_body), None)
        except HTTPException as exc:
            outcome = Outcome(
                self.engine.errors.make("INVALID_REQUEST_BODY", exc.description or exc.name),
                None,
            )
        except Exception as exc:  # a bug must still answer with an envelope, not a crash
            # (nor with exception text: the log has it)
            print(f"serve: {path}: {exc!r}", file=sys.stderr)
            outcome = Outcome(
                self.engine.errors.make("INTERNAL_SERVER_ERROR", type(exc).__name__), None
            )
        if outcome.file is not None:
            return Response(outcome.file, content_type=outcome.content_type)
        return self.render_single(outcome, fmt, started, ignore_null)

    # -- request bodies

    def read_params(self, request: Request) -> tuple[Obj, dict[str, UploadedFile]]:
        params: Obj = {}
        files: dict[str, UploadedFile] = {}
        if request.content_length is not None and request.content_length > self.max_body:
            raise RequestEntityTooLarge()
        for key, value in request.args.items(multi=False):
            merge_param(params, key, value)
        mimetype = request.mimetype
        if mimetype in ("application/json", "", "text/plain"):
            body = self._body(request)
            if body.strip() and (mimetype == "application/json" or body.lstrip()[:1] == b"{"):
                deep_merge(params, self._json(body))
        elif mimetype in ("text/xml", "application/xml"):
            body = self._body(request)
            if body.strip():
                deep_merge(params, self._xml(body))
        elif mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = request.form
            for key, value in form.items(multi=False):
                if not key:
                    raise self.engine.errors.make("INVALID_REQUEST_BODY", "a form part has no name")
                if key == "json" and mimetype == "multipart/form-data":
                    deep_merge(params, self._json(value.encode("utf-8")))
                else:
                    merge_param(params, key, value)
            for key, storage in request.files.items(multi=False):
                if not key:
                    raise self.engine.errors.make("INVALID_REQUEST_BODY", "a file part has no name")
                files[key] = UploadedFile(
                    storage.filename or key,
                    storage.read(),
                    storage.mimetype or "application/octet-stream",
                )
            if (
                mimetype == "multipart/form-data"
                and not form
                and not request.files
                and request.content_length
            ):
                raise self.engine.errors.make("INVALID_REQUEST_BODY", "malformed multipart body")
        return params, files

    def _body(self, request: Request) -> bytes:
        """The raw body, at most `max_body` bytes (chunked bodies have no Content-Length)."""
        if request.content_length is None and request.environ.get("wsgi.input_terminated"):
            stream = request.environ["wsgi.input"]  # short reads: one chunk at a time
            parts: list[bytes] = []
            size = 0
            while True:
                part = stream.read(65_536)
                if not part:
                    return b"".join(parts)
                size += len(part)
                if size > self.max_body:
                    raise RequestEntityTooLarge()
                parts.append(part)
        return request.get_data(cache=True)

    def _json(self, body: bytes) -> Obj:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            where = f" at character {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
            raise self.engine.errors.make(
                "INVALID_REQUEST_BODY", f"malformed JSON{where}"
            ) from None
        except RecursionError:
            raise self.engine.errors.make(
                "INVALID_REQUEST_BODY", "JSON nested too deeply"
            ) from None
        if not isinstance(data, dict):
            raise self.engine.errors.make("INVALID_REQUEST_BODY", "the JSON body must be an object")
        return data

    def _xml(self, body: bytes) -> Obj:
        """An XML request body in the response's own shape: `<xml><ks>..</ks><filter>
        <objectType>..</objectType>..</filter></xml>`, `<item>` children for arrays."""
        try:  # decoded first (UTF-16, UTF-32 ...), as the schema parser does
            body = screen_xml(body, "request")
        except SchemaLoadError as exc:
            raise self.engine.errors.make("INVALID_REQUEST_BODY", exc.diagnostic.message) from None
        try:
            root = etree.fromstring(body, _XML_PARSER)
        except etree.XMLSyntaxError as exc:
            line = f" at line {exc.lineno}" if exc.lineno else ""
            raise self.engine.errors.make("INVALID_REQUEST_BODY", f"malformed XML{line}") from None
        value = _xml_to_params(root)
        if not isinstance(value, dict):
            raise self.engine.errors.make("INVALID_REQUEST_BODY", "the XML body has no parameters")
        return value

    # -- responses

    def _headers(self) -> dict[str, str]:
        return {"X-Me": "kaltura-codegen-serve", "X-Kaltura-Session": "0"}

    def render_single(
        self, outcome: Outcome, fmt: str, started: float, ignore_null: bool = False
    ) -> Response:
        order = self.engine.key_order
        if fmt == FORMAT_JSON:
            value = outcome.value
            if self.ott_envelope:  # OTT (Phoenix) wraps JSON results, errors under "error"
                result = {"error": error_to_json(value)} if isinstance(value, ApiError) else value
                value = {"executionTime": round(time.perf_counter() - started, 6), "result": result}
            body = render_json(value, order, self.nulls and not ignore_null)
            return Response(body, content_type="application/json", headers=self._headers())
        is_map = outcome.action is not None and outcome.action.result_kind.value == "map"
        inner = xml_result_body(outcome.value, order, is_map)
        body = render_xml(inner, time.perf_counter() - started)
        return Response(body, content_type="text/xml; charset=utf-8", headers=self._headers())

    def render_multi(
        self, outcomes: list[Outcome], fmt: str, started: float, ignore_null: bool = False
    ) -> Response:
        order = self.engine.key_order
        if fmt == FORMAT_JSON:
            values: Any = [o.value for o in outcomes]
            if self.ott_envelope:
                values = {
                    "executionTime": round(time.perf_counter() - started, 6),
                    "result": values,
                }
            body = render_json(values, order, self.nulls and not ignore_null)
            return Response(body, content_type="application/json", headers=self._headers())
        items = []
        for outcome in outcomes:
            is_map = outcome.action is not None and outcome.action.result_kind.value == "map"
            items.append(f"<item>{xml_result_body(outcome.value, order, is_map)}</item>")
        body = render_xml("".join(items), time.perf_counter() - started)
        return Response(body, content_type="text/xml; charset=utf-8", headers=self._headers())

    def raw_download(self, kind: str, key: str) -> Response:
        table = "KalturaBaseEntry" if kind == "entry_id" else "KalturaAsset"
        with self.engine.store.lock:
            data = self.engine.store.get_blob(f"{table}/{key}")
            if data is None and self.engine.store.get(table, key) is not None:
                data = b""  # an entry or asset with no content yet: empty, not missing
        if data is None:
            return Response("not found\n", status=404, content_type="text/plain")
        return Response(data, content_type="application/octet-stream")

    def landing(self, request: Request) -> Response:
        """`GET /`: what a test (or a person) needs to talk to this fake."""
        config = self.engine.config
        base = self.base_url(request)
        rows = [
            ("Service URL", base),
            ("API endpoint", f"{base}/api_v3/service/{{service}}/action/{{action}}"),
            ("Partner id", str(config.partner_id)),
            ("Admin secret", config.admin_secret),
            ("User secret", config.secret),
            (
                "Schema",
                f"{self.engine.schema.source_file} (apiVersion {self.engine.schema.api_version})",
            ),
        ]
        links = [(r.title, r.path) for r in sorted(self.routes, key=lambda r: r.path) if r.title]
        body = "".join(
            f"<tr><th>{html.escape(k)}</th><td><code>{html.escape(v)}</code></td></tr>"
            for k, v in rows
        )
        items = "".join(
            f'<li><a href="{html.escape(path)}">{html.escape(title)}</a></li>'
            for title, path in links
        )
        page = (
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            "<title>kaltura-codegen serve</title></head><body>"
            "<h1>Fake Kaltura API (kaltura-codegen serve)</h1>"
            f"<table>{body}</table><h2>Links</h2><ul>{items}</ul></body></html>"
        )
        return Response(page, content_type="text/html; charset=utf-8")


def _landing_route(app: FakeKalturaApp, request: Request, rest: str) -> Response:
    return app.landing(request)


def _schema_route(app: FakeKalturaApp, request: Request, rest: str) -> Response:
    if app.schema_bytes is None:
        return Response("not found\n", status=404, content_type="text/plain")
    return Response(app.schema_bytes, content_type="text/xml; charset=utf-8")


def _raw_route(app: FakeKalturaApp, request: Request, rest: str) -> Response:
    raw = _RAW_PATH.match(re.sub(r"/{2,}", "/", request.path))
    if raw is None:
        return Response("not found\n", status=404, content_type="text/plain")
    download = app.engine.downloads.get(raw.group(2))
    if download is not None:
        with app.engine.store.lock:
            found = download(raw.group(3), raw.group(4))
        if found is None:
            return Response("not found\n", status=404, content_type="text/plain")
        return Response(found[0], content_type=found[1])
    kind = "entry_id" if raw.group(3) == "entry_id" else "flavor_id"
    return app.raw_download(kind, raw.group(4))


def _testme_route(app: FakeKalturaApp, request: Request, rest: str) -> Response:
    """The docs target (API reference and TestMe console), rendered for this schema."""
    path = re.sub(r"/{2,}", "/", request.path)
    found = testme_response(app.engine.schema, request, path)
    return found or Response("not found\n", status=404, content_type="text/plain")


_BUILTIN_ROUTES = (
    Route("/", _landing_route),
    Route("/api_v3/testme/", _testme_route, "API reference and TestMe console"),
    Route("/api_v3/api_schema.php", _schema_route, "API schema (KalturaClient.xml)"),
    Route("/api_v3/api_schema", _schema_route),
    Route("/p/", _raw_route),
)


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _name(value: Any) -> str:
    return value if isinstance(value, str) else ""


_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def _xml_to_params(element: etree._Element) -> Any:
    children = [c for c in element if isinstance(c.tag, str)]
    if not children:
        return element.text or ""
    if all(c.tag == "item" for c in children):
        return [_xml_to_params(c) for c in children]
    return {str(c.tag): _xml_to_params(c) for c in children}


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


class RunningServer:
    """A fake Kaltura server listening on a thread; `url` is its service URL."""

    def __init__(self, server: BaseWSGIServer, engine: Engine, app: FakeKalturaApp) -> None:
        self.server = server
        self.engine = engine
        self.app = app
        self.thread = threading.Thread(
            target=server.serve_forever, name="fake-kaltura", daemon=True
        )

    @property
    def host(self) -> str:
        return str(self.server.host)

    @property
    def port(self) -> int:
        return int(self.server.port)

    @property
    def url(self) -> str:
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self.port}"

    @property
    def partner_id(self) -> int:
        return self.engine.config.partner_id

    @property
    def admin_secret(self) -> str:
        return self.engine.config.admin_secret

    @property
    def secret(self) -> str:
        return self.engine.config.secret

    def start(self) -> RunningServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def start_server(
    schema: Schema,
    config: ServerConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    schema_bytes: bytes | None = None,
    routes: Iterable[Route] = (),
) -> RunningServer:
    """Serve `schema` on a thread; `routes` are added to the routing table (`Route`)."""
    engine = Engine(schema, config)
    app = FakeKalturaApp(engine, schema_bytes, routes)
    try:
        server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
    except SystemExit:  # werkzeug exits the process on a busy port; a library must not
        raise OSError(errno.EADDRINUSE, f"port {port} is in use") from None
    return RunningServer(server, engine, app).start()


@contextmanager
def running_server(
    schema: Schema | str | Path,
    config: ServerConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    **options: Any,
) -> Iterator[RunningServer]:
    """Run a fake Kaltura server for the duration of a `with` block (ephemeral port by default).

    `schema` is a parsed `Schema` or a schema path; `options` are `ServerConfig` fields
    (`partner_id`, `admin_secret`, `secret`, `seed`, `state_file`, ...).
    """
    schema_bytes: bytes | None = None
    if not isinstance(schema, Schema):
        from generator.sources import load_schema

        path = Path(schema)
        schema_bytes = path.read_bytes()
        result = load_schema(str(path))
        if result.schema is None or result.errors:
            raise ValueError(f"{path}: schema has errors: {result.errors[:3]}")
        schema = result.schema
    if config is None:
        config = ServerConfig(**options)
    server = start_server(schema, config, host, port, schema_bytes)
    try:
        yield server
    finally:
        server.stop()
