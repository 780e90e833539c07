"""eSearch (`eSearch.searchEntry`, `searchCategory`, `searchUser`) from the schema's classes.

A search is a tree: operators (`KalturaESearch*Operator`, `KalturaESearchNestedOperator`:
AND_OP, OR_OP, NOT_OP, nested to any depth) over items. Items:

* field items (`KalturaESearchEntryItem`, `...CategoryItem`, `...UserItem`): the field named
  by `fieldName` (the schema's `KalturaESearch*FieldName` values, mapped to properties in
  `ENTRY_FIELDS` / `CATEGORY_FIELDS` / `USER_FIELDS`);
* `KalturaESearchUnifiedItem`: name, description, tags, reference id, captions, cue points
  and custom metadata at once;
* `KalturaESearchCaptionItem`: the cues of the entry's caption assets; the hit's
  `itemsData` carries each matching line with its start and end time;
* `KalturaESearchCuePointItem`: the entry's cue points (`cuePoint.add`), indexed as
  Kaltura's `contributeElasticData` does (`CUE_POINT_SOURCES`: a thumb cue point's title is
  its `name` and its description its `text`, a code cue point's code its `name`, a quiz
  question its `name`, answers, hint and explanation, an annotation its text and tags only
  when `searchableOnEntry`; ad, event and other cue points are not indexed), with `id`,
  `type`, `start_time` and `end_time`; `itemsData` (`itemsType` "cue_points") carries each
  matching cue point (`KalturaESearchCuePointItemData`) with its highlights. The items of a
  `KalturaESearchNestedOperator` that are all cue point items must match one cue point;
* `KalturaESearch{Entry,Category,User}MetadataItem`: custom-metadata values (by `xpath`
  and `metadataProfileId`);
* `KalturaESearchCategoryEntryItem`: the entry's categories (id, name, full ids, ancestors);
* `KalturaESearchCategoryUserItem` (category search): the categories whose active members
  (`categoryUser`) match `user_id`; EXACT_MATCH also finds the categories of the groups
  the user belongs to, as Kaltura's terms lookup does; `permissionLevel` /
  `permissionName` keep the memberships with that level or permission (either);
* `KalturaESearchGroupUserItem` (user search): the users whose active `groupUser`
  memberships match `group_ids`, optionally of one `creationMode`.

Item types follow Kaltura's documented semantics, case-insensitively: EXACT_MATCH the whole
value (one value of a multi-valued field such as tags), PARTIAL every word of the term
inside the value, STARTS_WITH a prefix of the value (or of one of its values), EXISTS a
non-empty value, RANGE a numeric `range`. Matched text is highlighted with `<em>` unless
`addHighlight` is false (membership items have no highlights: Kaltura matches internal ids
there). Kaltura allows only EXACT_MATCH on category and group memberships; this fake
answers the other types with the same semantics rather than refusing them. Results are
ordered by `orderBy`, else by relevance (matched items) and newest first; the pager follows
Elasticsearch's window: from + size beyond 10,000 is refused. Schemas without these
classes (ovp-3.1.1, OTT) have no such items: they cannot be sent, and nothing is indexed.

Matching runs on whole columns (sets of row positions from `query.TableView`, cue points
and memberships included), so a search over 100,000 entries takes milliseconds; highlights
are computed for the returned page only.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.serve import permissions
from generator.serve.core import Call, Host, Obj, register
from generator.serve.generic import pager_window, text, tokens
from generator.serve.query import TableView, number, view_of
from generator.serve.services.assets import caption_cues
from generator.serve.services.metadata import metadata_values

__all__ = ["CATEGORY_FIELDS", "ENTRY_FIELDS", "MAX_WINDOW", "USER_FIELDS", "install"]

MAX_WINDOW = 10_000
EXACT_MATCH, PARTIAL, STARTS_WITH, EXISTS, RANGE = 1, 2, 3, 4, 5
AND_OP, OR_OP, NOT_OP = 1, 2, 3

# eSearch field name -> property. Unlisted names map snake_case -> camelCase.
ENTRY_FIELDS = {
    "kuser_id": "userId",
    "creator_kuser_id": "creatorId",
    "entry_type": "type",
    "length_in_msecs": "msDuration",
    "parent_id": "parentEntryId",
    "entitled_kusers_edit": "entitledUsersEdit",
    "entitled_kusers_publish": "entitledUsersPublish",
    "entitled_kusers_view": "entitledUsersView",
    "root_id": "rootEntryId",
    "template_entry_id": "templateEntryId",
}
CATEGORY_FIELDS = {"user_id": "owner", "privacy_context": "privacyContext"}
USER_FIELDS = {"user_id": "id", "puser_id": "id", "user_type": "type"}
MULTI_VALUED = frozenset(
    {
        "tags",
        "adminTags",
        "categoriesIds",
        "categories",
        "entitledUsersEdit",
        "entitledUsersPublish",
        "entitledUsersView",
        "roleIds",
        "flavorParamsIds",
    }
)
UNIFIED_FIELDS = ("name", "description", "tags", "reference_id")

CUE_POINT_ITEM = "KalturaESearchCuePointItem"
CATEGORY_USER_ITEM = "KalturaESearchCategoryUserItem"
GROUP_USER_ITEM = "KalturaESearchGroupUserItem"
NESTED_OPERATOR = "KalturaESearchNestedOperator"
CUE_POINTS = "cue_points"  # the itemsType of cue point items data (ESearchItemDataType)
# Cue point class -> eSearch cue point field -> the property it is indexed from (Kaltura's
# `contributeElasticData` per class; `optionalAnswers` gives the answers' texts). Classes
# not listed contribute nothing and are not indexed.
CUE_POINT_SOURCES: dict[str, dict[str, str]] = {
    "KalturaThumbCuePoint": {
        "name": "title",
        "text": "description",
        "tags": "tags",
        "sub_type": "subType",
        "asset_id": "assetId",
    },
    "KalturaCodeCuePoint": {"name": "code", "text": "description"},
    "KalturaAnnotation": {"text": "text", "tags": "tags"},  # when `searchableOnEntry`
    "KalturaQuestionCuePoint": {
        "name": "question",
        "answers": "optionalAnswers",
        "hint": "hint",
        "explanation": "explanation",
    },
}
# The `cuePointType` a stored cue point reports, when it has none (KalturaCuePointType).
CUE_POINT_TYPES = {
    "KalturaThumbCuePoint": "thumbCuePoint.Thumb",
    "KalturaCodeCuePoint": "codeCuePoint.Code",
    "KalturaAnnotation": "annotation.Annotation",
    "KalturaQuestionCuePoint": "quiz.QUIZ_QUESTION",
}
CUE_POINT_MULTI = frozenset({"tags", "answers"})
UNIFIED_CUE_POINT_FIELDS = (
    "id",
    "name",
    "text",
    "tags",
    "question",
    "answers",
    "hint",
    "explanation",
)
# KalturaESearchCuePointItemData property -> cue point field
_CUE_POINT_DATA = {
    "id": "id",
    "name": "name",
    "text": "text",
    "startTime": "start_time",
    "endTime": "end_time",
    "subType": "sub_type",
    "question": "question",
    "hint": "hint",
    "explanation": "explanation",
    "assetId": "asset_id",
}
_DELETED_CUE_POINT = "2"  # KalturaCuePointStatus.DELETED
_ACTIVE_CATEGORY_USER = ("", "1")  # KalturaCategoryUserStatus.ACTIVE (or unset)
_ACTIVE_GROUP_USER = ("", "0")  # KalturaGroupUserStatus.ACTIVE (or unset)
_SEARCHES = {
    # action -> (class of the found objects, result class, field map)
    "searchEntry": ("KalturaBaseEntry", "KalturaESearchEntryResult", ENTRY_FIELDS),
    "searchCategory": ("KalturaCategory", "KalturaESearchCategoryResult", CATEGORY_FIELDS),
    "searchUser": ("KalturaUser", "KalturaESearchUserResult", USER_FIELDS),
}
# Statuses left out unless `objectStatuses` asks for them: deleted objects.
_DELETED = {"KalturaBaseEntry": "3", "KalturaCategory": "3", "KalturaUser": "2"}


def install(host: Host) -> None:
    for action in _SEARCHES:
        register(host, "eSearch", action, search)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def prop_of(fields: dict[str, str], name: str) -> str:
    return fields.get(name) or _camel(name)


# --------------------------------------------------------------------------- evaluation


@dataclass
class Found:
    """What one object's match shows: highlights by field, items data by type."""

    highlights: dict[str, list[str]] = field(default_factory=dict)
    items: dict[str, list[Obj]] = field(default_factory=dict)

    def merge(self, other: Found) -> None:
        for name, hits in other.highlights.items():
            self.highlights.setdefault(name, []).extend(
                h for h in hits if h not in self.highlights.get(name, [])
            )
        for kind, items in other.items.items():
            self.items.setdefault(kind, []).extend(items)

    def add_cues(self, items: list[Obj]) -> None:
        """Cue point items data, one per cue point (highlights of several items merged)."""
        if not items:
            return
        known = {text(i.get("id")): i for i in self.items.setdefault(CUE_POINTS, [])}
        for item in items:
            same = known.get(text(item.get("id")))
            if same is None:
                self.items[CUE_POINTS].append(item)
                known[text(item.get("id"))] = item
                continue
            for highlight in item.get("highlight", []):
                have = same.setdefault("highlight", [])
                if highlight not in have:
                    have.append(highlight)


class Search:
    """One search over one table: compiled to position sets, explained per hit."""

    def __init__(
        self, call: Call, table: str, fields: dict[str, str], object_class: str = ""
    ) -> None:
        self.call = call
        self.object_class = object_class or table
        self.host = call.engine
        self.table = table
        self.fields = fields
        self.view: TableView = view_of(self.host, table)
        self.leaves = 0
        self.leaf_sets: list[set[int]] = []

    # -- columns

    def column(self, prop: str) -> list[str]:
        return self.view.folded(prop)

    def positions_of_ids(self, ids: set[str]) -> set[int]:
        by_id = self.view.eq("id")
        found: set[int] = set()
        for key in ids:
            found.update(by_id.get(key, ()))
        return found

    # -- the tree

    def positions(self, node: Any) -> set[int]:
        if not isinstance(node, dict):
            return set()
        items = node.get("searchItems")
        if text(node.get("objectType")) == NESTED_OPERATOR:
            cues = self.cue_tree(node)
            if cues is not None:  # every item about one and the same cue point
                found = self.entries_of_cues(cues)
                self.leaf_sets.append(found)
                return found
        if "operator" in node or isinstance(items, list):
            children = [self.positions(i) for i in items or [] if isinstance(i, dict)]
            operator = int(number(node.get("operator")) or AND_OP)
            if operator == NOT_OP:
                return set(range(len(self.view.rows))).difference(*children)
            if not children:
                return set(range(len(self.view.rows)))
            if operator == OR_OP:
                return set().union(*children)
            return set.intersection(*children)
        found = self.leaf(node)
        self.leaf_sets.append(found)
        return found

    def leaf(self, item: Obj) -> set[int]:
        kind = text(item.get("objectType"))
        matcher = Matcher.of(item)
        if kind.endswith("MetadataItem"):
            return self.positions_of_ids(self._metadata_hits(item, matcher))
        if kind == "KalturaESearchCaptionItem":
            return self.positions_of_ids(
                {entry_id for entry_id, _ in self._caption_hits(item, matcher, None)}
            )
        if kind == "KalturaESearchUnifiedItem":
            found: set[int] = set()
            for name in UNIFIED_FIELDS:
                found |= self._field_positions(prop_of(self.fields, name), matcher)
            found |= self.positions_of_ids(
                {entry_id for entry_id, _ in self._caption_hits(item, matcher, None)}
            )
            found |= self.positions_of_ids(self._metadata_hits(item, matcher))
            found |= self.entries_of_cues(self.cue_unified(matcher))
            return found
        if kind == "KalturaESearchCategoryEntryItem":
            return self._category_entry_positions(item, matcher)
        if kind == CUE_POINT_ITEM:
            return self.entries_of_cues(self.cue_leaf(item, matcher))
        if kind == CATEGORY_USER_ITEM:
            return self._category_user_positions(item, matcher)
        if kind == GROUP_USER_ITEM:
            return self._group_user_positions(item, matcher)
        name = text(item.get("fieldName"))
        if not name:
            return set()
        return self._field_positions(prop_of(self.fields, name), matcher)

    def _field_positions(self, prop: str, matcher: Matcher) -> set[int]:
        return column_positions(self.view, prop, matcher, prop in MULTI_VALUED)

    # -- cue points (entry search): positions in `cue_points_view`

    def cues(self) -> TableView:
        return cue_points_view(self.host, self.call.partner_id)

    def cue_leaf(self, item: Obj, matcher: Matcher) -> set[int]:
        name = text(item.get("fieldName"))
        if self.table != "KalturaBaseEntry" or not name:
            return set()
        return column_positions(self.cues(), name, matcher, name in CUE_POINT_MULTI)

    def cue_unified(self, matcher: Matcher) -> set[int]:
        if self.table != "KalturaBaseEntry" or matcher.item_type in (EXISTS, RANGE):
            return set()
        found: set[int] = set()
        for name in UNIFIED_CUE_POINT_FIELDS:
            found |= column_positions(self.cues(), name, matcher, name in CUE_POINT_MULTI)
        return found

    def cue_tree(self, node: Any) -> set[int] | None:
        """The cue points matching `node` when every item under it is a cue point item
        (Elasticsearch's nested query: all on one cue point), else None."""
        if not isinstance(node, dict):
            return None
        items = node.get("searchItems")
        if "operator" in node or isinstance(items, list):
            children = [self.cue_tree(i) for i in items or [] if isinstance(i, dict)]
            sets = [c for c in children if c is not None]
            if not children or len(sets) != len(children):
                return None
            operator = int(number(node.get("operator")) or AND_OP)
            if operator == NOT_OP:
                return set(range(len(self.cues().rows))).difference(*sets)
            return set().union(*sets) if operator == OR_OP else set.intersection(*sets)
        if text(node.get("objectType")) != CUE_POINT_ITEM:
            return None
        return self.cue_leaf(node, Matcher.of(node))

    def entries_of_cues(self, cues: set[int]) -> set[int]:
        if not cues:
            return set()
        rows = self.cues().rows
        return self.positions_of_ids({text(rows[p].get("entryId")) for p in cues})

    def cue_data(self, entry_id: str, cues: set[int], leaves: list[Obj]) -> list[Obj]:
        """`KalturaESearchCuePointItemData` of the entry's cue points among `cues`, with the
        highlights of the `leaves` (cue point or unified items) that matched them."""
        view = self.cues()
        positions = sorted(cues.intersection(view.eq("entryId").get(entry_id, ())))
        found = []
        for position in positions:
            doc = view.rows[position]
            data = cue_point_item_data(doc)
            highlights: dict[str, list[str]] = {}
            for leaf in leaves:
                matcher = Matcher.of(leaf)
                if not matcher.highlight or matcher.item_type in (EXISTS, RANGE):
                    continue
                unified = text(leaf.get("objectType")) == "KalturaESearchUnifiedItem"
                names = UNIFIED_CUE_POINT_FIELDS if unified else (text(leaf.get("fieldName")),)
                for name in names:
                    for value in _values(doc, name):
                        test = matcher.multi_test() if name in CUE_POINT_MULTI else None
                        ok = (test or matcher.text_test())(value.casefold())
                        marked = matcher.mark(value)
                        if ok and marked not in highlights.get(name, []):
                            highlights.setdefault(name, []).append(marked)
            if highlights:
                data["highlight"] = [
                    {
                        "objectType": "KalturaESearchHighlight",
                        "fieldName": name,
                        "hits": [{"objectType": "KalturaString", "value": h} for h in hits],
                    }
                    for name, hits in highlights.items()
                ]
            found.append(data)
        return found

    # -- memberships: category users (category search), group users (user search)

    def _members(self, class_name: str) -> TableView | None:
        cls = self.host.schema.classes.get(class_name)
        return view_of(self.host, self.host.table_of(cls)) if cls is not None else None

    def _category_user_positions(self, item: Obj, matcher: Matcher) -> set[int]:
        members = self._members("KalturaCategoryUser")
        name = text(item.get("fieldName")) or "user_id"
        if members is None or self.object_class != "KalturaCategory" or name != "user_id":
            return set()
        if matcher.item_type == EXACT_MATCH:  # the user, and the groups it belongs to
            wanted = {matcher.term} | {g.casefold() for g in self._groups_of(matcher.term)}
            index = members.values_index("userId")
            rows: set[int] = set()
            for user in wanted:
                rows.update(index.get(user, ()))
        else:
            rows = column_positions(members, "userId", matcher, False)
        level = item.get("permissionLevel")
        permission = text(item.get("permissionName")).strip().casefold()
        categories = set()
        for position in rows:
            row = members.rows[position]
            if not self._own(row) or text(row.get("status")) not in _ACTIVE_CATEGORY_USER:
                continue
            if level is not None or permission:
                names = {n.strip().casefold() for n in text(row.get("permissionNames")).split(",")}
                by_level = level is not None and text(row.get("permissionLevel")) == text(level)
                if not (by_level or (bool(permission) and permission in names)):
                    continue
            categories.add(text(row.get("categoryId")))
        return self.positions_of_ids(categories)

    def _groups_of(self, user_id: str) -> set[str]:
        groups = self._members("KalturaGroupUser")
        if groups is None:
            return set()
        found = set()
        for position in groups.values_index("userId").get(user_id.casefold(), ()):
            row = groups.rows[position]
            if self._own(row) and text(row.get("status")) in _ACTIVE_GROUP_USER:
                found.add(text(row.get("groupId")))
        return found

    def _group_user_positions(self, item: Obj, matcher: Matcher) -> set[int]:
        groups = self._members("KalturaGroupUser")
        name = text(item.get("fieldName")) or "group_ids"
        if groups is None or self.object_class != "KalturaUser" or name != "group_ids":
            return set()
        mode = item.get("creationMode")
        users = set()
        for position in column_positions(groups, "groupId", matcher, False):
            row = groups.rows[position]
            if not self._own(row) or text(row.get("status")) not in _ACTIVE_GROUP_USER:
                continue
            if mode is not None and text(row.get("creationMode")) != text(mode):
                continue
            users.add(text(row.get("userId")))
        return self.positions_of_ids(users)

    def _own(self, row: Obj) -> bool:
        return row.get("partnerId") in (None, self.call.partner_id)

    def _category_entry_positions(self, item: Obj, matcher: Matcher) -> set[int]:
        name = text(item.get("fieldName")) or "id"
        categories = self.host.store.table("KalturaCategory")
        test = matcher.multi_test()
        found = set()
        for position, obj in enumerate(self.view.rows):
            ids = tokens(obj.get("categoriesIds"))
            if not ids:
                continue
            values = []
            for cid in ids:
                category = categories.get(cid, {})
                full_ids = text(category.get("fullIds")).split(">")
                if name == "id":
                    values.append(cid)
                elif name == "name":
                    values.append(text(category.get("name")))
                elif name == "full_ids":
                    values.append(text(category.get("fullIds")))
                elif name == "ancestor_id":
                    values.extend(full_ids)
                elif name == "ancestor_name":
                    values.extend(text(category.get("fullName")).split(">"))
            if test(",".join(values).casefold()):
                found.add(position)
        return found

    def _caption_hits(
        self, item: Obj, matcher: Matcher, entry_id: str | None
    ) -> list[tuple[str, Obj]]:
        """(entry id, KalturaESearchCaptionItemData) of the matching cues."""
        if self.table != "KalturaBaseEntry":
            return []
        name = text(item.get("fieldName")) or "content"
        ids = [entry_id] if entry_id is not None else _entries_with_captions(self.host)
        hits = []
        for eid in ids:
            for asset, cue in caption_cues(self.host, eid):
                value = {
                    "content": cue.text,
                    "label": text(asset.get("label")),
                    "language": text(asset.get("language")),
                    "caption_asset_id": text(asset.get("id")),
                }.get(name, cue.text)
                if matcher.item_type == RANGE:
                    span = {"start_time": cue.start_ms, "end_time": cue.end_ms}.get(name)
                    ok = span is not None and matcher.in_range(span)
                else:
                    ok = matcher.text_test()(value.casefold())
                if not ok:
                    continue
                data: Obj = {
                    "objectType": "KalturaESearchCaptionItemData",
                    "line": cue.text,
                    "startsAt": cue.start_ms,
                    "endsAt": cue.end_ms,
                    "language": text(asset.get("language")),
                    "captionAssetId": text(asset.get("id")),
                    "label": text(asset.get("label")),
                }
                if matcher.highlight and name == "content":
                    data["highlight"] = [_highlight("content", matcher.mark(cue.text))]
                hits.append((eid, data))
        return hits

    def _metadata_hits(self, item: Obj, matcher: Matcher, object_id: str | None = None) -> set[str]:
        return {oid for oid, _ in self._metadata_data(item, matcher, object_id)}

    def _metadata_data(
        self, item: Obj, matcher: Matcher, object_id: str | None
    ) -> list[tuple[str, Obj]]:
        xpath = text(item.get("xpath"))
        profile = item.get("metadataProfileId")
        hits = []
        for oid, profile_id, path, value in metadata_values(self.host, object_id):
            if profile not in (None, 0, "") and text(profile) != text(profile_id):
                continue
            if xpath and not _xpath_matches(xpath, path):
                continue
            if matcher.item_type == RANGE:
                ok = matcher.in_range(value)
            else:
                ok = matcher.text_test()(value.casefold())
            if ok:
                data: Obj = {
                    "objectType": "KalturaESearchMetadataItemData",
                    "xpath": path,
                    "metadataProfileId": profile_id,
                    "valueText": value,
                }
                if matcher.highlight:
                    data["highlight"] = [_highlight("value_text", matcher.mark(value))]
                hits.append((oid, data))
        return hits

    # -- one hit, explained

    def explain(self, node: Any, obj: Obj) -> Found:
        found = Found()
        self._explain(node, obj, found, negated=False)
        return found

    def _explain(self, node: Any, obj: Obj, found: Found, negated: bool) -> None:
        if not isinstance(node, dict):
            return
        items = node.get("searchItems")
        if text(node.get("objectType")) == NESTED_OPERATOR and not negated:
            cues = self.cue_tree(node)
            if cues is not None:
                leaves = _leaves(node)
                found.add_cues(self.cue_data(text(obj.get("id")), cues, leaves))
                return
        if "operator" in node or isinstance(items, list):
            is_not = int(number(node.get("operator")) or AND_OP) == NOT_OP
            for child in items or []:
                self._explain(child, obj, found, negated or is_not)
            return
        if negated:
            return
        matcher = Matcher.of(node)
        kind = text(node.get("objectType"))
        entry_id = text(obj.get("id"))
        if kind == CUE_POINT_ITEM:
            found.add_cues(self.cue_data(entry_id, self.cue_leaf(node, matcher), [node]))
            return
        if kind in (CATEGORY_USER_ITEM, GROUP_USER_ITEM):
            return  # memberships match internal ids: nothing to highlight
        if kind == "KalturaESearchUnifiedItem":
            found.add_cues(self.cue_data(entry_id, self.cue_unified(matcher), [node]))
        if kind == "KalturaESearchCaptionItem" or kind == "KalturaESearchUnifiedItem":
            hits = [d for _, d in self._caption_hits(node, matcher, entry_id)]
            if hits:
                found.items.setdefault("caption", []).extend(hits)
        if kind.endswith("MetadataItem") or kind == "KalturaESearchUnifiedItem":
            hits = [d for _, d in self._metadata_data(node, matcher, entry_id)]
            if hits:
                found.items.setdefault("metadata", []).extend(hits)
        names: tuple[str, ...] = UNIFIED_FIELDS if kind == "KalturaESearchUnifiedItem" else ()
        if kind.endswith(("EntryItem", "CategoryItem", "UserItem")) and node.get("fieldName"):
            names = (text(node.get("fieldName")),)
        if kind == "KalturaESearchCategoryEntryItem":
            names = ()
        if not matcher.highlight or matcher.item_type in (EXISTS, RANGE):
            return
        for name in names:
            prop = prop_of(self.fields, name)
            value = text(obj.get(prop))
            test = matcher.multi_test() if prop in MULTI_VALUED else matcher.text_test()
            if value and test(value.casefold()):
                found.highlights.setdefault(name, []).append(matcher.mark(value))


def column_positions(view: TableView, prop: str, matcher: Matcher, multi: bool) -> set[int]:
    """The positions of `view` whose `prop` matches: whole-column comprehensions and value
    indexes, no per-row calls. `multi`: a comma-separated field (one of its values)."""
    kind, term, words = matcher.item_type, matcher.term, matcher.words
    if kind == RANGE:
        rows = view.rows
        return {i for i, o in enumerate(rows) if matcher.in_range(o.get(prop))}
    column = view.folded(prop)
    if kind == EXISTS:
        return {i for i, v in enumerate(column) if v}
    if kind == EXACT_MATCH:
        if multi:
            return set(view.values_index(prop).get(term, ()))
        return {i for i, v in enumerate(column) if v == term}
    if kind == STARTS_WITH:
        if not term:
            return set()
        if multi:
            found: set[int] = set()
            for value, positions in view.values_index(prop).items():
                if value.startswith(term):
                    found.update(positions)
            return found
        return {i for i, v in enumerate(column) if v.startswith(term)}
    if not words:
        return set()
    first, *rest = words
    hits = [i for i, v in enumerate(column) if first in v]
    for word in rest:
        hits = [i for i in hits if word in column[i]]
    return set(hits)


def cue_points_view(host: Host, partner_id: int) -> TableView:
    """The partner's indexed cue points, one row each: the eSearch cue point fields (`name`,
    `text`, `tags`, `start_time` ...) plus `entryId`; rebuilt after any write."""
    key = f"esearch:cue_points:{partner_id}"
    cached = host.store.views.get(key)
    if cached is not None and cached[0] == host.store.generation:
        view: TableView = cached[1]
        return view
    cls = host.schema.classes.get("KalturaCuePoint")
    stored = host.store.table(host.table_of(cls)).values() if cls is not None else ()
    docs = []
    for cue_point in stored:
        if cue_point.get("partnerId") not in (None, partner_id):
            continue
        doc = _cue_point_doc(cue_point)
        if doc is not None:
            docs.append(doc)
    view = TableView(docs)
    host.store.views[key] = (host.store.generation, view)
    return view


def _cue_point_doc(cue_point: Obj) -> Obj | None:
    """A cue point as Kaltura indexes it on its entry, or None when it contributes nothing
    (a class without searchable data, an annotation not `searchableOnEntry`, deleted)."""
    class_name = text(cue_point.get("objectType"))
    sources = CUE_POINT_SOURCES.get(class_name)
    if sources is None or text(cue_point.get("status")) == _DELETED_CUE_POINT:
        return None
    if class_name == "KalturaAnnotation" and not number(cue_point.get("searchableOnEntry")):
        return None
    doc: Obj = {}
    for name, prop in sources.items():
        value = cue_point.get(prop)
        if isinstance(value, list):  # optionalAnswers: the answers' texts
            value = ",".join(
                text(a.get("text")) for a in value if isinstance(a, dict) and a.get("text")
            )
        if text(value):
            doc[name] = text(value)
    if not doc:
        return None
    doc.update(
        {
            "id": text(cue_point.get("id")),
            "type": text(cue_point.get("cuePointType")) or CUE_POINT_TYPES.get(class_name, ""),
            "start_time": cue_point.get("startTime"),
            "end_time": cue_point.get("endTime"),
            "entryId": text(cue_point.get("entryId")),
        }
    )
    return doc


def _values(doc: Obj, name: str) -> list[str]:
    value = text(doc.get(name))
    if name in CUE_POINT_MULTI:
        return [v.strip() for v in value.split(",") if v.strip()]
    return [value] if value else []


def cue_point_item_data(doc: Obj) -> Obj:
    data: Obj = {"objectType": "KalturaESearchCuePointItemData"}
    if doc.get("type"):
        data["cuePointType"] = doc["type"]
    for prop, name in _CUE_POINT_DATA.items():
        if doc.get(name) is not None and text(doc.get(name)) != "":
            data[prop] = text(doc.get(name))
    for prop in ("tags", "answers"):
        values = _values(doc, prop)
        if values:
            data[prop] = [{"objectType": "KalturaString", "value": v} for v in values]
    return data


def _leaves(node: Any) -> list[Obj]:
    if not isinstance(node, dict):
        return []
    items = node.get("searchItems")
    if "operator" in node or isinstance(items, list):
        return [leaf for child in items or [] for leaf in _leaves(child)]
    return [node]


def _entries_with_captions(host: Host) -> list[str]:
    assets = host.store.table("KalturaAsset").values()
    return sorted(
        {text(a.get("entryId")) for a in assets if a.get("objectType") == "KalturaCaptionAsset"}
    )


def _xpath_matches(xpath: str, path: str) -> bool:
    names = re.findall(r"local-name\(\)\s*=\s*'([^']+)'", xpath)
    wanted = names[-1] if names else xpath.strip("/").split("/")[-1]
    return path.split("/")[-1] == wanted


def _highlight(name: str, marked: str) -> Obj:
    return {
        "objectType": "KalturaESearchHighlight",
        "fieldName": name,
        "hits": [{"objectType": "KalturaString", "value": marked}],
    }


def _compare(key: str, value: float, bound: float) -> bool:
    if key == "greaterThanOrEqual":
        return value >= bound
    if key == "lessThanOrEqual":
        return value <= bound
    if key == "greaterThan":
        return value > bound
    return value < bound


@dataclass(frozen=True)
class Matcher:
    item_type: int
    term: str
    words: tuple[str, ...]
    range: Obj
    highlight: bool

    @staticmethod
    def of(item: Obj) -> Matcher:
        term = text(item.get("searchTerm")).strip()
        item_type = int(number(item.get("itemType")) or PARTIAL)
        if isinstance(item.get("range"), dict) and item.get("itemType") is None:
            item_type = RANGE
        return Matcher(
            item_type,
            term.casefold(),
            tuple(w for w in re.split(r"\W+", term.casefold()) if w),
            dict(bounds) if isinstance(bounds := item.get("range"), dict) else {},
            item.get("addHighlight") is not False,
        )

    def text_test(self) -> Callable[[str], bool]:
        term, words = self.term, self.words
        if self.item_type == EXACT_MATCH:
            return lambda value: value == term
        if self.item_type == STARTS_WITH:
            return lambda value: bool(term) and value.startswith(term)
        if self.item_type == EXISTS:
            return lambda value: value != ""
        if not words:
            return lambda value: False
        return lambda value: all(w in value for w in words)

    def multi_test(self) -> Callable[[str], bool]:
        """The same on a comma-separated value: one of its values must match."""
        if self.item_type in (EXISTS, PARTIAL):
            return self.text_test()
        single = self.text_test()

        def test(value: str) -> bool:
            return any(single(part.strip()) for part in value.split(","))

        return test

    def in_range(self, value: Any) -> bool:
        found = number(value)
        if found is None:
            return False
        for key in ("greaterThanOrEqual", "lessThanOrEqual", "greaterThan", "lessThan"):
            if self.range.get(key) is None:
                continue
            bound = number(self.range.get(key))
            if bound is None or not _compare(key, found, bound):
                return False
        return True

    def mark(self, value: str) -> str:
        """`value` with what matched wrapped in <em>, as Kaltura's highlights are."""
        if self.item_type in (EXACT_MATCH, STARTS_WITH) and self.term:
            return re.sub(
                re.escape(self.term),
                lambda m: f"<em>{m.group(0)}</em>",
                value,
                count=1,
                flags=re.IGNORECASE,
            )
        marked = value
        for word in self.words:
            marked = re.sub(
                re.escape(word), lambda m: f"<em>{m.group(0)}</em>", marked, flags=re.IGNORECASE
            )
        return marked


# --------------------------------------------------------------------------- the action


def _order(search: Search, params: Obj, matched: set[int]) -> list[int]:
    order_by = params.get("orderBy")
    order_items = order_by.get("orderItems") if isinstance(order_by, dict) else None
    chosen = [i for i in order_items or [] if isinstance(i, dict) and i.get("sortField")]
    if chosen:
        ordered = sorted(matched, reverse=True)  # ties: newest first
        for item in reversed(chosen):
            prop = prop_of(search.fields, text(item.get("sortField")))
            descending = text(item.get("sortOrder")).lower() != "asc"
            ordered.sort(key=_row_key(search.view.rows, prop), reverse=descending)
        return ordered
    if len(search.leaf_sets) > 1:  # relevance: how many items an object matched
        score = dict.fromkeys(matched, 0)
        for leaf in search.leaf_sets:
            for position in leaf.intersection(matched):
                score[position] += 1
        return sorted(matched, key=lambda p: (score[p], p), reverse=True)
    return sorted(matched, reverse=True)


def _row_key(rows: list[Obj], prop: str) -> Callable[[int], tuple[int, Any]]:
    def key(position: int) -> tuple[int, Any]:
        return _sort_value(rows[position].get(prop))

    return key


def _sort_value(value: Any) -> tuple[int, Any]:
    found = number(value) if not isinstance(value, str) else None
    if value is None:
        return (0, 0)
    return (1, found) if found is not None else (2, text(value).casefold())


def _restrict(search: Search, params: Obj, matched: set[int]) -> set[int]:
    rows = search.view.rows
    call = search.call
    statuses = set(tokens(params.get("objectStatuses")))
    deleted = _DELETED.get(search.object_class)
    ids = set(tokens(params.get("objectIds"))) | set(tokens(params.get("objectId")))
    ids_not_in = text(params.get("objectIdsNotIn")) == "1"
    kept = set()
    for position in matched:
        obj = rows[position]
        if obj.get("partnerId") not in (None, call.partner_id):
            continue
        status = text(obj.get("status"))
        if statuses and status not in statuses:
            continue
        if not statuses and deleted is not None and status == deleted:
            continue
        if ids and ((text(obj.get("id")) in ids) == ids_not_in):
            continue
        kept.add(position)
    if call.session is not None and not call.session.is_admin:
        visible = permissions.list_predicate(call, search.table)
        if visible is not None:
            kept = {p for p in kept if visible(rows[p])}
    return kept


def search(call: Call) -> Obj:
    host = call.engine
    object_class, result_class, fields = _SEARCHES[call.action.name]
    cls = host.schema.classes.get(object_class)
    table = host.table_of(cls) if cls is not None else object_class
    response_cls = getattr(call.action.result, "cls", None)
    response_class = response_cls.name if response_cls is not None else ""
    params = call.args.get("searchParams")
    params = params if isinstance(params, dict) else {}
    offset, size = pager_window(call.args.get("pager"))
    if offset + size > MAX_WINDOW:
        raise host.errors.make("CRITERIA_EXCEEDED_MAX_MATCHES_ALLOWED")
    engine_search = Search(call, table, fields, object_class)
    tree = params.get("searchOperator")
    matched = (
        engine_search.positions(tree)
        if isinstance(tree, dict)
        else set(range(len(engine_search.view.rows)))
    )
    matched = _restrict(engine_search, params, matched)
    ordered = _order(engine_search, params, matched)
    objects = []
    for position in ordered[offset : offset + size]:
        obj = copy.deepcopy(engine_search.view.rows[position])
        found = engine_search.explain(tree, obj)
        result: Obj = {"objectType": result_class, "object": obj}
        if found.highlights:
            result["highlight"] = [
                {
                    "objectType": "KalturaESearchHighlight",
                    "fieldName": name,
                    "hits": [{"objectType": "KalturaString", "value": h} for h in hits],
                }
                for name, hits in found.highlights.items()
            ]
        if found.items:
            result["itemsData"] = [
                {
                    "objectType": "KalturaESearchItemDataResult",
                    "totalCount": len(items),
                    "items": items,
                    "itemsType": kind,
                }
                for kind, items in found.items.items()
            ]
        objects.append(result)
    return {"objectType": response_class, "totalCount": len(matched), "objects": objects}
