"""The `kaltura-codegen` console script.

Kept apart from `generator.cli` so that a Ctrl-C while the CLI's modules are still being
imported also ends with one line and exit 130, not a traceback.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def main() -> None:
    try:
        from generator.cli import entry

        entry()
    except KeyboardInterrupt:
        sys.stderr.write("kaltura-codegen: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
