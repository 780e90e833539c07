"""Typing request parameters against the schema: Kaltura's validation, from the model.

A raw parameter tree (strings, or JSON scalars) becomes typed values: ints, floats, bools,
strings, objects as dicts carrying `objectType`, arrays as lists, maps as dicts. Errors are
Kaltura's: a missing mandatory parameter, a value of the wrong type, a value outside its enum,
an unknown or abstract `objectType`.

Like Kaltura's request deserializer, an `objectType` that names a known class which is not a
subclass of the declared type is ignored and the declared type is used.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.model import (
    ArrayType,
    ClassDef,
    EnumDef,
    EnumKind,
    MapType,
    ObjectType,
    ParamDef,
    Primitive,
    PrimitiveType,
    PropertyDef,
    Schema,
    Type,
)
from generator.serve.errors import ErrorCatalog
from generator.serve.wire import UploadedFile

__all__ = ["Coercer"]

Obj = dict[str, Any]
NULL_SUFFIX = "__null"
_TRUE = {"1", "true", "True", "TRUE", "on", "yes"}
_FALSE = {"0", "false", "False", "FALSE", "off", "no", ""}


def _enum_values(enum: EnumDef) -> frozenset[str]:
    return frozenset(c.value for c in enum.consts)


class Coercer:
    def __init__(self, schema: Schema, errors: ErrorCatalog) -> None:
        self.schema = schema
        self.errors = errors
        self._enum_cache: dict[str, frozenset[str]] = {}

    # -- parameters

    def params(
        self,
        params: tuple[ParamDef, ...],
        raw: Mapping[str, Any],
        files: Mapping[str, UploadedFile],
    ) -> dict[str, Any]:
        """Typed arguments by parameter name; absent optional parameters are left out."""
        args: dict[str, Any] = {}
        for param in params:
            if param.is_file:
                upload = files.get(param.name)
                if upload is None and not param.optional:
                    raise self.errors.make("MISSING_MANDATORY_PARAMETER", param.name)
                if upload is not None:
                    args[param.name] = upload
                continue
            if param.name + NULL_SUFFIX in raw and param.name not in raw:
                if not param.optional:
                    raise self.errors.make("MISSING_MANDATORY_PARAMETER", param.name)
                args[param.name] = None
                continue
            if param.name not in raw:
                if not param.optional:
                    raise self.errors.make("MISSING_MANDATORY_PARAMETER", param.name)
                continue
            value = self.value(param.type, raw[param.name], param.name)
            if value is None and not param.optional and isinstance(param.type, ObjectType):
                raise self.errors.make("MISSING_MANDATORY_PARAMETER", param.name)
            args[param.name] = value
        return args

    # -- values

    def value(self, t: Type, raw: Any, path: str) -> Any:
        if isinstance(t, PrimitiveType):
            return self.primitive(t, raw, path)
        if isinstance(raw, str) and raw[:1] in ("{", "["):
            raw = _json_part(raw)
        if isinstance(t, ObjectType):
            return self.object(t.cls, raw, path)
        if isinstance(t, ArrayType):
            return self.array(t.item, raw, path)
        return self.map(t, raw, path)

    def primitive(self, t: PrimitiveType, raw: Any, path: str) -> Any:
        if raw is None:
            return None
        if isinstance(raw, (dict, list)):
            raise self.errors.make("INVALID_PARAMETER_VALUE", path)
        p = t.primitive
        value: Any
        if p in (Primitive.INT, Primitive.BIGINT):
            value = self._int(raw, path)
        elif p is Primitive.FLOAT:
            value = self._float(raw, path)
        elif p is Primitive.BOOL:
            value = self._bool(raw, path)
        else:
            value = raw if isinstance(raw, str) else _text(raw)
        if value is not None and t.enum is not None:
            self._check_enum(t.enum, value, path)
        return value

    def _int(self, raw: Any, path: str) -> int | None:
        if isinstance(raw, bool):
            return int(raw)
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        text = str(raw).strip()
        if text == "":
            return None
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                raise self.errors.make("INVALID_PARAMETER_VALUE", path) from None
            if not number.is_integer():
                raise self.errors.make("INVALID_PARAMETER_VALUE", path) from None
            return int(number)

    def _float(self, raw: Any, path: str) -> float | None:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return float(raw)
        text = str(raw).strip()
        if text == "":
            return None
        try:
            return float(text)
        except ValueError:
            raise self.errors.make("INVALID_PARAMETER_VALUE", path) from None

    def _bool(self, raw: Any, path: str) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int):
            return raw != 0
        text = str(raw).strip()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise self.errors.make("INVALID_PARAMETER_VALUE", path)

    def _check_enum(self, enum: EnumDef, value: Any, path: str) -> None:
        allowed = self._enum_cache.get(enum.name)
        if allowed is None:
            allowed = _enum_values(enum)
            if enum.kind is EnumKind.INT:
                allowed = frozenset(str(int(v)) for v in allowed if _is_int(v))
            self._enum_cache[enum.name] = allowed
        if not allowed:  # an enum without constants (extensible): anything goes
            return
        if _text(value) not in allowed:
            raise self.errors.make("INVALID_ENUM_VALUE", _text(value), path, enum.name)

    def resolve_class(self, declared: ClassDef | None, raw: Mapping[str, Any]) -> ClassDef | None:
        name = raw.get("objectType")
        if not isinstance(name, str) or not name or name == "KalturaObjectBase":
            return declared
        cls = self.schema.classes.get(name)
        if cls is None:
            raise self.errors.make("INVALID_OBJECT_TYPE", name)
        if declared is not None and not cls.is_subclass_of(declared):
            return declared  # Kaltura's deserializer falls back to the declared type
        return cls

    def object(self, declared: ClassDef | None, raw: Any, path: str) -> Obj | None:
        if raw is None or raw == "":
            return None
        if not isinstance(raw, Mapping):
            raise self.errors.make("INVALID_PARAMETER_VALUE", path)
        cls = self.resolve_class(declared, raw)
        if cls is None:
            return {k: v for k, v in raw.items() if not k.endswith(NULL_SUFFIX)}
        if cls.abstract and raw.get("objectType") == cls.name and cls is not declared:
            raise self.errors.make("OBJECT_TYPE_ABSTRACT", cls.name)
        result: Obj = {"objectType": cls.name}
        for prop in cls.all_properties:
            name = prop.name
            if name in raw:
                path = f"{cls.name}::{name}"
                value = self.value(prop.type, raw[name], path)
                if value is not None:
                    value = self._check_limits(prop, value, path)
                result[name] = value
            elif name + NULL_SUFFIX in raw:
                result[name] = None
        return result

    def _check_limits(self, prop: PropertyDef, value: Any, path: str) -> Any:
        """minLength / maxLength (or utf8truncate) and minValue / maxValue from the schema."""
        if isinstance(value, str):
            if prop.min_length is not None and len(value) < prop.min_length:
                raise self.errors.make("PROPERTY_VALIDATION_MIN_LENGTH", path, prop.min_length)
            if prop.utf8_truncate is not None:
                encoded = value.encode("utf-8")
                if len(encoded) > prop.utf8_truncate:
                    value = encoded[: prop.utf8_truncate].decode("utf-8", "ignore")
            elif prop.max_length is not None and len(value) > prop.max_length:
                raise self.errors.make("PROPERTY_VALIDATION_MAX_LENGTH", path, prop.max_length)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if prop.min_value is not None and value < prop.min_value:
                raise self.errors.make("PROPERTY_VALIDATION_MIN_VALUE", path, prop.min_value)
            if prop.max_value is not None and value > prop.max_value:
                raise self.errors.make("PROPERTY_VALIDATION_MAX_VALUE", path, prop.max_value)
        return value

    def array(self, item: Type, raw: Any, path: str) -> list[Any] | None:
        if raw is None or raw == "":
            return None if raw is None else []
        if isinstance(raw, Mapping):
            if set(raw) <= {"-"}:
                return []
            try:
                keys = sorted(raw, key=lambda k: int(k))
            except ValueError:
                raise self.errors.make("INVALID_PARAMETER_VALUE", path) from None
            items = [raw[k] for k in keys]
        elif isinstance(raw, list):
            items = raw
        elif isinstance(item, PrimitiveType):
            items = [part for part in str(raw).split(",") if part != ""]
        else:
            raise self.errors.make("INVALID_PARAMETER_VALUE", path)
        values = [self.value(item, element, f"{path}[{i}]") for i, element in enumerate(items)]
        return [v for v in values if v is not None]

    def map(self, t: MapType, raw: Any, path: str) -> dict[str, Any] | None:
        if raw is None or raw == "":
            return None if raw is None else {}
        if not isinstance(raw, Mapping):
            raise self.errors.make("INVALID_PARAMETER_VALUE", path)
        result: dict[str, Any] = {}
        for key, element in raw.items():
            if key == "-":
                continue
            value = self.value(t.value, element, f"{path}[{key}]")
            if value is not None:
                result[str(key)] = value
        return result


def _json_part(raw: str) -> Any:
    """An object, array or map sent as JSON text: a multipart part with content type
    application/json, as OpenAPI encodes object properties of multipart bodies."""
    try:
        decoded = json.loads(raw)
    except (ValueError, RecursionError):
        return raw
    return decoded if isinstance(decoded, (dict, list)) else raw


def _text(value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True
