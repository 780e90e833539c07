"""The report of `kaltura-codegen check`: does an output directory match a fresh rendering?

Exit 1 exactly when `generate` with the same options would change the directory. Files the
generator never wrote and that are out of the way are listed but are not drift (`generate`
keeps them). The manifest tells *why* things differ: the schema changed (its sha256),
the options or generator version changed, files were edited by hand (their hash differs
from the one recorded), or, with all of those equal, the generator's output itself changed.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.manifest import Manifest
from generator.output import Entry, Origin, Status, TreeState

__all__ = ["CheckReport", "build_report", "unified_diff"]

# At most this many files get a diff body; the rest get a status line only.
MAX_DIFFED_FILES = 20
# Files not generated and kept (a node_modules/ in the output, ...) are listed up to this.
MAX_KEPT_LISTED = 10

_CODES = {
    Status.CHANGED: "M",
    Status.ADDED: "A",
    Status.STALE: "D",
    Status.BLOCKING: "!",
    Status.KEPT: "?",
}


@dataclass(frozen=True)
class CheckReport:
    drift: bool
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _short(sha: str) -> str:
    return sha[:12]


def causes(state: TreeState) -> list[str]:
    """Why the directory differs from the rendering, from the manifests, most telling first."""
    old, new = state.manifest, state.new_manifest
    found: list[str] = []
    if not state.exists:
        return [f"{state.out_dir} does not exist: run generate"]
    if old is None:
        found.append(
            state.manifest_error or "no manifest: this tree was not written by kaltura-codegen"
        )
    else:
        found.extend(_manifest_causes(old, new))
    edited = [e.path for e in state.entries if e.origin is Origin.EDITED]
    if edited:
        shown = ", ".join(edited[:5]) + (f" and {len(edited) - 5} more" if len(edited) > 5 else "")
        found.append(f"{len(edited)} file(s) edited by hand since generation: {shown}")
    deleted = [e.path for e in state.entries if e.status is Status.ADDED and e.listed]
    if deleted:
        found.append(f"{len(deleted)} generated file(s) deleted since generation")
    foreign = [e.path for e in state.entries if e.conflict and e.origin is Origin.FOREIGN]
    if foreign:
        found.append(f"{len(foreign)} file(s) not written by kaltura-codegen stand in the way")
    untouched = old is not None and not _manifest_causes(old, new)
    generated_drift = any(
        e.drift and (e.origin is Origin.GENERATED or (e.origin is Origin.ABSENT and not e.listed))
        for e in state.entries
    )
    if untouched and generated_drift:
        found.append(
            "same schema, options and generator version, yet the output differs: "
            "templates or generator code changed since generation"
        )
    return found


def _manifest_causes(old: Manifest, new: Manifest) -> list[str]:
    found = []
    if old.schema.sha256 != new.schema.sha256:
        version = (
            f"apiVersion {old.schema.api_version} -> {new.schema.api_version}"
            if old.schema.api_version != new.schema.api_version
            else f"apiVersion {new.schema.api_version} unchanged"
        )
        found.append(
            f"schema changed since generation ({version}, sha256 "
            f"{_short(old.schema.sha256)} -> {_short(new.schema.sha256)})"
        )
    if old.target != new.target:
        found.append(f"generated for target {old.target}, checked as {new.target}")
    if _recorded(old) != _recorded(new):
        found.append(f"options changed: {_options(old)} -> {_options(new)}")
    if old.generator_version != new.generator_version:
        found.append(
            f"generator version changed: {old.generator_version} -> {new.generator_version}"
        )
    return found


def _recorded(manifest: Manifest) -> tuple[object, ...]:
    """The options a manifest records (a template override by the digest of its files)."""
    o = manifest.options
    return (o.include, o.exclude, sorted(o.settings.items()), o.templates_digest)


def _options(manifest: Manifest) -> str:
    o = manifest.options
    parts = [f"include={list(o.include)}", f"exclude={list(o.exclude)}"]
    if o.settings:
        parts.append(f"settings={dict(sorted(o.settings.items()))}")
    if o.templates_digest:
        parts.append(f"templates={o.templates_digest[:12]}")
    return " ".join(parts)


def _lines(data: bytes | None) -> list[str] | None:
    if data is None:
        return []
    try:
        return data.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return None


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def unified_diff(path: str, old: bytes | None, new: bytes | None) -> list[str] | None:
    """A unified diff of disk (a/) against the rendering (b/); None for binary content.

    The common head and tail are cut off before diffing (keeping context), so a one-line
    change in a multi-megabyte module costs nothing; hunk line numbers are shifted back.
    """
    a, b = _lines(old), _lines(new)
    if a is None or b is None:
        return None
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = max(0, head - 3)
    a_mid = a[start : len(a) - max(0, tail - 3)]
    b_mid = b[start : len(b) - max(0, tail - 3)]
    out = []
    for line in difflib.unified_diff(a_mid, b_mid, f"a/{path}", f"b/{path}", n=3):
        match = _HUNK.match(line)
        if match is not None:
            line = (
                f"@@ -{int(match[1]) + start}{match[2] or ''} "
                f"+{int(match[3]) + start}{match[4] or ''} @@\n"
            )
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return out


def _counts(diff: list[str] | None) -> str:
    if diff is None:
        return "binary"
    plus = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    minus = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    return f"+{plus} -{minus}"


def _note(entry: Entry) -> str:
    if entry.status is Status.KEPT:
        return "not generated; generate keeps it"
    if entry.status is Status.BLOCKING:
        return "not generated; in the way of a generated path"
    if entry.status is Status.ADDED:
        return "deleted by hand" if entry.listed else "missing: new in this rendering"
    if entry.status is Status.STALE:
        suffix = ", edited by hand" if entry.origin is Origin.EDITED else ""
        return f"stale: generated before, no longer generated{suffix}"
    if entry.origin is Origin.EDITED:
        return "edited by hand"
    if entry.origin is Origin.FOREIGN:
        return "not generated by kaltura-codegen"
    return "out of date"


def is_untracked(path: str, patterns: tuple[str, ...]) -> bool:
    """Does a .gitignore-style pattern of the target (`node_modules/`, `*.tgz`) cover `path`?
    A pattern ending in `/` names a directory at any depth; others match a file's name."""
    parts = path.split("/")
    for pattern in patterns:
        if pattern.endswith("/"):
            if pattern[:-1] in parts[:-1] or pattern[:-1] == path:
                return True
        elif fnmatch.fnmatchcase(parts[-1], pattern):
            return True
    return False


def build_report(
    state: TreeState,
    *,
    stat: bool = False,
    diff_lines: int = 60,
    untracked: tuple[str, ...] = (),
) -> CheckReport:
    """`untracked`: what the target's tree ignores (build and install output, declared by the
    target and listed in its .gitignore): kept by generate like any foreign file, and not
    listed here, since it is expected."""
    drifted = state.drifted
    kept = [e for e in state.with_status(Status.KEPT) if not is_untracked(e.path, untracked)]
    manifest_drift = not state.manifest_current
    drift = bool(drifted) or manifest_drift or not state.exists
    rendered = sum(1 for e in state.entries if e.new is not None)
    lines: list[str] = []
    if not drift:
        lines.append(f"{state.out_dir}: up to date ({rendered} files)")
        lines.extend(_kept_lines(kept))
        return CheckReport(False, tuple(lines))

    counts = {s: len(state.with_status(s)) for s in Status}
    summary = ", ".join(
        f"{counts[s]} {label}"
        for s, label in (
            (Status.CHANGED, "changed"),
            (Status.ADDED, "missing"),
            (Status.STALE, "extra"),
            (Status.BLOCKING, "in the way"),
        )
        if counts[s]
    )
    if not summary:
        summary = "manifest only"
    lines.append(f"{state.out_dir}: out of date ({summary})")
    lines.extend(f"  cause: {cause}" for cause in causes(state))

    diffs: dict[str, list[str] | None] = {}
    for entry in drifted:
        diff = unified_diff(entry.path, entry.old, entry.new) if not entry.symlink else None
        diffs[entry.path] = diff
        lines.append(f"{_CODES[entry.status]} {entry.path}  ({_counts(diff)}; {_note(entry)})")
    lines.extend(_kept_lines(kept))
    if manifest_drift and not drifted:
        lines.append("M .kaltura-codegen.json  (manifest out of date)")
    if not stat:
        lines.extend(_bodies(drifted, diffs, diff_lines))
    hint = "run `kaltura-codegen generate` with the same options to update"
    if state.conflicts:
        hint += " (add --force to discard the hand edits and files in the way)"
    lines.append(hint)
    return CheckReport(True, tuple(lines))


def _kept_lines(kept: list[Entry]) -> list[str]:
    lines = [f"? {e.path}  ({_note(e)})" for e in kept[:MAX_KEPT_LISTED]]
    if len(kept) > MAX_KEPT_LISTED:
        lines.append(f"? ... and {len(kept) - MAX_KEPT_LISTED} more files not generated (kept)")
    return lines


def _bodies(
    drifted: list[Entry], diffs: dict[str, list[str] | None], diff_lines: int
) -> Iterator[str]:
    shown = 0
    for entry in drifted:
        if entry.status is not Status.CHANGED:
            continue
        if shown == MAX_DIFFED_FILES:
            rest = sum(1 for e in drifted if e.status is Status.CHANGED) - shown
            yield f"... {rest} more changed file(s) not shown (use --stat for the list only)"
            return
        shown += 1
        diff = diffs[entry.path]
        if diff is None:
            yield f"Binary files a/{entry.path} and b/{entry.path} differ"
            continue
        for line in diff[:diff_lines]:
            yield line.rstrip("\n")
        if len(diff) > diff_lines:
            yield f"... {len(diff) - diff_lines} more diff line(s) in {entry.path}"
