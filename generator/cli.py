"""The `kaltura-codegen` command line."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from generator import __version__
from generator.diagnostics import Diagnostic, SchemaLoadError
from generator.manifest import Manifest, SchemaInfo, build_manifest
from generator.model import Schema
from generator.output import OutputError, Status, inspect_tree, write_tree
from generator.parser import ParseResult, parse_bytes
from generator.paths import DEFAULT_SCHEMA
from generator.sources import load_schema, read_source
from generator.targets import TARGETS, GenerateOptions, RenderedFiles, Target, get_target

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2

F = TypeVar("F", bound=Callable[..., Any])


def fail_unusable(diagnostic: Diagnostic) -> NoReturn:
    click.echo(str(diagnostic), err=True)
    sys.exit(EXIT_UNUSABLE)


def fail(message: str) -> NoReturn:
    click.echo(f"kaltura-codegen: error: {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


def load_or_exit(source: str) -> ParseResult:
    try:
        return load_schema(source)
    except SchemaLoadError as exc:
        fail_unusable(exc.diagnostic)


class TargetName(click.ParamType[str]):
    """A target name, checked against the registry when used (so it can be extended)."""

    name = "target"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return "[" + "|".join(sorted(TARGETS)) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if value in TARGETS:
            return str(value)
        self.fail(f"{value!r} is not one of {', '.join(sorted(TARGETS))}", param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kaltura-codegen")
def main() -> None:
    """Generate Kaltura API clients from the Kaltura XML schema (api_schema.php).

    \b
    Typical use:
      kaltura-codegen validate KalturaClient.xml
      kaltura-codegen generate --schema KalturaClient.xml --target python --out client/
      kaltura-codegen check    --schema KalturaClient.xml --target python --out client/
      kaltura-codegen diff old/KalturaClient.xml new/KalturaClient.xml --fail-on breaking

    Exit codes: 0 success, 1 findings (errors, drift, breaking changes), 2 unusable input.
    Run `kaltura-codegen COMMAND --help` for details.
    """


@main.command()
@click.argument("schema")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
def validate(schema: str, strict: bool) -> None:
    """Check SCHEMA and print every problem as file:line: level: element: message.

    SCHEMA is a path or '-' for standard input. Exit 0 when clean, 1 when errors
    (or, with --strict, warnings) were found, 2 when the input is unusable.
    """
    result = load_or_exit(schema)
    for diagnostic in result.diagnostics:
        click.echo(str(diagnostic))
    errors, warnings = len(result.errors), len(result.warnings)
    click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        sys.exit(EXIT_FINDINGS)


# ------------------------------------------------------------------ generate and check


def render_options(command: F) -> F:
    """The options `generate` and `check` share: what to render and where it lives."""
    decorators = [
        click.option(
            "--schema",
            "schema",
            default=None,
            metavar="PATH",
            help="Schema path, '-' for stdin (default: the embedded schema/kaltura-sample.xml).",
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


@dataclass(frozen=True)
class Rendering:
    schema: Schema
    files: RenderedFiles
    manifest: Manifest


def load_target(name: str) -> Target:
    try:
        return get_target(name)
    except (ImportError, AttributeError) as exc:
        fail(f"target {name!r} is not available in this installation ({exc})")


def render(
    schema_source: str | None,
    target_name: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    progress: ProgressLine,
) -> Rendering:
    """Read, parse and render; every problem with the input exits 2 with a message."""
    source = schema_source or str(DEFAULT_SCHEMA)
    try:
        data, name = read_source(source)
        result = parse_bytes(data, name)
    except SchemaLoadError as exc:
        fail_unusable(exc.diagnostic)
    if result.errors or result.schema is None:
        for diagnostic in result.errors:
            click.echo(str(diagnostic), err=True)
        click.echo(
            f"{name}: {len(result.errors)} error(s); run `kaltura-codegen validate` for all "
            "diagnostics",
            err=True,
        )
        sys.exit(EXIT_UNUSABLE)
    schema = result.schema
    target = load_target(target_name)
    options = GenerateOptions(include=include, exclude=exclude)
    progress.note(
        f"{name}: apiVersion {schema.api_version}, {len(schema.classes)} classes, "
        f"{len(schema.services)} services"
    )
    progress.start(f"rendering {target_name}")
    started = time.monotonic()
    try:
        files = target.render(schema, options, progress)
    except ValueError as exc:  # targets report bad options (unknown --include pattern...)
        fail(str(exc))
    progress.note(f"rendered {len(files)} files in {time.monotonic() - started:.1f}s")
    manifest = build_manifest(
        target_name, options, SchemaInfo.of(data, schema.api_version, schema.generated_date), files
    )
    return Rendering(schema, files, manifest)


@main.command()
@render_options
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite or delete files that were edited by hand or not generated, and adopt a "
    "non-empty directory that has no manifest.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress, only errors.")
def generate(
    schema: str | None,
    target_name: str,
    out_dir: Path,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    force: bool,
    quiet: bool,
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
      * nothing is written when the output is already up to date.

    Exit 0 on success, 2 on bad input or when the output directory cannot be written.
    """
    progress = ProgressLine(sys.stderr, enabled=not quiet)
    rendering = render(schema, target_name, include, exclude, progress)
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
def check(
    schema: str | None,
    target_name: str,
    out_dir: Path,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    stat: bool,
    diff_lines: int,
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

    Exit 0 when up to date, 1 on drift, 2 on bad input.
    """
    progress = ProgressLine(sys.stderr, enabled=False)
    rendering = render(schema, target_name, include, exclude, progress)
    try:
        state = inspect_tree(out_dir, rendering.files, rendering.manifest)
    except OutputError as exc:
        fail(str(exc))
    from generator.check import build_report

    report = build_report(state, stat=stat, diff_lines=diff_lines)
    click.echo(report.text, nl=False)
    if report.drift:
        sys.exit(EXIT_FINDINGS)


# ------------------------------------------------------------------------------- diff


def load_for_diff(source: str) -> Schema:
    result = load_or_exit(source)
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
def diff(old: str, new: str, fmt: str, fail_on: str) -> None:
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

    OLD and NEW are paths ('-' for stdin, once). Exit 0, or 1 when --fail-on matches,
    2 when a schema is unusable.
    """
    from generator.diff import diff_schemas, render

    result = diff_schemas(load_for_diff(old), load_for_diff(new))
    click.echo(render(result, fmt), nl=False)
    if (fail_on == "breaking" and result.breaking) or (fail_on == "any" and result.changes):
        sys.exit(EXIT_FINDINGS)
