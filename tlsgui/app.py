"""The GUI composition root: QApplication, then the window on a project (or a fresh demo copy)."""

from __future__ import annotations

import sys


def run_gui(project_path: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tlsgui.errors import TlsguiError
    from tlsgui.project.demo import fresh_demo
    from tlsgui.windows.placeholder import PlaceholderWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("tlsgui")
    app.setOrganizationName("tlsgui")
    try:
        window = PlaceholderWindow(project_path or fresh_demo())
    except TlsguiError as exc:
        QMessageBox.critical(None, "tlsgui", str(exc))
        return 2
    window.show()
    return app.exec()
