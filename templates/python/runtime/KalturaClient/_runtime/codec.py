"""Objects <-> wire: request serialization and XML / JSON response parsing.

For each class a `_Plan` is derived once from the `_kaltura_fields_` declarations along its
MRO: the attribute defaults, the writable fields in the official order and, per wire name, a
converter for each response format. Parsing creates instances without running `__init__`
(the defaults are copied into `__dict__` in one step), which is what makes it fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..Base import (
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

_INT = FieldKind.INT
_BIGINT = FieldKind.BIGINT
_FLOAT = FieldKind.FLOAT
_BOOL = FieldKind.BOOL
_STRING = FieldKind.STRING
_OBJECT = FieldKind.OBJECT
_ARRAY = FieldKind.ARRAY
_MAP = FieldKind.MAP
_FILE = FieldKind.FILE

XmlConv = Callable[[Any], Any]
JsonConv = Callable[[Any], Any]


class _Plan:
    __slots__ = ("defaults", "fields", "json_readers", "type_name", "writable", "xml_readers")

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
        self.defaults: dict[str, Any] = {f.attr_name: NotImplemented for f in self.fields}
        # The official toParams order: base class fields first, related objects never sent.
        self.writable: tuple[tuple[str, str, int], ...] = tuple(
            (f.wire_name, f.attr_name, f.kind) for f in self.fields if not f.flags & READ_ONLY
        )
        self.xml_readers: dict[str, tuple[str, XmlConv]] = {
            f.wire_name: (f.attr_name, _xml_converter(f.kind, f.ref)) for f in self.fields
        }
        self.json_readers: dict[str, tuple[str, JsonConv]] = {
            f.wire_name: (f.attr_name, _json_converter(f.kind, f.ref)) for f in self.fields
        }


_plans: dict[type[Any], _Plan] = {}


def _plan(cls: type[Any]) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = _Plan(cls)
    return plan


def new_instance(cls: type[Any]) -> Any:
    """An instance of `cls` with every declared attribute unset (`__init__` not run)."""
    obj = cls.__new__(cls)
    obj.__dict__.update(_plan(cls).defaults)
    return obj


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
    """An object as its request dict: `objectType` first, then the set, writable fields."""
    plan = _plans.get(type(obj)) or _plan(type(obj))
    out: dict[str, Any] = {"objectType": plan.type_name}
    values = obj.__dict__
    for wire, attr, kind in plan.writable:
        value = values.get(attr, NotImplemented)
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
            key: object_to_wire(item) if isinstance(item, KalturaObjectBase) else scalar_to_wire(item)
            for key, item in value.items()
        }
    return scalar_to_wire(value)


# --------------------------------------------------------------------------------------------
# XML parsing


def _xml_text(node: Any) -> str:
    text = node.text
    return text if text else ""


def _xml_int(node: Any) -> int | None:
    text = node.text
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def _xml_float(node: Any) -> float | None:
    text = node.text
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _xml_bool(node: Any) -> bool | None:
    text = node.text
    if text == "1" or text == "true":
        return True
    if text == "0" or text == "false":
        return False
    return None


def _int_enum_xml(ref: str) -> XmlConv:
    holder: list[Any] = []

    def convert(node: Any) -> Any:
        text = node.text
        if not text:
            return None
        try:
            raw = int(text)
        except ValueError:
            return None
        if not holder:
            holder.append(registry.find_enum_class(ref) or int)
        return holder[0](raw)

    return convert


def _string_enum_xml(ref: str) -> XmlConv:
    holder: list[Any] = []

    def convert(node: Any) -> Any:
        text = node.text
        if not text:
            return None
        if not holder:
            holder.append(registry.find_enum_class(ref) or str)
        return holder[0](text)

    return convert


def _xml_converter(kind: int, ref: str | None) -> XmlConv:
    if kind == _STRING or kind == _FILE:
        return _string_enum_xml(ref) if ref else _xml_text
    if kind == _INT or kind == _BIGINT:
        return _int_enum_xml(ref) if ref else _xml_int
    if kind == _BOOL:
        return _xml_bool
    if kind == _FLOAT:
        return _xml_float
    expected = ref or "KalturaObjectBase"
    if kind == _OBJECT:
        return lambda node: object_from_xml(node, expected)
    if kind == _ARRAY:
        return lambda node: array_from_xml(node, expected)
    return lambda node: map_from_xml(node, expected)


def _resolve(object_type: str | None, expected: str) -> type[Any]:
    """The class for a response's `objectType`; unknown or unrelated types fall back to the
    declared type (a newer server may send subclasses this client does not know)."""
    cls = registry.object_class(object_type)
    declared = registry.object_class(expected) or KalturaObjectBase
    if cls is None or not issubclass(cls, declared):
        return declared
    return cls


def fill_from_xml(obj: Any, node: Any) -> None:
    readers = _plan(type(obj)).xml_readers
    values = obj.__dict__
    for child in node:
        reader = readers.get(child.tag)
        if reader is not None:
            values[reader[0]] = reader[1](child)


def object_from_xml(node: Any, expected: str) -> Any:
    """An object element -> instance (None when it has no `objectType`, as the official)."""
    type_node = node.find("objectType")
    if type_node is None:
        return None
    cls = _resolve(type_node.text, expected)
    plan = _plans.get(cls) or _plan(cls)
    obj = cls.__new__(cls)
    values = obj.__dict__
    values.update(plan.defaults)
    readers = plan.xml_readers
    for child in node:
        reader = readers.get(child.tag)
        if reader is not None:
            values[reader[0]] = reader[1](child)
    return obj


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
    if kind == _OBJECT:
        return object_from_xml(node, ref or "KalturaObjectBase")
    if kind == _ARRAY:
        return array_from_xml(node, ref or "KalturaObjectBase")
    if kind == _MAP:
        return map_from_xml(node, ref or "KalturaObjectBase")
    return _xml_converter(kind, ref)(node)


# --------------------------------------------------------------------------------------------
# JSON parsing


def _json_text(value: Any) -> Any:
    if value is None or type(value) is str:
        return value
    if type(value) is bool:
        return "1" if value else "0"
    return str(value)


def _json_int(value: Any) -> int | None:
    if type(value) is int or value is None:
        return value  # type: ignore[no-any-return]
    if type(value) is bool:
        return int(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _json_float(value: Any) -> float | None:
    if type(value) is float or value is None:
        return value  # type: ignore[no-any-return]
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _json_bool(value: Any) -> bool | None:
    if type(value) is bool or value is None:
        return value  # type: ignore[no-any-return]
    if value in (1, "1", "true"):
        return True
    if value in (0, "0", "false"):
        return False
    return None


def _int_enum_json(ref: str) -> JsonConv:
    holder: list[Any] = []

    def convert(value: Any) -> Any:
        raw = _json_int(value)
        if raw is None:
            return None
        if not holder:
            holder.append(registry.find_enum_class(ref) or int)
        return holder[0](raw)

    return convert


def _string_enum_json(ref: str) -> JsonConv:
    holder: list[Any] = []

    def convert(value: Any) -> Any:
        if value is None or value == "":
            return None
        if not holder:
            holder.append(registry.find_enum_class(ref) or str)
        return holder[0](_json_text(value))

    return convert


def _json_converter(kind: int, ref: str | None) -> JsonConv:
    if kind == _STRING or kind == _FILE:
        return _string_enum_json(ref) if ref else _json_text
    if kind == _INT or kind == _BIGINT:
        return _int_enum_json(ref) if ref else _json_int
    if kind == _BOOL:
        return _json_bool
    if kind == _FLOAT:
        return _json_float
    expected = ref or "KalturaObjectBase"
    if kind == _OBJECT:
        return lambda value: object_from_json(value, expected)
    if kind == _ARRAY:
        return lambda value: array_from_json(value, expected)
    return lambda value: map_from_json(value, expected)


def fill_from_json(obj: Any, data: Mapping[str, Any]) -> None:
    readers = _plan(type(obj)).json_readers
    values = obj.__dict__
    for key, value in data.items():
        reader = readers.get(key)
        if reader is not None:
            values[reader[0]] = reader[1](value)


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
    cls = _resolve(object_type, expected)
    plan = _plans.get(cls) or _plan(cls)
    obj = cls.__new__(cls)
    values = obj.__dict__
    values.update(plan.defaults)
    readers = plan.json_readers
    for key, value in data.items():
        reader = readers.get(key)
        if reader is not None:
            values[reader[0]] = reader[1](value)
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
    if kind == _OBJECT:
        return object_from_json(data, ref or "KalturaObjectBase")
    if kind == _ARRAY:
        return array_from_json(data, ref or "KalturaObjectBase")
    if kind == _MAP:
        return map_from_json(data, ref or "KalturaObjectBase")
    return _json_converter(kind, ref)(data)


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
