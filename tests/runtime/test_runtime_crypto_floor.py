"""The oldest `cryptography` the generated package declares (the floor in
templates/python/runtime/requirements.txt) really works: KS v2 is generated and opened with
exactly that version, in a subprocess that imports it from `make setup-crypto-floor`'s
directory, and the result passes the independent (pycryptodome) server check."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from pathlib import Path

from .conftest import REPO_ROOT, RUNTIME_DIR
from .test_runtime_ks import PRIVS, SECRET, server_check_v2

FLOOR_DIR = REPO_ROOT / ".venv" / "cryptography-floor"
REQUIREMENTS = RUNTIME_DIR.parent / "requirements.txt"


def declared_floor() -> str:
    for line in REQUIREMENTS.read_text().splitlines():
        found = re.fullmatch(r"cryptography>=([0-9.]+)", line.split("#", 1)[0].strip())
        if found:
            return found.group(1)
    raise AssertionError("requirements.txt declares no cryptography floor")


def test_ks_v2_works_on_the_declared_cryptography_floor(kpkg: types.SimpleNamespace) -> None:
    floor = declared_floor()
    installed = sorted(p.name for p in FLOOR_DIR.glob("cryptography-*.dist-info"))
    assert installed == [
        f"cryptography-{floor}.dist-info"
    ], f"{FLOOR_DIR} must hold cryptography {floor} exactly: run `make setup-crypto-floor`"
    code = f"""
import json, sys
sys.path[:0] = [{str(FLOOR_DIR)!r}, {str(kpkg.root)!r}]
import cryptography
from KalturaClient._runtime import ks
assert cryptography.__file__.startswith({str(FLOOR_DIR)!r}), cryptography.__file__
token = ks.generate_session_v2({SECRET!r}, "user", 2, 4242, 600, {PRIVS!r})
info = ks.parse_ks(token, {SECRET!r})
print(json.dumps([cryptography.__version__, token, info.user_id, info.partner_id,
                  info.privileges]))
"""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd="/"
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    version, token, user, partner, privileges = json.loads(proc.stdout)
    assert version == floor
    assert (user, partner) == ("user", 4242)
    # the same privileges as with the pinned (newest) cryptography in this process
    here = kpkg.ks.parse_ks(
        kpkg.ks.generate_session_v2(SECRET, "user", 2, 4242, 600, PRIVS), SECRET
    )
    assert privileges == here.privileges and "sview:*" in privileges
    fields = server_check_v2(token, SECRET)  # an independent AES implementation agrees
    assert fields["_u"] == "user" and fields["__partner"] == "4242"


def test_the_floor_is_the_lowest_bound_declared() -> None:
    text = Path(REQUIREMENTS).read_text()
    specs = [line for line in text.splitlines() if line.startswith("cryptography")]
    assert specs == [f"cryptography>={declared_floor()}"]  # no upper bound, no second pin
