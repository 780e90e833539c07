"""Dump the public surface of the `KalturaClient` package importable in this process as JSON.

Run in a subprocess (both the official package and ours are called `KalturaClient`):
`python surface.py [PATH]` puts PATH first on sys.path. Used by the compatibility test.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
import warnings
from typing import Any


def _default(value: Any) -> str:
    if value is inspect.Parameter.empty:
        return "<required>"
    if value is NotImplemented:
        return "NotImplemented"
    return repr(value)


def _signature(func: Any) -> list[list[str]]:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return []
    return [
        [p.name, _default(p.default)]
        for p in sig.parameters.values()
        if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
    ]


def _raw(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str.__str__(value)
    return repr(value)


def _public_methods(cls: type) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for klass in cls.__mro__:
        if klass is object:
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or name in out:
                continue
            if inspect.isfunction(value):
                out[name] = _signature(value)
    return out


def dump() -> dict[str, Any]:
    warnings.simplefilter("ignore")
    import KalturaClient
    import KalturaClient.Plugins as plugins
    from KalturaClient.Base import KalturaObjectBase, KalturaServiceBase

    surface: dict[str, Any] = {"modules": {}, "client": {}, "exceptions": {}, "base": []}
    names = sorted(m.name for m in pkgutil.iter_modules(plugins.__path__))
    for short in names:
        modname = f"KalturaClient.Plugins.{short}"
        module = importlib.import_module(modname)
        entry: dict[str, Any] = {"enums": {}, "objects": {}, "services": {}, "other": []}
        for name, obj in sorted(vars(module).items()):
            if not isinstance(obj, type) or getattr(obj, "__module__", None) != modname:
                continue
            if not name.startswith("Kaltura"):
                continue
            if issubclass(obj, KalturaObjectBase):
                cls: type[object] = obj  # a class object: its __init__ is the constructor
                entry["objects"][name] = {
                    "base": obj.__mro__[1].__name__,
                    "init": _signature(cls.__init__),
                    "methods": sorted(
                        n
                        for n in _public_methods(obj)
                        if n[:3] in ("get", "set") and n[3:4].isupper()
                    ),
                }
            elif issubclass(obj, KalturaServiceBase):
                methods = {
                    n: s
                    for n, s in _public_methods(obj).items()
                    if n not in ("setClient",) and n in vars(obj)
                }
                entry["services"][name] = methods
            elif hasattr(obj, "getValue"):
                entry["enums"][name] = {
                    k: _raw(v)
                    for k, v in vars(obj).items()
                    if not k.startswith("_") and isinstance(v, (int, str))
                }
            else:
                entry["other"].append(name)
        surface["modules"][short] = entry
        surface.setdefault("module_api_version", {})[short] = _raw(
            getattr(module, "API_VERSION", None)
        )

    client = KalturaClient.KalturaClient(KalturaClient.KalturaConfiguration())
    services: dict[str, Any] = {}
    namespaces: dict[str, Any] = {}
    for name in sorted(dir(client)):
        if name.startswith("_"):
            continue
        try:
            value = getattr(client, name)
        except Exception as exc:  # an accessor that fails is a difference too
            services[name] = f"error: {exc!r}"
            continue
        if isinstance(value, KalturaServiceBase):
            services[name] = type(value).__name__
        if not callable(value) and not isinstance(value, (str, int, float, dict, list)):
            members = {
                n: type(v).__name__
                for n, v in getattr(value, "__dict__", {}).items()
                if isinstance(v, KalturaServiceBase)
            }
            kind = type(value).__name__
            if kind == "PluginServicesProxy" or kind.endswith("PluginServices"):
                namespaces[name] = members
    surface["client"]["services"] = services
    surface["client"]["namespaces"] = namespaces
    surface["client"]["config_methods"] = sorted(
        n
        for n in dir(client)
        if n[:3] in ("get", "set") and n[3:4].isupper() and callable(getattr(client, n))
    )
    surface["client"]["init"] = _signature(type(client).__init__)
    surface["client"]["methods"] = sorted(
        n
        for n in dir(type(client))
        if not n.startswith("_") and inspect.isfunction(getattr(type(client), n, None))
    )

    exceptions = importlib.import_module("KalturaClient.exceptions")
    for cls_name in ("KalturaException", "KalturaClientException"):
        cls = getattr(exceptions, cls_name)
        surface["exceptions"][cls_name] = {
            "init": _signature(cls.__init__),
            "constants": {k: v for k, v in vars(cls).items() if k.startswith("ERROR_")},
        }
    base = importlib.import_module("KalturaClient.Base")
    surface["base"] = sorted(
        n
        for n in vars(base)
        if (not n.startswith("_") and n[:1] != n[:1].lower()) or n.startswith("getXml")
    )
    surface["configuration_init"] = _signature(base.KalturaConfiguration.__init__)
    return surface


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.path.insert(0, sys.argv[1])
    json.dump(dump(), sys.stdout, indent=1, sort_keys=True)
