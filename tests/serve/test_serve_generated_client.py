"""Our generated Python client against the fake server, beyond the official suite: chunked
resumable uploads, JSON (its default format) and multi-requests."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.serve import running_server
from tests.conftest import generated_python_package, real_schema_path

SCRIPT = textwrap.dedent("""
    import os, sys
    import requests
    from KalturaClient import KalturaClient, KalturaConfiguration
    from KalturaClient.Plugins.Core import (
        KalturaMediaEntry, KalturaMediaType, KalturaSessionType,
        KalturaUploadedFileTokenResource, KalturaMediaEntryFilter)
    from KalturaClient.exceptions import KalturaException

    url, secret = sys.argv[1], sys.argv[2]
    client = KalturaClient(KalturaConfiguration(url))
    client.setKs(client.session.start(secret, "me", KalturaSessionType.ADMIN, 100))
    data = os.urandom(300_000)
    token = client.upload_file(data, file_name="x.bin", chunk_size=64 * 1024)
    print("token", token.status.getValue(), int(token.uploadedFileSize))
    entry = KalturaMediaEntry()
    entry.name, entry.mediaType = "chunked", KalturaMediaType.VIDEO
    entry = client.media.add(entry)
    resource = KalturaUploadedFileTokenResource()
    resource.token = token.id
    entry = client.media.addContent(entry.id, resource)
    print("ready", entry.status.getValue(), requests.get(entry.downloadUrl).content == data)
    client.startMultiRequest()
    client.media.get(entry.id)
    flt = KalturaMediaEntryFilter()
    flt.nameEqual = "chunked"
    client.media.list(flt)
    client.media.get("0_nothere")
    results = client.doMultiRequest()
    print("multi", results[0].id == entry.id, results[1].totalCount,
          isinstance(results[2], KalturaException) and results[2].code)
""")


@pytest.mark.slow
def test_generated_client_uploads_in_chunks_and_multirequests(tmp_path: Path) -> None:
    package = generated_python_package("ovp-22.19.0.xml")
    (tmp_path / "script.py").write_text(SCRIPT)
    with running_server(
        real_schema_path("ovp-22.19.0.xml"), partner_id=100, admin_secret="gen-secret"
    ) as server:
        env = {**os.environ, "PYTHONPATH": str(package)}
        result = subprocess.run(
            [sys.executable, "script.py", server.url, "gen-secret"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.splitlines() == [
        "token 2 300000",
        "ready 2 True",
        "multi True 1 ENTRY_ID_NOT_FOUND",
    ]
