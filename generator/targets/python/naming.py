"""Deterministic, collision-free Python names for schema names (documented in the README).

Rules (the generated README repeats them):

1. Schema names are kept verbatim wherever they are legal, so code written for the
   official client keeps working (`entry.name`, `client.baseEntry`, `media.list`).
2. A name that is a Python keyword (`not`, `class`, ...) or a soft keyword that cannot be an
   attribute everywhere (`match`, `case`, `type`, `_`: these are legal and kept) gets a
   trailing underscore: `not` -> `not_`, with accessors `getNot_()` / `setNot_()` exactly as the
   official client. Parameters additionally avoid `self`.
3. Names the generated code itself needs inside a class body are never shadowed: when a
   member of a class is called like a builtin the class annotates with (`list`, `str`,
   `type`, ...), annotations in that class spell the builtin `builtins.list`.
4. Enum constants that are not identifiers (leading digit) get the prefix `VALUE_` (`3D` ->
   `VALUE_3D`; a leading underscore would make the runtime treat the name as private).
5. Plugin modules are named as the official client names them: the plugin name with its
   first letter upper-cased (`metadata` -> `Plugins/Metadata.py`).
6. A plugin whose name equals a core service name (`bulkUpload`, `document` in
   ovp-22.19.0) gets ONE accessor on the client that is both: the core service (its actions)
   and the plugin namespace (its services as attributes). A plugin service that would clash
   with one of the core service's members gets the suffix `Service`.
7. Client accessors that would clash with members of the client base class get a trailing
   underscore.
"""

from __future__ import annotations

import builtins
import keyword
import re

__all__ = [
    "CLIENT_RESERVED",
    "attr_name",
    "const_name",
    "module_name",
    "param_name",
    "ucfirst",
]

# Soft keywords are legal identifiers; only hard keywords need renaming.
_KEYWORDS = frozenset(keyword.kwlist)

# Members of the runtime's KalturaClientBase and of the official KalturaClient that a
# service or plugin accessor must not replace.
CLIENT_RESERVED = frozenset(
    {
        "config",
        "setConfig",
        "getConfig",
        "clientConfiguration",
        "requestConfiguration",
        "requestHeaders",
        "callsQueue",
        "startMultiRequest",
        "doMultiRequest",
        "isMultiRequest",
        "getMultiRequestResult",
        "queueServiceActionCall",
        "doQueue",
        "getServeUrl",
        "getRequestParams",
        "generateSession",
        "generateSessionV2",
        "log",
        "parser",
        "shouldLog",
        "doHttpRequest",
        "openRequestUrl",
        "readHttpResponse",
        "parsePostResult",
        "throwExceptionIfError",
        "getExceptionIfError",
        "flattenParams",
        "loadPlugins",
        "loadPlugin",
        "loadConfigurations",
        "loadConfiguration",
        "loadConfigurationItem",
        "registerPluginServices",
        "registerPluginObjects",
        "addCoreService",
        "closeHandle",
        "multiRequestReturnType",
        "remove_data_content",
        "hash",
    }
)

BUILTIN_NAMES = frozenset(dir(builtins))

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def ucfirst(name: str) -> str:
    return name[:1].upper() + name[1:]


def attr_name(name: str) -> str:
    """Attribute / method name for a schema property, action or service name."""
    if name in _KEYWORDS:
        return name + "_"
    return name


def param_name(name: str) -> str:
    if name in _KEYWORDS or name == "self":
        return name + "_"
    return name


def const_name(name: str) -> str:
    if not _IDENT.fullmatch(name):
        name = "VALUE_" + re.sub(r"[^A-Za-z0-9_]", "_", name)
    if name in _KEYWORDS:
        return name + "_"
    return name


def module_name(plugin: str | None) -> str:
    """Module basename (`Core`, `Metadata`) for a plugin name (None = core)."""
    if plugin is None:
        return "Core"
    return ucfirst(re.sub(r"[^A-Za-z0-9_]", "_", plugin))
