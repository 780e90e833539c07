"""The OpenAPI target: the schema as one OpenAPI 3.1 document, for generic tools.

    openapi.json   the document (what `serve` publishes at /api_v3/openapi.json)
    openapi.yaml   the same document as YAML
    README.md      what the document describes and the `x-kaltura-*` extensions it uses

The document is built as plain values in `document` and serialized by `emit`; the only
template is the README's layout.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from generator.diagnostics import Diagnostic
from generator.model import Schema
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress
from generator.targets.openapi.document import (
    DEFAULT_SERVICE_URL,
    OPENAPI_VERSION,
    build_document,
    collisions,
)
from generator.targets.openapi.emit import to_json, to_yaml
from generator.targets.shared.cache import cached_render
from generator.targets.shared.identifiers import comment_text
from generator.targets.shared.templating import environment

__all__ = ["TARGET", "OpenApiTarget"]

TEMPLATE_CATALOG: Mapping[str, str] = {
    "README.md.j2": "the README beside the document: endpoints, envelope, x-kaltura-* extensions",
}

_URL = re.compile(
    r"https?://([A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]+)?(/[A-Za-z0-9._~\-/]*)?\Z"
)


def _service_url(value: str) -> str | None:
    if _URL.match(value) and not value.endswith("/"):
        return None
    return "an http(s) URL without a trailing slash, e.g. https://www.kaltura.com"


class OpenApiTarget:
    name = "openapi"
    description = "OpenAPI 3.1 document (JSON and YAML) for generic clients, docs and testers"
    settings: tuple[Setting, ...] = (
        Setting(
            "service_url",
            "default of the servers[0] `serviceUrl` variable (the part before /api_v3)",
            DEFAULT_SERVICE_URL,
            check=_service_url,
        ),
    )
    templates = TEMPLATE_CATALOG

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        return collisions(schema)

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        return cached_render(
            self.name,
            schema,
            options,
            lambda: self._render(schema, options, progress),
            progress,
        )

    def _render(
        self, schema: Schema, options: GenerateOptions, progress: Progress
    ) -> RenderedFiles:
        with _collector_paused():
            document = build_document(schema, options.sample, options.setting(self, "service_url"))
            progress(1, 3, "document")
            files: RenderedFiles = {"openapi.json": to_json(document)}
            progress(2, 3, "openapi.json")
            files["openapi.yaml"] = to_yaml(document)
            progress(3, 3, "openapi.yaml")
        readme = environment(self.name, options.templates).get_template("README.md.j2")
        files["README.md"] = readme.render(
            api_version=_markdown_code(schema.api_version),
            openapi_version=OPENAPI_VERSION,
            sample=options.sample,
            operations=sum(1 for _ in schema.actions) + 1,
            schemas=len(schema.classes) + len(schema.enums),
            errors=len(schema.errors),
        ).encode("utf-8")
        return files


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The document is a tree of ~10^6 fresh dicts, lists and strings without a cycle:
    reference counting frees it, and the cyclic collector's passes over it would cost a
    third of the export of ovp-22.19.0."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _markdown_code(text: str) -> str:
    """Schema text as inline Markdown code on one line (backticks cannot end it)."""
    flat = comment_text(text).replace("`", "'")
    return f"`{flat}`" if flat else "(none)"


TARGET = OpenApiTarget()
