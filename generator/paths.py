"""Locations of the files that ship beside the code (templates, the default schema)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
DEFAULT_SCHEMA = PROJECT_ROOT / "schema" / "kaltura-sample.xml"
