"""Worker of the request-equality harness; runs in its own process, for one client.

    python equality_worker.py ours|official PLAN.json OUT.json [PACKAGE_ROOT]

Reads the call plan (see `equality.py`), materializes every argument with that client's own
classes, calls every action with the HTTP layer patched out, and writes, per call, the URL,
the exact JSON body text and the names of the file parts (or the error raised). Both clients
are named `KalturaClient`, hence one process each. Standard library only.
"""

from __future__ import annotations

import importlib
import io
import json
import sys
import warnings
from typing import Any


class Captured(Exception):
    def __init__(self, url: str, body: str, files: list[str]) -> None:
        super().__init__(url)
        self.url = url
        self.body = body
        self.files = files


def _official_patch() -> None:
    from KalturaClient import Client as mod

    def open_request(url: str, params: Any, files: Any, headers: Any, timeout: Any) -> Any:
        raise Captured(url, json.dumps(params.get()), sorted(files or {}))

    mod.KalturaClient.openRequestUrl = staticmethod(open_request)


def _ours_patch() -> None:
    from KalturaClient._runtime import transport

    def post(self: Any, url: str, body: str, files: Any, headers: Any, idempotent: bool) -> Any:
        raise Captured(url, body, sorted(files or {}))

    transport.Transport.post = post


class Materializer:
    def __init__(self, side: str, modules: dict[str, str]) -> None:
        self.side = side
        self.modules = modules
        self._attr_cache: dict[tuple[type, str], str] = {}

    def cls(self, name: str) -> Any:
        return getattr(importlib.import_module(self.modules[name]), name)

    def attr(self, cls: type, obj: Any, wire: str) -> str:
        key = (cls, wire)
        if key not in self._attr_cache:
            if self.side == "ours":
                names = {}
                for klass in cls.__mro__:
                    for spec in klass.__dict__.get("_kaltura_fields_", ()):
                        names[spec.wire_name] = spec.attr_name
                self._attr_cache[key] = names[wire]
            else:
                self._attr_cache[key] = wire if wire in vars(obj) else wire + "_"
        return self._attr_cache[key]

    def value(self, d: Any) -> Any:
        kind = d[0]
        if kind == "null":
            return None
        if kind == "unset":
            return NotImplemented
        if kind in ("s", "i", "f", "b"):
            return d[1]
        if kind == "enum":
            if len(d) > 3 and self.side == "official":
                return d[2]
            return self.cls(d[1])(d[2])
        if kind == "file":
            buf = io.BytesIO(d[1].encode())
            buf.name = "upload.bin"
            return buf
        if kind == "arr":
            return [self.value(x) for x in d[1]]
        if kind == "map":
            return {k: self.value(v) for k, v in d[1].items()}
        if kind == "obj":
            cls = self.cls(d[1])
            obj = cls()
            for wire, sub in d[2]:
                setattr(obj, self.attr(cls, obj, wire), self.value(sub))
            return obj
        raise ValueError(kind)


class NoOfficialCounterpart(Exception):
    pass


def resolve(client: Any, call: dict[str, Any], side: str) -> Any:
    target: Any = client
    try:
        for part in call["path"]:
            target = getattr(target, part)
        return getattr(target, call["method"])
    except AttributeError:
        if side != "official":
            raise
    # The official client shadows some core services by plugin namespaces, and its public
    # build leaves some services out: use the service class itself, if it exists at all.
    module_name, class_name = call["service_class"]
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError):
        raise NoOfficialCounterpart(f"{module_name}.{class_name}") from None
    try:
        return getattr(cls(client), call["method"])
    except AttributeError:
        raise NoOfficialCounterpart(f"{class_name}.{call['method']}") from None


def emulate_official(client: Any, call: dict[str, Any], args: list[Any]) -> Any:
    """For an action the official build lacks: what its generator would emit, run on the
    official client's own primitives (KalturaParams.add*IfDefined, queueServiceActionCall,
    doQueue / getServeUrl). Only the per-action glue (parameter order and kinds) comes from
    the schema; all serialization is the official client's."""
    from KalturaClient.Base import KalturaParams

    kparams = KalturaParams()
    kfiles: dict[str, Any] = {}
    adders = {
        "int": kparams.addIntIfDefined,
        "bigint": kparams.addIntIfDefined,
        "float": kparams.addFloatIfDefined,
        "bool": kparams.addBoolIfDefined,
        "string": kparams.addStringIfDefined,
        "object": kparams.addObjectIfDefined,
        "array": kparams.addArrayIfDefined,
        "map": kparams.addMapIfDefined,
    }
    for (name, kind), value in zip(call["params"], args, strict=True):
        if kind == "file":
            if value is not NotImplemented:
                kfiles[name] = value
            continue
        adders[kind](name, value)
    service_id = call["key"].split(".")[0]
    client.queueServiceActionCall(service_id, call["method"], None, kparams, kfiles)
    if call["serve"]:
        return client.getServeUrl()
    return client.doQueue()


def main() -> None:
    side, plan_path, out_path = sys.argv[1:4]
    if len(sys.argv) > 4:
        sys.path.insert(0, sys.argv[4])
    warnings.simplefilter("ignore")
    with open(plan_path) as f:
        plan = json.load(f)
    from KalturaClient import KalturaClient, KalturaConfiguration

    if side == "official":
        _official_patch()
        config = KalturaConfiguration("http://h.example")
    else:
        _ours_patch()
        config = KalturaConfiguration("http://h.example", format=2, ignoreNull=False)
        package_file = importlib.import_module("KalturaClient").__file__
        assert package_file and "site-packages" not in package_file
    client = KalturaClient(config)
    client.setClientTag(plan["clientTag"])
    client.setApiVersion(plan["apiVersion"])
    client.setKs("KS-TOKEN")
    client.setPartnerId(99)
    mat = Materializer(side, plan["modules"])
    results: dict[str, Any] = {}
    for call in plan["calls"]:
        key = call["key"]
        try:
            emulated = False
            try:
                method = resolve(client, call, side)
            except NoOfficialCounterpart:
                emulated = True
            args = [mat.value(a) for a in call["args"]]
            returned = emulate_official(client, call, args) if emulated else method(*args)
            if isinstance(returned, str):
                results[key] = {"url": returned}
            else:
                results[key] = {"error": f"returned {type(returned).__name__} without sending"}
            if emulated:
                results[key]["emulated"] = True
        except Captured as cap:
            results[key] = {"url": cap.url, "body": cap.body, "files": cap.files}
            if emulated:
                results[key]["emulated"] = True
        except Exception as exc:  # reported, compared
            results[key] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
            if emulated:
                results[key]["emulated"] = True
    with open(out_path, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
