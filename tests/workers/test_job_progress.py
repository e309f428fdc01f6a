"""JobProgress follows a real DH job (busy, elapsed, Cancel kills), and closing while busy asks first."""

from __future__ import annotations

import re
import threading

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from tlsgui.widgets import job_progress
from tlsgui.widgets.job_progress import JobProgress, confirm_quit_while_busy

from .helpers import listing, pid_alive

CHILD_TIMEOUT = 20_000


class Asker:
    """Stands in for the question dialog: records what was asked and gives a fixed answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text):
        self.asked.append((title, text))
        return self.answer


def test_widget_shows_busy_then_done(qtbot, dh_job, tmp_path):
    widget = JobProgress()
    qtbot.addWidget(widget)
    widget.attach(dh_job, "Generating DH parameters…")
    assert not widget.busy and not widget.cancel_button.isEnabled()
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(512, tmp_path, allow_test_size=True)
    assert widget.busy
    assert (widget.bar.minimum(), widget.bar.maximum()) == (0, 0)  # indeterminate
    assert widget.elapsed_text() == "elapsed 0:00"
    assert widget.status_label.text() == "Generating DH parameters…"
    assert widget.cancel_button.isEnabled()
    with qtbot.waitSignal(dh_job.job_succeeded, timeout=CHILD_TIMEOUT):
        pass
    assert not widget.busy and not widget.cancel_button.isEnabled()
    assert re.fullmatch(r"Done in \d+\.\d s\.", widget.status_label.text())  # "Done in 0.6 s.", never "0:00"


def test_cancel_button_kills_the_child_and_writes_nothing(qtbot, dh_job, tmp_path):
    widget = JobProgress()
    qtbot.addWidget(widget)
    widget.attach(dh_job)
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(4096, tmp_path)
    pid = dh_job.pid
    with qtbot.waitSignal(dh_job.job_cancelled, timeout=1000):
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert not pid_alive(pid)
    assert widget.status_label.text() == "Stopped; nothing was written."
    assert listing(tmp_path) == []


def test_elapsed_label_ticks_with_the_timer(qtbot):
    widget = JobProgress()
    qtbot.addWidget(widget)
    widget.start("Checking…")
    assert widget.elapsed_text() == "elapsed 0:00"
    # The label is refreshed by the QTimer, not by the caller: wait for one second to show.
    qtbot.waitUntil(lambda: widget.elapsed_text() == "elapsed 0:01", timeout=3000)
    with qtbot.waitSignal(widget.cancel_requested, timeout=1000):
        widget.cancel_button.click()
    widget.stop("Stopped.")
    assert not widget.busy


def test_closing_while_nothing_runs_asks_nothing(qtbot, dh_job, runner):
    asker = Asker(answer=False)
    assert confirm_quit_while_busy(None, [dh_job, runner], ask=asker)
    assert asker.asked == []


def test_closing_while_a_job_runs_asks_and_no_keeps_it_running(qtbot, dh_job, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(4096, tmp_path)
    asker = Asker(answer=False)
    assert confirm_quit_while_busy(parent, [dh_job], ask=asker) is False
    assert len(asker.asked) == 1 and "Stop it and close?" in asker.asked[0][1]
    assert dh_job.running and pid_alive(dh_job.pid)


def test_closing_while_busy_and_agreeing_cancels_everything(qtbot, dh_job, runner, tmp_path, monkeypatch):
    asker = Asker(answer=True)
    monkeypatch.setattr(job_progress, "ask_question", asker)  # the seam the main window will use
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(4096, tmp_path)
    pid = dh_job.pid
    gate = threading.Event()
    runner.submit(lambda token, progress: gate.wait(10))
    with qtbot.waitSignal(dh_job.job_cancelled, timeout=1000), \
            qtbot.waitSignal(runner.task_cancelled, timeout=1000):
        assert confirm_quit_while_busy(None, [dh_job, runner]) is True
    gate.set()
    assert len(asker.asked) == 1
    assert not dh_job.running and not runner.running
    assert not pid_alive(pid)
    assert listing(tmp_path) == []


def test_quitting_the_app_stops_children_and_threads_even_if_nobody_asked(qtbot, dh_job, runner, tmp_path):
    # The main window should ask first (above); this is the safety net behind it.
    with qtbot.waitSignal(dh_job.job_started, timeout=1000):
        dh_job.start_generation(4096, tmp_path)
    pid = dh_job.pid
    gate = threading.Event()
    runner.submit(lambda token, progress: gate.wait(0.2))
    with qtbot.waitSignal(dh_job.job_cancelled, timeout=1000):
        QCoreApplication.instance().aboutToQuit.emit()
    assert not pid_alive(pid)
    assert runner.pool.activeThreadCount() == 0  # shutdown() waited for the thread
    assert listing(tmp_path) == []
