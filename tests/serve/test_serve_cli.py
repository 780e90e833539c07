"""`kaltura-codegen serve` and the pytest plugin, as users run them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import requests

from tests.conftest import generated_python_package, real_schema_path

SMALL = "ott-3.6.287.xml"


def _serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_serve_prints_its_url_serves_and_stops_on_sigint(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"users": [{"id": "bob", "loginId": "bob", "password": "pw"}]}))
    process = _serve(
        "--schema",
        str(real_schema_path("ovp-22.19.0.xml")),
        "--port",
        "0",
        "--partner-id",
        "31",
        "--admin-secret",
        "cli-secret",
        "--seed",
        str(seed),
        "--log",
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        ks = requests.post(
            f"{url}/api_v3/service/user/action/loginByLoginId",
            json={"format": 1, "loginId": "bob", "password": "pw"},
            timeout=10,
        ).json()
        listed = requests.post(
            f"{url}/api_v3/service/media/action/list", json={"format": 1, "ks": ks}, timeout=10
        ).json()
        assert listed["objectType"] == "KalturaMediaListResponse"
        started = requests.post(
            f"{url}/api_v3/service/session/action/start",
            json={"format": 1, "secret": "cli-secret", "partnerId": 31, "type": 2},
            timeout=10,
        ).json()
        assert isinstance(started, str) and len(started) > 40
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "partner 31" in err and "stopped" in err
    assert "user.loginByLoginId -> ok" in err and "media.list -> ok" in err


def test_serve_rejects_bad_input_with_exit_2(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--schema", str(tmp_path / "nope.xml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "cannot read schema" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_seed = tmp_path / "seed.json"
    bad_seed.write_text('{"objects": [{"objectType": "KalturaNoSuchThing"}]}')
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--schema",
            str(real_schema_path(SMALL)),
            "--seed",
            str(bad_seed),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "unknown class KalturaNoSuchThing" in result.stderr
    bad_state = tmp_path / "state.json"
    bad_state.write_text("not json")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--schema",
            str(real_schema_path(SMALL)),
            "--state",
            str(bad_state),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "not a state file" in result.stderr
    assert "Traceback" not in result.stderr


def test_pytest_plugin_in_a_users_suite(tmp_path: Path) -> None:
    (tmp_path / "test_user_suite.py").write_text(textwrap.dedent("""
        import requests
        from generator.serve.ks import generate_v2

        def test_session_server(kaltura_server):
            ks = generate_v2(kaltura_server.admin_secret, "u", 2, kaltura_server.partner_id,
                             60, "")
            url = kaltura_server.url + "/api_v3/service/asset/action/list"
            body = requests.post(url, json={"format": 1, "ks": ks}, timeout=10).json()
            assert body["result"]["objectType"] == "KalturaAssetListResponse", body

        def test_factory(kaltura_server_factory, kaltura_server):
            other = kaltura_server_factory(partner_id=77, admin_secret="x")
            assert other.url != kaltura_server.url and other.partner_id == 77
    """))
    env = {**os.environ, "KALTURA_SCHEMA": str(real_schema_path(SMALL))}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "generator.serve.pytest_plugin",
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout


def _readme_demo() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    start = readme.index("# demo.py\n")
    return readme[start : readme.index("```", start)]


@pytest.mark.parametrize("client", ["official", "generated"])
def test_readme_demo_runs_against_serve(tmp_path: Path, client: str) -> None:
    """The README's demo script, verbatim but for the port, prints a READY entry."""
    from generator.serve import running_server

    with running_server(
        real_schema_path("ovp-22.19.0.xml"), partner_id=100, admin_secret="s3cret"
    ) as server:
        script = _readme_demo().replace("http://127.0.0.1:8080", server.url)
        (tmp_path / "demo.py").write_text(script)
        (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        if client == "generated":
            env["PYTHONPATH"] = str(generated_python_package("ovp-22.19.0.xml"))
        result = subprocess.run(
            [sys.executable, "demo.py"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = result.stdout.splitlines()
    assert first.startswith("0_") and first.endswith(" 2")
    assert second == "1"


def test_serve_reports_a_busy_port(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "serve",
                "--schema",
                str(real_schema_path(SMALL)),
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
