"""Acceptance: the official KalturaApiClient test-suite (28 tests) against `serve`.

The suite (AGPL, in shared/oracles, never copied into the repo) is copied to a temp dir, its
config.ini pointed at a fake server driven by ovp-22.19.0.xml, and run in a subprocess:

1. with the official `KalturaApiClient==22.18.0` (installed in .venv);
2. with our Python client generated from the same schema, first on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.serve import RunningServer, ServerConfig, start_server
from tests.conftest import (
    ORACLES_DIR,
    generated_python_package,
    parsed_real_schema,
    real_schema_path,
)

SUITE = ORACLES_DIR / "kaltura-python-tests"
PARTNER = 5151
ADMIN_SECRET = "official-suite-admin-secret"
EXPECTED_TESTS = 28

# What a partner account used by the suite has: a ready video (test_SampleMetadataOperations
# reads the first one) and players (test_uiconf filters them by objType and tags).
SEED = {
    "users": [{"id": "testUser", "loginId": "testUser", "password": "pw", "isAdmin": True}],
    "objects": [
        {
            "objectType": "KalturaMediaEntry",
            "name": "Seeded video",
            "mediaType": 1,
            "status": "2",
            "tags": "seed",
        },
        {
            "objectType": "KalturaUiConf",
            "name": "Player",
            "objType": 1,
            "tags": "player",
            "confFile": "<layout id='player'/>",
            "creationMode": 2,
        },
        {
            "objectType": "KalturaUiConf",
            "name": "Playlist player",
            "objType": 1,
            "tags": "player,playlist",
            "confFile": '<layout isPlaylist="true"/>',
            "creationMode": 2,
        },
        {
            "objectType": "KalturaUiConf",
            "name": "Editor",
            "objType": 2,
            "tags": "editor",
            "confFile": "<editor/>",
            "creationMode": 2,
        },
    ],
}


@pytest.fixture
def suite_server(tmp_path: Path) -> Iterator[RunningServer]:
    if not (SUITE / "KalturaClient" / "tests").is_dir():
        pytest.skip(f"official test-suite not available at {SUITE}")
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED))
    schema_path = real_schema_path("ovp-22.19.0.xml")
    config = ServerConfig(partner_id=PARTNER, admin_secret=ADMIN_SECRET, secret="s", seed=seed)
    server = start_server(
        parsed_real_schema("ovp-22.19.0.xml"), config, schema_bytes=schema_path.read_bytes()
    )
    try:
        yield server
    finally:
        server.stop()


def run_official_suite(
    server: RunningServer, work: Path, client_dir: Path | None
) -> subprocess.CompletedProcess[str]:
    suite = work / "suite"
    shutil.copytree(SUITE, suite)
    (suite / "KalturaClient" / "tests" / "config.ini").write_text(
        "[Test]\n"
        f"partnerId: {PARTNER}\n"
        f"adminSecret: {ADMIN_SECRET}\n"
        f"serviceUrl: {server.url}\n"
        "userName: testUser\n"
    )
    # Records which KalturaClient the suite imported (a file of the temp copy, not the oracle).
    (suite / "conftest.py").write_text(
        "import os\nimport KalturaClient\n\n\n"
        "def pytest_sessionstart(session):\n"
        "    with open(os.environ['CLIENT_ORIGIN_FILE'], 'w') as f:\n"
        "        f.write(os.path.realpath(KalturaClient.__file__))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
    env["CLIENT_ORIGIN_FILE"] = str(work / "client-origin.txt")
    if client_dir is not None:
        env["PYTHONPATH"] = str(client_dir)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-k",
        "not test_suite",
        "KalturaClient/tests",
    ]
    return subprocess.run(
        command, cwd=suite, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def _counts(output: str) -> dict[str, int]:
    return {kind: int(n) for n, kind in re.findall(r"(\d+) (passed|failed|error|errors)", output)}


def _assert_all_passed(result: subprocess.CompletedProcess[str], server: RunningServer) -> None:
    tail = result.stdout[-6000:] + result.stderr[-2000:]
    counts = _counts(result.stdout.splitlines()[-1] if result.stdout else "")
    assert result.returncode == 0, tail
    assert counts.get("passed") == EXPECTED_TESTS, tail
    assert not counts.get("failed") and not counts.get("error") and not counts.get("errors")
    # the suite really talked to this server: it left its entries and profiles behind
    entries = server.engine.store.table("KalturaBaseEntry")
    assert any(
        str(e.get("name", "")).startswith("Media Entry Using Python Client")
        for e in entries.values()
    )
    assert server.engine.store.table("KalturaMetadataProfile")


@pytest.mark.slow
def test_official_suite_with_official_client(suite_server: RunningServer, tmp_path: Path) -> None:
    result = run_official_suite(suite_server, tmp_path, None)
    origin = (tmp_path / "client-origin.txt").read_text()
    assert "site-packages" in origin, origin
    _assert_all_passed(result, suite_server)


@pytest.mark.slow
def test_official_suite_with_generated_client(suite_server: RunningServer, tmp_path: Path) -> None:
    client_dir = generated_python_package("ovp-22.19.0.xml")  # generated once per session
    assert (client_dir / "KalturaClient" / "__init__.py").is_file()
    result = run_official_suite(suite_server, tmp_path, client_dir)
    origin = (tmp_path / "client-origin.txt").read_text()
    assert origin.startswith(os.path.realpath(client_dir)), f"the suite imported {origin}"
    _assert_all_passed(result, suite_server)
