"""Fixtures for ACME tests: Pebbles (+ fake DNS) with options of the test's choosing, always stopped (the plain
`pebble` fixture is in tests/conftest.py: the wizard's tests use it too)."""

from __future__ import annotations

import pytest

from .pebble_env import Pebble


@pytest.fixture
def pebble_factory(tmp_path):
    started = []

    def factory(**options) -> Pebble:
        server = Pebble(tmp_path / f"pebble{len(started)}", **options)
        started.append(server)
        return server.start()

    yield factory
    for server in started:
        server.stop()
