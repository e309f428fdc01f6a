"""What start-up leaves for later really is left for later, and really happens later."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QKeySequence

# Loaded on first use (saving, editing, testing, the wizard), never for the first picture.
DEFERRED = ("tlsgui.project.atomic", "tlsgui.project.backups", "tlsgui.project.method_file", "tlsgui.commands",
            "tlsgui.windows.test_dialog", "tlsgui.workers.preview_job", "tlsgui.wizard.ids", "tlsgui.project.saved",
            "tlsgui.model.cert_facts", "hashlib", "ssl",
            "cryptography")

CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings, QTimer
    from tlsgui.app import create_app, open_main_window
    from tlsgui.windows.ui_state import UiState
    app = create_app()
    window = open_main_window(sys.argv[1], ui_state=UiState(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    report = {}
    def painted():
        report["loaded"] = sorted(m for m in json.loads(sys.argv[3]) if m in sys.modules)
        report["page"] = window.current_page_name()
        report["http_port"] = window.page("web").editor("web.http_port").text()
        app.quit()
    window.first_painted.connect(painted)
    QTimer.singleShot(20000, app.quit)
    window.show()
    app.exec()
    print(json.dumps(report))
""")


def test_first_paint_needs_no_save_edit_or_test_modules(demo, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo), str(tmp_path / "state.ini"), json.dumps(DEFERRED)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"loaded": [], "page": "web", "http_port": "8080"}


def test_shortcuts_are_set_once_painted(qtbot, window):
    qtbot.waitUntil(lambda: window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save))
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.test_action.shortcut() == QKeySequence("Ctrl+T")


def test_saving_loads_what_it_needs_and_detects_changes_by_content(window, demo):
    window.document.push_setting("web.http_port", 8081)
    assert window.save()
    structure = demo / "Project" / "Sources" / "settings.4DSettings"
    assert 'port_number="8081"' in structure.read_text()
    assert window.document.project.changed_on_disk() == []
    structure.write_bytes(structure.read_bytes().replace(b'port_number="8081"', b'port_number="8082"'))
    assert window.document.project.changed_on_disk() == [structure]
