"""The docs target: the API reference and the TestMe console as one static site.

`generate --target docs --out DIR` writes HTML pages for every service, action, class,
enum, error, plugin and configuration, general pages on the wire format, a search index
and the console (`console.html`), all working from `file://` with no network: assets are
copied from `templates/docs/runtime/`, model data for the console is split into small
`<script>` data files loaded on demand. `serve` hosts the same site at `/api_v3/testme/`
(`generator.targets.docs.hosting`).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlparse

from generator.diagnostics import Diagnostic
from generator.model import Schema
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress
from generator.targets.shared.cache import cached_render

__all__ = ["TARGET", "DocsTarget"]


def _check_url(value: str) -> str | None:
    parsed = urlparse(value)
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return None
    return "expected an http(s) URL such as https://www.kaltura.com"


class DocsTarget:
    name = "docs"
    description = "API reference and TestMe console: a static HTML site (no CDN, works offline)"
    settings: tuple[Setting, ...] = (
        Setting(
            "service_url",
            "server URL in the code examples (the console defaults to the page's origin)",
            "https://www.kaltura.com",
            check=_check_url,
        ),
    )
    templates: Mapping[str, str] = {
        "base.html.jinja": "page frame: header, search box, navigation, footer",
        "macros.html.jinja": "type links, flags and code blocks shared by the pages",
        "index.html.jinja": "home: counts, services by plugin, links to everything",
        "service.html.jinja": "a service: description, plugin, its actions",
        "action.html.jinja": "an action: signature, parameters, result, errors, flags, code",
        "class.html.jinja": "a class: base chain, subclasses, properties, related actions",
        "enum.html.jinja": "an enum: values and descriptions",
        "errors.html.jinja": "errors by first letter: code, message, parameters",
        "plugin.html.jinja": "a plugin (or core): its services, classes and enums",
        "plugins.html.jinja": "every plugin with its dependencies",
        "configurations.html.jinja": "client and request configurations",
        "guide_requests.html.jinja": "general page: the request format",
        "guide_responses.html.jinja": "general page: the response format",
        "guide_ks.html.jinja": "general page: Kaltura Sessions",
        "guide_multirequest.html.jinja": "general page: multi-request",
        "guide_uploads.html.jinja": "general page: file uploads",
        "console.html.jinja": "the TestMe console page (console.js builds the form)",
    }

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        # Names are identifiers (validate) and every text is escaped: nothing to refuse.
        return []

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        from generator.targets.docs.site import render_site

        url = options.setting(self, "service_url")
        return cached_render(
            self.name,
            schema,
            options,
            lambda: render_site(schema, options, url, progress, parallel=True),
            progress,
        )


TARGET = DocsTarget()
