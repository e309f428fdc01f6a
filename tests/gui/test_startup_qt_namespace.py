"""The first picture does not build PySide's `Qt` namespace, and the ints set instead are Qt's own values."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QToolBar

from gui.first_paint import first_paint_report
from tlsgui.widgets import qt_values
from tlsgui.widgets.diagnostics import KEY_ROLE


def test_first_paint_does_not_build_the_qt_namespace(demo, tmp_path):
    report = first_paint_report(demo, tmp_path)
    assert (report["qt_built"], report["page"]) == (False, "web")


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
