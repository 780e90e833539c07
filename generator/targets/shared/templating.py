"""Templates of every target: one Jinja environment, user overrides, runtime trees.

`templates/<target>/` holds a target's templates; its `runtime/` subfolder holds files
copied into the output verbatim. `generate --templates DIR` layers DIR over the built-in
templates (a Jinja `ChoiceLoader`, DIR first), so a user replaces one file and keeps the
rest; the manifest records a digest of the override set, so `check` notices a change.

Templates lay text out; names, types and order are decided in the target's Python code
and reach templates already made safe by the target's identifier and literal functions.
Autoescaping is off because the output is code, not HTML; targets that write HTML (docs)
turn it on for their environment.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.paths import TEMPLATES_DIR, cache_dir
from generator.targets import RenderedFiles

if TYPE_CHECKING:  # jinja2 is imported only when rendering: a cache hit never needs it
    import jinja2

__all__ = [
    "RUNTIME_SUBDIR",
    "environment",
    "override_digest",
    "override_problems",
    "runtime_files",
    "source_files",
    "template_dir",
]

RUNTIME_SUBDIR = "runtime"
_IGNORED_PARTS = frozenset({"__pycache__", "node_modules", ".mypy_cache"})
_IGNORED_SUFFIXES = frozenset({".pyc", ".pyo"})


def template_dir(target: str) -> Path:
    return TEMPLATES_DIR / target


def _files_under(root: Path, suffix: str = "") -> Iterator[Path]:
    for path in sorted(root.rglob(f"*{suffix}")):
        if (
            path.is_file()
            and not _IGNORED_PARTS.intersection(path.relative_to(root).parts)
            and path.suffix not in _IGNORED_SUFFIXES
        ):
            yield path


def environment(
    target: str,
    overrides: Path | None = None,
    *,
    autoescape: bool = False,
    filters: Mapping[str, Any] | None = None,
    globals: Mapping[str, Any] | None = None,
) -> jinja2.Environment:
    """The Jinja environment of `target`, with `overrides` (if any) searched first."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.FileSystemLoader(str(template_dir(target))))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=_bytecode_cache(autoescape),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=autoescape,
    )
    if filters:
        env.filters.update(filters)
    if globals:
        env.globals.update(globals)
    return env


def _bytecode_cache(autoescape: bool) -> jinja2.BytecodeCache | None:
    """Compiled templates kept beside the render cache, as Python keeps .pyc files.

    Jinja keys an entry by template path and checks it against a hash of the source, so
    an edited or overriding template is compiled afresh. Environments differ only in
    autoescaping, which changes the compiled code: one folder each."""
    import jinja2

    class _Quiet(jinja2.FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with contextlib.suppress(OSError):  # a cache that cannot be written is slower
                super().dump_bytecode(bucket)

    folder = cache_dir() / "templates" / ("html" if autoescape else "text")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Quiet(str(folder))


def runtime_files(target: str, only: str = "") -> RenderedFiles:
    """The target's `runtime/` tree (or its subfolder `only`), verbatim, at the same
    relative paths in the output."""
    runtime = template_dir(target) / RUNTIME_SUBDIR
    root = runtime / only if only else runtime
    if not root.is_dir():
        return {}
    return {p.relative_to(runtime).as_posix(): p.read_bytes() for p in _files_under(root)}


def source_files(target: str) -> list[Path]:
    """Every file a render of `target` may read, for the render cache key: all of the
    generator's code (a target's imports reach across packages, and hashing it all costs a
    few ms) and the target's templates and runtime."""
    generator_dir = Path(__file__).resolve().parent.parent.parent
    return [*_files_under(generator_dir, ".py"), *_files_under(template_dir(target))]


def override_problems(target: str, overrides: Path) -> list[str]:
    """Why `overrides` cannot be layered over `target`'s templates (empty when it can).

    Only files that exist among the built-in templates may be overridden: a misspelt
    file name would otherwise be silently ignored."""
    if not overrides.is_dir():
        return [f"--templates {overrides}: not a directory"]
    builtin = template_dir(target)
    known = {p.relative_to(builtin).as_posix() for p in _files_under(builtin)}
    problems = []
    for path in _files_under(overrides):
        name = path.relative_to(overrides).as_posix()
        if name not in known:
            problems.append(
                f"--templates {overrides}: {name} is not a template of the {target} target "
                f"(see `kaltura-codegen templates --target {target}`)"
            )
    return problems


def override_digest(overrides: Path | None) -> str:
    """sha256 over the override set's names and bytes ("" when there is none)."""
    if overrides is None:
        return ""
    digest = hashlib.sha256()
    for path in _files_under(overrides):
        digest.update(path.relative_to(overrides).as_posix().encode("utf-8") + b"\x00")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
