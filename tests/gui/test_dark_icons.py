"""The dark icon set: made from the light one by the committed rule, readable on dark backgrounds, used while the
palette is dark (and again after the desktop switches theme)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from tlsgui.widgets import colours
from tlsgui.widgets.icons import dark_variant, icon_path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
QRC = ICONS.parent / "tlsgui.qrc"
USED = sorted(re.findall(r"<file>icons/([a-z_]+)\.svg</file>", QRC.read_text()))
#: The backgrounds of a dark theme an icon sits on: window, lists, buttons (packaging/screenshots.py's palette).
DARK_BACKGROUNDS = ("#2b2b2b", "#1e1e1e", "#353535")
#: WCAG 2.1 non-text contrast (1.4.11): 3:1 for the parts of a graphic needed to understand it.
NON_TEXT = 3.0


def test_every_icon_has_a_dark_twin_made_by_the_rule():
    assert USED and "web" in USED
    assert sorted(re.findall(r"<file>icons/dark/([a-z_]+)\.svg</file>", QRC.read_text())) == USED
    for name in USED:
        made = dark_variant(name, (ICONS / f"{name}.svg").read_text(encoding="utf-8"))
        assert (ICONS / "dark" / f"{name}.svg").read_text(encoding="utf-8") == made, \
            f"{name}: run python packaging/dark_icons.py, then make ui"


@pytest.mark.parametrize("name", ["web", "client_server", "sql", "tls", "undo", "redo", "save", "info"])
def test_the_ink_of_the_dark_set_stands_out_on_dark_backgrounds(name):
    light = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    dark = (ICONS / "dark" / f"{name}.svg").read_text(encoding="utf-8")
    ink = [QColor(h) for h in re.findall(r"#[0-9a-fA-F]{6}", dark)
           if h not in re.findall(r"#[0-9a-fA-F]{6}", light) and h != "#1e1e1e"]  # the lightened colours
    assert ink, name
    for colour in ink:
        for back in DARK_BACKGROUNDS:
            assert colours.contrast(colour, QColor(back)) >= NON_TEXT, (name, colour.name(), back)
    # In the light set that ink was dim on them: that was the point.
    light_ink = [QColor(h) for h in re.findall(r"#[0-9a-fA-F]{6}", light) if colours.is_dark(QColor(h))]
    assert any(colours.contrast(c, QColor("#2b2b2b")) < NON_TEXT for c in light_ink), name


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1e1e1e"),
                         ("Text", "#e6e6e6"), ("Button", "#353535"), ("ButtonText", "#e6e6e6")):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def same_picture(a: QIcon, b: QIcon) -> bool:
    return a.pixmap(16, 16).toImage() == b.pixmap(16, 16).toImage()


def test_the_window_takes_the_set_of_its_palette(qtbot, window):
    app = QApplication.instance()
    light = app.palette()
    web_item = window.ui.page_list.item(0)
    assert icon_path("web") == ":/icons/web.svg"
    assert same_picture(web_item.icon(), QIcon(":/icons/web.svg"))
    qtbot.waitUntil(lambda: window._painted)
    try:
        app.setPalette(dark_palette())  # a desktop switching to its dark theme while tlsgui is open
        qtbot.waitUntil(lambda: same_picture(web_item.icon(), QIcon(":/icons/dark/web.svg")))
        assert icon_path("web") == ":/icons/dark/web.svg"
        assert same_picture(window.test_action.icon(), QIcon(":/icons/dark/tls.svg"))
        assert not same_picture(QIcon(":/icons/dark/web.svg"), QIcon(":/icons/web.svg"))
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: same_picture(web_item.icon(), QIcon(":/icons/web.svg")))
