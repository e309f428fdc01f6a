"""Offscreen start-up to the first painted main window: tlsgui vs a bare PySide6 QMainWindow (same run).

Usage: python bench/startup.py [--runs N]   (QT_QPA_PLATFORM defaults to offscreen)
Each sample is a fresh child process timed from spawn to its "painted" line; the median of each is
printed with the ratio. Target: tlsgui at most 1.5x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5

BARE = textwrap.dedent("""
    import os
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                os._exit(0)
            return False
    window.installEventFilter(FirstPaint(window))
    window.show()
    app.exec()
""")

# For context only: the floor any real window pays on top of BARE, i.e. Qt's enum namespace (PySide
# builds all its Python enums on first use) and one text label (font set-up at the first paint).
MINIMAL = BARE.replace("window = QMainWindow()", "from PySide6.QtCore import Qt\n"
                       "from PySide6.QtWidgets import QLabel\n"
                       "window = QMainWindow()\n"
                       "window.setCentralWidget(QLabel('<b>Hello</b>', alignment=Qt.AlignmentFlag.AlignCenter))")

TLSGUI = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QSettings
    from tlsgui.app import create_app, open_main_window
    from tlsgui.windows.ui_state import UiState
    app = create_app()
    window = open_main_window(sys.argv[1], ui_state=UiState(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    def painted():
        print("painted", flush=True)
        os._exit(0)
    window.first_painted.connect(painted)
    window.show()
    app.exec()
""")


def sample(code: str, *args: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # Measure the app as installed: pip writes bytecode at install time, so let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=60)
    if line.strip() != "painted":
        raise SystemExit(f"the child did not paint a window (exit {child.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="samples of each (default 10)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tlsgui.project.demo import write_demo

    with tempfile.TemporaryDirectory() as tmp:
        project = write_demo(Path(tmp) / "DemoShop")
        state = str(Path(tmp) / "ui-state.ini")
        sample(BARE), sample(TLSGUI, str(project), state)  # warm the file cache for both
        bare, minimal, ours = [], [], []
        for _ in range(max(args.runs, 1)):  # interleaved, so machine load hits all alike
            bare.append(sample(BARE))
            minimal.append(sample(MINIMAL))
            ours.append(sample(TLSGUI, str(project), state))
    bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
    minimal_ms = statistics.median(minimal) * 1000
    ratio = ours_ms / bare_ms
    print(f"bare PySide6 QMainWindow: median {bare_ms:.0f} ms over {len(bare)} runs")
    print(f"  for context, + Qt enums + one label: {minimal_ms:.0f} ms ({minimal_ms / bare_ms:.2f}x)")
    print(f"tlsgui main window:       median {ours_ms:.0f} ms over {len(ours)} runs")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET}x) {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
