"""Start-up stays light: the window paints before `cryptography` is imported, then reads the certificate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from gui.conftest import write_cert

CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from tlsgui.app import create_app, open_main_window
    from tlsgui.windows.ui_state import UiState
    from PySide6.QtCore import QSettings
    app = create_app()
    state = UiState(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window = open_main_window(sys.argv[1], ui_state=state)
    report = {}
    def painted():
        report["at_first_paint"] = "cryptography" in sys.modules
    def facts_read():
        report["after_facts"] = "cryptography" in sys.modules
        report["subject"] = window.document.facts.cert.subject
        app.quit()
    window.first_painted.connect(painted)
    window.document.facts_changed.connect(facts_read)
    QTimer.singleShot(20000, app.quit)
    window.show()
    app.exec()
    print(json.dumps(report))
""")


def test_window_paints_before_cryptography_is_imported(demo, rsa_key, tmp_path):
    write_cert(demo, rsa_key)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo), str(tmp_path / "state.ini")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"at_first_paint": False, "after_facts": True, "subject": "CN=shop.example.com"}


AFTER_FACTS = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings, QTimer
    from tlsgui.app import create_app, open_main_window
    from tlsgui.windows.ui_state import UiState
    app = create_app()
    window = open_main_window(sys.argv[1], ui_state=UiState(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    def facts_read():
        print(json.dumps(sorted(m for m in json.loads(sys.argv[3]) if m in sys.modules)), flush=True)
        app.quit()
    window.document.facts_changed.connect(lambda: QTimer.singleShot(0, facts_read))
    QTimer.singleShot(20000, app.quit)
    window.show()
    app.exec()
""")
#: What showing a project's files, grade and expiry in the window never needs: the ACME client's state and
#: timers, and what they bring (urllib, http.client, filelock: 5 MiB of the window's memory, docs/benchmarks.md;
#: `email` is not listed: cryptography's x509 module imports it).
NOT_FOR_SHOWING = ("tlsgui.acme.status", "tlsgui.acme.timers", "tlsgui.project.acme_store", "urllib.request",
                   "http.client", "filelock", "decimal")


def test_reading_the_files_for_the_window_loads_no_acme_state(demo, rsa_key, tmp_path):
    write_cert(demo, rsa_key)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", AFTER_FACTS, str(demo), str(tmp_path / "state.ini"),
                           json.dumps(NOT_FOR_SHOWING)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
