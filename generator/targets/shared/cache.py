"""Content-addressed cache of rendered packages: re-generation with no change skips rendering.

The key is a digest of everything rendering reads: the model (walked generically over
its dataclass fields, so a new model field cannot be forgotten), the include/exclude
selection, and the bytes of the target's code, templates and runtime tree. A hit returns
exactly the bytes a render would produce, so the output guarantees are unchanged.
Location: `$KALTURA_CODEGEN_CACHE`, else `$XDG_CACHE_HOME/kaltura-codegen`, else
`~/.cache/kaltura-codegen`. Entries are `marshal` files (no code runs on load), written
atomically; an unreadable entry is ignored and rewritten.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import marshal
import operator
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import cast

from generator.model import ClassDef, EnumDef, PluginDef, Schema, ServiceDef
from generator.paths import cache_dir
from generator.targets import GenerateOptions, Progress, RenderedFiles
from generator.targets.shared.templating import source_files

__all__ = ["cache_dir", "cache_key", "cached_render", "load", "store"]

_FORMAT = b"kcg-render-2"
KEEP = 16  # entries kept in the cache directory
_SKIP_FIELDS = frozenset({"source"})  # positions in the schema file never reach the output
_BY_NAME = (ClassDef, EnumDef, PluginDef, ServiceDef)


_SCALARS = (str, int, float, bool, type(None))
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_BY_NAME_TYPES = frozenset(_BY_NAME)
_GETTERS: dict[type, Callable[[object], tuple[object, ...]]] = {}


def _getter(kind: type) -> Callable[[object], tuple[object, ...]]:
    """All fingerprinted fields of a dataclass in one call (`attrgetter` runs in C)."""
    getter = _GETTERS.get(kind)
    if getter is None:
        names = [f.name for f in dataclasses.fields(kind) if f.name not in _SKIP_FIELDS]
        if not names:
            getter = lambda value: ()  # noqa: E731 - attrgetter needs a name
        elif len(names) == 1:
            one = operator.attrgetter(names[0])
            getter = lambda value: (one(value),)  # noqa: E731 - attrgetter of one name
        else:
            getter = cast(Callable[[object], tuple[object, ...]], operator.attrgetter(*names))
        _GETTERS[kind] = getter
    return getter


def _walk(value: object, out: list[object], top: bool) -> None:
    """Flatten `value` into `out`: scalars as themselves, structure as markers.

    Dispatch on the exact type first, and append scalar members without a call (the
    model's values are overwhelmingly plain strings and booleans); this walk is most of
    the cost of computing a cache key."""
    kind = type(value)
    if kind in _SCALAR_TYPES:
        out.append(value)
    elif kind in _BY_NAME_TYPES and not top:
        # Referenced elements are fingerprinted where they are defined.
        out.append(("@", getattr(value, "id", None) or getattr(value, "name", None)))
    elif kind is tuple or kind is list:
        seq: tuple[object, ...] | list[object] = value  # type: ignore[assignment]
        out.append(("[", len(seq)))
        for item in seq:
            if type(item) in _SCALAR_TYPES:
                out.append(item)
            else:
                _walk(item, out, False)
    elif isinstance(value, enum.Enum):
        out.append(value.value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out.append(kind.__name__)
        for item in _getter(kind)(value):
            if type(item) in _SCALAR_TYPES:
                out.append(item)
            else:
                _walk(item, out, False)
    elif isinstance(value, Mapping):
        out.append(("{", len(value)))
        for k, v in value.items():
            out.append(k)
            _walk(v, out, type(v) in _BY_NAME_TYPES)
    elif isinstance(value, _SCALARS):  # subclasses of the scalar types
        out.append(value)
    else:
        raise TypeError(f"cannot fingerprint {kind.__name__}")


def _schema_digest(schema: Schema) -> bytes:
    parts: list[object] = []
    _walk(schema, parts, True)
    # marshal version 2 writes no back-references, so equal parts give equal bytes
    return hashlib.sha256(marshal.dumps(parts, 2)).digest()


def _sources_digest(paths: list[Path]) -> bytes:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.as_posix().encode())
        digest.update(b"\x00")
        digest.update(path.read_bytes())
    return digest.digest()


def cache_key(target: str, schema: Schema, options: GenerateOptions, code_files: list[Path]) -> str:
    """Everything a render reads: the model, the options (selection, settings, template
    overrides) and the bytes of the target's code, templates and runtime."""
    digest = hashlib.sha256(_FORMAT + target.encode())
    digest.update(_schema_digest(schema))
    recorded = (
        options.include,
        options.exclude,
        sorted(options.settings.items()),
        options.templates_digest,
        options.sample,
    )
    digest.update(repr(recorded).encode())
    digest.update(_sources_digest(code_files))
    return f"{target}-{digest.hexdigest()}"


def cached_render(
    target: str,
    schema: Schema,
    options: GenerateOptions,
    render: Callable[[], RenderedFiles],
    progress: Progress,
) -> RenderedFiles:
    """`render()`, or the bytes it produced last time for exactly the same inputs: the
    model, the options, the generator's code and the target's templates.

    Off with `KALTURA_CODEGEN_NO_CACHE=1`."""
    if os.environ.get("KALTURA_CODEGEN_NO_CACHE"):
        return render()
    key = cache_key(target, schema, options, source_files(target))
    hit = load(key)
    if hit is not None:
        progress(1, 1, "unchanged (cached render)")
        return hit
    files = render()
    store(key, files)
    return files


def load(key: str) -> RenderedFiles | None:
    path = cache_dir() / f"{key}.bin"
    try:
        data = path.read_bytes()
        loaded = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(loaded, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, bytes) for k, v in loaded.items()):
        return None
    return loaded


def store(key: str, files: RenderedFiles) -> None:
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".render-", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(dict(files)))
        os.replace(tmp, directory / f"{key}.bin")
        _prune(directory)
    except OSError:
        return  # a cache that cannot be written is only slower


def _prune(directory: Path) -> None:
    """Keep the KEEP most recently written entries (each is a whole package, MBs)."""
    entries = sorted(directory.glob("*.bin"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
