"""Many emits and slot calls must not abort the process: PySide6 6.12.0 dropped references to None/True
(pyproject.toml excludes it; this catches a release with the same bug on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

class Emitter(QObject):
    happened = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
emitter.happened.connect(lambda value: None)
timer = QTimer()
timer.setInterval(0)
timer.timeout.connect(lambda: None)
timer.start()
for _ in range(30000):  # more than None and True have references in a small process
    app.processEvents()
    emitter.happened.emit(None)
print("alive")
"""


def test_many_emits_and_slot_calls_do_not_abort():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-2000:]
