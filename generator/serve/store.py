"""The fake server's state: tables of objects, blobs (uploaded bytes), id sequences.

One re-entrant lock guards everything; handlers run a whole action under it, so concurrent
clients see each action as atomic (no lost writes, no torn reads). Optionally the state is
persisted to a JSON file (atomically: temp file + rename) after every change and loaded at
start-up.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import string
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["Store", "StoreError"]

Obj = dict[str, Any]
_ALPHABET = string.ascii_lowercase + string.digits


_TEMP_PREFIX = ".state-"


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files a killed server left behind (it dies between write and rename)."""
    if not path.parent.is_dir():
        return
    for stale in path.parent.glob(f"{_TEMP_PREFIX}{path.name}-*"):
        stale.unlink(missing_ok=True)


class StoreError(Exception):
    """The state file cannot be used."""


class Store:
    def __init__(self, path: Path | None = None) -> None:
        self.lock = threading.RLock()
        self.path = path
        self.tables: dict[str, dict[str, Obj]] = {}
        self.blobs: dict[str, bytes] = {}
        self.sequences: dict[str, int] = {}
        self.revoked: set[str] = set()
        self.ks_uses: dict[str, int] = {}  # for the `actionslimit` privilege
        self.dirty = False
        # Bumped by every write; cached views of tables (query.TableView) are keyed by it.
        self.generation = 0
        # Bumped when a table's membership changes other than by an append (a replaced or
        # deleted object); appends extend the cached view instead (`query.view_of`).
        self.membership = 0
        self.views: dict[str, tuple[int, Any]] = {}
        if path is not None:
            _remove_stale_temp_files(path)
            if path.is_file():
                self._load(path)

    @contextmanager
    def transaction(self, read_only: bool = False) -> Iterator[Store]:
        """One action, atomic. Handlers may change stored objects in place, so anything but
        a read-only action counts as a write for the cached views."""
        with self.lock:
            try:
                yield self
            finally:
                if self.dirty or not read_only:
                    self.generation += 1
                if self.dirty and self.path is not None:
                    self._save(self.path)
                self.dirty = False

    # -- tables

    def table(self, name: str) -> dict[str, Obj]:
        return self.tables.setdefault(name, {})

    def next_int(self, table: str) -> int:
        value = self.sequences.get(table, 0) + 1
        self.sequences[table] = value
        self.dirty = True
        return value

    def new_string_id(self, table: str, partner_id: int = 0) -> str:
        existing = self.table(table)
        while True:  # Kaltura's shape: "0_" and 8 base-36 characters
            number = secrets.randbits(41) % (36**8)
            digits = []
            for _ in range(8):
                number, digit = divmod(number, 36)
                digits.append(_ALPHABET[digit])
            candidate = "0_" + "".join(digits)
            if candidate not in existing:
                return candidate

    def put(self, table: str, key: str, obj: Obj) -> None:
        rows = self.table(table)
        existing = rows.get(key)
        if existing is None:
            cached = self.views.get(table)
            if cached is not None and cached[0] == self.membership:
                cached[1].append(obj)
        elif existing is not obj:
            self.membership += 1
        rows[key] = obj
        self.dirty = True

    def get(self, table: str, key: str) -> Obj | None:
        return self.tables.get(table, {}).get(key)

    def delete(self, table: str, key: str) -> Obj | None:
        removed = self.tables.get(table, {}).pop(key, None)
        if removed is not None:
            self.dirty = True
            self.membership += 1
            self.blobs.pop(f"{table}/{key}", None)
        return removed

    def put_blob(self, key: str, data: bytes) -> None:
        self.blobs[key] = data
        self.dirty = True

    def get_blob(self, key: str) -> bytes | None:
        return self.blobs.get(key)

    def revoke(self, ks: str) -> None:
        self.revoked.add(ks)
        self.dirty = True

    # -- persistence

    def _save(self, path: Path) -> None:
        data = {
            "version": 1,
            "tables": self.tables,
            "sequences": self.sequences,
            "revoked": sorted(self.revoked),
            "blobs": {k: base64.b64encode(v).decode("ascii") for k, v in self.blobs.items()},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f"{_TEMP_PREFIX}{path.name}-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(data, ensure_ascii=False))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _load(self, path: Path) -> None:
        self.generation += 1
        self.membership += 1
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.tables = {str(k): dict(v) for k, v in data.get("tables", {}).items()}
            self.sequences = {str(k): int(v) for k, v in data.get("sequences", {}).items()}
            self.revoked = set(data.get("revoked", []))
            self.blobs = {str(k): base64.b64decode(v) for k, v in data.get("blobs", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            raise StoreError(f"{path}: not a state file written by serve: {exc}") from None
