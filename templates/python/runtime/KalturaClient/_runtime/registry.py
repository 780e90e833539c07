"""Lazy resolution of schema type names to classes through the generated `_registry` module.

Nothing is imported until a name is needed; each module is imported once, by `importlib`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "enum_class",
    "find_enum_class",
    "object_class",
    "register_class",
    "register_enum",
    "service_class",
]

_classes: dict[str, type[Any] | None] = {}
_enums: dict[str, type[Any] | None] = {}
_maps: tuple[dict[str, str], dict[str, str]] | None = None
_services: dict[str, type[Any] | None] = {}


def _registry_maps() -> tuple[dict[str, str], dict[str, str]]:
    global _maps
    if _maps is None:
        package = (__package__ or "KalturaClient._runtime").rpartition(".")[0]
        try:
            generated = import_module(package + "._registry")
            classes: dict[str, str] = dict(getattr(generated, "CLASS_MODULES", {}))
            enums: dict[str, str] = dict(getattr(generated, "ENUM_MODULES", {}))
        except ImportError:  # a bare runtime (tests) has no generated registry
            classes, enums = {}, {}
        _maps = (classes, enums)
    return _maps


def object_class(name: str | None) -> type[Any] | None:
    """The class named `name`, or None if this client does not know it."""
    if name is None:
        return None
    try:
        return _classes[name]
    except KeyError:
        pass
    cls: type[Any] | None = None
    if name == "KalturaObjectBase":
        from ..Base import KalturaObjectBase

        cls = KalturaObjectBase
    else:
        module_name = _registry_maps()[0].get(name)
        if module_name is not None:
            cls = getattr(import_module(module_name), name, None)
    _classes[name] = cls
    return cls


def enum_class(name: str) -> type[Any]:
    """The enum class named `name` (KalturaClientException if unknown)."""
    cls = _enums.get(name)
    if cls is None:
        module_name = _registry_maps()[1].get(name)
        if module_name is not None:
            cls = getattr(import_module(module_name), name, None)
        if cls is None:
            from ..exceptions import KalturaClientException

            raise KalturaClientException(
                f"Unrecognized enum '{name}'", KalturaClientException.ERROR_INVALID_OBJECT_TYPE
            )
        _enums[name] = cls
    return cls


def find_enum_class(name: str) -> type[Any] | None:
    """The enum class named `name`, or None if unknown."""
    try:
        return enum_class(name)
    except Exception:
        return None


def register_class(cls: type[Any], name: str | None = None) -> None:
    """Make `cls` resolvable as `name` (default: its `_kaltura_type_`), e.g. a user subclass."""
    _classes[name or cls._kaltura_type_] = cls


def register_enum(cls: type[Any], name: str | None = None) -> None:
    _enums[name or cls.__name__] = cls


def service_class(name: str) -> type[Any] | None:
    """The generated service class named `name` (through `_registry.SERVICE_MODULES`)."""
    if name in _services:
        return _services[name]
    package = (__package__ or "KalturaClient._runtime").rpartition(".")[0]
    try:
        generated = import_module(package + "._registry")
        module_name = dict(getattr(generated, "SERVICE_MODULES", {})).get(name)
    except ImportError:
        module_name = None
    cls = getattr(import_module(module_name), name, None) if module_name else None
    _services[name] = cls
    return cls
