"""The docs site of the sample schema (and real ones): pages, links, search, data, hosting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests

from generator.model import Schema
from generator.serve import running_server
from generator.targets import RenderedFiles
from generator.targets.docs.safe import json_text, slug
from generator.targets.docs.site import action_url, class_url, enum_url, service_url
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA
from tests.docs.conftest import rendered, sample_schema
from tests.docs.pages import broken_links, data_value, html_pages, tree

MAX_PAGE = 300 * 1024
MAX_CONSOLE_LOAD = 1024 * 1024


@pytest.fixture(scope="module")
def schema() -> Schema:
    return sample_schema()


def catalog_of(files: RenderedFiles) -> dict[str, Any]:
    scripts = tree(files, "console.html").xpath(".//script[@id='kdocs-catalog']")
    value: dict[str, Any] = json.loads(scripts[0].text)
    return value


def text_of(path: str) -> str:
    return str(tree(rendered("sample"), path).text_content())


def test_every_service_action_class_and_enum_has_a_page(schema: Schema) -> None:
    files = rendered("sample")
    for service in schema.services.values():
        assert service_url(service) in files
        page = text_of(service_url(service))
        for action in service.actions:
            assert action.name in page
            assert action_url(service, action) in files
    for name in schema.classes:
        assert class_url(name) in files
    for name in schema.enums:
        assert enum_url(name) in files
    for page in ("index.html", "console.html", "errors.html", "plugins.html", "core.html"):
        assert page in files
    for guide in ("requests", "responses", "ks", "multirequest", "uploads"):
        assert f"guide/{guide}.html" in files
    assert "configurations.html" in files


def test_internal_links_and_anchors_resolve() -> None:
    assert broken_links(rendered("sample")) == []


def test_no_network_at_view_time() -> None:
    """No CDN: every script, stylesheet and image the pages load is a file of the site."""
    files = rendered("sample")
    for path in html_pages(files):
        doc = tree(files, path)
        for element in doc.iter("script", "link", "img", "iframe"):
            ref = element.get("src") or element.get("href")
            if ref is not None:
                assert "://" not in ref and not ref.startswith("//"), (path, ref)
    for asset in ("assets/docs.css", "assets/search.js", "assets/console.js"):
        assert asset in files
        assert b"http://" not in files[asset] and b"https://" not in files[asset]


def test_action_page_facts(schema: Schema) -> None:
    service = schema.services["media"]
    action = service.action("list")
    assert action is not None
    page = tree(rendered("sample"), action_url(service, action))
    text = page.text_content()
    assert "media.list(filter: KalturaMediaEntryFilter = null" in text
    assert "Session (KS)" in text and "required" in text
    rows = page.xpath(".//table[contains(@class, 'params')]//tr[@id]")
    params = {row.get("id"): row for row in rows}
    filter_row = params["param-filter"]
    assert filter_row.xpath(".//a")[0].get("href") == "../class/KalturaMediaEntryFilter.html"
    code = {c.get("class"): c.text_content() for c in page.xpath(".//section[@class='code']//code")}
    assert "client.media.list()" in code["lang-python"]
    assert "new MediaListAction({})" in code["lang-typescript"]
    assert "/api_v3/service/media/action/list" in code["lang-curl"]
    assert "format=1" in code["lang-curl"]


def test_action_errors_flags_and_enums(schema: Schema) -> None:
    service, action = next((s, a) for s, a in schema.actions if a.throws)
    text = text_of(action_url(service, action))
    error = schema.errors[action.throws[0]]
    assert error.name in text and error.code in text
    assert error.message.strip()[:20] in text
    beta = next((s, a) for s, a in schema.actions if a.beta)
    page = tree(rendered("sample"), action_url(*beta))
    assert page.xpath(".//h1/span[contains(@class, 'beta')]")
    deprecated = next((s, a) for s, a in schema.actions if a.deprecated)
    deprecated_page = tree(rendered("sample"), action_url(*deprecated))
    assert deprecated_page.xpath(".//h1/span[contains(@class, 'deprecated')]")
    with_enum = next((s, a, p) for s, a in schema.actions for p in a.params if p.enum is not None)
    enum_text = text_of(action_url(with_enum[0], with_enum[1]))
    assert with_enum[2].enum is not None
    for const in with_enum[2].enum.consts:
        assert const.name in enum_text


def test_class_page_chain_properties_and_actions(schema: Schema) -> None:
    page = tree(rendered("sample"), class_url("KalturaMediaEntry"))
    text = page.text_content()
    assert "KalturaPlayableEntry" in text and "KalturaBaseEntry" in text
    rows = {r.get("id"): r for r in page.xpath(".//table[contains(@class, 'props')]//tr[@id]")}
    assert "inherited" in (rows["p-id"].get("class") or "")
    assert "inherited from" in rows["p-id"].text_content()
    assert "read-only" in rows["p-id"].text_content()
    assert "insert-only" in rows["p-mediaType"].text_content()
    assert rows["p-mediaType"].xpath(".//a")[0].get("href") == "../enum/KalturaMediaType.html"
    used = page.xpath(".//h2[. = 'Used by']/following-sibling::dl[1]")[0].text_content()
    assert "media.add" in used and "media.get" in used
    base = tree(rendered("sample"), class_url("KalturaBaseEntry")).text_content()
    assert "KalturaMediaEntry" in base  # known subclasses


def test_enum_page_values(schema: Schema) -> None:
    enum = schema.enums["KalturaMediaType"]
    text = text_of(enum_url(enum.name))
    for const in enum.consts:
        assert const.name in text and const.value in text


def test_search_index_covers_every_kind(schema: Schema) -> None:
    files = rendered("sample")
    entries = []
    for path in sorted(p for p in files if p.startswith("data/search/")):
        key, shard = data_value(files, path)
        assert key == "search/" + Path(path).stem
        entries += shard
    by_label = {(e[0], e[1]): e[2] for e in entries}
    assert by_label[("media.list", "a")] == "action/media.list.html"
    assert ("KalturaMediaEntry", "c") in by_label
    assert ("KalturaMediaType", "e") in by_label
    assert by_label[("KalturaBaseEntry.name", "p")] == "class/KalturaBaseEntry.html#p-name"
    assert ("ENTRY_ID_NOT_FOUND", "r") in by_label
    assert ("media", "s") in by_label
    expected = len(schema.classes) + len(schema.enums) + sum(1 for _ in schema.actions)
    assert len(entries) > expected


def test_data_scripts_are_data_only() -> None:
    files = rendered("sample")
    scripts = [p for p in files if p.startswith("data/")]
    assert len(scripts) > len(sample_schema().classes)
    for path in scripts:
        data_value(files, path)
    _, media = data_value(files, "data/service/media.js")
    assert media["pys"] == "client.media"
    assert media["actions"]["list"]["ts"] == "MediaListAction"
    assert [p["n"] for p in media["actions"]["list"]["p"]] == ["filter", "pager"]


def test_console_catalog_is_json_in_html() -> None:
    doc = tree(rendered("sample"), "console.html")
    (script,) = doc.xpath(".//script[@id='kdocs-catalog']")
    assert script.get("type") == "application/json"
    catalog = json.loads(script.text)
    media = next(s for s in catalog["services"] if s["id"] == "media")
    assert {"id": "media", "n": "media", "f": "media"}.items() <= media.items()
    assert "list" in media["a"]
    assert catalog["helpers"]["sessionStart"] and catalog["helpers"]["loginByLoginId"]


def test_json_text_cannot_end_a_script() -> None:
    text = json_text({"a": "</script><!-- & \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_slug_is_identity_for_names_and_safe_otherwise() -> None:
    assert slug("KalturaMediaEntry") == "KalturaMediaEntry"
    assert slug("../etc/passwd") == "_..-etc-passwd"
    assert slug('"><x') == "---x"


def test_generate_cli_is_deterministic(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "KALTURA_CODEGEN_NO_CACHE": "1"}
        cmd = [sys.executable, "-m", "generator", "generate", "--target", "docs", "-q"]
        cmd += ["--schema", str(SAMPLE_SCHEMA), "--out", str(out)]
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=REPO_ROOT)
        trees.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert trees[0] == trees[1]
    assert "console.html" in trees[0] and "assets/console.js" in trees[0]


def test_serve_hosts_the_site_at_testme() -> None:
    with running_server(SAMPLE_SCHEMA, partner_id=5, admin_secret="a", secret="u") as server:
        base = server.url + "/api_v3/testme"
        moved = requests.get(base, allow_redirects=False, timeout=30)
        assert moved.status_code == 301 and moved.headers["Location"].endswith("/api_v3/testme/")
        console = requests.get(base + "/", timeout=30)
        assert console.status_code == 200
        assert console.headers["Content-Type"] == "text/html; charset=utf-8"
        assert 'id="kdocs-catalog"' in console.text
        script = requests.get(base + "/assets/console.js", timeout=30)
        assert script.headers["Content-Type"] == "text/javascript; charset=utf-8"
        css = requests.get(base + "/assets/docs.css", timeout=30)
        assert css.headers["Content-Type"] == "text/css; charset=utf-8"
        page = requests.get(base + "/action/media.list.html", timeout=30)
        assert server.url in page.text  # examples name the server they came from
        assert requests.get(base + "/nope.html", timeout=30).status_code == 404
        # The API itself is untouched.
        ping = requests.get(server.url + "/api_v3/service/system/action/ping?format=1", timeout=30)
        assert ping.status_code == 200


@pytest.mark.slow
def test_ott_schema_console_is_json_only() -> None:
    files = rendered("ott-5.3.7.xml")
    catalog = catalog_of(files)
    assert catalog["ott"] and catalog["jsonOnly"]
    assert catalog["helpers"]["ottLogin"]
    assert "executionTime" in tree(files, "guide/responses.html").text_content()
    assert "ottUser.login" in tree(files, "guide/ks.html").text_content()


@pytest.mark.slow
def test_ovp22_pages_are_small_and_console_first_load_is_light() -> None:
    files = rendered("ovp-22.19.0.xml")
    too_big = {p: len(b) for p, b in files.items() if p.endswith(".html") and len(b) > MAX_PAGE}
    assert too_big == {}
    first_load = ["console.html", "assets/docs.css", "assets/search.js", "assets/console.js"]
    catalog = catalog_of(files)
    first_load.append(f"data/service/{catalog['services'][0]['f']}.js")
    total = sum(len(files[p]) for p in first_load)
    assert total < MAX_CONSOLE_LOAD, total
