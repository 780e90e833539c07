"""Property test: hostile names and texts in the sample schema never break or run Python.

Each example is the sample schema with a few names and texts replaced (tests/hostile.py).
What `validate` and the target's `check` accept is rendered through the real pipeline,
written, and in ONE fresh interpreter per example every module is compiled and imported
and every object class instantiated; the process must end normally, never with the
payload's exit code (schema text that ran as code).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from generator.output import write_tree
from generator.parser import parse_bytes
from generator.pipeline import render_schema
from tests.hostile import PAYLOAD_CODE, Mutation, hostile_schemas

_EXERCISE = r"""
import compileall, importlib, pkgutil, sys, warnings
warnings.simplefilter("ignore", DeprecationWarning)
if not compileall.compile_dir("KalturaClient", quiet=2):
    sys.exit(3)
import KalturaClient.Plugins as plugins
from KalturaClient import KalturaClient, KalturaConfiguration
from KalturaClient.Base import KalturaObjectBase
importlib.import_module("KalturaClient._registry")
count = 0
for info in pkgutil.iter_modules(plugins.__path__):
    module = importlib.import_module("KalturaClient.Plugins." + info.name)
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and issubclass(value, KalturaObjectBase):
            value().toParams()
            count += 1
client = KalturaClient(KalturaConfiguration())
for name in dir(type(client)):
    if not name.startswith("_"):
        getattr(client, name)
print(count)
"""


def _exercise(root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-c", _EXERCISE],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(hostile_schemas())
def test_hostile_schemas_compile_import_and_never_run(
    example: tuple[list[Mutation], bytes],
) -> None:
    mutations, xml = example
    parsed = parse_bytes(xml, "hostile.xml")
    assume(parsed.schema is not None and not any(d.is_error for d in parsed.errors))
    assert parsed.schema is not None
    try:
        files = render_schema(parsed.schema, "python")
    except ValueError:
        # the target's check refused it: a name escaping cannot make safe (a diagnostic)
        assume(False)
        raise
    with tempfile.TemporaryDirectory(prefix="kcg-hostile-") as tmp:
        write_tree(Path(tmp) / "pkg", files)
        proc = _exercise(Path(tmp) / "pkg")
    assert proc.returncode != PAYLOAD_CODE, f"schema text ran as code: {mutations}"
    assert proc.returncode == 0, f"{mutations}\n{proc.stderr[-3000:]}"
    assert int(proc.stdout.strip()) > 0
