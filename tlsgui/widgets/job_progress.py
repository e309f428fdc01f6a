"""JobProgress: busy bar, "elapsed 0:12" and Stop for a background job; and asking before quitting while busy."""

from __future__ import annotations

from typing import Callable, Iterable, Protocol

from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from tlsgui.workers.process_job import format_elapsed


def format_duration(ms: int) -> str:
    """How long a finished job took: "0.4 s" and "12 s" (a sub-second run is never "0:00"), "1:05" from a minute."""
    ms = max(0, int(ms))
    if ms < 10_000:
        return f"{max(ms, 100) / 1000:.1f} s" if ms else "under 0.1 s"
    if ms < 60_000:
        return f"{ms // 1000} s"
    return format_elapsed(ms)


# Half a second keeps the seconds display honest without waking the GUI thread more than needed.
TICK_MS = 500


class BusyJob(Protocol):
    """What the quit question needs: a ProcessJob, a DhParamsJob or a TaskRunner all fit."""

    @property
    def running(self) -> bool: ...

    def cancel(self) -> None: ...


def ask_question(parent: QWidget | None, title: str, text: str) -> bool:
    """The real dialog; tests replace it (module attribute or the `ask` argument) so no dialog blocks them."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm_quit_while_busy(parent: QWidget | None, jobs: Iterable[BusyJob],
                            ask: Callable[[QWidget | None, str, str], bool] | None = None) -> bool:
    """True when closing may go ahead: nothing runs, or the person agreed, in which case the jobs are cancelled.

    Cancelling kills a child at once and nothing partial is left, so the question is only about the lost
    waiting time, and the default answer is No.
    """
    busy = [job for job in jobs if job.running]
    if not busy:
        return True
    asker = ask or ask_question
    agreed = asker(parent, "Work in progress",
                   "A background task is still running (for example generating DH parameters).\n\n"
                   "Stop it and close? Nothing it was making will be written.")
    if agreed:
        for job in busy:
            job.cancel()
    return bool(agreed)


class JobProgress(QWidget):
    """Shows that something runs and for how long; progress is indeterminate (the work reports none).

    Drive it with `start(text)`/`stop(text)`, or `attach(job)` to follow a ProcessJob by its signals.
    It never touches files; Stop only emits `cancel_requested` (and cancels an attached job).
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("job_bar")
        self.bar.setTextVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("job_status")
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setObjectName("job_elapsed")
        # "Stop", not "Cancel": in a wizard or dialog, Cancel is the window's own button (closing it).
        self.cancel_button = QPushButton("&Stop", self)
        self.cancel_button.setObjectName("job_cancel")
        self.cancel_button.setToolTip("Stop this background work; nothing it was making is written")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.elapsed_label)
        layout.addWidget(self.cancel_button)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._update_elapsed)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self._job = None
        self._job_text = ""
        self.stop("")

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    def start(self, text: str = "Working…") -> None:
        self.status_label.setText(text)
        self.bar.setRange(0, 0)  # indeterminate: Qt animates a busy bar
        self.elapsed_label.show()
        self._clock.start()
        self._update_elapsed()
        self._timer.start()
        self.cancel_button.setEnabled(True)

    def stop(self, text: str = "") -> None:
        self._timer.stop()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status_label.setText(text)
        self.cancel_button.setEnabled(False)
        self.elapsed_label.hide()  # the end words say how long it took ("Done in 0.6 s"): no "elapsed 0:00" beside

    def attach(self, job, text: str = "Working…") -> None:
        """Follow a ProcessJob: start on job_started, stop with a word on each end, Cancel cancels it."""
        # Bound methods, not lambdas: PySide drops the connections when this widget is destroyed first.
        self._job, self._job_text = job, text
        job.job_started.connect(self._on_job_started)
        job.job_succeeded.connect(self._on_job_succeeded)
        job.job_failed.connect(self._on_job_failed)
        job.job_cancelled.connect(self._on_job_cancelled)
        self.cancel_requested.connect(job.cancel)
        if job.running:
            self.start(text)

    def _on_job_started(self) -> None:
        self.start(self._job_text)

    def _on_job_succeeded(self, _output: bytes) -> None:
        self.stop(f"Done in {format_duration(self._job.elapsed_ms())}.")

    def _on_job_failed(self, message: str) -> None:
        self.stop(f"Failed: {message}")

    def _on_job_cancelled(self) -> None:
        self.stop("Stopped; nothing was written.")

    def elapsed_text(self) -> str:
        return self.elapsed_label.text()

    def _update_elapsed(self) -> None:
        ms = self._job.elapsed_ms() if self._job is not None and self._job.running else self._clock.elapsed()
        self.elapsed_label.setText(f"elapsed {format_elapsed(int(ms))}")
