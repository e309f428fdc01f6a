"""The first picture does not build PySide's `Qt` namespace, and the ints set instead are Qt's own values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QToolBar

from tlsgui.widgets import qt_values
from tlsgui.widgets.diagnostics import KEY_ROLE

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
        # PySide creates the `Qt` class (and its 95 enums) in the module only on first use.
        report["qt_built"] = "Qt" in vars(PySide6.QtCore)
        report["page"] = window.current_page_name()
        app.quit()
    window.first_painted.connect(painted)
    QTimer.singleShot(20000, app.quit)
    window.show()
    app.exec()
    print(json.dumps(report))
""")


def test_first_paint_does_not_build_the_qt_namespace(demo, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo), str(tmp_path / "state.ini")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"qt_built": False, "page": "web"}


def test_the_ints_are_the_qt_enum_values():
    assert qt_values.ORIENTATION_VERTICAL == Qt.Orientation.Vertical.value
    assert qt_values.TOOL_BUTTON_TEXT_BESIDE_ICON == Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value
    assert qt_values.TEXT_FORMAT_RICH == Qt.TextFormat.RichText.value
    assert KEY_ROLE == qt_values.USER_ROLE == Qt.ItemDataRole.UserRole.value


def test_the_window_gets_the_values_the_enums_would_give(window):
    assert isinstance(window.ui.main_splitter, QSplitter)
    assert window.ui.main_splitter.orientation() == Qt.Orientation.Horizontal
    assert window.ui.right_splitter.orientation() == Qt.Orientation.Vertical
    assert window.ui.right_splitter.widget(0) is window.ui.page_stack
    assert window.ui.right_splitter.widget(1) is window.ui.diagnostics
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    web = window.page("web")
    for note in (web.ui.http_note, web.ui.hsts_note):
        assert isinstance(note, QLabel) and note.textFormat() == Qt.TextFormat.RichText
