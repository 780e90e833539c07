"""OpenAPI target: export of ovp-22.19.0 (target <= 1 s), and the size of the document.

Cases (the schema is parsed once, outside the timing; the render cache is off, so every run
builds the document):
  * render: `TARGET.render` of the selected model -> openapi.json, openapi.yaml, README.md
    (build the document, serialize JSON and YAML); the reference is one compact
    `json.dumps` of the same document (the C encoder), the floor of any serializer.
  * the note gives the sizes of openapi.json and openapi.yaml, and the counts of paths and
    component schemas.
"""

from __future__ import annotations

import json
import os

from benchmarks import Row, median_time, shared_dir
from generator.select import select
from generator.sources import load_schema
from generator.targets import GenerateOptions
from generator.targets.openapi import TARGET
from generator.targets.openapi.document import build_document

RUNS = 5


def run() -> list[Row]:
    shared = shared_dir()
    if shared is None:
        return []
    result = load_schema(str(shared / "schemas" / "ovp-22.19.0.xml"))
    assert result.schema is not None
    schema = select(result.schema)
    options = GenerateOptions()
    previous = os.environ.get("KALTURA_CODEGEN_NO_CACHE")
    os.environ["KALTURA_CODEGEN_NO_CACHE"] = "1"
    try:
        files = TARGET.render(schema, options)
        render_s = median_time(lambda: TARGET.render(schema, options), RUNS)
    finally:
        if previous is None:
            os.environ.pop("KALTURA_CODEGEN_NO_CACHE", None)
        else:
            os.environ["KALTURA_CODEGEN_NO_CACHE"] = previous
    document = build_document(schema)
    dumps_s = median_time(lambda: json.dumps(document, ensure_ascii=False), RUNS)
    note = (
        f"openapi.json {len(files['openapi.json']) / 1e6:.1f} MB, "
        f"openapi.yaml {len(files['openapi.yaml']) / 1e6:.1f} MB; "
        f"{len(document['paths'])} paths, {len(document['components']['schemas'])} schemas"
    )
    return [
        Row(
            "openapi",
            "export ovp-22.19.0 (document + JSON + YAML)",
            render_s,
            RUNS,
            "compact json.dumps of the document",
            dumps_s,
            target_s=1.0,
            note=note,
        )
    ]
