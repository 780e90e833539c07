"""The `kaltura-codegen serve` command's body (the click wrapper lives in `generator.cli`)."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType

import click

from generator.model import Schema
from generator.serve.app import start_server
from generator.serve.engine import ServerConfig
from generator.serve.seed import SeedError
from generator.serve.store import StoreError

__all__ = ["serve_forever"]


def serve_forever(
    schema: Schema,
    schema_bytes: bytes | None,
    host: str,
    port: int,
    config: ServerConfig,
) -> None:
    """Start the server, print its base URL, serve until SIGINT / SIGTERM."""
    try:
        server = start_server(schema, config, host, port, schema_bytes)
    except (SeedError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    click.echo(server.url, nl=True)
    sys.stdout.flush()
    click.echo(
        f"fake Kaltura API for {schema.source_file} (apiVersion {schema.api_version}): "
        f"partner {config.partner_id}, admin secret {config.admin_secret!r}, "
        f"user secret {config.secret!r}"
        + (f", state in {config.state_file}" if config.state_file else "")
        + "; Ctrl-C stops",
        err=True,
    )
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
        click.echo("stopped", err=True)


def config_from_options(
    partner_id: int,
    admin_secret: str,
    secret: str,
    seed: Path | None,
    state: Path | None,
    max_body: int,
    log_calls: bool = False,
) -> ServerConfig:
    return ServerConfig(
        log_calls=log_calls,
        partner_id=partner_id,
        admin_secret=admin_secret,
        secret=secret,
        seed=seed,
        state_file=state,
        max_body=max_body,
    )
