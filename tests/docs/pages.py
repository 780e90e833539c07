"""Reading the generated site back: HTML trees, links, data scripts."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import lxml.html

from generator.targets import RenderedFiles

DATA_SCRIPT = re.compile(r'\AKDOCS\.put\(("(?:[^"\\]|\\.)*"),(.*)\);\n\Z', re.S)


def tree(files: RenderedFiles, path: str) -> Any:
    return lxml.html.document_fromstring(files[path].decode("utf-8"))


def html_pages(files: RenderedFiles) -> list[str]:
    return sorted(p for p in files if p.endswith(".html"))


def data_value(files: RenderedFiles, path: str) -> tuple[str, Any]:
    """A data script is exactly `KDOCS.put(<json string>,<json>);`: data, never code."""
    match = DATA_SCRIPT.match(files[path].decode("utf-8"))
    assert match is not None, path
    return json.loads(match.group(1)), json.loads(match.group(2))


def broken_links(files: RenderedFiles) -> list[str]:
    """Internal links whose file or fragment does not exist."""
    ids: dict[str, set[str]] = {}
    problems = []
    for path in html_pages(files):
        doc = tree(files, path)
        ids[path] = {str(e.get("id")) for e in doc.iter() if e.get("id")}
    for path in html_pages(files):
        doc = tree(files, path)
        for element in doc.iter("a", "link", "script"):
            ref = element.get("href") or element.get("src")
            if not ref or urlparse(ref).scheme:
                continue
            target = urljoin("/" + path, ref)
            parsed = urlparse(target)
            file = unquote(parsed.path.lstrip("/"))
            if file not in files:
                problems.append(f"{path}: {ref}")
            elif (
                parsed.fragment
                and file.endswith(".html")
                and file != "console.html"
                and unquote(parsed.fragment) not in ids[file]
            ):
                problems.append(f"{path}: {ref} (no such id)")
    return problems
