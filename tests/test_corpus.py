"""The corpus of malformed and hostile schemas: exact diagnostics and exit codes.

Each file under tests/corpus/ is one case. The test runs `kaltura-codegen validate`
on it from inside the corpus directory (so file names in messages are stable) and
compares standard output line for line, the summary on standard error, and the exit
status: 0 clean or warnings only, 1 errors, 2 unusable input (one line on stderr).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
REFUSED = (
    "DOCTYPE and ENTITY declarations are not allowed "
    "(external entities and entity expansion are refused for safety)"
)


@dataclass(frozen=True)
class Case:
    file: str
    exit_code: int
    stdout: list[str]
    stderr: str


CASES = [
    Case(
        "action-structure.xml",
        1,
        [
            "action-structure.xml:5: error: action system.ping: sessionRequired must be always, optional or none, not 'sometimes'",
            "action-structure.xml:5: error: action system.ping: attribute 'enableInMultiRequest' must be 0 or 1, not 'yes'",
            "action-structure.xml:6: error: action system.ping(value): missing required attribute 'type'",
            "action-structure.xml:7: error: action system.ping param: missing required attribute 'name'",
            "action-structure.xml:9: error: action system.ping: more than one <result>",
            "action-structure.xml:10: error: action system.ping: <throws> without a name",
            "action-structure.xml:12: warning: action system.noResult: no <result>; assuming the action returns nothing",
            "action-structure.xml:13: error: service system action: missing required attribute 'name'",
            "action-structure.xml:15: error: service: missing required attribute 'id'",
        ],
        "8 error(s), 1 warning(s)",
    ),
    Case(
        "bad-defaults.xml",
        1,
        [
            "bad-defaults.xml:9: error: action media.list(pageSize): default 'ten' is not an integer",
            "bad-defaults.xml:10: error: action media.list(ratio): default 'NaN' is not a number",
            "bad-defaults.xml:11: error: action media.list(deep): default 'yes' is not a boolean (true, false, 0 or 1)",
            "bad-defaults.xml:12: error: action media.list(filter): default '{}' for a KalturaFilter parameter (only null is possible)",
            "bad-defaults.xml:16: error: action media.list(late): required parameter follows optional parameter pageSize; clients with positional defaults (Python, TypeScript, PHP) cannot declare it",
        ],
        "5 error(s), 0 warning(s)",
    ),
    Case(
        "billion-laughs.xml",
        2,
        [],
        "billion-laughs.xml:2: error: " + REFUSED,
    ),
    Case(
        "overlong-name.xml",
        1,
        [
            "overlong-name.xml:4: error: class "
            + "K" * 74
            + ": name is 300 characters long; at most 128 are allowed",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "unsafe-names.xml",
        1,
        [
            "unsafe-names.xml:12: error: configuration client.client-tag: 'client-tag' is not a valid identifier",
            "unsafe-names.xml:13: error: configuration client.api.version: 'api.version' is not a valid identifier",
            "unsafe-names.xml:16: error: configuration request.ks alias: 'session\\nimport os' is not a valid identifier",
            "unsafe-names.xml:20: error: plugin a-b: 'a-b' is not a valid identifier",
            "unsafe-names.xml:21: error: plugin 1abc: '1abc' is not a valid identifier",
            "unsafe-names.xml:22: error: plugin x\\nimport os: 'x\\nimport os' is not a valid identifier",
        ],
        "6 error(s), 0 warning(s)",
    ),
    Case(
        "utf7-lone-surrogate.xml",
        2,
        [],
        "utf7-lone-surrogate.xml:2: error: malformed XML: the utf-7 text decodes to a lone surrogate (U+D83F), which is not a character",
    ),
    Case(
        "bom-crlf.xml",
        0,
        [],
        "0 error(s), 0 warning(s)",
    ),
    Case(
        "case-collisions.xml",
        0,
        [
            "case-collisions.xml:7: warning: type KalturaMediaType: differs only by case from KalturaMediatype (line 4); generated files collide on case-insensitive file systems",
            "case-collisions.xml:11: warning: service Media: differs only by case from media (line 10); generated files collide on case-insensitive file systems",
        ],
        "0 error(s), 2 warning(s)",
    ),
    Case(
        "clean-minimal.xml",
        0,
        [],
        "0 error(s), 0 warning(s)",
    ),
    Case(
        "configurations.xml",
        1,
        [
            "configurations.xml:6: error: configuration client.apiVersion: missing required attribute 'type'",
            "configurations.xml:9: error: configuration request.ks: alias sessionId is also a request entry",
            "configurations.xml:11: error: configuration request.token: alias sessionId is also a request entry",
            "configurations.xml:12: error: configuration request.ks: duplicate configuration 'ks' (first defined at line 9)",
            "configurations.xml:13: error: configuration request.profile: type KalturaResponseProfile is not defined",
            "configurations.xml:13: error: configuration request.profile: attribute 'volatile' must be 0 or 1, not 'yes'",
            "configurations.xml:15: warning: configurations: unknown element <server> kept but not understood",
        ],
        "6 error(s), 1 warning(s)",
    ),
    Case(
        "constraints.xml",
        1,
        [
            "constraints.xml:5: error: class KalturaA.score: minValue 10 is greater than maxValue 1",
            "constraints.xml:6: error: class KalturaA.title: minLength 5 is greater than maxLength 2",
            "constraints.xml:7: error: class KalturaA.code: maxLength must not be negative, not -1",
            "constraints.xml:8: error: class KalturaA.size: attribute 'readOnly' must be 0 or 1, not 'maybe'",
            "constraints.xml:8: error: class KalturaA.size: attribute 'maxValue' must be an integer, not 'lots'",
        ],
        "5 error(s), 0 warning(s)",
    ),
    Case(
        "dangling-base.xml",
        1,
        [
            "dangling-base.xml:4: error: class KalturaMediaEntry: base class KalturaPlayableEntry is not defined",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "dangling-service-types.xml",
        1,
        [
            "dangling-service-types.xml:6: error: action media.list(filter): type KalturaMediaEntryFilter is not defined",
            "dangling-service-types.xml:7: error: action media.list(type): enumType KalturaMediaType is not defined",
            "dangling-service-types.xml:8: error: action media.list result: arrayType KalturaMediaEntry is not defined",
            "dangling-service-types.xml:11: error: action media.count result: unknown simple type 'long'",
        ],
        "4 error(s), 0 warning(s)",
    ),
    Case(
        "dangling-types.xml",
        1,
        [
            "dangling-types.xml:6: error: class KalturaA.entry: type KalturaMediaEntry is not defined",
            "dangling-types.xml:7: error: class KalturaA.status: enumType KalturaEntryStatus is not defined",
            "dangling-types.xml:8: error: class KalturaA.items: arrayType KalturaItem is not defined",
            "dangling-types.xml:9: error: class KalturaA.list: type 'array' needs an arrayType",
            "dangling-types.xml:10: error: class KalturaA.count: unknown simple type 'integer'",
            "dangling-types.xml:11: warning: class KalturaA.tags: valuesEnumType KalturaTag is not defined",
        ],
        "5 error(s), 1 warning(s)",
    ),
    Case(
        "duplicate-classes-properties.xml",
        1,
        [
            "duplicate-classes-properties.xml:9: error: class KalturaA: duplicate property 'id' (first defined at line 8)",
            "duplicate-classes-properties.xml:11: error: class KalturaA: duplicate class 'KalturaA' (first defined at line 7)",
            "duplicate-classes-properties.xml:12: error: class KalturaThing: name 'KalturaThing' is already used by an enum",
        ],
        "3 error(s), 0 warning(s)",
    ),
    Case(
        "duplicate-error-codes.xml",
        1,
        [
            "duplicate-error-codes.xml:6: error: error HouseholdMissing: code 1006 is already used by DomainNotExists (line 5)",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "duplicate-enums.xml",
        1,
        [
            "duplicate-enums.xml:6: error: enum KalturaSize: duplicate const 'SMALL' (first defined at line 5)",
            "duplicate-enums.xml:8: error: enum KalturaSize: duplicate enum 'KalturaSize' (first defined at line 4)",
        ],
        "2 error(s), 0 warning(s)",
    ),
    Case(
        "duplicate-sections.xml",
        1,
        [
            "duplicate-sections.xml:4: error: schema: duplicate section <enums>",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "duplicate-services-actions.xml",
        1,
        [
            "duplicate-services-actions.xml:7: error: action media.get: duplicate param 'entryId' (first defined at line 6)",
            "duplicate-services-actions.xml:10: error: service media: duplicate action 'get' (first defined at line 5)",
            "duplicate-services-actions.xml:14: error: service media: duplicate service id 'media' (first defined at line 4)",
            "duplicate-services-actions.xml:15: error: service media_plugin: duplicate service name 'media' (first defined at line 4)",
        ],
        "4 error(s), 0 warning(s)",
    ),
    Case(
        "empty.xml",
        2,
        [],
        "empty.xml: error: the schema is empty",
    ),
    Case(
        "enum-bad-int-value.xml",
        1,
        [
            "enum-bad-int-value.xml:6: error: enum KalturaSize: const LARGE: value 'big' is not an integer",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "enum-kind-mismatch.xml",
        1,
        [
            "enum-kind-mismatch.xml:9: error: class KalturaEntry.status: enumType KalturaEntryStatus is a string enum but the value is int",
            "enum-kind-mismatch.xml:10: error: class KalturaEntry.mediaType: enumType KalturaMediaType is an int enum but the value is string",
            "enum-kind-mismatch.xml:11: error: class KalturaEntry.ratio: enumType KalturaMediaType on a 'float' value",
        ],
        "3 error(s), 0 warning(s)",
    ),
    Case(
        "enum-missing-attributes.xml",
        1,
        [
            "enum-missing-attributes.xml:4: error: enum: missing required attribute 'name'",
            "enum-missing-attributes.xml:7: error: enum KalturaColor: enumType must be 'int' or 'string', not 'float'",
            "enum-missing-attributes.xml:8: error: enum KalturaColor: const RED: missing required attribute 'value'",
            "enum-missing-attributes.xml:9: error: enum KalturaColor const: missing required attribute 'name'",
        ],
        "4 error(s), 0 warning(s)",
    ),
    Case(
        "error-parameters.xml",
        1,
        [
            "error-parameters.xml:6: error: error ENTRY_ID_NOT_FOUND: duplicate parameter 'ENTRY_ID'",
            "error-parameters.xml:7: error: error ENTRY_ID_NOT_FOUND: parameter without a name",
            "error-parameters.xml:8: error: error ENTRY_ID_NOT_FOUND: parameter name 'bad name' is not a valid identifier",
            "error-parameters.xml:9: warning: error ENTRY_ID_NOT_FOUND: unknown element <param> kept but not understood",
            "error-parameters.xml:11: error: error NO_CODE: missing required attribute 'code'",
            "error-parameters.xml:11: warning: error NO_CODE: message uses @WHAT@ but declares no such parameter",
            "error-parameters.xml:12: error: error code 1000: missing required attribute 'name'",
            "error-parameters.xml:13: error: error ENTRY_ID_NOT_FOUND: duplicate error 'ENTRY_ID_NOT_FOUND' (first defined at line 4)",
        ],
        "6 error(s), 2 warning(s)",
    ),
    Case(
        "external-dtd.xml",
        2,
        [],
        "external-dtd.xml:2: error: " + REFUSED,
    ),
    Case(
        "inheritance-cycle.xml",
        1,
        [
            "inheritance-cycle.xml:4: error: class KalturaA: inheritance cycle: KalturaA -> KalturaC -> KalturaB -> KalturaA",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "invalid-identifiers.xml",
        1,
        [
            "invalid-identifiers.xml:4: error: enum Kaltura Size: 'Kaltura Size' is not a valid identifier",
            "invalid-identifiers.xml:5: error: enum Kaltura Size.X-L: 'X-L' is not a valid identifier",
            "invalid-identifiers.xml:10: error: class Kaltura-Foo: 'Kaltura-Foo' is not a valid identifier",
            "invalid-identifiers.xml:11: error: class Kaltura-Foo.1st: '1st' is not a valid identifier",
            "invalid-identifiers.xml:15: error: service my service: 'my.service' is not a valid identifier",
            "invalid-identifiers.xml:15: error: service my service: service id 'my service' is not a valid identifier",
            "invalid-identifiers.xml:16: error: action my.service.do-it: 'do-it' is not a valid identifier",
            "invalid-identifiers.xml:17: error: action my.service.do-it(a b): 'a b' is not a valid identifier",
        ],
        "8 error(s), 0 warning(s)",
    ),
    Case(
        "invalid-utf8.xml",
        2,
        [],
        "invalid-utf8.xml:2: error: malformed XML: Invalid bytes in character encoding",
    ),
    Case(
        "malformed-unclosed.xml",
        2,
        [],
        "malformed-unclosed.xml:5: error: malformed XML: Opening and ending tag mismatch: enum line 4 and enums",
    ),
    Case(
        "missing-api-version.xml",
        1,
        [
            "missing-api-version.xml:2: error: schema: missing required attribute 'apiVersion'",
            "missing-api-version.xml:2: error: schema: attribute 'generatedDate' must be an integer, not 'soon'",
        ],
        "2 error(s), 0 warning(s)",
    ),
    Case(
        "namespaced-root.xml",
        2,
        [],
        "namespaced-root.xml:2: error: wrong root element <{urn:kaltura}xml>: a Kaltura schema starts with <xml apiVersion=...>",
    ),
    Case(
        "not-xml.xml",
        2,
        [],
        "not-xml.xml:1: error: malformed XML: Start tag expected, '<' not found",
    ),
    Case(
        "parameter-entity.xml",
        2,
        [],
        "parameter-entity.xml:2: error: " + REFUSED,
    ),
    Case(
        "plugin-cycle.xml",
        1,
        [
            "plugin-cycle.xml:4: error: plugin a: dependency cycle: a -> b -> c -> a",
            "plugin-cycle.xml:7: error: plugin d: dependency cycle: d -> d",
        ],
        "2 error(s), 0 warning(s)",
    ),
    Case(
        "plugin-problems.xml",
        1,
        [
            "plugin-problems.xml:9: warning: plugin metadata: pluginService metadataBatch names no service",
            "plugin-problems.xml:10: error: plugin metadata: depends on unknown plugin cuePoint",
            "plugin-problems.xml:12: error: plugin metadata: duplicate plugin 'metadata' (first defined at line 7)",
            "plugin-problems.xml:13: error: plugin: missing required attribute 'name'",
        ],
        "3 error(s), 1 warning(s)",
    ),
    Case(
        "property-redefined-type.xml",
        1,
        [
            "property-redefined-type.xml:10: error: class KalturaLeaf: property id is string but inherited KalturaBase.id (line 5) is int",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "self-inheritance.xml",
        1,
        [
            "self-inheritance.xml:4: error: class KalturaA: inheritance cycle: KalturaA -> KalturaA",
        ],
        "1 error(s), 0 warning(s)",
    ),
    Case(
        "throws-undefined.xml",
        0,
        [
            "throws-undefined.xml:8: warning: action media.get: throws NO_SUCH_ERROR, which <errors> does not define",
        ],
        "0 error(s), 1 warning(s)",
    ),
    Case(
        "undeclared-plugin.xml",
        0,
        [
            "undeclared-plugin.xml:4: warning: enum KalturaDocumentType: plugin document is not declared in <plugins>",
            "undeclared-plugin.xml:8: warning: action liveStream.allocateConferenceRoom: plugin conference is not declared in <plugins>",
        ],
        "0 error(s), 2 warning(s)",
    ),
    Case(
        "unknown-attributes-elements.xml",
        0,
        [
            "unknown-attributes-elements.xml:2: warning: schema: unknown attribute 'serverVersion' kept but not understood",
            "unknown-attributes-elements.xml:4: warning: enum KalturaSize: unknown attribute 'since' kept but not understood",
            "unknown-attributes-elements.xml:5: warning: enum KalturaSize.SMALL: unknown attribute 'color' kept but not understood",
            "unknown-attributes-elements.xml:6: warning: enum KalturaSize: unknown element <alias> kept but not understood",
            "unknown-attributes-elements.xml:10: warning: class KalturaA: unknown attribute 'sealed' kept but not understood",
            "unknown-attributes-elements.xml:11: warning: class KalturaA.id: unknown attribute 'indexed' kept but not understood",
            "unknown-attributes-elements.xml:15: warning: service a: unknown attribute 'rateLimit' kept but not understood",
            "unknown-attributes-elements.xml:16: warning: action a.get: unknown attribute 'timeout' kept but not understood",
            "unknown-attributes-elements.xml:17: warning: action a.get: unknown attribute 'cache' kept but not understood",
            "unknown-attributes-elements.xml:18: warning: action a.get: unknown element <example> kept but not understood",
            "unknown-attributes-elements.xml:22: warning: schema: unknown section <webhooks> kept but not understood",
        ],
        "0 error(s), 11 warning(s)",
    ),
    Case(
        "unsupported-encoding.xml",
        2,
        [],
        "unsupported-encoding.xml:1: error: unsupported encoding 'x-klingon'",
    ),
    Case(
        "utf16-entity.xml",
        2,
        [],
        "utf16-entity.xml:2: error: " + REFUSED,
    ),
    Case(
        "wrong-root.xml",
        2,
        [],
        "wrong-root.xml:2: error: wrong root element <schema>: a Kaltura schema starts with <xml apiVersion=...>",
    ),
    Case(
        "xxe-file.xml",
        2,
        [],
        "xxe-file.xml:2: error: " + REFUSED,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_corpus_case(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    result = CliRunner().invoke(main, ["validate", case.file])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout.splitlines() == case.stdout
    assert result.stderr.strip() == case.stderr
    assert result.exit_code == case.exit_code


def test_every_corpus_file_has_a_case() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.xml"))
    assert files == sorted(c.file for c in CASES)
    assert len(files) >= 30


@pytest.mark.parametrize(
    ("case_file", "exit_code"),
    [
        ("throws-undefined.xml", 1),
        ("unknown-attributes-elements.xml", 1),
        ("clean-minimal.xml", 0),
        ("bom-crlf.xml", 0),
    ],
)
def test_strict_turns_warnings_into_failure(
    case_file: str, exit_code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CORPUS)
    result = CliRunner().invoke(main, ["validate", "--strict", case_file])
    assert result.exit_code == exit_code


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_xxe_never_discloses_a_local_file(encoding: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xml = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
        f'<!DOCTYPE xml [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n'
        '<xml apiVersion="1"><classes><class name="KalturaA" description="&s;"/></classes></xml>'
    )
    schema = tmp_path / "xxe.xml"
    schema.write_bytes(xml.encode(encoding))
    for command in (["validate"], ["inspect", "--json"]):
        result = CliRunner().invoke(main, [*command, str(schema)])
        assert result.exit_code == 2
        assert "TOP-SECRET-VALUE" not in result.output
        assert result.stderr == f"{schema}:2: error: {REFUSED}\n"
