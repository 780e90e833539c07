"""Fixtures for the Python runtime tests.

`kpkg`: the Python package of the sample schema (schema/kaltura-sample.xml), rendered by the
current generator at session start (`kpkg_root`, the same pipeline as `kaltura-codegen
generate --target python`, so it equals the committed golden record `generated/python/`) and
imported in this process. The runtime tests run against real generated classes, services and
ActionSpecs (`Core._A_media__list`, ...), not a hand-written imitation. The official client has
the same top-level name, so while `kpkg` is active the official `KalturaClient` modules are
moved out of `sys.modules` (and put back after); tests that need the official client run it in
a subprocess (`run_official`).

`server`: a real HTTP server on 127.0.0.1 that records requests and replays canned responses.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import threading
import types
from collections.abc import Callable, Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from generator.output import write_tree
from generator.pipeline import Failure, RenderRequest, run

REPO_ROOT = Path(__file__).resolve().parents[2]
RUNTIME_DIR = REPO_ROOT / "templates" / "python" / "runtime" / "KalturaClient"
PYTHON = sys.executable


def render_sample_package(dest: Path) -> Path:
    """Render the sample schema with the Python target into `dest` (it gets `KalturaClient/`,
    `pyproject.toml`, `README.md` and the manifest, exactly what `make generate` writes to
    generated/python/)."""
    rendered = run(RenderRequest(None, "python"))
    assert not isinstance(rendered, Failure), rendered
    write_tree(dest, rendered.files, rendered.manifest)
    return dest


class PackageHandle:
    """Import our KalturaClient package from `root`, hiding the official one meanwhile."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._saved: dict[str, types.ModuleType] = {}

    def __enter__(self) -> types.SimpleNamespace:
        for name in list(sys.modules):
            if name == "KalturaClient" or name.startswith("KalturaClient."):
                self._saved[name] = sys.modules.pop(name)
        sys.path.insert(0, str(self.root))
        importlib.invalidate_caches()
        base = importlib.import_module("KalturaClient.Base")
        assert base.__file__ and Path(base.__file__).is_relative_to(self.root), base.__file__
        return types.SimpleNamespace(
            root=self.root,
            Base=base,
            exceptions=importlib.import_module("KalturaClient.exceptions"),
            Core=importlib.import_module("KalturaClient.Plugins.Core"),
            Client=importlib.import_module("KalturaClient.Client"),
            client_mod=importlib.import_module("KalturaClient._runtime.client"),
            codec=importlib.import_module("KalturaClient._runtime.codec"),
            ks=importlib.import_module("KalturaClient._runtime.ks"),
            upload=importlib.import_module("KalturaClient._runtime.upload"),
            transport=importlib.import_module("KalturaClient._runtime.transport"),
            xmlsafe=importlib.import_module("KalturaClient._runtime.xmlsafe"),
            logutil=importlib.import_module("KalturaClient._runtime.logutil"),
        )

    def __exit__(self, *exc: object) -> None:
        for name in list(sys.modules):
            if name == "KalturaClient" or name.startswith("KalturaClient."):
                del sys.modules[name]
        sys.path.remove(str(self.root))
        sys.modules.update(self._saved)
        importlib.invalidate_caches()


@pytest.fixture(scope="session")
def kpkg_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_sample_package(tmp_path_factory.mktemp("kpkg") / "sample")


@pytest.fixture(scope="module")
def kpkg(kpkg_root: Path) -> Iterator[types.SimpleNamespace]:
    with PackageHandle(kpkg_root) as ns:
        yield ns


def run_official(code: str) -> Any:
    """Run `code` with the official client (a subprocess); it must print one JSON value."""
    proc = subprocess.run(
        [PYTHON, "-c", code], capture_output=True, text=True, timeout=300, cwd="/"
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


# ----------------------------------------------------------------------------------------------
# HTTP server


class Recorded:
    def __init__(
        self, method: str, path: str, headers: dict[str, str], body: bytes, port: int = 0
    ) -> None:
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.port = port  # the client's source port: equal ports = a reused connection

    def json(self) -> Any:
        if self.headers.get("Content-Type", "").startswith("multipart/"):
            return json.loads(self.form()["json"][1])
        return json.loads(self.body)

    def form(self) -> dict[str, tuple[str | None, bytes]]:
        """multipart parts: name -> (filename, content)."""
        raw = b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + self.body
        message = BytesParser(policy=HTTP).parsebytes(raw)
        parts: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)  # bytes (None for a multipart part)
            parts[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
        return parts


Reply = tuple[int, dict[str, str], bytes]


class _Server(ThreadingHTTPServer):
    # The async tests open dozens of connections at once; the default backlog of 5 would
    # make the kernel drop SYNs (and the client retry them a second later).
    request_queue_size = 128


class KalturaTestServer:
    """Replays queued replies (or calls `handler(recorded) -> reply`) and records requests."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.replies: list[Reply] = []
        self.handler: Callable[[Recorded], Reply] | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    body = b""
                    while True:
                        size = int(self.rfile.readline().strip(), 16)
                        if size == 0:
                            self.rfile.readline()
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                rec = Recorded(
                    "POST", self.path, dict(self.headers.items()), body, self.client_address[1]
                )
                outer.requests.append(rec)
                if outer.handler is not None:
                    status, headers, data = outer.handler(rec)
                elif outer.replies:
                    status, headers, data = outer.replies.pop(0)
                else:
                    status, headers, data = 500, {}, b"no canned reply"
                if status == 0:  # drop the connection without answering
                    self.close_connection = True
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self.send_response(status)
                headers = {"Content-Type": "text/xml", **headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout tests)
                    self.close_connection = True

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def reply(self, data: bytes | str, status: int = 200, content_type: str = "text/xml") -> None:
        raw = data.encode() if isinstance(data, str) else data
        self.replies.append((status, {"Content-Type": content_type}, raw))

    def reply_xml(self, result: str, status: int = 200) -> None:
        self.reply(
            f'<?xml version="1.0" encoding="utf-8"?><xml><result>{result}</result>'
            "<executionTime>0.0123</executionTime></xml>",
            status,
        )

    def reply_json(self, value: Any, status: int = 200) -> None:
        self.reply(json.dumps(value), status, "application/json")

    def reset(self) -> None:
        self.requests.clear()
        self.replies.clear()
        self.handler = None

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def _server() -> Iterator[KalturaTestServer]:
    srv = KalturaTestServer()
    yield srv
    srv.close()


@pytest.fixture
def server(_server: KalturaTestServer) -> Iterator[KalturaTestServer]:
    _server.reset()
    yield _server
    _server.reset()
