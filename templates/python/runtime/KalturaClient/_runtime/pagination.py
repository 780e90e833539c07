"""Iterating over every result of a `list` action, past Kaltura's 10,000-result window.

Kaltura serves at most the first 10,000 results of a listing (`pageIndex * pageSize` beyond
that returns nothing). The documented way further is a cursor on `createdAt`: order by
`+createdAt`, and when the window is used up, list again from
`createdAtGreaterThanOrEqual = <createdAt of the last result>` with the ids already seen at
that second excluded (`idNotIn`). `Paginator` does exactly that:

1. it pages with the pager (`pageSize` default 500, the server maximum) while the next page
   stays inside the window;
2. then it moves the cursor: `createdAtGreaterThanOrEqual` (or `LessThanOrEqual` for
   `-createdAt`) = the last `createdAt`, `idNotIn` = the ids seen with that `createdAt`,
   `pageIndex` back to 1, and pages again;
3. it stops at the first page shorter than `pageSize`.

Results seen at the boundary are also skipped locally, so a server that ignores `idNotIn`
cannot produce duplicates. The cursor needs a filter with `orderBy`, `createdAtGreaterThanOrEqual`
(`createdAtLessThanOrEqual`) and `idNotIn` and results with `createdAt` and `id` (entries,
categories, users...); with any other filter, or an `orderBy` other than +/-createdAt, only
the pager is used and reaching the window raises a `KalturaClientException` instead of
silently stopping. The caller's filter and pager objects are never modified (copies are used).

Both clients share this class: the sync `_paginate` and the async `_apaginate` only send.
"""

from __future__ import annotations

import copy
from typing import Any

from ..Base import ActionSpec, FieldKind, KalturaObjectBase
from ..exceptions import KalturaClientException
from . import registry

__all__ = ["DEFAULT_PAGE_SIZE", "RESULT_WINDOW", "Paginator"]

RESULT_WINDOW = 10_000
DEFAULT_PAGE_SIZE = 500


def _find_param(spec: ActionSpec, suffix: str, name: str) -> int | None:
    for index, param in enumerate(spec.params):
        if param.kind == FieldKind.OBJECT and (
            param.name == name or (param.ref or "").endswith(suffix)
        ):
            return index
    return None


def _new(ref: str | None, what: str) -> Any:
    cls = registry.object_class(ref)
    if cls is None:
        raise KalturaClientException(
            f"cannot paginate: unknown {what} class {ref}",
            KalturaClientException.ERROR_INVALID_OBJECT_TYPE,
        )
    return cls()


def _set(value: Any) -> bool:
    return value is not NotImplemented and value is not None


class Paginator:
    """Shapes the successive requests of one iteration and filters their results."""

    def __init__(
        self,
        spec: ActionSpec,
        args: tuple[Any, ...],
        *,
        page_size: int | None = None,
        result_window: int = RESULT_WINDOW,
    ) -> None:
        self.spec = spec
        pager_index = _find_param(spec, "Pager", "pager")
        if pager_index is None:
            raise TypeError(f"{spec.service}.{spec.action} takes no pager: nothing to paginate")
        filter_index = _find_param(spec, "Filter", "filter")
        self.args = list(args) + [NotImplemented] * (len(spec.params) - len(args))
        self.pager_index = pager_index
        given_pager = self.args[pager_index]
        pager: Any = (
            copy.copy(given_pager)
            if isinstance(given_pager, KalturaObjectBase)
            else _new(spec.params[pager_index].ref, "pager")
        )
        if page_size is not None:
            pager.pageSize = page_size
        elif not _set(getattr(pager, "pageSize", None)):
            pager.pageSize = DEFAULT_PAGE_SIZE
        if not _set(getattr(pager, "pageIndex", None)):
            pager.pageIndex = 1
        self.page_size = int(pager.pageSize)
        if self.page_size <= 0:
            raise ValueError("page_size must be positive")
        self.window = result_window
        self.pager = pager
        self.args[pager_index] = pager

        self.filter: Any = None
        self.cursor_field: str | None = None  # createdAtGreaterThanOrEqual / LessThanOrEqual
        if filter_index is not None:
            given = self.args[filter_index]
            if isinstance(given, KalturaObjectBase):
                self.filter = copy.copy(given)
            else:
                try:
                    self.filter = _new(spec.params[filter_index].ref, "filter")
                except Exception:
                    self.filter = None
            if self.filter is not None:
                self.args[filter_index] = self.filter
                self.cursor_field = self._cursor_field()
                given_not_in = getattr(self.filter, "idNotIn", None)
                self.user_id_not_in = str(given_not_in) if _set(given_not_in) else ""
        self.last_created: Any = None
        self.boundary_ids: set[Any] = set()  # ids seen with createdAt == last_created
        self.returned = 0  # results on the page just accepted
        self.new_on_page = 0

    def _cursor_field(self) -> str | None:
        flt = self.filter
        cls = type(flt)
        if not all(hasattr(cls, name) for name in ("orderBy", "idNotIn")):
            return None
        order = getattr(flt, "orderBy", NotImplemented)
        if not _set(order) or str(order) == "":
            if not hasattr(cls, "createdAtGreaterThanOrEqual"):
                return None
            flt.orderBy = "+createdAt"
            return "createdAtGreaterThanOrEqual"
        order = str(order)
        if order == "+createdAt" and hasattr(cls, "createdAtGreaterThanOrEqual"):
            return "createdAtGreaterThanOrEqual"
        if order == "-createdAt" and hasattr(cls, "createdAtLessThanOrEqual"):
            return "createdAtLessThanOrEqual"
        return None

    def next_args(self) -> tuple[Any, ...]:
        return tuple(self.args)

    def accept(self, response: Any) -> list[Any]:
        """The objects of one page that were not returned before."""
        objects = getattr(response, "objects", None)
        if objects is NotImplemented or objects is None:
            objects = []
        self.returned = len(objects)
        fresh = []
        for obj in objects:
            created = getattr(obj, "createdAt", None)
            ident = getattr(obj, "id", None)
            if self.cursor_field is not None and created == self.last_created:
                if ident in self.boundary_ids:
                    continue
                self.boundary_ids.add(ident)
            elif self.cursor_field is not None:
                self.last_created = created
                self.boundary_ids = {ident}
            fresh.append(obj)
        self.new_on_page = len(fresh)
        return fresh

    def advance(self) -> bool:
        """Prepare the next request; False when the listing is complete."""
        if self.returned < self.page_size:
            return False
        pager = self.pager
        index = int(pager.pageIndex)
        if (index + 1) * self.page_size <= self.window:
            pager.pageIndex = index + 1
            return True
        if self.cursor_field is None:
            raise KalturaClientException(
                f"{self.spec.service}.{self.spec.action}: more than {self.window} results and "
                "no createdAt cursor for this filter (order by +createdAt or -createdAt with a "
                "filter that has createdAt*OrEqual and idNotIn, or narrow the filter)",
                KalturaClientException.ERROR_GENERIC,
            )
        if self.new_on_page == 0 or self.last_created is None:
            raise KalturaClientException(
                f"{self.spec.service}.{self.spec.action}: the createdAt cursor does not move "
                f"(more than {self.window} results share createdAt={self.last_created!r}?)",
                KalturaClientException.ERROR_GENERIC,
            )
        setattr(self.filter, self.cursor_field, self.last_created)
        seen = ",".join(str(ident) for ident in sorted(self.boundary_ids, key=str))
        self.filter.idNotIn = f"{self.user_id_not_in},{seen}" if self.user_id_not_in else seen
        pager.pageIndex = 1
        return True
