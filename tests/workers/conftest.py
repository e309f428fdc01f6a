"""Fixtures for the worker tests: a TaskRunner and jobs that are always shut down, and helpers about processes."""

from __future__ import annotations

import pytest

from tlsgui.workers.dhparams_job import DhParamsJob
from tlsgui.workers.tasks import TaskRunner

from .helpers import pid_alive


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    # Every test leaves no worker thread behind, even when it failed half-way.
    assert runner.shutdown(5000)
    assert runner.pool.activeThreadCount() == 0


@pytest.fixture
def dh_job(qtbot):
    job = DhParamsJob()
    yield job
    job.cancel()
    if job.pid:
        assert not pid_alive(job.pid)
