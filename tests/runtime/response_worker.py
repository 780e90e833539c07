"""Worker of the response-parsing harness (see response_equality.py); one client per process.

    python response_worker.py ours|official CASES.json OUT.json [PACKAGE_ROOT]

Parses every case and writes a normalized dump: objects as {wire name: value} (with
`objectType` = the Python class's Kaltura type), enums as raw values, unset fields left out.
Standard library only.
"""

from __future__ import annotations

import json
import sys
import warnings
import xml.etree.ElementTree as ET
from typing import Any


def normalize(value: Any, side: str) -> Any:
    if hasattr(value, "toParams"):
        out: dict[str, Any] = {"objectType": _type_name(value, side)}
        for attr, item in _fields(value, side):
            if item is not NotImplemented:
                out[attr] = normalize(item, side)
        return out
    if hasattr(value, "getValue"):  # an enum (ours are int/str subclasses)
        raw = value.getValue()
        return int(raw) if isinstance(raw, int) else str(raw)
    if isinstance(value, list):
        return [normalize(v, side) for v in value]
    if isinstance(value, dict):
        return {k: normalize(v, side) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


def _type_name(obj: Any, side: str) -> str:
    if side == "ours":
        return str(type(obj)._kaltura_type_)
    return type(obj).__name__


def _fields(obj: Any, side: str) -> list[tuple[str, Any]]:
    if side == "ours":
        names: dict[str, str] = {}
        for klass in reversed(type(obj).__mro__):
            for spec in klass.__dict__.get("_kaltura_fields_", ()):
                names[spec.wire_name] = spec.attr_name
        return [(wire, getattr(obj, attr)) for wire, attr in names.items()]
    out = []
    for attr, item in vars(obj).items():
        out.append((attr[:-1] if attr.endswith("_") else attr, item))
    return out


def main() -> None:
    side, cases_path, out_path = sys.argv[1:4]
    if len(sys.argv) > 4:
        sys.path.insert(0, sys.argv[4])
    warnings.simplefilter("ignore")
    with open(cases_path) as f:
        data = json.load(f)
    results: dict[str, Any] = {}
    if side == "official":
        from KalturaClient import KalturaClient, KalturaConfiguration
        from KalturaClient.Base import KalturaObjectFactory

        KalturaClient(KalturaConfiguration("http://127.0.0.1:9"))  # registers all types
        for name, case in data["cases"].items():
            try:
                node = ET.fromstring(case["xml"])
                results[name] = {"xml": normalize(KalturaObjectFactory.create(node, name), side)}
            except Exception as exc:
                results[name] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    else:
        from KalturaClient._runtime import codec

        for name, case in data["cases"].items():
            try:
                node = ET.fromstring(case["xml"])
                results[name] = {
                    "xml": normalize(codec.object_from_xml(node, name), side),
                    "json": normalize(codec.object_from_json(json.loads(case["json"]), name), side),
                }
            except Exception as exc:
                results[name] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    with open(out_path, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
