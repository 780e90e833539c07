"""The fake server under load and at scale (ovp-22.19.0.xml, else the sample schema).

1. Throughput: several concurrent clients doing list / get / add for a fixed time against one
   `kaltura-codegen serve` process: requests per second, median and p99 latency, errors
   (transport failures and API exceptions) and lost writes (adds acknowledged but not found
   afterwards; must both be 0). Reference, measured in the same run with the same clients: a
   bare werkzeug app answering a fixed envelope, i.e. the floor of the HTTP stack. The row's
   time is seconds per request (1 / throughput), so its ratio is bare / serve throughput and
   its target is serve at >= 0.85x the bare app's throughput. Calls are sent as our
   generated client sends them (JSON, `ignoreNull=1`).
2. Scale: a `--state` file of 100,000 entries: how long the store takes to load it (target
   2 s), then the p50 over HTTP of a `media.list` with two filters and `orderBy` (target
   20 ms) and of an eSearch over the same entries (target 50 ms).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from benchmarks import Row, shared_dir
from generator.paths import DEFAULT_SCHEMA

CLIENTS = 8
DURATION_S = 6.0  # in total per server, as ROUNDS alternating rounds
ROUNDS = 6
PARTNER = 100
SECRET = "bench-admin-secret"
THROUGHPUT_SHARE = 0.85  # of the bare app's
SCALE_ENTRIES = 100_000
SCALE_RUNS = 25
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    added: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _schema() -> str:
    shared = shared_dir()
    if shared is not None and (shared / "schemas" / "ovp-22.19.0.xml").is_file():
        return str(shared / "schemas" / "ovp-22.19.0.xml")
    return str(DEFAULT_SCHEMA)


def _start_server(args: list[str]) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    if not url.startswith("http"):
        process.kill()
        raise RuntimeError(f"server did not start: {url!r}")
    return process, url


def _drive(
    worker: Callable[[requests.Session, Tally, int], None], tally: Tally | None = None
) -> tuple[Tally, float]:
    tally = tally if tally is not None else Tally()
    deadline = time.perf_counter() + DURATION_S / ROUNDS

    def loop(n: int) -> None:
        session = requests.Session()
        i = 0
        while time.perf_counter() < deadline:
            worker(session, tally, n * 1_000_000 + i)
            i += 1

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - started


def _timed(session: requests.Session, tally: Tally, url: str, body: dict[str, Any]) -> Any:
    # What our generated JSON client sends by default: format=1 and ignoreNull=1.
    body = {**body, "ignoreNull": 1}
    start = time.perf_counter()
    try:
        response = session.post(url, json=body, timeout=30)
        value = response.json()
    except (requests.RequestException, ValueError):
        value = None
    elapsed = time.perf_counter() - start
    failed = value is None or (
        isinstance(value, dict)
        and "code" in value
        and value.get("objectType") == "KalturaAPIException"
    )
    with tally.lock:
        tally.latencies.append(elapsed)
        if failed:
            tally.errors += 1
    return None if failed else value


def _serve_case(ks: str, url: str, tally: Tally | None = None) -> tuple[Tally, float]:
    base = f"{url}/api_v3/service/media/action/"

    def worker(session: requests.Session, tally: Tally, i: int) -> None:
        kind = i % 3
        if kind == 0:
            _timed(
                session,
                tally,
                base + "list",
                {
                    "format": 1,
                    "ks": ks,
                    "pager": {"objectType": "KalturaFilterPager", "pageSize": 10},
                },
            )
        elif kind == 1:
            with tally.lock:
                target = tally.added[i % len(tally.added)] if tally.added else "0_missing"
            if target != "0_missing":
                _timed(session, tally, base + "get", {"format": 1, "ks": ks, "entryId": target})
        else:
            made = _timed(
                session,
                tally,
                base + "add",
                {
                    "format": 1,
                    "ks": ks,
                    "entry": {
                        "objectType": "KalturaMediaEntry",
                        "name": f"bench {i}",
                        "mediaType": 1,
                    },
                },
            )
            if isinstance(made, dict) and "id" in made:
                with tally.lock:
                    tally.added.append(made["id"])

    return _drive(worker, tally)


def _lost_writes(ks: str, url: str, added: list[str]) -> int:
    session = requests.Session()
    found = session.post(
        f"{url}/api_v3/service/media/action/count", json={"format": 1, "ks": ks}, timeout=30
    ).json()
    missing = 0 if found == len(added) else abs(len(added) - int(found))
    for entry_id in added[:: max(1, len(added) // 200)]:  # and a sample, fetched by id
        got = session.post(
            f"{url}/api_v3/service/media/action/get",
            json={"format": 1, "ks": ks, "entryId": entry_id},
            timeout=30,
        ).json()
        if got.get("id") != entry_id:
            missing += 1
    return missing


_BARE_APP = """
import sys
from werkzeug.serving import make_server, WSGIRequestHandler
from werkzeug.wrappers import Request, Response
BODY = b'{"objectType":"KalturaMediaListResponse","objects":[],"totalCount":0}'
class Quiet(WSGIRequestHandler):
    def log_request(self, *a): pass
def app(environ, start_response):
    Request(environ).get_data()
    return Response(BODY, content_type="application/json")(environ, start_response)
server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
print(f"http://127.0.0.1:{server.port}", flush=True)
server.serve_forever()
"""


def _bare_case(url: str, tally: Tally | None = None) -> tuple[Tally, float]:
    def worker(session: requests.Session, tally: Tally, i: int) -> None:
        _timed(session, tally, f"{url}/api_v3/service/media/action/list", {"format": 1})

    return _drive(worker, tally)


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0


def _throughput() -> Row:
    from generator.serve.ks import generate_v2

    schema = _schema()
    process, url = _start_server(
        [
            "-m",
            "generator",
            "serve",
            "--schema",
            schema,
            "--port",
            "0",
            "--partner-id",
            str(PARTNER),
            "--admin-secret",
            SECRET,
        ]
    )
    bare, bare_url = _start_server(["-c", _BARE_APP])
    # Alternating short rounds, so a busy machine slows both alike; the ratio is the median
    # of the rounds' ratios.
    tally, reference = Tally(), Tally()
    elapsed = ref_elapsed = 0.0
    ratios = []
    try:
        ks = generate_v2(SECRET, "bench", 2, PARTNER, 3600, "")
        for _ in range(ROUNDS):
            before, ref_before = len(tally.latencies), len(reference.latencies)
            _, serve_s = _serve_case(ks, url, tally)
            _, bare_s = _bare_case(bare_url, reference)
            elapsed, ref_elapsed = elapsed + serve_s, ref_elapsed + bare_s
            round_rps = (len(tally.latencies) - before) / serve_s
            ratios.append(round_rps / ((len(reference.latencies) - ref_before) / bare_s))
        lost = _lost_writes(ks, url, tally.added)
    finally:
        for running in (process, bare):
            running.terminate()
            running.wait(timeout=30)
    share = statistics.median(ratios)
    rps = len(tally.latencies) / elapsed
    ref_rps = rps / share
    note = (
        f"{rps:.0f} req/s = {share:.2f}x bare (median of {ROUNDS} alternating rounds: "
        f"{', '.join(f'{r:.2f}' for r in ratios)}; target >= {THROUGHPUT_SHARE}x); "
        f"median {statistics.median(tally.latencies) * 1000:.1f} ms "
        f"(bare {statistics.median(reference.latencies) * 1000:.1f}), p99 "
        f"{_p99(tally.latencies) * 1000:.1f} ms (bare {_p99(reference.latencies) * 1000:.1f}); "
        f"{tally.errors} errors, {lost} lost writes of {len(tally.added)} adds"
    )
    return Row(
        benchmark="serve",
        case=f"{CLIENTS} clients list/get/add {DURATION_S:.0f} s, s/request "
        f"({schema.rsplit('/', 1)[-1]})",
        median_s=1 / rps,
        runs=len(tally.latencies),
        reference="bare werkzeug app, same clients",
        reference_s=1 / ref_rps,
        target_s=1 / (ref_rps * THROUGHPUT_SHARE),
        note=note,
    )


def scale_seed(count: int, seed: int = 1) -> dict[str, Any]:
    """`count` media entries with varied names, tags, media types, plays and createdAt."""
    rnd = random.Random(seed)
    objects = [
        {
            "objectType": "KalturaMediaEntry",
            "name": f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {i}",
            "tags": ",".join(rnd.sample(WORDS, 2)),
            "mediaType": rnd.choice([1, 2, 5]),
            "createdAt": 1_600_000_000 + i * 7,
            "plays": rnd.randrange(1000),
        }
        for i in range(count)
    ]
    return {"objects": objects}


def _write_state(path: Path, schema: str) -> None:
    from generator.serve import Engine, ServerConfig
    from generator.sources import load_schema

    parsed = load_schema(schema).schema
    assert parsed is not None
    Engine(
        parsed,
        ServerConfig(
            partner_id=PARTNER,
            admin_secret=SECRET,
            state_file=path,
            seed_data=scale_seed(SCALE_ENTRIES),
        ),
    )


def _p50_over_http(url: str, path: str, body: dict[str, Any]) -> tuple[float, Any]:
    session = requests.Session()
    value = session.post(url + path, json=body, timeout=60).json()  # warm-up: indexes
    times = []
    for _ in range(SCALE_RUNS):
        start = time.perf_counter()
        value = session.post(url + path, json=body, timeout=60).json()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def _scale() -> list[Row]:
    from generator.serve.ks import generate_v2
    from generator.serve.store import Store

    schema = _schema()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        state = Path(tmp) / "state.json"
        _write_state(state, schema)
        size_mb = state.stat().st_size / 1e6
        loads = []
        for _ in range(3):
            start = time.perf_counter()
            Store(state)
            loads.append(time.perf_counter() - start)
        rows.append(
            Row(
                benchmark="serve",
                case=f"--state load, {SCALE_ENTRIES:,} entries ({size_mb:.0f} MB)",
                median_s=statistics.median(loads),
                runs=len(loads),
                target_s=2.0,
            )
        )
        process, url = _start_server(
            [
                "-m",
                "generator",
                "serve",
                "--schema",
                schema,
                "--port",
                "0",
                "--partner-id",
                str(PARTNER),
                "--admin-secret",
                SECRET,
                "--state",
                str(state),
            ]
        )
        try:
            ks = generate_v2(SECRET, "bench", 2, PARTNER, 3600, "")
            listed, value = _p50_over_http(
                url,
                "/api_v3/service/media/action/list",
                {
                    "format": 1,
                    "ks": ks,
                    "filter": {
                        "objectType": "KalturaMediaEntryFilter",
                        "mediaTypeEqual": 1,
                        "createdAtGreaterThanOrEqual": 1_600_000_000 + SCALE_ENTRIES * 3,
                        "orderBy": "-createdAt",
                    },
                    "pager": {"objectType": "KalturaFilterPager", "pageSize": 30},
                },
            )
            rows.append(
                Row(
                    benchmark="serve",
                    case=f"media.list 2 filters + orderBy over {SCALE_ENTRIES:,} entries, p50",
                    median_s=listed,
                    runs=SCALE_RUNS,
                    target_s=0.020,
                    note=f"totalCount {value.get('totalCount')}, 30 per page, over HTTP",
                )
            )
            searched, value = _p50_over_http(
                url,
                "/api_v3/service/elasticsearch_esearch/action/searchEntry",
                {
                    "format": 1,
                    "ks": ks,
                    "searchParams": {
                        "objectType": "KalturaESearchEntryParams",
                        "searchOperator": {
                            "objectType": "KalturaESearchEntryOperator",
                            "operator": 1,
                            "searchItems": [
                                {
                                    "objectType": "KalturaESearchEntryItem",
                                    "fieldName": "name",
                                    "itemType": 2,
                                    "searchTerm": "delta",
                                },
                                {
                                    "objectType": "KalturaESearchEntryItem",
                                    "fieldName": "tags",
                                    "itemType": 1,
                                    "searchTerm": "echo",
                                },
                            ],
                        },
                    },
                    "pager": {"objectType": "KalturaPager", "pageSize": 30},
                },
            )
            rows.append(
                Row(
                    benchmark="serve",
                    case=f"eSearch name PARTIAL AND tag EXACT over {SCALE_ENTRIES:,} entries, p50",
                    median_s=searched,
                    runs=SCALE_RUNS,
                    target_s=0.050,
                    note=f"totalCount {value.get('totalCount')}, 30 per page with highlights",
                )
            )
        finally:
            process.terminate()
            process.wait(timeout=30)
    return rows


def run() -> list[Row]:
    return [_throughput(), *_scale()]
