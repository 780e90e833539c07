"""Package metadata every library target declares alike: name, license, version suffix.

Generated code belongs to whoever generated it, so no target declares a license unless
`--set license=...` says which. Output made from the embedded sample schema says so in
its package name and version, so it can never pass for a client of the real API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.targets import GenerateOptions, Setting, TargetInfo

__all__ = ["PackageMeta", "package_meta", "package_settings", "version_parts"]

_SPDX = re.compile(r"[A-Za-z0-9.+\-]+( (AND|OR|WITH) [A-Za-z0-9.+\-]+)*\Z")
_SUFFIX = re.compile(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*\Z")
SAMPLE_SUFFIX = "sample"


def _spdx(value: str) -> str | None:
    if value == "" or _SPDX.match(value):
        return None
    return "expected an SPDX license expression such as MIT or Apache-2.0"


def _suffix(value: str) -> str | None:
    if value == "" or _SUFFIX.match(value):
        return None
    return "letters, digits and dots only (e.g. 1 or post1)"


def package_settings(name_pattern: re.Pattern[str], name_rule: str) -> tuple[Setting, ...]:
    def check_name(value: str) -> str | None:
        return None if value == "" or name_pattern.match(value) else name_rule

    return (
        Setting(
            "package_name",
            "distribution name of the package (default: the official client's)",
            "",
            check=check_name,
        ),
        Setting("license", "SPDX license of the package (default: none declared)", "", check=_spdx),
        Setting(
            "version_suffix",
            "appended to the version derived from the schema's apiVersion (e.g. 1 for a rebuild)",
            "",
            check=_suffix,
        ),
    )


@dataclass(frozen=True)
class PackageMeta:
    name: str
    license: str  # "" = none declared
    # The suffix parts of the version: the user's, then `sample` for the sample schema.
    suffixes: tuple[str, ...]
    sample: bool


def package_meta(target: TargetInfo, options: GenerateOptions, default_name: str) -> PackageMeta:
    name = options.setting(target, "package_name") or default_name
    suffixes = tuple(s for s in (options.setting(target, "version_suffix"),) if s)
    if options.sample:
        name = f"{name}-{SAMPLE_SUFFIX}"
        suffixes = (*suffixes, SAMPLE_SUFFIX)
    return PackageMeta(name, options.setting(target, "license"), suffixes, options.sample)


def version_parts(api_version: str) -> list[str]:
    """The numeric parts of an apiVersion (`5.3.7.28130` -> 5, 3, 7, 28130)."""
    return [str(int(p)) for p in re.findall(r"\d+", api_version)[:8]]
