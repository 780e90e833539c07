"""Transport: connection pooling, safe retries, timeouts, TLS verification on by default,
proxies, user agent, gzip, and logging with secrets redacted. Real servers on 127.0.0.1."""

from __future__ import annotations

import datetime
import gzip
import logging
import socket
import ssl
import threading
import types
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import KalturaTestServer, Recorded


def client(kpkg: types.SimpleNamespace, url: str, **kw: Any) -> Any:
    kw.setdefault("retryBackoff", 0)
    return kpkg.Client.KalturaClient(kpkg.Base.KalturaConfiguration(url, **kw))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_one_pooled_connection_per_client(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url)
    for _ in range(3):
        server.reply_json(1)
        assert c.media.count() == 1
    ports = {r.port for r in server.requests}
    assert len(ports) == 1, ports


def test_connection_refused_is_retried_then_clear_error(
    kpkg: types.SimpleNamespace, caplog: pytest.LogCaptureFixture
) -> None:
    c = client(kpkg, f"http://127.0.0.1:{free_port()}", maxRetries=2)
    with (
        caplog.at_level(logging.WARNING, logger="KalturaClient"),
        pytest.raises(kpkg.exceptions.KalturaClientException) as info,
    ):
        c.media.add(kpkg.Core.KalturaMediaEntry(name="x"))  # even non-idempotent: never sent
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_CONNECTION_FAILED
    assert "Cannot connect" in str(info.value)
    assert sum("connection failed" in r.getMessage() for r in caplog.records) == 2


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_retried_only_for_idempotent(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, status: int
) -> None:
    c = client(kpkg, server.url, maxRetries=3)
    server.reply(b"busy", status, "text/plain")
    server.reply_json(5)
    assert c.media.count() == 5
    assert len(server.requests) == 2
    server.reset()
    server.reply(b"busy", status, "text/plain")
    server.reply_json({"objectType": "KalturaMediaEntry", "id": "1"})
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.media.add(kpkg.Core.KalturaMediaEntry(name="x"))
    assert info.value.status == status and len(server.requests) == 1


@pytest.mark.filterwarnings("ignore:media.upload is deprecated:DeprecationWarning")
def test_uploads_are_never_blindly_resent(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url, maxRetries=3)
    server.reply(b"busy", 503, "text/plain")
    with pytest.raises(kpkg.exceptions.KalturaClientException):
        c.media.upload(b"data")
    server.replies.clear()
    server.reply(b"", 0)  # connection dropped after the request was sent
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.media.upload(b"data")
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_CONNECTION_FAILED
    assert len(server.requests) == 2


def test_dropped_connection_retried_for_reads(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    c = client(kpkg, server.url, maxRetries=1)
    server.reply(b"", 0)
    server.reply_json(9)
    assert c.media.count() == 9
    assert len(server.requests) == 2


def test_request_timeout(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    import time

    def slow(rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        time.sleep(0.5)
        return 200, {"Content-Type": "application/json"}, b"1"

    server.handler = slow
    c = client(kpkg, server.url, requestTimeout=0.1, maxRetries=0)
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.media.count()
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_READ_TIMEOUT


def test_gzip_and_user_agent(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.replies.append(
        (
            200,
            {"Content-Type": "application/json", "Content-Encoding": "gzip"},
            gzip.compress(b"42"),
        )
    )
    c = client(kpkg, server.url, userAgent="my-app/1.0")
    assert c.media.count() == 42
    assert server.requests[0].headers["User-Agent"] == "my-app/1.0"


def test_proxy(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    server.reply_json(3)
    c = client(kpkg, "http://kaltura.invalid", proxies={"http": server.url})
    assert c.media.count() == 3
    # a forward proxy receives the absolute URL
    assert server.requests[0].path == "http://kaltura.invalid/api_v3/service/media/action/count"


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    import ipaddress

    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_verified_by_default(kpkg: types.SimpleNamespace, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1")
            self.end_headers()
            self.wfile.write(b"7")

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"https://127.0.0.1:{httpd.server_address[1]}"
    try:
        with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
            client(kpkg, url, maxRetries=0).media.count()
        assert "CERTIFICATE_VERIFY_FAILED" in str(info.value)
        assert client(kpkg, url, verifySSL=str(cert)).media.count() == 7
        # turning verification off works, and says so (urllib3's warning, as the official)
        with pytest.warns(Warning, match="Unverified HTTPS request"):
            assert client(kpkg, url, verifySSL=False).media.count() == 7
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_logging_redacts_secrets(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, caplog: pytest.LogCaptureFixture
) -> None:
    # A class of kpkg (imported at run time): Any to mypy, which cannot check a subclass.
    logger_base: type = kpkg.Base.IKalturaLogger

    class Official(logger_base):  # type: ignore[misc]
        def __init__(self) -> None:
            self.lines: list[str] = []

        def log(self, msg: str) -> None:
            self.lines.append(msg)

    official = Official()
    c = client(kpkg, server.url)
    c.config.setLogger(official)
    c.setKs("SECRET-KS-VALUE")
    entry = kpkg.Core.KalturaMediaEntry(name="visible-name", description="adminSecret")
    server.reply_json({"objectType": "KalturaMediaEntry", "id": "1"})
    with caplog.at_level(logging.DEBUG, logger="KalturaClient"):
        c.media.add(entry)
        url = c.document.documents.serve("0_x")
    assert "SECRET-KS-VALUE" in url  # the URL itself is for the caller
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "visible-name" in text and "***" in text
    assert "SECRET-KS-VALUE" not in text
    assert official.lines and "SECRET-KS-VALUE" not in "\n".join(official.lines)
    redacted = kpkg.logutil.redact(
        {
            "ks": "a",
            "adminSecret": "b",
            "user": {"password": "c", "newPassword": "d", "name": "e"},
            "secret__null": "",
        }
    )
    assert redacted == {
        "ks": "***",
        "adminSecret": "***",
        "user": {"password": "***", "newPassword": "***", "name": "e"},
        "secret__null": "",
    }
    assert kpkg.logutil.redact_url("http://h/x?ks=abc&a=1&secret=s&user[password]=p") == (
        "http://h/x?ks=***&a=1&secret=***&user[password]=***"
    )


def test_transport_defaults(kpkg: types.SimpleNamespace) -> None:
    config = kpkg.Base.KalturaConfiguration("https://www.kaltura.com")
    assert config.verifySSL is True and config.format == 1 and config.maxRetries == 3
    transport = kpkg.transport.Transport(config)
    assert transport.pool.connection_pool_kw["cert_reqs"] == "CERT_REQUIRED"


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("get", True),
        ("list", True),
        ("listByPartner", True),
        ("count", True),
        ("serve", True),
        ("serveByFlavorParamsId", True),
        ("isFlagged", True),
        ("search", True),
        ("getOrCreateScheduler", False),
        ("add", False),
        ("upload", False),
        ("exportToCsv", False),
        ("generateKs", False),
        ("getter_like", False),
        ("issue", False),
        ("delete", False),
    ],
)
def test_idempotent_actions(kpkg: types.SimpleNamespace, action: str, expected: bool) -> None:
    assert kpkg.client_mod.is_idempotent(action) is expected
