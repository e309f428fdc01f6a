"""Start a fresh child process on a project and report what was loaded and built when its window first painted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent("""
    import json, sys
    import PySide6.QtCore
    from PySide6.QtCore import QSettings, QTimer
    from tlsgui.app import create_app, open_main_window
    from tlsgui.windows.ui_state import UiState
    app = create_app()
    window = open_main_window(sys.argv[1], ui_state=UiState(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    report = {}
    def painted():
        report["loaded"] = sorted(m for m in json.loads(sys.argv[3]) if m in sys.modules)
        # PySide creates the `Qt` class (and its 95 enums) in the module only on first use.
        report["qt_built"] = "Qt" in vars(PySide6.QtCore)
        report["page"] = window.current_page_name()
        report["http_port"] = window.page("web").editor("web.http_port").text()
        app.quit()
    window.first_painted.connect(painted)
    QTimer.singleShot(20000, app.quit)
    window.show()
    app.exec()
    print(json.dumps(report))
""")


def first_paint_report(project: Path, state_dir: Path, modules: tuple[str, ...] = ()) -> dict:
    """{"loaded": the `modules` imported by then, "qt_built", "page", "http_port"} from a fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(project), str(state_dir / "state.ini"),
                           json.dumps(modules)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
