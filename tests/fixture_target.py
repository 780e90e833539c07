"""A tiny test-only target: renders a few text files from the model.

It exists so the writer, the manifest, `generate` and `check` can be tested without the
real language targets. It is registered only by tests (`register`), never by the package.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from generator import targets
from generator.diagnostics import Diagnostic
from generator.model import Schema, type_name
from generator.targets import GenerateOptions, Progress, RenderedFiles, Setting, no_progress

NAME = "fixture"
SPEC = "tests.fixture_target:TARGET"


class FixtureTarget:
    name = NAME
    description = "test-only target: one text file per service and class"
    settings: tuple[Setting, ...] = (Setting("greeting", "first line of README.txt", "API"),)
    templates: Mapping[str, str] = MappingProxyType({})

    def check(self, schema: Schema, options: GenerateOptions) -> list[Diagnostic]:
        return []

    def render(
        self, schema: Schema, options: GenerateOptions, progress: Progress = no_progress
    ) -> RenderedFiles:
        greeting = options.setting(self, "greeting")
        files: RenderedFiles = {"README.txt": f"{greeting} {schema.api_version}\n".encode()}
        services = [s for s in schema.services.values() if s.id not in options.exclude]
        total = len(services) + len(schema.classes)
        done = 0
        for service in services:
            lines = [f"service {service.id}"]
            for action in service.actions:
                params = ", ".join(f"{p.name}: {type_name(p.type)}" for p in action.params)
                lines.append(f"  {action.name}({params}) -> {type_name(action.result)}")
            files[f"services/{service.id}.txt"] = ("\n".join(lines) + "\n").encode()
            done += 1
            progress(done, total, service.id)
        for cls in schema.classes.values():
            lines = [f"class {cls.name}" + (f"({cls.base.name})" if cls.base else "")]
            lines += [f"  {p.name}: {type_name(p.type)}" for p in cls.properties]
            files[f"classes/{cls.name}.txt"] = ("\n".join(lines) + "\n").encode()
            done += 1
            progress(done, total, cls.name)
        return files


TARGET = FixtureTarget()


def register() -> None:
    """Add the fixture target to the registry (for subprocesses; tests use monkeypatch)."""
    registry = targets.TARGETS
    assert isinstance(registry, dict)
    registry[NAME] = SPEC
