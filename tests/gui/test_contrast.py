"""Error and note text is readable (WCAG AA, 4.5:1) in a light and a dark palette, measured on rendered pixels."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tlsgui.widgets.colours import contrast

AA = 4.5


def _palette(kind: str) -> QPalette:
    if kind == "light":
        return QPalette(QColor("#efefef"))
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6"),
                         (QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                         (QPalette.ColorRole.Mid, "#555555"), (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def palette(request):
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(_palette(request.param))
    yield request.param
    app.setPalette(before)


def rendered_contrast(widget) -> float:
    """Contrast between the background (the commonest pixel) and the pixel that differs most from it: the
    text's own colour, as anti-aliasing only blends toward the background."""
    image = widget.grab().toImage()
    pixels = Counter(image.pixel(x, y) for x in range(0, image.width()) for y in range(0, image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(p), background) for p in pixels)


def test_error_and_note_text_reach_aa_in_both_palettes(qtbot, open_window, demo, palette):
    window = open_window(demo)
    page = window.page("web")
    note = page.findChild(QLabel, "web_https_port_source")  # "from settings.4DSettings (structure)"
    assert note.text().startswith("from ")
    assert rendered_contrast(note) >= AA, (palette, "note")
    editor = page.editor("web.https_port")
    editor.setText("70000")
    editor.textEdited.emit("70000")
    assert note.text().startswith("✘ ")
    assert rendered_contrast(note) >= AA, (palette, "error")
    for kind in ("error", "warning", "info"):
        window.ui.banner.show_message(kind, "<b>Read-only:</b> the file cannot be read.", "Reload")
        qtbot.waitUntil(window.ui.banner.label.isVisible)
        assert rendered_contrast(window.ui.banner.label) >= AA, (palette, "banner", kind)


def test_report_headlines_reach_aa_in_both_palettes(qtbot, palette):
    from tlsgui.preview.report import Check, ListenerReport, Report
    from tlsgui.widgets.check_report import CheckReportView

    view = CheckReportView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    failing = ListenerReport("web_https", "Web server (HTTPS)", "127.0.0.1", 8443, True,
                             (Check("hsts", "HSTS header", False, reason="Turn on HSTS."),))
    view.show_report(Report("demo", (failing,)))
    assert rendered_contrast(view.summary) >= AA, (palette, "failed headline")
    view.show_nothing_to_test()
    assert rendered_contrast(view.summary) >= AA, (palette, "info headline")


def test_switching_to_a_dark_palette_while_open_keeps_error_text_readable(qtbot, open_window, demo):
    app = QApplication.instance()
    before = app.palette()
    window = open_window(demo)
    qtbot.waitUntil(lambda: window._painted, timeout=5000)
    page = window.page("web")
    editor = page.editor("web.https_port")
    editor.setText("70000")
    editor.textEdited.emit("70000")
    note = page.findChild(QLabel, "web_https_port_source")
    try:
        app.setPalette(_palette("dark"))  # the desktop's theme changes while the window is open
        dark_window = _palette("dark").color(QPalette.ColorRole.Window)

        def styled_contrast() -> float:  # the colour the label's style sheet now asks for, on the dark window
            colour = QColor(note.styleSheet().split("color:")[1].strip(" ;"))
            return contrast(colour, dark_window)

        qtbot.waitUntil(lambda: styled_contrast() >= AA, timeout=3000)
        assert note.text().startswith("✘ ")
    finally:
        app.setPalette(before)
