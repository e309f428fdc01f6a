"""Fixtures for ACME tests: a running Pebble (+ fake DNS) per test module variant, always stopped."""

from __future__ import annotations

import pytest

from .pebble_env import Pebble


@pytest.fixture
def pebble(tmp_path):
    server = Pebble(tmp_path / "pebble").start()
    try:
        yield server
    finally:
        server.stop()


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
