"""Objects <-> wire: request serialization and XML / JSON response parsing.

For each class a `_Plan` is derived once from the `_kaltura_fields_` declarations along its
MRO: the writable fields in the official order and, per wire name, a reader for each response
format. Parsing creates instances without running `__init__` and stores only the fields the
server sent (unset ones read as NotImplemented through class attributes, see
`KalturaObjectBase.__init_subclass__`), which is what makes it fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..Base import (
    ALWAYS_LIST,
    READ_ONLY,
    FieldKind,
    FieldSpec,
    KalturaIntEnum,
    KalturaObjectBase,
    KalturaStringEnum,
)
from ..exceptions import KalturaClientException
from . import registry

__all__ = [
    "array_from_json",
    "array_from_xml",
    "fill_from_json",
    "fill_from_xml",
    "map_from_json",
    "map_from_xml",
    "new_instance",
    "object_from_json",
    "object_from_xml",
    "object_repr",
    "object_to_dict",
    "object_to_wire",
    "scalar_to_wire",
    "value_from_json",
    "value_from_xml",
    "value_to_wire",
]

_new: Any = object.__new__  # instances without running __init__
_INT = FieldKind.INT
_BIGINT = FieldKind.BIGINT
_FLOAT = FieldKind.FLOAT
_BOOL = FieldKind.BOOL
_STRING = FieldKind.STRING
_OBJECT = FieldKind.OBJECT
_ARRAY = FieldKind.ARRAY
_MAP = FieldKind.MAP
_FILE = FieldKind.FILE


class _Plan:
    __slots__ = (
        "always_lists",
        "fields",
        "json_readers",
        "type_name",
        "writable",
        "write_info",
        "xml_readers",
    )

    def __init__(self, cls: type[KalturaObjectBase]) -> None:
        merged: dict[str, FieldSpec] = {}
        for klass in reversed(cls.__mro__):
            own = klass.__dict__.get("_kaltura_fields_")
            if not own:
                continue
            for spec in own:
                merged[spec.wire_name] = spec
        # relatedObjects (declared on the root) goes last, as in the official constructors.
        related = merged.pop("relatedObjects", None)
        if related is not None:
            merged["relatedObjects"] = related
        self.fields: tuple[FieldSpec, ...] = tuple(merged.values())
        self.type_name: str = cls._kaltura_type_
        # The official toParams order: base class fields first, related objects never sent.
        self.writable: tuple[tuple[str, str, int], ...] = tuple(
            (f.wire_name, f.attr_name, f.kind) for f in self.fields if not f.flags & READ_ONLY
        )
        self.write_info: dict[str, tuple[int, str, int]] = {
            attr: (index, wire, kind) for index, (wire, attr, kind) in enumerate(self.writable)
        }
        self.xml_readers: dict[str, Reader] = {
            f.wire_name: _xml_reader(f.attr_name, f.kind, f.ref) for f in self.fields
        }
        self.json_readers: dict[str, Reader] = {
            f.wire_name: _json_reader(f.attr_name, f.kind, f.ref) for f in self.fields
        }
        self.always_lists: tuple[str, ...] = tuple(
            f.attr_name for f in self.fields if f.flags & ALWAYS_LIST and f.kind == _ARRAY
        )


_plans: dict[type[Any], _Plan] = {}


def _plan(cls: type[Any]) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = _Plan(cls)
    return plan


def new_instance(cls: type[Any]) -> Any:
    """An instance of `cls` with every declared attribute unset (`__init__` not run; unset
    fields read as NotImplemented through the class defaults)."""
    return _new(cls)


# --------------------------------------------------------------------------------------------
# Serialization (requests)


def scalar_to_wire(value: Any) -> str:
    """A scalar as the official client sends it: `str()` (so booleans are "True"/"False"),
    bytes decoded as UTF-8, enums as their raw value."""
    if type(value) is str:
        return value
    if type(value) is bytes:
        return value.decode("utf8")
    return str(value)


def object_to_wire(obj: Any) -> dict[str, Any]:
    """An object as its request dict: `objectType` first, then the set, writable fields in
    declaration order (base classes first), as the official `toParams()`."""
    plan = _plans.get(type(obj)) or _plan(type(obj))
    out: dict[str, Any] = {"objectType": plan.type_name}
    info_get = plan.write_info.get
    last = -1
    # Walk the instance dict (only what is set matters); it is in declaration order unless
    # attributes were assigned out of order, then the declared order is used instead.
    for attr, value in obj.__dict__.items():
        if value is NotImplemented:
            continue
        info = info_get(attr)
        if info is None:
            continue  # read-only, or not a field
        index, wire, kind = info
        if index < last:
            return _object_to_wire_ordered(plan, obj)
        last = index
        if value is None:
            out[wire + "__null"] = ""
        elif kind < _OBJECT or kind == _FILE:
            out[wire] = value if type(value) is str else scalar_to_wire(value)
        else:
            out[wire] = value_to_wire(kind, value)
    return out


def _object_to_wire_ordered(plan: _Plan, obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"objectType": plan.type_name}
    get = obj.__dict__.get
    for wire, attr, kind in plan.writable:
        value = get(attr, NotImplemented)
        if value is NotImplemented:
            continue
        if value is None:
            out[wire + "__null"] = ""
        elif kind < _OBJECT or kind == _FILE:
            out[wire] = value if type(value) is str else scalar_to_wire(value)
        else:
            out[wire] = value_to_wire(kind, value)
    return out


def value_to_wire(kind: int, value: Any) -> Any:
    """A set, non-null value of `kind` as its request form."""
    if kind == _OBJECT:
        if isinstance(value, KalturaObjectBase):
            return object_to_wire(value)
        return scalar_to_wire(value)  # e.g. a multi-request reference
    if kind == _ARRAY:
        if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
            return scalar_to_wire(value)
        if len(value) == 0:
            return {"-": ""}
        return [
            object_to_wire(item) if isinstance(item, KalturaObjectBase) else scalar_to_wire(item)
            for item in value
        ]
    if kind == _MAP:
        if not isinstance(value, Mapping):
            return scalar_to_wire(value)
        if len(value) == 0:
            return {"-": ""}
        return {
            key: (
                object_to_wire(item)
                if isinstance(item, KalturaObjectBase)
                else scalar_to_wire(item)
            )
            for key, item in value.items()
        }
    return scalar_to_wire(value)


# --------------------------------------------------------------------------------------------
# Parsing: readers are (attr, code, arg) triples interpreted inline by the parse loops (no call
# per scalar field); code _C_COMPLEX calls arg(value) for objects, arrays and maps.

_C_STR = 0
_C_INT = 1
_C_FLOAT = 2
_C_BOOL = 3
_C_ENUM = 4
_C_COMPLEX = 5

Reader = tuple[str, int, Any]


class _EnumTable:
    """Wire value -> enum member, resolved on first use; unknown values become instances
    of the enum too (tolerant enums). Falls back to the raw value if the enum is unknown."""

    __slots__ = ("by_json", "by_text", "is_int", "ref", "_cls")

    def __init__(self, ref: str, is_int: bool) -> None:
        self.ref = ref
        self.is_int = is_int
        self.by_text: dict[str | None, Any] = {}
        self.by_json: dict[Any, Any] = {}
        self._cls: Any = None

    def _enum(self) -> Any:
        if self._cls is None:
            self._cls = registry.find_enum_class(self.ref) or (int if self.is_int else str)
        return self._cls

    def from_text(self, text: str | None) -> Any:
        if not text:
            return None
        if self.is_int:
            try:
                raw: Any = int(text)
            except ValueError:
                return None
        else:
            raw = text
        value = self._enum()(raw)
        if len(self.by_text) < 4096:
            self.by_text[text] = value
        return value

    def from_json(self, data: Any) -> Any:
        if data is None or data == "":
            return None
        try:
            raw: Any = _json_int(data) if self.is_int else _json_text(data)
        except TypeError:  # unhashable garbage
            return None
        if raw is None:
            return None
        value = self._enum()(raw)
        if len(self.by_json) < 4096 and type(data) in (int, str):
            self.by_json[data] = value
        return value


def _reader_code(kind: int, ref: str | None) -> tuple[int, Any]:
    if kind == _STRING or kind == _FILE:
        return (_C_ENUM, _EnumTable(ref, False)) if ref else (_C_STR, None)
    if kind == _INT or kind == _BIGINT:
        return (_C_ENUM, _EnumTable(ref, True)) if ref else (_C_INT, None)
    if kind == _BOOL:
        return _C_BOOL, None
    if kind == _FLOAT:
        return _C_FLOAT, None
    return _C_COMPLEX, kind


def _xml_reader(attr: str, kind: int, ref: str | None) -> Reader:
    code, arg = _reader_code(kind, ref)
    if code != _C_COMPLEX:
        return attr, code, arg
    expected = ref or "KalturaObjectBase"
    if kind == _OBJECT:
        return attr, code, lambda node: object_from_xml(node, expected)
    if kind == _ARRAY:
        return attr, code, lambda node: array_from_xml(node, expected)
    return attr, code, lambda node: map_from_xml(node, expected)


def _json_reader(attr: str, kind: int, ref: str | None) -> Reader:
    code, arg = _reader_code(kind, ref)
    if code != _C_COMPLEX:
        return attr, code, arg
    expected = ref or "KalturaObjectBase"
    if kind == _OBJECT:
        return attr, code, lambda value: object_from_json(value, expected)
    if kind == _ARRAY:
        return attr, code, lambda value: array_from_json(value, expected)
    return attr, code, lambda value: map_from_json(value, expected)


_resolved: dict[tuple[str | None, str], type[Any]] = {}


def _resolve(object_type: str | None, expected: str) -> type[Any]:
    """The class for a response's `objectType`; unknown or unrelated types fall back to the
    declared type (a newer server may send subclasses this client does not know)."""
    key = (object_type, expected)
    cls = _resolved.get(key)
    if cls is None:
        found = registry.object_class(object_type)
        declared = registry.object_class(expected) or KalturaObjectBase
        cls = declared if found is None or not issubclass(found, declared) else found
        _resolved[key] = cls
    return cls


def _fill_xml(values: dict[str, Any], readers: dict[str, Reader], node: Any) -> None:
    get = readers.get
    for child in node:
        reader = get(child.tag)
        if reader is None:
            continue
        attr, code, arg = reader
        if code == _C_STR:
            values[attr] = child.text or ""
        elif code == _C_INT:
            text = child.text
            if text:
                try:
                    values[attr] = int(text)
                except ValueError:
                    values[attr] = None
            else:
                values[attr] = None
        elif code == _C_ENUM:
            text = child.text
            value = arg.by_text.get(text)
            values[attr] = value if value is not None else arg.from_text(text)
        elif code == _C_BOOL:
            text = child.text
            values[attr] = (
                True
                if text == "1" or text == "true"
                else False if text == "0" or text == "false" else None
            )
        elif code == _C_FLOAT:
            text = child.text
            if text:
                try:
                    values[attr] = float(text)
                except ValueError:
                    values[attr] = None
            else:
                values[attr] = None
        else:
            values[attr] = arg(child)


def fill_from_xml(obj: Any, node: Any) -> None:
    _fill_xml(obj.__dict__, _plan(type(obj)).xml_readers, node)


def object_from_xml(node: Any, expected: str) -> Any:
    """An object element -> instance (None when it has no `objectType`, as the official)."""
    type_node = node.find("objectType")
    if type_node is None:
        return None
    cls = _resolve(type_node.text, expected)
    plan = _plans.get(cls) or _plan(cls)
    obj = _new(cls)
    _fill_xml(obj.__dict__, plan.xml_readers, node)
    if plan.always_lists:
        _default_lists(obj.__dict__, plan.always_lists)
    return obj


def _default_lists(values: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        if values.get(name) is None:
            values[name] = []


def array_from_xml(node: Any, expected: str) -> list[Any]:
    return [object_from_xml(item, expected) for item in node]


def map_from_xml(node: Any, expected: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for item in node:
        key_node = item.find("itemKey")
        key = (key_node.text or "") if key_node is not None else ""
        result[key] = object_from_xml(item, expected)
    return result


def value_from_xml(node: Any, kind: int | None, ref: str | None) -> Any:
    """A `<result>` element as the typed value of an action result."""
    if kind is None:
        return None
    values: dict[str, Any] = {}
    _fill_xml(values, {node.tag: _xml_reader("v", kind, ref)}, [node])
    return values["v"]


def _json_text(value: Any) -> Any:
    if value is None or type(value) is str:
        return value
    if type(value) is bool:
        return "1" if value else "0"
    if isinstance(value, (dict, list)):
        raise TypeError("not a scalar")
    return str(value)


def _json_int(value: Any) -> int | None:
    if type(value) is int or value is None:
        return value
    if type(value) is bool:
        return int(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _json_float(value: Any) -> float | None:
    if type(value) is float or value is None:
        return value
    if type(value) is bool:
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _json_bool(value: Any) -> bool | None:
    if type(value) is bool or value is None:
        return value
    if value == 1 or value == "1" or value == "true":
        return True
    if value == 0 or value == "0" or value == "false":
        return False
    return None


def _fill_json(values: dict[str, Any], readers: dict[str, Reader], data: dict[str, Any]) -> None:
    get = readers.get
    for key, value in data.items():
        reader = get(key)
        if reader is None:
            continue
        attr, code, arg = reader
        if code == _C_STR:
            values[attr] = value if type(value) is str or value is None else _safe_text(value)
        elif code == _C_INT:
            values[attr] = value if type(value) is int else _json_int(value)
        elif code == _C_ENUM:
            member = arg.by_json.get(value) if type(value) in (int, str) else None
            values[attr] = member if member is not None else arg.from_json(value)
        elif code == _C_BOOL:
            values[attr] = value if type(value) is bool else _json_bool(value)
        elif code == _C_FLOAT:
            values[attr] = value if type(value) is float else _json_float(value)
        else:
            values[attr] = arg(value)


def _safe_text(value: Any) -> str | None:
    try:
        return _json_text(value)  # type: ignore[no-any-return]
    except TypeError:
        return None


def fill_from_json(obj: Any, data: Mapping[str, Any]) -> None:
    _fill_json(obj.__dict__, _plan(type(obj)).json_readers, dict(data))


def object_from_json(data: Any, expected: str) -> Any:
    """A decoded JSON object -> instance (None for null or a value without `objectType`)."""
    if type(data) is not dict:
        if data is None or data == [] or data == "":
            return None
        raise KalturaClientException(
            f"Expected a JSON object of type {expected}, got {type(data).__name__}",
            KalturaClientException.ERROR_INVALID_OBJECT_TYPE,
        )
    object_type = data.get("objectType")
    if object_type is None:
        return None
    if type(object_type) is not str:
        raise KalturaClientException(
            f"objectType must be a string (expected {expected}), got "
            f"{type(object_type).__name__} {str(object_type)[:80]}",
            KalturaClientException.ERROR_INVALID_OBJECT_TYPE,
        )
    cls = _resolve(object_type, expected)
    plan = _plans.get(cls) or _plan(cls)
    obj = _new(cls)
    _fill_json(obj.__dict__, plan.json_readers, data)
    if plan.always_lists:
        _default_lists(obj.__dict__, plan.always_lists)
    return obj


def array_from_json(data: Any, expected: str) -> list[Any] | None:
    if data is None:
        return None
    if isinstance(data, dict):  # PHP may encode a sparse list as an object
        data = list(data.values())
    return [object_from_json(item, expected) for item in data]


def map_from_json(data: Any, expected: str) -> dict[str, Any] | None:
    if data is None:
        return None
    if isinstance(data, list):  # an empty PHP array is encoded as []
        result: dict[str, Any] = {}
        for item in data:
            key = item.get("itemKey", "") if isinstance(item, dict) else ""
            result[str(key)] = object_from_json(item, expected)
        return result
    return {str(key): object_from_json(item, expected) for key, item in data.items()}


def value_from_json(data: Any, kind: int | None, ref: str | None) -> Any:
    """A decoded JSON result as the typed value of an action result."""
    if kind is None:
        return None
    values: dict[str, Any] = {}
    _fill_json(values, {"v": _json_reader("v", kind, ref)}, {"v": data})
    return values["v"]


# --------------------------------------------------------------------------------------------
# Display


def _plain(value: Any) -> Any:
    if isinstance(value, KalturaObjectBase):
        return object_to_dict(value)
    if isinstance(value, KalturaIntEnum):
        return int(value)
    if isinstance(value, KalturaStringEnum):
        return str.__str__(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def object_to_dict(obj: Any) -> dict[str, Any]:
    plan = _plan(type(obj))
    out: dict[str, Any] = {"objectType": plan.type_name}
    values = obj.__dict__
    for spec in plan.fields:
        value = values.get(spec.attr_name, NotImplemented)
        if value is not NotImplemented:
            out[spec.attr_name] = _plain(value)
    return out


def object_repr(obj: Any) -> str:
    plan = _plan(type(obj))
    values = obj.__dict__
    parts = []
    for spec in plan.fields:
        value = values.get(spec.attr_name, NotImplemented)
        if value is not NotImplemented:
            parts.append(f"{spec.attr_name}={value!r}")
    return f"{type(obj).__name__}({', '.join(parts)})"
