"""TaskRunner: plain Python functions `fn(token, progress)` on a QThreadPool, results back on the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from tlsgui.errors import TlsguiError
from tlsgui.workers.cancel import CancelToken, TaskCancelled

log = logging.getLogger(__name__)

# progress(fraction or None for "unknown", status words); called from the worker thread.
Progress = Callable[[float | None, str], None]
TaskFunction = Callable[[CancelToken, Progress], Any]

_FINISHED, _FAILED, _CANCELLED = "finished", "failed", "cancelled"


@dataclass(eq=False)
class TaskHandle:
    """What `submit` returns: the generation that identifies this task, and its cancel token."""

    generation: int
    token: CancelToken = field(default_factory=CancelToken)
    _runner: "TaskRunner | None" = field(default=None, repr=False)

    def cancel(self) -> None:
        """Cancel this task; a no-op when it already ended or a newer task superseded it."""
        if self._runner is not None:
            self._runner._cancel_handle(self)


class _Relay(QObject):
    """Lives on the GUI thread; the worker thread emits on it, so Qt queues the call to the GUI thread."""

    ended = Signal(int, str, object)  # generation, kind, payload
    progressed = Signal(int, object, str)  # generation, fraction, status


class _Runnable(QRunnable):
    """Runs one task function; never touches widgets, only emits on its relay."""

    def __init__(self, fn: TaskFunction, handle: TaskHandle, relay: _Relay) -> None:
        super().__init__()
        # Python owns this object (kept in the runner until the result arrives), so the pool must not delete it.
        self.setAutoDelete(False)
        self._fn = fn
        self._handle = handle
        self._relay = relay

    def run(self) -> None:
        generation, token = self._handle.generation, self._handle.token

        def progress(fraction: float | None = None, status: str = "") -> None:
            if not token.cancelled:
                self._relay.progressed.emit(generation, fraction, status)

        try:
            token.raise_if_cancelled()  # cancelled while still queued: do not start at all
            result = self._fn(token, progress)
        except TaskCancelled:
            kind, payload = _CANCELLED, None
        except TlsguiError as exc:
            kind, payload = _FAILED, str(exc)
        except Exception as exc:
            log.exception("background task failed")
            kind, payload = _FAILED, f"Unexpected error in a background task: {exc!r}. Please report it."
        else:
            kind, payload = (_CANCELLED, None) if token.cancelled else (_FINISHED, result)
        self._relay.ended.emit(generation, kind, payload)


class TaskRunner(QObject):
    """Owns a QThreadPool; one current task at a time, whose outcome is delivered on the GUI thread.

    `submit` supersedes the current task: the old one is cancelled and whatever it returns is dropped,
    never delivered (the git-cola/Orange stale-result rule). `cancel` emits `task_cancelled` at once, so
    the window reacts immediately even when the function sits in a C call that cannot be interrupted;
    its late result is dropped. `shutdown` cancels everything and waits, so no thread outlives the app.
    """

    task_finished = Signal(object)
    task_failed = Signal(str)
    task_cancelled = Signal()
    task_progressed = Signal(object, str)  # fraction (or None), status

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._generation = 0
        self._current: TaskHandle | None = None
        # generation -> (runnable, relay, handle); kept alive until the worker reported back.
        self._running: dict[int, tuple[_Runnable, _Relay, TaskHandle]] = {}
        self._shut_down = False
        app = QCoreApplication.instance()
        if app is not None:
            # Safety net: even if the window forgets, no pool thread outlives the event loop.
            app.aboutToQuit.connect(self.shutdown)

    # ---- public API

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    @property
    def running(self) -> bool:
        """True while a current task is neither ended nor cancelled (what the window shows as busy)."""
        return self._current is not None

    @property
    def current_generation(self) -> int:
        return self._generation

    def submit(self, fn: TaskFunction) -> TaskHandle:
        """Start `fn(token, progress)` on the pool; a still-running earlier task is superseded."""
        if self._shut_down:
            raise RuntimeError("TaskRunner.submit after shutdown")
        if self._current is not None:
            self._current.token.cancel()  # superseded: silent, its result is dropped
        self._generation += 1
        handle = TaskHandle(self._generation, _runner=self)
        relay = _Relay(self)
        relay.ended.connect(self._on_ended)
        relay.progressed.connect(self._on_progressed)
        runnable = _Runnable(fn, handle, relay)
        self._running[handle.generation] = (runnable, relay, handle)
        self._current = handle
        self._pool.start(runnable)
        return handle

    def cancel(self) -> None:
        """Cancel the current task, if any; emits `task_cancelled` now and drops its result later."""
        if self._current is not None:
            self._cancel_handle(self._current)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel all tasks and wait (bounded) for the pool's threads to end; True when they all did.

        A function stuck in one long C call cannot be stopped from outside; the timeout keeps the app's
        exit bounded and the False return lets the caller log it.
        """
        self._shut_down = True
        self._current = None
        for _runnable, _relay, handle in self._running.values():
            handle.token.cancel()
        self._pool.clear()  # queued, never started: nothing to wait for
        done = self._pool.waitForDone(timeout_ms)
        if done:
            self._drop_all()
        return done

    # ---- internals

    def _cancel_handle(self, handle: TaskHandle) -> None:
        handle.token.cancel()
        if handle is self._current:
            self._current = None
            self.task_cancelled.emit()

    def _on_ended(self, generation: int, kind: str, payload: object) -> None:
        entry = self._running.pop(generation, None)
        if entry is not None:
            entry[1].deleteLater()
        handle = self._current
        if handle is None or handle.generation != generation or handle.token.cancelled:
            return  # cancelled or superseded: dropped, never delivered
        self._current = None
        if kind == _FINISHED:
            self.task_finished.emit(payload)
        elif kind == _FAILED:
            self.task_failed.emit(str(payload))
        else:  # the function raised TaskCancelled on its own
            self.task_cancelled.emit()

    def _on_progressed(self, generation: int, fraction: object, status: str) -> None:
        handle = self._current
        if handle is not None and handle.generation == generation and not handle.token.cancelled:
            self.task_progressed.emit(fraction, status)

    def _drop_all(self) -> None:
        for _runnable, relay, _handle in self._running.values():
            relay.deleteLater()
        self._running.clear()
