"""Our client's hostile-response rules (runtime/HostileTest.php) against a stub on 127.0.0.1.

The stub answers by URL prefix: an XML body with a DOCTYPE (entity expansion), a body over
the client's size limit, HTTP 500, a stall past the client's timeout, a 503 then a good
answer (retried for a read, not for a write), JSON nested deeper than the decoder allows.
The stub counts requests, so the test also proves a write is sent exactly once.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tests.php.conftest import HERE

pytestmark = pytest.mark.slow

ENTRY = {"objectType": "KalturaMediaEntry", "id": "0_x", "name": "after retry"}
DOCTYPE = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
    b"<xml><result><objectType>KalturaMediaEntry</objectType><name>&b;</name></result></xml>"
)


class _Stub(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()  # requests per URL prefix, for the test

    def log_message(self, format: str, *args: object) -> None:
        return None

    def _send(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except BrokenPipeError:
            pass  # the client gave up first (the timeout case)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        kind = self.path.strip("/").split("/")[0]
        _Stub.hits[kind] += 1
        if kind == "doctype":
            self._send(200, DOCTYPE)
        elif kind == "big":
            self._send(200, b'"' + b"x" * (2 * 1024 * 1024) + b'"')
        elif kind == "status500":
            self._send(500, b"oops")
        elif kind == "slow":
            time.sleep(4)
            self._send(200, json.dumps(ENTRY).encode())
        elif kind.startswith("flaky"):
            if _Stub.hits[kind] == 1:
                self._send(503, b"busy")
            else:
                self._send(200, json.dumps(ENTRY).encode())
        elif kind == "deep":
            self._send(200, b"[" * 500 + b"]" * 500)
        else:
            self._send(404, b"")


@pytest.fixture(scope="module")
def stub() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_hostile_responses_are_refused(ovp22_package: Path, stub: str) -> None:
    if shutil.which("phpunit") is None:
        pytest.fail("phpunit is missing: run `make setup`")
    library = str(ovp22_package / "library")
    env = {**os.environ, "KALTURA_LIBRARY": library, "KALTURA_STUB_URL": stub}
    runtime = HERE / "runtime"
    result = subprocess.run(
        ["phpunit", "-c", str(runtime / "phpunit.xml"), "--do-not-cache-result", "HostileTest.php"],
        cwd=runtime,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "OK (8 tests" in result.stdout, result.stdout[-2000:]
    # the read was sent twice (a retry), the write once
    assert _Stub.hits["flaky-read"] == 2
    assert _Stub.hits["flaky-write"] == 1
