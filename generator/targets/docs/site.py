"""The static site: reference pages, search index shards, console data files.

All decisions (what is on which page, URLs, cross references, example values) are made
here; templates only lay out HTML with autoescaping ON. Names reach URLs and ids only
through `safe.slug`; JSON reaches pages and data scripts only through `safe.json_text`.
"""

from __future__ import annotations

import marshal
import os
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from generator.model import (
    ActionDef,
    ArrayType,
    ClassDef,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    ParamDef,
    PrimitiveType,
    PropertyDef,
    Schema,
    ServiceDef,
    SessionRequirement,
    Type,
    referenced_classes,
    type_name,
)
from generator.targets import GenerateOptions, Progress, RenderedFiles, no_progress
from generator.targets.docs import examples
from generator.targets.docs.safe import json_text, slug
from generator.targets.shared.lowering import (
    DefaultKind,
    doc_text,
    effective_configurations,
    first_line,
    param_default,
    property_notes,
)
from generator.targets.shared.templating import environment, runtime_files

__all__ = ["SEARCH_SHARD_SIZE", "render_site"]

SEARCH_SHARD_SIZE = 2500
PARALLEL_MIN_JOBS = 400  # below this a fork costs more than it saves
EXAMPLE_KS = "YOUR_KS"
GUIDES = (
    ("requests", "Request format"),
    ("responses", "Response format"),
    ("ks", "Kaltura Sessions (KS)"),
    ("multirequest", "Multi-request"),
    ("uploads", "Uploading files"),
)
# Kinds in the search index (short codes keep the shards small).
KIND_SERVICE, KIND_ACTION, KIND_CLASS, KIND_ENUM, KIND_PROPERTY, KIND_ERROR = "sacepr"


# -------------------------------------------------------------------------------- URLs


def service_url(service: ServiceDef) -> str:
    return f"service/{slug(service.id)}.html"


def action_url(service: ServiceDef, action: ActionDef) -> str:
    return f"action/{slug(service.id)}.{slug(action.name)}.html"


def class_url(name: str) -> str:
    return f"class/{slug(name)}.html"


def enum_url(name: str) -> str:
    return f"enum/{slug(name)}.html"


def plugin_url(name: str | None) -> str:
    return "core.html" if name is None else f"plugin/{slug(name)}.html"


def error_letter(name: str) -> str:
    return slug(name[:1].upper() or "_")


def error_url(name: str) -> str:
    return f"error/{error_letter(name)}.html#{slug(name)}"


def console_link(service: ServiceDef, action: ActionDef) -> str:
    return f"console.html#s={quote(service.id)}&a={quote(action.name)}"


# ------------------------------------------------------------------------- type views


@dataclass(frozen=True)
class Segment:
    text: str
    href: str | None = None


def type_segments(t: Type | None) -> list[Segment]:
    """A type as text pieces, class and enum names linked to their pages."""
    if t is None:
        return [Segment("void")]
    if isinstance(t, ArrayType):
        return [Segment("array<"), *type_segments(t.item), Segment(">")]
    if isinstance(t, MapType):
        return [Segment("map<"), *type_segments(t.value), Segment(">")]
    if isinstance(t, ObjectType):
        if t.cls is None:
            return [Segment(t.name)]
        return [Segment(t.name, class_url(t.name))]
    if t.enum is not None:
        return [
            Segment(f"{t.primitive.value}<"),
            Segment(t.enum.name, enum_url(t.enum.name)),
            Segment(">"),
        ]
    return [Segment(t.primitive.value)]


def type_code(t: Type | None) -> str:
    """Compact type descriptor for the console: `int`, `e:Enum`, `o:Class`, `a:<t>`, `m:<t>`."""
    if t is None:
        return "void"
    if isinstance(t, ArrayType):
        return "a:" + type_code(t.item)
    if isinstance(t, MapType):
        return "m:" + type_code(t.value)
    if isinstance(t, ObjectType):
        return "o:" + (t.cls.name if t.cls is not None else "")
    if t.enum is not None:
        return "e:" + t.enum.name
    return t.primitive.value


def _enums_in(t: Type | None) -> Iterator[EnumDef]:
    if isinstance(t, PrimitiveType) and t.enum is not None:
        yield t.enum
    elif isinstance(t, ArrayType):
        yield from _enums_in(t.item)
    elif isinstance(t, MapType):
        yield from _enums_in(t.value)


def default_text(p: ParamDef) -> str:
    default = param_default(p)
    if default.kind is DefaultKind.REQUIRED:
        return ""
    if default.kind is DefaultKind.NONE:
        return "null"
    if default.kind is DefaultKind.BOOL:
        return "true" if default.value else "false"
    if default.kind is DefaultKind.STRING:
        return '""' if default.value == "" else f'"{default.value}"'
    return str(default.value)


def constraints(p: PropertyDef) -> list[str]:
    out = []
    for label, value in (
        ("min value", p.min_value),
        ("max value", p.max_value),
        ("min length", p.min_length),
        ("max length", p.max_length),
        ("values min value", p.values_min_value),
        ("truncated to (UTF-8)", p.utf8_truncate),
    ):
        if value is not None:
            out.append(f"{label} {value}")
    if p.nullable:
        out.append("nullable")
    if p.multi_lingual:
        out.append("multi-lingual")
    if p.values_enum is not None:
        out.append(f"comma-separated values of {p.values_enum.name}")
    if p.requires_permissions:
        out.append("requires permissions: " + ", ".join(p.requires_permissions))
    return out


def session_text(s: SessionRequirement | None) -> str:
    if s is None:
        return "not declared (a KS is verified when sent)"
    return {
        SessionRequirement.ALWAYS: "required",
        SessionRequirement.OPTIONAL: "optional",
        SessionRequirement.NONE: "none",
    }[s]


# ------------------------------------------------------------------------------ site


class Site:
    def __init__(self, schema: Schema, options: GenerateOptions, service_url_: str) -> None:
        self.schema = schema
        self.options = options
        self.service_url = service_url_
        self.names = examples.Names(schema, options.sample)
        self.ott = "ottuser" in schema.services or "KalturaOTTUser" in schema.classes
        self.env = environment(
            "docs",
            options.templates,
            autoescape=True,
            filters={"json_script": _json_script},
            globals={"type_ref": self.type_ref, "links": self.links},
        )
        # Templates do not change during a render: skip Jinja's per-use mtime checks
        # (`extends`/`import` look their templates up on every page).
        self.env.auto_reload = False
        self._templates: dict[str, jinja2.Template] = {}
        self._link_html: dict[tuple[str, str, str], Markup] = {}
        self._type_html: dict[tuple[str, str], Markup] = {}
        self._rows: dict[tuple[int, str, bool], Markup] = {}
        self._enum_cache: dict[str, dict[str, Any]] = {}
        self.files: RenderedFiles = {}
        self._takes: dict[str, list[tuple[ServiceDef, ActionDef]]] = defaultdict(list)
        self._returns: dict[str, list[tuple[ServiceDef, ActionDef]]] = defaultdict(list)
        for service, action in schema.actions:
            seen: set[str] = set()
            for p in action.params:
                for cls in referenced_classes(p.type):
                    if cls.name not in seen:
                        seen.add(cls.name)
                        self._takes[cls.name].append((service, action))
            for cls in referenced_classes(action.result):
                self._returns[cls.name].append((service, action))
        self.search_shards = 0

    # -- output helpers

    def page(self, path: str, template: str, title: str, **context: Any) -> None:
        depth = path.count("/")
        html = self._template(template).render(
            root="../" * depth,
            title=title,
            api_version=self.schema.api_version,
            shards=self.search_shards,
            sample=self.options.sample,
            guides=GUIDES,
            **context,
        )
        self.files[path] = html.encode("utf-8")

    def _template(self, name: str) -> jinja2.Template:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(name)
        return template

    def links(
        self, items: list[tuple[str, str]], root: str, sep: str = ", ", empty: str = "\u2014"
    ) -> Markup:
        """Links joined by `sep` (names escaped, hrefs from `slug`), or `empty`."""
        if not items:
            return escape(empty)
        link = self._link
        return escape(sep).join([link(name, href, root) for name, href, *_ in items])

    def _link(self, name: str, href: str, root: str) -> Markup:
        key = (name, href, root)
        html = self._link_html.get(key)
        if html is None:
            html = self._link_html[key] = Markup('<a href="{}{}">{}</a>').format(root, href, name)
        return html

    def type_ref(self, t: Type | None, root: str) -> Markup:
        """A type as HTML with its class/enum names linked; every piece escaped. Cached:
        class pages show the same types thousands of times."""
        key = (type_code(t), root)
        html = self._type_html.get(key)
        if html is None:
            parts = [
                (
                    Markup('<a href="{}{}">{}</a>').format(root, s.href, s.text)
                    if s.href
                    else escape(s.text)
                )
                for s in type_segments(t)
            ]
            html = self._type_html[key] = Markup('<code class="type">{}</code>').format(
                Markup("").join(parts)
            )
        return html

    def data(self, path: str, key: str, value: object) -> None:
        self.files[path] = f"KDOCS.put({json_text(key)},{json_text(value)});\n".encode()

    # -- everything

    def render(self, progress: Progress, parallel: bool = False) -> RenderedFiles:
        self.files.update(runtime_files("docs"))
        self.search_index()
        jobs: list[tuple[str, Any]] = [("service", s) for s in self.schema.services.values()]
        jobs += [("class", c) for c in self.schema.classes.values()]
        jobs += [("enum", e) for e in self.schema.enums.values()]
        if parallel and len(jobs) > PARALLEL_MIN_JOBS and _can_fork():
            self._run_forked(jobs, progress)
        else:
            self._run(jobs, progress)
        self.error_pages()
        self.plugin_pages()
        self.configurations_page()
        self.guide_pages()
        self.index_page()
        self.console_page()
        progress(len(jobs), len(jobs), "site")
        return self.files

    def _run(self, jobs: list[tuple[str, Any]], progress: Progress) -> None:
        for done, (kind, item) in enumerate(jobs, 1):
            if kind == "service":
                self.service_page(item)
                for action in item.actions:
                    self.action_page(item, action)
                self.service_data(item)
            elif kind == "class":
                self.class_page(item)
                self.class_data(item)
            else:
                self.enum_page(item)
            if done % 200 == 0:
                progress(done, len(jobs), f"{kind} pages")

    def _run_forked(self, jobs: list[tuple[str, Any]], progress: Progress) -> None:
        """Half the pages in a forked child (2 cores halve the wall time); the child sends
        its files back through a pipe as marshal data (bytes and strings only)."""
        # Compile every template before forking so both processes start warm.
        for name in self.env.list_templates(filter_func=lambda n: n.endswith(".jinja")):
            self._template(name)
        mine, theirs = jobs[::2], jobs[1::2]
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: render, send, exit without running the parent's cleanup
            status = 1
            try:
                os.close(read_fd)
                self.files = {}
                self._run(theirs, no_progress)
                with os.fdopen(write_fd, "wb") as out:
                    out.write(marshal.dumps(self.files))
                status = 0
            finally:
                os._exit(status)
        os.close(write_fd)
        own = self.files
        self._run(mine, progress)
        with os.fdopen(read_fd, "rb") as incoming:
            data = incoming.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:  # the child failed: render its half here
            self._run(theirs, progress)
            return
        child_files = marshal.loads(data)
        own.update(child_files)

    # -- search

    def search_index(self) -> None:
        entries: list[list[str]] = []
        for service in self.schema.services.values():
            entries.append([service.name, KIND_SERVICE, service_url(service)])
            if service.id != service.name:
                entries.append([service.id, KIND_SERVICE, service_url(service)])
            for action in service.actions:
                label = f"{service.name}.{action.name}"
                entries.append([label, KIND_ACTION, action_url(service, action)])
        for cls in self.schema.classes.values():
            entries.append([cls.name, KIND_CLASS, class_url(cls.name)])
        for enum in self.schema.enums.values():
            entries.append([enum.name, KIND_ENUM, enum_url(enum.name)])
        for cls in self.schema.classes.values():
            for prop in cls.properties:
                href = f"{class_url(cls.name)}#p-{slug(prop.name)}"
                entries.append([f"{cls.name}.{prop.name}", KIND_PROPERTY, href])
        for error in self.schema.errors.values():
            entries.append([error.name, KIND_ERROR, error_url(error.name)])
            if error.code != error.name:
                entries.append([f"{error.code} {error.name}", KIND_ERROR, error_url(error.name)])
        shards = [
            entries[i : i + SEARCH_SHARD_SIZE] for i in range(0, len(entries), SEARCH_SHARD_SIZE)
        ] or [[]]
        self.search_shards = len(shards)
        for index, shard in enumerate(shards):
            self.data(f"data/search/{index}.js", f"search/{index}", shard)

    # -- pages

    def action_view(self, service: ServiceDef, action: ActionDef) -> dict[str, Any]:
        params = []
        for p in action.params:
            default = param_default(p)
            params.append(
                {
                    "name": p.name,
                    "anchor": f"param-{slug(p.name)}",
                    "type": p.type,
                    "optional": p.optional,
                    "default": default_text(p) if not default.required else "",
                    "description": p.description.strip(),
                    "enum": p.enum,
                }
            )
        errors = []
        for name in action.throws:
            error = self.schema.errors.get(name)
            errors.append(
                {
                    "name": name,
                    "href": error_url(name) if error is not None else None,
                    "code": error.code if error is not None else "",
                    "message": error.message if error is not None else "",
                    "parameters": error.parameters if error is not None else (),
                }
            )
        signature = ", ".join(
            f"{p.name}: {type_name(p.type)}" + (f" = {default_text(p)}" if p.optional else "")
            for p in action.params
        )
        return {
            "service": service,
            "action": action,
            "url": action_url(service, action),
            "title": f"{service.name}.{action.name}",
            "summary": first_line(action.description),
            "description": doc_text(action.description),
            "signature": f"{service.name}.{action.name}({signature}) -> {type_name(action.result)}",
            "params": params,
            "result": action.result,
            "errors": errors,
            "session": session_text(action.session_required),
            "formats_in": ", ".join(action.supported_request_formats) or "any",
            "formats_out": ", ".join(action.supported_response_formats) or "any",
            "console": console_link(service, action),
        }

    def service_page(self, service: ServiceDef) -> None:
        actions = [self.action_view(service, a) for a in service.actions]
        self.page(
            service_url(service),
            "service.html.jinja",
            f"{service.name} service",
            service=service,
            description=doc_text(service.description),
            plugin_href=plugin_url(service.plugin),
            actions=actions,
        )

    def action_page(self, service: ServiceDef, action: ActionDef) -> None:
        view = self.action_view(service, action)
        call = examples.example_call(self.schema, service, action)
        code = {
            "python": examples.python_example(self.names, call, self.service_url, EXAMPLE_KS),
            "typescript": examples.typescript_example(
                self.names, call, self.service_url, EXAMPLE_KS
            ),
            "curl": examples.curl_example(call, self.service_url, EXAMPLE_KS),
        }
        self.page(
            view["url"],
            "action.html.jinja",
            view["title"],
            view=view,
            code=code,
            service_href=service_url(service),
            plugin_href=plugin_url(action.plugin or service.plugin),
        )

    def class_page(self, cls: ClassDef) -> None:
        chain = list(cls.ancestors())
        own = {p.name for p in cls.properties}
        declaring: dict[str, ClassDef] = {}
        for ancestor in [*reversed(chain), cls]:
            for prop in ancestor.properties:
                declaring[prop.name] = ancestor
        row_macro = self._template("macros.html.jinja").module.prop_row  # type: ignore[attr-defined]
        rows = []
        for prop in cls.all_properties:
            owner = declaring[prop.name]
            inherited = prop.name not in own or owner is not cls
            key = (id(prop), owner.name, inherited)
            row = self._rows.get(key)
            if row is None:
                view = {
                    "name": prop.name,
                    "anchor": f"p-{slug(prop.name)}",
                    "type": prop.type,
                    "notes": property_notes(prop),
                    "constraints": constraints(prop),
                    "description": prop.description.strip(),
                    "deprecated": prop.deprecated,
                    "inherited": inherited,
                    "owner": owner.name,
                    "owner_href": class_url(owner.name),
                    "values_enum_href": (
                        enum_url(prop.values_enum.name) if prop.values_enum else None
                    ),
                }
                row = self._rows[key] = Markup(row_macro(view, "../"))
            rows.append(row)
        subclasses = list(self.schema.descendants(cls))
        self.page(
            class_url(cls.name),
            "class.html.jinja",
            cls.name,
            cls=cls,
            description=doc_text(cls.description),
            chain=[(c.name, class_url(c.name)) for c in chain],
            subclasses=[(c.name, class_url(c.name), c.abstract) for c in subclasses],
            rows=rows,
            takes=[(f"{s.name}.{a.name}", action_url(s, a)) for s, a in self._takes[cls.name]],
            returns=[(f"{s.name}.{a.name}", action_url(s, a)) for s, a in self._returns[cls.name]],
            plugin_href=plugin_url(cls.plugin),
        )

    def enum_page(self, enum: EnumDef) -> None:
        self.page(
            enum_url(enum.name),
            "enum.html.jinja",
            enum.name,
            enum=enum,
            kind="int" if enum.kind is EnumKind.INT else "string",
            description=doc_text(enum.description),
            consts=[(c.name, c.value, f"v-{slug(c.name)}") for c in enum.consts],
            plugin_href=plugin_url(enum.plugin),
        )

    def error_pages(self) -> None:
        by_letter: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for error in self.schema.errors.values():
            by_letter[error_letter(error.name)].append(
                {
                    "name": error.name,
                    "anchor": slug(error.name),
                    "code": error.code,
                    "message": error.message,
                    "description": error.description.strip(),
                    "parameters": error.parameters,
                }
            )
        letters = sorted(by_letter)
        for letter in letters:
            self.page(
                f"error/{letter}.html",
                "errors.html.jinja",
                f"Errors: {letter}",
                letter=letter,
                letters=letters,
                errors=by_letter[letter],
            )
        self.page(
            "errors.html",
            "errors.html.jinja",
            "Errors",
            letter=None,
            letters=letters,
            errors=[],
            counts={letter: len(by_letter[letter]) for letter in letters},
        )

    def plugin_pages(self) -> None:
        groups: dict[str | None, dict[str, list[Any]]] = defaultdict(
            lambda: {"services": [], "classes": [], "enums": []}
        )
        for service in self.schema.services.values():
            groups[service.plugin]["services"].append((service.name, service_url(service)))
        for cls in self.schema.classes.values():
            groups[cls.plugin]["classes"].append((cls.name, class_url(cls.name), cls.deprecated))
        for enum in self.schema.enums.values():
            groups[enum.plugin]["enums"].append((enum.name, enum_url(enum.name), enum.deprecated))
        plugins = []
        for plugin in self.schema.plugins.values():
            deps = [(d.name, plugin_url(d.name)) for d in plugin.dependencies]
            plugins.append((plugin.name, plugin_url(plugin.name), deps))
            self.page(
                plugin_url(plugin.name),
                "plugin.html.jinja",
                f"{plugin.name} plugin",
                name=plugin.name,
                deps=deps,
                group=groups[plugin.name],
            )
        self.page("core.html", "plugin.html.jinja", "Core", name=None, deps=[], group=groups[None])
        self.page("plugins.html", "plugins.html.jinja", "Plugins", plugins=plugins)

    def configurations_page(self) -> None:
        configs = effective_configurations(self.schema)
        groups = [
            (
                title,
                [(e.name, e.type, e.alias or "", e.volatile, e.description) for e in entries],
            )
            for title, entries in (
                ("Client configuration", configs.client),
                ("Request configuration", configs.request),
            )
        ]
        self.page(
            "configurations.html", "configurations.html.jinja", "Configurations", groups=groups
        )

    def _guide_facts(self) -> dict[str, Any]:
        """Facts the general pages quote from the schema (examples come from real actions)."""
        schema = self.schema
        file_actions = [
            (f"{s.name}.{a.name}", action_url(s, a)) for s, a in schema.actions if a.file_params
        ]
        list_call = next(
            ((s, a) for s, a in schema.actions if a.name == "list" and s.name == "media"), None
        ) or next(((s, a) for s, a in schema.actions if a.name == "list"), None)
        multi_calls: list[examples.Call] = []
        if list_call is not None:
            multi_calls = [
                examples.example_call(schema, *list_call),
                examples.example_call(schema, *list_call),
            ]
        facts: dict[str, Any] = {
            "file_actions": file_actions[:40],
            "file_action_count": len(file_actions),
            "json_only": [
                (f"{s.name}.{a.name}", action_url(s, a))
                for s, a in schema.actions
                if a.supported_response_formats
                and "xml" not in [f.lower() for f in a.supported_response_formats]
            ][:20],
            "ott": self.ott,
            "session_start": self._find("session", "start"),
            "login": self._find("user", "loginByLoginId"),
            "ott_login": self._find("ottUser", "login"),
            "request_configs": [e.name for e in effective_configurations(schema).request],
            "multi_python": (
                examples.python_multirequest(self.names, multi_calls, self.service_url, EXAMPLE_KS)
                if multi_calls
                else ""
            ),
            "multi_typescript": (
                examples.typescript_multirequest(
                    self.names, multi_calls, self.service_url, EXAMPLE_KS
                )
                if multi_calls
                else ""
            ),
            "multi_service": list_call[0].id if list_call else "",
            "multi_action": list_call[1].name if list_call else "",
        }
        return facts

    def _find(self, service_name: str, action_name: str) -> tuple[str, str] | None:
        service = self.schema.service_by_name(service_name)
        if service is None:
            return None
        action = service.action(action_name)
        if action is None:
            return None
        return (f"{service.name}.{action.name}", action_url(service, action))

    def guide_pages(self) -> None:
        facts = self._guide_facts()
        for name, title in GUIDES:
            self.page(f"guide/{name}.html", f"guide_{name}.html.jinja", title, facts=facts)

    def index_page(self) -> None:
        services = sorted(self.schema.services.values(), key=lambda s: (s.plugin or "", s.name))
        rows = [
            (s.name, service_url(s), s.plugin, s.deprecated, first_line(s.description))
            for s in services
        ]
        counts = {
            "services": len(self.schema.services),
            "actions": sum(len(s.actions) for s in self.schema.services.values()),
            "classes": len(self.schema.classes),
            "enums": len(self.schema.enums),
            "errors": len(self.schema.errors),
            "plugins": len(self.schema.plugins),
        }
        self.page("index.html", "index.html.jinja", "API reference", rows=rows, counts=counts)

    # -- console data

    def _enum_data(self, enums: dict[str, EnumDef]) -> dict[str, Any]:
        out = {}
        for name, enum in sorted(enums.items()):
            cached = self._enum_cache.get(name)
            if cached is not None:
                out[name] = cached
                continue
            members = self.names.ts_members(enum)
            out[name] = self._enum_cache[name] = {
                "k": "int" if enum.kind is EnumKind.INT else "string",
                "pm": self.names.py_module(enum.plugin),
                "c": [
                    [
                        c.name,
                        c.value,
                        self.names.py_const(enum, c.value) or "",
                        member,
                    ]
                    for c, member in zip(enum.consts, members, strict=True)
                ],
            }
        return out

    def service_data(self, service: ServiceDef) -> None:
        enums: dict[str, EnumDef] = {}
        actions = {}
        for action in service.actions:
            params = []
            for p in action.params:
                for enum in _enums_in(p.type):
                    enums[enum.name] = enum
                default = param_default(p)
                params.append(
                    {
                        "n": p.name,
                        "t": type_code(p.type),
                        "o": p.optional,
                        "df": "" if default.required else default_text(p),
                        "d": first_line(p.description),
                        "py": self.names.py_param(p.name),
                        "ts": self.names.ts_request_field(p.name),
                    }
                )
            actions[action.name] = {
                "p": params,
                "r": type_code(action.result),
                "d": first_line(action.description),
                "mr": action.enable_in_multi_request,
                "rf": list(action.supported_response_formats),
                "py": self.names.py_method(action),
                "ts": self.names.ts_action(service, action),
                "doc": action_url(service, action),
            }
        self.data(
            f"data/service/{slug(service.id)}.js",
            f"service/{service.id}",
            {
                "id": service.id,
                "name": service.name,
                "pys": self.names.py_service_path(service),
                "actions": actions,
                "enums": self._enum_data(enums),
            },
        )

    def class_data(self, cls: ClassDef) -> None:
        enums: dict[str, EnumDef] = {}
        props = []
        for prop in cls.all_properties:
            for enum in _enums_in(prop.type):
                enums[enum.name] = enum
            props.append(
                {
                    "n": prop.name,
                    "t": type_code(prop.type),
                    "ro": prop.read_only,
                    "io": prop.insert_only,
                    "d": first_line(prop.description),
                    "py": self.names.py_param(prop.name),
                    "ts": self.names.ts_object_field(prop.name),
                }
            )
        concrete = [c.name for c in [cls, *self.schema.descendants(cls)] if not c.abstract]
        self.data(
            f"data/class/{slug(cls.name)}.js",
            f"class/{cls.name}",
            {
                "n": cls.name,
                "abstract": cls.abstract,
                "pm": self.names.py_module(cls.plugin),
                "sub": concrete,
                "props": props,
                "enums": self._enum_data(enums),
                "doc": class_url(cls.name),
            },
        )

    def console_page(self) -> None:
        services = []
        for service in sorted(self.schema.services.values(), key=lambda s: s.name.lower()):
            services.append(
                {
                    "id": service.id,
                    "n": service.name,
                    "f": slug(service.id),
                    "a": [a.name for a in service.actions],
                }
            )
        catalog = {
            "api": self.schema.api_version,
            "ott": self.ott,
            "services": services,
            "classFiles": {n: slug(n) for n in self.schema.classes if slug(n) != n},
            "tsPackage": self.names.ts_package,
            # From file:// there is no origin: the console then talks to the configured server.
            "serviceUrl": self.service_url,
            "jsonOnly": self.ott,
            "helpers": {
                "sessionStart": self._find("session", "start") is not None,
                "loginByLoginId": self._find("user", "loginByLoginId") is not None,
                "ottLogin": self._find("ottUser", "login") is not None,
            },
        }
        self.page("console.html", "console.html.jinja", "TestMe console", catalog=catalog)


def _json_script(value: object) -> Markup:
    """JSON for a `<script type="application/json">` body: `<`, `>`, `&` and U+2028/2029
    are escaped by `json_text`, so no schema text can close the element."""
    return Markup(json_text(value))


def render_site(
    schema: Schema,
    options: GenerateOptions,
    service_url_: str,
    progress: Progress,
    parallel: bool = False,
) -> RenderedFiles:
    """The site's files. `parallel` renders half the pages in a forked process (only where
    forking is safe: POSIX, more than one CPU, no other thread running)."""
    return Site(schema, options, service_url_).render(progress, parallel)


def _can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
