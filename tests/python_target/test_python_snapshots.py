"""Syrupy snapshots of every file the Python target generates for schema/kaltura-sample.xml.

The runtime files are copied byte for byte (checked in test_python_package.py), so they are
not snapshotted here. Update with `pytest --snapshot-update` after an intended change.
"""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from generator.targets.python import render_package
from generator.targets.python.render import RUNTIME_DIR
from tests.python_target.conftest import sample_schema

_FILES = render_package(sample_schema())
_RUNTIME = {p.relative_to(RUNTIME_DIR).as_posix() for p in RUNTIME_DIR.rglob("*") if p.is_file()}
GENERATED = sorted(name for name in _FILES if name not in _RUNTIME)


def test_generated_file_list(snapshot: SnapshotAssertion) -> None:
    assert snapshot == GENERATED


@pytest.mark.parametrize("path", GENERATED)
def test_generated_file(path: str, snapshot: SnapshotAssertion) -> None:
    assert _FILES[path].decode("utf-8") == snapshot
