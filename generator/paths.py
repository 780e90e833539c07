"""Locations of the files that ship beside the code (templates, the default schema), and of
the user's cache.

In a checkout (and an editable install) they are the repository's `templates/` and
`schema/`; a wheel carries copies in `generator/_data/` (see setup.py).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_PACKAGED = Path(__file__).resolve().parent / "_data"


def _data_dir(name: str) -> Path:
    checkout = PROJECT_ROOT / name
    if checkout.is_dir() or not (_PACKAGED / name).is_dir():
        return checkout
    return _PACKAGED / name


TEMPLATES_DIR = _data_dir("templates")
DEFAULT_SCHEMA = _data_dir("schema") / "kaltura-sample.xml"


def cache_dir() -> Path:
    """The render cache and compiled templates: `$KALTURA_CODEGEN_CACHE`, else
    `$XDG_CACHE_HOME/kaltura-codegen`, else `~/.cache/kaltura-codegen`."""
    explicit = os.environ.get("KALTURA_CODEGEN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kaltura-codegen"
