"""The `kaltura-codegen` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from generator import __version__
from generator.diagnostics import Diagnostic, SchemaLoadError
from generator.output import write_tree
from generator.parser import ParseResult
from generator.paths import DEFAULT_SCHEMA
from generator.sources import load_schema
from generator.targets import TARGETS, GenerateOptions, get_target

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


def fail_unusable(diagnostic: Diagnostic) -> NoReturn:
    click.echo(str(diagnostic), err=True)
    sys.exit(EXIT_UNUSABLE)


def load_or_exit(source: str) -> ParseResult:
    try:
        return load_schema(source)
    except SchemaLoadError as exc:
        fail_unusable(exc.diagnostic)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kaltura-codegen")
def main() -> None:
    """Generate Kaltura API clients from the Kaltura XML schema (api_schema.php)."""


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
    files = target.render(result.schema, GenerateOptions(include=include, exclude=exclude))
    write_tree(out_dir, files)
    click.echo(f"wrote {len(files)} files to {out_dir}", err=True)


@main.command()
@click.option(
    "--schema",
    "schema",
    default=None,
    help="Schema path, '-' for stdin (default: the embedded schema/kaltura-sample.xml).",
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
@click.option("--admin-secret", default="fake-admin-secret", show_default=True)
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
) -> None:
    """Run a fake Kaltura API server driven by SCHEMA, for offline tests.

    Prints its base URL (use it as the client's serviceUrl) and serves until interrupted.
    Sessions are real KS v1/v2 signed with the partner's secrets; objects live in memory
    (or --state). Seeded users log in with user.loginByLoginId; the default user is
    loginId 'admin' with the admin secret as password. Example:

    \b
        kaltura-codegen serve --schema KalturaClient.xml --port 8080 --partner-id 100
    """
    from generator.serve.main import config_from_options, serve_forever
    from generator.sources import read_source

    source = schema or str(DEFAULT_SCHEMA)
    result = load_or_exit(source)
    if result.errors or result.schema is None:
        for diagnostic in result.errors:
            click.echo(str(diagnostic), err=True)
        sys.exit(EXIT_FINDINGS)
    schema_bytes = read_source(source)[0] if source != "-" else None
    config = config_from_options(partner_id, admin_secret, secret, seed, state, max_body)
    serve_forever(result.schema, schema_bytes, host, port, config)
