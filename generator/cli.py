"""The `kaltura-codegen` command line."""

from __future__ import annotations

import difflib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from generator import __version__, pipeline
from generator.diagnostics import Diagnostic, Level, SchemaLoadError
from generator.model import Schema
from generator.output import OutputError, Status, inspect_tree, write_tree
from generator.parser import ParseResult, parse_bytes
from generator.paths import DEFAULT_SCHEMA
from generator.pipeline import Failure, Loaded, Rendered, RenderRequest
from generator.report import class_listing, schema_to_json, service_listing, summary
from generator.sources import DEFAULT_TIMEOUT, load_schema, read_source
from generator.targets import TARGETS, GenerateOptions, Target, get_target

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
EXIT_INTERRUPTED = 130

# Set to get Python tracebacks for internal errors instead of the one-line report.
DEBUG_ENV = "KALTURA_CODEGEN_DEBUG"


def fail_unusable(diagnostic: Diagnostic) -> NoReturn:
    click.echo(str(diagnostic), err=True)
    sys.exit(EXIT_UNUSABLE)


def load_or_exit(
    source: str,
    *,
    cache_dir: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    refresh: bool = False,
) -> ParseResult:
    """Load SOURCE or exit 2 with one diagnostic line; never a traceback for bad input."""
    try:
        return load_schema(source, cache_dir=cache_dir, timeout=timeout, refresh=refresh)
    except SchemaLoadError as exc:
        fail_unusable(exc.diagnostic)
    except Exception as exc:  # a bug of ours: still one line, exit 2 (see DEBUG_ENV)
        if os.environ.get(DEBUG_ENV):
            raise
        fail_unusable(
            Diagnostic(
                Level.ERROR,
                "-" if source == "-" else source,
                0,
                "",
                f"internal error while reading the schema: {type(exc).__name__}: {exc} "
                f"(set {DEBUG_ENV}=1 for a traceback, and please report it)",
            )
        )


F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    click.echo(f"kaltura-codegen: error: {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


class TargetName(click.ParamType[str]):
    """A target name, checked against the registry when used (so it can be extended)."""

    name = "target"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return "[" + "|".join(sorted(TARGETS)) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if value in TARGETS:
            return str(value)
        self.fail(f"{value!r} is not one of {', '.join(sorted(TARGETS))}", param, ctx)


def load_target(name: str) -> Target:
    try:
        return get_target(name)
    except (ImportError, AttributeError) as exc:
        fail(f"target {name!r} is not available in this installation ({exc})")


def source_options(func: F) -> F:
    """Options shared by every command that reads a schema from SCHEMA."""
    func = click.option(
        "--refresh",
        is_flag=True,
        help="With --cache-dir: download the URL again even if it is cached.",
    )(func)
    func = click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        help="Seconds to wait for the server when SCHEMA is a URL.",
    )(func)
    func = click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Keep downloaded schemas here, one file per URL; later runs read the copy.",
    )(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kaltura-codegen")
def main() -> None:
    """Generate Kaltura API clients from the Kaltura XML schema (api_schema.php).

    \b
    Typical session:
      kaltura-codegen validate schema/kaltura-sample.xml
      kaltura-codegen inspect schema/kaltura-sample.xml --service media
      kaltura-codegen generate --target python --out generated/python
      kaltura-codegen check    --target python --out generated/python
      kaltura-codegen serve --schema schema/kaltura-sample.xml --port 8080
      kaltura-codegen diff old/KalturaClient.xml new/KalturaClient.xml --fail-on breaking

    Exit codes: 0 success, 1 findings (errors, drift, breaking changes), 2 unusable input.
    Run `kaltura-codegen COMMAND --help` for the options of each command.
    """


@main.command()
@click.argument("schema")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@click.option(
    "--target",
    "target_names",
    multiple=True,
    type=TargetName(),
    help="Also run this target's own checks (names it cannot make safe, collisions); repeatable.",
)
@source_options
def validate(
    schema: str,
    strict: bool,
    target_names: tuple[str, ...],
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> None:
    """Check SCHEMA and print every problem found, like a compiler.

    Each problem is one line, `file:line: level: element: message`, in line
    order, on standard output; a count goes to standard error.

    SCHEMA is a file path, '-' for standard input, or an http(s) URL such as
    https://www.kaltura.com/api_v3/api_schema.php (the XML every Kaltura server
    publishes); see --cache-dir.

    \b
    Exit status:
      0  no errors (warnings alone are fine unless --strict)
      1  errors found (or warnings, with --strict)
      2  SCHEMA is unusable: unreadable, not XML, wrong root element,
         a DOCTYPE/ENTITY declaration (refused for safety), download failed

    With --target, the target's own checks run too (after a schema without errors):
    what that language cannot express, such as names that collide once escaped.

    \b
    Examples:
      kaltura-codegen validate schema/kaltura-sample.xml
      kaltura-codegen validate --target python --target typescript KalturaClient.xml
      curl -s https://my.server/api_v3/api_schema.php | kaltura-codegen validate -
      kaltura-codegen validate --strict --cache-dir ~/.cache/kaltura \\
          https://www.kaltura.com/api_v3/api_schema.php
    """
    result = load_or_exit(schema, cache_dir=cache_dir, timeout=timeout, refresh=refresh)
    found = list(result.diagnostics)
    if result.schema is not None and not result.errors:
        for name in target_names:
            found.extend(load_target(name).check(result.schema, GenerateOptions()))
    found.sort(key=lambda d: (d.file, d.line))
    for diagnostic in found:
        click.echo(str(diagnostic))
    errors = sum(d.is_error for d in found)
    warnings = len(found) - errors
    click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("schema")
@click.option(
    "--service",
    "service_name",
    metavar="NAME",
    help="List the actions of this service (name or id) with typed signatures.",
)
@click.option(
    "--class",
    "class_name",
    metavar="NAME",
    help="Show this class with its full inherited property list.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Dump the whole model as stable, sorted JSON."
)
@source_options
def inspect(
    schema: str,
    service_name: str | None,
    class_name: str | None,
    as_json: bool,
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> None:
    """Describe SCHEMA: counts per kind, plugins, API version, or one service/class.

    SCHEMA is a file path, '-' for standard input, or an http(s) URL.

    \b
    Examples:
      kaltura-codegen inspect schema/kaltura-sample.xml
      kaltura-codegen inspect schema/kaltura-sample.xml --service media
      kaltura-codegen inspect schema/kaltura-sample.xml --class KalturaMediaEntry
      kaltura-codegen inspect schema/kaltura-sample.xml --json > model.json

    A schema with errors is still described (errors are counted on standard
    error, exit 1); run `validate` to see them. Exit 2 when SCHEMA is unusable
    or --service/--class names nothing in it.
    """
    result = load_or_exit(schema, cache_dir=cache_dir, timeout=timeout, refresh=refresh)
    model = result.schema
    if model is None:  # pragma: no cover - parse_bytes always builds a model
        sys.exit(EXIT_UNUSABLE)
    chosen = sum(bool(x) for x in (service_name, class_name, as_json))
    if chosen > 1:
        raise click.UsageError("choose one of --service, --class and --json")
    if service_name:
        service = model.services.get(service_name) or model.service_by_name(service_name)
        if service is None:
            names = sorted({s.name for s in model.services.values()})
            _not_found("service", service_name, names)
        click.echo(service_listing(service), nl=False)
    elif class_name:
        cls = model.classes.get(class_name)
        if cls is None:
            _not_found("class", class_name, sorted(model.classes))
        click.echo(class_listing(cls), nl=False)
    elif as_json:
        click.echo(schema_to_json(model), nl=False)
    else:
        click.echo(summary(model), nl=False)
    if result.errors:
        click.echo(
            f"{len(result.errors)} error(s) in the schema; run `kaltura-codegen validate`",
            err=True,
        )
        sys.exit(EXIT_FINDINGS)


def _not_found(kind: str, name: str, known: list[str]) -> NoReturn:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if not close:
        lowered = name.lower()
        close = [k for k in known if k.lower() == lowered]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    click.echo(f"error: no {kind} named '{name}' in the schema{hint}", err=True)
    sys.exit(EXIT_UNUSABLE)


# ------------------------------------------------------------------ generate and check


def render_options(command: F) -> F:
    """The options `generate` and `check` share: what to render and where it lives."""
    decorators = [
        click.option(
            "--schema",
            "schema",
            default=None,
            metavar="PATH",
            help="Schema path, http(s) URL or '-' for stdin "
            "(default: the embedded schema/kaltura-sample.xml).",
        ),
        click.option(
            "--target",
            "target_name",
            required=True,
            type=TargetName(),
            help="Language to generate.",
        ),
        click.option(
            "--out",
            "out_dir",
            required=True,
            type=click.Path(file_okay=False, path_type=Path),
            help="Output directory (holds the manifest .kaltura-codegen.json).",
        ),
        click.option(
            "--include",
            multiple=True,
            metavar="PATTERN",
            help="Keep only these actions: service.action, service.*, plugin:NAME (repeatable).",
        ),
        click.option(
            "--exclude",
            multiple=True,
            metavar="PATTERN",
            help="Drop these actions (same patterns as --include).",
        ),
        click.option(
            "--set",
            "settings",
            multiple=True,
            metavar="KEY=VALUE",
            help="A target setting, e.g. --set license=MIT (repeatable; "
            "`kaltura-codegen templates --target T` lists them).",
        ),
        click.option(
            "--templates",
            "templates",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            metavar="DIR",
            help="Layer DIR over the target's built-in templates: a file there replaces the "
            "built-in one of the same name (recorded in the manifest).",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


class ProgressLine:
    """Progress on stderr: one rewritten line on a terminal, a few plain lines otherwise."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = enabled and stream.isatty()
        self.stage = ""
        self.last_step = -1
        self.last_draw = 0.0

    def start(self, stage: str) -> None:
        self.stage = stage
        self.last_step = -1

    def __call__(self, done: int, total: int, what: str) -> None:
        if not self.enabled or total <= 0:
            return
        if self.tty:
            now = time.monotonic()
            if done < total and now - self.last_draw < 0.1:
                return
            self.last_draw = now
            line = f"\r{self.stage} {done}/{total} {what}"[:100]
            self.stream.write(line.ljust(100) + ("\n" if done >= total else ""))
        else:
            step = done * 4 // total  # 25%, 50%, 75%, 100%
            if step == self.last_step or step == 0:
                return
            self.last_step = step
            self.stream.write(f"{self.stage} {done}/{total}\n")
        self.stream.flush()

    def note(self, message: str) -> None:
        if self.enabled:
            self.stream.write(message + "\n")
            self.stream.flush()


def render(request: RenderRequest, progress: ProgressLine) -> Rendered:
    """Run the pipeline up to rendering; every problem with the input exits 2 with a message."""
    target = load_target(request.target)
    started = time.monotonic()
    try:
        loaded = pipeline.load(
            request.schema_source,
            cache_dir=request.cache_dir,
            timeout=request.timeout,
            refresh=request.refresh,
        )
        if isinstance(loaded, Failure):
            fail_with(loaded)
        progress.note(schema_line(loaded))
        progress.start(f"rendering {request.target}")
        outcome = pipeline.render(loaded, target, request, progress)
    except Exception as exc:  # a bug of ours: still one line, exit 2 (see DEBUG_ENV)
        if os.environ.get(DEBUG_ENV):
            raise
        fail(
            f"internal error in the {request.target} target: {type(exc).__name__}: {exc} "
            f"(set {DEBUG_ENV}=1 for a traceback, and please report it)"
        )
    if isinstance(outcome, Failure):
        fail_with(outcome)
    for warning in outcome.warnings:
        progress.note(str(warning))
    progress.note(f"rendered {len(outcome.files)} files in {time.monotonic() - started:.1f}s")
    return outcome


def schema_line(loaded: Loaded) -> str:
    schema = loaded.schema
    counts = f"{len(schema.classes)} classes, {len(schema.services)} services"
    if loaded.sample:
        return (
            f"schema: the embedded SAMPLE ({loaded.name}, {counts}); output is marked as a sample "
            "and is not a client of the real API (pass --schema KalturaClient.xml)"
        )
    return f"schema: {loaded.name}: apiVersion {schema.api_version}, {counts}"


def fail_with(failure: Failure) -> NoReturn:
    for diagnostic in failure.diagnostics:
        click.echo(str(diagnostic), err=True)
    if failure.message:
        click.echo(
            (
                failure.message
                if failure.diagnostics
                else f"kaltura-codegen: error: {failure.message}"
            ),
            err=True,
        )
    sys.exit(EXIT_UNUSABLE)


def render_request(
    schema: str | None,
    target_name: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    settings: tuple[str, ...],
    templates: Path | None,
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> RenderRequest:
    return RenderRequest(
        schema_source=schema,
        target=target_name,
        include=include,
        exclude=exclude,
        settings=settings,
        templates=templates,
        cache_dir=cache_dir,
        timeout=timeout,
        refresh=refresh,
    )


@main.command()
@render_options
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite or delete files that were edited by hand or not generated, and adopt a "
    "non-empty directory that has no manifest.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress, only errors.")
@source_options
def generate(
    schema: str | None,
    target_name: str,
    out_dir: Path,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    settings: tuple[str, ...],
    templates: Path | None,
    force: bool,
    quiet: bool,
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> None:
    """Generate a client package for --schema into --out.

    \b
    The output directory is replaced atomically: the new tree is built beside it and
    swapped in, so an interrupted run leaves the previous tree intact. It carries a
    manifest, .kaltura-codegen.json (generator version, target, options, schema
    apiVersion and sha256, every file's sha256), which makes regeneration safe:
      * files generated last time and no longer produced are deleted;
      * files kaltura-codegen did not write are kept as they are;
      * a file that was edited by hand, or that was not generated but is in the way,
        is never overwritten or deleted: generate stops with exit 2 and lists them
        (--force overwrites);
      * a directory without a manifest is adopted only if all it holds is exactly
        what would be written (--force adopts any);
      * nothing is written when the output is already up to date.

    \b
    Examples:
      kaltura-codegen generate --target python --out generated/python
      kaltura-codegen generate --schema KalturaClient.xml --target python --out client \\
          --include 'media.*' --include plugin:metadata
      kaltura-codegen generate --schema https://www.kaltura.com/api_v3/api_schema.php \\
          --cache-dir ~/.cache/kaltura --target typescript --out client-ts

    Exit 0 on success, 2 on bad input or when the output directory cannot be written.
    """
    progress = ProgressLine(sys.stderr, enabled=not quiet)
    request = render_request(
        schema, target_name, include, exclude, settings, templates, cache_dir, timeout, refresh
    )
    rendering = render(request, progress)
    progress.start("writing")
    try:
        result = write_tree(
            out_dir, rendering.files, rendering.manifest, force=force, progress=progress
        )
    except OutputError as exc:
        fail(str(exc))
    if result.recovered:
        progress.note(f"restored {out_dir} left half-swapped by an interrupted run")
    state = result.state
    counts = {s: len(state.with_status(s)) for s in Status}
    if not result.written:
        progress.note(f"{out_dir}: up to date, nothing written ({len(rendering.files)} files)")
        return
    overwritten = [e.path for e in state.conflicts]
    progress.note(
        f"wrote {out_dir}: {counts[Status.ADDED]} added, {counts[Status.CHANGED]} changed, "
        f"{counts[Status.STALE]} deleted, {counts[Status.UNCHANGED]} unchanged"
        + (f", {counts[Status.KEPT]} not generated and kept" if counts[Status.KEPT] else "")
    )
    for path in overwritten:
        progress.note(f"  --force: replaced or removed {path}")
    for entry in state.with_status(Status.KEPT):
        progress.note(f"  kept (not generated): {entry.path}")


@main.command()
@render_options
@click.option("--stat", is_flag=True, help="List the differing files with counts; no diff.")
@click.option(
    "--diff-lines",
    type=click.IntRange(min=0),
    default=60,
    show_default=True,
    help="Show at most this many diff lines per changed file.",
)
@source_options
def check(
    schema: str | None,
    target_name: str,
    out_dir: Path,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    settings: tuple[str, ...],
    templates: Path | None,
    stat: bool,
    diff_lines: int,
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> None:
    """Check that --out holds exactly what generate would write (for CI).

    Renders in memory with the same options as generate, writes nothing, and compares
    with the output directory. Prints changed (M), missing (A), extra (D) and in-the-way
    (!) files with a unified diff of disk (a/) against the rendering (b/), trimmed to
    --diff-lines per file; --stat prints the list and counts only. Files in --out that
    kaltura-codegen did not write are listed (?) but are not drift: generate keeps them.

    The manifest explains the drift: the schema changed (sha256), the options or the
    generator version changed, files were edited by hand (hash differs from the one
    recorded), or the generator's output itself changed.

    \b
    Examples:
      kaltura-codegen check --target python --out generated/python
      kaltura-codegen check --schema KalturaClient.xml --target python --out client --stat

    Exit 0 when up to date, 1 on drift, 2 on bad input.
    """
    progress = ProgressLine(sys.stderr, enabled=False)
    request = render_request(
        schema, target_name, include, exclude, settings, templates, cache_dir, timeout, refresh
    )
    rendering = render(request, progress)
    try:
        state = inspect_tree(out_dir, rendering.files, rendering.manifest)
    except OutputError as exc:
        fail(str(exc))
    from generator.check import build_report

    untracked: tuple[str, ...] = getattr(get_target(target_name), "untracked", ())
    report = build_report(state, stat=stat, diff_lines=diff_lines, untracked=untracked)
    click.echo(report.text, nl=False)
    if report.drift:
        sys.exit(EXIT_FINDINGS)


@main.command("templates")
@click.option("--target", "target_name", required=True, type=TargetName(), help="The target.")
def templates_command(target_name: str) -> None:
    """List the templates of a target, with what each lays out, and its settings.

    \b
    Override any of them with `generate --templates DIR`: put a file of the same name in
    DIR and it replaces the built-in one; the rest stay built in. The manifest records a
    digest of DIR's files, so `check` reports drift when an override changes.

    \b
    Example: add a header comment to every generated Python class
      kaltura-codegen templates --target python
      mkdir my-templates
      cp templates/python/class.py.jinja my-templates/   # from a checkout or the wheel
      # edit the class macro in my-templates/class.py.jinja, then:
      kaltura-codegen generate --schema KalturaClient.xml --target python --out client \\
          --templates my-templates
    """
    from generator.targets.shared.templating import template_dir

    target = load_target(target_name)
    click.echo(f"{target.name}: {target.description}")
    click.echo(f"templates in {template_dir(target.name)}:")
    width = max((len(name) for name in target.templates), default=0)
    for name, what in sorted(target.templates.items()):
        click.echo(f"  {name.ljust(width)}  {what}")
    click.echo("settings (--set KEY=VALUE):")
    if not target.settings:
        click.echo("  (none)")
    for setting in target.settings:
        default = f" [default: {setting.default}]" if setting.default else ""
        choices = f" ({'|'.join(setting.choices)})" if setting.choices else ""
        click.echo(f"  {setting.name}{choices}: {setting.help}{default}")


# ------------------------------------------------------------------------------- diff


def load_for_diff(source: str, cache_dir: Path | None, timeout: float, refresh: bool) -> Schema:
    result = load_or_exit(source, cache_dir=cache_dir, timeout=timeout, refresh=refresh)
    if result.errors or result.schema is None:
        for diagnostic in result.errors:
            click.echo(str(diagnostic), err=True)
        click.echo(f"{source}: {len(result.errors)} error(s); cannot compare", err=True)
        sys.exit(EXIT_UNUSABLE)
    return result.schema


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text for terminals, markdown for PR comments and job summaries, json for tools.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "any", "none"]),
    default="none",
    show_default=True,
    help="Exit 1 when there is a breaking change (breaking) or any change (any).",
)
@source_options
def diff(
    old: str,
    new: str,
    fmt: str,
    fail_on: str,
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> None:
    """Compare two schemas, OLD and NEW, and classify each change for client code.

    \b
    Lists added, removed and changed services, actions, params, results, classes
    (base, abstract), properties (type, readOnly/insertOnly/writeOnly), enums and their
    values, plugins, errors and configurations. Each change is breaking or compatible,
    with the reason. Breaking: anything removed, a type change, a new required param,
    optional -> required, a removed or renumbered enum value, a changed base class,
    readOnly <-> writable. Compatible: additions, new optional params at the end.

    \b
    In CI, e.g. against the schema on the main branch:
      git show origin/main:KalturaClient.xml > /tmp/old.xml
      kaltura-codegen diff /tmp/old.xml KalturaClient.xml --fail-on breaking

    OLD and NEW are paths, http(s) URLs or '-' for stdin (once). Exit 0, or 1 when
    --fail-on matches, 2 when a schema is unusable.
    """
    from generator.diff import diff_schemas, render

    result = diff_schemas(
        load_for_diff(old, cache_dir, timeout, refresh),
        load_for_diff(new, cache_dir, timeout, refresh),
    )
    click.echo(render(result, fmt), nl=False)
    if (fail_on == "breaking" and result.breaking) or (fail_on == "any" and result.changes):
        sys.exit(EXIT_FINDINGS)


@main.command()
@source_options
@click.option(
    "--schema",
    "schema",
    default=None,
    help="Schema path, http(s) URL or '-' (default: the embedded schema/kaltura-sample.xml).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=0,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port; 0 picks a free one (the URL is printed).",
)
@click.option("--partner-id", default=100, show_default=True, type=int, help="The partner.")
@click.option(
    "--admin-secret", default="fake-admin-secret", show_default=True, help="Admin secret."
)
@click.option("--secret", default="fake-user-secret", show_default=True, help="User secret.")
@click.option(
    "--seed",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="JSON file with partners, users and objects to start with.",
)
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Persist the store to this JSON file (loaded at start, saved after every change).",
)
@click.option(
    "--max-body",
    default=64 * 1024 * 1024,
    show_default=True,
    type=click.IntRange(1),
    help="Largest accepted request body in bytes; larger ones get an error envelope.",
)
@click.option("--log", "log_calls", is_flag=True, help="Print one line per call on stderr.")
def serve(
    schema: str | None,
    host: str,
    port: int,
    partner_id: int,
    admin_secret: str,
    secret: str,
    seed: Path | None,
    state: Path | None,
    max_body: int,
    log_calls: bool,
    cache_dir: Path | None,
    timeout: float,
    refresh: bool,
) -> None:
    """Run a fake Kaltura API server driven by the schema, for offline tests.

    Prints its base URL (use it as the client's serviceUrl) and serves until interrupted.
    Sessions are real KS v1/v2 signed with the partner's secrets; objects live in memory
    (or --state). Seeded users log in with user.loginByLoginId; the default user is
    loginId 'admin' with the admin secret as password. The API reference and the TestMe
    console for the same schema are served at BASE_URL/api_v3/testme/ (offline, no
    partner account: the console talks to this server). Example:

    \b
        kaltura-codegen serve --schema KalturaClient.xml --port 8080 --partner-id 100
    """
    try:
        from generator.serve.main import config_from_options, serve_forever
    except ImportError as exc:  # werkzeug/cryptography come with the extra
        fail(f"`serve` needs its extra: pip install 'kaltura-codegen[serve]' ({exc})")

    source = schema or str(DEFAULT_SCHEMA)
    try:  # read once (stdin, URLs): the bytes are also served at /api_v3/api_schema.php
        schema_bytes, name = read_source(
            source, cache_dir=cache_dir, timeout=timeout, refresh=refresh
        )
        result = parse_bytes(schema_bytes, name)
    except SchemaLoadError as exc:
        fail_unusable(exc.diagnostic)
    if result.errors or result.schema is None:
        for diagnostic in result.errors:
            click.echo(str(diagnostic), err=True)
        sys.exit(EXIT_FINDINGS)
    config = config_from_options(partner_id, admin_secret, secret, seed, state, max_body, log_calls)
    serve_forever(result.schema, schema_bytes, host, port, config)


def entry() -> None:
    """The console script: Ctrl-C exits 130 with one line, never a traceback or `Aborted!`."""
    try:
        main.main(prog_name="kaltura-codegen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kaltura-codegen: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(EXIT_OK)
