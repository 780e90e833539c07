"""The runtime inside real generated packages: end to end against a local server with the
ovp-22.19.0 package, and for the other real schemas (no official counterpart) every action
builds its request and every class parses identically from XML and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import generated_python_package, parsed_real_schema

from .conftest import REPO_ROOT, KalturaTestServer, PackageHandle
from .equality import PlanBuilder
from .response_equality import ResponseBuilder, run_worker

OVP = "ovp-22.19.0.xml"


@pytest.fixture(scope="module")
def ovp() -> Iterator[types.SimpleNamespace]:
    root = generated_python_package(OVP)
    with PackageHandle(root) as ns:
        import importlib

        ns.Metadata = importlib.import_module("KalturaClient.Plugins.Metadata")
        yield ns


def entry_json(i: int) -> dict[str, Any]:
    return {
        "objectType": "KalturaMediaEntry",
        "id": f"0_{i}",
        "name": f"n{i}",
        "mediaType": 1,
        "status": "2",
        "createdAt": 1700000000,
        "plays": i,
        "rank": 1.5,
        "blockAutoTranscript": True,
    }


def entry_xml(i: int) -> str:
    return (
        f"<objectType>KalturaMediaEntry</objectType><id>0_{i}</id><name>n{i}</name>"
        "<mediaType>1</mediaType><status>2</status><createdAt>1700000000</createdAt>"
        f"<plays>{i}</plays><rank>1.5</rank><blockAutoTranscript>1</blockAutoTranscript>"
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [1, 2])
def test_media_list_end_to_end(
    ovp: types.SimpleNamespace, server: KalturaTestServer, fmt: int
) -> None:
    core = ovp.Core
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url, format=fmt))
    client.setSessionId("KS-1")
    client.setPartnerId(5)
    client.setResponseProfile(core.KalturaDetachedResponseProfile(name="rp"))
    if fmt == 1:
        server.reply_json(
            {
                "objectType": "KalturaMediaListResponse",
                "totalCount": 2,
                "objects": [entry_json(1), entry_json(2)],
            }
        )
    else:
        items = "".join(f"<item>{entry_xml(i)}</item>" for i in (1, 2))
        server.reply_xml(
            f"<objectType>KalturaMediaListResponse</objectType>"
            f"<objects>{items}</objects><totalCount>2</totalCount>"
        )
    result = client.media.list(
        core.KalturaMediaEntryFilter(nameLike="n"), core.KalturaFilterPager(pageSize=2)
    )
    assert type(result) is core.KalturaMediaListResponse and result.totalCount == 2
    first = result.objects[0]
    assert type(first) is core.KalturaMediaEntry and first.id == "0_1"
    assert first.mediaType == core.KalturaMediaType.VIDEO
    assert type(first.mediaType) is core.KalturaMediaType
    assert first.status == core.KalturaEntryStatus.READY and first.blockAutoTranscript is True
    assert first.get_datetime("createdAt").year == 2023
    assert first.description is NotImplemented
    body = server.requests[0].json()
    assert body["ks"] == "KS-1" and body["partnerId"] == "5" and body["format"] == str(fmt)
    assert body["responseProfile"]["name"] == "rp"
    assert body["filter"] == {"nameLike": "n", "objectType": "KalturaMediaEntryFilter"}
    # responseProfile is volatile: gone after the call
    assert client.getResponseProfile() is None


@pytest.mark.slow
def test_typed_multirequest_with_plugin_service(
    ovp: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    client.startMultiRequest()
    entry = client.media.get("0_1")
    client.metadata.metadataProfile.list(
        ovp.Metadata.KalturaMetadataProfileFilter(idEqual=entry.id)
    )
    client.baseEntry.count()
    server.reply_json(
        [
            entry_json(1),
            {"objectType": "KalturaMetadataProfileListResponse", "totalCount": 0, "objects": []},
            {
                "objectType": "KalturaAPIException",
                "code": "SERVICE_FORBIDDEN",
                "message": "no",
                "args": {"SERVICE": "baseentry"},
            },
        ]
    )
    got_entry, profiles, error = client.doMultiRequest()
    assert type(got_entry) is ovp.Core.KalturaMediaEntry
    assert type(profiles) is ovp.Metadata.KalturaMetadataProfileListResponse
    assert profiles.objects == []
    assert isinstance(error, ovp.exceptions.KalturaException) and error.args == {
        "SERVICE": "baseentry"
    }
    body = server.requests[0].json()
    assert body["1"]["service"] == "metadata_metadataprofile"
    assert body["1"]["filter"]["idEqual"] == "{1:result:id}"


@pytest.mark.slow
def test_chunked_upload_with_generated_token_type(
    ovp: types.SimpleNamespace, server: KalturaTestServer
) -> None:
    from .test_runtime_files import ChunkServer

    chunks = ChunkServer()
    server.handler = chunks
    client = ovp.Client.KalturaClient(ovp.Base.KalturaConfiguration(server.url))
    token = ovp.upload.upload_file(client, b"x" * 25_000, chunk_size=10_000, file_name="a.bin")
    assert type(token) is ovp.Core.KalturaUploadToken
    assert bytes(chunks.data) == b"x" * 25_000 and not chunks.errors


OTHERS = ("ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml")

_WORKER = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from equality_worker import Materializer, resolve, Captured, _ours_patch
from KalturaClient import KalturaClient, KalturaConfiguration
_ours_patch()
plan = json.load(open(sys.argv[3]))
client = KalturaClient(KalturaConfiguration("http://h.example"))
client.setKs("KS")
mat = Materializer("ours", plan["modules"])
bad = {}
count = 0
for call in plan["calls"]:
    try:
        method = resolve(client, call, "ours")
        out = method(*[mat.value(a) for a in call["args"]])
        if not isinstance(out, str):
            bad[call["key"]] = "returned without sending"
    except Captured as cap:
        body = json.loads(cap.body)
        if cap.files != call["files"] or "kalsig" not in body:
            bad[call["key"]] = f"files {cap.files} != {call['files']}"
    except Exception as exc:
        bad[call["key"]] = f"{type(exc).__name__}: {exc}"[:300]
    count += 1
print(json.dumps({"count": count, "bad": bad}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", OTHERS)
def test_other_schemas_requests_and_parsing(name: str, tmp_path: Path) -> None:
    schema = parsed_real_schema(name)
    root = generated_python_package(name)
    plan = PlanBuilder(schema).plan("t", schema.api_version)
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan))
    proc = subprocess.run(
        [sys.executable, "-c", _WORKER, str(root), str(Path(__file__).parent), str(plan_path)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd="/",
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert result["count"] == 2 * sum(1 for _ in schema.actions)
    assert not result["bad"], list(result["bad"].items())[:10]
    cases = ResponseBuilder(schema).build()
    cases_path = tmp_path / "cases.json"
    cases_path.write_text(json.dumps(cases))
    ours = run_worker("ours", cases_path, tmp_path / "ours.json", root)
    errors = {k: v for k, v in ours.items() if "error" in v}
    assert not errors, list(errors.items())[:5]
    differ = [k for k, v in ours.items() if v["xml"] != v["json"]]
    assert not differ, differ[:10]
    assert len(ours) == len(cases["cases"]) > 50


def test_the_sample_package_under_test_is_the_golden_record(kpkg_root: Path) -> None:
    """`kpkg` (rendered at session start) is exactly the committed generated/python/, so the
    runtime tests run on the code users get from the sample schema."""
    golden = REPO_ROOT / "generated" / "python"

    def tree(root: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts
        }

    rendered, committed = tree(kpkg_root), tree(golden)
    assert sorted(rendered) == sorted(committed), "generated/python/ is stale: make generate"
    stale = [name for name in committed if rendered[name] != committed[name]]
    assert not stale, f"generated/python/ is stale (run `make generate`): {stale}"
    assert (
        "KalturaClient/Plugins/Core.py" in rendered
        and "KalturaClient/_runtime/client.py" in rendered
    )
