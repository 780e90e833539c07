"""`for await (const entry of client.media.listAll(filter))` against `serve` holding more than
10,000 entries, under `node --test` (list_all.test.mjs), with the generated ovp-22.19.0 package.

The entries are put into serve's store directly (through `Store.put`, its write API): the
seed path stamps every object with the current second, and the cursor needs createdAt values
spread over time, with ties (seven entries a second, stored in shuffled order). The client
switches to the cursor at the 10,000-result window whether or not the server enforces it.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from generator.serve.app import start_server
from generator.serve.engine import ServerConfig
from tests.conftest import parsed_real_schema
from tests.typescript.conftest import HERE, BuiltPackage, run

pytestmark = pytest.mark.slow

TOTAL = 10_537
PARTNER = 100
ADMIN_SECRET = "adm-secret"


def test_list_all_pages_past_the_window_without_gaps_or_duplicates(
    ovp22_package: BuiltPackage, tmp_path: Path
) -> None:
    assert ovp22_package.tsc.returncode == 0, ovp22_package.tsc.stdout[-2000:]
    schema = parsed_real_schema("ovp-22.19.0.xml")
    server = start_server(schema, ServerConfig(partner_id=PARTNER, admin_secret=ADMIN_SECRET))
    try:
        engine = server.engine
        table = engine.table_of(schema.classes["KalturaMediaEntry"])
        rng = random.Random(13)
        order = list(range(TOTAL))
        rng.shuffle(order)  # ties on createdAt come back in storage order, not by id
        with engine.store.transaction() as store:
            for i in order:
                entry_id = f"0_{i:07d}"
                store.put(
                    table,
                    entry_id,
                    {
                        "objectType": "KalturaMediaEntry",
                        "id": entry_id,
                        "partnerId": PARTNER,
                        "name": f"entry {i:05d}",
                        "mediaType": 2 if i % 3 == 0 else 1,
                        "status": "2",
                        "type": "1",
                        "createdAt": 1_700_000_000 + i // 7,
                        "updatedAt": 1_700_000_000 + i // 7,
                    },
                )
        expected = {
            "partnerId": PARTNER,
            "adminSecret": ADMIN_SECRET,
            "all": sorted(f"0_{i:07d}" for i in range(TOTAL)),
            "images": sorted(f"0_{i:07d}" for i in range(TOTAL) if i % 3 == 0),
        }
        expected_file = tmp_path / "expected.json"
        expected_file.write_text(json.dumps(expected))
        env = {
            **os.environ,
            "KALTURA_TS_DIST": str(ovp22_package.dist),
            "KALTURA_SERVE_URL": server.url,
            "KALTURA_EXPECTED": str(expected_file),
        }
        result = run(
            ["node", "--test", "--test-reporter=tap", str(HERE / "list_all.test.mjs")],
            HERE,
            env=env,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# pass 5" in result.stdout and "# fail 0" in result.stdout
