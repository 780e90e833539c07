"""Item 6 (and 7): schemathesis runs the export against `serve`, bounded and seeded.

The export is read from serve's own `/api_v3/openapi.json` (its `servers[0]` is the running
server), for every operation of the sample and for a spread of ovp-22.19.0 and ott-5.3.7
services. Every response must be documented (status, content type, body schema) and no
response may be a server error. Kaltura answers errors with HTTP 200, so only valid
requests are generated (schemathesis's positive mode): its negative checks expect 4xx.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from generator.model import Schema
from generator.pipeline import Failure, load
from generator.serve.app import RunningServer, running_server
from tests.conftest import parsed_real_schema

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
OVP_SPREAD = (
    "media",
    "baseEntry",
    "category",
    "uploadToken",
    "metadata",
    "metadataProfile",
    "user",
    "session",
    "playlist",
    "flavorAsset",
    "responseProfile",
    "multirequest",
)
OTT_SPREAD = ("ottUser", "asset", "session", "channel", "multirequest")


def _ks(server: RunningServer, schema: Schema) -> str:
    """An admin KS (OVP: session.start), or an anonymous one (OTT has no session.start)."""
    if "session" in schema.services and schema.services["session"].action("start"):
        call = ("session", "start")
        body: dict[str, Any] = {
            "secret": server.admin_secret,
            "type": 2,
            "partnerId": server.partner_id,
        }
    else:
        call, body = ("ottuser", "anonymousLogin"), {"partnerId": server.partner_id}
    answer = requests.post(
        f"{server.url}/api_v3/service/{call[0]}/action/{call[1]}",
        params={"format": 1},
        json=body,
        timeout=30,
    ).json()
    result = answer["result"] if isinstance(answer, dict) and "result" in answer else answer
    ks = result["ks"] if isinstance(result, dict) else result
    assert isinstance(ks, str) and ks, answer
    return ks


def _failures(
    schema: Schema, tags: Iterable[str] | None, examples: int, broken: bool = False
) -> tuple[int, list[str]]:
    """(operations run, failure reports) of a seeded run against a fresh serve."""
    failures: list[str] = []
    count = 0
    with running_server(schema) as server:
        ks = _ks(server, schema)
        loaded: schemathesis.BaseSchema = schemathesis.openapi.from_url(
            f"{server.url}/api_v3/openapi.json"
        )
        if broken:  # prove the run can fail: media.get documented as returning a number
            raw: Any = loaded.raw_schema
            media_get = raw["paths"]["/service/media/action/get"]["post"]
            media_get["responses"]["200"]["content"]["application/json"]["schema"] = {
                "type": "integer"
            }
        if tags is not None:
            loaded = loaded.include(tag=list(tags))
        for result in loaded.get_all_operations():
            assert isinstance(result, Ok), result.err()  # an operation schemathesis cannot read
            operation = result.ok()
            count += 1

            @settings(
                max_examples=examples,
                derandomize=True,  # seeded: the same cases every run
                database=None,
                deadline=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(operation.as_strategy())
            def check(case: Any) -> None:
                case.call_and_validate(params={"ks": ks}, checks=CHECKS)

            try:
                check()
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # schemathesis raises a BaseExceptionGroup
                failures.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:2000]}")
    return count, failures


def _sample() -> Schema:
    loaded = load(None)
    assert not isinstance(loaded, Failure)
    return loaded.schema


@pytest.mark.slow
def test_sample_every_operation_conforms() -> None:
    count, failures = _failures(_sample(), None, examples=4)
    assert count == sum(1 for _ in _sample().actions) + 1
    assert failures == []


@pytest.mark.slow
def test_ovp_spread_conforms() -> None:
    count, failures = _failures(parsed_real_schema("ovp-22.19.0.xml"), OVP_SPREAD, examples=3)
    assert count > 150
    assert failures == []


@pytest.mark.slow
def test_ott_spread_conforms() -> None:
    count, failures = _failures(parsed_real_schema("ott-5.3.7.xml"), OTT_SPREAD, examples=3)
    assert count > 30
    assert failures == []


def test_a_wrong_export_is_caught() -> None:
    count, failures = _failures(_sample(), ["media"], examples=2, broken=True)
    assert count > 5
    assert [f.split(":")[0] for f in failures] == ["POST /service/media/action/get"]
    assert "does not conform" in failures[0] or "schema" in failures[0].lower()
