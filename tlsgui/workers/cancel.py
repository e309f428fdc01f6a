"""A thread-safe cancel token that long Python work checks between steps."""

from __future__ import annotations

import threading


class TaskCancelled(Exception):
    """Raised inside a task by `CancelToken.raise_if_cancelled()`; the runner reports it as a cancel."""


class CancelToken:
    """Set once from any thread (usually the GUI thread), read from the worker thread.

    Cancel is cooperative: a function blocked in one C call (key generation) only notices at its next
    check, which is why the runner drops the result instead of waiting for the function to stop.
    """

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise TaskCancelled()
