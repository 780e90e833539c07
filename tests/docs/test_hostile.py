"""No schema text becomes markup or script: random hostile schemas through the docs target.

Every page of a mutated sample schema is parsed with lxml.html and may contain only the
elements and attributes the templates themselves produce for the clean sample: no extra
<script>, no on* attribute, no javascript: URL, no absolute URL made from a name; the
console catalog is JSON and every data file is exactly `KDOCS.put(<json>,<json>);`.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.parser import parse_bytes
from generator.targets import GenerateOptions, RenderedFiles
from generator.targets.docs.site import render_site
from tests.docs.conftest import rendered
from tests.docs.pages import data_value, html_pages, tree
from tests.hostile import TEXT_ATTRIBUTES, Mutation, apply, hostile_schemas

HTML_PAYLOADS = [
    '"><img src=x onerror=alert(1)>',
    "<script>alert(1)</script>",
    "</code></pre><svg onload=alert(1)>",
    "javascript:alert(1)",
    "' onmouseover='alert(1)",
    "<!-- --><iframe src=//evil.example>",
    "]]><![CDATA[<b>x</b>",
]


def _html_mutations() -> st.SearchStrategy[tuple[list[Mutation], bytes]]:
    one = st.builds(
        lambda pair, index, value: Mutation(pair[0], pair[1], index, value),
        st.sampled_from(TEXT_ATTRIBUTES),
        st.integers(0, 400),
        st.sampled_from(HTML_PAYLOADS),
    )
    return st.lists(one, min_size=1, max_size=6).map(lambda ms: (ms, apply(ms)))


def _vocabulary(files: RenderedFiles) -> tuple[set[str], set[str]]:
    tags: set[str] = set()
    attributes: set[str] = set()
    for path in html_pages(files):
        for element in tree(files, path).iter():
            if isinstance(element.tag, str):
                tags.add(element.tag)
                attributes.update(element.attrib)
    return tags, attributes


BASE_TAGS, BASE_ATTRIBUTES = _vocabulary(rendered("sample"))


def assert_inert(files: RenderedFiles) -> None:
    for path in html_pages(files):
        doc = tree(files, path)
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue  # comments: lxml keeps them as nodes, but the templates make none
            assert element.tag in BASE_TAGS, (path, element.tag)
            for name, value in element.attrib.items():
                assert name in BASE_ATTRIBUTES and not name.lower().startswith("on"), (path, name)
                if name in ("href", "src"):
                    scheme = urlparse(value).scheme
                    assert scheme == "", (path, value)
        for script in doc.iter("script"):
            if script.get("src"):
                assert script.get("src", "").endswith(("assets/search.js", "assets/console.js"))
                assert not (script.text or "").strip()
            else:
                assert script.get("id") == "kdocs-catalog" and script.get("type") == (
                    "application/json"
                ), path
                json.loads(script.text or "")
    for path in files:
        if path.startswith("data/"):
            data_value(files, path)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(hostile_schemas(), _html_mutations()))
def test_no_schema_text_becomes_markup(case: tuple[list[Mutation], bytes]) -> None:
    mutations, xml = case
    result = parse_bytes(xml, "hostile.xml")
    if result.errors or result.schema is None:
        return  # validate refuses it: nothing is generated
    files = render_site(result.schema, GenerateOptions(), "https://www.kaltura.com", _quiet)
    assert_inert(files)
    # The hostile texts are still shown, as text.
    for mutation in mutations:
        if mutation.value in HTML_PAYLOADS and mutation.tag == "service":
            assert any(mutation.value in tree(files, p).text_content() for p in html_pages(files))


def test_the_check_catches_injected_markup() -> None:
    """The inertness check itself fails on a page with an extra script or handler."""
    files = dict(rendered("sample"))
    page = files["index.html"].replace(b"</main>", b"<script>alert(1)</script></main>")
    for bad in (page, files["index.html"].replace(b"<main", b'<main onclick="x()"')):
        files["index.html"] = bad
        try:
            assert_inert(files)
        except AssertionError:
            continue
        raise AssertionError("injected markup was not detected")


def _quiet(done: int, total: int, what: str) -> None:
    return None
