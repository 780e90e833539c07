"""Item 6: generic tools work from the export alone.

* openapi-python-client generates a client from the ovp-22.19.0 export without a warning or
  error, and that client starts a session, adds and lists media, gets Kaltura's errors as
  values and uploads a file (multipart) against `serve`;
* openapi-typescript's types of the same export compile under `tsc --strict`, and reject
  what the schema forbids.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.serve.app import running_server
from tests.conftest import parsed_real_schema
from tests.openapi.conftest import (
    OPENAPI_TYPESCRIPT,
    TSC,
    VENV_BIN,
    rendered,
    require_tool,
    run_tool,
    tool_env,
)

SCHEMA = "ovp-22.19.0.xml"
PACKAGE = "ovp_openapi_client"
# literal_enums: enum values as Literal types. Its Enum classes would name members after
# x-enum-varnames with leading underscores stripped (`_3GP` -> `3GP`, not Python).
# No post hooks: formatting 3000 generated modules with ruff only costs time here.
CONFIG = "literal_enums: true\npost_hooks: []\n"

CLIENT_SCRIPT = """
import io, sys
from {package}.client import AuthenticatedClient, Client
from {package}.api.session import session_start
from {package}.api.media import media_add, media_get, media_list
from {package}.api.upload_token import uploadtoken_add, uploadtoken_upload
from {package}.models import (
    KalturaAPIException, KalturaMediaEntry, KalturaMediaEntryFilter, KalturaMediaListResponse,
    KalturaUploadToken, MediaAddBody, MediaGetBody, MediaListBody, SessionStartBody,
    UploadtokenAddBody, UploadtokenUploadBody,
)
from {package}.types import File

base, secret, partner = sys.argv[1], sys.argv[2], int(sys.argv[3])
anonymous = Client(base_url=base, raise_on_unexpected_status=True)
ks = session_start.sync(
    client=anonymous,
    body=SessionStartBody(secret=secret, type_=2, partner_id=partner),
    format_=1,
)
assert isinstance(ks, str) and len(ks) > 20, ks
# The KS is the `ks` query parameter (the apiKey security scheme); the tool's
# AuthenticatedClient only knows header tokens, so the KS goes into httpx's params.
client = AuthenticatedClient(
    base_url=base, token="not-used", httpx_args={{"params": {{"ks": ks}}}},
    raise_on_unexpected_status=True,
)
added = media_add.sync(
    client=client,
    body=MediaAddBody(entry=KalturaMediaEntry(name="openapi clip", media_type=1)),
    format_=1,
)
assert isinstance(added, KalturaMediaEntry), added
assert added.object_type == "KalturaMediaEntry" and added.id and added.partner_id == partner
listed = media_list.sync(
    client=client,
    body=MediaListBody(filter_=KalturaMediaEntryFilter(name_like="openapi")),
    format_=1,
)
assert isinstance(listed, KalturaMediaListResponse), listed
assert listed.total_count == 1 and [e.id for e in listed.objects] == [added.id]
missing = media_get.sync(client=client, body=MediaGetBody(entry_id="0_missing"), format_=1)
assert isinstance(missing, KalturaAPIException), missing
assert missing.code == "ENTRY_ID_NOT_FOUND", missing.code
unauthorized = media_list.sync(client=anonymous, body=MediaListBody(), format_=1)
assert isinstance(unauthorized, KalturaAPIException) and unauthorized.code == "MISSING_KS"
token = uploadtoken_add.sync(client=client, body=UploadtokenAddBody(), format_=1)
assert isinstance(token, KalturaUploadToken) and token.id, token
uploaded = uploadtoken_upload.sync(
    client=client,
    body=UploadtokenUploadBody(
        upload_token_id=token.id,
        file_data=File(payload=io.BytesIO(b"0123456789"), file_name="clip.mp4"),
        final_chunk=True,
    ),
    format_=1,
)
assert isinstance(uploaded, KalturaUploadToken), uploaded
assert uploaded.id == token.id and uploaded.uploaded_file_size == 10, uploaded
print("ok", added.id, token.id)
"""


@pytest.fixture(scope="module")
def python_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("openapi-python-client")
    (work / "openapi.json").write_bytes(rendered(SCHEMA)["openapi.json"])
    (work / "config.yaml").write_text(CONFIG)
    done = run_tool(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            "openapi.json",
            "--config",
            "config.yaml",
            "--meta",
            "none",
            "--output-path",
            PACKAGE,
        ],
        work,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert "Warning" not in output and "Error" not in output and "WARNING" not in output, output
    assert (work / PACKAGE / "api" / "media" / "media_list.py").is_file()
    return work


@pytest.mark.slow
def test_openapi_python_client_runs_against_serve(python_client: Path) -> None:
    script = python_client / "use_client.py"
    script.write_text(textwrap.dedent(CLIENT_SCRIPT.format(package=PACKAGE)))
    with running_server(parsed_real_schema(SCHEMA)) as server:
        done = subprocess.run(
            [
                sys.executable,
                str(script),
                server.url + "/api_v3",
                server.admin_secret,
                str(server.partner_id),
            ],
            cwd=python_client,
            capture_output=True,
            text=True,
            timeout=300,
            env=tool_env(),
        )
    assert done.returncode == 0, done.stdout + done.stderr[-4000:]
    assert done.stdout.startswith("ok ")


TYPES_CHECK = """
import type { components, operations, paths } from "./api.js";

type Schemas = components["schemas"];
type ListBody = NonNullable<
  paths["/service/media/action/list"]["post"]["requestBody"]
>["content"]["application/json"];
type ListAnswer = operations["media.list"]["responses"][200]["content"]["application/json"];

export const entry: Schemas["KalturaMediaEntry"] = {
  objectType: "KalturaMediaEntry",
  name: "x",
  mediaType: 1,
  tags: "a,b",
};
export const body: ListBody = {
  filter: { objectType: "KalturaMediaEntryFilter", nameLike: "x", mediaTypeEqual: 2 },
  pager: { objectType: "KalturaFilterPager", pageSize: 10 },
};
export function total(answer: ListAnswer): number {
  if ("code" in answer) {
    const error: Schemas["KalturaAPIException"] = answer;
    return error.code.length * -1;
  }
  return answer.totalCount ?? 0;
}
type Entry = Schemas["KalturaMediaEntry"];
type AddBody = NonNullable<operations["media.add"]["requestBody"]>["content"]["application/json"];
// @ts-expect-error mediaType is an enum of numbers, not a string
export const wrongType: Entry = { objectType: "KalturaMediaEntry", mediaType: "1" };
// @ts-expect-error 3 is no KalturaMediaType value
export const notInEnum: Schemas["KalturaMediaType"] = 3;
// @ts-expect-error media.add requires its entry
export const missing: AddBody = {};
"""


@pytest.mark.slow
def test_openapi_typescript_types_compile_strict(tmp_path: Path) -> None:
    require_tool(OPENAPI_TYPESCRIPT)
    require_tool(TSC)
    (tmp_path / "openapi.json").write_bytes(rendered(SCHEMA)["openapi.json"])
    done = run_tool([str(OPENAPI_TYPESCRIPT), "openapi.json", "-o", "api.ts"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "check.ts").write_text(TYPES_CHECK)
    compiled = run_tool(
        [
            str(TSC),
            "--strict",
            "--noEmit",
            "--exactOptionalPropertyTypes",
            "--target",
            "es2022",
            "--module",
            "nodenext",
            "--moduleResolution",
            "nodenext",
            "check.ts",
            "api.ts",
        ],
        tmp_path,
    )
    assert compiled.returncode == 0, compiled.stdout[-4000:] + compiled.stderr[-2000:]
