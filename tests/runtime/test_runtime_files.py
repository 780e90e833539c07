"""Multipart uploads (several files, omitted optional file, streaming, upload timeout) and the
chunked resumable upload helper, against a local server that checks every chunk."""

from __future__ import annotations

import importlib
import io
import json
import os
import threading
import types
from pathlib import Path
from typing import Any

import pytest

from .conftest import KalturaTestServer, Recorded

# media.upload, the sample's single-file action, is deprecated (as in the real schema)
pytestmark = pytest.mark.filterwarnings("ignore:media.upload is deprecated:DeprecationWarning")


def client(kpkg: types.SimpleNamespace, server: KalturaTestServer, **kw: Any) -> Any:
    kw.setdefault("maxRetries", 0)
    config = kpkg.Base.KalturaConfiguration(server.url, **kw)
    return kpkg.Client.KalturaClient(config)


def test_single_file_from_path_file_and_bytes(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, tmp_path: Path
) -> None:
    path = tmp_path / "movie.mp4"
    path.write_bytes(b"\x00\x01binary\xff" * 1000)
    c = client(kpkg, server)
    c.setKs("KS")
    for source in (str(path), path.open("rb"), path.read_bytes()):
        server.reply_json("tok")
        assert c.media.upload(source) == "tok"
    for rec in server.requests:
        assert rec.headers["Content-Type"].startswith("multipart/form-data; boundary=")
        assert int(rec.headers["Content-Length"]) == len(rec.body)
        form = rec.form()
        assert form["fileData"][1] == path.read_bytes()
        assert json.loads(form["json"][1])["ks"] == "KS"
    assert server.requests[0].form()["fileData"][0] == "movie.mp4"
    assert server.requests[2].form()["fileData"][0] == "fileData"


def test_several_files_and_omitted_optional(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    # metadataProfile.addFromFile(metadataProfile, xsdFile, viewsFile=optional)
    metadata = importlib.import_module("KalturaClient.Plugins.Metadata")
    c = client(kpkg, server)
    profile = {"objectType": "KalturaMetadataProfile", "id": 3}
    server.reply_json(profile)
    got = c.metadata.metadataProfile.addFromFile(
        metadata.KalturaMetadataProfile(name="p"),
        io.BytesIO(b"AAA"),
        ("b.txt", io.BytesIO(b"BBBB"), "text/plain"),
    )
    assert type(got) is metadata.KalturaMetadataProfile and got.id == 3
    rec = server.requests[0]
    assert rec.path == "/api_v3/service/metadata_metadataprofile/action/addFromFile"
    form = rec.form()
    assert form["xsdFile"][1] == b"AAA" and form["viewsFile"] == ("b.txt", b"BBBB")
    assert json.loads(form["json"][1])["metadataProfile"] == {
        "objectType": "KalturaMetadataProfile",
        "name": "p",
    }
    server.reply_json(profile)
    c.metadata.metadataProfile.addFromFile(metadata.KalturaMetadataProfile(), io.BytesIO(b"AAA"))
    form = server.requests[1].form()
    assert set(form) == {"json", "xsdFile"}
    assert "viewsFile" not in json.loads(form["json"][1])


def test_unseekable_stream_is_sent_chunked(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    read_fd, write_fd = os.pipe()
    payload = os.urandom(600_000)

    def feed() -> None:
        with os.fdopen(write_fd, "wb") as w:
            w.write(payload)

    threading.Thread(target=feed).start()
    server.reply_json("ok")
    with os.fdopen(read_fd, "rb") as r:
        client(kpkg, server).media.upload(r)
    rec = server.requests[0]
    assert rec.headers.get("Transfer-Encoding") == "chunked"
    assert rec.form()["fileData"][1] == payload


def test_upload_timeout_is_configurable(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    import time

    def slow(rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        time.sleep(0.6)
        return 200, {"Content-Type": "application/json"}, b"7"

    server.handler = slow
    c = client(kpkg, server, requestTimeout=5, uploadTimeout=0.2)
    with pytest.raises(kpkg.exceptions.KalturaClientException) as info:
        c.media.upload(b"x")
    assert info.value.code == kpkg.exceptions.KalturaClientException.ERROR_READ_TIMEOUT
    # a request without files uses requestTimeout
    assert c.media.count() == 7


class ChunkServer:
    """uploadToken.add / get / upload like Kaltura: checks resume/resumeAt/finalChunk."""

    def __init__(self, fail_chunk_once: int | None = None) -> None:
        self.data = bytearray()
        self.final = False
        self.calls: list[dict[str, Any]] = []
        self.fail_chunk_once = fail_chunk_once
        self.errors: list[str] = []

    def token(self) -> bytes:
        return json.dumps(
            {
                "objectType": "KalturaUploadToken",
                "id": "tok1",
                "uploadedFileSize": float(len(self.data)),
                "fileName": "f.bin",
            }
        ).encode()

    def __call__(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        h = {"Content-Type": "application/json"}
        if rec.path.endswith("/uploadtoken/action/add"):
            body = rec.json()
            self.calls.append({"action": "add", "fileSize": body["uploadToken"]["fileSize"]})
            return 200, h, self.token()
        if rec.path.endswith("/uploadtoken/action/get"):
            self.calls.append({"action": "get"})
            return 200, h, self.token()
        form = rec.form()
        params = json.loads(form["json"][1])
        chunk = form["fileData"][1]
        call = {
            "action": "upload",
            "resume": params["resume"],
            "final": params["finalChunk"],
            "resumeAt": params["resumeAt"],
            "size": len(chunk),
        }
        self.calls.append(call)
        if self.fail_chunk_once is not None and len(self.calls) - 1 == self.fail_chunk_once:
            self.fail_chunk_once = None
            # the server stored the chunk but the reply is lost
            self.data += chunk
            return 0, {}, b""
        at = int(float(params["resumeAt"]))
        if params["resume"] == "True":
            if at != len(self.data):
                self.errors.append(f"resumeAt {at} != {len(self.data)}")
                return (
                    200,
                    h,
                    json.dumps(
                        {
                            "objectType": "KalturaAPIException",
                            "code": "UPLOAD_ERROR",
                            "message": "bad resumeAt",
                        }
                    ).encode(),
                )
        else:
            if at not in (0, -1) or self.data:
                self.errors.append("first chunk not at 0")
        self.data += chunk
        self.final = params["finalChunk"] == "True"
        return 200, h, self.token()


def test_chunked_upload_with_progress(
    kpkg: types.SimpleNamespace, server: KalturaTestServer, tmp_path: Path
) -> None:
    payload = os.urandom(250_000)
    path = tmp_path / "big.bin"
    path.write_bytes(payload)
    chunks = ChunkServer()
    server.handler = chunks
    progress: list[tuple[int, int]] = []
    token = kpkg.upload.upload_file(
        client(kpkg, server),
        path,
        chunk_size=100_000,
        progress=lambda s, t: progress.append((s, t)),
    )
    assert token.id == "tok1" and not chunks.errors
    assert bytes(chunks.data) == payload and chunks.final
    uploads = [c for c in chunks.calls if c["action"] == "upload"]
    assert [(c["resume"], c["final"], c["resumeAt"], c["size"]) for c in uploads] == [
        ("False", "False", "0.0", 100_000),
        ("True", "False", "100000.0", 100_000),
        ("True", "True", "200000.0", 50_000),
    ]
    assert chunks.calls[0] == {"action": "add", "fileSize": "250000.0"}
    assert progress == [(100_000, 250_000), (200_000, 250_000), (250_000, 250_000)]


def test_chunked_upload_resumes_existing_token(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    payload = os.urandom(30_000)
    chunks = ChunkServer()
    chunks.data += payload[:12_000]  # a previous run got this far
    server.handler = chunks
    progress: list[tuple[int, int]] = []
    kpkg.upload.upload_file(
        client(kpkg, server),
        io.BytesIO(payload),
        upload_token_id="tok1",
        chunk_size=10_000,
        progress=lambda s, t: progress.append((s, t)),
    )
    assert bytes(chunks.data) == payload and not chunks.errors
    assert chunks.calls[0] == {"action": "get"}
    assert [c["resumeAt"] for c in chunks.calls[1:]] == ["12000.0", "22000.0"]
    assert progress[0] == (12_000, 30_000) and progress[-1] == (30_000, 30_000)


def test_lost_chunk_reply_is_not_blindly_resent(
    kpkg: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    payload = os.urandom(30_000)
    chunks = ChunkServer(fail_chunk_once=2)  # add, chunk 0, chunk 1 (lost reply)
    server.handler = chunks
    kpkg.upload.upload_file(client(kpkg, server), payload, chunk_size=10_000)
    assert bytes(chunks.data) == payload and not chunks.errors
    actions = [c["action"] for c in chunks.calls]
    assert actions == ["add", "upload", "upload", "get", "upload"]


def test_client_upload_file_helper(kpkg: types.SimpleNamespace, server: KalturaTestServer) -> None:
    chunks = ChunkServer()
    server.handler = chunks
    token = client(kpkg, server).upload_file(b"abc" * 1000, chunk_size=1000)
    assert token.id == "tok1" and bytes(chunks.data) == b"abc" * 1000
    assert [c["final"] for c in chunks.calls if c["action"] == "upload"] == [
        "False",
        "False",
        "True",
    ]


def test_multipart_stream_reader_sizes(kpkg: types.SimpleNamespace) -> None:
    body = kpkg.transport.MultipartBody('{"a": "1"}', {"f": io.BytesIO(b"x" * 700_000)})
    expected = b"".join(body.chunks())
    assert body.length() == len(expected)
    body.rewind()
    reader = kpkg.transport._IterReader(body.chunks())
    pieces = []
    while piece := reader.read(16384):
        assert len(piece) <= 16384
        pieces.append(piece)
    assert b"".join(pieces) == expected
