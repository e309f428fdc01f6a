"""PageTask: one wizard page's share of the wizard's TaskRunner, so only its own results reach it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tlsgui.workers.tasks import TaskFunction, TaskHandle, TaskRunner


class PageTask(QObject):
    """Submits on the shared runner and re-emits only the outcome of this page's latest submission.

    The runner already drops cancelled and superseded results; this also drops results meant for another
    page (all pages listen to the same runner).
    """

    task_finished = Signal(object)
    task_failed = Signal(str)
    task_cancelled = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.handle: TaskHandle | None = None
        runner.task_finished.connect(self._on_finished)
        runner.task_failed.connect(self._on_failed)
        runner.task_cancelled.connect(self._on_cancelled)

    @property
    def running(self) -> bool:
        return self.handle is not None and self.runner.running \
            and self.handle.generation == self.runner.current_generation

    def submit(self, fn: TaskFunction) -> None:
        self.handle = self.runner.submit(fn)

    def cancel(self) -> None:
        """Cancel this page's task (emits task_cancelled now; its late result is dropped)."""
        if self.running:
            self.handle.cancel()
        self.handle = None

    def _take(self) -> bool:
        """True when the outcome the runner just delivered is this page's; forgets the handle either way."""
        mine = self.handle is not None and self.handle.generation == self.runner.current_generation
        if mine:
            self.handle = None
        return mine

    def _on_finished(self, result: object) -> None:
        if self._take():
            self.task_finished.emit(result)

    def _on_failed(self, message: str) -> None:
        if self._take():
            self.task_failed.emit(message)

    def _on_cancelled(self) -> None:
        if self._take():
            self.task_cancelled.emit()
