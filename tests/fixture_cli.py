"""`python -m tests.fixture_cli ARGS`: the real CLI with the fixture target registered."""

from __future__ import annotations

from tests.fixture_target import register

register()

from generator.entry import main  # noqa: E402  (the registry must be extended first)

main()
