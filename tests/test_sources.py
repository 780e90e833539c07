"""Schema sources: files, stdin, http(s) URLs (against a local server) and the URL cache."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diagnostics import SchemaLoadError
from generator.sources import cache_path, is_url, load_schema, read_source
from tests.conftest import SAMPLE_SCHEMA

MINIMAL = b'<?xml version="1.0"?>\n<xml apiVersion="9.9.9"><enums/></xml>\n'


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves /schema.xml, /slow.xml (sleeps), /huge-header, anything else is 404."""

    requests: list[str]  # set per server
    server: _Server  # the server it was made by (socketserver's BaseServer, more precisely)

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        if self.path == "/schema.xml":
            body = self.server.body
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow.xml":
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        else:
            self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: object) -> None:
        return None


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []
        self.body = MINIMAL

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def _closed_port_url() -> str:
    srv = _Server()
    url = srv.url
    srv.server_close()  # nothing listens there any more
    return url


def test_is_url() -> None:
    assert is_url("http://x/y") and is_url("HTTPS://x")
    assert not is_url("schema/kaltura-sample.xml") and not is_url("-")


def test_path_source_reads_file() -> None:
    data, name = read_source(str(SAMPLE_SCHEMA))
    assert data == SAMPLE_SCHEMA.read_bytes()
    assert name == str(SAMPLE_SCHEMA)


def test_missing_file_is_unusable(tmp_path: Path) -> None:
    missing = tmp_path / "nope.xml"
    with pytest.raises(SchemaLoadError) as info:
        read_source(str(missing))
    assert str(info.value) == f"{missing}: error: cannot read schema: No such file or directory"


def test_url_download(server: _Server) -> None:
    result = load_schema(server.url + "/schema.xml")
    assert result.schema is not None
    assert result.schema.api_version == "9.9.9"
    assert result.schema.source_file == server.url + "/schema.xml"
    assert server.requests == ["/schema.xml"]


def test_url_http_error(server: _Server) -> None:
    url = server.url + "/missing.xml"
    with pytest.raises(SchemaLoadError) as info:
        read_source(url)
    assert str(info.value) == f"{url}: error: cannot download schema: HTTP 404 Not Found"


def test_url_unreachable() -> None:
    url = _closed_port_url() + "/schema.xml"
    with pytest.raises(SchemaLoadError) as info:
        read_source(url, timeout=5)
    assert str(info.value) == f"{url}: error: cannot download schema: Connection refused"


def test_url_timeout(server: _Server) -> None:
    url = server.url + "/slow.xml"
    with pytest.raises(SchemaLoadError) as info:
        read_source(url, timeout=0.3)
    assert str(info.value) == f"{url}: error: cannot download schema: timed out after 0.3 s"


def test_malformed_url() -> None:
    with pytest.raises(SchemaLoadError) as info:
        read_source("http://")
    assert str(info.value).startswith("http://: error: cannot download schema: ")


def test_cache_stores_then_serves_without_network(server: _Server, tmp_path: Path) -> None:
    url = server.url + "/schema.xml"
    cache = tmp_path / "cache"
    first, _ = read_source(url, cache_dir=cache)
    assert cache_path(cache, url).read_bytes() == MINIMAL == first
    server.body = b"<changed/>"
    second, _ = read_source(url, cache_dir=cache)
    assert second == MINIMAL  # from disk: the server's new body was not fetched
    assert server.requests == ["/schema.xml"]
    assert [p.name for p in cache.iterdir()] == [cache_path(cache, url).name]


def test_cache_refresh_downloads_again(server: _Server, tmp_path: Path) -> None:
    url = server.url + "/schema.xml"
    read_source(url, cache_dir=tmp_path)
    server.body = MINIMAL.replace(b"9.9.9", b"10.0.0")
    data, _ = read_source(url, cache_dir=tmp_path, refresh=True)
    assert b"10.0.0" in data
    assert cache_path(tmp_path, url).read_bytes() == data
    assert server.requests == ["/schema.xml", "/schema.xml"]


def test_cache_keeps_nothing_after_failed_download(server: _Server, tmp_path: Path) -> None:
    with pytest.raises(SchemaLoadError):
        read_source(server.url + "/missing.xml", cache_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cache_path_is_keyed_by_url(tmp_path: Path) -> None:
    a = cache_path(tmp_path, "https://a.example/api_v3/api_schema.php")
    b = cache_path(tmp_path, "https://b.example/api_v3/api_schema.php")
    assert a != b
    assert a == cache_path(tmp_path, "https://a.example/api_v3/api_schema.php")
    assert a.parent == tmp_path and a.suffix == ".xml"


def test_cli_validate_url_with_cache(server: _Server, tmp_path: Path) -> None:
    url = server.url + "/schema.xml"
    for _ in range(2):
        result = CliRunner().invoke(main, ["validate", "--cache-dir", str(tmp_path), url])
        assert result.exit_code == 0, result.output
        assert result.stderr == "0 error(s), 0 warning(s)\n"
    assert server.requests == ["/schema.xml"]


def test_cli_unreachable_url_exits_2() -> None:
    url = _closed_port_url() + "/api_v3/api_schema.php"
    result = CliRunner().invoke(main, ["validate", "--timeout", "5", url])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{url}: error: cannot download schema: Connection refused\n"


def test_cli_stdin() -> None:
    result = CliRunner().invoke(main, ["inspect", "-"], input=SAMPLE_SCHEMA.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["schema        <stdin>", "apiVersion    22.19.0"]
