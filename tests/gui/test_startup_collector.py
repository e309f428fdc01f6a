"""The cyclic garbage collector is off while the window starts and on again once its first picture is complete."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent("""
    import gc, json, os, sys
    from PySide6.QtCore import QTimer
    import tlsgui.app as app_module
    report = {"before_start": gc.isenabled()}
    real_open = app_module.open_main_window
    def recording_open(path, *args, **kwargs):
        report["while_opening"] = gc.isenabled()
        window = real_open(path, *args, **kwargs)
        # A zero timer: it fires after every slot of first_painted, run_gui's own included.
        window.first_painted.connect(lambda: QTimer.singleShot(0, after_paint))
        return window
    def after_paint():
        report["after_first_paint"] = gc.isenabled()
        print(json.dumps(report), flush=True)
        os._exit(0)
    app_module.open_main_window = recording_open
    sys.exit(app_module.run_gui(sys.argv[1]))
""")


def test_collector_is_off_until_the_first_paint(demo, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo)], capture_output=True, text=True, timeout=60,
                          env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"before_start": True, "while_opening": False, "after_first_paint": True}


def test_collector_is_on_again_when_the_project_cannot_be_opened(tmp_path):
    # run_gui shows a message box for a folder that is no 4D project; the box's own event loop must not run
    # without the collector. A zero timer closes the box and reports.
    child = textwrap.dedent("""
        import gc, json, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        import tlsgui.app as app_module
        app = app_module.create_app()
        seen = {}
        def close_box():
            box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
            if box is None:
                QTimer.singleShot(10, close_box)
                return
            seen["collector_during_box"] = gc.isenabled()
            box.accept()
        QTimer.singleShot(0, close_box)
        seen["exit"] = app_module.run_gui(sys.argv[1])
        print(json.dumps(seen))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", child, str(tmp_path)], capture_output=True, text=True, timeout=60,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"collector_during_box": True, "exit": 2}
