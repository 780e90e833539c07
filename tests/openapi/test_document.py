"""What the export says about the sample schema: operations, bodies, responses, objects, enums,
errors, sessions and configurations, each checked against the schema's own facts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
import yaml

from generator.diagnostics import Level
from generator.model import Schema
from generator.parser import parse_bytes
from generator.pipeline import Failure, RenderRequest, load, render_schema, run
from generator.targets import get_target
from generator.targets.openapi.document import collisions
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA
from tests.openapi.conftest import rendered

SCHEMAS = "#/components/schemas/"


@pytest.fixture(scope="module")
def schema() -> Schema:
    loaded = load(None)
    assert not isinstance(loaded, Failure)
    return loaded.schema


def op(doc: Any, service: str, action: str) -> Any:
    return doc["paths"][f"/service/{service}/action/{action}"]["post"]


def result_of(doc: Any, operation: Any) -> Any:
    """The result alternative of a (wrapped, since the sample is OTT-like) 200 response."""
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    error, result = body["properties"]["result"]["anyOf"]
    assert error == {"$ref": SCHEMAS + "KalturaAPIExceptionResult"}
    return result


def test_one_operation_per_action_plus_multirequest(sample_doc: Any, schema: Schema) -> None:
    expected = {f"/service/{s.id}/action/{a.name}" for s, a in schema.actions}
    assert set(sample_doc["paths"]) == expected | {"/service/multirequest"}
    ids = [p["post"]["operationId"] for p in sample_doc["paths"].values()]
    assert len(ids) == len(set(ids))
    assert op(sample_doc, "metadata_metadata", "list")["operationId"] == "metadata_metadata.list"
    assert all(list(item) == ["post"] for item in sample_doc["paths"].values())


def test_request_body_has_params_required_without_default(sample_doc: Any) -> None:
    start = op(sample_doc, "session", "start")
    body = start["requestBody"]["content"]["application/json"]["schema"]
    assert list(body["properties"]) == [
        "secret",
        "userId",
        "type",
        "partnerId",
        "expiry",
        "privileges",
    ]
    assert body["required"] == ["secret"]
    assert start["requestBody"]["required"] is True
    # typed defaults, parsed (never the schema's digits pasted)
    assert body["properties"]["expiry"]["default"] == 86400
    assert body["properties"]["userId"]["default"] == ""
    assert "default" not in body["properties"]["partnerId"]  # null: not sent
    # enum-typed parameter: a reference, and its default 0 is a member
    assert body["properties"]["type"]["$ref"] == SCHEMAS + "KalturaSessionType"
    assert body["properties"]["type"]["default"] == 0
    media_list = op(sample_doc, "media", "list")["requestBody"]
    assert media_list["required"] is False
    filter_ = media_list["content"]["application/json"]["schema"]["properties"]["filter"]
    assert filter_["$ref"] == SCHEMAS + "KalturaMediaEntryFilter"
    assert "requestBody" not in op(sample_doc, "session", "end")  # no parameters


def test_file_actions_are_multipart_with_json_object_parts(sample_doc: Any) -> None:
    upload = op(sample_doc, "uploadtoken", "upload")["requestBody"]["content"]
    assert list(upload) == ["multipart/form-data"]
    props = upload["multipart/form-data"]["schema"]["properties"]
    assert props["fileData"]["format"] == "binary"
    assert props["fileData"]["contentMediaType"] == "application/octet-stream"
    assert props["resume"]["type"] == "boolean"
    profile = op(sample_doc, "metadata_metadataprofile", "addFromFile")["requestBody"]["content"]
    media = profile["multipart/form-data"]
    assert media["encoding"]["metadataProfile"] == {"contentType": "application/json"}


def test_serve_actions_answer_binary(sample_doc: Any) -> None:
    content = op(sample_doc, "media", "getVolumeMap")["responses"]["200"]["content"]
    assert content["*/*"]["schema"]["format"] == "binary"
    assert "application/json" in content  # the error envelope


def test_results_by_kind(sample_doc: Any) -> None:
    assert result_of(sample_doc, op(sample_doc, "media", "get")) == {
        "$ref": SCHEMAS + "KalturaMediaEntry"
    }
    assert result_of(sample_doc, op(sample_doc, "session", "end")) == {"type": "null"}
    assert result_of(sample_doc, op(sample_doc, "session", "start")) == {"type": "string"}
    mapped = result_of(sample_doc, op(sample_doc, "ottuser", "getDynamicData"))
    assert mapped == {
        "type": "object",
        "additionalProperties": {"$ref": SCHEMAS + "KalturaStringValue"},
    }
    listed = result_of(sample_doc, op(sample_doc, "ottuser", "list"))
    assert listed["type"] == "array" and listed["items"]["$ref"].startswith(SCHEMAS)
    fmt = sample_doc["components"]["parameters"]["format"]
    assert fmt["in"] == "query" and fmt["required"] is True and fmt["schema"]["const"] == 1
    assert {"$ref": "#/components/parameters/format"} in op(sample_doc, "media", "get")[
        "parameters"
    ]


def test_ovp_responses_are_bare_result_or_error() -> None:
    schema = _schema_without_ott()
    doc = json.loads(render_schema(schema, "openapi")["openapi.json"])
    body = op(doc, "media", "get")["responses"]["200"]["content"]["application/json"]["schema"]
    assert body == {
        "anyOf": [
            {"$ref": SCHEMAS + "KalturaAPIException"},
            {"$ref": SCHEMAS + "KalturaMediaEntry"},
        ]
    }
    assert "KalturaAPIExceptionResult" not in doc["components"]["schemas"]


def _schema_without_ott() -> Schema:
    """The sample without its OTT pieces: an OVP-style schema."""
    text = SAMPLE_SCHEMA.read_text(encoding="utf-8")
    start = text.index('<service id="ottuser"')
    end = text.index("</service>", start) + len("</service>")
    text = text[:start] + text[end:]
    text = text.replace('pluginService="ottUser"', "")
    result = parse_bytes(text.encode(), "ovp-like.xml")
    assert result.schema is not None and not result.errors, result.errors[:3]
    return result.schema


def test_tags_per_service_grouped_per_plugin(sample_doc: Any, schema: Schema) -> None:
    names = [t["name"] for t in sample_doc["tags"]]
    assert names == [s.name for s in schema.services.values()] + ["multirequest"]
    groups = {g["name"]: g["tags"] for g in sample_doc["x-tagGroups"]}
    assert "metadata" in groups["metadata"] and "metadataProfile" in groups["metadata"]
    assert "media" in groups["core"]
    grouped = [t for tags in groups.values() for t in tags]
    assert sorted(grouped) == sorted(names)
    assert op(sample_doc, "media", "get")["tags"] == ["media"]


def test_deprecated_actions_and_services(sample_doc: Any) -> None:
    assert op(sample_doc, "media", "upload")["deprecated"] is True
    assert op(sample_doc, "document", "get")["deprecated"] is True  # deprecated service
    assert "deprecated" not in op(sample_doc, "media", "get")


def test_errors_per_operation_and_catalog(sample_doc: Any, schema: Schema) -> None:
    get = op(sample_doc, "media", "get")
    media_get = schema.services["media"].action("get")
    assert media_get is not None
    assert get["x-kaltura-errors"] == list(media_get.throws)
    assert "ENTRY_ID_NOT_FOUND" in get["x-kaltura-errors"]
    catalog = sample_doc["x-kaltura-errors"]
    assert list(catalog) == sorted(schema.errors)
    error = schema.errors["ENTRY_ID_NOT_FOUND"]
    assert catalog["ENTRY_ID_NOT_FOUND"]["code"] == error.code
    assert catalog["ENTRY_ID_NOT_FOUND"]["message"] == error.message
    assert catalog["ENTRY_ID_NOT_FOUND"]["parameters"] == list(error.parameters)
    envelope = sample_doc["components"]["schemas"]["KalturaAPIException"]
    assert envelope["required"] == ["objectType", "code", "message"]
    assert envelope["properties"]["objectType"] == {"const": "KalturaAPIException"}


def test_sessions_follow_session_required(sample_doc: Any) -> None:
    scheme = sample_doc["components"]["securitySchemes"]["ks"]
    assert scheme == {**scheme, "type": "apiKey", "in": "query", "name": "ks"}
    assert op(sample_doc, "media", "get")["security"] == [{"ks": []}]
    assert op(sample_doc, "session", "start")["security"] == []
    assert op(sample_doc, "session", "end")["security"] == [{"ks": []}, {}]
    # no sessionRequired in the schema (the ovp-3.1.1 way): optional
    assert op(sample_doc, "system", "getVersion")["security"] == [{"ks": []}, {}]
    assert "x-kaltura-sessionRequired" not in op(sample_doc, "system", "getVersion")
    assert op(sample_doc, "session", "start")["x-kaltura-sessionRequired"] == "none"


def test_request_configurations_are_reusable_parameters(sample_doc: Any, schema: Schema) -> None:
    params = sample_doc["components"]["parameters"]
    for entry in schema.configurations.request:
        assert params[entry.name]["name"] == entry.name
        assert params[entry.name]["in"] == "query"
    assert params["ks"]["x-kaltura-alias"] == "sessionId"
    assert params["responseProfile"]["style"] == "deepObject"
    assert params["responseProfile"]["x-kaltura-volatile"] is True
    refs = [p["$ref"].rsplit("/", 1)[1] for p in op(sample_doc, "media", "get")["parameters"]]
    assert "language" in refs and "responseProfile" in refs
    assert "ks" not in refs  # the security scheme carries it
    # an action parameter of the same name wins over the configuration
    start = [p["$ref"].rsplit("/", 1)[1] for p in op(sample_doc, "session", "start")["parameters"]]
    assert "partnerId" not in start and "userId" not in start


def test_action_extensions(sample_doc: Any) -> None:
    bulk = op(sample_doc, "baseentry", "bulkDelete")
    assert bulk["x-kaltura-alias"] == "baseEntry.bulkDelete"
    assert bulk["x-kaltura-plugin"] == "bulkUpload"
    assert op(sample_doc, "media", "getVolumeMap")["x-kaltura-enableInMultiRequest"] is False
    assert op(sample_doc, "media", "get")["x-kaltura-enableInMultiRequest"] is True
    assert op(sample_doc, "ottuser", "getServerTime")["x-kaltura-beta"] is True
    assert "x-kaltura-beta" not in op(sample_doc, "media", "get")
    assert op(sample_doc, "ottuser", "login")["x-kaltura-requestFormats"] == ["json"]


def test_classes_inherit_with_allof_and_discriminate(sample_doc: Any, schema: Schema) -> None:
    schemas = sample_doc["components"]["schemas"]
    media = schemas["KalturaMediaEntry"]
    base = schema.classes["KalturaMediaEntry"].base
    assert base is not None
    assert media["allOf"][0] == {"$ref": SCHEMAS + base.name}
    assert "mediaType" in media["allOf"][1]["properties"]
    root = schemas["KalturaBaseEntry"]
    mapping = root["discriminator"]["mapping"]
    assert root["discriminator"]["propertyName"] == "objectType"
    concrete = {
        c.name
        for c in (
            schema.classes["KalturaBaseEntry"],
            *schema.descendants(schema.classes["KalturaBaseEntry"]),
        )
        if not c.abstract
    }
    assert set(mapping) == concrete
    assert mapping["KalturaMediaEntry"] == SCHEMAS + "KalturaMediaEntry"
    # abstract classes are never in a mapping
    for component in schemas.values():
        for name in component.get("discriminator", {}).get("mapping", {}):
            assert not schema.classes[name].abstract
    assert schemas["KalturaBaseRestriction"]["x-kaltura-abstract"] is True
    # a class without own properties restates objectType (no empty own part, no alias)
    assert not schema.classes["KalturaFilterPager"].properties
    pager = schemas["KalturaFilterPager"]["allOf"]
    assert pager[0] == {"$ref": SCHEMAS + "KalturaPager"}
    assert list(pager[1]["properties"]) == ["objectType"]


def test_property_flags_and_constraints(sample_doc: Any) -> None:
    schemas = sample_doc["components"]["schemas"]
    constraints = schemas["KalturaSampleConstraints"]["properties"]
    assert constraints["score"] | {"minimum": 0, "maximum": 100} == constraints["score"]
    assert constraints["screenName"]["minLength"] == 1
    assert constraints["screenName"]["maxLength"] == 256
    assert constraints["screenName"]["x-kaltura-utf8truncate"] == 127
    assert constraints["password"]["writeOnly"] is True
    assert constraints["externalId"]["type"] == ["string", "null"]
    assert constraints["externalId"]["x-kaltura-nullable"] is True  # the schema's own flag
    assert "x-kaltura-nullable" not in constraints["screenName"]
    # unset properties come back as explicit nulls, so every property admits null
    assert constraints["screenName"]["type"] == ["string", "null"]
    assert constraints["dynamicData"]["additionalProperties"] == {
        "$ref": SCHEMAS + "KalturaStringValue"
    }
    entry = schemas["KalturaBaseEntry"]["properties"]
    assert entry["id"]["readOnly"] is True
    assert entry["creatorId"]["x-kaltura-insertOnly"] is True
    assert entry["createdAt"]["x-kaltura-isTime"] is True
    assert entry["categories"]["deprecated"] is True
    assert entry["multiLingual_name"]["items"] == {"$ref": SCHEMAS + "KalturaMultiLingualString"}
    metadata = schemas["KalturaMetadata"]["properties"]
    assert metadata["id"] == metadata["id"] | {"type": ["integer", "null"], "format": "int64"}


def test_enums_carry_values_and_names(sample_doc: Any, schema: Schema) -> None:
    schemas = sample_doc["components"]["schemas"]
    media_type = schema.enums["KalturaMediaType"]
    out = schemas["KalturaMediaType"]
    assert out["type"] == "integer"
    assert out["enum"] == [int(c.value) for c in media_type.consts]
    assert out["x-enum-varnames"] == [c.name for c in media_type.consts]
    status = schemas["KalturaEntryStatus"]
    assert status["type"] == "string" and "-1" in status["enum"]
    assert schemas["KalturaCountryRestrictionType"]["deprecated"] is True


def test_enum_value_descriptions_when_the_schema_has_them() -> None:
    text = SAMPLE_SCHEMA.read_text(encoding="utf-8").replace(
        '<const name="VIDEO" value="1"/>', '<const name="VIDEO" value="1" description="A video"/>'
    )
    assert "A video" in text
    result = parse_bytes(text.encode(), "described.xml")
    assert result.schema is not None
    doc = json.loads(render_schema(result.schema, "openapi")["openapi.json"])
    out = doc["components"]["schemas"]["KalturaMediaType"]
    assert out["x-enum-descriptions"][out["x-enum-varnames"].index("VIDEO")] == "A video"


def test_multirequest_is_described(sample_doc: Any, schema: Schema) -> None:
    multi = sample_doc["paths"]["/service/multirequest"]["post"]
    assert multi["operationId"] == "multirequest"
    body = multi["requestBody"]["content"]["application/json"]["schema"]
    assert body["patternProperties"]["^[0-9]+$"] == {"$ref": SCHEMAS + "KalturaMultiRequestCall"}
    call = sample_doc["components"]["schemas"]["KalturaMultiRequestCall"]
    assert call["required"] == ["service", "action"]
    assert call["properties"]["service"]["enum"] == [s.id for s in schema.services.values()]
    assert "{N:result" in multi["description"]


def test_sample_is_marked(sample_doc: Any) -> None:
    assert "sample" in sample_doc["info"]["title"]
    assert sample_doc["openapi"] == "3.1.0"
    readme = rendered(None)["README.md"].decode()
    assert "sample schema" in readme and "x-kaltura-insertOnly" in readme


def test_yaml_is_the_same_document() -> None:
    files = rendered(None)
    assert yaml.safe_load(files["openapi.yaml"]) == json.loads(files["openapi.json"])
    files["openapi.yaml"].decode("ascii")  # ASCII only: nothing YAML reads specially


def test_selection_applies() -> None:
    outcome = run(RenderRequest(None, "openapi", include=("media.get",)))
    assert not isinstance(outcome, Failure)
    doc = json.loads(outcome.files["openapi.json"])
    assert set(doc["paths"]) == {"/service/media/action/get", "/service/multirequest"}
    assert "KalturaMediaEntry" in doc["components"]["schemas"]
    assert "KalturaUploadToken" not in doc["components"]["schemas"]
    assert [t["name"] for t in doc["tags"]] == ["media", "multirequest"]


def test_same_bytes_across_hash_seeds() -> None:
    script = (
        "import hashlib,sys;from generator.pipeline import RenderRequest,run;"
        "f=run(RenderRequest(None,'openapi')).files;"
        "sys.stdout.write(''.join(k+hashlib.sha256(f[k]).hexdigest() for k in sorted(f)))"
    )
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, KALTURA_CODEGEN_NO_CACHE="1")
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=REPO_ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def _mutated(old: str, new: str) -> Schema:
    text = SAMPLE_SCHEMA.read_text(encoding="utf-8")
    assert old in text
    result = parse_bytes(text.replace(old, new, 1).encode(), "mutated.xml")
    assert result.schema is not None and not result.errors, result.errors[:3]
    return result.schema


def test_check_reports_collisions_with_source_lines() -> None:
    clash = _mutated('<class name="KalturaSampleConstraints"', '<class name="KalturaAPIException"')
    found = collisions(clash)
    assert [d.element for d in found if d.is_error] == ["class KalturaAPIException"]
    assert found[0].file == "mutated.xml" and found[0].line > 0
    with pytest.raises(ValueError, match="KalturaAPIException"):
        render_schema(clash, "openapi")
    discriminator = _mutated('<property name="score"', '<property name="objectType"')
    messages = [str(d) for d in get_target("openapi").check(discriminator, _options())]
    assert any("KalturaSampleConstraints.objectType" in m and ":385:" in m for m in messages)
    service = _mutated(
        '<service id="system" name="system"', '<service id="system" name="multirequest"'
    )
    assert [d.level for d in collisions(service)] == [Level.ERROR]
    assert collisions(_mutated("<xml", "<xml")) == []


def _options() -> Any:
    from generator.targets import GenerateOptions

    return GenerateOptions()


def test_service_url_setting() -> None:
    outcome = run(RenderRequest(None, "openapi", settings=("service_url=http://[::1]:8080",)))
    assert not isinstance(outcome, Failure)
    server = json.loads(outcome.files["openapi.json"])["servers"][0]
    assert server["url"] == "{serviceUrl}/api_v3"
    assert server["variables"]["serviceUrl"]["default"] == "http://[::1]:8080"
    for bad in ("ftp://host", "http://host/", "http://host/a b", 'http://x"'):
        refused = run(RenderRequest(None, "openapi", settings=(f"service_url={bad}",)))
        assert isinstance(refused, Failure) and "service_url" in refused.message
