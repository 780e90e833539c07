"""HTTP: the WSGI application and the threaded server around the engine.

werkzeug (the WSGI toolkit under Flask; well kept, widely deployed) parses forms, query strings
and multipart bodies with size limits, and provides the threaded server. Nothing here parses
HTTP or multipart by hand.
"""

from __future__ import annotations

import errno
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lxml import etree
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from generator.model import Schema
from generator.serve.engine import Engine, Outcome, ServerConfig
from generator.serve.errors import ApiError
from generator.serve.openapi import OpenApiDocument
from generator.serve.wire import (
    UploadedFile,
    deep_merge,
    error_to_json,
    merge_param,
    render_json,
    render_xml,
    xml_result_body,
)

__all__ = ["FakeKalturaApp", "RunningServer", "running_server", "start_server"]

Obj = dict[str, Any]
FORMAT_JSON = "1"
_SERVICE_PATH = re.compile(r"^/api_v3(?:/index\.php)?(?:/service/([^/]+)(?:/action/([^/]+))?)?/?$")
_RAW_PATH = re.compile(r"^/p/(\d+)/sp/\d+/raw/(entry_id|flavor_id)/([^/]+)(?:/.*)?$")


class FakeKalturaApp:
    """The WSGI application: routes, body parsing, response envelopes."""

    def __init__(self, engine: Engine, schema_bytes: bytes | None = None) -> None:
        self.engine = engine
        self.schema_bytes = schema_bytes
        self.max_body = engine.config.max_body
        # OTT servers answer JSON as {"executionTime": .., "result": ..}; OVP ones bare.
        schema = engine.schema
        self.ott_envelope = "ottuser" in schema.services or "KalturaOTTUser" in schema.classes
        self.openapi = OpenApiDocument(schema)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = self.max_body
        request.max_form_memory_size = self.max_body
        response = self.dispatch(request)
        return response(environ, start_response)

    def base_url(self, request: Request) -> str:
        return request.host_url.rstrip("/")

    def dispatch(self, request: Request) -> Response:
        path = re.sub(r"/{2,}", "/", request.path)
        if path in ("/api_v3/api_schema.php", "/api_v3/api_schema") and self.schema_bytes:
            return Response(self.schema_bytes, content_type="text/xml; charset=utf-8")
        if path == "/api_v3/openapi.json":
            return self.openapi.response(self.base_url(request))
        raw = _RAW_PATH.match(path)
        if raw is not None:
            return self.raw_download(raw.group(2), raw.group(3))
        match = _SERVICE_PATH.match(path)
        if match is None:
            return Response("not found\n", status=404, content_type="text/plain")
        started = time.perf_counter()
        fmt = request.args.get("format", "2")
        try:
            params, files = self.read_params(request)
            fmt = str(params.get("format", fmt))
            service = match.group(1) or str(params.pop("service", "") or "")
            action = match.group(2) or str(params.pop("action", "") or "")
            if service.lower() == "multirequest":
                outcomes = self.engine.execute_multi(params, files, self.base_url(request))
                return self.render_multi(outcomes, fmt, started)
            outcome = self.engine.execute(service, action, params, files, self.base_url(request))
        except ApiError as error:
            outcome = Outcome(error, None)
        except RequestEntityTooLarge:
            outcome = Outcome(self.engine.errors.make("REQUEST_TOO_LARGE", self.max_body), None)
        except HTTPException as exc:
            outcome = Outcome(
                self.engine.errors.make("INVALID_REQUEST_BODY", exc.description or exc.name),
                None,
            )
        except Exception as exc:  # a bug must still answer with an envelope, not a crash
            outcome = Outcome(
                self.engine.errors.make("INTERNAL_SERVER_ERROR", f"{type(exc).__name__}: {exc}"),
                None,
            )
        if outcome.file is not None:
            return Response(outcome.file, content_type=outcome.content_type)
        return self.render_single(outcome, fmt, started)

    # -- request bodies

    def read_params(self, request: Request) -> tuple[Obj, dict[str, UploadedFile]]:
        params: Obj = {}
        files: dict[str, UploadedFile] = {}
        if request.content_length is not None and request.content_length > self.max_body:
            raise RequestEntityTooLarge()
        for key, value in request.args.items(multi=False):
            merge_param(params, key, value)
        mimetype = request.mimetype
        if mimetype == "application/json" or (
            mimetype in ("", "text/plain") and request.get_data(cache=True)[:1] == b"{"
        ):
            body = request.get_data(cache=True)
            if body.strip():
                deep_merge(params, self._json(body))
        elif mimetype in ("text/xml", "application/xml"):
            body = request.get_data(cache=True)
            if body.strip():
                deep_merge(params, self._xml(body))
        elif mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = request.form
            for key, value in form.items(multi=False):
                if key == "json" and mimetype == "multipart/form-data":
                    deep_merge(params, self._json(value.encode("utf-8")))
                else:
                    merge_param(params, key, value)
            for key, storage in request.files.items(multi=False):
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

    def _json(self, body: bytes) -> Obj:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise self.engine.errors.make(
                "INVALID_REQUEST_BODY", f"malformed JSON: {exc}"
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
        if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
            raise self.engine.errors.make("INVALID_REQUEST_BODY", "DOCTYPE is not allowed")
        try:
            root = etree.fromstring(body, _XML_PARSER)
        except etree.XMLSyntaxError as exc:
            raise self.engine.errors.make("INVALID_REQUEST_BODY", f"malformed XML: {exc}") from None
        value = _xml_to_params(root)
        if not isinstance(value, dict):
            raise self.engine.errors.make("INVALID_REQUEST_BODY", "the XML body has no parameters")
        return value

    # -- responses

    def _headers(self) -> dict[str, str]:
        return {"X-Me": "kaltura-codegen-serve", "X-Kaltura-Session": "0"}

    def render_single(self, outcome: Outcome, fmt: str, started: float) -> Response:
        order = self.engine.key_order
        if fmt == FORMAT_JSON:
            value = outcome.value
            if self.ott_envelope:  # OTT (Phoenix) wraps JSON results, errors under "error"
                result = {"error": error_to_json(value)} if isinstance(value, ApiError) else value
                value = {"executionTime": round(time.perf_counter() - started, 6), "result": result}
            body = render_json(value, order)
            return Response(body, content_type="application/json", headers=self._headers())
        is_map = outcome.action is not None and outcome.action.result_kind.value == "map"
        inner = xml_result_body(outcome.value, order, is_map)
        body = render_xml(inner, time.perf_counter() - started)
        return Response(body, content_type="text/xml; charset=utf-8", headers=self._headers())

    def render_multi(self, outcomes: list[Outcome], fmt: str, started: float) -> Response:
        order = self.engine.key_order
        if fmt == FORMAT_JSON:
            values: Any = [o.value for o in outcomes]
            if self.ott_envelope:
                values = {
                    "executionTime": round(time.perf_counter() - started, 6),
                    "result": values,
                }
            body = render_json(values, order)
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
        if data is None:
            return Response("not found\n", status=404, content_type="text/plain")
        return Response(data, content_type="application/octet-stream")


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

    def __init__(self, server: BaseWSGIServer, engine: Engine) -> None:
        self.server = server
        self.engine = engine
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
) -> RunningServer:
    engine = Engine(schema, config)
    app = FakeKalturaApp(engine, schema_bytes)
    try:
        server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
    except SystemExit:  # werkzeug exits the process on a busy port; a library must not
        raise OSError(errno.EADDRINUSE, f"port {port} is in use") from None
    return RunningServer(server, engine).start()


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
