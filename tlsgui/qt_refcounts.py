"""Keep None/True/False alive under PySide6 builds that drop references to them (Python < 3.12 only)."""

from __future__ import annotations

import sys

# Measured with PySide6-Essentials 6.12.0 on CPython 3.11: every Python `SignalInstance.emit()` returns
# True without a new reference, and every Python slot called from a C++ signal loses one reference to
# its return value (None). Each costs one reference; None/True hold only some thousands, so a timer
# ticking into a Python slot (JobProgress's elapsed clock) or a few thousand emits abort the process
# with "Fatal Python error: none_dealloc". From Python 3.12 these objects are immortal (PEP 683) and the
# bug is harmless; before that, a huge extra count gives them the same immortality.
_PIN = 1 << 40


def pin_singletons() -> None:
    if sys.version_info >= (3, 12) or getattr(pin_singletons, "done", False):
        return
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN
    pin_singletons.done = True
