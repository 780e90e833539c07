"""The console end to end in headless Chromium against `serve` (the sample schema).

Session, nested media.add, media.list, the shown Python code run with our generated client
against the same server, a deep link, search, keyboard use and labelled regions.
Screenshots go to the test's tmp dir (`KDOCS_SCREENSHOTS=DIR` keeps them, e.g. docs/).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.serve import RunningServer, running_server
from tests.conftest import REPO_ROOT, SAMPLE_SCHEMA
from tests.docs.browser import chromium

pytestmark = pytest.mark.slow

PARTNER = 100
ADMIN_SECRET = "admin-secret-docs"
GENERATED_PYTHON = REPO_ROOT / "generated" / "python"


@pytest.fixture(scope="module")
def server() -> Iterator[RunningServer]:
    with running_server(
        SAMPLE_SCHEMA, partner_id=PARTNER, admin_secret=ADMIN_SECRET, secret="user-secret"
    ) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def shots_dir(tmp_path: Path) -> Path:
    chosen = os.environ.get("KDOCS_SCREENSHOTS")
    return Path(chosen) if chosen else tmp_path


def open_action(page: Any, name: str) -> None:
    page.fill("#pick", name)
    page.dispatch_event("#pick", "change")
    page.wait_for_function(f"document.getElementById('pick').value === {json.dumps(name)}")
    page.evaluate("() => window.KDOCS.consoleReady")


def send(page: Any) -> dict[str, Any]:
    before = page.inner_text("#response-meta")
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_function(
        "(b) => { const t = document.getElementById('response-meta').textContent;"
        " return t !== b && t.startsWith('HTTP'); }",
        arg=before,
    )
    raw = page.locator("#response-body details.raw pre").text_content() or ""
    value: dict[str, Any] = json.loads(raw)
    return value.get("result", value) if "executionTime" in value else value


def test_console_end_to_end(server: RunningServer, browser: Any, tmp_path: Path) -> None:
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/api_v3/testme/")
    page.evaluate("() => window.KDOCS.consoleReady")
    # The default server URL is the page's origin.
    assert page.input_value("#server") == server.url

    # Labelled regions and named controls.
    for region in ("Request", "Response", "Multi-request", "History"):
        assert page.get_by_role("region", name=region, exact=True).count() == 1
    assert page.get_by_role("button", name="Show code").count() == 1

    # An admin session: the KS appears and the viewer decodes it.
    page.get_by_text("Start a session (session.start)").click()
    page.get_by_label("partnerId").first.fill(str(PARTNER))
    page.fill("#ss-secret", ADMIN_SECRET)
    page.get_by_role("button", name="Start session").click()
    page.wait_for_function("document.getElementById('ks').value.length > 20")
    ks = page.input_value("#ks")
    viewer = page.get_by_role("region", name="KS viewer").inner_text()
    assert "partnerId" in viewer and str(PARTNER) in viewer
    assert server.engine is not None

    # media.add with a nested KalturaMediaEntry (objectType picker, then its properties).
    open_action(page, "media.add")
    page.get_by_label("entry objectType").select_option("KalturaMediaEntry")
    page.get_by_label("name", exact=True).fill("browser entry")
    page.get_by_label("mediaType", exact=True).select_option("1")
    added = send(page)
    assert added["objectType"] == "KalturaMediaEntry", added
    assert added["name"] == "browser entry" and added["mediaType"] == 1
    request_text = page.get_by_role("region", name="Request", exact=True).inner_text()
    assert "/api_v3/service/media/action/add" in request_text and "browser entry" in request_text

    # media.list with a filter shows the entry in the response panel.
    open_action(page, "media.list")
    page.get_by_label("filter objectType").select_option("KalturaMediaEntryFilter")
    page.get_by_label("nameLike", exact=True).fill("browser")
    listed = send(page)
    assert listed["totalCount"] >= 1
    assert "browser entry" in page.get_by_role("region", name="Response", exact=True).inner_text()

    # The Python code shown for this call runs with our client and gives the same count.
    page.get_by_role("button", name="Show code").click()
    code = page.locator("#code-python code").inner_text()
    assert "client.media.list(" in code and "KalturaMediaEntryFilter(" in code
    assert ks in code
    script = code + "\nprint('TOTAL', result.totalCount)\n"
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(GENERATED_PYTHON)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert f"TOTAL {listed['totalCount']}" in run.stdout
    # The code panel is a labelled region with keyboard-operable tabs.
    page.get_by_role("tab", name="Python").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("tab", name="TypeScript").get_attribute("aria-selected") == "true"
    assert "MediaListAction" in page.locator("#code-typescript code").inner_text()
    page.get_by_role("tab", name="Python").click()
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(shots_dir(tmp_path) / "console.png"), full_page=False)

    # A deep link reopens the same form.
    link = page.url
    assert "#s=media&a=list" in link
    again = browser.new_page(viewport={"width": 1400, "height": 1000})
    again.goto(link)
    again.wait_for_function("window.KDOCS && window.KDOCS.consoleReady")
    again.evaluate("() => window.KDOCS.consoleReady")
    assert again.input_value("#action") == "list"
    assert again.get_by_label("filter objectType").input_value() == "KalturaMediaEntryFilter"
    assert again.get_by_label("nameLike", exact=True).input_value() == "browser"
    again.close()

    # Keyboard: Enter on the focused Send button sends.
    before = page.inner_text("#response-meta")
    page.focus("#send")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(b) => document.getElementById('response-meta').textContent !== b", arg=before
    )
    assert errors == []


def test_search_finds_media_list(server: RunningServer, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url + "/api_v3/testme/action/media.list.html")
    for query in ("medialist", "media.list"):
        page.fill("#kdocs-search", query)
        first = page.locator("#kdocs-results li a").first
        first.wait_for()
        assert first.inner_text().startswith("media.list"), query
    # Fuzzy: letters in order, with gaps.
    page.fill("#kdocs-search", "mdalst")
    page.locator("#kdocs-results li a").first.wait_for()
    hits = page.locator("#kdocs-results li a").all_inner_texts()
    assert any(h.startswith("media.list") for h in hits), hits
    page.fill("#kdocs-search", "")
    page.screenshot(path=str(shots_dir(tmp_path) / "action-page.png"), full_page=False)
    # Enter opens the first hit.
    page.fill("#kdocs-search", "medialist")
    page.locator("#kdocs-results li a").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**/action/media.list.html")


def test_console_works_from_file_url(browser: Any, tmp_path: Path) -> None:
    """Opened from disk: data scripts load through <script> tags, no fetch, no server."""
    from generator.output import write_tree
    from tests.docs.conftest import rendered

    site = tmp_path / "site"
    write_tree(site, rendered("sample"))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "console.html").as_uri() + "#s=media&a=list")
    page.wait_for_function("window.KDOCS && window.KDOCS.consoleReady")
    page.evaluate("() => window.KDOCS.consoleReady")
    page.get_by_label("filter objectType").select_option("KalturaMediaEntryFilter")
    page.get_by_label("nameLike", exact=True).wait_for()
    page.fill("#kdocs-search", "medialist")
    assert page.locator("#kdocs-results li a").first.inner_text().startswith("media.list")
    # No origin to default to: the server the site was generated for (--set service_url).
    assert page.input_value("#server") == "https://www.kaltura.com"
    assert errors == []


def test_multirequest_builder_and_history(server: RunningServer, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url + "/api_v3/testme/")
    page.evaluate("() => window.KDOCS.consoleReady")
    page.get_by_text("Start a session (session.start)").click()
    page.get_by_label("partnerId").first.fill(str(PARTNER))
    page.fill("#ss-secret", ADMIN_SECRET)
    page.get_by_role("button", name="Start session").click()
    page.wait_for_function("document.getElementById('ks').value.length > 20")
    # Call 1 adds an entry; call 2 gets it through a reference to call 1's result.
    open_action(page, "media.add")
    page.get_by_label("entry objectType").select_option("KalturaMediaEntry")
    page.get_by_label("name", exact=True).fill("queued entry")
    page.get_by_label("mediaType", exact=True).select_option("2")
    page.get_by_role("button", name="Add to multi-request").click()
    open_action(page, "media.get")
    page.get_by_label("entryId", exact=True).fill("{1:result:id}")
    page.get_by_role("button", name="Add to multi-request").click()
    assert page.locator("#queue li").count() == 2
    before = page.inner_text("#response-meta")
    page.get_by_role("button", name="Send multi-request").click()
    page.wait_for_function(
        "(b) => document.getElementById('response-meta').textContent !== b"
        " && document.getElementById('response-meta').textContent.startsWith('HTTP')",
        arg=before,
    )
    raw = json.loads(page.locator("#response-body details.raw pre").text_content() or "")
    results = raw["result"] if "executionTime" in raw else raw
    assert [r["name"] for r in results] == ["queued entry", "queued entry"]
    assert results[0]["id"] == results[1]["id"]
    assert "/api_v3/service/multirequest" in page.inner_text("#request-text")
    # Single sends are remembered; a history entry reopens its call.
    send(page)
    entries = page.locator("#history li button")
    assert entries.count() >= 1 and entries.first.inner_text().startswith("media.get")
    open_action(page, "media.list")
    entries.first.click()
    page.wait_for_function("document.getElementById('action').value === 'get'")
    page.evaluate("() => window.KDOCS.consoleReady")
    assert page.get_by_label("entryId", exact=True).input_value() == "{1:result:id}"


def test_ott_console_logs_in_with_ott_user_login(browser: Any) -> None:
    from tests.conftest import real_schema_path

    with running_server(
        real_schema_path("ott-5.3.7.xml"), partner_id=3, admin_secret="ott-admin", secret="u"
    ) as ott:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(ott.url + "/api_v3/testme/")
        page.evaluate("() => window.KDOCS.consoleReady")
        # JSON only: the XML format cannot be chosen.
        assert page.locator("#format option[value='2']").is_disabled()
        page.get_by_text("Log in (ottUser.login)").click()
        page.fill("#ol-partner", "3")
        page.fill("#ol-user", "admin")
        page.fill("#ol-password", "ott-admin")
        page.get_by_role("button", name="OTT log in").click()
        page.wait_for_function("document.getElementById('ks').value.length > 20")
        assert "3" in page.get_by_role("region", name="KS viewer").inner_text()
        # A session-required call with that KS (the console unwraps the OTT envelope).
        open_action(page, "ottUser.getEncryptedUserId")
        value = send(page)
        assert value.get("objectType") == "KalturaStringValue", value


def test_login_helper_v1_ks_viewer_and_file_upload(
    server: RunningServer, browser: Any, tmp_path: Path
) -> None:
    from generator.serve.ks import generate_v1

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url + "/api_v3/testme/")
    page.evaluate("() => window.KDOCS.consoleReady")
    # A v1 KS shows its fields.
    page.fill("#ks", generate_v1(ADMIN_SECRET, "jane", 2, PARTNER, 600, "privacycontext:x"))
    page.dispatch_event("#ks", "input")
    viewer = page.get_by_role("region", name="KS viewer").inner_text()
    for fact in ("jane", "ADMIN (2)", "privacycontext:x", str(PARTNER), "expiry"):
        assert fact in viewer, viewer
    # user.loginByLoginId (serve's default user: loginId admin, the admin secret).
    page.fill("#ks", "")
    page.get_by_text("Log in (user.loginByLoginId)").click()
    page.fill("#ul-partner", str(PARTNER))
    page.fill("#ul-login", "admin")
    page.fill("#ul-password", ADMIN_SECRET)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_function("document.getElementById('ks').value.length > 20")
    # A file parameter goes as a multipart part.
    upload = tmp_path / "clip.bin"
    upload.write_bytes(b"0123456789")
    open_action(page, "media.upload")
    page.get_by_label("fileData", exact=True).set_input_files(str(upload))
    token = send(page)
    assert isinstance(token, str) and token, token
    assert "multipart/form-data" in page.inner_text("#request-text")
    assert "fileData=@clip.bin (10 bytes)" in page.inner_text("#request-text")
