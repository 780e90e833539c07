"""The one pipeline every command runs: read -> parse -> validate -> select -> lower -> render
-> write. Each stage is a function over values; none prints, none exits.

    read      `generator.sources`: bytes from a path, '-' or an http(s) URL
    parse     `generator.parser` (+ `generator.validate`): the linked model and diagnostics
    select    `generator.select`: --include/--exclude and tree-shaking, once, for all targets
    lower     the target's `check` (diagnostics with schema lines) and settings
    render    the target's `render`: files in memory (shared pieces: `generator.targets.shared`)
    write     `generator.output`: atomic swap and manifest (or `inspect_tree` for `check`)

Problems with the input come back as `Failure` values (a message or diagnostics) for the
CLI to print; exceptions escaping from here are bugs of ours.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic, SchemaLoadError
from generator.manifest import Manifest, SchemaInfo, build_manifest
from generator.model import Schema
from generator.parser import ParseResult, parse_bytes
from generator.paths import DEFAULT_SCHEMA
from generator.select import SelectionError, select
from generator.sources import DEFAULT_TIMEOUT, read_source
from generator.targets import (
    GenerateOptions,
    Progress,
    RenderedFiles,
    SettingError,
    Target,
    get_target,
    no_progress,
)
from generator.targets.shared.templating import override_digest, override_problems

__all__ = [
    "Failure",
    "Loaded",
    "RenderRequest",
    "Rendered",
    "is_sample",
    "load",
    "lower",
    "parse_settings",
    "render",
    "render_schema",
    "run",
]


@dataclass(frozen=True)
class Failure:
    """The input cannot be used: one line of text, or the diagnostics that explain it."""

    message: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class Loaded:
    data: bytes
    name: str
    schema: Schema
    result: ParseResult
    sample: bool


@dataclass(frozen=True)
class RenderRequest:
    schema_source: str | None  # None: the embedded sample schema
    target: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()  # raw `key=value` pairs from --set
    templates: Path | None = None
    cache_dir: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    refresh: bool = False


@dataclass(frozen=True)
class Rendered:
    loaded: Loaded
    options: GenerateOptions
    files: RenderedFiles
    manifest: Manifest
    warnings: tuple[Diagnostic, ...] = field(default=())


_SAMPLE_DIGEST: str | None = None


def is_sample(data: bytes) -> bool:
    """True for the embedded sample schema's exact bytes, whatever path they came from."""
    global _SAMPLE_DIGEST
    if _SAMPLE_DIGEST is None:
        _SAMPLE_DIGEST = hashlib.sha256(DEFAULT_SCHEMA.read_bytes()).hexdigest()
    return hashlib.sha256(data).hexdigest() == _SAMPLE_DIGEST


# ------------------------------------------------------------------ read, parse, validate


def load(
    source: str | None,
    *,
    cache_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    refresh: bool = False,
) -> Loaded | Failure:
    """Read and parse (with validation); a schema with errors is a `Failure`."""
    try:
        data, name = read_source(
            source or str(DEFAULT_SCHEMA), cache_dir=cache_dir, timeout=timeout, refresh=refresh
        )
        result = parse_bytes(data, name)
    except SchemaLoadError as exc:
        return Failure(diagnostics=(exc.diagnostic,))
    if result.errors or result.schema is None:
        return Failure(
            f"{name}: {len(result.errors)} error(s); run `kaltura-codegen validate` for all "
            "diagnostics",
            tuple(result.errors),
        )
    return Loaded(data, name, result.schema, result, is_sample(data))


# ---------------------------------------------------------------------------- lower


def parse_settings(target: Target, pairs: Iterable[str]) -> dict[str, str]:
    """`--set key=value` pairs checked against the target's declared settings.

    Values equal to the default are dropped, so the manifest records only what differs."""
    declared = {s.name: s for s in target.settings}
    chosen: dict[str, str] = {}
    for pair in pairs:
        key, eq, value = pair.partition("=")
        key = key.strip()
        if not eq or not key:
            raise SettingError(f"--set {pair!r}: expected key=value")
        setting = declared.get(key)
        if setting is None:
            known = ", ".join(sorted(declared)) or "none"
            raise SettingError(
                f"--set {key}: the {target.name} target has no such setting (settings: {known}; "
                f"see `kaltura-codegen templates --target {target.name}`)"
            )
        setting.validate(value)
        if value == setting.default:
            chosen.pop(key, None)
        else:
            chosen[key] = value
    return dict(sorted(chosen.items()))


def lower(
    loaded: Loaded, target: Target, request: RenderRequest
) -> tuple[Schema, GenerateOptions, tuple[Diagnostic, ...]] | Failure:
    """Select, resolve options, and let the target check the selected schema."""
    try:
        settings = parse_settings(target, request.settings)
    except SettingError as exc:
        return Failure(str(exc))
    if request.templates is not None:
        problems = override_problems(target.name, request.templates)
        if problems:
            return Failure("\n".join(problems))
    try:
        selected = select(loaded.schema, request.include, request.exclude)
    except SelectionError as exc:
        return Failure(str(exc))
    options = GenerateOptions(
        include=request.include,
        exclude=request.exclude,
        settings=settings,
        templates=request.templates,
        templates_digest=override_digest(request.templates),
        sample=loaded.sample,
    )
    found = tuple(target.check(selected, options))
    errors = tuple(d for d in found if d.is_error)
    if errors:
        return Failure(
            f"{loaded.name}: {len(errors)} error(s) for the {target.name} target; "
            f"run `kaltura-codegen validate --target {target.name}` for all diagnostics",
            errors,
        )
    return selected, options, tuple(d for d in found if not d.is_error)


# --------------------------------------------------------------------------- render


def render(
    loaded: Loaded,
    target: Target,
    request: RenderRequest,
    progress: Progress = no_progress,
) -> Rendered | Failure:
    lowered = lower(loaded, target, request)
    if isinstance(lowered, Failure):
        return lowered
    selected, options, warnings = lowered
    files = target.render(selected, options, progress)
    info = SchemaInfo.of(loaded.data, loaded.schema.api_version, loaded.schema.generated_date)
    manifest = build_manifest(target.name, options, info, files)
    return Rendered(loaded, options, files, manifest, warnings)


def run(
    request: RenderRequest,
    progress: Progress = no_progress,
    targets: Mapping[str, Target] | None = None,
) -> Rendered | Failure:
    """read -> parse -> validate -> select -> lower -> render, for one target."""
    loaded = load(
        request.schema_source,
        cache_dir=request.cache_dir,
        timeout=request.timeout,
        refresh=request.refresh,
    )
    if isinstance(loaded, Failure):
        return loaded
    target = (targets or {}).get(request.target) or get_target(request.target)
    return render(loaded, target, request, progress)


def render_schema(
    schema: Schema,
    target: str | Target,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    settings: Iterable[str] = (),
    progress: Progress = no_progress,
) -> RenderedFiles:
    """select -> lower -> render for a model already in memory (tools and tests).

    Raises `ValueError` with the failure's text for bad options or target errors."""
    chosen = get_target(target) if isinstance(target, str) else target
    loaded = Loaded(b"", schema.source_file, schema, ParseResult(schema, []), False)
    request = RenderRequest(None, chosen.name, tuple(include), tuple(exclude), tuple(settings))
    outcome = render(loaded, chosen, request, progress)
    if isinstance(outcome, Failure):
        lines = [str(d) for d in outcome.diagnostics] + [outcome.message]
        raise ValueError("\n".join(line for line in lines if line))
    return outcome.files
