"""Compare two public surfaces dumped by `surface.py`; every difference is one string."""

from __future__ import annotations

from typing import Any


def _diff_sets(what: str, official: Any, ours: Any) -> list[str]:
    out = [f"{what}: missing {name}" for name in sorted(set(official) - set(ours))]
    out += [f"{what}: extra {name}" for name in sorted(set(ours) - set(official))]
    return out


def _params(what: str, official: list[list[str]], ours: list[list[str]]) -> list[str]:
    if official == ours:
        return []
    extra = ours[len(official) :]
    if ours[: len(official)] == official and all(d != "<required>" for _, d in extra):
        added = ", ".join(name for name, _ in extra)
        return [f"{what}: compatible extension: optional parameters added after: {added}"]
    return [f"{what}: parameters official {official} ours {ours}"]


def compare(official: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    diffs: list[str] = []
    om, um = official["modules"], ours["modules"]
    diffs += _diff_sets("module", om, um)
    for mod in sorted(set(om) & set(um)):
        o, u = om[mod], um[mod]
        for kind in ("enums", "objects", "services"):
            diffs += _diff_sets(f"{mod} {kind[:-1]}", o[kind], u[kind])
        diffs += _diff_sets(f"{mod} other class", o["other"], u["other"])
        for name in sorted(set(o["enums"]) & set(u["enums"])):
            oc, uc = o["enums"][name], u["enums"][name]
            diffs += _diff_sets(f"enum {name} constant", oc, uc)
            for const in sorted(set(oc) & set(uc)):
                if oc[const] != uc[const]:
                    diffs.append(
                        f"enum {name}.{const}: value official {oc[const]!r} ours {uc[const]!r}"
                    )
        for name in sorted(set(o["objects"]) & set(u["objects"])):
            oo, uo = o["objects"][name], u["objects"][name]
            if oo["base"] != uo["base"]:
                diffs.append(f"class {name}: base official {oo['base']} ours {uo['base']}")
            diffs += _params(f"class {name}.__init__", oo["init"], uo["init"])
            diffs += _diff_sets(f"class {name} accessor", oo["methods"], uo["methods"])
        for name in sorted(set(o["services"]) & set(u["services"])):
            os_, us = o["services"][name], u["services"][name]
            diffs += _diff_sets(f"service {name} method", os_, us)
            for method in sorted(set(os_) & set(us)):
                diffs += _params(f"service {name}.{method}", os_[method], us[method])
        if official["module_api_version"].get(mod) != ours["module_api_version"].get(mod):
            diffs.append(
                f"{mod}.API_VERSION: official {official['module_api_version'].get(mod)!r} "
                f"ours {ours['module_api_version'].get(mod)!r}"
            )
    oc, uc = official["client"], ours["client"]
    diffs += _diff_sets("client service", oc["services"], uc["services"])
    for name in sorted(set(oc["services"]) & set(uc["services"])):
        if oc["services"][name] != uc["services"][name]:
            diffs.append(
                f"client.{name}: official {oc['services'][name]} ours {uc['services'][name]}"
            )
    diffs += _diff_sets("client plugin namespace", oc["namespaces"], uc["namespaces"])
    for name in sorted(set(oc["namespaces"]) & set(uc["namespaces"])):
        on, un = oc["namespaces"][name], uc["namespaces"][name]
        diffs += _diff_sets(f"client.{name} service", on, un)
        for svc in sorted(set(on) & set(un)):
            if on[svc] != un[svc]:
                diffs.append(f"client.{name}.{svc}: official {on[svc]} ours {un[svc]}")
    # accessors the official class defines as methods are compared as methods below
    official_config = set(oc["config_methods"]) - set(oc["methods"])
    our_config = set(uc["config_methods"]) - set(oc["methods"])
    diffs += _diff_sets("client config accessor", official_config, our_config)
    diffs += _params("KalturaClient.__init__", oc["init"], uc["init"])
    missing_methods = sorted(set(oc["methods"]) - set(uc["methods"]) - set(uc["services"]))
    diffs += [f"client method: missing {m}" for m in missing_methods]
    for cls in sorted(official["exceptions"]):
        oe, ue = official["exceptions"][cls], ours["exceptions"].get(cls)
        if ue is None:
            diffs.append(f"exceptions.{cls}: missing")
            continue
        diffs += _params(f"exceptions.{cls}.__init__", oe["init"], ue["init"])
        diffs += _diff_sets(f"exceptions.{cls} constant", oe["constants"], ue["constants"])
        for const in sorted(set(oe["constants"]) & set(ue["constants"])):
            if oe["constants"][const] != ue["constants"][const]:
                diffs.append(f"exceptions.{cls}.{const}: value differs")
    diffs += [f"Base: missing {n}" for n in sorted(set(official["base"]) - set(ours["base"]))]
    diffs += _params(
        "KalturaConfiguration.__init__", official["configuration_init"], ours["configuration_init"]
    )
    return diffs
