"""Build hook: ship templates/ and schema/ inside the package of a (non-editable) install.

In the repository they sit beside `generator/`; `generator.paths` finds them there. A wheel
(pip install of the repository, a pre-commit hook environment) copies them to
`generator/_data/`, where `generator.paths` looks when the repository layout is absent.
Everything else about the build is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_DIRS = ("templates", "schema")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the repository directly
        root = Path(__file__).resolve().parent
        for name in DATA_DIRS:
            target = Path(self.build_lib) / "generator" / "_data" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(
                root / name,
                target,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules"),
            )


setup(cmdclass={"build_py": BuildPyWithData})
