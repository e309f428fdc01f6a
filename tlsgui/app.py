"""The GUI composition root: QApplication, then the main window on a project (or a fresh demo copy)."""

from __future__ import annotations

import gc
import os
import sys

#: Set (to anything) by bench/startup.py: once the first picture is complete, print "painted PEAK_RSS_KIB"
#: on stdout and exit, so the installed `tlsgui PROJECT` command itself can be timed to its first paint.
REPORT_FIRST_PAINT = "TLSGUI_REPORT_FIRST_PAINT"


def create_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("tlsgui")
    app.setOrganizationName("tlsgui")
    # Wayland and the task bar match the window to packaging/linux/org.tlsgui.tlsgui.desktop (icon, name).
    app.setDesktopFileName("org.tlsgui.tlsgui")
    return app


def open_main_window(project_path: str | None, ui_state=None, prompts=None):
    """The main window on `project_path` (a fresh demo copy when None); raises TlsguiError for a bad path."""
    from tlsgui.document import ProjectDocument
    from tlsgui.windows.main_window import MainWindow

    if not project_path:
        from tlsgui.project.demo import fresh_demo

        project_path = fresh_demo()
    document = ProjectDocument.open(project_path)
    window = MainWindow(ui_state, prompts)
    window.set_document(document)
    return window


def run_gui(project_path: str | None) -> int:
    # Start-up makes some 34,000 objects the cyclic collector tracks, nearly all of them for good (modules,
    # classes, Qt wrappers): its 43 passes before the first paint took 5 ms and freed 413 objects. It is off
    # until the first picture is complete; its first pass then frees the same (docs/benchmarks.md "Start-up").
    gc.disable()
    from tlsgui.errors import TlsguiError

    app = create_app()
    try:
        window = open_main_window(project_path)
    except TlsguiError as exc:
        gc.enable()
        from PySide6.QtWidgets import QMessageBox  # its class and enums cost 1.5 ms a window that opens never uses

        QMessageBox.critical(None, "tlsgui", str(exc))
        return 2
    window.first_painted.connect(gc.enable)
    if os.environ.get(REPORT_FIRST_PAINT):
        window.first_painted.connect(_report_first_paint)
    window.show()
    return app.exec()


def _report_first_paint() -> None:
    import resource

    print("painted", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    os._exit(0)  # the measurement is over; nothing to save, and closing the window would only add noise
