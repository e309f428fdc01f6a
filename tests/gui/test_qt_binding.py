"""The Qt binding itself: a known-bad PySide6 release must not slip back in (it aborts the app)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emit_keeps_the_reference_count_of_true():
    # PySide6 6.12.0 returned True from SignalInstance.emit() without a new reference: every emit took one
    # reference away, and after a few hundred signals Python aborted with "deallocating True or False".
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for value in range(200):
        emitter.fired.emit(value)
    assert len(received) == 200
    assert abs(sys.getrefcount(True) - before) < 20
