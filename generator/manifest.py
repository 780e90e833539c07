"""The manifest every generated tree carries: `.kaltura-codegen.json`.

It records what produced the tree (generator version, target, options, the schema's
apiVersion, sha256 and generatedDate) and the sha256 of every file written. `generate`
uses it to know which files it owns (so it deletes its own stale files and never touches
anybody else's); `check` uses it to tell a hand edit (file hash differs from the manifest)
from drift in the schema or the generator.

The manifest is deterministic: keys sorted, no timestamps of its own. The schema's
`generatedDate` is recorded here and nowhere else in the output.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import __version__
from generator.targets import GenerateOptions, RenderedFiles

__all__ = [
    "MANIFEST_FORMAT",
    "MANIFEST_NAME",
    "Manifest",
    "ManifestError",
    "SchemaInfo",
    "build_manifest",
    "read_manifest",
    "sha256_hex",
]

MANIFEST_NAME = ".kaltura-codegen.json"
# Bumped when the manifest layout changes incompatibly.
MANIFEST_FORMAT = 1


class ManifestError(Exception):
    """A manifest exists but cannot be read or does not have the expected shape."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class SchemaInfo:
    api_version: str
    sha256: str
    generated_date: int | None = None

    @classmethod
    def of(cls, data: bytes, api_version: str, generated_date: int | None) -> SchemaInfo:
        return cls(api_version, sha256_hex(data), generated_date)


@dataclass(frozen=True)
class Manifest:
    target: str
    options: GenerateOptions
    schema: SchemaInfo
    files: Mapping[str, str]  # relative POSIX path -> sha256 hex
    generator_version: str = __version__

    def to_json(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "include": list(self.options.include),
            "exclude": list(self.options.exclude),
            "settings": dict(sorted(self.options.settings.items())),
        }
        if self.options.templates_digest:  # only trees made with --templates carry it
            options["templates"] = self.options.templates_digest
        return {
            "format": MANIFEST_FORMAT,
            "generator": {"name": "kaltura-codegen", "version": self.generator_version},
            "target": self.target,
            "options": options,
            "schema": {
                "apiVersion": self.schema.api_version,
                "sha256": self.schema.sha256,
                "generatedDate": self.schema.generated_date,
            },
            "files": dict(sorted(self.files.items())),
        }

    def to_bytes(self) -> bytes:
        text = json.dumps(self.to_json(), indent=2, sort_keys=True, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, origin: str = MANIFEST_NAME) -> Manifest:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ManifestError(f"{origin}: not valid JSON ({exc})") from None
        try:
            return cls._from_json(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ManifestError(f"{origin}: unexpected manifest layout ({exc!r})") from None

    @classmethod
    def _from_json(cls, raw: Any) -> Manifest:
        if not isinstance(raw, dict):
            raise TypeError("top level is not an object")
        if raw.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"manifest format {raw.get('format')!r}, expected {MANIFEST_FORMAT}")
        options = raw["options"]
        schema = raw["schema"]
        files = raw["files"]
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in files.items()
        ):
            raise TypeError("files must map paths to sha256 strings")
        generated_date = schema.get("generatedDate")
        return cls(
            target=str(raw["target"]),
            options=GenerateOptions(
                include=tuple(str(x) for x in options["include"]),
                exclude=tuple(str(x) for x in options["exclude"]),
                settings={str(k): str(v) for k, v in options["settings"].items()},
                templates_digest=str(options.get("templates", "")),
            ),
            schema=SchemaInfo(
                api_version=str(schema["apiVersion"]),
                sha256=str(schema["sha256"]),
                generated_date=int(generated_date) if generated_date is not None else None,
            ),
            files=dict(files),
            generator_version=str(raw["generator"]["version"]),
        )


def build_manifest(
    target: str, options: GenerateOptions, schema: SchemaInfo, files: RenderedFiles
) -> Manifest:
    return Manifest(
        target=target,
        options=options,
        schema=schema,
        files={path: sha256_hex(content) for path, content in sorted(files.items())},
    )


def read_manifest(out_dir: Path) -> Manifest | None:
    """The manifest of `out_dir`; None when there is none. Raises `ManifestError`."""
    path = out_dir / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return Manifest.from_bytes(data, str(path))
