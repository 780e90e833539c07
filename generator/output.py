"""Writing a rendered tree to disk safely, and comparing one with what is on disk.

Three promises, all enforced here:

* **Never a half-written tree.** The new tree is built in a temporary sibling of the output
  directory (`.NAME.kcg-new-PID-XXXX`) and swapped in: on Linux with one atomic
  `renameat2(RENAME_EXCHANGE)`, elsewhere with two renames. A run killed at any point
  leaves the previous tree in place (or, killed between the two renames, beside it under
  `.NAME.kcg-old-PID-XXXX`, which the next run puts back). Leftover temporary directories of
  dead runs are removed by the next run.
* **Only our own files.** The manifest (`generator.manifest`) lists what the generator
  wrote last time. Files listed there and still intact are replaced or deleted freely.
  A file the generator did not write (*foreign*) is kept in the new tree untouched, and a
  file that would have to be overwritten or deleted although it was edited by hand or was
  never ours is a *conflict*: `write_tree` refuses (`OutputError`) unless `force=True`.
  A directory without a manifest is not adopted without `force` either, unless all it
  holds is exactly what would be written.
* **Nothing written when nothing changed**, so timestamps survive a no-op regeneration.
  When some files change, the others are hard-linked from the previous tree into the new
  one: they keep their timestamps too (incremental builds see only what changed), and no
  inode is allocated or freed for them.

`inspect_tree` is the read-only half: it classifies every path, and `check` is built on it.
"""

from __future__ import annotations

import contextlib
import ctypes
import enum
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from generator.manifest import (
    MANIFEST_NAME,
    Manifest,
    ManifestError,
    SchemaInfo,
    build_manifest,
    read_manifest,
    sha256_hex,
)
from generator.targets import GenerateOptions, Progress, RenderedFiles, no_progress

__all__ = [
    "PAUSE_ENV",
    "Entry",
    "Origin",
    "OutputError",
    "Status",
    "TreeState",
    "WriteResult",
    "inspect_tree",
    "write_tree",
]

# Test hook: `write:N` pauses after N files are staged, `swap` just before the swap,
# `swap-gap` between the two renames of the non-atomic fallback. The process prints a
# line to stderr and sleeps, so a test can SIGKILL it at that exact point.
# Set to "1" to sync file by file as where syncfs(2) is missing (tests and `make bench`).
NO_SYNCFS_ENV = "KALTURA_CODEGEN_NO_SYNCFS"
PAUSE_ENV = "KALTURA_CODEGEN_TEST_PAUSE"
# Test hook: "1" forces the two-rename fallback even where RENAME_EXCHANGE works.
NO_EXCHANGE_ENV = "KALTURA_CODEGEN_TEST_NO_EXCHANGE"


class OutputError(Exception):
    """The output directory cannot be written as asked (the CLI exits 2)."""


class Origin(enum.Enum):
    """Who wrote what is on disk at a path, according to the manifest."""

    GENERATED = "generated"  # listed in the manifest and unchanged since
    EDITED = "edited"  # listed in the manifest, content changed: edited by hand
    FOREIGN = "foreign"  # not listed: not written by kaltura-codegen
    ABSENT = "absent"  # nothing on disk


class Status(enum.Enum):
    """What the new rendering does to a path."""

    UNCHANGED = "unchanged"  # on disk exactly as rendered
    ADDED = "added"  # rendered, missing on disk
    CHANGED = "changed"  # rendered, different on disk
    STALE = "stale"  # generated before, no longer rendered: generate deletes it
    KEPT = "kept"  # foreign and out of the way: generate keeps it
    BLOCKING = "blocking"  # foreign, where the new tree needs a directory or file


@dataclass(frozen=True)
class Entry:
    path: str
    status: Status
    origin: Origin
    old: bytes | None  # content on disk (None: absent, a symlink, or foreign and kept: unread)
    new: bytes | None  # rendered content (None: not rendered)
    listed: bool  # the on-disk manifest lists the path
    symlink: bool = False

    @property
    def conflict(self) -> bool:
        """`generate` would destroy content it did not write."""
        if self.status is Status.BLOCKING:
            return True
        return self.status in (Status.CHANGED, Status.STALE) and self.origin in (
            Origin.EDITED,
            Origin.FOREIGN,
        )

    @property
    def drift(self) -> bool:
        """`generate` would change this path."""
        return self.status not in (Status.UNCHANGED, Status.KEPT)


@dataclass(frozen=True)
class TreeState:
    out_dir: Path
    exists: bool
    manifest: Manifest | None  # the manifest on disk, when readable
    manifest_bytes: bytes | None
    manifest_error: str | None
    new_manifest: Manifest
    entries: tuple[Entry, ...]  # sorted by path; the manifest file itself is not an entry
    empty_dirs: tuple[str, ...] = ()  # empty directories on disk (foreign; kept)
    has_content: bool = False  # anything at all inside the directory

    def with_status(self, *statuses: Status) -> list[Entry]:
        return [e for e in self.entries if e.status in statuses]

    @property
    def conflicts(self) -> list[Entry]:
        return [e for e in self.entries if e.conflict]

    @property
    def drifted(self) -> list[Entry]:
        return [e for e in self.entries if e.drift]

    @property
    def manifest_current(self) -> bool:
        return self.manifest_bytes == self.new_manifest.to_bytes()

    @property
    def up_to_date(self) -> bool:
        return self.exists and self.manifest_current and not self.drifted

    @property
    def unmanaged(self) -> bool:
        """An existing directory with no usable manifest and content we would not write.

        Such a directory is not ours to replace. One holding exactly files we would write
        anyway (a tree generated before manifests existed) is adopted without fuss.
        """
        if not self.exists or self.manifest is not None or not self.has_content:
            return False
        return bool(self.empty_dirs) or any(
            e.origin is not Origin.ABSENT and e.status is not Status.UNCHANGED for e in self.entries
        )


@dataclass(frozen=True)
class WriteResult:
    state: TreeState
    written: bool
    recovered: bool = False  # a previous tree left mid-swap by a killed run was put back
    removed_leftovers: tuple[str, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------------- inspection


def validate_paths(files: Iterable[str]) -> None:
    """Rendered paths must be plain relative POSIX paths; a target bug otherwise."""
    paths = set(files)
    for rel in paths:
        parts = rel.split("/")
        if (
            not rel
            or rel.startswith("/")
            or "\\" in rel
            or "\0" in rel
            or any(part in ("", ".", "..") for part in parts)
        ):
            raise ValueError(f"target produced an unsafe path: {rel!r}")
        if rel == MANIFEST_NAME:
            raise ValueError(f"target produced {MANIFEST_NAME}, which the writer owns")
        for i in range(1, len(parts)):
            if "/".join(parts[:i]) in paths:
                raise ValueError(f"target produced both a file and a directory at {rel!r}")


def _scan(out_dir: Path) -> tuple[dict[str, bool], list[str]]:
    """Paths on disk (value: is a symlink) and empty directories, relative POSIX paths.

    Contents are not read here: foreign trees (a node_modules/ someone installed into the
    output) can be large, and only rendered or manifest-listed paths need their bytes.
    """
    found: dict[str, bool] = {}
    empty: list[str] = []
    for root, dirs, names in os.walk(out_dir):
        base = Path(root)
        rel_root = base.relative_to(out_dir).as_posix()
        prefix = "" if rel_root == "." else rel_root + "/"
        for d in list(dirs):
            if (base / d).is_symlink():
                dirs.remove(d)
                found[prefix + d] = True
        for name in names:
            rel = prefix + name
            if rel != MANIFEST_NAME:
                found[rel] = (base / name).is_symlink()
        if not dirs and not names and prefix:
            empty.append(rel_root)
    return found, sorted(empty)


def inspect_tree(out_dir: Path, files: RenderedFiles, new_manifest: Manifest) -> TreeState:
    """Classify every path of `out_dir` against a rendering. Reads only."""
    validate_paths(files)
    exists = out_dir.is_dir()
    if out_dir.exists() and not exists:
        raise OutputError(f"{out_dir} exists and is not a directory")
    manifest: Manifest | None = None
    manifest_bytes: bytes | None = None
    manifest_error: str | None = None
    on_disk: dict[str, bool] = {}
    empty: list[str] = []
    if exists:
        try:
            on_disk, empty = _scan(out_dir)
            manifest_path = out_dir / MANIFEST_NAME
            if manifest_path.is_file():
                manifest_bytes = manifest_path.read_bytes()
            manifest = read_manifest(out_dir)
        except ManifestError as exc:
            manifest_error = str(exc)
        except OSError as exc:
            raise OutputError(f"cannot read {out_dir}: {exc.strerror or exc}") from None
    listed: Mapping[str, str] = manifest.files if manifest is not None else {}
    new_dirs = {"/".join(p.split("/")[:i]) for p in files for i in range(1, p.count("/") + 1)}

    def in_the_way(path: str) -> bool:
        parents = ["/".join(path.split("/")[:i]) for i in range(1, path.count("/") + 1)]
        return path in new_dirs or any(p in files for p in parents)

    entries: list[Entry] = []
    for path in sorted(set(files) | set(on_disk)):
        new = files.get(path)
        present = path in on_disk
        symlink = on_disk.get(path, False)
        blocking = present and new is None and path not in listed and in_the_way(path)
        old: bytes | None = None
        if present and not symlink and (new is not None or path in listed or blocking):
            try:
                old = (out_dir / path).read_bytes()
            except OSError as exc:
                raise OutputError(f"cannot read {out_dir / path}: {exc.strerror or exc}") from None
        if not present:
            origin = Origin.ABSENT
        elif path not in listed:
            origin = Origin.FOREIGN
        elif old is not None and sha256_hex(old) == listed[path]:
            origin = Origin.GENERATED
        else:
            origin = Origin.EDITED
        if new is not None:
            if not present:
                status = Status.ADDED
            elif not symlink and old == new:
                status = Status.UNCHANGED
            else:
                status = Status.CHANGED
        elif origin is Origin.FOREIGN:
            status = Status.BLOCKING if blocking else Status.KEPT
        else:
            status = Status.STALE
        entries.append(Entry(path, status, origin, old, new, path in listed, symlink))
    kept_dirs = tuple(
        d for d in empty if d not in new_dirs and not any(d.startswith(f + "/") for f in files)
    )
    return TreeState(
        out_dir=out_dir,
        exists=exists,
        manifest=manifest,
        manifest_bytes=manifest_bytes,
        manifest_error=manifest_error,
        new_manifest=new_manifest,
        entries=tuple(entries),
        empty_dirs=kept_dirs,
        has_content=bool(on_disk or empty or manifest_bytes is not None or manifest_error),
    )


# ---------------------------------------------------------------------------- writing


def write_tree(
    out_dir: Path,
    files: RenderedFiles,
    manifest: Manifest | None = None,
    *,
    force: bool = False,
    progress: Progress = no_progress,
) -> WriteResult:
    """Replace `out_dir` with `files` plus `manifest`, atomically. See the module doc.

    Without a manifest (library and test use) one listing only the files is written, so
    the ownership rules still hold for the next write.
    """
    if manifest is None:
        manifest = build_manifest("", GenerateOptions(), SchemaInfo("", ""), files)
    out_dir = Path(os.path.abspath(out_dir))
    if out_dir.is_symlink():  # write where it points; swapping would replace the link
        out_dir = out_dir.resolve()
    if out_dir.parent == out_dir:
        raise OutputError("refusing to write to the file-system root")
    cwd = Path.cwd().resolve()
    if cwd == out_dir.resolve() or out_dir.resolve() in cwd.parents:
        raise OutputError(
            f"refusing to replace {out_dir}: it contains the current directory; "
            "generate into a subdirectory instead"
        )
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        recovered, removed = _recover_and_clean(out_dir)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise OutputError(f"cannot prepare {out_dir}: {exc.strerror or exc}{where}") from None
    state = inspect_tree(out_dir, files, manifest)
    if state.unmanaged and not force:
        why = state.manifest_error or f"it has no {MANIFEST_NAME}"
        raise OutputError(
            f"{out_dir} is not empty and was not written by kaltura-codegen ({why}); "
            "refusing to replace it. Choose an empty or new directory, or pass --force to "
            "adopt it (files in the way are overwritten, all others are kept)."
        )
    conflicts = state.conflicts
    if conflicts and not force:
        raise OutputError(_conflict_message(out_dir, conflicts))
    if state.up_to_date:
        return WriteResult(state, written=False, recovered=recovered, removed_leftovers=removed)
    try:
        _build_and_swap(out_dir, files, manifest, state, progress)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise OutputError(f"cannot write {out_dir}: {exc.strerror or exc}{where}") from None
    return WriteResult(state, written=True, recovered=recovered, removed_leftovers=removed)


def _conflict_message(out_dir: Path, conflicts: list[Entry]) -> str:
    lines = [
        f"refusing to touch {len(conflicts)} file(s) in {out_dir} that kaltura-codegen did "
        "not write (or that were edited by hand since):"
    ]
    for entry in conflicts[:20]:
        what = {
            Status.CHANGED: "would be overwritten",
            Status.STALE: "would be deleted (no longer generated)",
            Status.BLOCKING: "is in the way of a generated path",
        }.get(entry.status, entry.status.value)
        who = "edited by hand" if entry.origin is Origin.EDITED else "not generated"
        lines.append(f"  {entry.path}: {who}, {what}")
    if len(conflicts) > 20:
        lines.append(f"  ... and {len(conflicts) - 20} more")
    lines.append("Move your changes elsewhere, or pass --force to overwrite them.")
    return "\n".join(lines)


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.kcg-(?P<kind>new|old)-(?P<pid>\d+)-[^/]+")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recover_and_clean(out_dir: Path) -> tuple[bool, tuple[str, ...]]:
    """Put back a tree a killed run left mid-swap; delete dead runs' temporary dirs."""
    recovered = False
    removed: list[str] = []
    leftovers = []
    for candidate in sorted(out_dir.parent.iterdir()):
        match = _LEFTOVER.fullmatch(candidate.name)
        if match is None or match["name"] != out_dir.name or _pid_alive(int(match["pid"])):
            continue
        leftovers.append((match["kind"], candidate))
    for kind, candidate in leftovers:
        if kind == "old" and not out_dir.exists() and not recovered:
            os.rename(candidate, out_dir)
            recovered = True
    for _, candidate in leftovers:
        if candidate.exists():
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate.name)
    return recovered, tuple(removed)


def _test_pause(point: str) -> None:
    if os.environ.get(PAUSE_ENV) == point:
        sys.stderr.write(f"kaltura-codegen: test pause at {point} (pid {os.getpid()})\n")
        sys.stderr.flush()
        time.sleep(600)


def _default_dir_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def _write_file(path: Path, data: bytes, *, sync: bool = False) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_at(dir_fd: int, name: str, data: bytes) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666, dir_fd=dir_fd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _link_at(old_root: str, rel: str, dir_fd: int, name: str) -> bool:
    """Hard-link old_root/rel as `name` in dir_fd; False where links are not possible
    (another file system, a file system without links, protected_hardlinks)."""
    try:
        os.link(os.path.join(old_root, rel), name, dst_dir_fd=dir_fd, follow_symlinks=False)
    except OSError:
        return False
    return True


def _syncfs() -> Callable[[int], int] | None:
    """Linux `syncfs(2)`: one call makes every file written so far durable, where an
    fsync per file costs a journal commit each (3,345 files: 7.2 s against 0.3 s)."""
    if not sys.platform.startswith("linux") or os.environ.get(NO_SYNCFS_ENV) == "1":
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return cast(Callable[[int], int], function)


def _sync_tree(staging: Path, names: Iterable[str], directories: Iterable[Path]) -> None:
    """Make the staged tree (file data and directory entries) durable before the swap."""
    syncfs = _syncfs()
    if syncfs is not None:
        fd = os.open(staging, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for name in names:  # no syncfs: one fsync per file and per directory
        with contextlib.suppress(OSError):
            fd = os.open(staging / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    for directory in sorted(directories, key=lambda p: len(p.parts), reverse=True):
        _fsync_dir(directory)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform or file system allows it
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _carry_over(source: Path, dest: Path) -> None:
    """Put a foreign file into the new tree without touching the old one."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), dest)
        return
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def _build_and_swap(
    out_dir: Path,
    files: RenderedFiles,
    manifest: Manifest,
    state: TreeState,
    progress: Progress,
) -> None:
    pid = os.getpid()
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.kcg-new-{pid}-", dir=out_dir.parent))
    try:
        mode = stat.S_IMODE(out_dir.stat().st_mode) if state.exists else _default_dir_mode()
        os.chmod(staging, mode)
        total = len(files)
        directories = {staging}
        pausing = PAUSE_ENV in os.environ
        # Plain strings and one directory fd per folder: path objects and path lookups
        # cost more than the writes for thousands of small files.
        root = str(staging)
        folder_fds: dict[str, int] = {}
        # A file already on disk with exactly the rendered bytes gets a second name in the
        # new tree instead of a copy: no data is written and no inode is allocated or (when
        # the old tree goes) freed. The old tree's files are never modified, so a kill
        # before the swap still leaves it intact.
        old_root = str(out_dir)
        unchanged = {e.path for e in state.entries if e.status is Status.UNCHANGED}
        try:
            for done, rel in enumerate(sorted(files), start=1):
                folder, _, name = rel.rpartition("/")
                fd = folder_fds.get(folder)
                if fd is None:
                    path = os.path.join(root, folder) if folder else root
                    os.makedirs(path, exist_ok=True)
                    directories.add(Path(path))
                    fd = folder_fds[folder] = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
                if rel not in unchanged or not _link_at(old_root, rel, fd, name):
                    _write_at(fd, name, files[rel])
                progress(done, total, rel)
                if pausing:
                    _test_pause(f"write:{done}")
        finally:
            for fd in folder_fds.values():
                os.close(fd)
        for entry in state.with_status(Status.KEPT):
            _carry_over(out_dir / entry.path, staging / entry.path)
        for rel_dir in state.empty_dirs:
            (staging / rel_dir).mkdir(parents=True, exist_ok=True)
        _write_file(staging / MANIFEST_NAME, manifest.to_bytes(), sync=False)
        _sync_tree(staging, [*files, MANIFEST_NAME], directories)
        _test_pause("swap")
        _swap(staging, out_dir, state.exists)
        _fsync_dir(out_dir.parent)
    finally:
        # After an exchange `staging` holds the previous tree; otherwise a failed build.
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, out_dir: Path, exists: bool) -> None:
    if not exists:
        os.rename(staging, out_dir)
        return
    if os.environ.get(NO_EXCHANGE_ENV) != "1" and _exchange(staging, out_dir):
        return
    retired = staging.with_name(staging.name.replace(".kcg-new-", ".kcg-old-", 1))
    os.rename(out_dir, retired)
    _test_pause("swap-gap")
    os.rename(staging, out_dir)
    shutil.rmtree(retired, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_Renameat2 = Callable[[int, bytes, int, bytes, int], int]


def _renameat2() -> _Renameat2 | None:
    if not sys.platform.startswith("linux") or os.environ.get(NO_SYNCFS_ENV) == "1":
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    function = getattr(libc, "renameat2", None)
    if function is None:
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    result: _Renameat2 = function
    return result


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories; False when the platform cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))
