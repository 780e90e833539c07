"""Filtered, ordered listing over a table, fast at 100,000 objects.

A `TableView` is a snapshot of one table (rebuilt when the store's generation changes, i.e.
after any write) with lazily built indexes: per field, the positions of each value (for
`Equal` / `In`) and the positions sorted by value (for `orderBy` and numeric ranges such as
`createdAtGreaterThanOrEqual`). A query intersects what the indexes answer and checks the
remaining conditions object by object, with the same semantics as `generic.matches`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any, overload

from generator.serve.core import FilterHook, Host, Obj

__all__ = ["Query", "TableView", "run_query", "view_of"]

SortKey = tuple[int, Any]
# Up to this many rows a query scans them (no index to build after every write); above it,
# indexes pay for themselves.
SCAN_LIMIT = 5_000
_RANGE_OPS = {"GreaterThanOrEqual", "LessThanOrEqual", "GreaterThan", "LessThan"}


def text(value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return None


def sort_key(value: Any) -> SortKey:
    if value is None:
        return (0, 0)
    if not isinstance(value, str):
        found = number(value)
        if found is not None:
            return (1, found)
    return (2, text(value).lower())


class TableView:
    """One table's objects in insertion order, with indexes built on first use."""

    def __init__(self, rows: list[Obj], index_generation: int = 0) -> None:
        self.rows = rows
        self.index_generation = index_generation
        # (classes, partner) -> the rows of those classes and that partner, kept on append
        self._bases: dict[tuple[frozenset[str] | None, int | None], list[Obj]] = {}
        self.clear_indexes()

    def clear_indexes(self) -> None:
        self._eq: dict[str, dict[Any, list[int]]] = {}
        self._eq_sets: dict[tuple[str, Any], frozenset[int]] = {}
        self._sorted: dict[tuple[str, bool], list[int]] = {}
        self._keys: dict[str, list[SortKey]] = {}  # ascending keys, aligned with _sorted[asc]
        self._folded: dict[str, list[str]] = {}
        self._words: dict[str, dict[str, list[int]]] = {}

    def append(self, obj: Obj) -> None:
        """A new object was stored: extend the rows and bases; indexes are rebuilt."""
        self.rows.append(obj)
        for (classes, partner), rows in self._bases.items():
            if _in_base(obj, classes, partner):
                rows.append(obj)
        self.clear_indexes()

    def base(self, classes: frozenset[str] | None, partner: int | None) -> list[Obj]:
        found = self._bases.get((classes, partner))
        if found is None:
            found = [o for o in self.rows if _in_base(o, classes, partner)]
            self._bases[(classes, partner)] = found
        return found

    def folded(self, name: str) -> list[str]:
        """The field's values as case-folded text, aligned with `rows` (text search)."""
        found = self._folded.get(name)
        if found is None:
            found = [text(obj.get(name)).casefold() for obj in self.rows]
            self._folded[name] = found
        return found

    def values_index(self, name: str) -> dict[str, list[int]]:
        """Case-folded single values (of a comma-separated field, each one) -> positions."""
        found = self._words.get(name)
        if found is None:
            found = {}
            for position, value in enumerate(self.folded(name)):
                for part in {p.strip() for p in value.split(",")}:
                    if part:
                        found.setdefault(part, []).append(position)
            self._words[name] = found
        return found

    def eq(self, name: str) -> dict[Any, list[int]]:
        index = self._eq.get(name)
        if index is None:
            index = {}
            for position, obj in enumerate(self.rows):
                value = obj.get(name)
                index.setdefault(None if value is None else text(value), []).append(position)
            self._eq[name] = index
        return index

    def eq_set(self, name: str, key: Any) -> frozenset[int]:
        found = self._eq_sets.get((name, key))
        if found is None:
            found = frozenset(self.eq(name).get(key, ()))
            self._eq_sets[(name, key)] = found
        return found

    def ordered(self, name: str, descending: bool) -> list[int]:
        """Positions by the field's value; ties keep insertion order (a stable sort)."""
        found = self._sorted.get((name, descending))
        if found is None:
            keys = [sort_key(obj.get(name)) for obj in self.rows]
            found = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
            self._sorted[(name, descending)] = found
            if not descending:
                self._keys[name] = [keys[p] for p in found]
        return found

    def key_range(
        self, name: str, low: SortKey, high: SortKey, low_open: bool, high_open: bool
    ) -> tuple[int, int]:
        """The slice of `ordered(name, False)` whose keys lie between `low` and `high`."""
        self.ordered(name, False)
        keys = self._keys[name]
        start = (bisect.bisect_right if low_open else bisect.bisect_left)(keys, low)
        end = (bisect.bisect_left if high_open else bisect.bisect_right)(keys, high)
        return start, max(start, end)


def _in_base(obj: Obj, classes: frozenset[str] | None, partner: int | None) -> bool:
    return (classes is None or obj.get("objectType") in classes) and (
        partner is None or obj.get("partnerId") in (None, partner)
    )


def view_of(host: Host, table: str) -> TableView:
    """The table's current view: kept across appends (the store extends it), rebuilt after a
    replacement or a delete; its indexes are dropped after any write."""
    store = host.store
    cached = store.views.get(table)
    if cached is not None and cached[0] == store.membership and isinstance(cached[1], TableView):
        view = cached[1]
    else:
        view = TableView(list(store.table(table).values()), store.generation)
        store.views[table] = (store.membership, view)
    if view.index_generation != store.generation:
        view.clear_indexes()
        view.index_generation = store.generation
    return view


def _declares_all(_class_name: str, _name: str) -> bool:
    return True


@dataclass
class Query:
    """What to list: the allowed classes, the partner, filter conditions, the order."""

    classes: frozenset[str] | None
    partner_id: int | None
    conditions: list[tuple[str, str, Any]] = dc_field(default_factory=list)  # field, op, value
    predicates: list[Callable[[Obj], bool]] = dc_field(default_factory=list)
    order: list[tuple[str, bool]] = dc_field(default_factory=list)  # field, descending
    declares: Callable[[str, str], bool] = _declares_all


class Matches(Sequence[Obj]):
    """The objects at `positions` (in that order) that are in `allowed`: counted at C speed
    (a set intersection), materialized only as far as a page needs."""

    def __init__(
        self, rows: list[Obj], positions: Iterable[int], allowed: frozenset[int] | set[int] | None
    ) -> None:
        self._rows = rows
        self._positions = positions if isinstance(positions, (list, range)) else list(positions)
        self._allowed = allowed
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            if self._allowed is None:
                self._count = len(self._positions)
            else:
                self._count = len(self._allowed.intersection(self._positions))
        return self._count

    def _walk(self) -> Iterator[Obj]:
        rows, allowed = self._rows, self._allowed
        for position in self._positions:
            if allowed is None or position in allowed:
                yield rows[position]

    def __iter__(self) -> Iterator[Obj]:
        return self._walk()

    @overload
    def __getitem__(self, index: int) -> Obj: ...
    @overload
    def __getitem__(self, index: slice) -> list[Obj]: ...

    def __getitem__(self, index: int | slice) -> Obj | list[Obj]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return list(itertools.islice(self._walk(), start, stop, step))
        if index < 0:
            index += len(self)
        found = next(itertools.islice(self._walk(), index, None), None)
        if found is None:
            raise IndexError(index)
        return found


def run_query(
    view: TableView,
    query: Query,
    match_one: Callable[[Any, str, Any], bool],
    tokens: Callable[[Any], list[str]],
) -> Sequence[Obj]:
    """The matching objects, ordered."""
    if len(view.rows) <= SCAN_LIMIT:
        return _scan(view, query, match_one)
    n = len(view.rows)
    sets: list[frozenset[int] | set[int]] = []
    ranges: dict[str, list[tuple[str, Any]]] = {}
    checks: list[tuple[str, str, Any]] = []
    if query.classes is not None:
        by_class = view.eq("objectType")
        if not set(k for k in by_class if k is not None) <= query.classes:
            sets.append(_union(view, "objectType", [c for c in query.classes if c in by_class]))
    if query.partner_id is not None:
        by_partner = view.eq("partnerId")
        wanted = [str(query.partner_id), None]
        if set(by_partner) - set(wanted):
            sets.append(_union(view, "partnerId", [k for k in wanted if k in by_partner]))
    for name, op, wanted in query.conditions:
        undeclared = _undeclared(view, query, name)
        if op in ("Equal", "In") and not undeclared:
            keys = [text(wanted)] if op == "Equal" else list(dict.fromkeys(tokens(wanted)))
            sets.append(_union(view, name, keys))
        elif op in _RANGE_OPS and number(wanted) is not None and not undeclared:
            ranges.setdefault(name, []).append((op, number(wanted)))
        else:
            checks.append((name, op, wanted))
    sets.sort(key=len)
    order_field, descending = query.order[0] if len(query.order) == 1 else ("", False)
    positions: Iterable[int]
    if order_field:
        ordered = view.ordered(order_field, descending)
        if order_field in ranges:
            start, end = view.key_range(order_field, *_bounds(ranges.pop(order_field)))
            positions = ordered[n - end : n - start] if descending else ordered[start:end]
        else:
            positions = ordered
    elif sets:
        positions = sorted(sets.pop(0))
    else:
        positions = range(n)
    for name, bounds in ranges.items():
        view.ordered(name, False)
        start, end = view.key_range(name, *_bounds(bounds))
        ascending = view.ordered(name, False)
        sets.append(set(ascending[start:end]))
    sets.sort(key=len)
    rows = view.rows
    allowed = (sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]) if sets else None
    if not checks and not query.predicates and len(query.order) <= 1:
        return Matches(rows, positions, allowed)
    if allowed is not None:
        result = [rows[p] for p in positions if p in allowed]
    else:
        result = [rows[p] for p in positions]
    if checks:
        result = [o for o in result if _check(o, checks, query, match_one)]
    for predicate in query.predicates:
        result = [o for o in result if predicate(o)]
    if len(query.order) > 1:
        for name, desc in reversed(query.order):
            result.sort(key=_by(name), reverse=desc)
    return result


def _scan(
    view: TableView, query: Query, match_one: Callable[[Any, str, Any], bool]
) -> Sequence[Obj]:
    base = view.base(query.classes, query.partner_id)
    if not query.conditions and not query.predicates and not query.order:
        return base
    result = list(base)
    if query.conditions:
        result = [o for o in result if _check(o, query.conditions, query, match_one)]
    for predicate in query.predicates:
        result = [o for o in result if predicate(o)]
    for name, desc in reversed(query.order):
        result.sort(key=_by(name), reverse=desc)
    return result


def _by(name: str) -> Callable[[Obj], SortKey]:
    def key(obj: Obj) -> SortKey:
        return sort_key(obj.get(name))

    return key


def _union(view: TableView, name: str, keys: Sequence[Any]) -> frozenset[int]:
    if len(keys) == 1:
        return view.eq_set(name, keys[0])
    found: set[int] = set()
    for key in keys:
        found.update(view.eq(name).get(key, ()))
    return frozenset(found)


def _undeclared(view: TableView, query: Query, name: str) -> bool:
    """Whether some class in the table lacks the property (its objects are not filtered)."""
    return any(
        cls is not None and not query.declares(str(cls), name) for cls in view.eq("objectType")
    )


def _bounds(conditions: list[tuple[str, Any]]) -> tuple[SortKey, SortKey, bool, bool]:
    low, high = float("-inf"), float("inf")
    low_open = high_open = False
    for op, value in conditions:
        if op in ("GreaterThanOrEqual", "GreaterThan"):
            is_open = op == "GreaterThan"
            if value > low or (value == low and is_open):
                low, low_open = value, is_open
        else:
            is_open = op == "LessThan"
            if value < high or (value == high and is_open):
                high, high_open = value, is_open
    return (1, low), (1, high), low_open, high_open


def _check(
    obj: Obj,
    checks: list[tuple[str, str, Any]],
    query: Query,
    match_one: Callable[[Any, str, Any], bool],
) -> bool:
    for name, op, wanted in checks:
        if name not in obj and not query.declares(str(obj.get("objectType", "")), name):
            continue  # a filter on something this fake does not model: no restriction
        if not match_one(obj.get(name), op, wanted):
            return False
    return True


def hook_claims(host: Host, hooks: Iterable[FilterHook], key: str, wanted: Any) -> bool:
    """Whether a table's filter hook handles `key` (it answers for an empty object)."""
    return any(hook(host, key, wanted, {}) is not None for hook in hooks)


def hook_predicate(
    host: Host, hooks: Iterable[FilterHook], key: str, wanted: Any
) -> Callable[[Obj], bool]:
    chosen = tuple(hooks)

    def predicate(obj: Obj) -> bool:
        for hook in chosen:
            answer = hook(host, key, wanted, obj)
            if answer is not None:
                return answer
        return True

    return predicate


def conditions_of(
    flt: Mapping[str, Any], split: Callable[[str], tuple[str, str]], ignored: frozenset[str]
) -> list[tuple[str, str, Any]]:
    found = []
    for key, wanted in flt.items():
        if wanted is None or key in ignored:
            continue
        name, op = split(key)
        if op:
            found.append((name, op, wanted))
    return found
