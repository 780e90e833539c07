"""PHPUnit runtime tests (tests/php/runtime/RuntimeTest.php) against `serve` on 127.0.0.1.

The same suite runs for our ovp-22.19.0 client with JSON and with XML responses, for the
official php53 client (XML, its only format) as a check of `serve` itself, and for the
committed `generated/php` package against `serve` driven by the sample schema (whose OTT
pieces make `serve` wrap JSON as OTT servers do: `{"executionTime", "result"}`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.serve import RunningServer, ServerConfig, start_server
from generator.sources import load_schema
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA, parsed_real_schema
from tests.php.conftest import HERE

pytestmark = pytest.mark.slow

PARTNER = 4343
ADMIN_SECRET = "php-admin-secret"
# Tests the official client cannot run (features it lacks); skipped only for it.
OURS_ONLY = 3


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    schema = parsed_real_schema("ovp-22.19.0.xml")
    running = start_server(schema, ServerConfig(partner_id=PARTNER, admin_secret=ADMIN_SECRET))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def sample_server() -> Iterator[RunningServer]:
    loaded = load_schema(str(SAMPLE_SCHEMA))
    assert loaded.schema is not None
    config = ServerConfig(partner_id=PARTNER, admin_secret=ADMIN_SECRET)
    running = start_server(loaded.schema, config)
    try:
        yield running
    finally:
        running.stop()


def phpunit(library: Path, server: RunningServer, fmt: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("phpunit") is None:
        pytest.fail("phpunit is missing: run `make setup` (make setup-php installs it)")
    env = {
        **os.environ,
        "KALTURA_LIBRARY": str(library),
        "KALTURA_URL": server.url,
        "KALTURA_PARTNER": str(PARTNER),
        "KALTURA_ADMIN_SECRET": ADMIN_SECRET,
        "KALTURA_FORMAT": fmt,
    }
    runtime = HERE / "runtime"
    cmd = ["phpunit", "-c", str(runtime / "phpunit.xml"), "--do-not-cache-result"]
    return subprocess.run(cmd, cwd=runtime, env=env, capture_output=True, text=True, timeout=300)


def _counts(output: str) -> tuple[int, int]:
    """(tests, skipped) from PHPUnit's summary line."""
    ok = re.search(r"^OK \((\d+) tests?", output, re.M)
    if ok:
        return int(ok.group(1)), 0
    mixed = re.search(r"^Tests: (\d+), Assertions: \d+, Skipped: (\d+)\.", output, re.M)
    assert mixed, output[-3000:]
    return int(mixed.group(1)), int(mixed.group(2))


TESTS = len(re.findall(r"public function test", (HERE / "runtime" / "RuntimeTest.php").read_text()))


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_our_client_passes_the_runtime_suite(
    ovp22_package: Path, server: RunningServer, fmt: str
) -> None:
    result = phpunit(ovp22_package / "library", server, fmt)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert _counts(result.stdout) == (TESTS, 0)


def test_official_client_passes_the_runtime_suite(
    official_library: Path, server: RunningServer
) -> None:
    result = phpunit(official_library, server, "xml")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert _counts(result.stdout) == (TESTS, OURS_ONLY)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_committed_sample_package_passes_the_runtime_suite(
    sample_server: RunningServer, fmt: str
) -> None:
    result = phpunit(REPO_ROOT / "generated" / "php" / "library", sample_server, fmt)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert _counts(result.stdout) == (TESTS, 1)  # the sample has no category service
