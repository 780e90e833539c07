"""The PHP target: generation time, and parsing a 500-entry media.list response vs the official.

* generate ovp-22.19.0: parse + render + write the tree, rendering for real (the render
  cache off); target <= 1 s. Kaltura's own php53 generator takes 5.5 s on this machine class
  (not runnable here, so no in-run ratio); the reference is a bare lxml parse of the schema.
  A second row: regeneration with nothing changed (render cache hit).
* parse a 500-entry media.list response in ONE PHP process with both clients loaded (the
  official tree under a rewritten namespace): the official client from XML (its only
  format) is the reference; ours from JSON (its default) and from XML. Target: >= 3x faster
  than the official, i.e. at most a third of its time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from benchmarks import Row, median_time, shared_dir
from generator.output import write_tree
from generator.sources import load_schema
from generator.targets import GenerateOptions
from generator.targets.php import TARGET

GENERATE_TARGET_S = 1.0
SCHEMA = "ovp-22.19.0.xml"
ENTRIES = 500
PARSE_RUNS = 15
HERE = Path(__file__).resolve().parent / "php"


def _entry(i: int) -> dict[str, object]:
    """A media entry as serve returns it (the fields a real list response carries)."""
    return {
        "objectType": "KalturaMediaEntry",
        "id": f"0_{i:08x}",
        "name": f"Entry number {i} <&>",
        "description": "A description with some length to it, as real entries have. " * 2,
        "partnerId": 100,
        "userId": "user@example.com",
        "creatorId": "user@example.com",
        "tags": "one,two,three",
        "categories": "a>b,c",
        "categoriesIds": "12,13",
        "status": "2",
        "moderationStatus": 6,
        "moderationCount": 0,
        "type": "1",
        "createdAt": 1700000000 + i,
        "updatedAt": 1700000500 + i,
        "rank": 0.5,
        "totalRank": 0,
        "votes": 0,
        "downloadUrl": f"https://cdn.example.com/p/100/raw/entry_id/0_{i:08x}",
        "searchText": f"_PAR_ONLY_ _100_ Entry number {i}",
        "licenseType": -1,
        "version": 100000,
        "thumbnailUrl": f"https://cdn.example.com/p/100/thumbnail/entry_id/0_{i:08x}",
        "accessControlId": 7,
        "replacementStatus": "0",
        "partnerSortValue": 0,
        "conversionProfileId": 5,
        "rootEntryId": f"0_{i:08x}",
        "operationAttributes": [],
        "entitledUsersEdit": "",
        "capabilities": "",
        "displayInSearch": 1,
        "blockAutoTranscript": False,
        "plays": i,
        "views": i * 2,
        "lastPlayedAt": 1700001000,
        "width": 1280,
        "height": 720,
        "duration": 60 + i % 100,
        "msDuration": (60 + i % 100) * 1000,
        "durationType": "short",
        "mediaType": 1,
        "conversionQuality": 5,
        "sourceType": "1",
        "dataUrl": f"https://cdn.example.com/p/100/flvclipper/entry_id/0_{i:08x}",
        "flavorParamsIds": "0,2,3,4",
        "isTrimDisabled": True,
    }


def _xml(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dict):
        return "".join(f"<{k}>{_xml(v)}</{k}>" for k, v in value.items())
    if isinstance(value, list):
        return "".join(f"<item>{_xml(v)}</item>" for v in value)
    return escape(str(value))


def _response() -> dict[str, object]:
    return {
        "objectType": "KalturaMediaListResponse",
        "objects": [_entry(i) for i in range(ENTRIES)],
        "totalCount": ENTRIES,
    }


def _namespaced_official(oracle: Path, work: Path) -> Path:
    """The official library with `Kaltura\\Client` rewritten to `KalturaOfficial\\Client`."""
    with tarfile.open(oracle) as archive:
        archive.extractall(work, filter="data")
    (client,) = list(work.rglob("Kaltura/Client/Client.php"))
    library = client.parent.parent.parent
    target = library / "KalturaOfficial"
    shutil.move(str(library / "Kaltura"), str(target))
    for path in target.rglob("*.php"):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        text = text.replace("Kaltura\\Client", "KalturaOfficial\\Client")
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
    return library


def _generation_rows(schema_path: Path, ours: Path) -> list[Row]:
    def generate() -> None:
        result = load_schema(str(schema_path))
        assert result.schema is not None
        write_tree(ours, TARGET.render(result.schema, GenerateOptions()))

    runs = 5
    previous = os.environ.get("KALTURA_CODEGEN_NO_CACHE")
    os.environ["KALTURA_CODEGEN_NO_CACHE"] = "1"
    try:
        cold = median_time(generate, runs)
        result = load_schema(str(schema_path))
        assert result.schema is not None
        schema = result.schema
        render_only = median_time(lambda: TARGET.render(schema, GenerateOptions()), runs)
    finally:
        if previous is None:
            del os.environ["KALTURA_CODEGEN_NO_CACHE"]
        else:
            os.environ["KALTURA_CODEGEN_NO_CACHE"] = previous
    cached = median_time(generate, runs)
    bare = median_time(lambda: etree.parse(str(schema_path)), runs)
    files = sum(1 for p in ours.rglob("*") if p.is_file())
    return [
        Row(
            "php",
            f"generate {SCHEMA} (parse+render+write, no render cache)",
            cold,
            runs,
            reference="bare lxml parse of the schema",
            reference_s=bare,
            target_s=GENERATE_TARGET_S,
            note=f"{files} files; official php53 generator: 5.5 s",
        ),
        Row(
            "php",
            f"render {SCHEMA} only (model -> files in memory, no cache)",
            render_only,
            runs,
            reference="bare lxml parse of the schema",
            reference_s=bare,
        ),
        Row(
            "php",
            f"regenerate {SCHEMA}, nothing changed (render cache hit)",
            cached,
            runs,
            reference="bare lxml parse of the schema",
            reference_s=bare,
            target_s=GENERATE_TARGET_S,
        ),
    ]


def run() -> list[Row]:
    shared = shared_dir()
    if shared is None or not (shared / "schemas" / SCHEMA).is_file():
        return [Row("php", "all", 0.0, 0, note=f"{SCHEMA} not found")]
    schema_path = shared / "schemas" / SCHEMA
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-php-") as tmp:
        work = Path(tmp)
        ours = work / "ours"
        rows += _generation_rows(schema_path, ours)
        oracle = shared / "oracles" / "official-php53-ovp-22.19.0.tar.xz"
        if shutil.which("php") is None or not oracle.is_file():
            rows.append(Row("php", "parse media.list", 0.0, 0, note="php or the oracle missing"))
            return rows
        official = _namespaced_official(oracle, work / "official")
        response = _response()
        xml_path, json_path = work / "list.xml", work / "list.json"
        xml_path.write_text(f"<xml><result>{_xml(response)}</result></xml>", encoding="utf-8")
        json_path.write_text(json.dumps(response), encoding="utf-8")
        result = subprocess.run(
            [
                "php",
                str(HERE / "parse_bench.php"),
                str(ours / "library"),
                str(official),
                str(xml_path),
                str(json_path),
                str(PARSE_RUNS),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            rows.append(Row("php", "parse media.list", 0.0, 0, note=result.stderr[-200:]))
            return rows
        times = json.loads(result.stdout.strip().splitlines()[-1])
        reference = times["official-xml"]
        for case, label in (("ours-json", "JSON (default)"), ("ours-xml", "XML")):
            rows.append(
                Row(
                    "php",
                    f"parse {ENTRIES}-entry media.list, ours from {label}",
                    times[case],
                    PARSE_RUNS,
                    reference="official php53 client from XML, same process",
                    reference_s=reference,
                    target_s=reference / 3,
                    note=f"{reference / times[case]:.1f}x faster than the official",
                )
            )
    return rows
