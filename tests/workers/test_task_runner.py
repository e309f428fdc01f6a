"""TaskRunner: results on the GUI thread, errors as words, cancelled and superseded results dropped, clean shutdown."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication

from tlsgui.errors import TlsguiError
from tlsgui.workers.cancel import CancelToken, TaskCancelled
from tlsgui.workers.tasks import TaskRunner

GATE_TIMEOUT = 10  # seconds; a safety bound so a broken test can never hang the suite


def gated(result, started: threading.Event, gate: threading.Event):
    """A task that says it started, then waits until the test opens the gate (no sleeps, no timing races)."""
    def fn(token, progress):
        started.set()
        gate.wait(GATE_TIMEOUT)
        return result
    return fn


def drain(runner: TaskRunner) -> None:
    """Let every worker end and every queued report reach the GUI thread."""
    assert runner.pool.waitForDone(5000)
    QCoreApplication.processEvents()


def test_cancel_token_is_one_way_and_raises():
    token = CancelToken()
    assert not token.cancelled
    token.raise_if_cancelled()
    token.cancel()
    assert token.cancelled
    with pytest.raises(TaskCancelled):
        token.raise_if_cancelled()


def test_result_arrives_on_the_gui_thread(qtbot, runner):
    gui_thread = threading.get_ident()
    seen = {}

    def fn(token, progress):
        seen["worker"] = threading.get_ident()
        return "key made"

    def on_finished(result):
        seen["delivered_on"] = threading.get_ident()
        seen["result"] = result

    runner.task_finished.connect(on_finished)
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        handle = runner.submit(fn)
    assert handle.generation == 1
    assert seen["worker"] != gui_thread  # the work ran off the GUI thread
    assert seen["delivered_on"] == gui_thread
    assert seen["result"] == "key made"
    assert not runner.running


def test_tlsgui_error_becomes_task_failed_with_its_words(qtbot, runner):
    def fn(token, progress):
        raise TlsguiError("The file is not a certificate.", where="cert.pem", fix="Choose the .crt file.")

    with qtbot.assertNotEmitted(runner.task_finished), \
            qtbot.waitSignal(runner.task_failed, timeout=5000) as blocker:
        runner.submit(fn)
    assert blocker.args == ["cert.pem: The file is not a certificate. Choose the .crt file."]


def test_a_bug_in_a_task_is_reported_not_swallowed(qtbot, runner):
    def fn(token, progress):
        return {}["missing"]

    with qtbot.waitSignal(runner.task_failed, timeout=5000) as blocker:
        runner.submit(fn)
    assert "Unexpected error" in blocker.args[0] and "missing" in blocker.args[0]


def test_cancel_emits_task_cancelled_and_drops_the_late_result(qtbot, runner):
    started, gate = threading.Event(), threading.Event()
    handle = runner.submit(gated("too late", started, gate))
    assert started.wait(GATE_TIMEOUT)
    with qtbot.waitSignal(runner.task_cancelled, timeout=1000):
        handle.cancel()
    assert handle.token.cancelled and not runner.running
    with qtbot.assertNotEmitted(runner.task_finished), qtbot.assertNotEmitted(runner.task_cancelled):
        gate.set()  # the function ends normally, but nobody may see its result
        drain(runner)


def test_a_cooperative_task_stops_at_its_next_check(qtbot, runner):
    started = threading.Event()
    steps = []

    def fn(token, progress):
        started.set()
        for step in range(10_000_000):
            token.raise_if_cancelled()
            steps.append(step)
            threading.Event().wait(0.001)
        return "never"

    runner.submit(fn)
    assert started.wait(GATE_TIMEOUT)
    with qtbot.waitSignal(runner.task_cancelled, timeout=1000):
        runner.cancel()
    drain(runner)
    assert runner.pool.activeThreadCount() == 0
    assert len(steps) < 10_000_000


def test_a_superseded_task_is_dropped(qtbot, runner):
    started, gate = threading.Event(), threading.Event()
    first = runner.submit(gated("first", started, gate))
    assert started.wait(GATE_TIMEOUT)
    results = []
    runner.task_finished.connect(results.append)
    with qtbot.assertNotEmitted(runner.task_cancelled), \
            qtbot.waitSignal(runner.task_finished, timeout=5000):
        second = runner.submit(lambda token, progress: "second")
    assert (first.generation, second.generation) == (1, 2)
    assert first.token.cancelled and not second.token.cancelled
    gate.set()
    drain(runner)
    assert results == ["second"]
    first.cancel()  # cancelling an old handle is harmless and says nothing
    assert runner.current_generation == 2


def test_progress_of_the_current_task_reaches_the_gui_thread(qtbot, runner):
    reports = []
    runner.task_progressed.connect(lambda fraction, status: reports.append((fraction, status)))

    def fn(token, progress):
        progress(0.5, "half way")
        progress(None, "checking")
        return 1

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.submit(fn)
    assert reports == [(0.5, "half way"), (None, "checking")]


def test_a_task_raising_task_cancelled_itself_counts_as_cancelled(qtbot, runner):
    def fn(token, progress):
        raise TaskCancelled()

    with qtbot.assertNotEmitted(runner.task_failed), qtbot.waitSignal(runner.task_cancelled, timeout=5000):
        runner.submit(fn)


def test_shutdown_cancels_and_leaves_no_running_thread(qtbot):
    runner = TaskRunner()
    started = threading.Event()

    def fn(token, progress):
        started.set()
        while True:
            token.raise_if_cancelled()
            threading.Event().wait(0.001)

    runner.submit(fn)
    runner.submit(fn)  # one superseded, one current: both must end
    assert started.wait(GATE_TIMEOUT)
    with qtbot.assertNotEmitted(runner.task_finished), qtbot.assertNotEmitted(runner.task_failed):
        assert runner.shutdown(2000)
        QCoreApplication.processEvents()
    assert runner.pool.activeThreadCount() == 0
    assert not runner.running
    with pytest.raises(RuntimeError):
        runner.submit(fn)


def test_shutdown_is_bounded_when_a_task_ignores_cancel(qtbot):
    runner = TaskRunner()
    started, gate = threading.Event(), threading.Event()
    runner.submit(gated("stubborn", started, gate))
    assert started.wait(GATE_TIMEOUT)
    assert runner.shutdown(50) is False  # gives up after the bound instead of freezing the exit
    gate.set()
    assert runner.shutdown(5000)
    assert runner.pool.activeThreadCount() == 0


# Deleting the runner's parent while a task sits in a C call that released the GIL: Qt used to destroy the
# pool from inside a Python event() override (GIL held) and wait there for the thread, which needed the GIL
# to finish: a frozen window for good (seen when a wizard closed during an RSA 4096 key under load). The
# C call is a 2 s sleep here, so the deletion surely lands while it runs.
DELETE_WHILE_BUSY = """
import sys, threading, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from tlsgui.workers.tasks import TaskRunner

class Window(QObject):
    def event(self, event):
        return super().event(event)

app = QCoreApplication([])
parent = Window()
runner = TaskRunner(parent)
started = threading.Event()

def task(token, progress):
    started.set()
    time.sleep(2)
    return sum(range(1000))

runner.submit(task)
assert started.wait(30)
parent.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
print("deleted", flush=True)
"""


def test_deleting_the_parent_while_a_task_runs_does_not_freeze(tmp_path):
    done = subprocess.run([sys.executable, "-c", DELETE_WHILE_BUSY], capture_output=True, text=True, timeout=60,
                          cwd=tmp_path, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and done.stdout == "deleted\n", done.stderr
