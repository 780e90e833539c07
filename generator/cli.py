"""The `kaltura-codegen` command line."""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from generator import __version__
from generator.diagnostics import Diagnostic, Level, SchemaLoadError
from generator.output import write_tree
from generator.parser import ParseResult
from generator.paths import DEFAULT_SCHEMA
from generator.report import class_listing, schema_to_json, service_listing, summary
from generator.sources import DEFAULT_TIMEOUT, load_schema
from generator.targets import TARGETS, GenerateOptions, Progress, get_target, no_progress

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2

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


def _progress_printer() -> Progress:
    """Progress on a terminal (one rewritten line); silent when stderr is not a TTY."""
    if not sys.stderr.isatty():
        return no_progress

    def show(done: int, total: int, what: str) -> None:
        end = "\n" if done >= total else ""
        click.echo(f"\r\x1b[K[{done}/{total}] {what}", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kaltura-codegen")
def main() -> None:
    """Generate Kaltura API clients from the Kaltura XML schema (api_schema.php).

    \b
    Typical session:
      kaltura-codegen validate schema/kaltura-sample.xml
      kaltura-codegen inspect schema/kaltura-sample.xml --service media
      kaltura-codegen generate --target python --out generated/python
      kaltura-codegen serve --schema schema/kaltura-sample.xml --port 8080

    Run `kaltura-codegen COMMAND --help` for the options of each command.
    """


@main.command()
@click.argument("schema")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@source_options
def validate(
    schema: str, strict: bool, cache_dir: Path | None, timeout: float, refresh: bool
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

    \b
    Examples:
      kaltura-codegen validate schema/kaltura-sample.xml
      curl -s https://my.server/api_v3/api_schema.php | kaltura-codegen validate -
      kaltura-codegen validate --strict --cache-dir ~/.cache/kaltura \\
          https://www.kaltura.com/api_v3/api_schema.php
    """
    result = load_or_exit(schema, cache_dir=cache_dir, timeout=timeout, refresh=refresh)
    for diagnostic in result.diagnostics:
        click.echo(str(diagnostic))
    errors, warnings = len(result.errors), len(result.warnings)
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


@main.command()
@click.option(
    "--schema",
    "schema",
    default=None,
    help="Schema path, '-' for stdin (default: the embedded schema/kaltura-sample.xml).",
)
@click.option(
    "--target",
    "target_name",
    required=True,
    type=click.Choice(sorted(TARGETS)),
    help="Language to generate.",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory; replaced atomically.",
)
@click.option(
    "--include",
    multiple=True,
    help="Keep only these actions: service.action, service.*, plugin:NAME (repeatable).",
)
@click.option("--exclude", multiple=True, help="Drop these actions (same patterns as --include).")
def generate(
    schema: str | None,
    target_name: str,
    out_dir: Path,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
) -> None:
    """Generate a client package for SCHEMA into --out."""
    result = load_or_exit(schema or str(DEFAULT_SCHEMA))
    if result.errors or result.schema is None:
        for diagnostic in result.errors:
            click.echo(str(diagnostic), err=True)
        sys.exit(EXIT_FINDINGS)
    target = get_target(target_name)
    try:
        files = target.render(
            result.schema, GenerateOptions(include=include, exclude=exclude), _progress_printer()
        )
    except ValueError as exc:  # bad --include/--exclude, or a schema the target cannot express
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    write_tree(out_dir, files)
    click.echo(f"wrote {len(files)} files to {out_dir}", err=True)


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
    loginId 'admin' with the admin secret as password. Example:

    \b
        kaltura-codegen serve --schema KalturaClient.xml --port 8080 --partner-id 100
    """
    from generator.parser import parse_bytes
    from generator.serve.main import config_from_options, serve_forever
    from generator.sources import read_source

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
