"""The PHP target's own rules: names, literals, check() diagnostics, package metadata,
determinism, the runtime's reserved names, and KS byte compatibility with the official."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from lxml import etree

from generator.parser import parse_bytes
from generator.pipeline import render_schema
from generator.targets import GenerateOptions
from generator.targets.php import CLIENT_METHODS, TARGET, class_map
from generator.targets.php.naming import (
    ACTION_RULES,
    SERVICE_MEMBERS,
    const_name,
    line_comment,
    php_string,
    phpdoc,
)
from generator.targets.shared.templating import template_dir
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA, parsed_real_schema
from tests.php.conftest import require_php, run

RUNTIME = template_dir("php") / "runtime" / "library" / "Kaltura" / "Client"


def _php(code: str, cwd: Path = REPO_ROOT) -> str:
    require_php()
    result = run(["php", "-r", code], cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _mutated(changes: list[tuple[str, str, str, str]]) -> bytes:
    """The sample schema with (tag, name, attribute, value) changes applied."""
    tree = etree.parse(str(SAMPLE_SCHEMA))
    for tag, name, attribute, value in changes:
        (element,) = [e for e in tree.getroot().iter(tag) if e.get("name") == name]
        element.set(attribute, value)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def test_php_string_round_trips_through_php() -> None:
    text = "a'b\\c $x {$y} \\' ?> <?php exit(97); \n\t\u00e9 \\\\"
    assert _php(f"echo {php_string(text)};") == text


def test_doc_comments_cannot_be_closed_by_schema_text() -> None:
    doc = phpdoc("ends */ here ?> and\nnext line\u2028third")
    assert doc.count("*/") == 1 and doc.endswith(" */\n")
    assert "\u2028" not in doc
    code = f"{doc}echo 'alive';"
    assert _php(code) == "alive"
    assert "?>" not in line_comment("x ?><?php exit(97);")


def test_names_follow_the_official_client() -> None:
    names = class_map(parsed_real_schema("ovp-22.19.0.xml"))
    assert names["KalturaMediaEntry"] == "Kaltura\\Client\\Type\\MediaEntry"
    assert names["KalturaMediaType"] == "Kaltura\\Client\\Enum\\MediaType"
    assert names["KalturaString"] == "Kaltura\\Client\\Type\\Str"  # the official's rename
    assert names["KalturaObject"] == "Kaltura\\Client\\Type\\ObjectType"  # PHP reserves it
    assert names["KalturaMetadata"] == "Kaltura\\Client\\Plugin\\Metadata\\Type\\Metadata"
    assert names["service:media"] == "Kaltura\\Client\\Service\\MediaService"
    assert [ACTION_RULES.escape(n) for n in ("list", "clone", "goto", "get", "getClient")] == [
        "listAction",
        "cloneAction",
        "gotoAction",
        "get",
        "getClientAction",
    ]
    assert const_name("3D") == "_3D"
    assert const_name("class") == "class_"


def test_check_reports_php_class_collisions_with_source_lines() -> None:
    # `KalturaFilterPager` and `FilterPager` are one PHP class; so are two names that differ
    # only in case (the references to the renamed classes dangle: check() still runs)
    xml = _mutated(
        [
            ("class", "KalturaPager", "name", "FilterPager"),
            ("class", "KalturaBaseEntry", "name", "KalturaMEDIAENTRY"),
        ]
    )
    result = parse_bytes(xml, "clash.xml")
    assert result.schema is not None
    problems = TARGET.check(result.schema, GenerateOptions())
    messages = [f"{p.file}:{p.line}: {p.element}: {p.message}" for p in problems]
    assert any("Kaltura\\Client\\Type\\FilterPager" in m for m in messages), messages
    assert any("Kaltura\\Client\\Type\\MediaEntry" in m for m in messages), messages
    assert all(p.file == "clash.xml" and p.line > 0 for p in problems)
    assert len(problems) == 2


def test_check_is_clean_for_the_sample_and_the_real_schemas() -> None:
    for name in ("ovp-22.19.0.xml", "ovp-3.1.1.xml", "ott-5.3.7.xml", "ott-3.6.287.xml"):
        assert TARGET.check(parsed_real_schema(name), GenerateOptions()) == [], name


def test_sample_package_is_marked_and_declares_no_license() -> None:
    manifest = json.loads((REPO_ROOT / "generated" / "php" / "composer.json").read_text())
    assert manifest["name"] == "kaltura/api-client-library-sample"
    assert manifest["version"].endswith("-sample")
    assert "license" not in manifest
    assert manifest["require"] == {"php": ">=8.1", "ext-curl": "*", "ext-json": "*"}
    assert manifest["autoload"] == {"psr-0": {"Kaltura": "library"}}
    readme = (REPO_ROOT / "generated" / "php" / "README.md").read_text()
    assert "embedded sample schema" in readme
    assert "Differences from the official php53 client" in readme


def test_license_and_package_name_settings() -> None:
    result = parse_bytes(SAMPLE_SCHEMA.read_bytes(), "sample.xml")
    assert result.schema is not None
    files = render_schema(
        result.schema, "php", settings=("license=MIT", "package_name=acme/kaltura")
    )
    manifest = json.loads(files["composer.json"])
    assert (manifest["name"], manifest["license"]) == ("acme/kaltura", "MIT")
    with pytest.raises(ValueError, match="Composer package name"):
        render_schema(result.schema, "php", settings=("package_name=Not A Name",))


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "KALTURA_CODEGEN_NO_CACHE": "1"}
        cmd = [sys.executable, "-m", "generator", "generate", "--target", "php", "-q"]
        cmd += ["--schema", str(SAMPLE_SCHEMA), "--out", str(out)]
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=REPO_ROOT)
        trees.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert trees[0] == trees[1]
    assert len(trees[0]) > 100


def _public_methods(path: Path) -> set[str]:
    return {m.lower() for m in re.findall(r"public (?:static )?function (\w+)", path.read_text())}


def test_reserved_names_cover_the_runtime() -> None:
    # an action or accessor named like one of these would replace a runtime method
    assert _public_methods(RUNTIME / "ServiceBase.php") <= SERVICE_MEMBERS
    runtime_client = _public_methods(RUNTIME / "Base.php") | {"__construct"}
    assert runtime_client - {"getconfig", "setconfig"} <= CLIENT_METHODS | {
        m for m in runtime_client if not m.startswith(("get", "set"))
    }
    # accessors are get<Name>Service: only the runtime's get*/set* methods can collide
    accessors = {m for m in runtime_client if m.startswith(("get", "set"))}
    assert accessors <= CLIENT_METHODS


def _official_tree(official_library: Path) -> Path:
    return official_library


def _session(library: Path, version: int) -> str:
    method = "generateSessionV2" if version == 2 else "generateSession"
    code = f"""
        error_reporting(E_ALL & ~E_DEPRECATED);
        spl_autoload_register(function ($c) {{
            $p = '{library}/' . str_replace(['\\\\', '_'], '/', $c) . '.php';
            if (is_file($p)) require $p;
        }});
        $client = new \\Kaltura\\Client\\Client(new \\Kaltura\\Client\\Configuration());
        echo $client->{method}('s3cret', 'jane', 2, 4242, 3600, 'privacycontext:x,*');
    """
    return _php(code)


def _v2_fields(ks: str) -> tuple[str, bytes]:
    raw = base64.urlsafe_b64decode(ks + "=" * (-len(ks) % 4))
    head, partner, encrypted = raw.split(b"|", 2)
    key = hashlib.sha1(b"s3cret").digest()[:16]
    plain = Cipher(algorithms.AES(key), modes.CBC(b"\0" * 16)).decryptor().update(encrypted)
    plain = plain.rstrip(b"\0")
    assert hashlib.sha1(plain[20:]).digest() == plain[:20]  # the signature holds
    return f"{head.decode()}|{partner.decode()}", plain[36:]


@pytest.mark.slow
def test_sessions_are_byte_compatible_with_the_official(
    official_library: Path, ovp22_package: Path
) -> None:
    ours = ovp22_package / "library"
    theirs_v2, ours_v2 = _v2_fields(_session(official_library, 2)), _v2_fields(_session(ours, 2))
    # the same header and fields; only the expiry may differ by the second between the runs
    strip = re.compile(rb"_e=\d+")
    assert theirs_v2[0] == ours_v2[0] == "v2|4242"
    assert strip.sub(b"", theirs_v2[1]) == strip.sub(b"", ours_v2[1])
    assert dict(parse_qsl(ours_v2[1].decode()))["_u"] == "jane"
    for ks in (_session(official_library, 1), _session(ours, 1)):
        signature, info = base64.b64decode(ks).decode().split("|", 1)
        assert hashlib.sha1(b"s3cret" + info.encode()).hexdigest() == signature
        fields = info.split(";")
        assert (
            fields[:2] == ["4242", "4242"]
            and fields[3] == "2"
            and fields[5:]
            == [
                "jane",
                "privacycontext:x,*",
            ]
        )
